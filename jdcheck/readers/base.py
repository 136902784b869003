"""Format sniffing, limits against hostile input, and the dispatch to one reader per format."""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.model import RawDocument, SourceInfo
from jdcheck.readers.assemble import Draft

SUPPORTED_SUFFIXES = (".docx", ".docm", ".odt", ".rtf", ".pdf", ".txt", ".md", ".text", ".doc")

_MODULES = {
    "docx": "jdcheck.readers.docx",
    "odt": "jdcheck.readers.odt",
    "rtf": "jdcheck.readers.rtf",
    "pdf": "jdcheck.readers.pdf",
    "txt": "jdcheck.readers.text",
    "doc": "jdcheck.readers.doc",
}


@dataclass(frozen=True)
class Limits:
    """Limits that keep a hostile file from exhausting memory or time."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: int = 200
    timeout_seconds: float = 60.0


def sniff(data: bytes, suffix: str) -> str:
    """The format a file's bytes really have, whatever its name says."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        from jdcheck.readers.archive import zip_kind

        return zip_kind(data)
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if suffix in (".docx", ".docm", ".odt", ".pdf", ".doc") and not data.strip():
        return "empty"
    return "txt"


def read_document(path: str | os.PathLike[str], limits: Limits | None = None,
                  data: bytes | None = None, display_name: str | None = None) -> RawDocument:
    """Read one file (or its bytes) into blocks; raise ReadError naming the file and the cause."""
    limits = limits or Limits()
    p = Path(path)
    name = display_name or str(path)
    if data is None:
        data = _load(p, name, limits)
    elif len(data) > limits.max_file_bytes:
        raise _too_large(name, len(data), limits)
    if not data.strip():
        raise ReadError("the file is empty", path=name, code=errors.EMPTY,
                        hint="nothing to check")
    suffix = p.suffix.lower()
    kind = sniff(data, suffix)
    if kind == "ole":
        kind = _ole_kind(data, name)
    if kind == "corrupt-zip":
        from jdcheck.readers.archive import corrupt

        raise corrupt(name, "not a valid zip archive")
    if kind in ("unknown-zip", "empty"):
        raise ReadError(f"not a document jdcheck can read (a {suffix or 'nameless'} file with "
                        "unrecognised content)", path=name, code=errors.UNSUPPORTED_FORMAT,
                        hint="supported: " + ", ".join(SUPPORTED_SUFFIXES))
    module = importlib.import_module(_MODULES[kind])
    draft: Draft = module.read(data, name, limits)
    expected = _expected_kind(suffix)
    if expected and expected != kind:
        draft.note("D102", f"the file is named {suffix} but its content is {kind}; "
                   f"read as {kind}")
    info = SourceInfo(path=name, name=p.name, format=draft.format or kind,  # type: ignore[arg-type]
                      sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                      encoding=draft.encoding, pages=draft.pages)
    return draft.finish(info)


def _load(p: Path, name: str, limits: Limits) -> bytes:
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            raise _too_large(name, size, limits)
        with p.open("rb") as fh:
            return fh.read(limits.max_file_bytes + 1)
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError("is a directory, not a file", path=name,
                        code=errors.UNREADABLE) from None
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror or exc}", path=name,
                        code=errors.UNREADABLE, hint="check that it exists and is readable"
                        ) from None


def _too_large(name: str, size: int, limits: Limits) -> ReadError:
    return ReadError(f"the file is too large ({size:,} bytes; the limit is "
                     f"{limits.max_file_bytes:,})", path=name, code=errors.TOO_LARGE,
                     hint="raise --max-file-size if the file is genuine")


def _expected_kind(suffix: str) -> str | None:
    return {".docx": "docx", ".docm": "docx", ".odt": "odt", ".rtf": "rtf", ".pdf": "pdf",
            ".txt": "txt", ".md": "txt", ".text": "txt", ".doc": "doc"}.get(suffix)


def _ole_kind(data: bytes, name: str) -> str:
    """An OLE compound file is a legacy .doc, or an encrypted OOXML package."""
    if "EncryptedPackage".encode("utf-16-le") in data[:65536 * 8]:
        raise ReadError("the document is password-protected (encrypted)", path=name,
                        code=errors.ENCRYPTED, hint="save an unprotected copy and scan that")
    return "doc"
