"""OpenDocument text (.odt) reader built on odfdo: paragraphs, headings, lists with their labels,
tables cell by cell, frames (text boxes), bold and alignment from styles.

List labels follow ODF 1.2 Part 1 §16.30 (text:list-level-style-number: num-format, num-prefix,
num-suffix, display-levels, start-value) and §5.3 (text:continue-numbering, text:continue-list).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from jdcheck.readers.archive import check_package, corrupt
from jdcheck.readers.assemble import Draft
from jdcheck.readers.docx_numbering import format_number

_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
            "I": "upperRoman", "а": "russianLower", "А": "russianUpper"}
_ALIGN = {"start": "left", "left": "left", "center": "center", "end": "right", "right": "right",
          "justify": "justify"}


@dataclass
class _Lists:
    """Counters per list style, so continued lists keep counting."""

    counters: dict[str, list[int]] = field(default_factory=dict)
    by_id: dict[str, str] = field(default_factory=dict)
    last_style: str | None = None


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Read .odt bytes into a Draft."""
    check_package(data, name, limits.max_unpacked_bytes, limits.max_compression_ratio)
    import odfdo

    try:
        document = odfdo.Document(io.BytesIO(data))
        body = document.body
    except Exception as exc:  # odfdo raises many types for a broken package
        raise corrupt(name, f"{type(exc).__name__}: {exc}") from None
    walker = _Walker(document)
    walker.walk(body, "body", None, 0)
    walker.draft.pages = walker.page if walker.page > 1 else None
    if walker.page == 1:
        walker.draft.drop("page")
    return walker.draft


