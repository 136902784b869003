"""Terminal text report of a scan: findings grouped by file, then a summary line."""

from __future__ import annotations

from jdcheck.model import Finding, ScanResult
from jdcheck.reporters.verdict import status, totals

_MARK = {"error": "E", "warning": "W", "info": "I"}


def _where(f: Finding) -> str:
    bits = []
    if f.section:
        bits.append(f"«{f.section}»")
    if f.clause:
        bits.append(f"item {f.clause}")
    bits.append(f.location.describe())
    return ", ".join(bits)


def _finding(f: Finding) -> list[str]:
    kind = f.category + (f"/{f.subtype}" if f.subtype else "")
    lines = [f"  {_MARK[f.severity]} {f.rule} [{kind}] {_where(f)}", f"      {f.message}"]
    if f.quote and f.quote not in f.message and f.quote != f.section:
        quote = " ".join(f.quote.split())
        lines.append(f"      «{quote[:200]}{'…' if len(quote) > 200 else ''}»")
    if f.law:
        lines.append(f"      law: {'; '.join(f.law)}")
    return lines


def scan_text(scan: ScanResult, quiet: bool = False) -> str:
    """Human-readable scan report; ``quiet`` shows only files that failed or were unreadable."""
    lines: list[str] = []
    fail_on = scan.settings.fail_on
    for f in scan.files:
        state = status(f, fail_on)
        if quiet and state == "passed":
            continue
        if f.error is not None:
            hint = f" — {f.error.hint}" if f.error.hint else ""
            lines.append(f"{f.path}: unreadable: {f.error.code} {f.error.message}{hint}")
            continue
        s = f.summary
        kind = f", {s.kind}" if s is not None and s.kind != "job-description" else ""
        lines.append(f"{f.path}: {state}{kind} ({len(f.findings)} findings)")
        for finding in f.findings:
            if not quiet or finding.severity != "info":
                lines.extend(_finding(finding))
    t = totals(scan)
    lines.append(f"{t['files']} files: {t['passed']} passed, {t['failed']} failed, "
                 f"{t['unreadable']} unreadable; {t['findings']} findings "
                 + ", ".join(f"{n} {s}" for s, n in t["by_severity"].items()))  # type: ignore[attr-defined]
    return "\n".join(lines)
