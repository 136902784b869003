"""Lexicons (named term lists per language, in data files) and lemma phrases, compiled into one
spaCy Matcher per language.

Term syntax: words separated by spaces; «...» lets up to four words come between; a word
ending in «*» matches any word it starts (by lemma in Russian, by folded form in Azerbaijani);
a word starting with «=» must match exactly. Other Russian words match by lemma (pymorphy3), so
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
from jdcheck.nlp.pipeline import nlp, ru_lemma

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
    return out


def _word_spec(word: str, lang: str) -> list[dict[str, Any]]:
    exact = word.startswith("=")
    star = word.endswith("*")
    core = word.strip("=*")
    tokens = [t.text for t in nlp(lang).make_doc(core)] or [core]
    specs: list[dict[str, Any]] = []
    for n, tok in enumerate(tokens):
        last = n == len(tokens) - 1
        norm = az_fold(tok) if lang == "az" else tok.lower().replace("ё", "е")
        if exact or not tok.isalpha() or not last:
            specs.append({"NORM": norm})
        elif lang == "az":
            specs.append({"NORM": {"REGEX": "^" + _escape(norm)}})
        elif star:
            specs.append({"LEMMA": {"REGEX": "^" + _escape(ru_lemma(tok) if len(tok) > 3
                                                            else norm)}})
        else:
            specs.append({"LEMMA": ru_lemma(tok)})
    return specs


def _escape(text: str) -> str:
    import re

    return re.escape(text)


def term_pattern(term: str, lang: str) -> list[dict[str, Any]]:
    """The spaCy Matcher pattern for one term."""
    pattern: list[dict[str, Any]] = []
    for word in term.split():
        if word in GAP:
            pattern.append({"OP": "{0,4}"})
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
                patterns = [term_pattern(t, lang) for t in lex.terms.get(lang, ())]
                patterns = [p for p in patterns if p]
                if patterns:
                    m.add(f"term:{name}", patterns)
            for phrase in self.phrases:
                pattern = term_pattern(phrase, lang)
                if pattern:
                    m.add(f"lemmas:{phrase}", [pattern])
            self._matchers[lang] = m
        return self._matchers[lang]
