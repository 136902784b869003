"""Write a laid-out sample as an A4 PDF with a text layer, using reportlab and DejaVu Sans."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from blocks import TAB_CM, TAB_STOP, Columns, Doc, Para, Sheet
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}
TEXT_WIDTH = 16.5 * cm
LEVEL_INDENT = {0: (0.64, 0.64), 1: (1.4, 0.76), 2: (2.16, 0.76)}


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _style(p: Para, styled_headings: bool) -> ParagraphStyle:
    heading = p.role == "heading"
    size = 11 if heading and styled_headings else 10
    style = ParagraphStyle(
        "p", fontName=BOLD if p.bold else FONT, fontSize=size, leading=size * 1.3,
        alignment=ALIGN[p.align], leftIndent=0.75 * cm * p.indent,
        spaceBefore=8 if heading else 0, spaceAfter=4 if heading else 1)
    if p.level is not None and p.align != "center":
        left, hanging = LEVEL_INDENT[p.level]
        style.leftIndent, style.bulletIndent = left * cm, (left - hanging) * cm
        style.bulletFontName = style.fontName
        style.bulletFontSize = size
    return style


def _markup(text: str) -> str:
    """Escape text for reportlab and keep runs of spaces that a typist used for alignment."""
    return re.sub(r" {2,}", lambda m: " " + "&nbsp;" * (len(m.group()) - 1), escape(text))


def _para(p: Para, styled_headings: bool = False) -> Flowable:
    if not p.text:
        return Spacer(1, 8)
    if p.level is not None and p.align != "center":
        return Paragraph(_markup(p.text), _style(p, styled_headings), bulletText=p.label)
    text = f"{p.label} {p.text}" if p.label else p.text
    return Paragraph(_markup(text), _style(p, styled_headings))


def _cell(lines: list[str], bold: bool = False, align: str = "left") -> list[Flowable]:
    return [_para(Para(line, bold=bold, align=align)) if line else Spacer(1, 13)
            for line in lines]


def _columns(c: Columns) -> Table:
    left = TAB_STOP * TAB_CM * cm if c.tabs else TEXT_WIDTH / 2
    widths = [left, TEXT_WIDTH - left]
    table = Table([[_cell(c.left), _cell(c.right)]], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _sheet(s: Sheet) -> Table:
    rows = [[_cell([name], bold=True, align="center") for name in s.header]]
    rows += [[_cell([value]) for value in values] for values in s.rows]
    widths = [TEXT_WIDTH * share for share in s.fractions()]
    table = Table(rows, colWidths=widths, rowHeights=[None] * len(rows))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 1), (-1, -1), 7),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]))
    return table


def write_pdf(doc: Doc, path: Path) -> None:
    """Write the document as an A4 PDF with fixed creation date and id."""
    _register_fonts()
    story: list[Flowable] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            story.append(_para(block, doc.layout["headings"] == "style"))
        elif isinstance(block, Columns):
            story.append(_columns(block))
        else:
            story.append(_sheet(block))

    def page_header(canvas: Canvas, _template: SimpleDocTemplate) -> None:
        canvas.setFont(FONT, 8)
        for i, line in enumerate(doc.page_header):
            canvas.drawCentredString(A4[0] / 2 + 0.75 * cm, A4[1] - 1.2 * cm - i * 10, line)

    template = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=1.5 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=doc.title, author="", creator="", producer="",
        subject="", invariant=1, lang={"ru": "ru-RU", "az": "az-Latn-AZ"}[doc.lang])
    template.build(story, onFirstPage=page_header, onLaterPages=page_header)
