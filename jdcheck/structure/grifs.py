"""Approval and agreement grifs and the acknowledgment: where they are and what they say.

The grif composition (УТВЕРЖДАЮ + position + signature + «И.О. Фамилия» + date, or
УТВЕРЖДЕНА + approving document + date + number; СОГЛАСОВАНО + position + signature + name +
date) follows ГОСТ Р 7.0.97 as summarised in ../shared/LEGAL.md A19–A20; the Azerbaijani forms
follow B26.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from jdcheck.model import (
    Acknowledgment,
    AgreementBlock,
    ApprovalBlock,
    DateField,
    OrderRef,
    Signatory,
    SignatureField,
    Span,
    TextField,
)
from jdcheck.structure.fields import find_date, find_name, find_signature, is_blank_line
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key

_CAPTION = re.compile(r"^\(.*\)$")
# Stems every grif or acknowledgment marker contains (folded); a cheap first look at a line.
_CANDIDATE = re.compile(r"утвер|tesdiq|соглас|razilas|рассмотр|ознаком|tanis|экземпляр|лист")
_QUOTES = re.compile(r"^[«\"“'„]+|[»\"”']+[:.]?$")
_NUMBER = re.compile(r"(?<!\w)(?:№|N|No\.?)\s*(\d[\w\-/]*|_+)|(\d[\w\-/]*|_+)\s+n[öo]mr[əe]li")


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


def _segments(line: Line) -> list[str]:
    cols = line.columns()
    return cols if cols else [line.text]


def marker_segment(line: Line, rx: re.Pattern[str], max_tail: int = 0) -> tuple[int, str] | None:
    """The column of ``line`` that is (or starts with) a marker, and what follows the marker."""
    for idx, seg in enumerate(_segments(line)):
        k = key(_QUOTES.sub("", seg))
        if rx.match(k):
            return idx, ""
        if max_tail:
            words = k.split()
            for n in range(min(len(words), 5), 0, -1):
                if rx.match(" ".join(words[:n])) and len(words) - n <= max_tail:
                    return idx, seg
    return None


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
                found.approval = _approval_signature(lines, line, hit, found, lex)
            else:
                hit = marker_segment(line, order, max_tail=14) or _head_marker(line, order)
                if hit is not None and _is_order_approval(lines, line, lex):
                    found.approval = _approval_order(lines, line, hit, found, lex)
                else:
                    hit = None
            if hit is not None and line.i not in found.partial:
                continue
        hit = marker_segment(line, agree, max_tail=6)
        if hit is not None:
            if not hit[1] and _stacked(lines, line, (sign, order, agree)):
                stacked.append(line)
                found.used.add(line.i)
                continue
            block = _agreement(lines, line, hit, found, lex)
            if block is not None:
                found.agreements.append(block)
            continue
        if found.acknowledgment is None and _is_ack(line, lex):
            found.acknowledgment = _acknowledgment(lines, line, found, lex)
    for marker in stacked:
        found.agreements.append(_interleaved_agreement(lines, marker, found, lex))
    return found


def _head_marker(line: Line, rx: re.Pattern[str]) -> tuple[int, str] | None:
    """«Təsdiq edilmişdir» on the first line of a paragraph whose next lines (soft line
    breaks) hold the rest of the block."""
    head = line.text.split("\n", 1)[0]
    if "\n" in line.text and len(line.columns()) == 1 and rx.match(key(_QUOTES.sub("", head))):
        return 0, line.text
    return None


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
        for n in (2, 1):
            tail = " ".join(words[-n:])
            if len(words) > n and any(rx.match(key(_QUOTES.sub("", tail))) for rx in markers):
                line.split = [" ".join(words[:-n]), tail]
                break


def _stacked(lines: list[Line], marker: Line, markers: tuple[re.Pattern[str], ...]) -> bool:
    """«СОГЛАСОВАНА» right above «УТВЕРЖДЕНА»: the heads of header columns whose lines were
    merged one by one (PDF text of a multi-column header)."""
    nxt = lines[marker.i + 1] if marker.i + 1 < len(lines) else None
    if nxt is None or len(_segments(marker)) > 1 or len(_segments(nxt)) > 1 or nxt.words > 2:
        return False
    return any(marker_segment(nxt, rx) is not None for rx in markers)


def _interleaved_agreement(lines: list[Line], marker: Line, found: Grifs,
                           lex: Lexicon) -> AgreementBlock:
    """An agreement whose column is interleaved with the next grif's: the lines left over by
    that grif, one signatory per person named (a name closing a quoted title, as in «… имени
    Ю.А. Гагарина», is part of that title)."""
    stop = _stop_markers(lex)
    region: list[Line] = []
    for line in lines[marker.i + 1:marker.i + 16]:
        if line.i in found.used:          # the other column's lines
            continue
        if line.in_table or line.label is not None \
                or _stops(line, stop) or line.words > 14:
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
        parts = [_strip_fields(ln.text, "", (find_date(ln.text) or _NoName).text)
                 for ln in before]
        text = _strip_fields(" ".join(parts).split("(")[0], name.text, "")
        position = TextField(text=text[:200], span=span_of(before)) if text else None
        signatories.append(Signatory(position=position, name=name, date=date))
        start = n + 1
    found.used.update(ln.i for ln in region)
    found.starts[marker.i] = "agreement"
    found.notes.append(("D211", "", marker.block.index))
    return AgreementBlock(marker=_QUOTES.sub("", marker.text.strip())[:60],
                          signatories=tuple(signatories), span=span_of([marker] + region))


def _in_quotes(text: str, name: str) -> bool:
    after = text[text.find(name) + len(name):].lstrip()
    return after.startswith(("»", "”", '"'))


def _region(lines: list[Line], marker: Line, col: int, found: Grifs, limit: int = 8,
            stop: re.Pattern[str] | None = None,
            title_stops: bool = True) -> list[tuple[Line, str]]:
    """Lines (with the relevant column text) that belong to a grif starting at ``marker``."""
    out: list[tuple[Line, str]] = []
    mb = marker.block
    if mb.table is not None:
        for line in lines[marker.i + 1:]:
            b = line.block
            if b.table != mb.table:
                break
            if (b.row or 0) >= (mb.row or 0) and (b.cell or 0) >= (mb.cell or 0) \
                    and (b.row or 0) <= (mb.row or 0) + limit:
                if stop is not None and _stops(line, stop, title_stops):
                    break
                out.append((line, line.text))
        return out
    following = lines[marker.i + 1:marker.i + 2]
    if following and following[0].in_table and following[0].i not in found.used \
            and len(_segments(marker)) == 1:
        table = following[0].block.table
        for line in lines[marker.i + 1:]:
            if line.block.table != table or (stop is not None and _stops(line, stop, title_stops)):
                break
            out.append((line, line.text))
        return out
    columns = len(_segments(marker)) > 1
    two_columns = columns and col > 0
    if columns:
        found.partial.add(marker.i)
    for line in lines[marker.i + 1:marker.i + 1 + limit]:
        segs = _segments(line)
        if line.i in found.used and line.i not in found.partial or line.in_table:
            break
        if two_columns:
            if stop is not None and _stops_text(segs[-1], stop, title_stops):
                break
            if len(segs) < 2:
                # a line of the right column alone: indented, or a date the column lacks
                # (a signature and name at the margin are the left column's)
                if line.block.align == "right" or _indented(line) or (
                        line.words <= 4 and find_date(line.text) is not None
                        and not find_signature(line.text) and not find_name(line.text)
                        and not any(find_date(t) for _, t in out)):
                    out.append((line, segs[-1]))
                    continue
                break
            found.partial.add(line.i)
            out.append((line, segs[-1]))
        elif columns:
            # the left column of a two-column header: the right column is another block's
            if stop is not None and _stops_text(segs[0], stop, title_stops):
                break
            if len(segs) < 2 and (_indented(line) or line.block.align == "right"):
                continue
            if len(segs) >= 2:
                found.partial.add(line.i)
            out.append((line, segs[0]))
        elif line.i in found.used or (stop is not None and _stops(line, stop, title_stops)):
            break
        else:
            if out and line.block.gap_before and mb.align != "right":
                break
            if line.words > 14 or (line.label is not None and line.label.kind != "bullet"):
                break
            if mb.align == "right" and line.block.align != "right" and not _fieldish(line.text):
                break
            out.append((line, line.text))
    return out


def _indented(line: Line) -> bool:
    """The line starts far to the right (tabs or wide spacing): the right column of a header."""
    lead = line.block.text[:line.offset].rsplit("\n", 1)[-1]
    return lead.count("\t") >= 2 or len(lead.expandtabs(8)) >= 24


def _stops_text(text: str, stop: re.Pattern[str], title: bool = True) -> bool:
    return bool(title and _TITLE.search(key(text)) or stop.match(key(_QUOTES.sub("", text))))


def _stops(line: Line, stop: re.Pattern[str], title: bool = True) -> bool:
    if title and _TITLE.search(line.key):
        return True
    return any(stop.match(key(_QUOTES.sub("", seg))) for seg in _segments(line))


_TITLE_LINE = re.compile(r"^(?:должностная\s+)?инструкция$|(?:^|\s)(?:должностная инструкция|"
                         r"vezife telimati|is tesviri)(?:\s|$)")
_TITLE = re.compile(r"(?:^|\s)(?:должностная инструкция|vezife telimati|is tesviri)(?:\s|$)")


def _fieldish(text: str) -> bool:
    return bool(find_date(text) or find_signature(text) or find_name(text))


def _approval_signature(lines: list[Line], marker: Line, hit: tuple[int, str],
                        found: Grifs, lex: Lexicon) -> ApprovalBlock:
    col, tail = hit
    # a title set beside the grif («ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ  ______») does not end it
    region = _region(lines, marker, col, found, limit=10, stop=_stop_markers(lex),
                     title_stops=False)
    titled = next((n for n, (ln, _) in enumerate(region) if _TITLE_LINE.search(ln.key)), None)
    if titled is not None:
        region = region[:titled] + [(ln, t) for ln, t in region[titled + 1:] if _fieldish(t)
                                    and not re.search(r"[^\W\d_]{3,}", _strip_fields(
                                        t, "", (find_date(t) or _NoName).text))]
    texts = ([(marker, _after_marker(tail))] if tail and _after_marker(tail) else []) + region
    sig = _signatory(texts, allow_full=True)
    used = [marker] + [ln for ln, _ in region]
    found.used.update(ln.i for ln in used)
    found.starts[marker.i] = "approval"
    marker_text = _QUOTES.sub("", _segments(marker)[col]).split("\n")[0].strip()
    return ApprovalBlock(form="signature", marker=marker_text[:40], position=sig.position,
                         signature=sig.signature, name=sig.name, date=sig.date,
                         span=span_of(used))


def _after_marker(segment: str) -> str:
    words = segment.split()
    return " ".join(words[1:]) if words and key(words[0]) in ("утверждаю",) else \
        " ".join(words[2:]) if len(words) > 2 else ""


def _is_order_approval(lines: list[Line], line: Line, lex: Lexicon) -> bool:
    words = lex.marker("approval", "order_words", whole=False)
    near = lines[max(0, line.i - 3):line.i + 5]
    return any(words.search(key(ln.text)) for ln in near) and line.words <= 16


def _approval_order(lines: list[Line], marker: Line, hit: tuple[int, str], found: Grifs,
                    lex: Lexicon) -> ApprovalBlock:
    """«УТВЕРЖДЕНА приказом … от … № …» (read forward) or «… tarixli … nömrəli əmri ilə
    təsdiq edilmişdir» (read backward: the order comes before the marker). In a two-column
    header only the marker's column is read."""
    words = lex.marker("approval", "order_words", whole=False)
    col = hit[0]
    columns = len(_segments(marker)) > 1
    head, *inner = _segments(marker)[col].split("\n")
    k = key(head)
    within = [(marker, t) for t in inner if t.strip()]     # lines after a soft line break
    backward = azerbaijani = k.endswith(("edilmisdir", "edilib", "olunmusdur", "olunub"))
    if backward and len(k.split()) <= 3:
        # «Təsdiq edilmişdir» alone heads the block as «УТВЕРЖДЕНА» does when the order is
        # written below it
        below = within + _near(lines[marker.i + 1:marker.i + 5], marker, found, col, columns)
        backward = not any(words.search(key(t)) or _NUMBER.search(t) for _, t in below)
    if not within:
        head = _segments(marker)[col]
    window = lines[max(0, marker.i - 3):marker.i] if backward else lines[marker.i + 1:marker.i + 5]
    texts = ([] if backward else within) + _near(window, marker, found, col, columns)
    def relevant(t: str) -> bool:
        return bool(words.search(key(t)) or find_date(t) or _NUMBER.search(t))

    # «… MMC-nin / direktorunun» before the order's date and number: who issued it
    issuer_lines = [] if not azerbaijani else (texts[:1] if backward else list(
        itertools.takewhile(lambda pair: not relevant(pair[1]), texts))[:2])
    near = [(marker, head)] + [pair for pair in texts
                               if relevant(pair[1]) or any(pair is p for p in issuer_lines)]
    near.sort(key=lambda pair: pair[0].i)
    text = " ".join(t for _, t in near)
    if columns:
        found.partial.update(ln.i for ln, t in near if t != ln.text)
    near_lines = list({ln.i: ln for ln, _ in near}.values())
    number = _NUMBER.search(text)
    date = find_date(text, span_of(near_lines))
    if date is None and not backward and _DANGLING.search(text):
        date = _date_below(lines, near_lines[-1], found)
    order = OrderRef(text=text[:300], date=date,
                     number=(number.group(1) or number.group(2)) if number else None)
    found.used.update(ln.i for ln in near_lines)
    found.starts[near_lines[0].i] = "approval"
    issuer = _issuer(near, text, backward)
    posts = lex.marker("approval", "position_words", whole=False)
    if issuer is not None and not posts.search(key(issuer.text)):
        issuer = None
    return ApprovalBlock(form="order", marker=_segments(marker)[col].split("\n")[0].strip()[:40],
                         position=issuer, date=date, order=order, span=span_of(near_lines))


