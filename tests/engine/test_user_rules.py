"""A rule written by someone who only read README works without any Python change."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPORA

ORG_RULES = '''# Our organisation's own checks.

rule ORG-001 "Relationships section is required" {
    category missing-section
    severity error
    message en "Add a «Relationships» section."
    message ru "Добавьте раздел «Взаимоотношения»."
    message az "«Qarşılıqlı əlaqələr» bölməsini əlavə edin."
    check document
        report at document when not has section relationships
    example fires document """
ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
1. Общие положения
1.1. Работник назначается приказом директора.
"""
    example passes document """
ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
1. Взаимоотношения
1.1. Взаимодействует с бухгалтерией.
"""
}

rule ORG-002 "No overtime without pay" {
    category liability-over-limit
    subtype unpaid-overtime
    severity warning
    message en "Unpaid overtime: «{quote}»"
    message ru "Неоплачиваемая сверхурочная работа: «{quote}»"
    message az "Ödənişsiz iş vaxtından artıq iş: «{quote}»"
    check each clause anywhere
        report when text has lemmas "работать сверхурочно", "сверхурочный работа"
            unless text contains "оплачивается", "с оплатой"
    example fires in duties "Работает сверхурочно по первому требованию руководителя."
    example passes in duties "Работает сверхурочно с оплатой в двойном размере."
}
'''

DOC = """ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кладовщика

1. Общие положения
1.1. Кладовщик назначается на должность приказом директора.
2. Должностные обязанности
2.1. Работает сверхурочно в дни инвентаризации.
2.2. Выходит на работу в выходные дни сверхурочно с оплатой по закону.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jdcheck", *args], capture_output=True,
                          text=True, timeout=600)


def test_organisation_rules_work_end_to_end(tmp_path: Path) -> None:
    rules = tmp_path / "org-rules"
    rules.mkdir()
    (rules / "org.jdr").write_text(ORG_RULES, encoding="utf-8")
    assert run("rules", "check", str(rules / "org.jdr")).returncode == 0
    tested = run("rules", "test", str(rules))
    assert tested.returncode == 0, tested.stdout
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "kladovshchik.txt").write_text(DOC, encoding="utf-8")
    result = run("scan", "--format", "json", "--rules", str(rules), str(docs))
    data = json.loads(result.stdout)
    findings = data["files"][0]["findings"]
    org = [f for f in findings if f["rule"].startswith("ORG-")]
    assert {f["rule"] for f in org} == {"ORG-001", "ORG-002"}
    overtime = next(f for f in org if f["rule"] == "ORG-002")
    assert overtime["clause"] == "2.1." and "сверхурочно" in overtime["quote"]
    assert result.returncode == 1


def test_configured_rules_and_required_sections(tmp_path: Path) -> None:
    shutil.copy(CORPORA / "ru_kassir.docx", tmp_path)
    (tmp_path / "jdcheck.toml").write_text(
        'required_sections = ["general", "duties", "rights", "liability", "final"]\n'
        'lang = "ru"\n', encoding="utf-8")
    data = json.loads(run("scan", "--format", "json", str(tmp_path)).stdout)
    missing = [f for f in data["files"][0]["findings"] if f["category"] == "missing-section"]
    assert [f["target"] for f in missing] == ["final"]
    assert "Заключительные положения" in missing[0]["message"]
