"""Write a laid-out sample as RTF the way Word does: cp1251 escapes, \\u, list tables."""

from __future__ import annotations

from pathlib import Path

from blocks import Columns, Doc, Para, Sheet, tab_lines
from zipstamp import STAMP

FONTS = {"serif": (r"\froman", "Times New Roman", 24), "sans": (r"\fswiss", "Arial", 22)}
LANG_ID = {"ru": 1049, "az": 1068}
ALIGN = {"left": r"\ql", "right": r"\qr", "center": r"\qc", "justify": r"\qj"}
TEXT_WIDTH = 9355  # twips between the margins of an A4 page with 3 cm / 1.5 cm margins
LEVEL_INDENT = {0: (360, 360), 1: (792, 432), 2: (1224, 504)}
BORDER = "".join(rf"\clbrdr{side}\brdrs\brdrw10" for side in "tlbr")
# Word's numbering formats: 0 decimal, 4 lower-case Latin letters, 23 bullet, 58 Russian letters.
NFC_LETTERS = {"ru": 58, "az": 4}


def esc(text: str) -> str:
    """Escape text for RTF: cp1251 bytes as \\'xx, other characters as \\uN with a '?' fallback."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append(r"\tab ")
        elif 0x20 <= code < 0x80:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1251')[0]:02x}")
            except UnicodeEncodeError:
                units = ch.encode("utf-16-le")
                for i in range(0, len(units), 2):
                    unit = int.from_bytes(units[i:i + 2], "little")
                    out.append(f"\\u{unit - 0x10000 if unit >= 0x8000 else unit}\\'3f")
    return "".join(out)


def _level(nfc: int, text: str, numbers: str, ilvl: int) -> str:
    left, hanging = LEVEL_INDENT[ilvl]
    return (rf"{{\listlevel\levelnfc{nfc}\levelnfcn{nfc}\leveljc0\leveljcn0\levelfollow0"
            rf"\levelstartat1\levelspace0\levelindent0{{\leveltext{text};}}"
            rf"{{\levelnumbers{numbers};}}\fi-{hanging}\li{left}\lin{left} }}")


def _list_table(doc: Doc) -> str:
    sub = doc.layout["subitems"]
    if sub == "letters":
        third = _level(NFC_LETTERS[doc.lang], r"\'02\'02)", r"\'01", 2)
    elif sub == "bullets":
        third = _level(23, r"\'01\'97", "", 2)
    else:
        third = _level(0, r"\'06\'00.\'01.\'02.", r"\'01\'03\'05", 2)
    levels = _level(0, r"\'02\'00.", r"\'01", 0) + _level(0, r"\'04\'00.\'01.", r"\'01\'03", 1)
    return (rf"{{\*\listtable{{\list\listtemplateid1000{levels}{third}{{\listname ;}}\listid1}}}}"
            "\n" + r"{\*\listoverridetable{\listoverride\listid1\listoverridecount0\ls1}}")


class _Writer:
    """Collects the RTF body of one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        _, _, self.size = FONTS[doc.layout["font"]]
        self.lang = LANG_ID[doc.lang]
        self.parts: list[str] = []

    def plain(self) -> str:
        return rf"\plain\f0\fs{self.size}\lang{self.lang}"

    def para(self, p: Para) -> None:
        styled = p.role == "heading" and self.doc.layout["headings"] == "style"
        text = esc(p.text)
        if p.label and not self.doc.auto:
            text = esc(p.label) + " " + text
        if p.bold and not styled:
            text = rf"{{\b {text}}}"
        props = r"\s1\keepn\sb240\sa120\outlinelevel0" if styled else r"\s0"
        head = ""
        if p.level is not None:
            left, hanging = LEVEL_INDENT[p.level]
            props += rf"\ls1\ilvl{p.level}\fi-{hanging}\li{left}"
            head = rf"{{\listtext{self.plain()} {esc(p.label)}\tab}}"
        elif p.indent:
            props += rf"\li{425 * p.indent}"
        if p.role == "heading" and not styled:
            props += r"\sb120\sa60\keepn"
        fmt = self.plain() + (rf"\b\fs{self.size + 2}" if styled else "")
        self.parts.append(rf"{head}\pard{props}{ALIGN[p.align]}{fmt} {text}\par")

    def row(self, cells: list[list[str]], widths: list[int], borders: bool, bold: bool = False,
            height: int = 0) -> None:
        edge, defs = 0, []
        for width in widths:
            edge += width
            defs.append(rf"{BORDER if borders else ''}\cellx{edge}")
        trh = rf"\trrh{height}" if height else ""
        self.parts.append(rf"\trowd\trgaph108\trleft0{trh}" + "".join(defs))
        for lines in cells:
            body = r"\par ".join(esc(line) for line in lines or [""])
            if bold:
                body = rf"{{\b {body}}}"
            align = r"\qc" if bold else r"\ql"
            self.parts.append(rf"\pard\intbl{align}{self.plain()} {body}\cell")
        self.parts.append(r"\row")

    def columns(self, c: Columns) -> None:
        if c.tabs:
            for line in tab_lines(c):
                self.para(Para(line))
            return
        self.row([c.left, c.right], [TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2], borders=False)
        self.parts.append(r"\pard")

    def sheet(self, s: Sheet) -> None:
        widths = [int(TEXT_WIDTH * share) for share in s.fractions()]
        widths[-1] += TEXT_WIDTH - sum(widths)
        self.row([[name] for name in s.header], widths, borders=True, bold=True)
        for values in s.rows:
            self.row([[value] for value in values], widths, borders=True, height=454)
        self.parts.append(r"\pard")


