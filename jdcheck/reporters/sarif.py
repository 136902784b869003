"""SARIF 2.1.0 output: one run of jdcheck with its rules, results, suppressed results and the
files it could not read.

Format: OASIS Static Analysis Results Interchange Format (SARIF) Version 2.1.0; the schema is
committed in tests/schemas/ (its $id is ``SARIF_SCHEMA``). A finding's character offsets point
into the document's normalised text, the text jdcheck reads out of the file, so the region also
names the paragraph or table cell in its properties.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jdcheck.dsl import ast
from jdcheck.model import FileResult, Finding, ScanResult, Suppressed
from jdcheck.model.span import Span
from jdcheck.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                "sarif-schema-2.1.0.json")
FINGERPRINT_KEY = "jdcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_PLACE_FIELDS = ("part", "block", "paragraph", "table", "row", "cell", "page")


def render_sarif(result: ScanResult, lang: str = "en", rules: Iterable[ast.Rule] = ()) -> str:
    """The SARIF log of a scan as JSON text. ``rules`` (the loaded rule set) gives each rule's
    explanation and default severity; a rule missing there is described from its findings."""
    return json.dumps(sarif_log(result, lang, rules), ensure_ascii=False, indent=2) + "\n"


def sarif_log(result: ScanResult, lang: str = "en", rules: Iterable[ast.Rule] = ()
              ) -> dict[str, Any]:
    """The SARIF log of a scan as plain data."""
    known = {rule.id: rule for rule in rules}
    every: list[tuple[FileResult, Finding, Suppressed | None]] = []
    for f in result.files:
        every += [(f, x, None) for x in f.findings]
        every += [(f, s.finding, s) for s in f.suppressed]
    first: dict[str, Finding] = {}
    for _, finding, _ in every:
        first.setdefault(finding.rule, finding)
    ids = sorted(first)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    artifacts = {f.path: i for i, f in enumerate(result.files)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "jdcheck",
            "version": __version__,
            "rules": [_descriptor(first[i], known.get(i)) for i in ids],
        }},
        "invocations": [_invocation(result)],
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "artifacts": [_artifact(f) for f in result.files],
        "results": [_result(finding, index[finding.rule], artifacts[f.path], f.path, hidden)
                    for f, finding, hidden in every],
        "properties": {"failOn": result.settings.fail_on, "mode": result.settings.mode},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _descriptor(finding: Finding, rule: ast.Rule | None) -> dict[str, Any]:
    """A reportingDescriptor: the rule's metadata, from the rule set where it is known."""
    name = rule.name if rule else finding.name
    severity = (rule.severity if rule else None) or finding.severity
    law = list(rule.law if rule else finding.law)
    explain = _paragraphs(rule.explain if rule else "")
    help_text = "\n\n".join(p for p in (explain or name, "; ".join(law)) if p)
    properties: dict[str, Any] = {"category": (rule.category if rule else None) or finding.category}
    subtype = (rule.subtype if rule else None) or finding.subtype
    if subtype:
        properties["subtype"] = subtype
    if law:
        properties["law"] = law
    if rule and rule.jurisdictions:
        properties["jurisdictions"] = list(rule.jurisdictions)
    return {
        "id": finding.rule,
        "name": name,
        "shortDescription": {"text": name},
        "fullDescription": {"text": explain or name},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": properties,
    }


def _paragraphs(text: str) -> str:
    """A rule file's explanation with its lines joined and its paragraphs kept apart."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def _result(finding: Finding, rule_index: int, artifact: int, path: str,
            hidden: Suppressed | None) -> dict[str, Any]:
    """A result: one finding, where it is, its fingerprint, and why it is hidden if it is."""
    physical: dict[str, Any] = {"artifactLocation": _location(path, artifact)}
    region = _region(finding.location, finding.quote)
    if region:
        physical["region"] = region
    properties: dict[str, Any] = {"category": finding.category, "target": finding.target}
    for key, value in (("subtype", finding.subtype), ("section", finding.section),
                       ("clause", finding.clause), ("place", finding.location.describe())):
        if value:
            properties[key] = value
    if finding.law:
        properties["law"] = list(finding.law)
    if finding.parser_unsure:
        properties["parserUnsure"] = True
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": properties,
    }
    if hidden is not None:
        out["suppressions"] = [_suppression(hidden)]
    return out


def _region(span: Span, quote: str | None) -> dict[str, Any]:
    """Line, character offsets, the quoted text and the paragraph or table cell of a span."""
    region: dict[str, Any] = {}
    if span.line is not None:
        region["startLine"] = span.line
        if span.column is not None:
            region["startColumn"] = span.column
    if span.start is not None:
        region["charOffset"] = span.start
        if span.end is not None and span.end >= span.start:
            region["charLength"] = span.end - span.start
    if quote:
        region["snippet"] = {"text": quote}
    place = {key: getattr(span, key) for key in _PLACE_FIELDS if getattr(span, key) is not None}
    if place:
        region["properties"] = place
    return region


def _suppression(hidden: Suppressed) -> dict[str, Any]:
    """Why a finding is hidden: recorded in a baseline, or waived by someone until a date."""
    out: dict[str, Any] = {"kind": "external", "state": "accepted"}
    if hidden.reason:
        out["justification"] = hidden.reason
    properties: dict[str, Any] = {"by": hidden.by}
    if hidden.approved_by:
        properties["approvedBy"] = hidden.approved_by
    if hidden.expires:
        properties["expires"] = hidden.expires.isoformat()
    out["properties"] = properties
    return out


def _invocation(result: ScanResult) -> dict[str, Any]:
    """The invocation: it ran to the end; each unreadable file is a notification."""
    notes = [_notification(f, i) for i, f in enumerate(result.files) if f.error is not None]
    return {"executionSuccessful": True, "toolExecutionNotifications": notes}


def _notification(f: FileResult, artifact: int) -> dict[str, Any]:
    """An unreadable file: its error code, cause and what to do."""
    assert f.error is not None
    text = f"{f.path}: {f.error.message}" + (f" ({f.error.hint})" if f.error.hint else "")
    properties: dict[str, Any] = {"code": f.error.code}
    if f.error.hint:
        properties["hint"] = f.error.hint
    return {
        "level": "error",
        "message": {"text": text},
        "descriptor": {"id": f.error.code},
        "locations": [{"physicalLocation": {"artifactLocation": _location(f.path, artifact)}}],
        "properties": properties,
    }


def _artifact(f: FileResult) -> dict[str, Any]:
    """A scanned file, with its SHA-256 when it was read."""
    out: dict[str, Any] = {"location": _location(f.path), "roles": ["analysisTarget"]}
    if f.sha256:
        out["hashes"] = {"sha-256": f.sha256}
    return out


def _location(path: str, artifact: int | None = None) -> dict[str, Any]:
    """An artifactLocation: relative to the working folder (``%SRCROOT%``) when inside it."""
    uri, relative = artifact_uri(path)
    out: dict[str, Any] = {"uri": uri}
    if relative:
        out["uriBaseId"] = "%SRCROOT%"
    if artifact is not None:
        out["index"] = artifact
    return out


def artifact_uri(path: str) -> tuple[str, bool]:
    """The URI of a scanned file and whether it is relative: the path from the working folder
    with forward slashes when the file lies inside it, else an absolute ``file:`` URI."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(os.path.abspath(os.getcwd()))
    except ValueError:
        return absolute.as_uri(), False
    return quote(relative.as_posix(), safe="/"), True

