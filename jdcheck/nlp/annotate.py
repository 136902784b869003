"""Annotations a document's rules read: per clause its language, the lexicon terms and lemma
phrases found in it (with where), its numbers and, once classified, what kind of clause it is.

All clause texts of one language go through spaCy together as one text, so a document costs
one pipeline call per language; matches that would straddle two clauses are dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from jdcheck.model import Document
from jdcheck.nlp import language
from jdcheck.nlp.classify import classify as classify_clause
from jdcheck.nlp.classify import lead_kind
from jdcheck.nlp.numbers import Quantity, amounts, shares
from jdcheck.nlp.pipeline import distinct_words, nlp
from jdcheck.nlp.terms import TermMatcher

_SEPARATOR = "\n\n"


@dataclass
class Facts:
    """What is known about one piece of text (a clause, a section or the whole document)."""

    text: str
    lang: str
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    kind: str = "unknown"
    lead: Facts | None = None
    lead_start: int = 0
    _shares: list[Quantity] | None = None
    _amounts: list[Quantity] | None = None

    @property
    def shares(self) -> list[Quantity]:
        """Shares of pay named in the text."""
        if self._shares is None:
            self._shares = shares(self.text)
        return self._shares

    @property
    def amounts(self) -> list[Quantity]:
        """Money amounts named in the text."""
        if self._amounts is None:
            self._amounts = amounts(self.text)
        return self._amounts


@dataclass
class Annotations:
    """Facts per clause (by section and clause index), per section and for the position."""

    clauses: dict[tuple[int, int], Facts] = field(default_factory=dict)
    sections: dict[int, Facts] = field(default_factory=dict)
    document: Facts | None = None
    position: Facts | None = None
    tokens: dict[tuple[int, int], Any] = field(default_factory=dict)


def annotate(doc: Document, matcher: TermMatcher, kinds: frozenset[str] | None,
             classify: bool = False,
             classify_kinds: frozenset[str] | None = None) -> Annotations:
    """Annotate the clauses of the sections of ``kinds`` (None: every section); ``classify``
    also decides what each clause of the sections of ``classify_kinds`` (None: every
    section) says (duty, right, liability …)."""
    ann = Annotations()
    fallback = doc.language if doc.language in ("ru", "az") else "ru"
    by_lang: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for s in doc.sections:
        if kinds is not None and not (set(s.kinds) & kinds):
            continue
        for c in s.clauses:
            lang = _lang(c.text, fallback)
            by_lang.setdefault(lang, []).append(((s.index, c.index), c.text))
            ann.clauses[(s.index, c.index)] = Facts(c.text, lang)
    if doc.position:
        by_lang.setdefault(_lang(doc.position, fallback), []).append(((-1, -1), doc.position))
        ann.position = Facts(doc.position, _lang(doc.position, fallback))
    for lang, items in by_lang.items():
        _run(lang, items, matcher, ann, classify)
    _link_leads(doc, ann)
    if classify:
        _classify(doc, ann, classify_kinds)
    texts: dict[int, list[str]] = {}
    for (si, _), facts in ann.clauses.items():
        if si not in ann.sections:
            ann.sections[si] = Facts("", facts.lang)
            texts[si] = []
        texts[si].append(facts.text)
        section_keys = ann.sections[si].keys
        for key, where in facts.keys.items():
            section_keys.setdefault(key, where)
    for si, parts in texts.items():
        ann.sections[si].text = _SEPARATOR.join(parts)
    whole = Facts(_SEPARATOR.join(f.text for f in ann.clauses.values()), fallback)
    for section in ann.sections.values():
        for key, where in section.keys.items():
            whole.keys.setdefault(key, where)
    ann.document = whole
    return ann


def _link_leads(doc: Document, ann: Annotations) -> None:
    """Give each list item the facts of its lead-in line: «Работник несёт полную материальную
    ответственность:» is part of what every item under it says."""
    for s in doc.sections:
        for c in s.clauses:
            if c.parent is None or not s.clauses[c.parent].lead_in:
                continue
            facts = ann.clauses.get((s.index, c.index))
            lead = ann.clauses.get((s.index, c.parent))
            if facts is not None and lead is not None:
                facts.lead = lead
                span = s.clauses[c.parent].span
                start, end = span.start, span.end
                length = len(s.clauses[c.parent].text)
                facts.lead_start = (end - length if start is not None and end is not None
                                    and end - start >= length else start or 0)


_SECTION_CONTEXT: dict[tuple[str, ...], str] = {("duties",): "duty", ("functions",): "duty",
                                               ("rights",): "right"}


def _classify(doc: Document, ann: Annotations, kinds: frozenset[str] | None) -> None:
    """Set each annotated clause's kind from its tokens, its lead-in and its section."""
    for s in doc.sections:
        if kinds is not None and not set(s.kinds) & kinds:
            continue
        for c in s.clauses:
            facts = ann.clauses.get((s.index, c.index))
            tokens = ann.tokens.get((s.index, c.index))
            if facts is None or tokens is None:
                continue
            context = _SECTION_CONTEXT.get(tuple(s.kinds))
            if c.parent is not None and s.clauses[c.parent].lead_in:
                lead = ann.tokens.get((s.index, c.parent))
                if lead is not None:
                    lead_words = [t.lemma_ if facts.lang == "ru" else t.norm_ for t in lead
                                  if t.is_alpha]
                    context = lead_kind(lead_words, facts.lang) or context
            facts.kind = classify_clause(list(tokens), facts.lang, context)


