"""Document-level facts: title and position, organisation, language, jurisdiction, kind."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from jdcheck.model import Block, Evidence, Jurisdiction, Section, TextField
from jdcheck.structure.headings import match_vocabulary
from jdcheck.structure.lexicon import Lexicon
from jdcheck.structure.lines import Line
from jdcheck.structure.normalize import fold_fast, key

_CYR = re.compile(r"[а-яёА-ЯЁ]+")
_LAT = re.compile(r"[a-zA-ZəƏüÜöÖğĞıIİşŞçÇ]+")
_AZ_ONLY = re.compile(r"[əƏğĞıİşŞçÇ]|\b(?:və|üzrə|ilə|edir|olunur|müəssisə|vəzifə|vezife|ve|"
                      r"uzre|ile|isci|huquq|mesuliyyet|telimat)\b", re.IGNORECASE)


@dataclass
class Title:
    """The document's title line(s) and the position it names."""

    text: str
    lines: list[Line]
    kind: str
    position: str | None


def find_title(lines: list[Line], used: set[int], lex: Lexicon) -> Title | None:
    """The best title candidate among the first lines: its kind and the position it names."""
    kinds = [("job-description", lex.marker("title", "job_description", whole=False)),
             ("employment-contract", lex.marker("title", "employment_contract", whole=False)),
             ("order", lex.marker("title", "order", whole=False)),
             ("regulation", lex.marker("title", "regulation", whole=False))]
    best: tuple[int, Title] | None = None
    for line in lines[:80]:
        if line.i in used or line.words > 14 or line.label is not None and line.label.kind == "num":
            continue
        if line.text.rstrip().endswith(":"):
            continue
        for kind, rx in kinds:
            m = rx.search(line.key)
            if not m or (m.start() > 0 and kind != "job-description"):
                continue
            before, after = line.key[:m.start()].split(), line.key[m.end():].split()
            if len(before) > 6 or len(after) > (10 if kind == "job-description" else 3) or (
                    kind == "regulation" and not _regulation_title(line.key)):
                continue
            score = _title_score(line, before, after)
            if best is None or score > best[0]:
                best = (score, Title(line.text, [line], kind, _position(lines, line, before,
                                                                         after, used, lex)))
            break
    return best[1] if best else _characteristic_title(lines, used, lex)


def _characteristic_title(lines: list[Line], used: set[int], lex: Lexicon) -> Title | None:
    """«Sürücünün əmək funksiyası (dərəcələr üzrə)»: the first line of a qualification
    characteristic names the post; a short entry line after it («3. Avtomobil sürücüsü»)
    gives the post in the nominative."""
    rx = lex.marker("title", "characteristic_title", whole=False)
    first = [ln for ln in lines[:80] if ln.i not in used][:3]
    for n, line in enumerate(first):
        m = rx.search(line.key)
        if m is None or line.words > 10 or line.text.rstrip().endswith((":", ".")):
            continue
        if m.start() == 0 and not line.key[m.end():].strip():
            continue
        entry = first[n + 1] if n + 1 < len(first) else None
        position = None
        if entry is not None and entry.words <= 4 and not entry.ends_sentence():
            position = _tidy(entry.body.lower())
        elif m.start() > 0:
            position = _tidy(line.body.split()[0])
        return Title(line.text, [line], "characteristic", position)
    return None


def _regulation_title(k: str) -> bool:
    return k.startswith(("положение о", "esasname")) or k.endswith("esasname") or k == "положение"


def _title_score(line: Line, before: list[str], after: list[str]) -> int:
    b = line.block
    score = 4 if b.table is None else 0
    score += 2 if (line.bold or line.caps or b.heading_level is not None or b.align == "center") \
        else 0
    score += 1 if not before else 0
    score -= line.i // 40
    return score


