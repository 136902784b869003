"""What a clause says: a duty, a right, liability, or something else.

The clause's own predicate decides first: an explicit «имеет право», «вправе», «обязан»,
«должен» in a Russian clause (not inside a subordinate clause: «… в каких случаях они вправе …»
is not the clause's own right), or «borcludur», «-malıdır», «hüququna malikdir», «… edə bilər»
closing an Azerbaijani one. Then the grammatical form: the descriptive present («Осуществляет
…», «Təmin edir …») is how duties are written; an infinitive or a verbal noun («Соблюдать …»,
«Əməl etmək …») takes the meaning of the list it stands in (its lead-in line, else its section),
unless its verb, a prohibition or a fixed rhythm («ежедневно …») can only be a duty, or an
idiom («знакомиться с проектами решений») can only be a right.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jdcheck.nlp import modality as m
from jdcheck.nlp.pipeline import ru_tag

_WINDOW = 3
_HEAD = 6
_REACH = 12
_BREAKS = (",", ";", ":", "(", ")")


def _pairs(words: list[str], pairs: tuple[tuple[str, str], ...], prefix: bool) -> bool:
    return _pair_at(words, pairs, prefix) is not None


@cache
def _firsts(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    firsts = tuple(first for first, _ in pairs)
    return firsts, frozenset(firsts)


def _pair_at(words: list[str], pairs: tuple[tuple[str, str], ...], prefix: bool) -> int | None:
    """Index of the word that closes the first pair found (first word when it stands alone)."""
    starts, exact = _firsts(pairs)
    for i, w in enumerate(words):
        if not (w.startswith(starts) if prefix else w in exact):
            continue
        for first, second in pairs:
            if not (w.startswith(first) if prefix else w == first):
                continue
            if not second:
                return i
            for j, x in enumerate(words[i + 1:i + 1 + _WINDOW], start=i + 1):
                if x.startswith(second) if prefix else x == second:
                    return j
    return None


def _sequence(words: list[str], idiom: tuple[str, ...], prefix: bool = False) -> bool:
    at, last = 0, 0
    for i, w in enumerate(words):
        hit = w.startswith(idiom[at]) if prefix else w == idiom[at]
        if hit and (at == 0 or i - last <= _WINDOW + 1):
            last, at = i, at + 1
            if at == len(idiom):
                return True
    return False


# --- Russian -----------------------------------------------------------------------------

def _ru_segments(tokens: list[Any]) -> list[list[Any]]:
    """The clause's own words, by comma segment: a segment stops at a subordinator, so the
    words of a subordinate clause («…, которые могут …», «… в каких случаях вправе …») are
    left out."""
    segments: list[list[Any]] = [[]]
    inside = False
    for t in tokens:
        if t.text in _BREAKS:
            segments.append([])
            inside = False
        elif t.lemma_ in m.RU_SUBORDINATORS:
            inside = True
        elif t.is_alpha and not inside:
            segments[-1].append(t)
    return [s for s in segments if s]


def _ru_modal_right(segment: list[Any]) -> bool:
    """«может …» as a permission, not a possibility («может быть назначен», «может повлечь»)."""
    for i, t in enumerate(segment):
        if t.lemma_ != "мочь":
            continue
        nxt = segment[i + 1] if i + 1 < len(segment) else None
        if nxt is None and i > 0:
            return True
        if nxt is not None and nxt.lemma_ not in m.RU_MOCH_PASSIVE:
            return True
    return False


def _ru_explicit(tokens: list[Any]) -> str | None:
    segments = _ru_segments(tokens)
    if not segments:
        return None
    first = [t.lemma_ for t in segments[0]]
    if first[0] == "право":
        return "right"
    for segment in segments:
        words = [t.lemma_ for t in segment]
        rest = [w for w in words if w != "мочь"]
        right = _pair_at(rest, m.RU_RIGHT, False)
        duty = _pair_at(words, m.RU_DUTY, False)
        forbids = [i for i, t in enumerate(segment) if t.norm_ in m.RU_FORBIDDEN
                   and (i == 0 or segment[i - 1].lemma_ != "не")]
        if forbids and (duty is None or forbids[0] < duty):
            duty = forbids[0]
        if _ru_modal_right(segment):
            right = min(right if right is not None else 99, words.index("мочь"))
        if right is not None and "не" in words[:right + 1][-3:]:
            return "duty"
        if right is not None and (duty is None or right < duty):
            return "right"
        if duty is not None:
            return "duty"
    all_words = [t.lemma_ for t in tokens if t.is_alpha]
    opening = all_words[:10]
    if any(idiom[0] in opening and _sequence(opening, idiom) for idiom in m.RU_RIGHT_IDIOMS):
        return "right"
    if _pairs(all_words, m.RU_LIABILITY, False):
        return "liability"
    return None


# --- Azerbaijani -------------------------------------------------------------------------

def _az_passive_necessity(word: str) -> bool:
    """«təqdim edilməlidir», «yaradılmalıdır»: a necessity of a thing, not of the person."""
    for ending in m.AZ_NECESSITY:
        at = word.rfind(ending)
        if at > 1:
            stem = word[:at]
            return stem.endswith(m.AZ_PASSIVE_STEM) and stem not in m.AZ_NOT_PASSIVE
    return False


def _az_necessity(word: str) -> bool:
    return any(ending in word and word.index(ending) > 1 for ending in m.AZ_NECESSITY) and \
        word.endswith(m.AZ_NECESSITY + m.AZ_NECESSITY_TAIL)


def _az_explicit(tokens: list[Any]) -> str | None:
    words = [t.norm_ for t in tokens if t.is_alpha]
    if not words:
        return None
    tail = words[-_HEAD:]
    if tail[-1] in m.AZ_RIGHT_NOUN:
        return "right"
    right = _pair_at(tail, m.AZ_RIGHT, True)
    if right is not None and tail[right].startswith("biler") and right > 0 and \
            tail[right - 1].endswith(m.AZ_PASSIVE_OPTATIVE):
        right = None  # «cəlb oluna bilər»: something may be done to them, not a right
    if right is not None:
        after = tail[right + 1:]
        if any(w.startswith(m.AZ_NEGATION) for w in after):
            return "duty"
        if "yalniz" in words and tail[right].startswith("biler"):
            return "duty"
        return "right"
    if any(w.startswith(m.AZ_NEGATION) for w in tail[-1:]) and \
            any(w.startswith(("huquq", "selahiyyet", "ixtiyar")) for w in tail):
        return "duty"
    if tail[-1].startswith(m.AZ_PROHIBITION):
        return "duty"
    if _pairs(tail, m.AZ_DUTY, True):
        return "duty"
    necessity = [w for w in tail[-3:] if _az_necessity(w)]
    if necessity and not all(_az_passive_necessity(w) for w in necessity):
        return "duty"
    if _pairs(words, m.AZ_LIABILITY, True):
        return "liability"
    return None


def explicit_tokens(tokens: list[Any], lang: str) -> str | None:
    """A kind the clause's own predicate states outright, or None."""
    return _az_explicit(tokens) if lang == "az" else _ru_explicit(tokens)


