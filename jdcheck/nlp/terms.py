"""Lexicons (named term lists per language, in data files) and lemma phrases, compiled once per
language into an index over the words they test.

Term syntax: words separated by spaces; «...» lets up to four words come between; a word
ending in «*» matches any word it starts (by lemma in Russian, by folded form in Azerbaijani);
a word starting with «=» must match exactly; «a|b» matches either word; «@name» matches any word of
the lexicon «name», which must hold single words only (a class of words, such as the third
parties a debt can be owed by); «!a|b» matches one word that is none of them («!nəzərdə tutul»
finds «tutulur» but not «nəzərdə tutulur»). Other Russian words match by lemma (pymorphy3), so
«несёт полную материальную ответственность» also matches «несут полной материальной
ответственности»; other Azerbaijani words match any form they start, with letters folded, so
«məsuliyyət» matches «məsuliyyətindən» and «mesuliyyet».
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from jdcheck.nlp.azerbaijani import fold as az_fold
from jdcheck.nlp.pipeline import nlp, ru_term_lemma, words

GAP = ("...", "…")
LANGS = ("ru", "az")


@dataclass(frozen=True)
class Lexicon:
    """A named list of terms per language, from a lexicon file."""

    name: str
    terms: dict[str, tuple[str, ...]]
    description: str = ""
    source: str = ""


class LexiconError(Exception):
    """A lexicon file that cannot be used."""


def load_lexicons(paths: list[Path]) -> dict[str, Lexicon]:
    """All lexicons of the given TOML files (a later file may not redefine a name)."""
    out: dict[str, Lexicon] = {}
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise LexiconError(f"{path}: cannot read the lexicon file: {exc}") from None
        for name, table in data.items():
            if not isinstance(table, dict):
                raise LexiconError(f"{path}: «{name}» must be a table of language = [terms]")
            if name in out:
                raise LexiconError(f"{path}: lexicon «{name}» is already defined in "
                                   f"{out[name].source}")
            terms = {lang: tuple(table.get(lang, ())) for lang in LANGS}
            out[name] = Lexicon(name, terms, str(table.get("description", "")), str(path))
    for lex in out.values():
        for term in (t for terms in lex.terms.values() for t in terms):
            for word in term.split():
                ref = word[1:] if word.startswith("@") else None
                if ref is None:
                    continue
                if ref not in out:
                    raise LexiconError(f"{lex.source}: term «{term}» of «{lex.name}» names "
                                       f"no lexicon «{ref}»")
                if any(" " in t for ts in out[ref].terms.values() for t in ts):
                    raise LexiconError(f"{lex.source}: «{ref}», used as a class in «{term}», "
                                       "must hold single words only")
    return out


# --- Compiling terms -------------------------------------------------------------------
#
# A term becomes a sequence of elements, each a set of «atoms» one token must satisfy (or, for
# «!a|b», must not), with the gap allowed before it. An atom is one test on one attribute of a
# token: the lemma or the norm equals a value, starts with a value, or (for numbers) has that
# leading number. Each distinct word is tested once against every atom through dictionaries
# (equal values, and every prefix of the word), and the result is kept, so a text costs a few
# dictionary lookups per token whatever the number of terms.

Atom = tuple[str, str, str]          # (test: eq | pre | num, attribute: lemma | norm, value)


@dataclass(frozen=True)
class _Element:
    atoms: frozenset[Atom]
    negate: bool = False
    gap: int = 0                     # tokens that may come before it (after the previous one)


def _norm(text: str, lang: str) -> str:
    return az_fold(text) if lang == "az" else text.lower().replace("ё", "е")


def _single(word: str, lang: str, where: str) -> Atom:
    """The atom of a one-token word («=exact», «prefix*», a number, a lemma, an Azerbaijani
    prefix)."""
    exact = word.startswith("=")
    star = word.endswith("*")
    core = word.strip("=*")
    tokens = [t.text for t in nlp(lang).make_doc(core)]
    if len(tokens) != 1:
        raise LexiconError(f"{where}: «{word}» is more than one word and cannot be an "
                           "alternative")
    norm = _norm(core, lang)
    if core.isdigit() and not exact:
        return ("num", "norm", core)
    if exact or not core.isalpha():
        return ("eq", "norm", norm)
    if lang == "az":
        return ("pre", "norm", norm)
    if star:
        return ("pre", "lemma", ru_term_lemma(core) if len(core) > 3 else norm)
    return ("eq", "lemma", ru_term_lemma(core))


def _word(word: str, lang: str) -> list[Atom]:
    """The atoms of a plain word, one per token it spans («форс-мажор*» spans three)."""
    exact = word.startswith("=")
    star = word.endswith("*")
    core = word.strip("=*")
    tokens = [t.text for t in nlp(lang).make_doc(core)] or [core]
    out: list[Atom] = []
    for n, tok in enumerate(tokens):
        last = n == len(tokens) - 1
        if tok.isdigit() and not exact:
            out.append(("num", "norm", tok))
        elif exact or not tok.isalpha() or not last:
            out.append(("eq", "norm", _norm(tok, lang)))
        else:
            out.append(_single(tok + ("*" if star else ""), lang, word))
    return out


def compile_term(term: str, lang: str,
                 classes: dict[str, Lexicon] | None = None) -> tuple[_Element, ...]:
    """The elements of one term; ``classes`` resolves «@name» words."""
    where = f"term «{term}»"
    elements: list[_Element] = []
    gap = 0
    for word in term.split():
        if word in GAP:
            gap = MAX_GAP
            continue
        if word.startswith("@"):
            lex = (classes or {}).get(word[1:])
            if lex is None:
                raise LexiconError(f"{where}: no lexicon named «{word[1:]}»")
            words = list(lex.terms.get(lang, ()))
            elements.append(_Element(frozenset(_single(w, lang, where) for w in words),
                                     gap=gap))
        elif word.startswith("!"):
            elements.append(_Element(frozenset(_single(w, lang, where)
                                               for w in word[1:].split("|")),
                                     negate=True, gap=gap))
        elif "|" in word:
            elements.append(_Element(frozenset(_single(w, lang, where)
                                               for w in word.split("|")), gap=gap))
        else:
            for n, atom in enumerate(_word(word, lang)):
                elements.append(_Element(frozenset({atom}), gap=gap if n == 0 else 0))
        gap = 0
    return tuple(elements)


MAX_GAP = 4


class _Step(NamedTuple):
    """An element as matching tests it: the bits of its atoms in a token's mask."""

    mask: int
    negate: bool
    gap: int


