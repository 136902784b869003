"""The rule language: shipped files parse and round-trip; errors carry file:line:col and a caret."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jdcheck.dsl import ast
from jdcheck.dsl.errors import RuleError, RuleErrors
from jdcheck.dsl.loader import RULES_DIR, load, rule_files
from jdcheck.dsl.parser import parse_file, parse_text
from jdcheck.dsl.printer import rule_file
from jdcheck.dsl.validate import validate

SHIPPED = rule_files(RULES_DIR)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_rule_file_round_trips(path: Path) -> None:
    parsed = parse_file(path)
    assert parsed.rules
    printed = rule_file(parsed.rules)
    again = parse_text(printed, str(path))
    assert again.rules == parsed.rules


def test_every_shipped_rule_is_complete() -> None:
    rules = load().rules
    assert len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert {lang for lang, _ in r.messages} == {"en", "ru", "az"}, r.id
        assert r.examples and any(e.verdict == "fires" for e in r.examples), r.id
        assert any(e.verdict == "passes" for e in r.examples), r.id


BROKEN = '''rule JD-X001 "Broken" {
    category missing-section
    severity
    message en "x"
}
'''


def test_syntax_error_has_place_caret_and_code(tmp_path: Path) -> None:
    path = tmp_path / "broken.jdr"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        parse_file(path)
    err = info.value
    assert (err.pos.line, err.code) == (4, "E201")
    rendered = err.render(BROKEN)
    assert f"{path}:4:" in rendered and "^" in rendered


def test_cli_reports_a_broken_rule_file_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.jdr"
    path.write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "jdcheck", "rules", "check", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:4:") and "E201" in first
    assert "^" in result.stderr


def _rule(body: str, rule_id: str = "JD-X001") -> str:
    return f'''rule {rule_id} "Test rule" {{
    category missing-section
    severity warning
    message en "x"
    message ru "x"
    message az "x"
{body}
    example passes "Текст."
}}
'''


@pytest.mark.parametrize("body, code", [
    ("    check each section in dutiez\n        report when has approval", "E214"),
    ("    check document\n        report when text has term nowhere", "E215"),
    ("    check each x in setting nonsense\n        report when has approval", "E216"),
    ("    check document\n        report when has section $kind", "E217"),
    ("    check document\n        report when approval.date is yesterday", "E218"),
    ("    check document\n        report when text matches /(a+)+b/", "E219"),
    ("    check document\n        report when clause is right", "E227"),
    ("    check document\n        report when document is memo", "E225"),
])
def test_meaning_errors_are_reported_with_a_code(body: str, code: str) -> None:
    rules = parse_text(_rule(body), "t.jdr").rules
    errors = validate(rules, {"fines"})
    assert [e.code for e in errors] == [code]
    assert errors[0].pos.file == "t.jdr" and errors[0].pos.line > 1


def test_duplicate_ids_and_missing_languages() -> None:
    text = _rule("    check document\n        report when has approval") * 2
    text = text.replace('    message az "x"\n', "", 1)
    errors = validate(parse_text(text, "t.jdr").rules, set())
    assert {e.code for e in errors} == {"E210", "E213"}


def test_loader_collects_every_error(tmp_path: Path) -> None:
    (tmp_path / "a.jdr").write_text(_rule("    check each section in x\n"
                                          "        report when has approval"), encoding="utf-8")
    (tmp_path / "b.jdr").write_text("rule nope", encoding="utf-8")
    with pytest.raises(RuleErrors) as info:
        load((str(tmp_path),))
    assert {e.code for e in info.value.errors} >= {"E214", "E203"}


def test_positions_do_not_affect_equality() -> None:
    a = ast.Predicate("has_section", ("rights",), ast.Pos("a", 1, 1))
    b = ast.Predicate("has_section", ("rights",), ast.Pos("b", 9, 9))
    assert a == b
