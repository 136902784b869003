"""Numbers in clause text: shares of pay (50 %, 1/4, «половины оклада») and money amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jdcheck.nlp.quantity_words import CURRENCY, SHARE_WORDS, WHOLE_PAY

_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|процент\w*|faiz\w*)"
                      r"|(?:yüzdə|yuzde)\s*(\d{1,3})",
                      re.IGNORECASE)
_FRACTION = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_VULGAR = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_AMOUNT = re.compile(r"(\d[\d\s]{0,9}(?:[.,]\d{1,2})?)\s*" + CURRENCY, re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: a share of pay (1.0 = a month's pay) or a money amount."""

    kind: str
    value: float
    text: str


@cache
def _words() -> tuple[tuple[re.Pattern[str], float], ...]:
    return tuple((re.compile(p, re.IGNORECASE), v) for p, v in SHARE_WORDS)


def shares(text: str) -> list[Quantity]:
    """Shares of pay named in the text."""
    found: list[Quantity] = []
    for m in _PERCENT.finditer(text):
        number = m.group(1) or m.group(2)
        found.append(Quantity("share", float(number.replace(",", ".")) / 100, m.group(0)))
    for m in _FRACTION.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if b and a < b:
            found.append(Quantity("share", a / b, m.group(0)))
    for ch, value in _VULGAR.items():
        if ch in text:
            found.append(Quantity("share", value, ch))
    taken = {q.text for q in found}
    for rx, value in _words():
        for m in rx.finditer(text):
            if m.group(0) not in taken:
                found.append(Quantity("share", value, m.group(0)))
    if not found:
        whole = re.search(WHOLE_PAY, text, re.IGNORECASE)
        if whole:
            found.append(Quantity("share", 1.0, whole.group(0)))
    return found


def amounts(text: str) -> list[Quantity]:
    """Money amounts named in the text."""
    out = []
    for m in _AMOUNT.finditer(text):
        digits = re.sub(r"\s", "", m.group(1)).replace(",", ".")
        try:
            out.append(Quantity("amount", float(digits), m.group(0).strip()))
        except ValueError:
            continue
    return out
