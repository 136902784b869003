"""Write a laid-out sample as a Word .docx file with python-docx."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from xml.sax.saxutils import escape

from blocks import Columns, Doc, Para, Sheet, tab_lines
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from lxml import etree
from zipstamp import STAMP, restamp

JC = {"right": "right", "center": "center", "justify": "both"}
FONTS = {"serif": ("Times New Roman", 24), "sans": ("Arial", 22)}
LANG_TAG = {"ru": "ru-RU", "az": "az-Latn-AZ"}
NUM_ID = 20
DROPPED_PARTS = ("/stylesWithEffects", "/thumbnail")  # template leftovers a saved file lacks
TEXT_WIDTH_CM = 16.5


def _level_xml(ilvl: int, fmt: str, text: str, left: int, hanging: int) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>')


def _add_numbering(d: DocxDocument, doc: Doc) -> None:
    """Define the multilevel list «1.» / «1.1.» / third level used by automatic numbering."""
    sub = doc.layout["subitems"]
    if sub == "letters":
        fmt = "russianLower" if doc.lang == "ru" else "lowerLetter"
        third = _level_xml(2, fmt, "%3)", 1224, 360)
    elif sub == "bullets":
        third = _level_xml(2, "bullet", "—", 1224, 360)
    else:
        third = _level_xml(2, "decimal", "%1.%2.%3.", 1224, 504)
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}">'
        f'<w:nsid w:val="4A44{NUM_ID:04X}"/><w:multiLevelType w:val="multilevel"/>'
        + _level_xml(0, "decimal", "%1.", 360, 360)
        + _level_xml(1, "decimal", "%1.%2.", 792, 432) + third + "</w:abstractNum>")
    numbering = d.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def _set_fonts(rpr: etree._Element, font: str, size: int, lang: str | None) -> None:
    """Point a run-properties element at one font (dropping theme fonts), size and language."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)
    for tag in ("w:color", "w:sz", "w:szCs"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{size}"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{size}"/>'))
    if lang:
        for el in rpr.findall(qn("w:lang")):
            rpr.remove(el)
        rpr.append(parse_xml(
            f'<w:lang {nsdecls("w")} w:val="{lang}" w:eastAsia="en-US" w:bidi="ar-SA"/>'))


def _setup(d: DocxDocument, doc: Doc) -> None:
    """Set A4, body font and language, a sober heading style, fixed properties; drop leftovers."""
    for rels in (d.part.rels, d.part.package.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(DROPPED_PARTS)]:
            del rels[rid]
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
    sec.top_margin = sec.bottom_margin = Cm(2)
    font, size = FONTS[doc.layout["font"]]
    styles = d.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), font, size, LANG_TAG[doc.lang])
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    heading = d.styles["Heading 1"]
    _set_fonts(heading.element.get_or_add_rPr(), font, size + 2, None)
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(6)
    props = d.core_properties
    stamp = dt.datetime(*STAMP, tzinfo=dt.UTC)
    props.title, props.author, props.last_modified_by = doc.title, "", ""
    props.comments, props.language, props.revision = "", LANG_TAG[doc.lang], 1
    props.created = props.modified = stamp
    if doc.page_header:
        header = sec.header
        header.paragraphs[0].text = doc.page_header[0]
        for line in doc.page_header[1:]:
            header.add_paragraph(line)


def _runs(text: str, bold: bool) -> str:
    """Return WordprocessingML runs for text, with tab characters as <w:tab/>."""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = [f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else ""
             for piece in text.split("\t")]
    return f"<w:r>{rpr}{'<w:tab/>'.join(parts)}</w:r>" if text else ""


def _para_xml(p: Para, doc: Doc) -> str:
    """Return one paragraph's XML with its number typed, or carried by numPr when automatic."""
    text = p.text if doc.auto or not p.label else f"{p.label} {p.text}"
    styled = p.role == "heading" and doc.layout["headings"] == "style"
    ppr = '<w:pStyle w:val="Heading1"/>' if styled else ""
    if p.level is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{p.level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
    if p.role == "heading" and not styled:
        ppr += '<w:keepNext/><w:spacing w:before="120" w:after="60"/>'
    if p.indent and p.level is None:
        ppr += f'<w:ind w:left="{425 * p.indent}"/>'
    if p.align != "left":
        ppr += f'<w:jc w:val="{JC[p.align]}"/>'
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr}{_runs(text, p.bold and not styled)}</w:p>"


class _Body:
    """Buffers paragraph XML and inserts it into the document body in one parse."""

    def __init__(self, d: DocxDocument) -> None:
        self.body = d.element.body
        self.pending: list[str] = []

    def flush(self) -> None:
        if not self.pending:
            return
        fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(self.pending)}</w:body>")
        anchor = self.body.sectPr
        for child in list(fragment):
            anchor.addprevious(child)
        self.pending = []


def _fill_cell(cell: _Cell, lines: list[str], width: float) -> None:
    cell.width = Cm(width)
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def _columns(d: DocxDocument, c: Columns) -> None:
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _fill_cell(left, c.left, TEXT_WIDTH_CM / 2)
    _fill_cell(right, c.right, TEXT_WIDTH_CM / 2)


def _sheet(d: DocxDocument, s: Sheet) -> None:
    table = d.add_table(rows=1 + len(s.rows), cols=len(s.header))
    table.style = d.styles["Table Grid"]
    for i, share in enumerate(s.fractions()):
        for cell in table.columns[i].cells:
            cell.width = Cm(TEXT_WIDTH_CM * share)
    for cell, name in zip(table.rows[0].cells, s.header, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].add_run(name).bold = True
    for row, values in zip(table.rows[1:], s.rows, strict=True):
        row.height, row.height_rule = Cm(0.8), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].text = value


def write_docx(doc: Doc, path: Path) -> None:
    """Write the document as .docx with fixed properties and zip timestamps."""
    d = Document()
    _setup(d, doc)
    if doc.auto:
        _add_numbering(d, doc)
    body = _Body(d)
    for block in doc.blocks:
        if isinstance(block, Para):
            body.pending.append(_para_xml(block, doc))
        elif isinstance(block, Columns) and block.tabs:
            body.pending += [_para_xml(Para(line), doc) for line in tab_lines(block)]
        else:
            body.flush()
            if isinstance(block, Columns):
                _columns(d, block)
            else:
                _sheet(d, block)
    body.flush()
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(restamp(buf.getvalue()))
