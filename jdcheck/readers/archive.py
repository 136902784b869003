"""Safe handling of zip-based formats (.docx, .odt): kind, size limits, no DTDs or entities."""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO

from jdcheck import errors
from jdcheck.errors import ReadError

_ROOT = re.compile(rb"<[A-Za-z_]")
_FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


def zip_kind(data: bytes) -> str:
    """``docx``, ``odt`` or ``unknown-zip`` from the package's own markers."""
    tail = data[-65536:]
    if b"word/document.xml" in tail and b"[Content_Types].xml" in tail:
        return "docx"
    if data[30:38] == b"mimetype" and b"opendocument.text" in data[38:120]:
        return "odt"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                mime = zf.read("mimetype")[:100]
                if mime.startswith(b"application/vnd.oasis.opendocument.text"):
                    return "odt"
            if "content.xml" in names and "META-INF/manifest.xml" in names:
                return "odt"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "corrupt-zip"
    return "unknown-zip"


def check_package(data: bytes, name: str, max_unpacked: int, max_ratio: int) -> None:
    """Refuse corrupt archives, zip bombs and XML parts that declare a DTD or entities."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise corrupt(name, f"not a valid zip archive ({exc})") from None
    with zf:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > max_unpacked or (info.file_size > 1_000_000 and ratio > max_ratio):
                raise ReadError(
                    f"the archive unpacks to more than allowed ({info.filename}: "
                    f"{info.file_size:,} bytes from {info.compress_size:,})",
                    path=name, code=errors.ARCHIVE_TOO_LARGE,
                    hint="the file may be a zip bomb; raise --max-unpacked-size if it is genuine")
        for part in (n for n in zf.namelist() if n.endswith((".xml", ".rels", ".rdf"))):
            try:
                with zf.open(part) as fh:
                    head = _prolog(fh)
            except KeyError:
                continue
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise corrupt(name, f"part {part} is damaged ({exc})") from None
            if any(marker in head for marker in _FORBIDDEN_XML):
                raise ReadError(f"part {part} declares a DTD or XML entities, which documents "
                                "never need", path=name, code=errors.XML_ENTITIES,
                                hint="the file may be crafted to read other files; not processed")


def _prolog(fh: IO[bytes]) -> bytes:
    """The start of a part, read at least up to its root element (a DTD can only precede it)."""
    seen = b""
    while True:
        chunk = fh.read(4096)
        seen += chunk
        root = _ROOT.search(seen)
        if root:
            return seen
        if not chunk:
            return seen


def corrupt(name: str, detail: str) -> ReadError:
    """The error for a damaged package."""
    return ReadError(f"the document is damaged: {detail}", path=name, code=errors.CORRUPT,
                     hint="open it in Word or LibreOffice and save a new copy")