def _az_present(word: str) -> bool:
    """A present-tense verb closing the clause («təmin edir», «hazırlayır»), not a predicative
    («malikdir», «borcludur») nor a passive present («verilir», «təmin olunur»)."""
    if len(word) <= 3 or not word.endswith(m.AZ_PRESENT):
        return False
    if word.endswith(m.AZ_PASSIVE_PRESENT) and word not in m.AZ_NOT_PASSIVE_PRESENT:
        return False
    if word.endswith(m.AZ_PREDICATIVE):
        return word.endswith(m.AZ_VOICED_PRESENT) and not word.endswith(m.AZ_LOCATIVE)
    return True


def form(tokens: list[Any], lang: str) -> tuple[str | None, str]:
    """The clause's grammatical form — ``present``, ``passive``, ``infinitive``, ``noun`` or
    None — and its main verb (lemma in Russian; the closing words, folded, in Azerbaijani)."""
    words = [t for t in tokens if t.is_alpha]
    if not words:
        return None, ""
    if lang == "az":
        last = words[-1].norm_
        head = " ".join(w.norm_ for w in words[-3:])
        if last.endswith(m.AZ_INFINITIVE):
            return "infinitive", head
        if _az_necessity(last) and _az_passive_necessity(last):
            return "passive", head
        if _az_present(last):
            return "present", head
        if last.endswith(m.AZ_PASSIVE_PRESENT):
            return "passive", head
        return "noun", head
    # An item may open with an adverbial phrase («На основе анализа … разрабатывает …»): then
    # its verb comes later.
    reach = _REACH if "PREP" in ru_tag(words[0].text) else 4
    for token in words[:reach]:
        tag = ru_tag(token.text)
        if "INFN" in tag:
            return "infinitive", token.lemma_
        if "VERB" in tag and "pres" in tag and "3per" in tag:
            return "present", token.lemma_
    if "NOUN" in ru_tag(words[0].text):
        return "noun", words[0].lemma_
    return None, ""


