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
from jdcheck.readers.text import DEEP_INDENT, between_deep, indent_width, unfold_columns


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Read the text layer of a PDF; refuse encrypted PDFs and PDFs without text."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted(name)
        pages = [_page_text(page) for page in reader.pages]
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
    split = [_page_lines(page, first=n == 0) for n, page in enumerate(pages)]
    running = _running([[text for text, _, _ in lines] for lines in split])
    seen: set[tuple[int, str]] = set()
    for number, lines in enumerate(split, start=1):
        for n, (line, gap, align) in enumerate(lines):
            place = n if n < _EDGE else n - len(lines) if n >= len(lines) - _EDGE else None
            if place is not None and _PAGE_NUMBER.fullmatch(line.strip()) \
                    and (n == 0 or n == len(lines) - 1):
                draft.add(line, page=number, part="footer")
                continue
            shape = (place, _shape(line))
            if place is not None and shape in running:
                # a running header or footer: read once, in its place on the first page it
                # is on; its repeats are kept apart from the body like a Word header
                if shape in seen:
                    draft.add(line, page=number, part="header" if place >= 0 else "footer")
                    continue
                seen.add(shape)
            draft.add(line, page=number, gap_before=gap, align=align)
    return draft


def _page_text(page: Any) -> str:
    """The page's text laid out as on the page (columns and indentation kept as spaces), when
    the layout keeps every word whole; else the text in reading order. pypdf's layout can
    interleave the runs of a justified line («подготавли3.3.осуществляет …»)."""
    plain = page.extract_text() or ""
    try:
        laid = page.extract_text(extraction_mode="layout") or ""
    except (ValueError, KeyError, TypeError, AttributeError, ZeroDivisionError):
        return plain
    words, laid_words = Counter(_WORD.findall(plain)), Counter(_WORD.findall(laid))
    if sum((words - laid_words).values()) <= 1:
        return laid
    # the lines in reading order, each as laid out where the layout has it whole
    laid_lines: dict[tuple[str, ...], list[str]] = {}
    for line in laid.split("\n"):
        laid_lines.setdefault(tuple(_WORD.findall(line)), []).append(line)
    out = []
    for line in plain.split("\n"):
        same = laid_lines.get(tuple(_WORD.findall(line)))
        out.append(same.pop(0) if same and line.strip() else line)
    return "\n".join(out)


_WORD = re.compile(r"[^\W\d_]+")
_SHORT = 40          # characters: a short line of a right-hand block
_JUSTIFY_MAX = 7     # spaces that justify a line; more is a gap between the columns of a head
_JUSTIFY = re.compile(rf"(?<=\S) {{2,{_JUSTIFY_MAX}}}(?=\S)")
_GAPS = re.compile(r"(?<=\S) {2,}(?=\S)")


def _unjustify(line: str) -> str:
    """A justified line with its word spacing made single (its indentation kept), so that
    only the wide gaps between the columns of a head remain."""
    gaps = [len(m.group()) for m in _GAPS.finditer(line)]
    if not gaps or max(gaps) > _JUSTIFY_MAX:
        return line
    body = line.lstrip(" ")
    return line[:len(line) - len(body)] + _GAPS.sub(" ", body)


def _page_lines(page: str, first: bool = False) -> list[tuple[str, bool, str | None]]:
    """The page's non-blank lines, each with whether a blank line comes before it (a page
    break is not a paragraph break) and ``right`` when it is set deep in the page; on the
    first page a head set in two columns is read column by column, as in typed text."""
    raw = [_unjustify(line) for line in page.split("\n")]
    numbered = unfold_columns(raw) if first else list(enumerate(raw, start=1))
    indents = [indent_width(line) for _, line in numbered]
    out: list[tuple[str, bool, str | None]] = []
    gap = False
    for n, (_, line) in enumerate(numbered):
        if not line.strip():
            gap = bool(out)
            continue
        # a short line between two lines of a right-hand block is one of them, wherever the
        # layout put its start
        right = indents[n] >= DEEP_INDENT or between_deep(
            indents, n, shallow=0 if len(line.strip()) <= _SHORT else 1)
        out.append((_JUSTIFY.sub(" ", line.strip()), gap, "right" if right else None))
        gap = False
    return out


# «2», «- 2 -», «Стр. 2 из 5», «Səhifə 2», «Page 2 of 5»
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:стр\.?|страница|səhifə|page)\s*)?\d{1,3}"
                          r"(?:\s*(?:из|/|of)\s*\d{1,3})?[-–—\s]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


_EDGE = 3       # how many lines at the top and at the bottom of a page a running head may take


def _running(pages: list[list[str]]) -> set[tuple[int, str]]:
    """(place, shape) of the lines that stand at the same place at the top (place 0, 1, 2)
    or the bottom (-1, -2, -3) of two pages or more: a running header or footer."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[int, str]] = Counter()
    for lines in pages:
        for place in range(min(_EDGE, len(lines))):
            counts[(place, _shape(lines[place]))] += 1
        for place in range(1, min(_EDGE, len(lines) - _EDGE) + 1):
            counts[(-place, _shape(lines[-place]))] += 1
    return {shape for shape, c in counts.items() if c >= 2}


def _encrypted(name: str) -> ReadError:
    return ReadError("the PDF is password-protected (encrypted)", path=name,
                     code=errors.ENCRYPTED, hint="save an unprotected copy and scan that")
