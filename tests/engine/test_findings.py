"""Findings carry their place, quote, law and a fingerprint that survives edits elsewhere."""

from __future__ import annotations

from jdcheck.model import Settings
from jdcheck.readers import Limits
from jdcheck.scan import scan_file

BASE = """УТВЕРЖДАЮ
Директор ООО «Альфа»
________ И.И. Петров
«10» марта 2024 г.

ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира
1. Общие положения
1.1. Кассир назначается на должность приказом директора.
2. Права и обязанности
2.1. Принимает наличные деньги.
2.2. Имеет право запрашивать документы.
"""


def _findings(text: str, **settings: object) -> list:
    result = scan_file("kassir.txt", Limits(), Settings(**settings), data=text.encode())
    assert result.error is None
    return list(result.findings)


def test_findings_have_place_quote_and_law() -> None:
    merged = next(f for f in _findings(BASE) if f.category == "rights-duties-merged")
    assert merged.section == "Права и обязанности"
    assert merged.location.line == 9 and merged.location.file == "kassir.txt"
    missing = next(f for f in _findings(BASE) if f.category == "missing-section")
    assert missing.target == "liability" and missing.law


def test_fingerprints_survive_edits_elsewhere() -> None:
    before = {f.rule: f.fingerprint for f in _findings(BASE)}
    edited = BASE.replace("1.1. Кассир назначается", "1.1. Старший кассир назначается") \
        .replace("«10» марта 2024 г.", "«11» марта 2024 г.")
    after = {f.rule: f.fingerprint for f in _findings(edited)}
    assert before["JD-S030"] == after["JD-S030"]
    assert before["JD-S001"] == after["JD-S001"]


def test_messages_follow_the_report_language() -> None:
    ru = next(f for f in _findings(BASE, lang="ru") if f.rule == "JD-S001")
    az = next(f for f in _findings(BASE, lang="az") if f.rule == "JD-S001")
    assert "Ответственность" in ru.message and "Məsuliyyət" in az.message


def test_mode_final_reports_blank_dates() -> None:
    draft = BASE.replace("«10» марта 2024 г.", "«___» ________ 20__ г.")
    assert not [f for f in _findings(draft) if f.rule == "JD-S004"]
    final = [f for f in _findings(draft, mode="final") if f.rule == "JD-S004"]
    assert {f.target for f in final} == {"approval.date", "approval.signature"}


def test_select_ignore_and_severity_overrides() -> None:
    only = _findings(BASE, select=("missing-section",))
    assert {f.category for f in only} == {"missing-section"}
    rest = _findings(BASE, ignore=("JD-S001", "missing-block"))
    assert not {f.rule for f in rest} & {"JD-S001", "JD-S010", "JD-S021"}
    softer = _findings(BASE, severity={"JD-S001": "info"})
    assert next(f for f in softer if f.rule == "JD-S001").severity == "info"
