"""Results of a scan: per file, the parsed document or the reason it could not be read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from jdcheck.model.document import Document


class FileError(BaseModel):
    """Why a file could not be read: a stable code, the cause and what to do."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    hint: str | None = None


class FileResult(BaseModel):
    """One input file: its document, or its error."""

    model_config = ConfigDict(frozen=True)

    path: str
    document: Document | None = None
    error: FileError | None = None
    seconds: float = 0.0


class ScanResult(BaseModel):
    """Every file of a scan, in a stable order."""

    model_config = ConfigDict(frozen=True)

    schema_version: str
    files: tuple[FileResult, ...]

    @property
    def unreadable(self) -> tuple[FileResult, ...]:
        """Files that could not be read."""
        return tuple(f for f in self.files if f.error is not None)
