"""The command line: outputs, exit codes, folder walking, and inputs left untouched."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPORA


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jdcheck", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def test_parse_prints_an_outline_and_json() -> None:
    text = run("parse", str(CORPORA / "ru_kassir.docx"))
    assert text.returncode == 0
    assert "approval (signature" in text.stdout and "Общие положения" in text.stdout
    data = json.loads(run("parse", "--format", "json", str(CORPORA / "az_kassir.docx")).stdout)
    assert data["language"] == "az" and data["approval"]["form"] == "signature"
    assert data["schema_version"]


def test_parse_of_an_unreadable_file_exits_3_with_the_cause(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("parse", str(bad))
    assert result.returncode == 3
    assert "broken.docx" in result.stderr and "E103" in result.stderr


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_scan_walks_folders_reports_every_file_and_never_touches_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    shutil.copytree(CORPORA, folder, ignore=shutil.ignore_patterns("src", "tools", "expected"))
    (folder / "nested").mkdir()
    shutil.copy(CORPORA / "ru_kassir.docx", folder / "nested" / "copy.docx")
    (folder / "~$lock.docx").write_bytes(b"lock")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (folder / "empty.txt").write_bytes(b"")
    os.symlink(folder, folder / "nested" / "loop")
    before = _hashes(folder)
    listing = sorted(os.listdir(folder))
    result = run("scan", "--format", "json", "--jobs", "2", str(folder))
    assert result.returncode == 3, result.stderr
    data = json.loads(result.stdout)
    paths = [Path(f["path"]).name for f in data["files"]]
    assert "~$lock.docx" not in paths and ".hidden.txt" not in paths
    assert paths.count("copy.docx") == 1, "symlink loops are followed once"
    errors = {Path(f["path"]).name: f["error"]["code"] for f in data["files"] if f["error"]}
    assert errors == {"broken.docx": "E103", "empty.txt": "E106"}
    read = [f for f in data["files"] if f["summary"]]
    assert len(read) == len(data["files"]) - 2
    assert "broken.docx" in result.stderr
    assert _hashes(folder) == before, "no input file changed"
    assert sorted(os.listdir(folder)) == listing, "no file was left beside the inputs"


def test_scan_exits_0_when_everything_was_read(tmp_path: Path) -> None:
    shutil.copy(CORPORA / "ru_kassir.docx", tmp_path)
    result = run("scan", str(tmp_path))
    assert result.returncode == 0
    assert "1 files: 1 passed, 0 failed, 0 unreadable" in result.stdout


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = run("scan", str(tmp_path / "nowhere"))
    assert result.returncode == 3 and "nowhere" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run("scan").returncode == 2
    assert run("parse", "--format", "yaml", "x.docx").returncode == 2


def test_help_lists_the_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0 and "some inputs could not be read" in result.stdout


def test_the_scan_keeps_freed_memory_where_glibc_allows_it() -> None:
    import platform

    from jdcheck.allocator import keep_freed_memory

    if not (sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"):
        pytest.skip("the allocator tuning is for glibc")
    assert keep_freed_memory()
