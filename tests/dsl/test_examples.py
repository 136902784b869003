"""Every shipped rule passes its own examples; a rule without examples fails `rules test`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jdcheck.dsl.loader import load
from jdcheck.engine.evaluate import compile_rules
from jdcheck.engine.examples import run_examples

RULES = load()
COMPILED = compile_rules(RULES)


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.id)
def test_rule_passes_its_examples(rule: object) -> None:
    results = run_examples(rule, COMPILED)  # type: ignore[arg-type]
    assert [r.detail for r in results if not r.ok] == []


def test_rules_test_command_passes() -> None:
    result = subprocess.run([sys.executable, "-m", "jdcheck", "rules", "test"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "all rules passed their examples" in result.stdout


def test_rule_without_examples_fails(tmp_path: Path) -> None:
    (tmp_path / "x.jdr").write_text('''rule ORG-X001 "Needs a section" {
    category missing-section
    severity warning
    message en "x"
    message ru "x"
    message az "x"
    check document
        report when not has section final
}
''', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "jdcheck", "rules", "test", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "FAIL ORG-X001" in result.stdout and "no examples" in result.stdout
