"""Configuration discovery, exit codes, and the JSON report against its committed schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from jdcheck.config import ConfigError, find_config, make_settings
from jdcheck.reporters.json_report import schema
from tests.conftest import CORPORA, ROOT

SCHEMA = ROOT / "schemas" / "report.schema.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jdcheck", *args], capture_output=True,
                          text=True, timeout=600)


def test_config_is_found_upward_and_flags_override(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.jdcheck]\nmode = "final"\nlang = "az"\n',
                                             encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    found = find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    settings = make_settings(found, {"lang": "ru"})
    assert (settings.mode, settings.lang) == ("final", "ru")


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "jdcheck.toml").write_text('mode = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        make_settings(tmp_path / "jdcheck.toml", {})
    shutil.copy(CORPORA / "ru_kassir.docx", tmp_path)
    result = run("scan", str(tmp_path))
    assert result.returncode == 2 and "E303" in result.stderr


def test_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    shutil.copy(CORPORA / "az_hesab_meneceri.docx", tmp_path)  # warnings and info only
    assert run("scan", str(tmp_path)).returncode == 0
    assert run("scan", "--fail-on", "warning", str(tmp_path)).returncode == 1
    assert run("scan", "--fail-on", "warning", "--no-fail", str(tmp_path)).returncode == 0
    shutil.copy(CORPORA / "ru_buhgalter.odt", tmp_path)  # a missing section: an error
    assert run("scan", str(tmp_path)).returncode == 1
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04")
    assert run("scan", str(tmp_path)).returncode == 3


def test_committed_schema_is_current() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json.loads(json.dumps(schema()))


def test_json_report_validates_against_the_schema() -> None:
    result = run("scan", "--format", "json", str(CORPORA))
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["report_version"] == "1.0"
    assert data["totals"]["files"] == len(data["files"]) >= 30
