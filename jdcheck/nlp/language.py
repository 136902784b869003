"""The language of a piece of text: Russian (Cyrillic) or Azerbaijani (Latin with its letters
and function words); used per document and per clause (mixed documents exist)."""

from __future__ import annotations

import re

# Azerbaijani letters, or frequent Azerbaijani words that also survive typing without them.
_AZ = re.compile(r"[əƏğĞıİşŞçÇ]|\b(?:və|ve|üzrə|uzre|ilə|ile|bu|olan|edir|olunur|işçi|isci|"
                 r"vəzifə|vezife|hüquq|huquq|məsuliyyət|mesuliyyet|təlimat|telimat|müəssisə|"
                 r"muessise|görə|gore|etmək|etmek|daşıyır|dasiyir)\b", re.IGNORECASE)


_CYR_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_LAT_LETTERS = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                "əƏüÜöÖğĞıIİşŞçÇ")
_DROP_CYR = str.maketrans("", "", _CYR_LETTERS)
_DROP_LAT = str.maketrans("", "", _LAT_LETTERS)


def shares(text: str) -> dict[str, float]:
    """Shares of Cyrillic and Latin letters in the text."""
    cyr = len(text) - len(text.translate(_DROP_CYR))
    lat = len(text) - len(text.translate(_DROP_LAT))
    total = cyr + lat
    if not total:
        return {}
    return {"ru": round(cyr / total, 3), "az": round(lat / total, 3)}


def detect(text: str, fallback: str = "unknown") -> str:
    """``ru``, ``az``, ``mixed`` or ``fallback`` when the text has too few letters to tell."""
    s = shares(text)
    if not s or (len(text) < 12 and max(s.values()) < 1):
        return fallback
    if s["ru"] >= 0.8:
        return "ru"
    if s["az"] >= 0.8:
        return "az" if _AZ.search(text) else fallback
    return "mixed"
