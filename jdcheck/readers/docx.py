"""Word .docx reader: body, tables cell by cell, text boxes, headers and footers, numbering labels.

Opens the package with python-docx and walks its XML directly (ECMA-376 Part 1 §17): the
proxy objects are slow on tables and do not expose numbering labels or text boxes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from jdcheck.readers.archive import check_package, corrupt
from jdcheck.readers.assemble import Draft
from jdcheck.readers.docx_numbering import Numbering, Styles, W, jc_align

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDTC = (W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_R, _T, _TAB, _BR, _CR = (W + t for t in ("r", "t", "tab", "br", "cr"))
_TXBX = W + "txbxContent"
_SKIP = frozenset(W + t for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText",
                                  "fldData", "footnoteReference", "commentReference")) | {
    MC + "Fallback"}
_PAGE_MARKS = frozenset((W + "lastRenderedPageBreak",))
_VAL = W + "val"


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Read a .docx file's bytes into a Draft."""
    check_package(data, name, limits.max_unpacked_bytes, limits.max_compression_ratio)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a broken package
        raise corrupt(name, f"{type(exc).__name__}: {exc}") from None
    draft = Draft("docx")
    walker = walk_document(document, draft)
    if walker.page_marks:
        draft.pages = walker.page
    else:
        draft.drop("page")
    return draft


