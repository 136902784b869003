"""The clause checks (rights/duties split, liability beyond the labour code) on documents, and
their precision and recall on the team's labelled clauses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import docx
import pytest

from jdcheck.model import Finding, Settings
from jdcheck.readers import Limits
from jdcheck.scan import scan_file
from tests.conftest import CORPORA, ROOT

CLAUSE_RULES = ("misplaced-right", "misplaced-duty", "liability-over-limit")


def _docx(path: Path, title: str, sections: list[tuple[str, list[str]]]) -> Path:
    d = docx.Document()
    d.add_paragraph(title)
    for n, (heading, items) in enumerate(sections, start=1):
        d.add_paragraph(f"{n}. {heading}")
        for m, item in enumerate(items, start=1):
            d.add_paragraph(item if item.endswith(":") or item.startswith(("–", "-", "—"))
                            else f"{n}.{m}. {item}")
    d.save(str(path))
    return path


def _scan(path: Path) -> list[Finding]:
    result = scan_file(str(path), Limits(), Settings(select=CLAUSE_RULES))
    assert result.error is None
    return list(result.findings)


def test_russian_docx_rights_duties_and_liability(tmp_path: Path) -> None:
    path = _docx(tmp_path / "kladovshchik.docx", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кладовщика", [
        ("Общие положения", ["Кладовщик назначается на должность приказом директора."]),
        ("Должностные обязанности", [
            "Принимает товар на склад по накладным.",
            "Имеет право требовать от поставщиков сертификаты качества."]),
        ("Права", ["Запрашивать у бухгалтерии сведения об остатках.",
                   "Обязан ежедневно сдавать отчёт о движении товаров."]),
        ("Ответственность", [
            "Кладовщик несёт материальную ответственность:",
            "– за порчу имущества склада — в полном размере его стоимости;",
            "– за причинение материального ущерба — в пределах, определённых трудовым "
            "законодательством Российской Федерации.",
            "За каждое опоздание с кладовщика удерживается штраф 500 рублей."]),
    ])
    found = {(f.rule, " ".join((f.quote or "").split())[:40]) for f in _scan(path)}
    rules = sorted(rule for rule, _ in found)
    assert rules == ["JD-C001", "JD-C002", "JD-L101", "JD-L102"]
    full = next(f for f in _scan(path) if f.rule == "JD-L102")
    # the item alone says «в полном размере»; the quote carries the lead-in that makes it
    # a statement about liability
    assert full.quote and full.quote.startswith("Кладовщик несёт материальную ответственность")
    assert "порчу имущества" in full.quote


def test_azerbaijani_docx_rights_duties_and_liability(tmp_path: Path) -> None:
    path = _docx(tmp_path / "kassir.docx", "VƏZİFƏ TƏLİMATI kassir", [
        ("Ümumi müddəalar", ["Kassir direktorun əmri ilə vəzifəyə təyin edilir."]),
        ("Vəzifə öhdəlikləri", ["Nağd pulu qəbul edir və kassa kitabını aparır.",
                                "Kassir bank hesabından pul çıxarmaq hüququna malikdir."]),
        ("Hüquqlar", ["Kassir hər gün kassa hesabatını təqdim etməyə borcludur.",
                      "Kassirə hər il ödənişli təlim imkanı yaradılmalıdır."]),
        ("Məsuliyyət", [
            "Kassir kassa intizamını pozduqda aylıq maaşının yarısı məbləğində cərimələnir.",
            "Isci vurdugu ziyana gore butun sexsi emlaki ile cavab verir.",
            "İşçi vurduğu ziyana görə Əmək Məcəlləsi ilə müəyyən edilmiş hədlərdə maddi "
            "məsuliyyət daşıyır."]),
    ])
    rules = sorted(f.rule for f in _scan(path))
    assert rules == ["JD-C001", "JD-C002", "JD-L201", "JD-L206"]


def test_a_statement_of_the_lead_in_is_reported_once(tmp_path: Path) -> None:
    text = """ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ продавца