class _Walker:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.draft = Draft("odt")
        self.lists = _Lists()
        self.tables = 0
        self.page = 1
        self._pstyle: dict[str, tuple[bool, str | None]] = {}
        self._tstyle: dict[str, bool | None] = {}
        self._lstyle: dict[str, dict[int, tuple[str, str, str, int, int]]] = {}

    def walk(self, el: Any, part: str, cell: tuple[int, int, int] | None, depth: int) -> None:
        for child in el.children:
            tag = child.tag
            if tag in ("text:p", "text:h"):
                self.paragraph(child, part, cell, None)
            elif tag == "text:list":
                self.walk_list(child, part, cell, child.get_attribute("text:style-name"), 0)
            elif tag == "table:table":
                self.table(child, part)
            elif tag in ("text:section", "table:table-row-group", "text:index-body"):
                self.walk(child, part, cell, depth + 1)
            elif tag == "text:soft-page-break":
                self.page += 1

    def table(self, tbl: Any, part: str) -> None:
        self.tables += 1
        number, r = self.tables, 0
        for row in tbl.get_elements("descendant::table:table-row"):
            if row.parent is not None and row.parent.tag not in ("table:table",
                                                                 "table:table-rows",
                                                                 "table:table-header-rows"):
                continue
            r += 1
            c = 0
            for cell in row.children:
                if cell.tag not in ("table:table-cell", "table:covered-table-cell"):
                    continue
                c += 1
                if cell.tag == "table:table-cell":
                    self.walk(cell, part, (number, r, c), 1)

    def walk_list(self, lst: Any, part: str, cell: tuple[int, int, int] | None,
             style: str | None, level: int) -> None:
        style = style or lst.get_attribute("text:style-name") or "_default"
        counters = self._counters(lst, style, level)
        for item in lst.children:
            if item.tag not in ("text:list-item", "text:list-header"):
                continue
            start = item.get_attribute("text:start-value")
            counted = item.tag == "text:list-item" and any(
                c.tag in ("text:p", "text:h") for c in item.children)
            if counted:
                counters[level] = int(start) if start else counters[level] + 1
                for deeper in range(level + 1, len(counters)):
                    counters[deeper] = 0
            label = self._label(style, counters, level) if counted else None
            first = True
            for child in item.children:
                if child.tag in ("text:p", "text:h"):
                    self.paragraph(child, part, cell, (label, level) if first else None)
                    first = False
                elif child.tag == "text:list":
                    self.walk_list(child, part, cell, style, level + 1)

    def _counters(self, lst: Any, style: str, level: int) -> list[int]:
        xml_id = lst.get_attribute("xml:id")
        cont = lst.get_attribute("text:continue-list")
        key = style
        if cont and cont in self.lists.by_id:
            key = self.lists.by_id[cont]
        if xml_id:
            self.lists.by_id[xml_id] = key
        counters = self.lists.counters.setdefault(key, [0] * 10)
        continues = lst.get_attribute("text:continue-numbering") in ("true", True) or cont
        if level == 0 and not continues:
            counters[:] = [self._start(style, lvl) - 1 for lvl in range(10)]
        return counters

    def _start(self, style: str, level: int) -> int:
        return self._levels(style).get(level + 1, ("1", "", "", 1, 1))[3]

    def _levels(self, style: str) -> dict[int, tuple[str, str, str, int, int]]:
        if style not in self._lstyle:
            levels: dict[int, tuple[str, str, str, int, int]] = {}
            st = self.document.get_style("list", style)
            if st is not None:
                for lv in st.children:
                    n = int(lv.get_attribute("text:level") or 1)
                    if lv.tag == "text:list-level-style-number":
                        levels[n] = (lv.get_attribute("style:num-format") or "",
                                     lv.get_attribute("style:num-prefix") or "",
                                     lv.get_attribute("style:num-suffix") or "",
                                     int(lv.get_attribute("text:start-value") or 1),
                                     int(lv.get_attribute("text:display-levels") or 1))
                    elif lv.tag == "text:list-level-style-bullet":
                        levels[n] = ("bullet", lv.get_attribute("text:bullet-char") or "•",
                                     "", 1, 1)
            self._lstyle[style] = levels
        return self._lstyle[style]

    def _label(self, style: str, counters: list[int], level: int) -> str | None:
        levels = self._levels(style)
        fmt, prefix, suffix, _, shown = levels.get(level + 1, ("", "", "", 1, 1))
        if fmt == "bullet":
            return prefix
        if not fmt:
            return None
        parts = []
        for lv in range(max(0, level - shown + 1), level + 1):
            lfmt = levels.get(lv + 1, ("1",))[0] or "1"
            parts.append(format_number(max(counters[lv], 1), _FORMATS.get(lfmt, "decimal")))
        return f"{prefix}{'.'.join(parts)}{suffix}"

    def paragraph(self, p: Any, part: str, cell: tuple[int, int, int] | None,
                  label: tuple[str | None, int] | None) -> None:
        number = p.get_element("text:number")
        text = p.inner_text
        if number is not None and number.text:
            label = (number.text.strip(), label[1] if label else 0)
            text = text.replace(number.text, "", 1)
        bold, align = self._paragraph_style(p.get_attribute("text:style-name"))
        attrs: dict[str, Any] = {"part": part, "align": align, "page": self.page,
                                 "bold": self._bold(p, bold),
                                 "style": p.get_attribute("text:style-name")}
        if p.tag == "text:h":
            attrs["heading_level"] = int(p.get_attribute("text:outline-level") or 1)
        if label and label[0]:
            attrs["label"], attrs["list_level"] = label
        if cell is not None:
            attrs["table"], attrs["row"], attrs["cell"] = cell
        self.draft.add(text, **attrs)
        for frame in p.get_elements("descendant::draw:text-box"):
            if frame.text_recursive.strip():
                self.draft.note("D101", "text found only in a text box", self.draft.count)
                self.walk(frame, "textbox", None, 1)
        if p.get_elements("descendant::text:soft-page-break"):
            self.page += 1

    def _paragraph_style(self, name: str | None) -> tuple[bool, str | None]:
        if not name:
            return False, None
        if name not in self._pstyle:
            bold, align, st, depth = None, None, self.document.get_style("paragraph", name), 0
            while st is not None and depth < 10 and (bold is None or align is None):
                props = st.get_properties(area="text") or {}
                pprops = st.get_properties(area="paragraph") or {}
                if bold is None and "fo:font-weight" in props:
                    bold = props["fo:font-weight"] in ("bold", "700", "800", "900")
                if align is None and "fo:text-align" in pprops:
                    align = _ALIGN.get(pprops["fo:text-align"])
                parent = st.parent_style
                st = self.document.get_style("paragraph", parent) if parent else None
                depth += 1
            self._pstyle[name] = (bool(bold), align)
        return self._pstyle[name]

    def _bold(self, p: Any, paragraph_bold: bool) -> bool:
        """Whether all visible text of the paragraph is bold (spans may override the style)."""
        spans = p.get_elements("text:span")
        if not spans:
            return paragraph_bold
        bold_chars = plain_chars = 0
        for span in spans:
            b = self._span_bold(span.get_attribute("text:style-name"))
            n = len(span.inner_text.strip())
            if b if b is not None else paragraph_bold:
                bold_chars += n
            else:
                plain_chars += n
        own = len((p.text or "").strip()) + sum(len((s.tail or "").strip()) for s in spans)
        if paragraph_bold:
            bold_chars += own
        else:
            plain_chars += own
        return bold_chars > 0 and plain_chars == 0

    def _span_bold(self, name: str | None) -> bool | None:
        if not name:
            return None
        if name not in self._tstyle:
            st = self.document.get_style("text", name)
            props = (st.get_properties(area="text") or {}) if st is not None else {}
            weight = props.get("fo:font-weight")
            self._tstyle[name] = None if weight is None else weight in ("bold", "700", "800")
        return self._tstyle[name]
