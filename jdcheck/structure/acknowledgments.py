"""The employee's acknowledgment: a line («С инструкцией ознакомлен») or a sheet."""

from __future__ import annotations

import re

from jdcheck.model import (
    Acknowledgment,
)
from jdcheck.structure.grif_layout import Grifs, fieldish, span_of
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key
from jdcheck.structure.signatories import read_signatory


def is_ack(line: Line, lex: Lexicon) -> bool:
    if line.words > 16 or (line.label is not None and line.label.kind in ("num", "letter")):
        return False
    rx = lex.marker("acknowledgment", "markers", whole=False)
    k = line.key
    m = rx.search(k)
    return m is not None and m.start() <= 40


def read_acknowledgment(lines: list[Line], marker: Line, found: Grifs,
                    lex: Lexicon) -> Acknowledgment:
    captions = lex.marker("acknowledgment", "sheet_columns")
    nxt = [ln for ln in lines[marker.i + 1:marker.i + 14] if ln.i not in found.used]
    table_lines = []
    if marker.in_table:
        table_lines = [ln for ln in nxt if ln.block.table == marker.block.table]
    elif nxt and nxt[0].in_table:
        table_lines = [ln for ln in nxt if ln.block.table == nxt[0].block.table]
    first_row = [ln for ln in table_lines if ln.block.row == (table_lines[0].block.row
                                                               if table_lines else None)]
    is_sheet = "лист" in marker.key or "vereq" in marker.key or (
        len(first_row) >= 2 and sum(_is_caption(ln, captions) for ln in first_row) >= 2) or (
        not table_lines and bool(nxt) and (_caption_row(nxt[0], captions) or all(
            _is_caption(ln, captions) for ln in nxt[:3]) and len(nxt) >= 3))
    region = table_lines if table_lines else [
        ln for ln in nxt[:4] if not ln.in_table and (ln.words <= 10 or fieldish(ln.text))
        and ln.label is None]
    region = _until_gap_in_text(region)
    used = [marker] + region
    entries = [read_signatory([(ln, ln.text) for ln in region])] if region else []
    found.used.update(ln.i for ln in used)
    found.starts[marker.i] = "acknowledgment"
    return Acknowledgment(form="sheet" if is_sheet else "line", marker=marker.text[:80],
                          entries=tuple(e for e in entries if e.name or e.date or e.signature),
                          span=span_of(used))


def _caption_row(line: Line, captions: re.Pattern[str]) -> bool:
    """A plain-text row of column captions set apart by wide spacing: «Soyadı, adı    Tarix
    İmza» (not the bracketed captions under the blanks of a line: «(подпись)   (Ф.И.О.)»)."""
    columns = line.columns()
    return len(columns) >= 2 and not any(c.startswith("(") or "_" in c for c in columns) \
        and sum(_caption_words(key(c), captions) for c in columns) >= 2


def _caption_words(k: str, captions: re.Pattern[str]) -> bool:
    words = k.split()
    return len(words) <= 5 and any(captions.match(" ".join(words[i:i + n])) for n in (1, 2, 3)
                                   for i in range(len(words)))


def _is_caption(line: Line, captions: re.Pattern[str]) -> bool:
    """A column caption of a sheet: a short cell naming a column («Ф.И.О.», «Tanış olma tarixi»)."""
    if line.words > 5 or "_" in line.text or line.text.lstrip().startswith("("):
        return False
    return _caption_words(line.key, captions)


def _until_gap_in_text(region: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in region:
        if out and ln.block.gap_before and not ln.in_table and not fieldish(ln.text):
            break
        out.append(ln)
    return out
