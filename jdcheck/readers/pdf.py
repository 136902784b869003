"""PDF reader: the text layer, page by page, line by line (pypdf). No OCR."""

from __future__ import annotations

import io
import logging
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
    for number, page in enumerate(pages, start=1):
        gap = number > 1
        for line in page.split("\n"):
            if not line.strip():
                gap = True
                continue
            draft.add(line.rstrip(), page=number, gap_before=gap)
            gap = False
    return draft


def _encrypted(name: str) -> ReadError:
    return ReadError("the PDF is password-protected (encrypted)", path=name,
                     code=errors.ENCRYPTED, hint="save an unprotected copy and scan that")
