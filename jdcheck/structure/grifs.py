"""Approval and agreement grifs and the acknowledgment: where they are and what they say."""

from __future__ import annotations

import re

from jdcheck.structure.acknowledgments import is_ack, read_acknowledgment
from jdcheck.structure.agreements import interleaved_agreement, is_stacked, read_agreement
from jdcheck.structure.approvals import (
    approval_order,
    approval_signature,
    head_marker,
    is_order_approval,
)
from jdcheck.structure.grif_layout import QUOTES, Grifs, marker_segment
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key

# Stems every grif or acknowledgment marker contains (folded); a cheap first look at a line.
_CANDIDATE = re.compile(r"утвер|tesdiq|соглас|razilas|рассмотр|ознаком|tanis|экземпляр|лист")


def find_grifs(lines: list[Line], lex: Lexicon, start: int = 0) -> Grifs:
    """Find the approval grif, agreement grifs and the acknowledgment from line ``start`` on."""
    found = Grifs()
    sign = lex.marker("approval", "signature")
    order = lex.marker("approval", "order")
    agree = lex.marker("agreement", "markers")
    stacked: list[Line] = []
    _split_trailing_markers(lines[start:start + 40], (sign, order, agree))
    for line in lines[start:]:
        if line.i in found.used and line.i not in found.partial or (
                line.label is not None and line.label.kind == "num" and line.words > 6) \
                or not _CANDIDATE.search(line.key):
            continue
        if found.approval is None:
            hit = marker_segment(line, sign, max_tail=6)
            if hit is not None:
                found.approval = approval_signature(lines, line, hit, found, lex)
            else:
                hit = marker_segment(line, order, max_tail=14) or head_marker(line, order)
                if hit is not None and is_order_approval(lines, line, lex):
                    found.approval = approval_order(lines, line, hit, found, lex)
                else:
                    hit = None
            if hit is not None and line.i not in found.partial:
                continue
        hit = marker_segment(line, agree, max_tail=6)
        if hit is not None:
            if not hit[1] and is_stacked(lines, line, (sign, order, agree)):
                stacked.append(line)
                found.used.add(line.i)
                continue
            block = read_agreement(lines, line, hit, found, lex)
            if block is not None:
                found.agreements.append(block)
            continue
        if found.acknowledgment is None and is_ack(line, lex):
            found.acknowledgment = read_acknowledgment(lines, line, found, lex)
    for marker in stacked:
        found.agreements.append(interleaved_agreement(lines, marker, found, lex))
    return found


def _split_trailing_markers(lines: list[Line], markers: tuple[re.Pattern[str], ...]) -> None:
    """«Открытое акционерное общество «…» Утверждаю» over right-hand lines (the next or one
    of the two after it): a long left column left no wide gap before the grif marker; split
    the line there."""
    for n, line in enumerate(lines):
        right_below = any(b.block.align == "right" for b in lines[n + 1:n + 4])
        if line.in_table or not right_below or line.block.align == "right" \
                or len(line.columns()) > 1 or line.words > 14:
            continue
        words = line.text.split()
        for size in (2, 1):
            tail = " ".join(words[-size:])
            if len(words) > size and any(rx.match(key(QUOTES.sub("", tail))) for rx in markers):
                line.split = [" ".join(words[:-size]), tail]
                break
