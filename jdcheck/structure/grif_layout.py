"""Where a grif sits: the column of a header it is in and the lines under its marker.

The grif composition (УТВЕРЖДАЮ + position + signature + «И.О. Фамилия» + date, or
УТВЕРЖДЕНА + approving document + date + number; СОГЛАСОВАНО + position + signature + name +
date) follows ГОСТ Р 7.0.97 as summarised in ../shared/LEGAL.md A19–A20; the Azerbaijani forms
follow B26.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from jdcheck.model import (
    Acknowledgment,
    AgreementBlock,
    ApprovalBlock,
    Span,
)
from jdcheck.structure.fields import find_date, find_name, find_signature
from jdcheck.structure.lexicon import Lexicon, phrases_regex
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key

QUOTES = re.compile(r"^[«\"“'„]+|[»\"”']+[:.]?$")


NUMBER = re.compile(r"(?<!\w)(?:№|N|No\.?)\s*(\d[\w\-/]*|_+)|(\d[\w\-/]*|_+)\s+n[öo]mr[əe]li")


@dataclass
class Grifs:
    """What the grif search found, and which lines it used up."""

    approval: ApprovalBlock | None = None
    agreements: list[AgreementBlock] = field(default_factory=list)
    acknowledgment: Acknowledgment | None = None
    used: set[int] = field(default_factory=set)
    # lines of a two-column header whose other column is still to be read
    partial: set[int] = field(default_factory=set)
    starts: dict[int, str] = field(default_factory=dict)
    notes: list[tuple[str, str, int]] = field(default_factory=list)


def span_of(lines: list[Line]) -> Span:
    """One span from the first to the last of some lines."""
    last = lines[-1].span()
    return lines[0].span().model_copy(update={"end": last.end})


def segments(line: Line) -> list[str]:
    cols = line.columns()
    return cols if cols else [line.text]


def marker_segment(line: Line, rx: re.Pattern[str], max_tail: int = 0) -> tuple[int, str] | None:
    """The column of ``line`` that is (or starts with) a marker, and what follows the marker."""
    for idx, seg in enumerate(segments(line)):
        k = key(QUOTES.sub("", seg))
        if rx.match(k):
            return idx, ""
        if max_tail:
            words = k.split()
            for n in range(min(len(words), 5), 0, -1):
                if rx.match(" ".join(words[:n])) and len(words) - n <= max_tail:
                    return idx, seg
    return None


def grif_region(lines: list[Line], marker: Line, col: int, found: Grifs, limit: int = 8,
                stop: re.Pattern[str] | None = None,
                title_stops: bool = True) -> list[tuple[Line, str]]:
    """Lines (with the relevant column text) that belong to a grif starting at ``marker``;
    ``stop`` ends the grif at another block's marker, and at the title unless ``title_stops``
    is off."""
    def halts(text: str) -> bool:
        return stop is not None and _stops_text(text, stop, title_stops)

    mb = marker.block
    if mb.table is not None:
        return _in_table(lines, marker, limit, halts)
    following = lines[marker.i + 1:marker.i + 2]
    if following and following[0].in_table and following[0].i not in found.used \
            and len(segments(marker)) == 1:
        table = following[0].block.table
        return [(ln, ln.text) for ln in itertools.takewhile(
            lambda ln: ln.block.table == table and not _halts_line(ln, halts),
            lines[marker.i + 1:])]
    if len(segments(marker)) > 1:
        found.partial.add(marker.i)
        return _in_column(lines[marker.i + 1:marker.i + 1 + limit], col, found, halts)
    out: list[tuple[Line, str]] = []
    for line in lines[marker.i + 1:marker.i + 1 + limit]:
        if line.i in found.used or line.in_table or _halts_line(line, halts) \
                or (out and line.block.gap_before and mb.align != "right"
                    and not fieldish(line.text)) \
                or line.words > 14 or (line.label is not None and line.label.kind != "bullet") \
                or (mb.align == "right" and line.block.align != "right"
                    and not fieldish(line.text)):
            break
        out.append((line, line.text))
    return out


def _halts_line(line: Line, halts: Callable[[str], bool]) -> bool:
    return any(halts(seg) for seg in segments(line))


def _in_table(lines: list[Line], marker: Line, limit: int,
              halts: Callable[[str], bool]) -> list[tuple[Line, str]]:
    """The cells right of and below the marker's cell, a few rows down."""
    mb = marker.block
    out: list[tuple[Line, str]] = []
    for line in lines[marker.i + 1:]:
        b = line.block
        if b.table != mb.table:
            break
        if (b.row or 0) >= (mb.row or 0) and (b.cell or 0) >= (mb.cell or 0) \
                and (b.row or 0) <= (mb.row or 0) + limit:
            if _halts_line(line, halts):
                break
            out.append((line, line.text))
    return out


