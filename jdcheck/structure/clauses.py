"""The clauses of one section: numbered and bulleted items, nesting, continuations joined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from jdcheck.model import Clause, Span
from jdcheck.structure.fields import is_blank_line
from jdcheck.structure.lexicon import lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key

_TERMINAL = (".", ";", ":", "!", "?")
_LETTER = re.compile(r"[^\W\d_]")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_LINE_FORMATS = ("lines", "wrapped")


@dataclass
class _Draft:
    label: str | None
    number: str | None
    depth: int
    lead_in: bool
    parts: list[str]
    lines: list[Line]
    parent: int | None = None
    kind: str | None = None
    extra: list[int] = field(default_factory=list)
    unmarked: bool = False      # an item of a list without marks, after a lead-in


def build_clauses(lines: list[Line], fmt: str, first_text: str | None = None,
                  first_line: Line | None = None) -> tuple[list[Clause], list[tuple[str, int]]]:
    """Clauses of a section from its lines; ``first_text`` is a run-in heading's own text.

    ``fmt`` is ``wrapped`` for text whose paragraphs are broken into fixed-width lines, ``lines``
    for text with one paragraph per line, or the document format.
    """
    drafts: list[_Draft] = []
    notes: list[tuple[str, int]] = []
    if first_text and first_line is not None:
        drafts.append(_Draft(None, None, 0, False, [first_text], [first_line]))
    base_num = min((ln.label.depth for ln in lines if ln.label and ln.label.kind == "num"
                    and not ln.auto), default=1)
    base_auto = min((ln.block.list_level or 0 for ln in lines if ln.auto), default=0)
    table_noted = False
    copy = _FlatCopy()
    after_title = False               # a sub-heading was just passed: the next line starts anew
    for n, line in enumerate(lines):
        if _is_blank_item(line) or copy.skips(line, lines, notes):
            continue
        prev = drafts[-1] if drafts else None
        fresh, after_title = after_title, False
        labelled = line.label is not None and line.label.kind != "other" or line.auto
        if labelled and fmt in _LINE_FORMATS and prev is not None and _runs_on(prev, line):
            _join(prev, line, whole=True)
        elif labelled:
            drafts.append(_labelled(line, prev, base_num, base_auto))
        elif prev is not None and not fresh and _continues(prev, line, fmt):
            _join(prev, line)
        elif _is_subheading(line, lines[n + 1:n + 2]) or (
                fmt in _LINE_FORMATS and _is_subtitle(line, lines[n + 1:n + 2])):
            notes.append(("D204", line.block.index))
            after_title = True
        elif line.in_table and _multi_column(line, lines):
            if not table_noted:
                notes.append(("D208", line.block.index))
                table_noted = True
        else:
            drafts.append(_plain(line, lines[n + 1:n + 3], prev, drafts))
    _assign_parents(drafts)
    jump = _numbering_jump(drafts)
    if jump is not None:
        notes.append(("D205", jump))
    return [_freeze(i, d) for i, d in enumerate(drafts)], notes


def _plain(line: Line, following: list[Line], prev: _Draft | None,
           drafts: list[_Draft]) -> _Draft:
    """A paragraph without a label: a lead-in when it ends in a colon, or when it is left
    open over the items of a new list."""
    body = line.body.rstrip()
    lead = body.endswith(":") or (not body.endswith((".", ";", "!", "?", ")", "»"))
                                  and _next_is_item(following)
                                  and not _next_is_sibling(drafts, following[0]))
    draft = _Draft(None, None, 0, lead, [line.body], [line])
    draft.unmarked = prev is not None and line.body[:1].islower() and (
        prev.unmarked or prev.parts[-1].rstrip().endswith(":"))
    return draft


class _FlatCopy:
    """The lines after a table that repeat its cells (the flat copy a converter leaves)."""

    def __init__(self) -> None:
        self.text: str | None = None      # the table just above, without spaces
        self.noted = False

    def skips(self, line: Line, lines: list[Line], notes: list[tuple[str, int]]) -> bool:
        if line.in_table:
            if self.text is None:
                self.text = _table_text(lines, line)
            return False
        if self.text is not None and _NO_SPACE.sub("", line.body) in self.text:
            if not self.noted:
                notes.append(("D212", line.block.index))
            self.noted = True
            return True
        self.text, self.noted = None, False
        return False


def _numbering_jump(drafts: list[_Draft]) -> int | None:
    """The block where typed numbering restarts, repeats or skips, if it does."""
    last: dict[int, tuple[int, ...]] = {}
    for d in drafts:
        if d.kind != "num" or not d.number:
            continue
        path = tuple(int(p) for p in d.number.split("."))
        prev = last.get(len(path))
        if prev is not None and prev[:-1] == path[:-1] and path[-1] != prev[-1] + 1:
            return d.lines[0].block.index
        last[len(path)] = path
        for deeper in [k for k in last if k > len(path)]:
            del last[deeper]
    return None


def _is_blank_item(line: Line) -> bool:
    """A fill-in blank: a number with a rule, a lone full stop, «4/»."""
    body = line.body.strip()
    if is_blank_line(body) or _URL.fullmatch(body):
        return True
    return len(body) <= 3 and not _LETTER.search(body)


def _labelled(line: Line, prev: _Draft | None, base_num: int, base_auto: int) -> _Draft:
    label = line.label
    assert label is not None
    if line.auto:
        depth = (line.block.list_level or 0) - base_auto
    elif label.kind == "num":
        depth = max(0, label.depth - base_num)
    elif label.kind == "letter":
        depth = (prev.depth + 1) if prev is not None and prev.kind in ("num", "auto", None) \
            and not prev.lead_in else (prev.depth if prev else 0)
    elif label.kind == "bullet":
        depth = _bullet_depth(prev)
    else:
        depth = 0
    number = ".".join(map(str, label.path)) if label.path else None
    kind = "auto" if line.auto else label.kind
    return _Draft(label.text, number, max(depth, 0), False, [line.body], [line], kind=kind)


def _bullet_depth(prev: _Draft | None) -> int:
    if prev is None:
        return 0
    if prev.kind == "bullet":
        return prev.depth
    if prev.lead_in:
        return prev.depth + 1
    if prev.parts[-1].rstrip().endswith(":"):
        return prev.depth + 1
    if prev.kind in ("num", "auto", "letter"):
        return prev.depth + 1
    return prev.depth


def _continues(prev: _Draft, line: Line, fmt: str) -> bool:
    """A paragraph that only continues the previous clause (a broken line, a fill-in caption)."""
    last = " ".join(prev.parts).rstrip()
    body = line.body.strip()
    if not last:
        return False
    if body.startswith("(") and (body.endswith(")")
                                 or body.count("(") > body.count(")")):
        return True
    open_bracket = last.count("(") > last.count(")")
    ended = not open_bracket and (last.endswith(_TERMINAL) or (
        last.endswith(("»", '"', ")")) and last[:-1].rstrip().endswith(_TERMINAL)))
    starts_low = body[:1].islower() or body[:1].isdigit() or body[:1] in "(«\"-–—,"
    if line.in_table != prev.lines[-1].in_table:
        return starts_low and not ended
    if fmt == "wrapped" and not line.block.gap_before:
        # hard-wrapped paragraphs without numbers or blank lines between them: a sentence that
        # ends a line and a capital that opens the next start a new paragraph (a numbered item
        # runs on to the next number; a dash item ends with its list)
        return not (ended and body[:1].isupper() and (prev.label is None or prev.kind == "bullet"))
    if fmt in _LINE_FORMATS:
        if line.block.gap_before:
            # items of a list without marks, each its own paragraph, need no punctuation
            return not ended and starts_low and not prev.unmarked
        return not ended or (starts_low and not last.endswith((".", "!", "?")))
    return starts_low and not ended


def _join(prev: _Draft, line: Line, whole: bool = False) -> None:
    last = prev.parts[-1]
    text = line.text.strip() if whole else line.body
    if _HYPHENATED.search(last) and text[:1].islower():
        prev.parts[-1] = last[:-1] + text
    else:
        prev.parts[-1] = last.rstrip() + " " + text
    prev.lines.append(line)
    # a lead-in is judged on the whole paragraph: «… по расчётам с контрагентами:» that goes
    # on to list them is not one; «… отвечающее следующим / требованиям:» is
    if prev.kind is None:
        prev.lead_in = prev.parts[-1].rstrip().endswith(":")


_TIME = re.compile(r"\d{1,2}[.:]\d{2}")


def _runs_on(prev: _Draft, line: Line) -> bool:
    """A wrapped line that only looks like an item: «… установленном главой» / «39 ТК РФ.»
    (a number without a dot or bracket), «… перерыв — с» / «13.00 до 14.00.» (a time), or
    «… (далее» / «— Компания).» (a dash inside an open bracket)."""
    label = line.label
    assert label is not None
    last = prev.parts[-1].rstrip()
    if not last or line.block.gap_before or line.auto:
        return False
    if label.kind == "bullet":
        return last.count("(") > last.count(")")
    return label.kind == "num" and not last.endswith(_TERMINAL) and (
        label.text.isdigit() or _TIME.fullmatch(label.text) is not None)


@cache
def _grade() -> re.Pattern[str]:
    words = "|".join(re.escape(key(w)) for w in lexicon().markers["subheading"]["grade"])
    return re.compile(rf"^\d{{1,2}}(?: ?[a-zа-я]{{1,3}})? (?:{words})$")


def _is_subheading(line: Line, following: list[Line]) -> bool:
    """A short bold or capitalised group title inside a section (not a clause), or a grade
    heading of a qualification characteristic («4-cü dərəcə»)."""
    body = line.body.rstrip()
    if line.words <= 3 and following and _grade().match(key(line.text)):
        return True
    if line.words > 8 or body.endswith((".", ";", ",")) or not following:
        return False
    return (line.bold or line.caps or line.block.heading_level is not None) and \
        not body.endswith(":") or (line.bold and body.endswith(":") and line.words <= 5)


def _multi_column(line: Line, lines: list[Line]) -> bool:
    """The line is a cell of a table row with several filled cells (a grid, not a list)."""
    b = line.block
    return any(ln.block.table == b.table and ln.block.row == b.row and ln.block.cell != b.cell
               for ln in lines)


_NO_SPACE = re.compile(r"\s+")


def _table_text(lines: list[Line], line: Line) -> str:
    """All the text of the table ``line`` sits in, without spaces."""
    return "".join(_NO_SPACE.sub("", ln.body) for ln in lines
                   if ln.block.table == line.block.table)


_PUNCTUATION = re.compile(r"[,.;:!?()«»\"“”]")


def _is_subtitle(line: Line, following: list[Line]) -> bool:
    """In plain text, which has no bold: a short question («Что является результатом?») or a
    short bare title over a paragraph of prose («Взаимодействие с гостем»)."""
    body = line.body.strip()
    if not following or line.label is not None or not body[:1].isupper():
        return False
    if body.endswith("?") and line.words <= 8:
        return True
    nxt = following[0]
    return line.words <= 5 and not _PUNCTUATION.search(body) \
        and nxt.label is None and nxt.words >= 15 and nxt.ends_sentence()


def _next_is_sibling(drafts: list[_Draft], following: Line) -> bool:
    """The next item continues a numbering already under way («2.» after «1.»): a line before
    it ends the previous item's text, it does not introduce a list."""
    label = following.label
    if label is None or label.kind != "num" or following.auto or not label.path:
        return False
    before = ".".join(map(str, label.path[:-1] + (label.path[-1] - 1,)))
    return any(d.kind == "num" and d.number == before for d in drafts)


def _next_is_item(following: list[Line]) -> bool:
    return any(ln.label is not None or ln.auto for ln in following[:1])


def _assign_parents(drafts: list[_Draft]) -> None:
    for i, d in enumerate(drafts):
        for j in range(i - 1, -1, -1):
            other = drafts[j]
            if other.depth < d.depth or (other.lead_in and not d.lead_in
                                         and other.depth <= d.depth):
                d.parent = j
                break
            if other.lead_in or (other.depth == d.depth and other.kind != d.kind
                                 and d.kind == "bullet"):
                break


def _freeze(index: int, d: _Draft) -> Clause:
    first, last = d.lines[0], d.lines[-1]
    span: Span = first.block.span(first.offset, last.block.start - first.block.start
                                  + last.offset + len(last.text))
    return Clause(index=index, label=d.label, number=d.number, depth=d.depth, parent=d.parent,
                  lead_in=d.lead_in, text=" ".join(p.strip() for p in d.parts),
                  blocks=tuple(dict.fromkeys(ln.block.index for ln in d.lines)), span=span)
