"""A document's own table of contents, and the headings it lists.

A long job description may open with «СОДЕРЖАНИЕ» / «Оглавление» / «Mündəricat»: entries with
page numbers («Описание должности 2», «Наши ценности ........ 3», or the number glued on as
text converted from Word leaves it: «Наши ценности2»). When the body repeats the entries, they
are the document's headings, whatever their words: the table of contents says so. Numbered
entries under unnumbered ones are sub-entries (items of a section, not sections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdcheck.structure.headings import Heading, match_vocabulary
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key

_ENTRY = re.compile(r"^(.*?[^\W\d_][)?»\"]?)[\s.…·_]*(\d{1,3})$")
_MAX_ENTRIES = 80


@dataclass
class Contents:
    """The table of contents: its lines, and the headings its top-level entries name."""

    lines: list[Line]
    headings: list[Heading]


def find_contents(lines: list[Line], used: set[int], lex: Lexicon) -> Contents | None:
    """The table of contents and the body headings it lists, or None when the document has
    no table of contents whose entries the body repeats (two at least)."""
    marker = lex.marker("toc", "markers")
    for line in lines[:200]:
        if line.i in used or line.words > 3 or not marker.match(line.key):
            continue
        entries = _entries(lines, line, used)
        if len(entries) < 2:
            continue
        top = _top_level(entries)
        headings = _in_body(lines, entries[-1][0].i + 1, top, used, lex)
        if len(headings) >= 2:
            return Contents([line] + [ln for ln, _ in entries], headings)
    return None


def _entries(lines: list[Line], marker: Line, used: set[int]) -> list[tuple[Line, str]]:
    out: list[tuple[Line, str]] = []
    for line in lines[marker.i + 1:marker.i + 1 + _MAX_ENTRIES]:
        if line.i in used:
            break
        m = _ENTRY.match(line.text.strip())
        if m is None or line.words > 14:
            break
        out.append((line, m.group(1).strip()))
    return out


def _top_level(entries: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """Unnumbered entries when there are any (numbered ones then sit under them); otherwise
    the entries numbered at the first level."""
    plain = [(ln, text) for ln, text in entries if ln.label is None]
    if plain:
        return plain
    return [(ln, text) for ln, text in entries
            if ln.label is not None and ln.label.kind in ("num", "roman", "section")
            and ln.label.depth <= 1]


def _in_body(lines: list[Line], start: int, top: list[tuple[Line, str]], used: set[int],
             lex: Lexicon) -> list[Heading]:
    """The body lines that repeat the entries, in order (each searched after the last)."""
    headings: list[Heading] = []
    at = start
    for _, text in top:
        want = key(text)
        for line in lines[at:]:
            if line.i in used or line.in_table or key(line.text) != want:
                continue
            kinds = match_vocabulary(line.body, lex) or ("other",)
            number = line.label.text.rstrip(".)").split()[-1] if line.label else None
            headings.append(Heading(line, kinds, line.body.strip().rstrip(":."), number,
                                    "contents"))
            at = line.i + 1
            break
    return headings