_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzəığşçöüABCDEFGHIJKLMNOPQRSTUVWXYZƏIĞŞÇÖÜİ")
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def _lang(text: str, fallback: str) -> str:
    # a clause with no letter of the other script is in the document's language (the common
    # case, and cheap: detection would say the same); anything else is detected
    if fallback == "ru" and _LATIN.isdisjoint(text):
        return "ru"
    if fallback == "az" and _CYRILLIC.isdisjoint(text):
        return "az"
    found = language.detect(text, fallback)
    if found == "mixed":
        s = language.shares(text)
        return "ru" if s.get("ru", 0) >= s.get("az", 0) else "az"
    return found if found in ("ru", "az") else fallback


def _run(lang: str, items: list[tuple[tuple[int, int], str]], matcher: TermMatcher,
         ann: Annotations, keep_tokens: bool) -> None:
    """One spaCy call for all texts of a language; each text's terms found in its own tokens."""
    from spacy.attrs import IDX

    starts: list[int] = []
    pos = 0
    for _, text in items:
        starts.append(pos)
        pos += len(text) + len(_SEPARATOR)
    # the tokenizer alone: the Words below carry the lemmas, made once per distinct form
    spacy_doc = nlp(lang).make_doc(_SEPARATOR.join(text for _, text in items))
    forms, where = distinct_words(spacy_doc, lang)
    tokens = [forms[i] for i in where]
    form_atoms = matcher.token_atoms(lang, forms)
    atoms = [form_atoms[i] for i in where]
    # each text's tokens: from the first token starting at its offset to the last one starting
    # before its end (texts start and end on token boundaries: they are stripped and joined
    # by a blank line)
    idx = spacy_doc.to_array(IDX).tolist() if len(spacy_doc) else []
    firsts = [bisect_left(idx, offset) for offset in starts]
    bounds = [(lo, bisect_left(idx, offset + len(text), lo))
              for lo, offset, (_, text) in zip(firsts, starts, items, strict=True)]
    found = matcher.find(lang, atoms, bounds)
    for (key, _), offset, (lo, hi), keys in zip(items, starts, bounds, found, strict=True):
        if lo == hi:
            continue
        facts = ann.position if key == (-1, -1) else ann.clauses[key]
        if facts is not None:
            for name, (a, b) in keys.items():
                facts.keys.setdefault(name, (idx[lo + a] - offset,
                                             idx[lo + b - 1] + len(tokens[lo + b - 1].text)
                                             - offset))
        if keep_tokens:
            ann.tokens[key] = tokens[lo:hi]
