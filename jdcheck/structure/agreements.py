"""Agreement grifs («СОГЛАСОВАНО», «Razılaşdırılmışdır») and their signatories."""

from __future__ import annotations

import re

from jdcheck.model import (
    AgreementBlock,
    Signatory,
    TextField,
)
from jdcheck.structure.fields import find_date, find_name, find_signature
from jdcheck.structure.grif_layout import (
    QUOTES,
    Grifs,
    NoMatch,
    fieldish,
    grif_region,
    marker_segment,
    segments,
    span_of,
    stop_markers,
    stops,
)
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key
from jdcheck.structure.signatories import CAPTION, read_signatory, strip_fields


def is_stacked(lines: list[Line], marker: Line, markers: tuple[re.Pattern[str], ...]) -> bool:
    """«СОГЛАСОВАНА» right above «УТВЕРЖДЕНА»: the heads of header columns whose lines were
    merged one by one (PDF text of a multi-column header)."""
    nxt = lines[marker.i + 1] if marker.i + 1 < len(lines) else None
    if nxt is None or len(segments(marker)) > 1 or len(segments(nxt)) > 1 or nxt.words > 2:
        return False
    return any(marker_segment(nxt, rx) is not None for rx in markers)


def interleaved_agreement(lines: list[Line], marker: Line, found: Grifs,
                           lex: Lexicon) -> AgreementBlock:
    """An agreement whose column is interleaved with the next grif's: the lines left over by
    that grif, one signatory per person named (a name closing a quoted title, as in «… имени
    Ю.А. Гагарина», is part of that title)."""
    stop = stop_markers(lex)
    region: list[Line] = []
    for line in lines[marker.i + 1:marker.i + 16]:
        if line.i in found.used:          # the other column's lines
            continue
        if line.in_table or line.label is not None \
                or stops(line, stop) or line.words > 14:
            break
        region.append(line)
    signatories: list[Signatory] = []
    start = 0
    for n, line in enumerate(region):
        name = find_name(line.text, line.span())
        if name is None or name.form == "placeholder" or _in_quotes(line.text, name.text):
            continue
        date = next((d for ln in region[n:n + 2] for d in [find_date(ln.text, ln.span())] if d),
                    None)
        before = region[start:n + 1]
        parts = [strip_fields(ln.text, "", (find_date(ln.text) or NoMatch).text)
                 for ln in before]
        text = strip_fields(" ".join(parts).split("(")[0], name.text, "")
        position = TextField(text=text[:200], span=span_of(before)) if text else None
        signatories.append(Signatory(position=position, name=name, date=date))
        start = n + 1
    found.used.update(ln.i for ln in region)
    found.starts[marker.i] = "agreement"
    found.notes.append(("D211", "", marker.block.index))
    return AgreementBlock(marker=QUOTES.sub("", marker.text.strip())[:60],
                          signatories=tuple(signatories), span=span_of([marker] + region))


def _in_quotes(text: str, name: str) -> bool:
    after = text[text.find(name) + len(name):].lstrip()
    return after.startswith(("»", "”", '"'))


def read_agreement(lines: list[Line], marker: Line, hit: tuple[int, str], found: Grifs,
               lex: Lexicon) -> AgreementBlock | None:
    col, tail = hit
    stop = stop_markers(lex)
    region = grif_region(lines, marker, col, found, limit=12, stop=stop)
    groups = _group_signatories(region, tail, marker)
    signatories = [read_signatory(g) for g in groups]
    while signatories and not marker.in_table and not region[-1][0].in_table and \
            not (signatories[-1].name or signatories[-1].signature or signatories[-1].date):
        signatories.pop()
    signatories = [s for s in signatories if s.position or s.name]
    used = [marker] + [ln for ln, _ in region]
    found.used.update(ln.i for ln in used)
    found.starts[marker.i] = "agreement"
    block = AgreementBlock(marker=QUOTES.sub("", segments(marker)[col])[:60],
                           signatories=tuple(signatories), span=span_of(used))
    for earlier in found.agreements:
        if _same_signatories(earlier, block):
            found.notes.append(("D207", "the agreement block is repeated; counted once",
                                marker.block.index))
            return None
    return block


def _group_signatories(region: list[tuple[Line, str]], tail: str,
                       marker: Line) -> list[list[tuple[Line, str]]]:
    """Split an agreement region into one group of lines per agreeing person."""
    groups: list[list[tuple[Line, str]]] = []
    if tail and len(tail.split()) > 1:
        groups.append([(marker, " ".join(tail.split()[1:]))])
    units: list[list[tuple[Line, str]]] = []
    for line, text in region:
        b = line.block
        last = units[-1][-1][0].block if units else None
        # the cells of one table row are one unit; paragraphs of one cell are not
        if last is not None and b.table is not None and last.table == b.table \
                and last.row == b.row and last.cell != b.cell:
            units[-1].append((line, text))
        else:
            units.append([(line, text)])
    for unit in units:
        line = unit[0][0]
        text = "\t".join(t for _, t in unit)
        if line.in_table and all(_header_cell(t) for _, t in unit):
            continue
        named = find_name(text, allow_full=find_signature(text) is not None)
        has_position = bool(strip_fields(text, (named or NoMatch).text,
                                          (find_date(text) or NoMatch).text))
        has_position = has_position and not CAPTION.match(text.strip())
        # «Ведущий  ____ И.Н. Тищенко» / «юрисконсульт  _  (дата согласования)»: a row of a
        # table drawn as text, its position and its date caption running onto a second line
        runs_on = not line.in_table and bool(groups) and (
            named is None or named.form == "placeholder") and fieldish(text) \
            and _named(groups[-1]) and find_signature(text) is None
        if has_position and not runs_on and (line.in_table or not (
                groups and _position_only(groups[-1]) and not fieldish(text))):
            groups.append(list(unit))
        elif groups:
            groups[-1].extend(unit)
        elif fieldish(text):
            groups.append(list(unit))
    return groups


_HEADER_CELL = re.compile(r"^(?:№|n|\d{1,2}\.?|должность|ф\s?и\s?о|фамилия.*|подпись.*|дата.*|"
                          r"расшифровка.*|vezife|ad.*|soyad.*|imza|tarix)$")


def _header_cell(text: str) -> bool:
    return bool(_HEADER_CELL.match(key(text))) or not key(text)


def _named(group: list[tuple[Line, str]]) -> bool:
    return any((n := find_name(t)) is not None and n.form != "placeholder" for _, t in group)


def _position_only(group: list[tuple[Line, str]]) -> bool:
    return not any(fieldish(t) for _, t in group)


def _same_signatories(a: AgreementBlock, b: AgreementBlock) -> bool:
    def firsts(block: AgreementBlock) -> list[str]:
        return [key(s.position.text).split()[0] if s.position and key(s.position.text) else ""
                for s in block.signatories]

    fa, fb = firsts(a), firsts(b)
    if not fa or len(fa) != len(fb):
        return False
    return sum(x == y for x, y in zip(fa, fb, strict=True)) * 2 >= len(fa)
