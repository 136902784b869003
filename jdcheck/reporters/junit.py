"""JUnit XML output for CI dashboards: each document is a test case that fails when it has a
finding at or above ``fail_on`` and errors when it cannot be read.

Layout: ``<testsuites>`` holding one ``<testsuite name="jdcheck">``, the shape pytest and Maven
Surefire write and Jenkins, GitLab and GitHub test reporters read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import PurePath

from jdcheck.model import FileResult, Finding, ScanResult, Suppressed, severity_rank
from jdcheck.reporters.verdict import FAIL_ON, status

SUITE = "jdcheck"
# Characters XML 1.0 cannot carry (control characters other than tab, newline and return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(result: ScanResult, lang: str = "en") -> str:
    """The JUnit XML of a scan. Messages are already in the report language; ``lang`` is
    recorded in the suite's properties."""
    fail_on = result.settings.fail_on
    states = [status(f, fail_on) for f in result.files]
    counts = {
        "tests": str(len(result.files)),
        "failures": str(states.count("failed")),
        "errors": str(states.count("unreadable")),
        "skipped": "0",
        "time": _seconds(sum(f.seconds for f in result.files)),
    }
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    props = ET.SubElement(suite, "properties")
    for name, value in (("fail_on", fail_on), ("mode", result.settings.mode), ("lang", lang)):
        ET.SubElement(props, "property", {"name": name, "value": value})
    for f in result.files:
        suite.append(_testcase(f, fail_on))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _testcase(f: FileResult, fail_on: str) -> ET.Element:
    """One document: a failure listing what fails it, or the reason it could not be read; the
    findings below ``fail_on`` and the suppressed ones go to its output."""
    path = PurePath(f.path)
    case = ET.Element("testcase", {"classname": _classname(path), "name": path.name,
                                   "file": path.as_posix(), "time": _seconds(f.seconds)})
    if f.error is not None:
        error = ET.SubElement(case, "error", {"type": f.error.code,
                                              "message": _clean(f.error.message)})
        error.text = _clean("\n".join(x for x in (f"{f.error.code}: {f.error.message}",
                                                  f.error.hint) if x))
        return case
    limit = FAIL_ON[fail_on]
    failing = [x for x in f.findings if severity_rank(x.severity) >= limit]
    if failing:
        worst = max(failing, key=lambda x: severity_rank(x.severity))
        failure = ET.SubElement(case, "failure", {
            "type": worst.rule,
            "message": _clean(f"{worst.rule}: {' '.join(worst.message.split())}"
                              + (f" (+{len(failing) - 1})" if len(failing) > 1 else ""))})
        failure.text = _clean("\n".join(_line(x) for x in failing))
    rest = [_line(x) for x in f.findings if severity_rank(x.severity) < limit]
    rest += [_hidden(s) for s in f.suppressed]
    if rest:
        ET.SubElement(case, "system-out").text = _clean("\n".join(rest))
    return case


def _line(finding: Finding) -> str:
    """Severity, rule, place and message of one finding, on one line."""
    where = ", ".join(x for x in (f"«{finding.section}»" if finding.section else "",
                                  finding.clause or "", finding.location.describe()) if x)
    return f"{finding.severity} {finding.rule} [{where}]: {' '.join(finding.message.split())}"


def _hidden(hidden: Suppressed) -> str:
    """A suppressed finding, with who hid it and why."""
    why = "; ".join(x for x in (hidden.reason, hidden.approved_by,
                                hidden.expires.isoformat() if hidden.expires else None) if x)
    return f"suppressed ({hidden.by}{': ' + why if why else ''}) {_line(hidden.finding)}"


def _classname(path: PurePath) -> str:
    """The document's folder, with forward slashes (``.`` for the working folder)."""
    return path.parent.as_posix()


def _seconds(value: float) -> str:
    """Seconds as JUnit writes them."""
    return f"{value:.3f}"


def _clean(text: str) -> str:
    """Text XML 1.0 can hold."""
    return _NOT_XML.sub("", text)
