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
