"""Lexicons (named term lists per language, in data files) and lemma phrases, compiled into one
spaCy Matcher per language.

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
from typing import Any

from jdcheck.nlp.azerbaijani import fold as az_fold
from jdcheck.nlp.pipeline import nlp, ru_term_lemma

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


def _alternative(word: str, lang: str) -> str | None:
    """A regular expression for one single-token word (None when it spans several tokens)."""
    exact = word.startswith("=")
    star = word.endswith("*")
    core = word.strip("=*")
    tokens = [t.text for t in nlp(lang).make_doc(core)]
    if len(tokens) != 1:
        return None
    norm = az_fold(core) if lang == "az" else core.lower().replace("ё", "е")
    if exact or not core.isalpha():
        return _escape(norm) + "$"
    if lang == "az":
        return _escape(norm)
    if star:
        return _escape(ru_term_lemma(core) if len(core) > 3 else norm)
    return _escape(ru_term_lemma(core)) + "$"


def _choice(words: list[str], lang: str, where: str) -> list[dict[str, Any]]:
    """One token that may be any of ``words`` (matched on the norm in Azerbaijani and for
    exact words, else on the lemma)."""
    parts = []
    if not words:
        return [{"NORM": {"REGEX": "(?!)"}}]
    for w in words:
        rx = _alternative(w, lang)
        if rx is None:
            raise LexiconError(f"{where}: «{w}» is more than one word and cannot be an "
                               "alternative")
        parts.append(rx)
    attr = "NORM" if lang == "az" or all(w.startswith("=") for w in words) else "LEMMA"
    return [{attr: {"REGEX": "^(?:" + "|".join(parts) + ")"}}]


def _word_spec(word: str, lang: str) -> list[dict[str, Any]]:
    exact = word.startswith("=")
    star = word.endswith("*")
    core = word.strip("=*")
    tokens = [t.text for t in nlp(lang).make_doc(core)] or [core]
    specs: list[dict[str, Any]] = []
    for n, tok in enumerate(tokens):
        last = n == len(tokens) - 1
        norm = az_fold(tok) if lang == "az" else tok.lower().replace("ё", "е")
        if tok.isdigit() and not exact:
            specs.append({"NORM": {"REGEX": f"^{tok}(?!\\d)"}})
        elif exact or not tok.isalpha() or not last:
            specs.append({"NORM": norm})
        elif lang == "az":
            specs.append({"NORM": {"REGEX": "^" + _escape(norm)}})
        elif star:
            specs.append({"LEMMA": {"REGEX": "^" + _escape(ru_term_lemma(tok) if len(tok) > 3
                                                            else norm)}})
        else:
            specs.append({"LEMMA": ru_term_lemma(tok)})
    return specs


def _escape(text: str) -> str:
    import re

    return re.escape(text)


def term_pattern(term: str, lang: str,
                 classes: dict[str, Lexicon] | None = None) -> list[dict[str, Any]]:
    """The spaCy Matcher pattern for one term; ``classes`` resolves «@name» words."""
    pattern: list[dict[str, Any]] = []
    for word in term.split():
        if word in GAP:
            pattern.append({"OP": "{0,4}"})
        elif word.startswith("@"):
            lex = (classes or {}).get(word[1:])
            if lex is None:
                raise LexiconError(f"term «{term}»: no lexicon named «{word[1:]}»")
            pattern.extend(_choice(list(lex.terms.get(lang, ())), lang, f"term «{term}»"))
        elif word.startswith("!"):
            spec = _choice(word[1:].split("|"), lang, f"term «{term}»")[0]
            attr, rx = next(iter(spec.items()))
            pattern.append({attr: {"REGEX": "^(?!" + rx["REGEX"][1:] + ")"}})
        elif "|" in word:
            pattern.extend(_choice(word.split("|"), lang, f"term «{term}»"))
        else:
            pattern.extend(_word_spec(word, lang))
    return pattern


@dataclass
class TermMatcher:
    """Matchers for the lexicons and lemma phrases the loaded rules use, built once."""

    lexicons: dict[str, Lexicon]
    phrases: frozenset[str] = frozenset()
    _matchers: dict[str, Any] = field(default_factory=dict)

    def matcher(self, lang: str) -> Any:
        """The Matcher for a language (keys «term:NAME» and «lemmas:PHRASE»)."""
        if lang not in self._matchers:
            from spacy.matcher import Matcher

            m = Matcher(nlp(lang).vocab)
            for name, lex in self.lexicons.items():
                patterns = [term_pattern(t, lang, self.lexicons)
                            for t in lex.terms.get(lang, ())]
                patterns = [p for p in patterns if p]
                if patterns:
                    m.add(f"term:{name}", patterns)
            for phrase in self.phrases:
                pattern = term_pattern(phrase, lang)
                if pattern:
                    m.add(f"lemmas:{phrase}", [pattern])
            self._matchers[lang] = m
        return self._matchers[lang]
