"""The one position type used by blocks, sections, clauses, findings and errors."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Part = Literal["body", "header", "footer", "textbox"]


class Span(BaseModel):
    """A place in a source: file, part, paragraph or table cell or page, line, character offsets.

    ``start``/``end`` are offsets into the document's normalised text (``Document.text``);
    ``line`` and ``column`` are 1-based. Every field is optional so that the same type can point
    into a document, a rule file or just name a file.
    """

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    part: Part | None = None
    block: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    line: int | None = None
    column: int | None = None
    start: int | None = None
    end: int | None = None

    def describe(self) -> str:
        """Human-readable place, e.g. ``table 1, row 2, cell 1`` or ``paragraph 14``."""
        bits: list[str] = []
        if self.part and self.part != "body":
            bits.append(self.part)
        if self.table is not None:
            bits.append(f"table {self.table}, row {self.row}, cell {self.cell}")
        elif self.paragraph is not None:
            bits.append(f"paragraph {self.paragraph}")
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.line is not None:
            bits.append(f"line {self.line}")
        return ", ".join(bits) or "document"


class Diagnostic(BaseModel):
    """Something the reader or parser had to guess, so later findings can say it was unsure."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    span: Span | None = None
