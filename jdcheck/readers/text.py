"""Plain text, Markdown and HTML-fragment reader with encoding detection.

Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise strict UTF-8; otherwise
charset-normalizer among the single-byte encodings job descriptions are kept in.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.readers.assemble import Draft

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CANDIDATES = ["cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "cp1254", "iso8859_9",
               "cp1252"]
_HTML_TAG = re.compile(r"<(?:p|div|br|li|ul|ol|table|tr|td|th|h[1-6]|strong|b|span)\b[^>]*>",
                       re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^(?:\s*>)+\s?")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes; return the text and the encoding used."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    if b"\x00" in data[:4096] or _control_share(data[:8192]) > 0.05:
        raise ReadError("the file holds binary data, not text", path=name, code=errors.BINARY,
                        hint="check the file type; only documents and plain text are read")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise ReadError("the text encoding could not be recognised", path=name,
                        code=errors.BINARY, hint="save the file as UTF-8")
    return str(best), best.encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample)


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Read a text file: HTML fragments by their tags, Markdown by its markup, else by lines."""
    text, encoding = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_HTML_TAG.findall(text[:20000])) >= 5:
        from jdcheck.readers.html import read_html

        draft = read_html(text)
    else:
        draft = Draft("txt")
        markdown = name.lower().endswith(".md") or _is_markdown(text)
        if markdown:
            text = _HTML_COMMENT.sub("", text)
        _lines(draft, text, markdown=markdown)
    draft.encoding = encoding
    return draft


def _is_markdown(text: str) -> bool:
    head = text[:20000]
    return bool(re.search(r"^#{1,6} \S", head, re.M)) or head.count("**") >= 6 \
        or bool(re.search(r"^>\s*>?\s*\S", head, re.M))


# A monospace head set in two columns (the organisation and the title on the left, the
# approval grif on the right, as in forms typed for a fixed-width font): the right column
# starts at one position on several lines, some of which hold nothing on the left.
_GAP = re.compile(r"\S( {4,})(?=\S)")
_HEAD_LINES = 40
_COLUMN_SLACK = 5


def _columns(lines: list[str]) -> tuple[int, int, int] | None:
    """The first and last line (indexes) of a two-column head and where its right column
    starts, or None when the head is a single column."""
    head = [ln.expandtabs(8).rstrip() for ln in lines[:_HEAD_LINES]]
    splits: dict[int, list[int]] = {}
    for i, line in enumerate(head):
        for m in _GAP.finditer(line):
            if m.end() >= 30:
                splits.setdefault(m.end(), []).append(i)
    candidates = []
    for col in sorted(splits):
        rows = sorted({i for c, ids in splits.items() if col <= c <= col + _COLUMN_SLACK
                       for i in ids})
        if len(rows) >= 2:
            candidates.append((col, rows))
    # the head's columns: the topmost, then the one met on most lines; one whose right side
    # never stands alone gives way to the next
    for col, rows in sorted(candidates, key=lambda c: (c[1][0], -len(c[1]))):
        alone = [i for i, line in enumerate(head) if line.strip()
                 and col - 2 <= len(line) - len(line.lstrip()) <= col + 2 * _COLUMN_SLACK]
        if not alone:
            continue
        first, last = min(rows + alone), max(rows + alone)
        if last - first > 20:
            continue
        while first > 0 and head[first - 1].strip():
            first -= 1
        while last + 1 < len(head) and head[last + 1].strip():
            last += 1
        return first, last, col
    return None


def _split(line: str, col: int) -> tuple[str, str]:
    """A line of a two-column head cut where its right column starts."""
    line = line.expandtabs(8).rstrip()
    if len(line) - len(line.lstrip()) >= col - 2:
        return "", line
    cuts = [m.end() for m in _GAP.finditer(line) if abs(m.end() - col) <= 2 * _COLUMN_SLACK]
    if not cuts:
        return _capitals_run_in(line, col)
    at = min(cuts, key=lambda c: abs(c - col))
    return line[:at], line[at:]


_CAPS_TAIL = re.compile(r"(?<=\S) ((?:[^\W\d_a-zа-яё]{3,}[ .:]*){1,2})$")