def _near(window: list[Line], marker: Line, found: Grifs, col: int = 0,
          columns: bool = False) -> list[tuple[Line, str]]:
    """The lines of a window (with the marker column's text) that can belong to the marker's
    block: short, not yet used, and in the same table cell as the marker (or outside tables
    when it is)."""
    b = marker.block
    out = []
    for ln in window:
        if ln.i in found.used and ln.i not in found.partial or ln.words > 16 or (
                ln.block.table, ln.block.row, ln.block.cell) != (b.table, b.row, b.cell):
            continue
        segs = _segments(ln)
        if not columns:
            out.append((ln, ln.text))
        elif len(segs) > 1:
            out.append((ln, segs[-1] if col > 0 else segs[0]))
        elif (col > 0) == (_indented(ln) or ln.block.align == "right"):
            out.append((ln, segs[0]))
    return out


_DANGLING = re.compile(r"\bот\s*$", re.IGNORECASE)


def _date_below(lines: list[Line], last: Line, found: Grifs) -> DateField | None:
    """«… № 168 от» with the date on a line below, as when columns of a header were merged
    line by line: the first date in the next few lines. The line itself is left to its
    column's own block."""
    for line in lines[last.i + 1:last.i + 4]:
        if line.i in found.used or line.in_table or line.label is not None:
            break
        date = find_date(line.text, line.span())
        if date is not None and date.value is not None:
            return date
    return None


