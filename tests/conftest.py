"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = Path(os.environ.get("JDCHECK_SHARED", ROOT.parent / "shared"))
REALWORLD = SHARED / "realworld"
EXPECTED_REALWORLD = Path(__file__).resolve().parent / "realworld" / "expected"


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not installed")
needs_realworld = pytest.mark.skipif(not REALWORLD.is_dir(),
                                     reason=f"real-world documents not found at {REALWORLD}")


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert a document with LibreOffice into ``outdir``; return the new file."""
    profile = outdir / "lo-profile"
    subprocess.run([soffice() or "soffice", f"-env:UserInstallation={profile.as_uri()}",
                    "--headless", "--norestore", "--convert-to", fmt, "--outdir", str(outdir),
                    str(src)], check=True, capture_output=True, timeout=180)
    ext = fmt.split(":")[0]
    return outdir / f"{src.stem}.{ext}"


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    """A .docx of plain paragraphs, one per text; return its path."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path
