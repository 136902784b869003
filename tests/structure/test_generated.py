"""Documents mixed by the benchmark generator parse to the summaries it derives for them.

The generator recombines the corpus sources (clauses, headings, grifs, acknowledgments) under
random layouts: numbering typed, automatic, Roman or absent; headings bold, in capitals, styled
or plain; two-column heads; running page headers; every format and text encoding. Its expected
summaries come from the sources alone (corpora/tools/sample.py), never from jdcheck's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from jdcheck.model import summarize
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse
from tests.conftest import ROOT

_FIELDS = ("format", "language", "jurisdiction", "kind", "is_job_description", "approval",
           "agreement", "acknowledgment")
_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_generated_documents_match_their_summaries(tmp_path: Path) -> None:
    formats = "docx,odt,rtf,txt" + (",pdf" if _FONT.exists() else "")
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(tmp_path),
                    "--count", "120", "--seed", "29", "--formats", formats, "--summaries"],
                   check=True, capture_output=True)
    documents = sorted(p for p in tmp_path.iterdir() if p.is_file())
    assert len(documents) == 120
    wrong = {}
    for path in documents:
        expected = json.loads((tmp_path / "expected" / f"{path.stem}.summary.json").read_text(
            encoding="utf-8"))
        got = json.loads(json.dumps(summarize(parse(read_document(path))), default=str))
        diffs = [f for f in _FIELDS if got[f] != expected[f]]
        if [(s["kinds"], s["clauses"]) for s in got["sections"]] != \
                [(s["kinds"], s["clauses"]) for s in expected["sections"]]:
            diffs.append("sections")
        if diffs:
            wrong[path.name] = diffs
    assert wrong == {}