_ISSUER_RU = re.compile(r"(?:приказом|распоряжением|решением|постановлением)\s+"
                        r"(.+?)(?:\s+от\s|\s+№|$)",
                        re.IGNORECASE)


def _issuer(near: list[tuple[Line, str]], text: str, backward: bool) -> TextField | None:
    """Who issued the approving order: «генерального директора», «MMC-nin direktorunun»."""
    if backward:
        first, first_text = near[0]
        if not find_date(first_text) and not _NUMBER.search(first_text):
            return TextField(text=first_text.strip()[:120], span=first.span())
        return None
    m = _ISSUER_RU.search(text)
    if m:
        return TextField(text=m.group(1).strip()[:120], span=span_of([ln for ln, _ in near]))
    # «Təsdiq edilmişdir / «…» MMC-nin baş direktorunun / … tarixli … nömrəli əmri ilə»
    issuer = list(itertools.takewhile(
        lambda pair: not find_date(pair[1]) and not _NUMBER.search(pair[1]), near[1:]))
    if not issuer:
        return None
    return TextField(text=" ".join(t.strip() for _, t in issuer)[:120],
                     span=span_of([ln for ln, _ in issuer]))


_PARENS = re.compile(r"\((?:[^()]|\([^()]*\))*\)", re.DOTALL)
_SEP = "\x1e"