def _position(lines: list[Line], title: Line, before: list[str], after: list[str],
              used: set[int], lex: Lexicon) -> str | None:
    words = title.body.split()
    if after:
        return _tidy(" ".join(words[len(words) - len(after):]))
    if before:
        return _tidy(" ".join(words[:len(before)]))
    for line in lines[title.i + 1:title.i + 3]:
        if line.i in used or line.label is not None or line.words > 7 or line.in_table \
                or match_vocabulary(line.body, lex):
            continue
        if line.body[:1].islower() or line.caps or line.bold or line.block.align == "center":
            return _tidy(line.body)
    # «KASSİRİN / VƏZİFƏ TƏLİMATI»: the post set on the line above the title
    above = lines[title.i - 1] if title.i > 0 else None
    if above is not None and above.i not in used and above.words <= 4 and not above.in_table \
            and above.label is None and (above.caps or above.bold) \
            and not title.block.gap_before and not match_vocabulary(above.body, lex):
        return _tidy(above.body)
    return None


_AZ_CAPS = re.compile(r"[ƏŞÇĞÖÜİ]")


def _tidy(text: str) -> str | None:
    text = text.strip(" .:«»\"")
    if not text:
        return None
    if not text.isupper():
        return text
    if _AZ_CAPS.search(text):
        # Azerbaijani capitals: «İ» lower-cases to «i» (not «i» with a combining dot), «I» to «ı»
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


_ORG = re.compile(r"\b({forms})\s*[«\"“]([^»\"”\n]{{2,80}})[»\"”]|[«\"“]([^»\"”\n]{{2,80}})[»\"”]"
                  r"\s*({forms})\b")


def find_organisation(blocks: tuple[Block, ...], lex: Lexicon) -> str | None:
    """The organisation named near the top («ООО «…»», «… MMC»), if any."""
    forms = "|".join(re.escape(f) for f in sorted(lex.markers["organisation"]["forms"],
                                                   key=len, reverse=True))
    rx = re.compile(_ORG.pattern.format(forms=forms))
    for block in blocks[:60]:
        m = rx.search(block.text)
        if m:
            return m.group(0).strip()
    return None


def detect_language(text: str) -> tuple[str, dict[str, float]]:
    """``ru``, ``az``, ``mixed`` or ``unknown`` from the scripts and Azerbaijani markers."""
    cyr = sum(map(len, _CYR.findall(text)))
    lat = sum(map(len, _LAT.findall(text)))
    total = cyr + lat
    if total < 20:
        return "unknown", {}
    shares = {"ru": round(cyr / total, 3), "az": round(lat / total, 3)}
    if shares["ru"] >= 0.8:
        return "ru", shares
    if shares["az"] >= 0.8:
        return ("az" if _AZ_ONLY.search(text) else "unknown"), shares
    return "mixed", shares


def detect_jurisdiction(text: str, blocks: tuple[Block, ...], lex: Lexicon) -> Jurisdiction:
    """The labour code the text refers to, with the references as evidence.

    Strong references (the labour code by name) weigh 3, weak ones (a country's laws in
    general) 1; each pattern counts at most three times. Patterns run only on windows around
    the code's needle words, which keeps long documents fast.
    """
    folded = fold_fast(text)
    scores: Counter[str] = Counter()
    evidence: list[Evidence] = []
    for code, needles, patterns in lex.jurisdictions:
        windows = _windows(folded, needles)
        if not windows:
            continue
        for rx, weight in patterns:
            seen: set[int] = set()
            for lo, hi in windows:
                for m in rx.finditer(folded, lo, hi):
                    if m.start() in seen or len(seen) == 3:
                        continue
                    seen.add(m.start())
                    scores[code] += weight
                    if len(seen) <= 2:
                        evidence.append(Evidence(code=code, text=text[m.start():m.end()],
                                                 span=_span_at(blocks, m.start(), m.end())))
    if not scores:
        return Jurisdiction(code="unknown", source="none")
    ranked = scores.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return Jurisdiction(code="unknown", source="none", evidence=tuple(evidence))
    best = ranked[0][0]
    return Jurisdiction(code=best, source="document",  # type: ignore[arg-type]
                        evidence=tuple(e for e in evidence if e.code == best)[:6])


