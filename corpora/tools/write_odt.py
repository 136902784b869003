"""Write a laid-out sample as an OpenDocument text file with odfdo."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import cast

from blocks import Columns, Doc, Para, Sheet, tab_lines
from odfdo import Cell, Column, Document, Element, Header, List, ListItem, Paragraph, Row, Table
from odfdo.style_base import StyleBase
from odfdo.xmlpart import XmlPart
from zipstamp import STAMP, restamp

FONTS = {"serif": ("Times New Roman", "roman", "12pt"), "sans": ("Arial", "swiss", "11pt")}
LANG = {"ru": ("ru", "RU"), "az": ("az", "AZ")}
ALIGN = {"left": "start", "right": "end", "center": "center", "justify": "justify"}
TEXT_WIDTH_CM = 16.5
LEVEL_INDENT = {1: (0.635, 0.635), 2: (1.4, 0.762), 3: (2.16, 0.762)}
LIST_STYLE = "L1"
LIST_ID = "list1"
CYRILLIC_LETTERS = "а, б, .., аа, аб, ... (ru)"


def _style(xml: str) -> StyleBase:
    """Parse one style element."""
    return cast(StyleBase, Element.from_tag(xml))


def _find(part: XmlPart | Element, xpath: str) -> Element:
    """Return the element at xpath, which the odfdo text template always has."""
    found = part.get_element(xpath)
    if found is None:
        raise LookupError(f"template lacks {xpath}")
    return found


def _level_xml(level: int, body: str) -> str:
    left, hanging = LEVEL_INDENT[level]
    return (f'{body}<style:list-level-properties text:list-level-position-and-space-mode='
            f'"label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"'
            f' text:list-tab-stop-position="{left}cm" fo:text-indent="-{hanging}cm"'
            f' fo:margin-left="{left}cm"/></style:list-level-properties>')


def _list_style(doc: Doc) -> str:
    """Return the numbered list style: «1.», «1.1.», then numbers, letters or a dash."""
    num = 'text:list-level-style-number text:level="{}" style:num-suffix="{}" style:num-format="{}"'
    levels = [
        f"<{num.format(1, '.', '1')}>" + _level_xml(1, "") + "</text:list-level-style-number>",
        f'<{num.format(2, ".", "1")} text:display-levels="2">' + _level_xml(2, "")
        + "</text:list-level-style-number>",
    ]
    sub = doc.layout["subitems"]
    if sub == "bullets":
        levels.append('<text:list-level-style-bullet text:level="3" text:bullet-char="—">'
                      + _level_xml(3, "") + "</text:list-level-style-bullet>")
    else:
        fmt, suffix, shown = ("1", ".", ' text:display-levels="3"')
        if sub == "letters":
            fmt, suffix, shown = (CYRILLIC_LETTERS if doc.lang == "ru" else "a"), ")", ""
        levels.append(f"<{num.format(3, suffix, fmt)}{shown}>" + _level_xml(3, "")
                      + "</text:list-level-style-number>")
    return (f'<text:list-style xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            f'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            f'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            f'style:name="{LIST_STYLE}">' + "".join(levels) + "</text:list-style>")


class _Writer:
    """Builds the body of one ODF text document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.odf = Document("text")
        self.body = self.odf.body
        for empty in self.body.get_paragraphs():
            self.body.delete(empty)
        self.styles: dict[tuple, str] = {}
        self.lists: list[Element] = []        # open lists, one per level
        self.items: list[Element | None] = []  # last item at each open level
        self.list_count = 0
        self.table_count = 0

    def style(self, align: str, bold: bool = False, indent: int = 0, heading: bool = False,
              cell: bool = False) -> str:
        """Return the name of an automatic paragraph style, creating it on first use."""
        key = (align, bold, indent, heading, cell)
        if key not in self.styles:
            name = f"P{len(self.styles) + 1}"
            margins = f' fo:margin-left="{0.75 * indent}cm"' if indent else ""
            if heading:
                margins += (' fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"'
                            ' fo:keep-with-next="always"')
            weight = (' fo:font-weight="bold" style:font-weight-asian="bold"'
                      ' style:font-weight-complex="bold"') if bold else ""
            parent = "Table_20_Contents" if cell else "Standard"
            self.odf.insert_style(_style(
                f'<style:style style:name="{name}" style:family="paragraph" '
                f'style:parent-style-name="{parent}"><style:paragraph-properties '
                f'fo:text-align="{ALIGN[align]}"{margins}/><style:text-properties{weight}/>'
                f"</style:style>"), automatic=True)
            self.styles[key] = name
        return self.styles[key]

    def close_lists(self) -> None:
        self.lists, self.items = [], []

    def numbered(self, element: Element, level: int) -> None:
        """Place a paragraph as an item of the document's one continuing automatic list."""
        if not self.lists:
            top = List(style=LIST_STYLE)
            if self.list_count:
                top.set_attribute("text:continue-list", LIST_ID)
            else:
                top.set_attribute("xml:id", LIST_ID)
            self.list_count += 1
            self.body.append(top)
            self.lists, self.items = [top], [None]
        del self.lists[level + 1:], self.items[level + 1:]
        while len(self.lists) <= level:
            holder = self.items[-1]
            if holder is None:
                holder = ListItem()
                self.lists[-1].append(holder)
                self.items[-1] = holder
            nested = List()
            holder.append(nested)
            self.lists.append(nested)
            self.items.append(None)
        item = ListItem()
        item.append(element)
        self.lists[level].append(item)
        self.items[level] = item

    def para(self, p: Para) -> None:
        styled = p.role == "heading" and self.doc.layout["headings"] == "style"
        text = p.text if self.doc.auto or not p.label else f"{p.label} {p.text}"
        element: Paragraph
        if styled:
            element = Header(1, text, style="Heading_20_1")
        else:
            element = Paragraph(text, style=self.style(
                p.align, p.bold, 0 if p.level is not None else p.indent, p.role == "heading"))
        if p.level is None:
            self.close_lists()
            self.body.append(element)
        else:
            self.numbered(element, p.level)

    def table(self, rows: list[list[list[str]]], widths: list[float], borders: bool,
              bold_first: bool = False) -> None:
        self.close_lists()
        self.table_count += 1
        name = f"Table{self.table_count}"
        self.odf.insert_style(_style(
            f'<style:style style:name="{name}" style:family="table"><style:table-properties '
            f'style:width="{sum(widths)}cm" table:align="left"/></style:style>'), automatic=True)
        border = "0.5pt solid #000000" if borders else "none"
        self.odf.insert_style(_style(
            f'<style:style style:name="{name}.A1" style:family="table-cell">'
            f'<style:table-cell-properties '
            f'fo:padding="0.1cm" fo:border="{border}"/></style:style>'), automatic=True)
        table = Table(name, style=name)
        for i, width in enumerate(widths):
            col = f"{name}.{chr(65 + i)}"
            self.odf.insert_style(_style(
                f'<style:style style:name="{col}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width}cm"/></style:style>'),
                automatic=True)
            table.append(Column(style=col))
        for r, cells in enumerate(rows):
            row = Row()
            for lines in cells:
                cell = Cell(style=f"{name}.A1")
                bold = bold_first and r == 0
                for line in lines or [""]:
                    cell.append(Paragraph(line, style=self.style(
                        "center" if bold else "left", bold, cell=True)))
                row.append_cell(cell)
            table.append_row(row)
        self.body.append(table)

    def columns(self, c: Columns) -> None:
        if c.tabs:
            for line in tab_lines(c):
                self.para(Para(line))
            return
        self.table([[c.left, c.right]], [TEXT_WIDTH_CM / 2] * 2, borders=False)

    def sheet(self, s: Sheet) -> None:
        rows = [[[name] for name in s.header]] + [[[value] for value in row] for row in s.rows]
        widths = [round(TEXT_WIDTH_CM * share, 2) for share in s.fractions()]
        self.table(rows, widths, borders=True, bold_first=True)


