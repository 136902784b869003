"""Terminal text report of a scan: one line per file, then unreadable files with causes."""

from __future__ import annotations

from jdcheck.model import ScanResult, summarize


def scan_text(result: ScanResult) -> str:
    """Human-readable scan report."""
    lines = []
    for f in result.files:
        if f.document is not None:
            s = summarize(f.document)
            kinds = ", ".join("+".join(sec["kinds"]) + f"({sec['clauses']})"
                              for sec in s["sections"])
            grif = "approval" if s["approval"] else "no approval"
            ack = "acknowledgment" if s["acknowledgment"] else "no acknowledgment"
            lines.append(f"{f.path}: {s['kind']}, {s['language']}, {s['jurisdiction']}; "
                         f"{grif}; {ack}; sections: {kinds or 'none'}")
    bad = result.unreadable
    for f in bad:
        assert f.error is not None
        hint = f" — {f.error.hint}" if f.error.hint else ""
        lines.append(f"{f.path}: error {f.error.code}: {f.error.message}{hint}")
    lines.append(f"{len(result.files)} files, {len(result.files) - len(bad)} read, "
                 f"{len(bad)} unreadable")
    return "\n".join(lines)
