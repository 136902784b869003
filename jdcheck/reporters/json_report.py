"""JSON output: the full model of one document, or a scan report with a versioned schema
(schemas/report.schema.json, regenerated with ``python -m jdcheck.reporters.json_report``)."""

from __future__ import annotations

import json
import sys
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from jdcheck.model import (
    Document,
    FileError,
    Finding,
    ScanResult,
    Settings,
    Summary,
    Suppressed,
)
from jdcheck.reporters.verdict import status, totals
from jdcheck.version import __version__

REPORT_VERSION: Literal["1.0"] = "1.0"


class Totals(BaseModel):
    """Counts over the whole scan."""

    model_config = ConfigDict(frozen=True)

    files: int
    passed: int
    failed: int
    unreadable: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_rule: dict[str, int]
    suppressed: dict[str, int] = {}


class FileEntry(BaseModel):
    """One file of the report."""

    model_config = ConfigDict(frozen=True)

    path: str
    status: Literal["passed", "failed", "unreadable"]
    sha256: str | None = None
    summary: Summary | None = None
    findings: list[Finding] = []
    suppressed: list[Suppressed] = []
    error: FileError | None = None


class Report(BaseModel):
    """A jdcheck scan report."""

    model_config = ConfigDict(frozen=True, title="jdcheck report")

    report_version: Literal["1.0"]
    tool: dict[str, str]
    settings: Settings
    totals: Totals
    files: list[FileEntry]


def document_json(doc: Document) -> str:
    """The full model of one document."""
    return doc.model_dump_json(indent=2)


def report(scan: ScanResult) -> Report:
    """The report model of a scan."""
    fail_on = scan.settings.fail_on
    files = [FileEntry(path=f.path, status=status(f, fail_on),  # type: ignore[arg-type]
                       sha256=f.sha256, summary=f.summary, findings=list(f.findings),
                       suppressed=list(f.suppressed), error=f.error) for f in scan.files]
    return Report(report_version=REPORT_VERSION, tool={"name": "jdcheck", "version": __version__},
                  settings=scan.settings, totals=Totals(**totals(scan)),  # type: ignore[arg-type]
                  files=files)


def scan_payload(scan: ScanResult) -> dict[str, Any]:
    """The scan report as plain data."""
    return report(scan).model_dump(mode="json")


def scan_json(scan: ScanResult) -> str:
    """JSON text of the scan report."""
    return json.dumps(scan_payload(scan), ensure_ascii=False, indent=2)


def schema() -> dict[str, Any]:
    """The JSON Schema of the scan report."""
    out = Report.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = f"https://jdcheck.dev/schemas/report-{REPORT_VERSION}.json"
    return out


if __name__ == "__main__":
    json.dump(schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
