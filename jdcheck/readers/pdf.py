"""PDF reader: the text layer, page by page, line by line (pypdf). No OCR."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.readers.assemble import Draft


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Read the text layer of a PDF; refuse encrypted PDFs and PDFs without text."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted(name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        if "decrypt" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _encrypted(name) from None
        raise ReadError(f"the PDF is damaged: {exc}", path=name, code=errors.CORRUPT,
                        hint="open it in a PDF viewer and save or print it to a new PDF"
                        ) from None
    if not any(p.strip() for p in pages):
        raise ReadError("the PDF has no text layer (a scanned image?)", path=name,
                        code=errors.NO_TEXT_LAYER,
                        hint="jdcheck does not do OCR; export the document to PDF from its "
                             "editor, or run OCR first")
    draft = Draft("pdf")
    draft.pages = len(pages)
    split = [[line.rstrip() for line in page.split("\n") if line.strip()] for page in pages]
    tops, bottoms = _running(split)
    seen: set[str] = set()
    for number, lines in enumerate(split, start=1):
        gap = number > 1
        for n, line in enumerate(lines):
            edge = tops if n == 0 else bottoms if n == len(lines) - 1 else set()
            shape = _shape(line)
            if _PAGE_NUMBER.fullmatch(line.strip()) and (n == 0 or n == len(lines) - 1):
                draft.add(line, page=number, part="footer")
                continue
            if shape in edge:
                # a running header or footer: read once, in its place on the first page it
                # is on; its repeats are kept apart from the body like a Word header
                if shape in seen:
                    draft.add(line, page=number, part="header" if n == 0 else "footer")
                    continue
                seen.add(shape)
            draft.add(line, page=number, gap_before=gap)
            gap = False
    return draft


# «2», «- 2 -», «Стр. 2 из 5», «Səhifə 2», «Page 2 of 5»
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:стр\.?|страница|səhifə|page)\s*)?\d{1,3}"
                          r"(?:\s*(?:из|/|of)\s*\d{1,3})?[-–—\s]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def _running(pages: list[list[str]]) -> tuple[set[str], set[str]]:
    """Lines that open (or close) two pages or more: a running header (or footer)."""
    if len(pages) < 2:
        return set(), set()
    tops = Counter(_shape(lines[0]) for lines in pages if lines)
    bottoms = Counter(_shape(lines[-1]) for lines in pages if len(lines) > 1)
    return {t for t, c in tops.items() if c >= 2}, {b for b, c in bottoms.items() if c >= 2}


def _encrypted(name: str) -> ReadError:
    return ReadError("the PDF is password-protected (encrypted)", path=name,
                     code=errors.ENCRYPTED, hint="save an unprotected copy and scan that")
