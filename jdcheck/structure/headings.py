"""Section headings: from the vocabulary, then by the look the document gives its headings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key

_SPLIT = re.compile(r",|\s+и\s+|\s+(?:və|ve)\s+|\s*/\s*|\s*;\s*", re.IGNORECASE)
_TRAIL = re.compile(r"[\s.:;,!\-–—]+$")
_RUNIN = re.compile(r"^(.{3,60}?)\s*[.:]\s+(\S.*)$", re.DOTALL)
_RUNIN_LOOSE = re.compile(r"^(.{3,120}?)\s*[.:]\s+(\S.*)$", re.DOTALL)
_MAX_TAIL = 3
_INNER_STOP = re.compile(r"\.\s+\S")
_INNER_COLON = re.compile(r":\s*[^\W\d_]")


@dataclass
class Heading:
    """A recognised section heading."""

    line: Line
    kinds: tuple[str, ...]
    text: str
    number: str | None
    by: str
    rest: str | None = None


def match_vocabulary(text: str, lex: Lexicon, runin: bool = False,
                     max_tail: int = _MAX_TAIL, strict: bool = False) -> tuple[str, ...] | None:
    """Section kinds named by a heading text, or None.

    ``strict`` asks for the phrase alone, without extra words or a possessor: a plain line
    such as «İşçinin hüquqları:» is a lead-in inside a section, «Права:» is a heading.
    """
    text = _TRAIL.sub("", text.strip())
    if strict:
        return _match_words(key(text), lex, True, 0)
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        kinds: list[str] = []
        for n, part in enumerate(parts):
            found = _match_one(key(part), lex, runin, max_tail if n == len(parts) - 1 else 1)
            if found is None:
                kinds = []
                break
            kinds.extend(k for k in found if k not in kinds)
        if kinds:
            return tuple(kinds)
    return _match_one(key(text), lex, runin, max_tail)


_GENITIVE = re.compile(r"^[a-z]+(?:in|un|nin|nun)\s")


def has_possessor(k: str) -> bool:
    """The folded phrase opens with an Azerbaijani genitive («mühasibin …», «işçinin …»)."""
    return bool(_GENITIVE.match(k + " "))


def _match_one(k: str, lex: Lexicon, runin: bool, max_tail: int) -> tuple[str, ...] | None:
    """Kinds for one heading phrase; an Azerbaijani possessor may precede it («İşçinin
    hüquqları», «Tərəflərin məsuliyyəti»)."""
    found = _match_words(k, lex, runin, max_tail)
    words = k.split(" ")
    for drop in (1, 2):
        if found is not None or len(words) <= drop or not has_possessor(words[drop - 1]):
            continue
        found = _match_words(" ".join(words[drop:]), lex, runin, max_tail)
    return found


def _match_words(k: str, lex: Lexicon, runin: bool, max_tail: int) -> tuple[str, ...] | None:
    if not k:
        return None
    best: tuple[int, tuple[str, ...]] | None = None
    for entry in lex.heading_index.get(k[:2], ()):
        if entry.runin and not runin:
            continue
        m = entry.pattern.match(k)
        if not m or (m.end() < len(k) and k[m.end()] != " "):
            continue
        if len(k[m.end():].split()) > max_tail:
            continue
        if best is None or m.end() > best[0]:
            best = (m.end(), entry.kinds)
    return best[1] if best else None


def _number(line: Line) -> str | None:
    if line.label is None or line.label.kind not in ("num", "roman", "section"):
        return None
    return line.label.text.rstrip(".)").split()[-1]


def _top_label(line: Line) -> bool:
    label = line.label
    if label is None:
        return True
    if line.auto:
        return label.kind in ("num", "roman", "other") and len(label.path) <= 1
    return label.kind in ("roman", "section") or (label.kind == "num" and label.depth == 1)


def _heading_shape(line: Line) -> bool:
    body = line.body
    if not body or line.words > 12 or len(body) > 110 or body[:1].islower():
        return False
    if body.rstrip().endswith((";", ",")) or line.key.startswith(("в т ч", "в том числе")):
        return False
    # «Требования к квалификации: высшее образование.» states something after its colon
    return not _INNER_STOP.search(body.rstrip(". ")) and not _INNER_COLON.search(body)


def find_headings(lines: list[Line], used: set[int], lex: Lexicon) -> tuple[list[Heading],
                                                                          list[tuple[str, int]]]:
    """Headings in document order, and diagnostics (code, block index) for guessed ones."""
    notes: list[tuple[str, int]] = []
    found: dict[int, Heading] = {}
    for line in lines:
        if line.i in used or not _top_label(line):
            continue
        plain_colon = line.body.rstrip().endswith(":") and line.label is None and not (
            line.bold or line.caps or line.block.heading_level is not None)
        if _heading_shape(line) and not _continues_items(lines, line, used, found):
            kinds = match_vocabulary(line.body, lex, strict=plain_colon)
            if kinds:
                found[line.i] = Heading(line, kinds, _TRAIL.sub("", line.body), _number(line),
                                        "vocabulary")
                continue
        runin = _runin(line, lex)
        if runin is not None:
            found[line.i] = runin
            notes.append(("D203", line.block.index))
    if not found:
        for line in lines:
            runin = None if line.i in used or line.label else _runin(line, lex, loose=True)
            if runin is not None:
                found[line.i] = runin
                notes.append(("D203", line.block.index))
    standalone = sorted(i for i, h in found.items() if h.by == "vocabulary")
    if len(standalone) >= 2:
        # a document whose headings stand on lines of their own: a paragraph opening with
        # «Требования к квалификации: …» inside one of its sections is an item there
        for i in [i for i, h in found.items() if h.by == "run-in" and i > standalone[0]]:
            del found[i]
            notes.remove(("D203", lines[i].block.index))
    if not found:
        for heading in _prose_subheadings(lines, used):
            found[heading.line.i] = heading
            notes.append(("D202", heading.line.block.index))
    if found:
        for heading in _by_look(lines, used, found, lex):
            found[heading.line.i] = heading
            notes.append(("D202", heading.line.block.index))
    return [found[i] for i in sorted(found)], notes


_PROSE_WORDS = 25


def _prose_subheadings(lines: list[Line], used: set[int]) -> list[Heading]:
    """The sub-headings of an article: short title-like lines that stand alone between prose
    paragraphs. Tried only when no heading is known by its words; two are needed.

    A sub-heading printed twice in a row (a rendering duplicate of a web page) is read once.
    """
    out: list[Heading] = []
    free = [ln for ln in lines if ln.i not in used and not ln.in_table]
    for n, line in enumerate(free[:-1]):
        body = line.body.strip()
        if line.label is not None or not 2 <= line.words <= 8 or ":" in body \
                or not body[:1].isupper() or line.ends_sentence() or not _heading_shape(line):
            continue
        after = free[n + 1]
        last = n + 2 == len(free)        # a truncated excerpt may end mid-sentence
        if after.words < (_PROSE_WORDS // 2 if last else _PROSE_WORDS) or not (
                last or after.text.rstrip().endswith((".", "!", "?"))):
            continue
        before = free[n - 1] if n else None
        if before is not None and before.body.strip() == body:
            used.add(before.i)
        elif before is not None and not before.ends_sentence():
            continue
        out.append(Heading(line, ("other",), _TRAIL.sub("", body), None, "look"))
    return out if len(out) >= 2 else []


def _continues_items(lines: list[Line], line: Line, used: set[int],
                     headings: dict[int, Heading]) -> bool:
    """«8. Ответственность и трудолюбие» right after item «7.»: an item, not a heading."""
    label = line.label
    if label is None or label.kind != "num" or line.auto or label.depth != 1:
        return False
    for prev in reversed(lines[:line.i]):
        if prev.i in used or prev.label is None or prev.label.kind in ("bullet", "letter"):
            continue        # sub-items of the previous item
        if prev.i in headings and headings[prev.i].by != "run-in":
            return False
        same = prev.label.kind == "num" and prev.label.depth == 1 and not prev.auto
        return same and prev.label.path[0] == label.path[0] - 1 and _look(prev) == _look(line)
    return False


def _runin(line: Line, lex: Lexicon, loose: bool = False) -> Heading | None:
    """«Должностные обязанности. Руководит …»: a heading run into its first paragraph.

    ``loose`` (for documents with no other headings, such as ЕКС characteristics) lets the
    heading name the post: «Требования к квалификации заместителя директора. …»,
    «Заместитель директора должен знать: …».
    """
    m = _RUNIN.match(line.body) if not loose else _RUNIN_LOOSE.match(line.body)
    if not m or len(m.group(2).split()) < 2:
        return None
    kinds = match_vocabulary(m.group(1), lex, runin=True, max_tail=6 if loose else 0)
    if kinds is None and loose:
        words = key(m.group(1)).split()
        kinds = next((k for n in range(1, min(len(words), 8)) for k in
                      [_match_words(" ".join(words[n:]), lex, True, 0)] if k), None)
    if not kinds or kinds == ("other",):
        return None
    return Heading(line, kinds, m.group(1).strip(), _number(line), "run-in", rest=m.group(2))


def _look(line: Line) -> tuple[object, ...]:
    label = line.label
    kind = None if label is None else ("auto" if line.auto else label.kind)
    return (kind, line.bold, line.caps, line.block.heading_level is not None)


def _by_look(lines: list[Line], used: set[int], found: dict[int, Heading],
             lex: Lexicon) -> list[Heading]:
    """Headings outside the vocabulary that look exactly like the recognised ones."""
    vocab = [h for h in found.values() if h.by == "vocabulary"]
    if len(vocab) < 2:
        return []
    looks = Counter(_look(h.line) for h in vocab)
    look, count = looks.most_common(1)[0]
    label_kind, bold, caps, styled = look
    if count * 3 < len(vocab) * 2 or not (label_kind or bold or caps or styled):
        return []
    if label_kind in ("auto", "bullet", "letter", "other") and not (bold or caps or styled):
        return []
    numbers = {h.line.label.path[0] for h in vocab if h.line.label and h.line.label.path}
    out = []
    for line in lines:
        if line.i in used or line.i in found or not _top_label(line) or line.in_table:
            continue
        if _look(line) != look or not _heading_shape(line) or line.body.endswith(":"):
            continue
        if line.words > 8 or not line.body[:1].isupper():
            continue
        if label_kind in ("num", "roman", "section"):
            value = line.label.path[0] if line.label and line.label.path else None
            if value is None or not _fits(value, numbers):
                continue
        out.append(Heading(line, ("other",), _TRAIL.sub("", line.body), _number(line), "look"))
    return out


def _fits(value: int, numbers: set[int]) -> bool:
    """A section number that continues the document's own section numbering."""
    if not numbers:
        return True
    return value not in numbers and (value - 1 in numbers or value == max(numbers) + 1)
