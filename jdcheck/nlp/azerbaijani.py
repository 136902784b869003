"""Azerbaijani word forms to comparable stems: fold letters typed without diacritics, then
strip inflectional endings (there is no spaCy lemmatizer for Azerbaijani)."""

from __future__ import annotations

from functools import lru_cache

from jdcheck.nlp.az_suffixes import CASE, LAYERS, VERBAL

_FOLD = str.maketrans("əüöğışçƏÜÖĞIŞÇ", "euogiscEUOGISC")
_MIN_STEM = 3


def fold(word: str) -> str:
    """Lower case with Azerbaijani letters folded: «Məsuliyyət» → «mesuliyyet»."""
    return word.replace("İ", "i").lower().replace("\u0307", "").replace("ә", "e").translate(_FOLD)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The folded stem of a word form: «hüquqlarına» → «huquq», «məsuliyyətindən» → «mesuliyyet».

    One ending per layer (predicative, verb, case, possessive, plural), outermost first; a
    one-letter ending comes off only from a long word, and verb endings only when no case ending
    was found (a noun and a verb rarely share a form).
    """
    w = fold(word)
    if not w.isalpha() or len(w) <= _MIN_STEM:
        return w
    took_case = False
    for layer in LAYERS:
        if layer is VERBAL and took_case:
            continue
        for suffix in sorted(layer, key=len, reverse=True):
            keep = 5 if len(suffix) == 1 else 4 if len(suffix) == 2 else _MIN_STEM
            if w.endswith(suffix) and len(w) - len(suffix) >= keep:
                w = w[: -len(suffix)]
                took_case |= layer is CASE
                break
    return w
