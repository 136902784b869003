"""What a reader produces: the source facts and a format-agnostic sequence of blocks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from jdcheck.model.span import Diagnostic, Part, Span

Format = Literal["docx", "odt", "rtf", "pdf", "txt", "md", "html", "doc"]
Align = Literal["left", "center", "right", "justify"]


class SourceInfo(BaseModel):
    """The file a document came from."""

    model_config = ConfigDict(frozen=True)

    path: str
    name: str
    format: Format
    sha256: str
    size: int
    encoding: str | None = None
    pages: int | None = None


class Block(BaseModel):
    """One paragraph, or one paragraph of a table cell, in document order.

    ``label`` is the visible automatic-numbering label («2.1.», «а)», «•») that the format
    computes rather than stores in the text; typed numbers stay in ``text``. ``line`` is the
    line in the source file for text formats, else the line in the document's normalised text.
    """

    model_config = ConfigDict(frozen=True)

    index: int
    text: str
    part: Part = "body"
    style: str | None = None
    heading_level: int | None = None
    align: Align | None = None
    bold: bool = False
    caps: bool = False
    label: str | None = None
    list_level: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    gap_before: bool = False
    start: int = 0
    line: int = 1

    def span(self, start: int | None = None, end: int | None = None) -> Span:
        """The span of this block, or of ``[start, end)`` inside it (offsets into the block)."""
        s = self.start + (start or 0)
        e = self.start + (len(self.text) if end is None else end)
        return Span(part=self.part, block=self.index, paragraph=self.paragraph, table=self.table,
                    row=self.row, cell=self.cell, page=self.page,
                    line=self.line + (self.text.count("\n", 0, start) if start else 0),
                    start=s, end=e)


class RawDocument(BaseModel):
    """A read document before structure parsing: blocks plus the reader's diagnostics."""

    model_config = ConfigDict(frozen=True)

    source: SourceInfo
    blocks: tuple[Block, ...]
    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
