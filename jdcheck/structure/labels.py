"""Numbering labels typed into the text: «2.1.», «IV.», «а)», «—», «Раздел 3», «Bölmə 2»."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CYR_ROMAN = str.maketrans("ІХ", "IX")

_SECTION_WORD = re.compile(r"^(?:раздел|глава|часть|bölmə|fəsil|hissə)\s+([IVXLCІХ]+|\d+)"
                           r"\s*[.:)]?\s*", re.IGNORECASE)
_NUMERIC = re.compile(r"^\.?(\d{1,2}(?:\s?\.\s?\d{1,3}){0,4})"
                      r"(?:(\.|\)|\s*-(?=\s))(?!\d)|(?=\s|$))\s*")
_ROMAN = re.compile(r"^([IVXLCІХ]{1,6})\s*[.)]\s*|^([IVXLC]{1,6})\s+(?=[А-ЯЁA-ZƏÜÖĞIİŞÇ])")
_DOTS = re.compile(r"\s?\.\s?")
_LETTER = re.compile(r"^\(?([а-яёa-zəüöğışç])\)\s*", re.IGNORECASE)
_BULLET = re.compile(r"^([-–—•·▪●○■□◦*►➢✓✔⁃])\s*")


@dataclass(frozen=True)
class Label:
    """A typed label: its text, kind and, for numbers, the numeric path."""

    text: str
    kind: str  # "num", "roman", "letter", "bullet", "section"
    path: tuple[int, ...] = ()

    @property
    def depth(self) -> int:
        """Number of components: «2» → 1, «2.1» → 2."""
        return len(self.path)


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral (Cyrillic look-alikes accepted), or None."""
    s = text.upper().translate(_CYR_ROMAN)
    if not s or any(ch not in _ROMAN_VALUES for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total if 0 < total < 60 else None


def split_label(text: str) -> tuple[Label | None, str]:
    """Split a typed label off the start of ``text``; return the label and the rest."""
    s = text.lstrip()
    m = _SECTION_WORD.match(s)
    if m:
        token = m.group(1)
        value = int(token) if token.isdigit() else roman_value(token)
        if value:
            return Label(m.group(0).strip(), "section", (value,)), s[m.end():]
    m = _ROMAN.match(s)
    if m:
        token = m.group(1) or m.group(2)
        value = roman_value(token)
        if value and not (token.upper() in ("C", "L") and m.group(2)):
            return Label(m.group(0).strip(), "roman", (value,)), s[m.end():]
    m = _NUMERIC.match(s)
    if m and (m.group(2) or "." in m.group(1) or _tab_or_space(s, m)) and not (
            m.group(2) is None and m.end() < len(s) and s[m.end() - 1:m.end()] not in " \t"):
        path = tuple(int(p) for p in _DOTS.split(m.group(1)) if p)
        if path and path[0] < 100:
            return Label(m.group(0).strip(), "num", path), s[m.end():]
    m = _LETTER.match(s)
    if m:
        return Label(m.group(0).strip(), "letter"), s[m.end():]
    m = _BULLET.match(s)
    if m and len(s) > m.end():
        return Label(m.group(1), "bullet"), s[m.end():]
    return None, s


def _tab_or_space(s: str, m: re.Match[str]) -> bool:
    """A bare number («1 ОБЩИЕ ПОЛОЖЕНИЯ», «1.1 Текст») followed by a space and a capital."""
    rest = s[m.end():]
    return bool(rest) and (rest[0].isupper() or s[m.end() - 1:m.end()] == "\t")


def parse_auto(label: str) -> Label:
    """Interpret an automatic-numbering label computed by a reader («1.2.», «а)», «•»)."""
    parsed, rest = split_label(label + " X")
    if parsed is not None and rest.strip() == "X":
        return Label(label, parsed.kind, parsed.path)
    return Label(label, "bullet" if not any(ch.isalnum() for ch in label) else "other")
