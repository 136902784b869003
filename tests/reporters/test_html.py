"""The HTML report on a real scan of the corpus: self-contained, complete, counted right,
labelled in each report language, escaped, and filtered by its script in a headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from jdcheck.baseline import make_baseline
from jdcheck.config import find_config, make_settings
from jdcheck.dsl.loader import load
from jdcheck.model import (
    SCHEMA_VERSION,
    FileResult,
    Finding,
    ScanResult,
    Settings,
    Span,
    severity_rank,
)
from jdcheck.reporters.html import LANGS, labels, render_html
from jdcheck.reporters.verdict import FAIL_ON
from jdcheck.scan import ScanOptions, scan
from tests.conftest import CORPORA, ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no headless browser: `chromium` is not on PATH (apt install chromium)"
)

WAIVED_RULE = "JD-S021"
BASELINED = "ru_voditel.txt"


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    """The corpus plus one empty file (unreadable), with a waiver for one rule and a baseline
    made from one document's findings, so that every part of the page has real content."""
    extra = tmp_path_factory.mktemp("extra")
    (extra / "empty.txt").write_bytes(b"")
    waiver = {
        "rule": WAIVED_RULE,
        "reason": "the acknowledgment sheet is kept in the HR file",
        "approved_by": "Legal department",
        "expires": date.today() + timedelta(days=30),
    }
    settings = make_settings(find_config(CORPORA), {"waivers": [waiver]})
    first = scan(ScanOptions(paths=(str(CORPORA / BASELINED),), settings=settings))
    return scan(
        ScanOptions(
            paths=(str(CORPORA), str(extra / "empty.txt")),
            settings=settings,
            baseline=make_baseline(first, extra / "baseline.json"),
            keep_documents=True,
        )
    )


@pytest.fixture(scope="module")
def rules(scanned: ScanResult) -> dict[str, str]:
    """Each rule's explanation, from the rule set the scan ran with."""
    return {r.id: r.explain for r in load(scanned.settings.rule_dirs).rules}


@pytest.fixture(scope="module")
def page(scanned: ScanResult) -> str:
    return render_html(scanned, "en", load(scanned.settings.rule_dirs).rules)