@dataclass
class _Compiled:
    """The terms of one language, indexed by the atoms of their anchor element. Each atom has
    a bit; a token is the bit mask of the atoms it satisfies, so testing an element on a token,
    or whether a text holds every word a term needs, is one integer operation."""

    terms: list[tuple[str, tuple[_Step, ...]]]
    bit: dict[Atom, int]
    first: dict[Atom, list[int]]
    always: list[int]
    eq: dict[str, dict[str, list[Atom]]]
    pre: dict[str, dict[str, list[Atom]]]
    num: dict[str, list[Atom]]
    required: list[tuple[int, tuple[int, ...]]]   # (bits all needed, masks one of each needed)
    cache: dict[tuple[str, str], int] = field(default_factory=dict)
    by_hash: dict[int, int] = field(default_factory=dict)
    anchored: dict[int, tuple[int, ...]] = field(default_factory=lambda: {0: ()})

    def atoms(self, lemma: str, norm: str) -> int:
        """The mask of every atom a token with this lemma and norm satisfies (kept per
        distinct word, with the terms anchored on them)."""
        key = (lemma, norm)
        found = self.cache.get(key)
        if found is not None:
            return found
        out: set[Atom] = set()
        for attr, value in (("lemma", lemma), ("norm", norm)):
            out.update(self.eq[attr].get(value, ()))
            prefixes = self.pre[attr]
            if prefixes:
                for k in range(1, len(value) + 1):
                    out.update(prefixes.get(value[:k], ()))
        if norm[:1].isdigit():
            k = 0
            while k < len(norm) and norm[k].isdigit():
                k += 1
            out.update(self.num.get(norm[:k], ()))
        mask = 0
        for atom in out:
            mask |= 1 << self.bit[atom]
        if mask not in self.anchored:
            self.anchored[mask] = tuple(sorted({n for a in out for n in self.first.get(a, ())}))
        if len(self.cache) < 500_000:
            self.cache[key] = mask
        return mask


def _compile(entries: list[tuple[str, tuple[_Element, ...]]]) -> _Compiled:
    bit: dict[Atom, int] = {}
    first: dict[Atom, list[int]] = {}
    always: list[int] = []
    eq: dict[str, dict[str, list[Atom]]] = {"lemma": {}, "norm": {}}
    pre: dict[str, dict[str, list[Atom]]] = {"lemma": {}, "norm": {}}
    num: dict[str, list[Atom]] = {}
    for n, (_, elements) in enumerate(entries):
        anchor = _anchor(elements)
        if anchor is None:
            always.append(n)
        else:
            for atom in anchor.atoms:
                first.setdefault(atom, []).append(n)
        for element in elements:
            for atom in element.atoms:
                bit.setdefault(atom, len(bit))
                test, attr, value = atom
                table = num if test == "num" else (eq if test == "eq" else pre)[attr]
                bucket = table.setdefault(value, [])
                if atom not in bucket:
                    bucket.append(atom)

    def mask(atoms: frozenset[Atom]) -> int:
        return sum(1 << bit[a] for a in atoms)

    terms = [(key, tuple(_Step(mask(e.atoms), e.negate, e.gap) for e in elements))
             for key, elements in entries]
    required = []
    for _, elements in entries:
        positive = [e.atoms for e in elements if not e.negate and e.atoms]
        required.append((mask(frozenset(a for atoms in positive if len(atoms) == 1
                                        for a in atoms)),
                         tuple(mask(atoms) for atoms in positive if len(atoms) > 1)))
    return _Compiled(terms, bit, first, always, eq, pre, num, required)


