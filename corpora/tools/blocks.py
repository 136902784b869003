"""Turn a sample into a format-neutral list of blocks that every writer lays out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sample import item_text, layout, shown_heading

RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя"
AZ_LETTERS = "abcdefghijklmnopqrstuvwxyz"
DASH = "—"
TAB_CM, CHAR_CM = 1.25, 0.21  # default tab stop and an average 12 pt character
TAB_STOP = 7                  # the tab stop where a typed right column starts (8.75 cm)
EMPTY_SHEET_ROWS = 3
SHEET_HEADER = {
    "ru": ("Фамилия, имя, отчество", "Дата ознакомления", "Подпись"),
    "az": ("Soyadı, adı, atasının adı", "Tanış olma tarixi", "İmza"),
}


@dataclass
class Para:
    """One paragraph: its text without its number, how it looks and how it is numbered."""

    text: str
    align: str = "left"          # left | right | center | justify
    bold: bool = False
    role: str = "body"           # body | heading | clause | lead | item
    label: str = ""              # the number or bullet a reader sees, "" for none
    level: int | None = None     # automatic list level (0 heading, 1 clause, 2 sub-item)
    indent: int = 0              # indent step of a typed sub-item
    tight: bool = False          # continues the line group above (no gap in plain text)


@dataclass
class Columns:
    """A two-column header: a borderless table, or lines with tabs between the columns."""

    left: list[str]
    right: list[str]
    tabs: bool


@dataclass
class Sheet:
    """An acknowledgment sheet: a bordered table with a header row and body rows."""

    header: list[str]
    rows: list[list[str]]

    def fractions(self) -> list[float]:
        """Return each column's share of the table width, from the longest text in it."""
        longest = [max(6, min(40, max(len(row[i]) for row in [self.header, *self.rows])))
                   for i in range(len(self.header))]
        return [n / sum(longest) for n in longest]


Block = Para | Columns | Sheet


@dataclass
class Doc:
    """A sample laid out as blocks, with what the writers need to know about it."""

    lang: str
    title: str
    layout: dict[str, Any]
    page_header: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @property
    def auto(self) -> bool:
        """Whether clauses use the format's automatic numbering."""
        return self.layout["numbering"] == "auto"


def roman(n: int) -> str:
    """Write a positive number in Roman numerals."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def letter(lang: str, n: int) -> str:
    """Return the n-th sub-item letter of a language (а, б, … / a, b, …), doubled past the end."""
    alphabet = RU_LETTERS if lang == "ru" else AZ_LETTERS
    q, r = divmod(n - 1, len(alphabet))
    return alphabet[r] * (q + 1)


def tab_count(left: str) -> int:
    """Return how many default tab stops a typist presses after `left` to reach the right column."""
    return max(1, TAB_STOP - int(len(left) * CHAR_CM // TAB_CM))


def tab_lines(c: Columns) -> list[str]:
    """Return the rows of a tab-separated two-column header, as typed with the Tab key."""
    out = []
    for i in range(max(len(c.left), len(c.right))):
        left = c.left[i] if i < len(c.left) else ""
        right = c.right[i] if i < len(c.right) else ""
        out.append(left + "\t" * tab_count(left) + right if right else left)
    return out


def _lines(values: Any) -> list[str]:
    return [str(v) for v in values or []]


def _group(lines: list[str], align: str = "left", bold: bool = False) -> list[Para]:
    return [Para(t, align=align, bold=bold, tight=i > 0) for i, t in enumerate(lines)]


def _grif(s: dict[str, Any], lay: dict[str, Any], header: list[str]) -> list[Block]:
    appr = _lines((s.get("approval") or {}).get("lines"))
    agr = s.get("agreement") or {}
    agr_top = _lines(agr.get("lines")) if agr.get("place") == "top" else []
    grif = lay["grif"]
    if grif in ("table", "tabs") and appr:
        left = header + ([""] if header and agr_top else []) + agr_top
        return [Columns(left, appr, tabs=grif == "tabs")]
    align = "right" if grif in ("right", "table", "tabs") else "left"
    out: list[Block] = []
    out += _group(header)
    if header and appr:
        out.append(Para(""))
    out += _group(appr, align)
    if agr_top:
        out += [Para("")] + _group(agr_top, align)
    return out


class _Numberer:
    """Hands out the labels and list levels for one document's numbering scheme."""

    def __init__(self, lang: str, numbering: str, subitems: str) -> None:
        self.lang, self.numbering, self.subitems = lang, numbering, subitems
        self.section = self.clause = 0

    def heading(self) -> tuple[str, int | None]:
        self.section += 1
        self.clause = 0
        label = {"roman": f"{roman(self.section)}.", "none": ""}.get(
            self.numbering, f"{self.section}.")
        return label, 0 if self.numbering == "auto" else None

    def clause_label(self, as_item: bool = False) -> tuple[str, int | None]:
        self.clause += 1
        if self.numbering == "none":
            return (DASH if as_item else ""), None
        label = (f"{self.clause}." if self.numbering == "roman"
                 else f"{self.section}.{self.clause}.")
        return label, 1 if self.numbering == "auto" else None

    def sub_label(self, n: int) -> tuple[str, int | None]:
        level = 2 if self.numbering == "auto" else None
        if self.numbering == "none" or self.subitems == "bullets":
            return DASH, level
        if self.subitems == "letters":
            return f"{letter(self.lang, n)})", level
        prefix = "" if self.numbering == "roman" else f"{self.section}."
        return f"{prefix}{self.clause}.{n}.", level