@pytest.fixture(scope="module")
def report_file(page: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def tree(text: str) -> Any:
    return lxml_html.document_fromstring(text)


def by_class(root: Any, name: str) -> list[Any]:
    return root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def document_of(el: Any) -> str:
    return str(el.xpath("ancestor::article[@data-path][1]/@data-path")[0])


def test_the_fixture_has_every_kind_of_content(scanned: ScanResult) -> None:
    assert scanned.unreadable and scanned.findings
    assert {s.by for s in scanned.suppressed} == {"baseline", "waiver"}


def test_page_is_well_formed_and_self_contained(page: str) -> None:
    root = tree(page)
    assert root.tag == "html" and root.find("head/title") is not None
    assert not root.xpath("//script[@src]")
    assert not root.xpath("//link[@href]")
    for value in root.xpath("//@src | //@href | //@*[local-name()='href']"):
        assert not re.match(r"\s*(https?:)?//", value), value
    for style in root.xpath("//style/text()"):
        assert "url(" not in style and "@import" not in style


def test_without_script_everything_is_shown(page: str) -> None:
    root = tree(page)
    assert not [
        el
        for el in by_class(root, "finding") + by_class(root, "document")
        if el.get("hidden") is not None
    ]


def test_every_finding_appears_once(page: str, scanned: ScanResult) -> None:
    root = tree(page)
    shown = Counter(
        (document_of(el), el.get("data-fingerprint")) for el in by_class(root, "finding")
    )
    expected = Counter((f.path, x.fingerprint) for f in scanned.files for x in f.findings)
    assert shown == expected
    assert set(shown.values()) == {1}
    hidden = Counter(
        (document_of(el), el.get("data-fingerprint"), el.get("data-by"))
        for el in by_class(root, "suppressed-finding")
    )
    assert hidden == Counter(
        (f.path, s.finding.fingerprint, s.by) for f in scanned.files for s in f.suppressed
    )


def test_finding_elements_carry_filter_attributes(page: str, scanned: ScanResult) -> None:
    root = tree(page)
    findings = {(f.path, x.fingerprint): (x, f) for f in scanned.files for x in f.findings}
    for el in by_class(root, "finding"):
        finding, result = findings[(document_of(el), el.get("data-fingerprint"))]
        assert result.summary is not None
        assert el.get("data-severity") == finding.severity
        assert el.get("data-category") == finding.category
        assert el.get("data-rule") == finding.rule
        assert el.get("data-language") == result.summary.language
        assert el.get("data-jurisdiction") == result.summary.jurisdiction


def test_summary_counts_equal_the_scan(page: str, scanned: ScanResult) -> None:
    root = tree(page)

    def total(name: str) -> int:
        return int(root.xpath(f"//*[@data-total='{name}']")[0].text_content())

    def rows(table: str, attr: str) -> dict[str, int]:
        return {
            tr.get(attr): int(tr.xpath(".//*[@data-count]")[0].text_content())
            for tr in root.xpath(f"//table[@id='{table}']//tr[@{attr}]")
        }

    limit = FAIL_ON[scanned.settings.fail_on]
    readable = [f for f in scanned.files if f.error is None]
    failed = [f for f in readable if any(severity_rank(x.severity) >= limit for x in f.findings)]
    assert total("files") == len(scanned.files)
    assert total("unreadable") == len(scanned.files) - len(readable)
    assert total("failed") == len(failed)
    assert total("passed") == len(readable) - len(failed)
    assert total("findings") == len(scanned.findings)
    by_severity = rows("by-severity", "data-severity")
    assert {k: v for k, v in by_severity.items() if v} == Counter(
        f.severity for f in scanned.findings
    )
    assert rows("by-category", "data-category") == Counter(f.category for f in scanned.findings)
    assert rows("by-rule", "data-rule") == Counter(f.rule for f in scanned.findings)
    assert rows("suppressed-counts", "data-suppressed") == Counter(s.by for s in scanned.suppressed)
    bars = root.xpath("//figure[contains(@class,'chart')]//*[local-name()='rect']")
    assert len(bars) == len(set(f.category for f in scanned.findings))


def test_documents_show_status_summary_and_errors(page: str, scanned: ScanResult) -> None:
    root = tree(page)
    words = labels()["en"]
    articles = {a.get("data-path"): a for a in root.xpath("//article[@data-path]")}
    assert list(articles) == [f.path for f in scanned.files]
    for result in scanned.files:
        text = articles[result.path].text_content()
        if result.error is not None:
            assert articles[result.path].get("data-status") == "unreadable"
            assert result.error.code in text and result.error.message in text
            assert result.error.hint is None or result.error.hint in text
        else:
            assert result.summary is not None
            assert words["kinds"][result.summary.kind] in text
            assert words["languages"][result.summary.language] in text


def test_findings_show_place_quote_marks_law_and_explanation(
    page: str, scanned: ScanResult, rules: dict[str, str]
) -> None:
    root = tree(page)
    elements = {
        (document_of(el), el.get("data-fingerprint")): el for el in by_class(root, "finding")
    }
    marked = 0
    for result in scanned.files:
        for f in result.findings:
            el = elements[(result.path, f.fingerprint)]
            text = " ".join(el.text_content().split())
            assert f.message in el.text_content()
            assert all(ref in text for ref in f.law)
            if f.section:
                assert f"«{f.section}»" in text
            if f.clause:
                assert f.clause.rstrip(".") in el.xpath(".//*[@class='where']")[0].text_content()
            explain = el.xpath(".//details[contains(@class,'explain')]")
            assert bool(explain) == bool(rules.get(f.rule))
            if explain:
                assert " ".join(rules[f.rule].split())[:60] in " ".join(
                    explain[0].text_content().split()
                )
            marks = [m.text_content() for m in el.xpath(".//blockquote//mark")]
            if marks:
                marked += 1
                assert result.document is not None
                assert all(m in (f.quote or "") for m in marks)
                assert not el.xpath(".//mark//mark")
                inside = [
                    (a, b)
                    for a, b in f.marks
                    if (f.location.start or 0) <= a < b <= (f.location.end or 0)
                ]
                for a, b in inside:
                    assert any(result.document.text[a:b] in m for m in marks)
    assert marked > 0


def test_quote_led_by_its_lead_in_is_shown_without_marks(scanned: ScanResult) -> None:
    result = next(r for r in scanned.files if any(f.marks and f.quote for f in r.findings))
    finding = next(f for f in result.findings if f.marks and f.quote)
    lead = "Работник несёт материальную ответственность:"
    led = finding.model_copy(update={"quote": f"{lead} {finding.quote}"})
    for variant, marked in ((finding, True), (led, False)):
        one = ScanResult(
            schema_version=SCHEMA_VERSION,
            settings=scanned.settings,
            files=(result.model_copy(update={"findings": (variant,)}),),
        )
        quote = tree(render_html(one)).xpath("//blockquote")[0]
        assert quote.text_content() == variant.quote
        assert bool(quote.xpath(".//mark")) == marked


def test_waivers_show_reason_approver_and_expiry(page: str, scanned: ScanResult) -> None:
    root = tree(page)
    waived = [s for s in scanned.suppressed if s.by == "waiver"]
    assert waived
    for item in waived:
        el = root.xpath(f"//li[@data-by='waiver'][@data-fingerprint='{item.finding.fingerprint}']")
        text = el[0].text_content()
        assert item.reason in text and item.approved_by in text
        assert item.expires is not None and item.expires.isoformat() in text
        assert el[0].xpath("ancestor::details")


@pytest.mark.parametrize("lang", LANGS)
def test_labels_switch_with_language(scanned: ScanResult, lang: str) -> None:
    words = labels()[lang]
    root = tree(render_html(scanned, lang))
    assert root.get("lang") == lang
    assert root.xpath("//h2[@id='summary-title']")[0].text_content() == words["summary"]
    assert root.xpath("//h2[@id='documents-title']")[0].text_content() == words["documents"]
    for article in root.xpath("//article[@data-path]"):
        status = article.xpath(".//*[contains(@class,'status')]")[0].text_content()
        assert status == words["statuses"][article.get("data-status")]
    for el in by_class(root, "finding"):
        badge = el.xpath(".//*[contains(@class,'sev ')]")[0].text_content()
        assert badge == words["severities"][el.get("data-severity")]
    legends = [x.text_content() for x in root.xpath("//fieldset/legend")]
    assert words["filter_severity"] in legends and words["filter_category"] in legends


def test_label_dictionaries_match_and_differ() -> None:
    def keys(table: dict[str, Any], prefix: str = "") -> set[str]:
        out: set[str] = set()
        for key, value in table.items():
            out |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return out

    tables = labels()
    assert set(tables) == set(LANGS)
    assert keys(tables["en"]) == keys(tables["ru"]) == keys(tables["az"])
    assert re.search("[а-яё]", tables["ru"]["summary"].lower())
    assert re.search("[əğışçöü]", " ".join(tables["az"]["statuses"].values()))
    assert len({tables[lang]["title"] for lang in LANGS}) == len(LANGS)
    with pytest.raises(ValueError):
        render_html(ScanResult(schema_version=SCHEMA_VERSION, settings=Settings(), files=()), "de")


def test_markup_in_the_document_is_shown_as_text() -> None:
    evil = '<script>alert("x")</script> & <b>bold</b>'
    finding = Finding(
        rule="JD-L101",
        name="Fine <i>",
        category="liability-over-limit",
        severity="error",
        message=f"A fine: «{evil}»",
        target="liability",
        file="a.txt",
        location=Span(start=0, end=len(evil)),
        section="<h1>Liability</h1>",
        clause="4.1.",
        quote=evil,
        marks=((0, 8),),
        fingerprint='"><script>x</script>',
    )
    result = ScanResult(
        schema_version=SCHEMA_VERSION,
        settings=Settings(),
        files=(FileResult(path="<img src=x onerror=alert(1)>.txt", findings=(finding,)),),
    )
    text = render_html(result)
    root = tree(text)
    assert len(root.xpath("//script")) == 1 and len(root.xpath("//h1")) == 1
    assert not root.xpath("//img | //b | //i")
    quote = root.xpath("//blockquote")[0]
    assert quote.text_content() == evil
    assert quote.xpath(".//mark")[0].text_content() == evil[:8]
    assert by_class(root, "finding")[0].get("data-fingerprint") == finding.fingerprint
    assert root.xpath("//article/@data-path") == [result.files[0].path]


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    """Run headless chromium as this container needs it (root: no sandbox; no GPU)."""
    command = [
        CHROMIUM or "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=True)


def dump(report: Path, fragment: str, tmp_path: Path) -> Any:
    """The DOM after the page's script ran, for the report opened at ``#fragment``."""
    url = report.as_uri() + (f"#{fragment}" if fragment else "")
    out = chromium(["--dump-dom", url], tmp_path / "profile").stdout
    assert "</html>" in out, "chromium printed no DOM"
    return tree(out)


def visible(el: Any) -> bool:
    return el.get("hidden") is None


@needs_chromium
@pytest.mark.parametrize(
    "fragment, keep",
    [
        ("severity=error", lambda f, r: f.severity == "error"),
        ("category=liability-over-limit", lambda f, r: f.category == "liability-over-limit"),
        (
            "severity=warning,info&language=az",
            lambda f, r: f.severity in ("warning", "info") and r.summary.language == "az",
        ),
        ("", lambda f, r: True),
    ],
)
def test_browser_applies_the_fragment(
    report_file: Path, scanned: ScanResult, tmp_path: Path, fragment: str, keep: Any
) -> None:
    root = dump(report_file, fragment, tmp_path)
    expected = {(r.path, f.fingerprint) for r in scanned.files for f in r.findings if keep(f, r)}
    elements = by_class(root, "finding")
    assert len(elements) == len(scanned.findings)
    shown = {(document_of(el), el.get("data-fingerprint")) for el in elements if visible(el)}
    assert shown == expected
    assert int(root.xpath("//*[@id='visible-count']")[0].text_content()) == len(expected)
    assert visible(root.xpath("//section[@id='filters']")[0])
    documents = {a.get("data-path"): visible(a) for a in root.xpath("//article[@data-path]")}
    for path in {p for p, _ in expected}:
        assert documents[path]
    if not fragment:
        assert all(documents.values())
    else:
        assert not any(
            documents[r.path] for r in scanned.files if not any(keep(f, r) for f in r.findings)
        )


@needs_chromium
def test_browser_screenshot(report_file: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html_report.png"
    shot.unlink(missing_ok=True)
    chromium(
        [f"--screenshot={shot}", "--window-size=1280,2000", report_file.as_uri()],
        tmp_path / "profile",
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    print(f"screenshot of the HTML report: {shot}")
