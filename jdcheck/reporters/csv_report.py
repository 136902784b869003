"""CSV output for spreadsheets: one row per finding, per suppressed finding and per unreadable
file, quoted by the csv module (RFC 4180 style: commas, quotes and line breaks inside a field
are kept inside double quotes)."""

from __future__ import annotations

import csv
import io

from jdcheck.model import FileResult, Finding, ScanResult
from jdcheck.reporters.verdict import status

COLUMNS = ("file", "status", "severity", "rule", "name", "category", "subtype", "section",
           "clause", "paragraph", "line", "page", "message", "quote", "law", "fingerprint",
           "suppressed")
# Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark.
BOM = "\ufeff"
# Excel runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_csv(result: ScanResult, excel: bool = False) -> str:
    """The CSV of a scan. ``excel`` adds a UTF-8 byte order mark, so that Excel shows Cyrillic
    and Azerbaijani letters, and keeps Excel from reading a cell as a formula by starting it
    with an apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for f in result.files:
        for row in _rows(f, status(f, result.settings.fail_on)):
            writer.writerow([_guard(cell) for cell in row] if excel else row)
    return (BOM if excel else "") + out.getvalue()


def _rows(f: FileResult, state: str) -> list[list[str]]:
    """The rows of one file: its error, or its findings and then its suppressed findings."""
    if f.error is not None:
        message = f.error.message + (f" ({f.error.hint})" if f.error.hint else "")
        row = dict.fromkeys(COLUMNS, "")
        row.update(file=f.path, status=state, severity="error", rule=f.error.code,
                   message=message)
        return [list(row.values())]
    rows = [_row(f.path, state, x, "") for x in f.findings]
    rows += [_row(f.path, state, s.finding, s.by) for s in f.suppressed]
    return rows


def _row(path: str, state: str, finding: Finding, suppressed: str) -> list[str]:
    """One finding: the paragraph column holds the table cell for a finding in a table."""
    span = finding.location
    paragraph = span.paragraph if span.paragraph is not None else (
        f"table {span.table}, row {span.row}, cell {span.cell}" if span.table is not None
        else None)
    values = (path, state, finding.severity, finding.rule, finding.name, finding.category,
              finding.subtype, finding.section, finding.clause, paragraph, span.line, span.page,
              finding.message, finding.quote, "; ".join(finding.law), finding.fingerprint,
              suppressed)
    return ["" if v is None else str(v) for v in values]


def _guard(cell: str) -> str:
    """A cell Excel shows as text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