def lead_kind(words: list[str], lang: str) -> str | None:
    """What a lead-in line announces («… имеет право:» → right)."""
    if lang == "ru":
        if any(w in m.RU_LEAD_RIGHT for w in words) or "право" in words:
            return "right"
        if any(w in m.RU_LEAD_DUTY for w in words) or _pairs(words, m.RU_DUTY, False):
            return "duty"
        return None
    if _pairs(words, m.AZ_RIGHT, True) or any(w.startswith(("huquq", "selahiyyet"))
                                              for w in words):
        return "right"
    if _pairs(words, m.AZ_DUTY, True) or any(
            w.startswith(("vezife", "ohdelik", "funksiya", "yerine")) for w in words):
        return "duty"
    return None


def _duty_by_meaning(tokens: list[Any], verb: str, lang: str) -> bool:
    """An item that can only be an obligation: its verb, a prohibition, a fixed rhythm."""
    if lang == "az":
        words = [t.norm_ for t in tokens if t.is_alpha]
        joined = " " + " ".join(words)
        closing = " " + " ".join(words[-3:])
        if any(f" {v}" in closing for v in m.AZ_DEMAND):
            return False
        if words and words[-1].endswith(m.AZ_NEGATIVE_INFINITIVE):
            return not any(w.endswith(m.AZ_CONDITION) for w in words[:-1])
        if any(f" {cue}" in joined for cue in m.AZ_DUTY_CUES):
            return True
        return any(f" {v}" in closing for v in m.AZ_DUTY_VERBS)
    words = [t.lemma_ for t in tokens if t.is_alpha]
    if not words:
        return False
    if words[0] == "не":
        return len(words) < 2 or words[1] not in m.RU_REFUSAL
    if words[0] in m.RU_DUTY_CUES or _sequence(words, ("установленный", "срок")):
        return True
    if verb == "вести" and any(w in m.RU_VESTI_RIGHT for w in words[:4]):
        return False
    return verb in m.RU_DUTY_VERBS


def _privilege(tokens: list[Any]) -> bool:
    """«пользуется бесплатно …», «имеет льготы …»: a benefit, so a right in any list."""
    return any(t.lemma_ in m.RU_PRIVILEGE for t in tokens)


def _right_by_meaning(tokens: list[Any], verb: str, lang: str) -> bool:
    """An item that can only be a right («обжаловать …», «на рабочее место …»)."""
    if lang == "az":
        words = [t.norm_ for t in tokens if t.is_alpha]
        joined = " " + " ".join(words)
        return any(f" {v}" in joined for v in m.AZ_RIGHT_VERBS) or any(
            _sequence(words, idiom, prefix=True) for idiom in m.AZ_RIGHT_IDIOMS
            if f" {idiom[0]}" in joined)
    words = [t.lemma_ for t in tokens if t.is_alpha]
    if len(words) > 1 and words[0] == "не" and words[1] in m.RU_REFUSAL:
        return False
    return verb in m.RU_RIGHT_VERBS or (bool(words) and words[0] == "на"
                                        and not _place(tokens))


def _place(tokens: list[Any]) -> bool:
    """«На складе …», «на баре: салфетки»: «на» naming a place (locative), not a right to
    something («на отдых», «на рабочее место», accusative)."""
    alpha = [t for t in tokens if t.is_alpha]
    tag = ru_tag(alpha[1].text) if len(alpha) > 1 else ""
    return "loct" in tag or "loc2" in tag


def classify(tokens: list[Any], lang: str, context: str | None) -> str:
    """The kind of a clause; ``context`` is what its lead-in or section makes items mean."""
    found = explicit_tokens(tokens, lang)
    if found is not None:
        return found
    shape, verb = form(tokens, lang)
    if shape == "present":
        if context == "right" and lang == "ru" and verb in m.RU_RIGHT_PRESENT:
            return "right"
        if lang == "ru" and verb in m.RU_RIGHT_PRESENT and _privilege(tokens):
            return "right"
        return "duty"
    if shape == "passive":
        return context or "other"
    if context == "right" and _duty_by_meaning(tokens, verb, lang):
        return "duty"
    if context == "duty" and _right_by_meaning(tokens, verb, lang):
        return "right"
    return context or "other"