def _capitals_run_in(line: str, col: int) -> tuple[str, str]:
    """«Общество с ограниченной ответственностью «…» УТВЕРЖДАЮ»: a long left column leaves
    one space before the right column's first line, a heading in capitals; it is cut off
    there when it starts inside the right column."""
    m = _CAPS_TAIL.search(line)
    if m is None or m.start(1) < col - 2 * _COLUMN_SLACK \
            or not any(ch.islower() for ch in line[:m.start()]):
        return line, ""
    return line[:m.start()], line[m.start(1):]


def unfold_columns(lines: list[str]) -> list[tuple[int, str]]:
    """The lines with their numbers, a two-column head read column by column."""
    numbered = list(enumerate(lines, start=1))
    found = _columns(lines)
    if found is None:
        return numbered
    first, last, col = found
    left, right = [], []
    for number, line in numbered[first:last + 1]:
        a, b = _split(line, col)
        if a.strip():
            left.append((number, a))
        if b.strip():
            right.append((number, " " * col + b.strip()))
    return numbered[:first] + left + [(0, "")] + right + [(0, "")] + numbered[last + 1:]


DEEP_INDENT = 24          # columns of indentation that put a line in the right half of the page
_SHALLOW = 1        # a longer line of a right-hand block is indented at all


def indent_width(line: str) -> int:
    """Leading columns of a line (tabs at 8); -1 for a blank line."""
    expanded = line.rstrip().expandtabs(8)
    return len(expanded) - len(expanded.lstrip()) if expanded.strip() else -1


def between_deep(indents: list[int], n: int, shallow: int = _SHALLOW) -> bool:
    """An indented line between two deeply indented ones: a longer line of the same right-hand
    block («Генеральный директор ООО «…»» under «УТВЕРЖДАЮ»)."""
    return indents[n] >= shallow and 0 < n < len(indents) - 1 \
        and indents[n - 1] >= DEEP_INDENT and indents[n + 1] >= DEEP_INDENT


def _lines(draft: Draft, text: str, markdown: bool) -> None:
    """One block per line; blank lines become gaps; deep indentation reads as right alignment."""
    gap = False
    table, row = 0, 0
    lines = text.split("\n")
    numbered = list(enumerate(lines, start=1)) if markdown else unfold_columns(lines)
    indents = [indent_width(raw) for _, raw in numbered]
    for n, (number, raw) in enumerate(numbered):
        line = raw.rstrip()
        attrs: dict[str, Any] = {"line": number}
        if markdown:
            line, attrs = _markdown(line)
            if attrs.pop("rule", False):
                continue
            if "cells" in attrs:
                cells = attrs.pop("cells")
                if row == 0:
                    table += 1
                row += 1
                for c, value in enumerate(cells, start=1):
                    draft.add(value, table=table, row=row, cell=c, gap_before=gap and c == 1,
                              line=number)
                gap = False
                continue
        row = 0
        if not line.strip():
            gap = True
            continue
        if "align" not in attrs and (indents[n] >= DEEP_INDENT or between_deep(indents, n)):
            attrs["align"] = "right"
        if gap:
            attrs["gap_before"] = True
        draft.add(line.strip(), **attrs)
        gap = False


def _markdown(line: str) -> tuple[str, dict[str, Any]]:
    """Strip Markdown markup from one line, keeping what it says about the block."""
    attrs: dict[str, Any] = {}
    line = _MD_QUOTE.sub("", line)
    if _MD_TABLE_RULE.match(line) and "-" in line:
        return "", {"rule": True}
    if line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 2:
        cells = [_inline(c.strip()) for c in line.strip()[1:-1].split("|")]
        return "", {"cells": cells}
    m = _MD_HEADING.match(line)
    if m:
        attrs["heading_level"] = len(m.group(1))
        line = m.group(2)
    stripped = line.strip()
    if len(stripped) > 4 and _MD_EMPHASIS.fullmatch(stripped):
        attrs["bold"] = True
    return _inline(line), attrs


def _inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_ESCAPE.sub(r"\1", text)
