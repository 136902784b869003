"""Results of a scan: per file, what was found in it, or the reason it could not be read."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from jdcheck.model.document import Document
from jdcheck.model.findings import Finding, severity_rank
from jdcheck.model.settings import Settings
from jdcheck.model.summary import Summary


class FileError(BaseModel):
    """Why a file could not be read: a stable code, the cause and what to do."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    hint: str | None = None


class Suppressed(BaseModel):
    """A finding hidden from the verdict: recorded in a baseline, or waived by someone for a
    reason until a date. Reports count and list these apart from the live findings."""

    model_config = ConfigDict(frozen=True)

    finding: Finding
    by: Literal["baseline", "waiver"]
    reason: str | None = None
    approved_by: str | None = None
    expires: date | None = None


class FileResult(BaseModel):
    """One input file: its summary and findings, or its error. ``document`` is the full model,
    kept only when asked for (a scan of thousands of files keeps summaries)."""

    model_config = ConfigDict(frozen=True)

    path: str
    sha256: str | None = None
    summary: Summary | None = None
    findings: tuple[Finding, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    error: FileError | None = None
    document: Document | None = None
    seconds: float = 0.0

    def worst(self) -> int:
        """Rank of the most severe finding (-1 when there is none)."""
        return max((severity_rank(f.severity) for f in self.findings), default=-1)


class ScanResult(BaseModel):
    """Every file of a scan, in a stable order, with the settings it ran under."""

    model_config = ConfigDict(frozen=True)

    schema_version: str
    settings: Settings
    files: tuple[FileResult, ...]

    @property
    def unreadable(self) -> tuple[FileResult, ...]:
        """Files that could not be read."""
        return tuple(f for f in self.files if f.error is not None)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings of all files."""
        return tuple(f for r in self.files for f in r.findings)

    @property
    def suppressed(self) -> tuple[Suppressed, ...]:
        """Findings hidden by the baseline or by waivers, of all files."""
        return tuple(s for r in self.files for s in r.suppressed)