def walk_document(document: Any, draft: Draft,
                  on_paragraph: Callable[[Any], None] | None = None) -> _Walker:
    """Walk an open python-docx Document into ``draft``: headers, body, then footers, each
    paragraph a block; ``on_paragraph`` sees every paragraph element as it is reached (the
    annotator uses it to find the paragraph behind each block)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part
    styles = Styles(part.styles.element if _has_styles(part) else None)
    walker = _Walker(draft, styles, Numbering(_numbering_root(part), styles), on_paragraph)
    extra = [(rel.reltype, rel.target_part.element) for rel in part.rels.values()
             if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)]
    seen: set[str] = set()
    for reltype, root in extra:
        if reltype == RT.HEADER:
            walker.walk_part(root, "header", seen)
    walker.walk(document.element.body, "body")
    for reltype, root in extra:
        if reltype == RT.FOOTER:
            walker.walk_part(root, "footer", seen)
    return walker


def _has_styles(part: Any) -> bool:
    try:
        part.styles  # noqa: B018 - python-docx creates a default part when absent
    except Exception:
        return False
    return True


def _numbering_root(part: Any) -> Any | None:
    try:
        return part.numbering_part.element
    except (KeyError, NotImplementedError):
        # python-docx raises NotImplementedError for a document without a numbering part
        return None


class _Walker:
    """Walks WordprocessingML containers in document order, adding one block per paragraph."""

    def __init__(self, draft: Draft, styles: Styles, numbering: Numbering,
                 on_paragraph: Callable[[Any], None] | None = None) -> None:
        self.draft = draft
        self.on_paragraph = on_paragraph
        self.styles = styles
        self.numbering = numbering
        self.page = 1
        self.page_marks = False
        self.tables = 0

    def walk_part(self, root: Any, part: str, seen: set[str]) -> None:
        """Walk a header or footer once, skipping parts with text already seen."""
        text = "".join(root.itertext(_T)).strip()
        if text and text not in seen:
            seen.add(text)
            self.walk(root, part)

    def walk(self, container: Any, part: str, cell: tuple[int, int, int] | None = None) -> None:
        """Walk paragraphs, tables and content controls of one container."""
        for child in container.iterchildren():
            tag = child.tag
            if tag == _P:
                self.paragraph(child, part, cell)
            elif tag == _TBL:
                self.table(child, part)
            elif tag in (_SDT, W + "customXml", _SDTC):
                inner = child.find(_SDTC) if tag == _SDT else child
                if inner is not None:
                    self.walk(inner, part, cell)

    def table(self, tbl: Any, part: str) -> None:
        """Walk a table row by row, cell by cell; nested tables get their own number."""
        self.tables += 1
        number = self.tables
        for r, tr in enumerate(tbl.iterchildren(_TR), start=1):
            col = 0
            for tc in tr.iterchildren(_TC):
                col += 1
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                self.walk(tc, part, (number, r, col))
                if span is not None:
                    col += int(span.get(_VAL, "1")) - 1

    def paragraph(self, p: Any, part: str, cell: tuple[int, int, int] | None) -> None:
        """Add one paragraph: text, style facts, numbering label; then its text boxes."""
        if self.on_paragraph is not None:
            self.on_paragraph(p)
        ppr = p.find(W + "pPr")
        style_id, num_id, ilvl, jc, outline = _ppr_facts(ppr)
        style = self.styles.paragraph(style_id)
        boxes: list[Any] = []
        text, bold, caps, breaks = self._text(p, style.bold, style.caps, boxes)
        if num_id is None and style.num_id is not None:
            num_id, ilvl = style.num_id, style.ilvl if ilvl is None else ilvl
        label = self.numbering.label(num_id, ilvl or 0) if num_id is not None else None
        attrs: dict[str, Any] = {
            "part": part, "style": style.name, "bold": bold and bool(text.strip()),
            "caps": caps and bool(text.strip()), "page": self.page,
            "heading_level": outline if outline is not None else style.heading_level,
            "align": jc_align(jc) if jc else style.align,
        }
        self.page += breaks
        if label is not None and text.strip():
            attrs["label"], attrs["list_level"] = label
        if cell is not None:
            attrs["table"], attrs["row"], attrs["cell"] = cell
        self.draft.add(text, **attrs)
        for box in boxes:
            if "".join(box.itertext(_T)).strip():
                self.draft.note("D101", "text found only in a text box", self.draft.count)
                self.walk(box, "textbox")

    def _text(self, p: Any, style_bold: bool, style_caps: bool,
              boxes: list[Any]) -> tuple[str, bool, bool, int]:
        """Visible text of a paragraph, whether all of it is bold / caps, and page breaks."""
        out: list[str] = []
        all_bold, all_caps, breaks = True, True, 0
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag == _R:
                run_bold, run_caps = self._run_format(el, style_bold, style_caps)
                chunk, run_breaks = _run_text(el, boxes)
                breaks += run_breaks
                if chunk.strip():
                    all_bold &= run_bold
                    all_caps &= run_caps
                out.append(chunk)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            else:
                stack.extend(reversed(el))
        self.page_marks |= breaks > 0
        return "".join(out), all_bold, all_caps, breaks

    def _run_format(self, r: Any, style_bold: bool, style_caps: bool) -> tuple[bool, bool]:
        rpr = r.find(W + "rPr")
        if rpr is None:
            return style_bold, style_caps
        b, caps, rstyle = rpr.find(W + "b"), rpr.find(W + "caps"), rpr.find(W + "rStyle")
        if b is not None:
            bold = b.get(_VAL, "true") not in ("0", "false", "off")
        elif rstyle is not None:
            bold = self.styles.char_bold(rstyle.get(_VAL, "")) or style_bold
        else:
            bold = style_bold
        is_caps = caps.get(_VAL, "true") not in ("0", "false", "off") if caps is not None \
            else style_caps
        return bold, is_caps


def _ppr_facts(ppr: Any | None) -> tuple[str | None, str | None, int | None, str | None,
                                         int | None]:
    """Style id, numbering id and level, alignment and outline level of a paragraph."""
    if ppr is None:
        return None, None, None, None, None
    style_id = num_id = jc = None
    ilvl = outline = None
    for child in ppr.iterchildren():
        tag = child.tag
        if tag == W + "pStyle":
            style_id = child.get(_VAL)
        elif tag == W + "numPr":
            nid, lvl = child.find(W + "numId"), child.find(W + "ilvl")
            num_id = nid.get(_VAL) if nid is not None else None
            ilvl = int(lvl.get(_VAL, "0")) if lvl is not None else None
        elif tag == W + "jc":
            jc = child.get(_VAL)
        elif tag == W + "outlineLvl":
            level = int(child.get(_VAL, "9"))
            outline = level + 1 if level < 9 else None
    return style_id, num_id, ilvl, jc, outline


def _run_text(r: Any, boxes: list[Any]) -> tuple[str, int]:
    """Text of one run; text boxes found inside drawings are collected, not inlined."""
    out: list[str] = []
    breaks = 0
    for el in r.iterchildren():
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _TAB or tag == W + "ptab":
            out.append("\t")
        elif tag in (_BR, _CR):
            if el.get(W + "type") not in ("page", "column"):
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            out.append(_symbol(el.get(W + "char", "")))
        elif tag in _PAGE_MARKS:
            breaks += 1
        elif tag in (W + "drawing", W + "pict", W + "object", MC + "AlternateContent"):
            boxes.extend(_boxes(el))
    return "".join(out), breaks


def _boxes(el: Any) -> list[Any]:
    """Text-box contents inside a drawing, taking mc:Choice and never its mc:Fallback copy."""
    found = []
    for box in el.iter(_TXBX):
        anc = box.getparent()
        while anc is not None and anc is not el and anc.tag != MC + "Fallback":
            anc = anc.getparent()
        if anc is None or anc is el:
            found.append(box)
    return found


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return "•" if value in (0xB7, 0xA7, 0x6E, 0xFC) else chr(value)