def _setup(w: _Writer) -> None:
    """Set fonts, language, margins, unnumbered outline, page header and fixed metadata."""
    doc, odf = w.doc, w.odf
    font, generic, size = FONTS[doc.layout["font"]]
    lang, country = LANG[doc.lang]
    decl = (f'<style:font-face style:name="{font}" svg:font-family="&apos;{font}&apos;" '
            f'style:font-family-generic="{generic}" style:font-pitch="variable"/>')
    styles = cast(XmlPart, odf.get_part("styles.xml"))
    for part in (styles, cast(XmlPart, odf.get_part("content.xml"))):
        _find(part, "//office:font-face-decls").append(Element.from_tag(decl))
    props = _find(styles, "//style:default-style[@style:family='paragraph']/style:text-properties")
    for attr, value in (("style:font-name", font), ("fo:font-size", size), ("fo:language", lang),
                        ("fo:country", country)):
        props.set_attribute(attr, value)
    for level in styles.get_elements("//text:outline-level-style"):
        level.set_attribute("style:num-format", "")
        for attr in ("style:num-suffix", "loext:num-list-format"):
            level.del_attribute(attr)
    page = _find(styles, "//style:page-layout-properties")
    for attr, value in (("fo:margin-left", "3cm"), ("fo:margin-right", "1.5cm")):
        page.set_attribute(attr, value)
    if doc.auto:
        odf.insert_style(_style(_list_style(doc)), automatic=True)
    if doc.page_header:
        _find(page, "..").append(Element.from_tag(
            '<style:header-style><style:header-footer-properties fo:min-height="0cm" '
            'fo:margin-bottom="0.5cm"/></style:header-style>'))
        header = Element.from_tag("<style:header/>")
        for line in doc.page_header:
            header.append(Paragraph(line, style="Header"))
        _find(styles, "//style:master-page[@style:name='Standard']").append(header)
    stamp = dt.datetime(*STAMP)
    meta = odf.meta
    meta.set_title(doc.title)
    meta.set_language(lang)
    meta.set_creation_date(stamp)
    meta.set_modification_date(stamp)


def write_odt(doc: Doc, path: Path) -> None:
    """Write the document as .odt with fixed metadata and zip timestamps."""
    w = _Writer(doc)
    _setup(w)
    for block in doc.blocks:
        if isinstance(block, Para):
            w.para(block)
        elif isinstance(block, Columns):
            w.columns(block)
        elif isinstance(block, Sheet):
            w.sheet(block)
    buf = io.BytesIO()
    w.odf.save(buf)
    path.write_bytes(restamp(buf.getvalue()))
