"""Every real document in ../shared/realworld parses to what a person reading it sees.

The expectations in tests/realworld/expected were written by reading the documents, not from
jdcheck's output; tests/realworld/FORMAT.md gives the counting rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jdcheck.model import summarize
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import EXPECTED_REALWORLD, REALWORLD, needs_realworld

EXPECTATIONS = sorted(EXPECTED_REALWORLD.glob("*.yaml"))

# Documents the parser still reads differently from a person, with the difference.
KNOWN: dict[str, str] = {}


def compare(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """The differences between a written-down reading and the parser's summary."""
    diffs = []
    for field in ("is_job_description", "kind", "jurisdiction", "language"):
        if field in expected and expected[field] != got[field]:
            diffs.append(f"{field}: expected {expected[field]!r}, got {got[field]!r}")
    ea, ga = expected.get("approval"), got["approval"]
    if (ea is None) != (ga is None):
        diffs.append(f"approval: expected {ea!r}, got {ga!r}")
    elif ea:
        date = None if ea.get("date") in (None, "absent") else str(ea["date"])
        for name, want, have in (("form", ea["form"], ga["form"]),
                                 ("position", bool(ea.get("position")), ga["position"]),
                                 ("name", ea.get("name") or None, ga["name"]),
                                 ("date", date, ga["date"])):
            if want != have:
                diffs.append(f"approval.{name}: expected {want!r}, got {have!r}")
    for field, sub in (("agreement", "signatories"), ("acknowledgment", "form")):
        want = (expected.get(field) or {}).get(sub)
        have = (got[field] or {}).get(sub)
        if want != have:
            diffs.append(f"{field}.{sub}: expected {want!r}, got {have!r}")
    want_sections = [(s["kinds"], s["clauses"]) for s in expected.get("sections") or []]
    have_sections = [(s["kinds"], s["clauses"]) for s in got["sections"]]
    if want_sections != have_sections:
        diffs.append(f"sections: expected {want_sections}, got {have_sections}")
    return diffs


def test_every_real_document_has_an_expectation() -> None:
    if not REALWORLD.is_dir():
        pytest.skip("real-world documents not available")
    documents = {p.stem for p in REALWORLD.iterdir() if p.suffix != ".md"}
    assert documents == {p.stem for p in EXPECTATIONS}


@needs_realworld
@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.stem)
def test_real_document_reads_as_a_person_reads_it(path: Path) -> None:
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.stem in KNOWN:
        pytest.xfail(KNOWN[path.stem])
    got = summarize(parse(read_document(REALWORLD / expected["file"])))
    assert compare(expected, got) == []
