"""Text folding for matching: case, ё/е, Latin look-alikes in Cyrillic words, Azerbaijani
letters typed without diacritics («Huquqlar» ~ «Hüquqlar»), punctuation."""

from __future__ import annotations

import re
from functools import lru_cache

_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
_LAT = re.compile(r"[a-zəüöğışç]", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
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


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, ё→е, look-alike letters repaired, Azerbaijani diacritics folded."""
    text = text.replace("İ", "i").replace("ё", "е").replace("Ё", "Е").replace("ә", "ə")
    text = text.replace("Ә", "Ə")
    if _CYR.search(text) and _LAT.search(text):
        text = _WORD.sub(lambda m: _fix_word(m.group(0)), text)
    return text.lower().replace("\u0307", "").translate(_AZ_FOLD)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Folded text with punctuation turned into single spaces: the form vocabularies match."""
    return _NON_WORD.sub(" ", fold(text)).strip()