def _section(s: dict[str, Any], sec: dict[str, Any], num: _Numberer) -> list[Para]:
    style = layout(s)["headings"]
    label, level = num.heading()
    out = [Para(shown_heading(s, sec["heading"]), role="heading", label=label, level=level,
                bold=style in ("bold", "style"),
                align="center" if style in ("bold", "caps") else "left")]
    for clause in sec.get("clauses") or []:
        if isinstance(clause, str):
            label, level = num.clause_label()
            out.append(Para(clause, role="clause", align="justify", label=label, level=level))
        elif "lead" in clause:
            out.append(Para(str(clause["lead"]), role="lead", align="justify"))
            for item in clause["items"]:
                label, level = num.clause_label(as_item=True)
                out.append(Para(item_text(item), role="clause", align="justify", label=label,
                                level=level, indent=1 if num.numbering == "none" else 0))
        else:
            label, level = num.clause_label()
            out.append(Para(str(clause["text"]), role="clause", align="justify", label=label,
                            level=level))
            for n, item in enumerate(clause.get("items") or [], 1):
                label, level = num.sub_label(n)
                out.append(Para(item_text(item), role="item", align="justify", label=label,
                                level=level, indent=1))
    return out


def _meta_title(lines: list[str]) -> str:
    """Return the title lines that fit a document property (at most 120 characters)."""
    title = lines[0][:120]
    for line in lines[1:]:
        if len(title) + 1 + len(line) > 120:
            break
        title += " " + line
    return title


def _sheet(lang: str, table_lines: list[str]) -> Sheet:
    """Make the sheet from «a | b | c» lines (header first), or the default columns when none."""
    cells = [[cell.strip() for cell in line.split("|")] for line in table_lines]
    header = cells[0] if cells else list(SHEET_HEADER[lang])
    rows = cells[1:] or [[""] * len(header) for _ in range(EMPTY_SHEET_ROWS)]
    return Sheet(header, [(row + [""] * len(header))[:len(header)] for row in rows])


def build(s: dict[str, Any]) -> Doc:
    """Lay a sample out as blocks in reading order."""
    lay = layout(s)
    header = _lines(s.get("header"))
    doc = Doc(lang=s["lang"], title=_meta_title(_lines(s["title"])), layout=lay)
    if lay["header_in_page_header"]:
        doc.page_header, header = header, []
    blocks = doc.blocks
    blocks += _grif(s, lay, header)
    blocks += [Para("")] + _group(_lines(s["title"]), "center", bold=True) + [Para("")]
    num = _Numberer(s["lang"], lay["numbering"], lay["subitems"])
    for sec in s["sections"]:
        blocks += _section(s, sec, num)
    if s.get("signoff"):
        blocks += [Para("")] + _group(_lines(s["signoff"]))
    agr = s.get("agreement") or {}
    if agr.get("place") == "end":
        blocks += [Para("")] + _group(_lines(agr.get("lines")))
    ack = s.get("acknowledgment")
    if ack:
        lines = _lines(ack["lines"])
        blocks.append(Para(""))
        if ack["form"] == "sheet":
            blocks += [Para(lines[0], align="center", bold=True)]
            blocks += _group([line for line in lines[1:] if "|" not in line])
            blocks.append(_sheet(s["lang"], [line for line in lines[1:] if "|" in line]))
        else:
            blocks += _group(lines)
    return doc
