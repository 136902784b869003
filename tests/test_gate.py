"""A document workflow's gate: baselines, waivers, several outputs in one run, the Python API,
and the text report's marked quotes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import docx

import jdcheck
from tests.conftest import CORPORA
from tests.test_cli import run

SAMPLE = "ru_kassir.docx"
FINE = "За каждое опоздание на работу с кассира удерживается штраф в размере 500 рублей."


def _copy(tmp: Path, name: str = SAMPLE) -> Path:
    folder = tmp / "docs"
    folder.mkdir(exist_ok=True)
    target = folder / name
    shutil.copy(CORPORA / name, target)
    return target


def _add_clause(path: Path, text: str) -> None:
    """A new clause right after the liability section's first clause."""
    d = docx.Document(str(path))
    paragraphs = d.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if "Ответственность" in p.text)
    anchor = paragraphs[at + 1]
    new = anchor.insert_paragraph_before(text)
    new.style = anchor.style
    d.save(str(path))


def _json(result_text: str) -> dict:  # type: ignore[type-arg]
    return json.loads(result_text)


def test_a_baseline_keeps_only_what_a_revision_introduces(tmp_path: Path) -> None:
    doc = _copy(tmp_path)
    base = tmp_path / "jdcheck-baseline.json"
    made = run("baseline", "create", str(doc.parent), "-o", str(base), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    recorded = json.loads(base.read_text(encoding="utf-8"))["findings"]
    before = _json(run("scan", str(doc.parent), "--format", "json", cwd=tmp_path).stdout)
    assert len(recorded) == before["totals"]["findings"] > 0

    again = run("scan", str(doc.parent), "--baseline", str(base), "--format", "json",
                cwd=tmp_path)
    data = _json(again.stdout)
    assert again.returncode == 0 and data["totals"]["findings"] == 0
    assert data["totals"]["suppressed"] == {"baseline": len(recorded)}

    _add_clause(doc, FINE)
    changed = run("scan", str(doc.parent), "--baseline", str(base), "--format", "json",
                  cwd=tmp_path)
    new = [f for file in _json(changed.stdout)["files"] for f in file["findings"]]
    assert [f["rule"] for f in new] == ["JD-L101"]
    assert "штраф" in new[0]["quote"] and changed.returncode == 1


def _waiver_config(folder: Path, fingerprint: str, expires: date) -> None:
    (folder / "jdcheck.toml").write_text(
        f'[[waivers]]\nfingerprint = "{fingerprint}"\nreason = "agreed with the legal '
        f'department"\napproved_by = "A. Petrova"\nexpires = {expires.isoformat()}\n',
        encoding="utf-8")


def test_a_waiver_hides_its_finding_until_it_expires(tmp_path: Path) -> None:
    doc = _copy(tmp_path)
    first = _json(run("scan", str(doc), "--format", "json", cwd=tmp_path).stdout)
    target = first["files"][0]["findings"][0]
    _waiver_config(doc.parent, target["fingerprint"], date.today() + timedelta(days=30))
    waived = _json(run("scan", str(doc), "--format", "json", cwd=tmp_path).stdout)
    hidden = waived["files"][0]["suppressed"]
    assert [h["finding"]["fingerprint"] for h in hidden] == [target["fingerprint"]]
    assert hidden[0]["by"] == "waiver" and hidden[0]["approved_by"] == "A. Petrova"
    assert waived["totals"]["findings"] == first["totals"]["findings"] - 1

    _waiver_config(doc.parent, target["fingerprint"], date.today() - timedelta(days=1))
    lapsed = run("scan", str(doc), "--format", "json", cwd=tmp_path)
    assert _json(lapsed.stdout)["totals"]["findings"] == first["totals"]["findings"]
    assert "expired" in lapsed.stderr and target["rule"] in lapsed.stderr


def test_several_outputs_in_one_run_and_inputs_untouched(tmp_path: Path) -> None:
    doc = _copy(tmp_path)
    digest = hashlib.sha256(doc.read_bytes()).hexdigest()
    out_json = tmp_path / "out" / "report.json"
    result = run("scan", str(doc), "--format", "text", "--output-json", str(out_json),
                 "-o", str(tmp_path / "report.txt"), cwd=tmp_path)
    assert result.stdout == ""
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert result.returncode == (1 if data["totals"]["failed"] else 0)
    assert f"{data['totals']['findings']} findings" in text
    others = {kind: tmp_path / f"report.{kind}" for kind in ("html", "sarif", "junit", "csv")}
    every = run("scan", str(doc), "--format", "json", *[
        x for kind, path in others.items() for x in (f"--output-{kind}", str(path))],
        cwd=tmp_path)
    assert json.loads(every.stdout)["totals"] == data["totals"]
    sarif = json.loads(others["sarif"].read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == data["totals"]["findings"]
    suite = ElementTree.parse(others["junit"]).getroot()
    assert len(suite.findall(".//testcase")) == 1
    rows = list(csv.DictReader(io.StringIO(others["csv"].read_text(encoding="utf-8"))))
    assert len(rows) == data["totals"]["findings"]
    assert data["files"][0]["findings"][0]["fingerprint"] in others["html"].read_text(
        encoding="utf-8")
    refused = run("scan", str(doc), "-o", str(doc), cwd=tmp_path)
    assert refused.returncode == 2 and "being scanned" in refused.stderr
    assert hashlib.sha256(doc.read_bytes()).hexdigest() == digest


def test_the_text_report_marks_the_words_found(tmp_path: Path) -> None:
    doc = tmp_path / "kassir.txt"
    doc.write_text("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира\n1. Общие положения\n1.1. Кассир "
                   "назначается приказом директора.\n2. Ответственность\n2.1. " + FINE + "\n",
                   encoding="utf-8")
    text = run("scan", str(doc), cwd=tmp_path).stdout
    line = next(x for x in text.splitlines() if "опоздание" in x)
    assert "[штраф]" in line and "\033[" not in text


def test_the_python_api_for_workflows(tmp_path: Path) -> None:
    doc = _copy(tmp_path)
    by_file = jdcheck.check_file(doc)
    by_bytes = jdcheck.check_bytes(doc.read_bytes(), SAMPLE)
    cli = _json(run("scan", str(doc), "--format", "json", cwd=tmp_path).stdout)
    expected = [f["fingerprint"] for f in cli["files"][0]["findings"]]
    assert [f.fingerprint for f in by_file.findings] == expected
    assert [f.fingerprint for f in by_bytes.findings] == expected
    assert by_bytes.path == SAMPLE and by_file.summary is not None
    broken = jdcheck.check_bytes(b"PK\x03\x04 not a zip", "upload.docx")
    assert broken.error is not None and broken.error.code == "E103"
    only = jdcheck.check_file(doc, config={"select": ["missing-section"]})
    assert {f.category for f in only.findings} <= {"missing-section"}
    base = tmp_path / "base.json"
    run("baseline", "create", str(doc), "-o", str(base), cwd=tmp_path)
    assert not jdcheck.check_file(doc, baseline=base).findings


def _comments(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return 0
        return z.read("word/comments.xml").decode("utf-8").count("<w:comment ")


def test_annotate_a_file_and_a_folder(tmp_path: Path) -> None:
    doc = _copy(tmp_path)
    shutil.copy(CORPORA / "ru_menedzher_po_prodazham.pdf", doc.parent)
    data = _json(run("scan", str(doc), "--format", "json", cwd=tmp_path).stdout)
    findings = data["totals"]["findings"]
    out = tmp_path / "annotated.docx"
    done = run("annotate", str(doc), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0 and f"{findings} comments" in done.stdout
    assert _comments(out) == findings
    folder = tmp_path / "annotated"
    scanned = run("scan", str(doc.parent), "--annotate-dir", str(folder), cwd=tmp_path)
    assert _comments(folder / SAMPLE) == findings
    assert "ru_menedzher_po_prodazham.pdf: not annotated" in scanned.stderr
    assert not (folder / "ru_menedzher_po_prodazham.docx").exists()


def test_progress_goes_to_stderr_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    _copy(tmp_path)
    _copy(tmp_path, "az_kassir.docx")
    shown = run("scan", str(tmp_path / "docs"), "--progress", "--format", "json", cwd=tmp_path)
    assert "[1/2]" in shown.stderr and json.loads(shown.stdout)["totals"]["files"] == 2
    quiet = run("scan", str(tmp_path / "docs"), "--format", "json", cwd=tmp_path)
    assert "[1/2]" not in quiet.stderr
