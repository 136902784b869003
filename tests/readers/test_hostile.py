"""Hostile and broken input: every case gets its clear error, with a stable code."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.readers import Limits, read_document
from jdcheck.scan import scan_file
from tests.conftest import CORPORA


def _error(path: Path, limits: Limits | None = None) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_document(path, limits)
    assert str(path) in str(info.value), "the error names the file"
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert _error(path).code == errors.EMPTY


def test_binary_data_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert _error(path).code == errors.BINARY


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes((CORPORA / "ru_kassir.docx").read_bytes()[:3000])
    assert _error(path).code == errors.CORRUPT


def test_encrypted_docx(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with (CORPORA / "ru_kassir.docx").open("rb") as fh:
        OOXMLFile(fh).encrypt("secret", out)
    path = tmp_path / "locked.docx"
    path.write_bytes(out.getvalue())
    assert _error(path).code == errors.ENCRYPTED


def test_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "really_a_docx.txt"
    path.write_bytes((CORPORA / "ru_kassir.docx").read_bytes())
    raw = read_document(path)
    assert raw.source.format == "docx"
    assert any(d.code == "D102" for d in raw.diagnostics)


def test_unknown_archive(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("image.png", b"\x89PNG")
    assert _error(path).code == errors.UNSUPPORTED_FORMAT


def _docx_with(part: str, data: bytes, tmp_path: Path, name: str) -> Path:
    src = zipfile.ZipFile(CORPORA / "ru_kassir.docx")
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, data if item.filename == part else src.read(item.filename))
    return path


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = _docx_with("word/document.xml", b"<w:document/>" + b" " * 30_000_000, tmp_path,
                      "bomb.docx")
    assert path.stat().st_size < 1_000_000
    err = _error(path, Limits(max_unpacked_bytes=10 * 1024 * 1024))
    assert err.code == errors.ARCHIVE_TOO_LARGE


def test_xml_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    document = (CORPORA / "ru_kassir.docx")
    with zipfile.ZipFile(document) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    evil = (head + f'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            + body.replace("УТВЕРЖДАЮ", "&xxe;", 1))
    path = _docx_with("word/document.xml", evil.encode("utf-8"), tmp_path, "xxe.docx")
    err = _error(path)
    assert err.code == errors.XML_ENTITIES
    assert "TOP SECRET" not in str(err)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Должностная инструкция\n" * 5000, encoding="utf-8")
    assert _error(path, Limits(max_file_bytes=10_000)).code == errors.TOO_LARGE


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    err = _error(path)
    assert err.code == errors.NO_TEXT_LAYER and "OCR" in (err.hint or "")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(CORPORA / "ru_yurisconsult.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert _error(path).code == errors.ENCRYPTED


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "torn.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    assert _error(path).code in (errors.CORRUPT, errors.NO_TEXT_LAYER)


def test_legacy_doc_without_a_converter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    err = _error(path)
    assert err.code == errors.CONVERTER_MISSING and "LibreOffice" in err.message


def test_time_limit_per_document(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("1. Общие положения\n" + "1.1. Работник обязан соблюдать правила.\n" * 20000,
                    encoding="utf-8")
    result = scan_file(str(path), Limits(timeout_seconds=0.001))
    assert result.error is not None and result.error.code == errors.TIMEOUT