def _anchor(elements: tuple[_Element, ...]) -> _Element | None:
    """The element a text must contain for the term to be worth trying: the positive one
    whose shortest word is longest (short words such as «за», «в», «не» are everywhere)."""
    positive = [e for e in elements if not e.negate and e.atoms]
    if not positive:
        return None
    return max(positive, key=lambda e: min(len(value) for _, _, value in e.atoms))


def _extend(steps: tuple[_Step, ...], tokens: list[int], j: int, pos: int,
            stop: int) -> int | None:
    """End of a match of steps[j:] starting at or after ``pos`` (within each gap and before
    ``stop``)."""
    if j == len(steps):
        return pos
    step = steps[j]
    for p in range(pos, min(pos + step.gap + 1, stop)):
        if bool(tokens[p] & step.mask) != step.negate:
            end = _extend(steps, tokens, j + 1, p + 1, stop)
            if end is not None:
                return end
    return None


@dataclass
class TermMatcher:
    """The lexicons and lemma phrases the loaded rules use, compiled once per language."""

    lexicons: dict[str, Lexicon]
    phrases: frozenset[str] = frozenset()
    _compiled: dict[str, _Compiled] = field(default_factory=dict)

    def _for(self, lang: str) -> _Compiled:
        if lang not in self._compiled:
            entries: list[tuple[str, tuple[_Element, ...]]] = []
            for name, lex in self.lexicons.items():
                for term in lex.terms.get(lang, ()):
                    elements = compile_term(term, lang, self.lexicons)
                    if elements:
                        entries.append((f"term:{name}", elements))
            for phrase in sorted(self.phrases):
                elements = compile_term(phrase, lang)
                if elements:
                    entries.append((f"lemmas:{phrase}", elements))
            self._compiled[lang] = _compile(entries)
        return self._compiled[lang]

    def token_atoms(self, lang: str, tokens: Any) -> list[int]:
        """The atom mask of each token of a spaCy Doc, or of each Word of a list."""
        if not isinstance(tokens, list):
            tokens = words(tokens, lang)
        compiled = self._for(lang)
        by_hash = compiled.by_hash
        out: list[int] = []
        for word in tokens:
            mask = by_hash.get(word.orth)
            if mask is None:
                mask = compiled.atoms(word.lemma_, word.norm_)
                if len(by_hash) < 500_000:
                    by_hash[word.orth] = mask
            out.append(mask)
        return out

    def find(self, lang: str, atoms: list[int],
             spans: list[tuple[int, int]] | None = None) -> list[dict[str, tuple[int, int]]]:
        """For each span of tokens (start, end; default: all of them), the first match (start
        and end token, relative to the span) of every key found inside it."""
        spans = spans if spans is not None else [(0, len(atoms))]
        compiled = self._for(lang)
        return [self._find(compiled, atoms[lo:hi]) for lo, hi in spans]

    @staticmethod
    def _find(compiled: _Compiled, tokens: list[int]) -> dict[str, tuple[int, int]]:
        if not tokens:
            return {}
        present = 0
        candidates: set[int] = set(compiled.always)
        anchored = compiled.anchored
        for mask in set(tokens):
            present |= mask
            candidates.update(anchored[mask])
        found: dict[str, tuple[int, int]] = {}
        stop = len(tokens)
        required, terms = compiled.required, compiled.terms
        for n in sorted(candidates):
            # every word the term needs must occur somewhere in the text
            every, each = required[n]
            if present & every != every or not all(present & m for m in each):
                continue
            key, steps = terms[n]
            head = steps[0]
            limit = found[key][0] if key in found else stop
            for i in range(limit):
                if bool(tokens[i] & head.mask) != head.negate:
                    end = _extend(steps, tokens, 1, i + 1, stop)
                    if end is not None:
                        found[key] = (i, end)
                        break
        return found

    def match(self, lang: str, tokens: Any) -> dict[str, tuple[int, int]]:
        """The first match of every key in a spaCy Doc (token offsets within it)."""
        return self.find(lang, self.token_atoms(lang, tokens))[0]