# A bracket that cites a record is content, not a caption: «(протокол №12 от 29.08.2025)».
_REFERENCE = re.compile(r"\d|протокол|protokol", re.IGNORECASE)


def _drop_captions(texts: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """Remove captions in brackets, even when one spans several lines or cells; a bracket
    citing a record (a protocol, a number, a date) stays."""
    if not texts:
        return texts
    joined = _SEP.join(t for _, t in texts)
    stripped = _PARENS.sub(lambda m: m.group(0) if _REFERENCE.search(m.group(0))
                           else _SEP * m.group(0).count(_SEP) + " ", joined)
    parts = stripped.split(_SEP)
    return [(ln, p) for (ln, _), p in zip(texts, parts, strict=True)]


def _signatory(texts: list[tuple[Line, str]], allow_full: bool = False) -> Signatory:
    """Position, signature, name and date from a grif's lines."""
    signature_caption = any(re.search(r"\((?:подпись|imza)\)", t, re.IGNORECASE) for _, t in texts)
    name_caption = next((find_name(t, ln.span()) for ln, t in texts
                         if _NAME_CAPTION.search(t)), None)
    texts = _drop_captions(texts)
    position: list[str] = []
    pos_lines: list[Line] = []
    signature = name = date = None
    for line, text in texts:
        for part in text.split("\n"):
            part = part.strip()
            if not part:
                continue
            sp = line.span()
            d = find_date(part, sp)
            if d is not None and date is None:
                date = d
                if is_blank_line(part.replace(d.text, "")) or d.value is not None:
                    continue
            before = name is not None and name.form != "placeholder" and (
                date is not None or signature is not None)
            s = find_signature(part, sp)
            n = find_name(part, sp, allow_full=allow_full and s is not None)
            signature = signature or s
            if n is not None and (name is None or name.form == "placeholder"):
                name = n
            rest = _strip_fields(part, n.text if n else "", d.text if d else "")
            if rest and not before and not _CAPTION.match(rest) and not _is_placeholder(rest):
                position.append(rest)
                pos_lines.append(line)
    pos = TextField(text=" ".join(position)[:200], span=span_of(pos_lines)) if position else None
    if signature is None and signature_caption:
        signature = SignatureField(state="blank", text="(подпись)", span=texts[0][0].span())
    if name is None and name_caption is not None:
        name = name_caption
    return Signatory(position=pos, signature=signature, name=name, date=date)


_NAME_CAPTION = re.compile(r"\((?:фамилия|инициалы|ф\.?\s?и\.?\s?о|расшифровка|ad|soyad)",
                           re.IGNORECASE)


def _strip_fields(text: str, name: str, date: str) -> str:
    for piece in (name, date):
        if piece:
            text = text.replace(piece, " ")
    text = re.sub(r"_+|\(\s*\)", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:/")
    return text if re.search(r"[^\W\d_]{2,}", text) else ""


_PLACEHOLDER = re.compile(r"^(?:подпись|ф\.?\s?и\.?\s?о\.?|фамилия.*|инициалы.*|расшифровка.*|"
                          r"imza|ad.? soyad.*|дата.*|tarix)$", re.IGNORECASE)


def _is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip(" ()")))


