"""The verdict per file and overall: the one place that decides pass, fail and unreadable."""

from __future__ import annotations

from collections import Counter

from jdcheck.model import FileResult, ScanResult, severity_rank

FAIL_ON = {"info": 0, "warning": 1, "error": 2, "never": 3}


def status(result: FileResult, fail_on: str) -> str:
    """``unreadable``, ``failed`` (a finding at or above fail_on) or ``passed``."""
    if result.error is not None:
        return "unreadable"
    return "failed" if result.worst() >= FAIL_ON[fail_on] else "passed"


def totals(scan: ScanResult) -> dict[str, object]:
    """Counts for a report's summary."""
    fail_on = scan.settings.fail_on
    statuses = Counter(status(f, fail_on) for f in scan.files)
    findings = scan.findings
    return {
        "files": len(scan.files),
        "passed": statuses["passed"],
        "failed": statuses["failed"],
        "unreadable": statuses["unreadable"],
        "findings": len(findings),
        "by_severity": dict(sorted(Counter(f.severity for f in findings).items(),
                                   key=lambda kv: -severity_rank(kv[0]))),
        "by_category": dict(sorted(Counter(f.category for f in findings).items())),
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "suppressed": dict(sorted(Counter(s.by for s in scan.suppressed).items())),
    }
