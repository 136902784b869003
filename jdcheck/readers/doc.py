"""Legacy Word .doc: converted to .docx with LibreOffice, or to text with antiword.

The conversion runs in a private temporary folder, never beside the input file.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.readers.assemble import Draft


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Convert a .doc and read the result; explain how to convert when no converter exists."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword")
    if not soffice and not antiword:
        raise ReadError("legacy Word .doc needs a converter, and neither LibreOffice nor "
                        "antiword is installed", path=name, code=errors.CONVERTER_MISSING,
                        hint="install LibreOffice (soffice) or antiword, or save the file as "
                             ".docx in Word")
    timeout = max(10.0, float(limits.timeout_seconds))
    with tempfile.TemporaryDirectory(prefix="jdcheck-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        if soffice:
            return _via_soffice(soffice, src, Path(tmp), name, limits, timeout)
        return _via_antiword(str(antiword), src, name, limits, timeout)


def _via_soffice(soffice: str, src: Path, tmp: Path, name: str, limits: Any,
                 timeout: float) -> Draft:
    from jdcheck.readers import docx

    cmd = [soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
           "--norestore", "--convert-to", "docx", "--outdir", str(tmp), str(src)]
    _run(cmd, name, timeout)
    out = tmp / "input.docx"
    if not out.exists():
        raise ReadError("LibreOffice could not convert the .doc file", path=name,
                        code=errors.CONVERSION_FAILED, hint="the file may be damaged")
    draft = docx.read(out.read_bytes(), name, limits)
    draft.format = "doc"
    draft.note("D103", "legacy .doc converted with LibreOffice; layout details may differ")
    return draft


def _via_antiword(antiword: str, src: Path, name: str, limits: Any, timeout: float) -> Draft:
    from jdcheck.readers import text

    result = _run([antiword, "-m", "UTF-8.txt", "-w", "0", str(src)], name, timeout)
    draft = text.read(result.stdout, name, limits)
    draft.format = "doc"
    draft.note("D103", "legacy .doc converted with antiword; tables and numbering may be lost")
    return draft


def _run(cmd: list[str], name: str, timeout: float) -> subprocess.CompletedProcess[bytes]:
    try:
        result = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ReadError(f"converting the .doc file took longer than {timeout:.0f} s",
                        path=name, code=errors.TIMEOUT) from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip()[:200]
        raise ReadError(f"the .doc converter failed: {detail or result.returncode}", path=name,
                        code=errors.CONVERSION_FAILED, hint="the file may be damaged")
    return result
