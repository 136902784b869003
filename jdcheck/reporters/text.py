"""Terminal text report of a scan: findings grouped by file, the quoted clause with the words
that matched marked, then a summary line. Colours only when asked (on a terminal)."""

from __future__ import annotations

from jdcheck.model import Finding, ScanResult
from jdcheck.reporters.verdict import status, totals

_MARK = {"error": "E", "warning": "W", "info": "I"}
_COLOUR = {"error": "31", "warning": "33", "info": "36", "passed": "32", "failed": "31",
           "unreadable": "35"}
_QUOTE_LIMIT = 240


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _where(f: Finding) -> str:
    bits = []
    if f.section:
        bits.append(f"«{f.section}»")
    if f.clause:
        bits.append(f"item {f.clause}")
    bits.append(f.location.describe())
    return ", ".join(bits)


def marked_quote(f: Finding, colour: bool = False) -> str:
    """The finding's quote on one line, the matched words in [brackets] (or bold and
    underlined on a terminal)."""
    quote = f.quote or ""
    out, at = [], 0
    for a, b in f.quote_marks():
        if a < at:
            continue
        out.append(quote[at:a])
        out.append(f"\033[1;4m{quote[a:b]}\033[0m" if colour else f"[{quote[a:b]}]")
        at = b
    out.append(quote[at:])
    text = " ".join("".join(out).split())
    return text if len(text) <= _QUOTE_LIMIT else text[:_QUOTE_LIMIT - 1] + "…"


def _finding(f: Finding, colour: bool) -> list[str]:
    kind = f.category + (f"/{f.subtype}" if f.subtype else "")
    head = _paint(_MARK[f.severity], _COLOUR[f.severity], colour)
    message = f.message
    plain = " ".join((f.quote or "").split())
    quoted = bool(plain) and plain in message and len(plain) <= _QUOTE_LIMIT
    if quoted and f.marks:
        message = message.replace(plain, marked_quote(f, colour), 1)
    lines = [f"  {head} {f.rule} [{kind}] {_where(f)}", f"      {message}"]
    if f.quote and not quoted and f.quote not in f.message and f.quote != f.section:
        lines.append(f"      «{marked_quote(f, colour)}»")
    if f.law:
        lines.append(f"      law: {'; '.join(f.law)}")
    return lines


def _suppressed(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} by {by}" for by, n in sorted(counts.items()))


def scan_text(scan: ScanResult, quiet: bool = False, colour: bool = False) -> str:
    """Human-readable scan report; ``quiet`` shows only files that failed or were unreadable;
    ``colour`` adds terminal colours."""
    lines: list[str] = []
    fail_on = scan.settings.fail_on
    for f in scan.files:
        state = status(f, fail_on)
        if quiet and state == "passed":
            continue
        shown = _paint(state, _COLOUR[state], colour)
        if f.error is not None:
            hint = f" — {f.error.hint}" if f.error.hint else ""
            lines.append(f"{f.path}: {shown}: {f.error.code} {f.error.message}{hint}")
            continue
        s = f.summary
        kind = f", {s.kind}" if s is not None and s.kind != "job-description" else ""
        hidden: dict[str, int] = {}
        for x in f.suppressed:
            hidden[x.by] = hidden.get(x.by, 0) + 1
        extra = f"; {_suppressed(hidden)} suppressed" if hidden else ""
        lines.append(f"{f.path}: {shown}{kind} ({len(f.findings)} findings{extra})")
        for finding in f.findings:
            if not quiet or finding.severity != "info":
                lines.extend(_finding(finding, colour))
    t = totals(scan)
    summary = (f"{t['files']} files: {t['passed']} passed, {t['failed']} failed, "
               f"{t['unreadable']} unreadable; {t['findings']} findings "
               + ", ".join(f"{n} {s}" for s, n in t["by_severity"].items()))  # type: ignore[attr-defined]
    if t["suppressed"]:
        summary += f"; suppressed: {_suppressed(t['suppressed'])}"  # type: ignore[arg-type]
    lines.append(summary)
    return "\n".join(lines)
