"""Blocks prepared for parsing: label split off, folded key, layout facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jdcheck.model import Block, Span
from jdcheck.structure.labels import Label, parse_auto, split_label
from jdcheck.structure.normalize import key

_LETTERS = re.compile(r"[^\W\d_]")
_COLUMN_GAP = re.compile(r"\t+|\s{4,}")
# a sentence end with no space after it, then a capital: «… təbliğ edir.Bilməlidir:», where
# text copied from a web page lost the line break before a heading
_GLUED = re.compile(r"(?<=[^\W\d_]{2})[.;](?=[A-ZА-ЯЁƏÖÜĞÇŞİ][^\W\d_])")
_GLUED_WORDS = 6
_GLUED_REACH = 160            # characters from the end a glued heading can start within
_GLUE_HINT = re.compile(r"[.;][A-ZА-ЯЁƏÖÜĞÇŞİ]")


@dataclass
class Line:
    """One block with what the parser needs to know about it."""

    i: int
    block: Block
    text: str
    offset: int
    label: Label | None
    auto: bool
    body: str
    key: str
    words: int
    caps: bool
    glued: bool = False
    split: list[str] | None = None      # columns found by the grif search, when no gap shows them

    @property
    def bold(self) -> bool:
        """All visible text of the block is bold."""
        return self.block.bold

    @property
    def in_table(self) -> bool:
        """The block is a paragraph of a table cell."""
        return self.block.table is not None

    def span(self) -> Span:
        """The span of this line inside its block."""
        return self.block.span(self.offset, self.offset + len(self.text))

    def columns(self) -> list[str]:
        """The block's text split at tab runs or wide spacing (two-column layouts)."""
        if self.split is not None:
            return self.split
        return [c.strip() for c in _COLUMN_GAP.split(self.text) if c.strip()]

    def ends_sentence(self) -> bool:
        """The text ends with terminal punctuation (so a following line starts anew)."""
        return self.text.rstrip().endswith((".", ";", ":", "!", "?", "»", '"', ")"))


def is_caps(text: str) -> bool:
    """Upper case written out: at least three letters and no lower-case one."""
    return text.isupper() and len(_LETTERS.findall(text[:12])) >= 3


def prepare(blocks: tuple[Block, ...],
            is_heading: Callable[[str], bool] | None = None) -> list[Line]:
    """Lines for the body, table cells and text boxes, in document order; ``is_heading`` lets
    a heading glued onto the end of a paragraph become a line of its own."""
    lines: list[Line] = []
    for block in blocks:
        if block.part in ("header", "footer"):
            continue
        pieces = _pieces(block.text)
        split = _glued(pieces[0], is_heading) if is_heading and len(pieces) == 1 else None
        for offset, text in split or pieces:
            auto = block.label is not None and offset == _first_offset(block.text)
            if auto:
                label: Label | None = parse_auto(block.label or "")
                body = text
            else:
                label, body = split_label(text)
            if label is not None:
                # «I. I.Общие положения»: a list's number printed before the same number typed
                again, rest = split_label(body.strip())
                if again is not None and again.kind == label.kind and again.path == label.path:
                    body = rest
            body = body.strip()
            lines.append(Line(i=len(lines), block=block, text=text, offset=offset, label=label,
                              auto=auto, body=body, key=key(body), words=len(body.split()),
                              caps=block.caps or is_caps(body),
                              glued=split is not None and offset == split[1][0]))
    return lines


def _glued(piece: tuple[int, str],
           is_heading: Callable[[str], bool]) -> list[tuple[int, str]] | None:
    """The paragraph and the heading glued onto its end, as two pieces, or None."""
    offset, text = piece
    start = max(0, len(text) - _GLUED_REACH)
    if not _GLUE_HINT.search(text, start):
        return None
    for m in reversed(list(_GLUED.finditer(text, start))):
        tail = text[m.end():]
        if len(tail.split()) > _GLUED_WORDS:
            return None
        if is_heading(tail):
            return [(offset, text[:m.end()]), (offset + m.end(), tail)]
    return None


def _first_offset(text: str) -> int:
    return len(text) - len(text.lstrip())


def _pieces(text: str) -> list[tuple[int, str]]:
    """A block split at line breaks that start a new list item; else the whole block."""
    if "\n" not in text:
        return [(_first_offset(text), text.strip())]
    pieces: list[tuple[int, str]] = []
    pos = 0
    for part in text.split("\n"):
        stripped = part.strip()
        start = pos + (len(part) - len(part.lstrip()))
        pos += len(part) + 1
        if not stripped:
            continue
        label, _ = split_label(stripped)
        if pieces and label is None:
            first, prev = pieces[-1]
            pieces[-1] = (first, text[first:start + len(stripped)].strip())
        else:
            pieces.append((start, stripped))
    starts_item = [split_label(p)[0] is not None for _, p in pieces[1:]]
    if len(pieces) > 1 and any(starts_item):
        return pieces
    return [(_first_offset(text), text.strip())]