def rtf_text(doc: Doc) -> str:
    """Return the whole RTF document as ASCII text."""
    family, name, size = FONTS[doc.layout["font"]]
    other = FONTS["sans" if doc.layout["font"] == "serif" else "serif"]
    lang = LANG_ID[doc.lang]
    year, month, day, hour, minute, _ = STAMP
    stamp = rf"\yr{year}\mo{month}\dy{day}\hr{hour}\min{minute}"
    head = [
        rf"{{\rtf1\ansi\ansicpg1251\deff0\deflang{lang}",
        rf"{{\fonttbl{{\f0{family}\fcharset204\fprq2 {name};}}"
        rf"{{\f1{other[0]}\fcharset204\fprq2 {other[1]};}}}}",
        r"{\colortbl;\red0\green0\blue0;}",
        rf"{{\stylesheet{{\ql\f0\fs{size}\lang{lang}\snext0 Normal;}}"
        rf"{{\s1\ql\keepn\sb240\sa120\outlinelevel0\b\f0\fs{size + 2}\lang{lang}"
        r"\sbasedon0\snext0 heading 1;}}",
    ]
    if doc.auto:
        head.append(_list_table(doc))
    head += [rf"{{\info{{\title {esc(doc.title)}}}{{\creatim{stamp}}}{{\revtim{stamp}}}}}",
             r"\paperw11906\paperh16838\margl1701\margr850\margt1134\margb1134\deftab709",
             r"\viewkind4\uc1"]
    w = _Writer(doc)
    if doc.page_header:
        lines = r"\par ".join(esc(line) for line in doc.page_header)
        head.append(rf"{{\header\pard\qc{w.plain()}\fs{size - 4} {lines}\par}}")
    for block in doc.blocks:
        if isinstance(block, Para):
            w.para(block)
        elif isinstance(block, Columns):
            w.columns(block)
        elif isinstance(block, Sheet):
            w.sheet(block)
    w.parts.append(rf"\pard{w.plain()}\par")  # the closing empty paragraph Word always writes
    return "\r\n".join(head + w.parts) + "\r\n}\r\n"


def write_rtf(doc: Doc, path: Path) -> None:
    """Write the document as an .rtf file."""
    path.write_bytes(rtf_text(doc).encode("ascii"))
