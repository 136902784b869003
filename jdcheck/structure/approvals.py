"""The approval grif: «УТВЕРЖДАЮ» with a signature, or approval by an order («УТВЕРЖДЕНА
приказом …», «… əmri ilə təsdiq edilmişdir»)."""

from __future__ import annotations

import itertools
import re

from jdcheck.model import (
    ApprovalBlock,
    DateField,
    OrderRef,
    TextField,
)
from jdcheck.structure.fields import find_date
from jdcheck.structure.grif_layout import (
    NUMBER,
    QUOTES,
    TITLE_LINE,
    Grifs,
    NoMatch,
    fieldish,
    grif_region,
    indented,
    segments,
    span_of,
    stop_markers,
)
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import key
from jdcheck.structure.signatories import read_signatory, strip_fields


def head_marker(line: Line, rx: re.Pattern[str]) -> tuple[int, str] | None:
    """«Təsdiq edilmişdir» on the first line of a paragraph whose next lines (soft line
    breaks) hold the rest of the block."""
    head = line.text.split("\n", 1)[0]
    if "\n" in line.text and len(line.columns()) == 1 and rx.match(key(QUOTES.sub("", head))):
        return 0, line.text
    return None


def approval_signature(lines: list[Line], marker: Line, hit: tuple[int, str],
                        found: Grifs, lex: Lexicon) -> ApprovalBlock:
    col, tail = hit
    # a title set beside the grif («ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ  ______») does not end it
    region = grif_region(lines, marker, col, found, limit=10, stop=stop_markers(lex),
                     title_stops=False)
    titled = next((n for n, (ln, _) in enumerate(region) if TITLE_LINE.search(ln.key)), None)
    if titled is not None:
        region = region[:titled] + [(ln, t) for ln, t in region[titled + 1:] if fieldish(t)
                                    and not re.search(r"[^\W\d_]{3,}", strip_fields(
                                        t, "", (find_date(t) or NoMatch).text))]
    texts = ([(marker, _after_marker(tail))] if tail and _after_marker(tail) else []) + region
    sig = read_signatory(texts, allow_full=True)
    used = [marker] + [ln for ln, _ in region]
    found.used.update(ln.i for ln in used)
    found.starts[marker.i] = "approval"
    marker_text = QUOTES.sub("", segments(marker)[col]).split("\n")[0].strip()
    return ApprovalBlock(form="signature", marker=marker_text[:40], position=sig.position,
                         signature=sig.signature, name=sig.name, date=sig.date,
                         span=span_of(used))


def _after_marker(segment: str) -> str:
    words = segment.split()
    return " ".join(words[1:]) if words and key(words[0]) in ("утверждаю",) else \
        " ".join(words[2:]) if len(words) > 2 else ""


def is_order_approval(lines: list[Line], line: Line, lex: Lexicon) -> bool:
    words = lex.marker("approval", "order_words", whole=False)
    near = lines[max(0, line.i - 3):line.i + 5]
    return any(words.search(key(ln.text)) for ln in near) and line.words <= 16


def approval_order(lines: list[Line], marker: Line, hit: tuple[int, str], found: Grifs,
                    lex: Lexicon) -> ApprovalBlock:
    """«УТВЕРЖДЕНА приказом … от … № …» (read forward) or «… tarixli … nömrəli əmri ilə
    təsdiq edilmişdir» (read backward: the order comes before the marker). In a two-column
    header only the marker's column is read."""
    words = lex.marker("approval", "order_words", whole=False)
    col = hit[0]
    columns = len(segments(marker)) > 1
    head, *inner = segments(marker)[col].split("\n")
    k = key(head)
    within = [(marker, t) for t in inner if t.strip()]     # lines after a soft line break
    backward = azerbaijani = k.endswith(("edilmisdir", "edilib", "olunmusdur", "olunub"))
    if backward and len(k.split()) <= 3:
        # «Təsdiq edilmişdir» alone heads the block as «УТВЕРЖДЕНА» does when the order is
        # written below it
        below = within + _near(lines[marker.i + 1:marker.i + 5], marker, found, col, columns)
        backward = not any(words.search(key(t)) or NUMBER.search(t) for _, t in below)
    if not within:
        head = segments(marker)[col]
    window = lines[max(0, marker.i - 3):marker.i] if backward else lines[marker.i + 1:marker.i + 5]
    texts = ([] if backward else within) + _near(window, marker, found, col, columns)
    def relevant(t: str) -> bool:
        return bool(words.search(key(t)) or find_date(t) or NUMBER.search(t))

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
    number = NUMBER.search(text)
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
    return ApprovalBlock(form="order", marker=segments(marker)[col].split("\n")[0].strip()[:40],
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
        segs = segments(ln)
        if not columns:
            out.append((ln, ln.text))
        elif len(segs) > 1:
            out.append((ln, segs[-1] if col > 0 else segs[0]))
        elif (col > 0) == (indented(ln) or ln.block.align == "right"):
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
        if not find_date(first_text) and not NUMBER.search(first_text):
            return TextField(text=first_text.strip()[:120], span=first.span())
        return None
    m = _ISSUER_RU.search(text)
    if m:
        return TextField(text=m.group(1).strip()[:120], span=span_of([ln for ln, _ in near]))
    # «Təsdiq edilmişdir / «…» MMC-nin baş direktorunun / … tarixli … nömrəli əmri ilə»
    issuer = list(itertools.takewhile(
        lambda pair: not find_date(pair[1]) and not NUMBER.search(pair[1]), near[1:]))
    if not issuer:
        return None
    return TextField(text=" ".join(t.strip() for _, t in issuer)[:120],
                     span=span_of([ln for ln, _ in issuer]))