def _in_column(window: list[Line], col: int, found: Grifs,
               halts: Callable[[str], bool]) -> list[tuple[Line, str]]:
    """The marker's column of a two-column header; the other column is another block's (its
    lines stay open for it in ``found.partial``)."""
    out: list[tuple[Line, str]] = []
    for line in window:
        segs = segments(line)
        if line.i in found.used and line.i not in found.partial or line.in_table or (
                len(segs) == 1 and line.label is not None and line.label.path[:1] > (0,)
                and line.label.kind in ("num", "roman", "section")):
            break           # a numbered heading or item across the page ends the head
        text = segs[-1] if col > 0 else segs[0]
        if halts(text):
            break
        if len(segs) >= 2:
            found.partial.add(line.i)
            out.append((line, text))
        elif col == 0:
            if not (indented(line) or line.block.align == "right"):
                out.append((line, text))
        elif line.block.align == "right" or indented(line) or _date_only(line, out):
            # a line of the right column alone: indented, or a date the column lacks (a
            # signature and a name at the margin are the left column's)
            out.append((line, text))
        else:
            break
    return out


def _date_only(line: Line, out: list[tuple[Line, str]]) -> bool:
    return line.words <= 4 and find_date(line.text) is not None \
        and not find_signature(line.text) and not find_name(line.text) \
        and not any(find_date(t) for _, t in out)


def indented(line: Line) -> bool:
    """The line starts far to the right (tabs or wide spacing): the right column of a header."""
    lead = line.block.text[:line.offset].rsplit("\n", 1)[-1]
    return lead.count("\t") >= 2 or len(lead.expandtabs(8)) >= 24


def _stops_text(text: str, stop: re.Pattern[str], title: bool = True) -> bool:
    return bool(title and _TITLE.search(key(text)) or stop.match(key(QUOTES.sub("", text))))


def stops(line: Line, stop: re.Pattern[str], title: bool = True) -> bool:
    """A column of the line opens another block (or, with ``title``, is the title)."""
    return _halts_line(line, lambda text: _stops_text(text, stop, title))


TITLE_LINE = re.compile(r"^(?:должностная\s+)?инструкция$|(?:^|\s)(?:должностная инструкция|"
                         r"vezife telimati|is tesviri)(?:\s|$)")


_TITLE = re.compile(r"(?:^|\s)(?:должностная инструкция|vezife telimati|is tesviri)(?:\s|$)")


def fieldish(text: str) -> bool:
    return bool(find_date(text) or find_signature(text) or find_name(text))


def stop_markers(lex: Lexicon) -> re.Pattern[str]:
    cached = lex.cache.get("grif-stop")
    if cached is not None:
        return cached
    parts = (lex.markers["acknowledgment"]["markers"] + lex.markers["agreement"]["markers"]
             + lex.markers["approval"]["signature"] + lex.markers["approval"]["order"]
             + lex.markers["signoff"]["markers"])
    rx = phrases_regex(parts, whole=False)
    compiled = re.compile(r"^(?:" + rx.pattern[len("(?:^|\\s)"):] + ")")
    lex.cache["grif-stop"] = compiled
    return compiled


class NoMatch:
    text = ""
