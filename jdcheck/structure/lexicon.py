"""Language data for the parser, loaded once from the TOML files in ``jdcheck/data``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from jdcheck.structure.normalize import key


def _load(name: str) -> dict[str, Any]:
    with resources.files("jdcheck.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


# Azerbaijani endings a heading word can take, in folded spelling: plural, possessive, case
# («hüquqları», «hüquqlarına», «məsuliyyətindən», «funksiyası»), but not derivations such as
# «hüquqşünas» (lawyer) or «səlahiyyətlidir» (is authorised).
_AZ_ENDING = r"(?:l[ae]r)?(?:[iu]|s[iu]|[iu]m[iu]z)?(?:n[iu]n|[iu]n|n?[ae]|n?d[ae]n?)?"
# After a stem whose last vowel is rounded and back («hüquq»), the possessive is «-u»
# («hüququ»); a bare «-i» there makes the adjective («hüquqi», legal), not a case of the noun.
_AZ_ENDING_ROUND = (r"(?:l[ae]r(?:[iu]|s[iu]|[iu]m[iu]z)?|u|umuz)?"
                    r"(?:n[iu]n|[iu]n|n?[ae]|n?d[ae]n?)?")
_VOWELS = re.compile(r"[aeiouı]")


def phrase_pattern(phrase: str) -> str:
    """Regex (over folded text) for a vocabulary phrase; ``*`` lets a word take an ending
    (any ending for a Cyrillic word, an inflectional one for an Azerbaijani word)."""
    words = []
    for word in phrase.split():
        star = word.endswith("*")
        k = key(word.rstrip("*"))
        if not k:
            continue
        ending = ""
        if star:
            vowels = _VOWELS.findall(k)
            ending = r"\w*" if re.search("[а-я]", k) else (
                _AZ_ENDING_ROUND if vowels and vowels[-1] in "uo" else _AZ_ENDING)
        words.append(re.escape(k).replace(r"\ ", " ") + ending)
    return " ".join(words)


def phrases_regex(phrases: list[str], whole: bool = True) -> re.Pattern[str]:
    """One compiled alternation of phrases; ``whole`` anchors it to the entire key."""
    alts = sorted((phrase_pattern(p) for p in phrases), key=len, reverse=True)
    body = "|".join(f"(?:{a})" for a in alts if a)
    return re.compile(f"^(?:{body})$" if whole else rf"(?:^|\s)(?:{body})(?=\s|$)")


@dataclass(frozen=True)
class HeadingEntry:
    """One vocabulary phrase and the section kinds it names."""

    pattern: re.Pattern[str]
    kinds: tuple[str, ...]
    runin: bool
    words: int


@dataclass(frozen=True)
class Lexicon:
    """Everything the parser knows about words: headings, markers, jurisdictions."""

    headings: tuple[HeadingEntry, ...]
    heading_index: dict[str, tuple[HeadingEntry, ...]]
    markers: dict[str, Any]
    jurisdictions: tuple[tuple[str, tuple[str, ...], tuple[tuple[re.Pattern[str], int], ...]], ...]
    _compiled: dict[tuple[str, str, bool], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False)
    cache: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def marker(self, group: str, name: str, whole: bool = True) -> re.Pattern[str]:
        """Compiled matcher for a list in markers.toml."""
        k = (group, name, whole)
        if k not in self._compiled:
            self._compiled[k] = phrases_regex(self.markers[group][name], whole)
        return self._compiled[k]


@cache
def lexicon() -> Lexicon:
    """The parser's language data (cached for the process)."""
    headings = []
    for entry in _load("headings.toml")["heading"]:
        for phrase in entry["phrases"]:
            pat = phrase_pattern(phrase)
            headings.append(HeadingEntry(re.compile(pat), tuple(entry["kinds"]),
                                         bool(entry.get("runin", False)), len(pat.split())))
    headings.sort(key=lambda h: -h.words)
    index: dict[str, list[HeadingEntry]] = {}
    for entry in headings:
        index.setdefault(entry.pattern.pattern[:2], []).append(entry)
    juris = tuple((code["code"], tuple(code.get("needles", ())),
                   tuple((re.compile(pattern), weight)
                         for weight, name in ((3, "strong"), (1, "weak"))
                         for pattern in code.get(name, [])))
                  for code in _load("jurisdictions.toml")["code"])
    return Lexicon(tuple(headings), {k: tuple(v) for k, v in index.items()},
                   _load("markers.toml"), juris)
