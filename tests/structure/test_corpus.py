"""Every corpus sample parses to the summary its YAML source says it has."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from jdcheck.model import summarize
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import CORPORA, needs_soffice, soffice

GOLDEN = sorted((CORPORA / "expected").glob("*.summary.json"))


def _org(value: str | None) -> str | None:
    """The organisation's own name, whatever legal-form wording surrounds it."""
    if not value:
        return value
    quoted = re.findall(r"«([^»]+)»", value)
    return quoted[0] if quoted else value


def test_every_sample_has_a_golden_file() -> None:
    sources = {p.stem for p in (CORPORA / "src").glob("*.yaml")}
    assert sources == {p.name.removesuffix(".summary.json") for p in GOLDEN}
    assert len([s for s in sources if s.startswith("ru_")]) >= 12
    assert len([s for s in sources if s.startswith("az_")]) >= 12


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name.split(".")[0])
def test_sample_matches_its_golden_summary(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    got = summarize(parse(read_document(CORPORA / expected["file"])))
    for field in ("format", "language", "jurisdiction", "kind", "is_job_description",
                  "approval", "agreement", "acknowledgment"):
        assert got[field] == expected[field], field
    assert _org(got["organisation"]) == _org(expected["organisation"])
    assert [(s["kinds"], s["clauses"]) for s in got["sections"]] == \
        [(s["kinds"], s["clauses"]) for s in expected["sections"]]


@needs_soffice
def test_samples_printed_to_pdf_read_the_same(tmp_path: Path) -> None:
    """Every Word, RTF and ODT sample exported to PDF by LibreOffice (a different producer
    from the samples' own PDFs: justified lines, tables drawn as text, heads in columns)
    parses to the sample's golden summary."""
    sources = sorted(p for p in CORPORA.iterdir() if p.suffix in (".docx", ".odt", ".rtf"))
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice() or "soffice", f"-env:UserInstallation={profile.as_uri()}",
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), *map(str, sources)], check=True, capture_output=True,
                   timeout=600)
    wrong = {}
    for source in sources:
        expected = json.loads((CORPORA / "expected" / f"{source.stem}.summary.json").read_text(
            encoding="utf-8"))
        got = summarize(parse(read_document(tmp_path / f"{source.stem}.pdf")))
        diffs = [f for f in ("language", "jurisdiction", "kind", "approval", "agreement",
                             "acknowledgment") if got[f] != expected[f]]
        if [(s["kinds"], s["clauses"]) for s in got["sections"]] != \
                [(s["kinds"], s["clauses"]) for s in expected["sections"]]:
            diffs.append("sections")
        if diffs:
            wrong[source.name] = diffs
    assert len(sources) >= 15 and wrong == {}
