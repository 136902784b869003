"""Findings: what a rule found, where, why, and a fingerprint that survives edits elsewhere."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from jdcheck.model.span import Span

Category = Literal[
    "missing-section", "missing-block", "incomplete-block", "incomplete-section",
    "rights-duties-merged", "misplaced-right", "misplaced-duty", "liability-over-limit",
    "not-a-job-description", "parse-uncertain",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error."""
    return SEVERITIES.index(severity)


class Finding(BaseModel):
    """One finding of one rule in one document."""

    model_config = ConfigDict(frozen=True)

    rule: str
    name: str
    category: Category
    subtype: str | None = None
    severity: Severity
    message: str
    target: str
    file: str
    location: Span
    section: str | None = None
    clause: str | None = None
    quote: str | None = None
    law: tuple[str, ...] = ()
    marks: tuple[tuple[int, int], ...] = ()
    fingerprint: str
    parser_unsure: bool = False

    def quote_marks(self) -> list[tuple[int, int]]:
        """The matched words as ranges of ``quote``: the quoted text ends where the finding's
        location ends (a clause's label comes before it), so marks are placed from there;
        marks that fall outside the quote are left out."""
        quote, start, end = self.quote or "", self.location.start, self.location.end
        if not quote or start is None or end is None:
            return []
        base = end - len(quote) if end - start >= len(quote) else start
        return sorted((a - base, b - base) for a, b in self.marks
                      if base <= a < b <= base + len(quote))
