"""Text folding for matching: case, ё/е, Latin look-alikes in Cyrillic words, Azerbaijani
letters typed without diacritics («Huquqlar» ~ «Hüquqlar»), punctuation."""

from __future__ import annotations

import re
from functools import lru_cache

_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
_LAT = re.compile(r"[a-zəüöğışç]", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)

# Latin letters that look like Cyrillic ones, as they appear mistyped inside Cyrillic words.
_TO_CYR = str.maketrans("aeopcxykmthbAEOPCXYKMTHB", "аеорсхукмтнвАЕОРСХУКМТНВ")
# Cyrillic letters that look like Latin ones, inside Latin (Azerbaijani) words.
_TO_LAT = str.maketrans("аеорсхукмтнвіәӘАЕОРСХУКМТНВІ", "aeopcxykmthbiəƏAEOPCXYKMTHBI")
# Azerbaijani letters folded to their keyboard-without-diacritics form.
_AZ_FOLD = str.maketrans("əüöğışçƏÜÖĞIŞÇ", "euogiscEUOGISC")


def _fix_word(word: str) -> str:
    cyr = len(_CYR.findall(word))
    lat = len(_LAT.findall(word))
    if cyr and lat:
        return word.translate(_TO_CYR) if cyr >= lat else word.translate(_TO_LAT)
    return word


_MIXED = re.compile(r"\w*(?:[а-яё]\w*[a-zəüöğışç]|[a-zəüöğışç]\w*[а-яё])\w*", re.IGNORECASE)
_PRE = str.maketrans({"İ": "i", "ё": "е", "Ё": "Е", "ә": "ə", "Ә": "Ə"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, ё→е, look-alike letters repaired, Azerbaijani diacritics folded."""
    text = text.translate(_PRE)
    if _CYR.search(text) and _LAT.search(text):
        text = _MIXED.sub(lambda m: _fix_word(m.group(0)), text)
    return text.lower().replace("\u0307", "").translate(_AZ_FOLD)


_REPLACEMENTS = (("i̇", "i"), ("ё", "е"), ("ә", "e"), ("ə", "e"), ("ü", "u"), ("ö", "o"),
                 ("ğ", "g"), ("ı", "i"), ("ş", "s"), ("ç", "c"))


def fold_fast(text: str) -> str:
    """Like ``fold`` without repairing look-alike letters: for scanning a whole document.

    Chained ``str.replace`` calls are much faster than ``str.translate`` on long texts.
    """
    text = text.lower()
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Folded text with punctuation turned into single spaces: the form vocabularies match."""
    return _NON_WORD.sub(" ", fold(text)).strip()