1. Общие положения
1.1. Продавец назначается приказом директора.
2. Должностные обязанности
2.1. Продавцы по графику охраняют магазин ночью. При этом они несут полную ответственность за все имущество магазина. Во время дежурства продавцу запрещается:
– покидать магазин;
– отключать сигнализацию;
– употреблять спиртные напитки.
"""
    path = tmp_path / "prodavec.txt"
    path.write_text(text, encoding="utf-8")
    findings = _scan(path)
    # it cites no labour code: the Russian one is presumed from the language, and said so
    assert [f.target for f in findings if f.rule == "JD-L901"] == ["document"]
    full = [f for f in findings if f.rule == "JD-L102"]
    assert len(full) == 1
    assert full[0].quote and full[0].quote.startswith("Продавцы по графику")


def test_prohibitions_rights_named_by_a_noun_and_refusals(tmp_path: Path) -> None:
    ru = _docx(tmp_path / "operator.docx", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ операциониста", [
        ("Общие положения", ["Операционист назначается на должность приказом директора."]),
        ("Должностные обязанности", ["Обслуживает клиентов банка."]),
        ("Права", [
            "Сотрудникам операционного офиса запрещено разглашать сведения о вкладах.",
            "Участвовать в общественных организациях, не запрещённых законодательством."]),
    ])
    found = [(f.rule, f.quote) for f in _scan(ru) if f.rule.startswith("JD-C")]
    assert len(found) == 1 and found[0][0] == "JD-C002" and "запрещено" in (found[0][1] or "")
    az = _docx(tmp_path / "yukleyici.docx", "VƏZİFƏ TƏLİMATI yükləyici sürücüsü", [
        ("Ümumi müddəalar", ["Sürücü direktorun əmri ilə vəzifəyə təyin edilir."]),
        ("Vəzifə öhdəlikləri", [
            "Yükləri anbara daşıyır.",
            "Növbə rəisi olmadıqda yük qaimələrini imzalamaq hüququ."]),
        ("Hüquqlar", [
            "Yükləyici nasaz olduqda işə başlamamaq.",
            "Müştərilərin məlumatlarını yaymaq qadağan edilir."]),
    ])
    rules = sorted((f.rule, (f.quote or "")[:12]) for f in _scan(az)
                   if f.rule.startswith("JD-C"))
    assert rules == [("JD-C001", "Növbə rəisi "), ("JD-C002", "Müştərilərin")]


def _eval_module():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("jdcheck_eval", ROOT / "bench" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def labelled() -> list[tuple[str, str, set[str]]]:
    ev = _eval_module()
    rows: list[tuple[str, str, set[str]]] = []
    for path in sorted((CORPORA / "clauses").glob("*.yaml")):
        rows += ev.run_clauses(path)
    return rows


@pytest.mark.parametrize("lang", ["ru", "az"])
@pytest.mark.parametrize("category", ["misplaced-right", "misplaced-duty",
                                      "liability-over-limit/*", "info/*"])
def test_labelled_clauses_meet_the_targets(labelled: list[tuple[str, str, set[str]]],
                                           lang: str, category: str) -> None:
    ev = _eval_module()
    counts = ev.scores(labelled)[(lang, category)]
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    assert tp >= 10, f"too few labelled {category} clauses in {lang}"
    assert tp / (tp + fp) >= 0.95, f"{lang} {category}: precision {tp}/{tp + fp}"
    assert tp / (tp + fn) >= 0.95, f"{lang} {category}: recall {tp}/{tp + fn}"


def test_a_place_after_na_is_not_a_right(tmp_path: Path) -> None:
    """«На баре: салфетки» names a place (locative); «на отдых» is a right to something."""
    path = _docx(tmp_path / "ranner.docx", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ раннера", [
        ("Общие положения", ["Раннер назначается на должность приказом директора."]),
        ("Должностные обязанности", [
            "На улице, перед входной дверью проверить палисадник и осуществить полив.",
            "На столах: салфетки.",
            "На оплачиваемый перерыв в течение смены."]),
    ])
    found = [(f.rule, (f.quote or "")[:14]) for f in _scan(path) if f.rule.startswith("JD-C")]
    assert found == [("JD-C001", "На оплачиваемы")]