def _agreement(lines: list[Line], marker: Line, hit: tuple[int, str], found: Grifs,
               lex: Lexicon) -> AgreementBlock | None:
    col, tail = hit
    stop = _stop_markers(lex)
    region = _region(lines, marker, col, found, limit=12, stop=stop)
    groups = _group_signatories(region, tail, marker)
    signatories = [_signatory(g) for g in groups]
    while signatories and not marker.in_table and not region[-1][0].in_table and \
            not (signatories[-1].name or signatories[-1].signature or signatories[-1].date):
        signatories.pop()
    signatories = [s for s in signatories if s.position or s.name]
    used = [marker] + [ln for ln, _ in region]
    found.used.update(ln.i for ln in used)
    found.starts[marker.i] = "agreement"
    block = AgreementBlock(marker=_QUOTES.sub("", _segments(marker)[col])[:60],
                           signatories=tuple(signatories), span=span_of(used))
    for earlier in found.agreements:
        if _same_signatories(earlier, block):
            found.notes.append(("D207", "the agreement block is repeated; counted once",
                                marker.block.index))
            return None
    return block


def _stop_markers(lex: Lexicon) -> re.Pattern[str]:
    cached = lex.cache.get("grif-stop")
    if cached is not None:
        return cached
    parts = (lex.markers["acknowledgment"]["markers"] + lex.markers["agreement"]["markers"]
             + lex.markers["approval"]["signature"] + lex.markers["approval"]["order"]
             + lex.markers["signoff"]["markers"])
    from jdcheck.structure.lexicon import phrases_regex

    rx = phrases_regex(parts, whole=False)
    compiled = re.compile(r"^(?:" + rx.pattern[len("(?:^|\\s)"):] + ")")
    lex.cache["grif-stop"] = compiled
    return compiled


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
        if all(_header_cell(t) for _, t in unit):
            continue
        named = find_name(text, allow_full=find_signature(text) is not None)
        has_position = bool(_strip_fields(text, (named or _NoName).text,
                                          (find_date(text) or _NoName).text))
        has_position = has_position and not _CAPTION.match(text.strip())
        if has_position and (line.in_table or not (groups and _position_only(groups[-1])
                                                   and not _fieldish(text))):
            groups.append(list(unit))
        elif groups:
            groups[-1].extend(unit)
        elif _fieldish(text):
            groups.append(list(unit))
    return groups


