"""SARIF, JUnit XML and CSV reports of real scans: the shipped corpus, a folder with a broken
file, and small job descriptions whose quoted clauses carry commas, quotes and a line break."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import jsonschema
import pytest

import jdcheck
from jdcheck.baseline import make_baseline, suppress
from jdcheck.config import find_config, make_settings
from jdcheck.dsl.loader import load
from jdcheck.model import Finding, ScanResult, Waiver
from jdcheck.reporters.csv_report import COLUMNS, render_csv
from jdcheck.reporters.junit import render_junit
from jdcheck.reporters.sarif import artifact_uri, render_sarif
from jdcheck.reporters.verdict import status
from jdcheck.scan import ScanOptions, scan
from tests.conftest import CORPORA

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "sarif-schema-2.1.0.json"
# SARIF 2.1.0 §3.27.10 (result.level) and §3.49.14 (defaultConfiguration.level).
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
WAIVED_RULE = "JD-S010"


def _scan(path: Path, **overrides: object) -> ScanResult:
    settings = make_settings(find_config(path), dict(overrides))
    return scan(ScanOptions(paths=(str(path),), settings=settings))


@pytest.fixture(scope="module")
def corpus() -> ScanResult:
    return _scan(CORPORA)


@pytest.fixture(scope="module")
def hidden(corpus: ScanResult) -> ScanResult:
    """The corpus scan with one rule waived and the findings of two files in a baseline."""
    waiver = Waiver(rule=WAIVED_RULE, reason="agreement is not required here",
                    approved_by="T. Borisova", expires=date(2099, 12, 31))
    settings = corpus.settings.model_copy(update={"waivers": (waiver,)})
    files = [f for f in corpus.files if f.findings][:2]
    baseline = make_baseline(corpus.model_copy(update={"files": tuple(files)}),
                             Path.cwd() / "baseline.json")
    return suppress(corpus.model_copy(update={"settings": settings}), baseline)


@pytest.fixture(scope="module")
def with_broken(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    folder = tmp_path_factory.mktemp("mixed")
    for name in ("ru_kassir.docx", "az_surucu.txt", "ru_prikaz.odt"):
        shutil.copy(CORPORA / name, folder / name)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip archive")
    return _scan(folder)


@pytest.fixture(scope="module")
def quoting(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    """Two small job descriptions whose fine clause has commas and double quotes; in the Word
    one a soft line break splits the clause, and the reader keeps it in the quote."""
    folder = tmp_path_factory.mktemp("quoting")
    head = ["УТВЕРЖДАЮ", "Директор ООО «Альфа»", "________ И.И. Петров",
            "«___» __________ 20__ г.", "", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира",
            "1. Общие положения", "1.1. Кассир назначается на должность приказом директора.",
            "2. Должностные обязанности", "2.1. Принимает наличные деньги, выдаёт чеки.",
            "3. Права", "3.1. Кассир вправе запрашивать информацию у бухгалтерии.",
            "4. Ответственность"]
    first = '4.1. За опоздание, недостачу или "ошибку в кассе" с кассира взыскивается штраф'
    rest = 'в размере 700 рублей, без учёта "обстоятельств".'
    (folder / "kassir.txt").write_text("\n".join([*head, first + " " + rest]) + "\n",
                                       encoding="utf-8")
    word = docx.Document()
    for line in head:
        word.add_paragraph(line)
    run = word.add_paragraph().add_run(first)
    run.add_break()
    run.add_text(rest)
    word.save(str(folder / "kassir.docx"))
    return _scan(folder)


def _sarif(result: ScanResult) -> dict:
    log = json.loads(render_sarif(result, "ru", load(result.settings.rule_dirs).rules))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    assert log["$schema"] == schema["$id"] and log["version"] == "2.1.0"
    return log


def _key(path: str, finding: Finding) -> tuple:
    return artifact_uri(path)[0], finding.rule, finding.fingerprint, finding.location.start


def _result_key(result: dict) -> tuple:
    physical = result["locations"][0]["physicalLocation"]
    return (physical["artifactLocation"]["uri"], result["ruleId"],
            result["partialFingerprints"]["jdcheck/v1"], physical["region"].get("charOffset"))


def test_the_committed_schema_is_the_official_sarif_2_1_0_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["$id"].endswith("/sarif-schema-2.1.0.json")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_sarif_validates_and_lists_every_finding_once(corpus: ScanResult) -> None:
    assert corpus.findings, "the corpus scan found nothing"
    log = _sarif(corpus)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "jdcheck"
    assert run["tool"]["driver"]["version"] == jdcheck.__version__
    assert run["language"] == "ru"
    expected = Counter(_key(f.path, x) for f in corpus.files for x in f.findings)
    assert Counter(_result_key(r) for r in run["results"]) == expected
    assert all("suppressions" not in r for r in run["results"])
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_levels_regions_and_rules_follow_the_findings(corpus: ScanResult) -> None:
    run = _sarif(corpus)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {x.rule for x in corpus.findings}
    ruleset = load(corpus.settings.rule_dirs)
    for descriptor in rules:
        rule = ruleset.get(descriptor["id"])
        assert rule is not None
        assert descriptor["defaultConfiguration"]["level"] == SARIF_LEVEL[rule.severity or ""]
        assert descriptor["fullDescription"]["text"].split() == (rule.explain or rule.name).split()
        assert descriptor["properties"]["category"] == rule.category
        assert descriptor["properties"].get("law", []) == list(rule.law)
    findings = {(_key(f.path, x)): x for f in corpus.files for x in f.findings}
    for result in run["results"]:
        finding = findings[_result_key(result)]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == SARIF_LEVEL[finding.severity]
        assert result["message"]["text"] == finding.message
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region.get("startLine") == finding.location.line
        assert region.get("snippet", {}).get("text") == finding.quote
        assert region.get("properties", {}).get("paragraph") == finding.location.paragraph
        if finding.location.start is not None and finding.location.end is not None:
            assert region["charLength"] == finding.location.end - finding.location.start


def test_sarif_reports_waived_and_baselined_findings_as_suppressed(hidden: ScanResult) -> None:
    by = Counter(s.by for s in hidden.suppressed)
    assert by["waiver"] and by["baseline"], by
    run = _sarif(hidden)["runs"][0]
    live = [r for r in run["results"] if "suppressions" not in r]
    quiet = [r for r in run["results"] if "suppressions" in r]
    assert Counter(_result_key(r) for r in live) == Counter(
        _key(f.path, x) for f in hidden.files for x in f.findings)
    assert Counter(_result_key(r) for r in quiet) == Counter(
        _key(f.path, s.finding) for f in hidden.files for s in f.suppressed)
    for result in quiet:
        (suppression,) = result["suppressions"]
        assert suppression["kind"] == "external"
        if result["ruleId"] == WAIVED_RULE:
            assert suppression["justification"] == "agreement is not required here"
            assert suppression["properties"] == {"by": "waiver", "approvedBy": "T. Borisova",
                                                 "expires": "2099-12-31"}
        else:
            assert suppression["properties"]["by"] == "baseline"


def test_sarif_names_an_unreadable_file_in_a_notification(with_broken: ScanResult) -> None:
    run = _sarif(with_broken)["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    (broken,) = with_broken.unreadable
    assert broken.error is not None
    assert note["descriptor"]["id"] == broken.error.code and note["level"] == "error"
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/broken.docx")


def test_junit_has_a_case_per_file_and_counts_failures_and_errors(
        with_broken: ScanResult) -> None:
    root = ET.fromstring(render_junit(with_broken, "en").encode("utf-8"))
    (suite,) = root.iter("testsuite")
    cases = suite.findall("testcase")
    assert sorted(c.get("name") for c in cases) == sorted(
        Path(f.path).name for f in with_broken.files)
    states = Counter(status(f, with_broken.settings.fail_on) for f in with_broken.files)
    assert states["unreadable"] == 1 and states["failed"] >= 1
    failures = [c for c in cases if c.find("failure") is not None]
    errors = [c for c in cases if c.find("error") is not None]
    assert len(failures) == states["failed"] and len(errors) == states["unreadable"]
    for element in (root, suite):
        assert element.get("tests") == str(len(cases))
        assert element.get("failures") == str(len(failures))
        assert element.get("errors") == str(len(errors))
        assert element.get("skipped") == "0"
    (broken,) = errors
    assert broken.get("name") == "broken.docx"
    assert broken.find("error").get("type") == with_broken.unreadable[0].error.code


def test_junit_failure_lists_what_fails_and_output_the_rest(corpus: ScanResult) -> None:
    text = render_junit(corpus, "ru")
    cases = {c.get("name"): c for c in ET.fromstring(text.encode("utf-8")).iter("testcase")}
    limit = {"info": 0, "warning": 1, "error": 2}[corpus.settings.fail_on]
    ranks = {"info": 0, "warning": 1, "error": 2}
    for f in corpus.files:
        case = cases[Path(f.path).name]
        assert case.get("classname") == Path(f.path).parent.as_posix()
        failing = [x for x in f.findings if ranks[x.severity] >= limit]
        failure = case.find("failure")
        assert (failure is not None) == bool(failing)
        out = case.findtext("system-out") or ""
        for x in f.findings:
            where = failure.text if failure is not None and x in failing else out
            assert f"{x.severity} {x.rule}" in where and " ".join(x.message.split()) in where


def test_csv_has_one_row_per_finding(corpus: ScanResult) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(corpus), newline="")))
    assert Counter((r["file"], r["rule"], r["fingerprint"], r["suppressed"]) for r in rows) == \
        Counter((f.path, x.rule, x.fingerprint, "") for f in corpus.files for x in f.findings)
    states = {f.path: status(f, corpus.settings.fail_on) for f in corpus.files}
    assert all(r["status"] == states[r["file"]] for r in rows)


def test_csv_lists_suppressed_findings_and_unreadable_files(
        hidden: ScanResult, with_broken: ScanResult) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(hidden), newline="")))
    assert Counter(r["suppressed"] for r in rows) == Counter(
        {"": len(hidden.findings), **Counter(s.by for s in hidden.suppressed)})
    rows = list(csv.DictReader(io.StringIO(render_csv(with_broken), newline="")))
    (broken,) = [r for r in rows if r["status"] == "unreadable"]
    assert broken["file"].endswith("broken.docx")
    assert broken["rule"] == with_broken.unreadable[0].error.code


def test_csv_keeps_commas_quotes_and_line_breaks_in_a_quote(quoting: ScanResult) -> None:
    quotes = [x.quote for x in quoting.findings if x.quote and '"' in x.quote and "," in x.quote]
    assert any("\n" in q for q in quotes) and any("\n" not in q for q in quotes), quotes
    text = render_csv(quoting)
    reader = csv.reader(io.StringIO(text, newline=""))
    assert tuple(next(reader)) == COLUMNS
    rows = list(reader)
    assert len(rows) == len(quoting.findings)
    column = COLUMNS.index("quote")
    assert Counter(r[column] for r in rows) == Counter(x.quote or "" for x in quoting.findings)


def test_csv_for_excel_starts_with_a_bom_and_reads_back(quoting: ScanResult) -> None:
    text = render_csv(quoting, excel=True)
    assert text.startswith("\ufeff")
    data = text.encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(quoting.findings)
    assert {r["message"] for r in rows} == {x.message for x in quoting.findings}