_REACH = 160


def _windows(folded: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged spans of text around every occurrence of the needles."""
    spans = []
    for needle in needles:
        at = folded.find(needle)
        while at >= 0:
            spans.append((max(0, at - _REACH), min(len(folded), at + len(needle) + _REACH)))
            at = folded.find(needle, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _span_at(blocks: tuple[Block, ...], start: int, end: int):  # type: ignore[no-untyped-def]
    lo, hi = 0, len(blocks) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if blocks[mid].start <= start:
            lo = mid
        else:
            hi = mid - 1
    if not blocks:
        return None
    b = blocks[lo]
    return b.span(start - b.start, min(end - b.start, len(b.text)))


def classify(title: Title | None, sections: list[Section], lines: list[Line],
             has_grif: bool, lex: Lexicon) -> tuple[str, str]:
    """The document's kind and the reason, in words a reviewer can check."""
    body_key = " ".join(ln.key for ln in lines[:400])
    order_body = lex.marker("title", "order_body", whole=False).search(body_key)
    kinds = {k for s in sections for k in s.kinds}
    core = kinds & {"general", "duties", "rights", "liability"}
    runin_only = bool(sections) and all(s.recognised_by == "run-in" for s in sections)
    if title is not None and title.kind == "employment-contract":
        return "employment-contract", f"titled «{title.text}»: an employment contract"
    if title is not None and title.kind == "order" or (order_body and not core):
        return "order", "an order (приказ / əmr), not a job description"
    if title is not None and title.kind == "topic" and not has_grif:
        return "article", f"titled «{title.text}»: a text about the post, without sections"
    if title is not None and title.kind == "regulation" and len(core) < 3:
        return "regulation", f"titled «{title.text}»: a regulation, not a job description"
    if lex.marker("title", "vacancy", whole=False).search(body_key[:3000]) and not has_grif \
            and (title is None or len(core) < 2):
        return "vacancy", "a vacancy notice, not an approved job description"
    characteristic = lex.marker("title", "characteristic", whole=False)
    if not has_grif and sections and (runin_only or (
            kinds <= {"functions", "qualification", "duties"}
            and (title is None or title.kind != "job-description")
            and all(characteristic.search(key(s.heading)) for s in sections))):
        return "qualification-characteristic", ("only the duties, knowledge and requirements "
                                                "paragraphs of a qualification characteristic")
    items = sum(1 for ln in lines if ln.label is not None and ln.label.kind == "num")
    if title is not None and title.kind == "job-description":
        if not sections and has_grif and len(lines) < 60:
            return "form", f"titled «{title.text}» with a grif but no body: a blank form"
        if lex.marker("title", "article", whole=False).search(key(title.text)) and not has_grif:
            return "article", f"titled «{title.text}»: a text about job descriptions"
        if not sections and not has_grif and items < 3:
            return "article", f"titled «{title.text}» but without sections, grif or items"
        if kinds == {"other"} and not has_grif:
            return "article", (f"titled «{title.text}», but none of its sections is one of a "
                               "job description")
        return "job-description", f"titled «{title.text}»"
    if not sections and items >= 3 and lex.marker("title", "self_reference",
                                                  whole=False).search(body_key):
        return "job-description", "numbered items of a text that calls itself an instruction"
    if len(core) >= 2 or (kinds and has_grif):
        return "job-description", "no title, but the sections of a job description: " + \
            ", ".join(sorted(kinds))
    if sections and kinds <= {"functions", "duties"} and len(sections) == 1 \
            and len(sections[0].items) >= 3:
        return "job-description", "a list of the post's functions under its own heading"
    return "article" if len(lines) > 3 else "unknown", \
        "no job-description title, grif or sections"


def title_field(title: Title | None) -> TextField | None:
    """The title as a model field."""
    if title is None:
        return None
    return TextField(text=title.text, span=title.lines[0].span())

