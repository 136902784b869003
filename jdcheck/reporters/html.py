"""Self-contained HTML report of a scan: summary, chart, filters and the findings per document.

The page carries its own CSS and script (no network), shows everything without the script, and
keeps the filter choice in the URL fragment (``#severity=error&category=liability-over-limit``)
so that a filtered view can be shared. Its labels come from ``templates/labels.toml``.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from jdcheck.dsl import ast
from jdcheck.model import CATEGORIES, FileResult, Finding, ScanResult, Suppressed
from jdcheck.reporters.verdict import status, totals
from jdcheck.version import __version__

if TYPE_CHECKING:
    from jinja2 import Environment

LANGS = ("en", "ru", "az")
SEVERITY_ORDER = ("error", "warning", "info")
BAR_STEP = 28
BAR_AREA = 300
_TEMPLATES = "templates"


@dataclass(frozen=True)
class Bar:
    """One bar of the category chart, in SVG user units."""

    label: str
    count: int
    y: int
    width: int


@cache
def labels() -> dict[str, dict[str, Any]]:
    """The page's labels per report language."""
    text = _resource("labels.toml")
    return tomllib.loads(text)


def _resource(name: str) -> str:
    return (resources.files("jdcheck.reporters") / _TEMPLATES / name).read_text(encoding="utf-8")


@cache
def _environment() -> Environment:
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    return Environment(
        loader=FunctionLoader(_resource),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def highlight(finding: Finding) -> list[tuple[str, bool]]:
    """The quote cut into pieces, each marked or not: the matched words where they fall inside
    the quote. A quote longer than the finding's span begins with the lead-in line of a list
    item, where the document's offsets do not fit the quote, so it is shown without marks."""
    quote = finding.quote or ""
    start, end = finding.location.start, finding.location.end
    if not quote:
        return []
    if start is None or end is None or len(quote) > end - start:
        return [(quote, False)]
    merged: list[list[int]] = []
    for a, b in finding.quote_marks():
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for a, b in merged:
        pieces += [(quote[at:a], False), (quote[a:b], True)]
        at = b
    pieces.append((quote[at:], False))
    return [p for p in pieces if p[0]]


def where(finding: Finding, words: dict[str, Any]) -> str:
    """The finding's place in words a reader understands: section, item, then the place in
    the file (part, table cell or paragraph, page, line)."""
    loc = finding.location
    bits: list[str] = []
    if finding.section:
        bits.append(words["section_at"].format(section=finding.section))
    if finding.clause:
        bits.append(words["clause_at"].format(clause=finding.clause.rstrip(".")))
    if loc.part and loc.part != "body":
        bits.append(words["part"][loc.part])
    if loc.table is not None:
        bits.append(words["table_at"].format(table=loc.table, row=loc.row, cell=loc.cell))
    elif loc.paragraph is not None:
        bits.append(words["paragraph_at"].format(paragraph=loc.paragraph))
    if loc.page is not None:
        bits.append(words["page_at"].format(page=loc.page))
    if loc.line is not None:
        bits.append(words["line_at"].format(line=loc.line))
    return ", ".join(bits) or words["whole_document"]


def _chart(by_category: dict[str, int], words: dict[str, Any]) -> dict[str, Any]:
    """Bars in the order of the categories, the longest filling the bar area; the label column
    is sized to the longest label (about 7.5 units a character at 13 px)."""
    top = max(by_category.values(), default=0)
    present = [c for c in CATEGORIES if by_category.get(c)]
    bars = [
        Bar(
            words["categories"][c],
            by_category[c],
            i * BAR_STEP,
            max(2, round(BAR_AREA * by_category[c] / top)),
        )
        for i, c in enumerate(present)
    ]
    label = max((len(b.label) for b in bars), default=0) * 15 // 2 + 16
    return {
        "bars": bars,
        "label": label,
        "width": label + BAR_AREA + 48,
        "height": len(bars) * BAR_STEP + 4,
    }


def _filters(result: ScanResult, by_category: dict[str, int]) -> dict[str, dict[str, int]]:
    """The filter values with their counts: findings per severity and category, documents
    per language and jurisdiction."""
    summaries = [f.summary for f in result.files if f.summary is not None]
    by_severity: Counter[str] = Counter(f.severity for f in result.findings)
    return {
        "severity": {s: by_severity[s] for s in SEVERITY_ORDER},
        "category": {c: by_category[c] for c in CATEGORIES if by_category.get(c)},
        "language": dict(Counter(s.language for s in summaries)),
        "jurisdiction": dict(Counter(s.jurisdiction for s in summaries)),
    }


def _document(
    result: FileResult, fail_on: str, words: dict[str, Any], explain: dict[str, str]
) -> dict[str, Any]:
    """What the template shows of one file."""
    summary = result.summary
    return {
        "path": result.path,
        "status": status(result, fail_on),
        "summary": summary,
        "language": summary.language if summary else "",
        "jurisdiction": summary.jurisdiction if summary else "",
        "error": result.error,
        "findings": [_finding(f, words, explain) for f in result.findings],
        "suppressed": [_suppressed(s, words, explain) for s in result.suppressed],
    }


def _finding(finding: Finding, words: dict[str, Any], explain: dict[str, str]) -> dict[str, Any]:
    show_quote = bool(finding.quote) and finding.quote != finding.section
    return {
        "f": finding,
        "where": where(finding, words),
        "pieces": highlight(finding) if show_quote else [],
        "explain": explain.get(finding.rule, ""),
    }


def _suppressed(item: Suppressed, words: dict[str, Any], explain: dict[str, str]) -> dict[str, Any]:
    return {"s": item, **_finding(item.finding, words, explain)}


def render_html(result: ScanResult, lang: str = "en", rules: Iterable[ast.Rule] = ()) -> str:
    """The scan as one self-contained HTML page with labels in ``lang`` (en, ru or az);
    ``rules`` (the rule set the scan ran with) supply each rule's explanation."""
    if lang not in LANGS:
        raise ValueError(f"no HTML report labels for language {lang!r}; use one of {LANGS}")
    words = labels()[lang]
    explain = {r.id: r.explain for r in rules if r.explain}
    counts = totals(result)
    by_category: dict[str, int] = counts["by_category"]  # type: ignore[assignment]
    findings = result.findings
    names = {f.rule: f.name for f in findings}
    docs = [_document(f, result.settings.fail_on, words, explain) for f in result.files]
    template = _environment().get_template("report.html.j2")
    return template.render(
        lang=lang,
        w=words,
        version=__version__,
        settings=result.settings,
        generated=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip(),
        totals=counts,
        names=names,
        docs=docs,
        filters=_filters(result, by_category),
        by_category=[(c, by_category[c]) for c in CATEGORIES if c in by_category],
        chart=_chart(by_category, words),
        css=_markup(_resource("report.css")),
        script=_markup(_resource("report.js")),
        severity_order=SEVERITY_ORDER,
        total_findings=len(findings),
    )


def _markup(text: str) -> Any:
    """Trusted text of the package's own CSS or script, inserted unescaped."""
    from markupsafe import Markup

    return Markup(text)