_HEADER_CELL = re.compile(r"^(?:№|n|\d{1,2}\.?|должность|ф\s?и\s?о|фамилия.*|подпись.*|дата.*|"
                          r"расшифровка.*|vezife|ad.*|soyad.*|imza|tarix)$")


def _header_cell(text: str) -> bool:
    return bool(_HEADER_CELL.match(key(text))) or not key(text)


class _NoName:
    text = ""


def _position_only(group: list[tuple[Line, str]]) -> bool:
    return not any(_fieldish(t) for _, t in group)


def _same_signatories(a: AgreementBlock, b: AgreementBlock) -> bool:
    def firsts(block: AgreementBlock) -> list[str]:
        return [key(s.position.text).split()[0] if s.position and key(s.position.text) else ""
                for s in block.signatories]

    fa, fb = firsts(a), firsts(b)
    if not fa or len(fa) != len(fb):
        return False
    return sum(x == y for x, y in zip(fa, fb, strict=True)) * 2 >= len(fa)


def _is_ack(line: Line, lex: Lexicon) -> bool:
    if line.words > 16 or (line.label is not None and line.label.kind in ("num", "letter")):
        return False
    rx = lex.marker("acknowledgment", "markers", whole=False)
    k = line.key
    m = rx.search(k)
    return m is not None and m.start() <= 40


def _acknowledgment(lines: list[Line], marker: Line, found: Grifs,
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
        ln for ln in nxt[:4] if not ln.in_table and (ln.words <= 10 or _fieldish(ln.text))
        and ln.label is None]
    region = _until_gap_in_text(region)
    used = [marker] + region
    entries = [_signatory([(ln, ln.text) for ln in region])] if region else []
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
        if out and ln.block.gap_before and not ln.in_table and not _fieldish(ln.text):
            break
        out.append(ln)
    return out
