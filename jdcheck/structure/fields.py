"""Fields inside grifs and sign-off lines: dates (filled or blank), names, signature lines."""

from __future__ import annotations

import re
from datetime import date

from jdcheck.model import DateField, NameField, SignatureField, Span

_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "may": 5, "iyun": 6, "iyul": 7,
    "avqust": 8, "sentyabr": 9, "oktyabr": 10, "noyabr": 11, "dekabr": 12,
}
_MONTH_RE = (r"(январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|"
             r"сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|yanvar|fevral|mart|aprel|may|iyun|"
             r"iyul|avqust|sentyabr|oktyabr|noyabr|dekabr)\w*")
_DATE_WORDS = re.compile(r"[«\"“]?\s*(\d{1,2})\s*[»\"”]?\s+" + _MONTH_RE +
                         r"\s+(\d{4})", re.IGNORECASE)
_DATE_NUM = re.compile(r"(?<![\d.])(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?(\d{4}|\d{2})(?![\d])")
# «29».08.2025, « 29» 08.2025г.: the day in quotes as on a form, month and year in figures
_DATE_QUOTED = re.compile(r"[«\"“]\s*(\d{1,2})\s*[»\"”]\s*[./]?\s*(\d{1,2})\s?[./]\s?(\d{4})(?!\d)")
_DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ZERO_DATE = re.compile(r"(?<!\d)0{1,2}\.0{1,2}\.(?:0{2}|0{4})(?!\d)")
_BLANK_DATE = re.compile(
    r"[«\"“]\s*_*\s*[»\"”]\s*_{2,}|_{2,}\s*(?:19|20)?[_\d]{0,4}\s*(?:г\.?|года|il|-?ci il|-?cü il)"
    r"|(?:19|20)_{1,2}\s*(?:г\.?|года|il)?|_{2,}\s*\.\s*_{2,}\s*\.\s*_{2,}"
    r"|(?:19|20)\d{0,2}_+|_{3,}\s+_{3,}\s+(?:19|20)\d\d|_{3,}\s*(?:19|20)\d\d\s*(?:г\.?|года)?"
    r"|\(\s*дата[^)]*\)|\(\s*tarix[^)]*\)|«_+»|\"_+\"", re.IGNORECASE)

_UP = "А-ЯЁA-ZƏÜÖĞİŞÇ"
_LOW = "а-яёa-zəüöğışç"
_SURNAME = rf"[{_UP}{_LOW}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_INIT = rf"[{_UP}]\.\s?"
_INITIALS_SURNAME = re.compile(rf"(?<![{_UP}{_LOW}])({_INIT}(?:{_INIT})?{_SURNAME})")
_SURNAME_INITIALS = re.compile(rf"(?<![{_UP}{_LOW}])({_SURNAME}\s+{_INIT}(?:[{_UP}]\.?)?)"
                               rf"(?![{_LOW}])")
# A full name («Rəşad Əliyev») is recognised in Latin script only: in Russian grifs two
# capitalised words are far more often a position («Руководитель Управления»).
_LAT_UP, _LAT_LOW = "A-ZƏÜÖĞİŞÇ", "a-zəüöğışç"
_FULL = re.compile(rf"(?<![{_UP}{_LOW}])([{_LAT_UP}][{_LAT_LOW}]+\s+[{_LAT_UP}][{_LAT_LOW}]+"
                   rf"(?:\s+[{_LAT_UP}][{_LAT_LOW}]+)?)$")
_NAME_PLACEHOLDER = re.compile(
    r"ф\.?\s?и\.?\s?о\.?|фамилия|инициалы|расшифровка|и\.\s?о\.\s?фамилия|ad[,ı\s]+soyad|"
    r"soyad[,ı\s]+ad|\(ad\)|\(soyad\)", re.IGNORECASE)
_SIGN_LINE = re.compile(r"_{3,}|\(\s*подпись\s*\)|\(\s*imza\s*\)|/\s*_{2,}\s*/|подпись\s*$|"
                        r"^imza\s*[:]?\s*$", re.IGNORECASE)
_SIGNED = re.compile(r"\bп/п\b|/подпись/|подписано\s+электронной|\bэцп\b|\bэп\b|/imza/|"
                     r"elektron\s+imza\s+ilə", re.IGNORECASE)


_RULES = re.compile(r"[_/]+")
_FILLER = re.compile(r"[\s_.\-–—/|:,;\"«»()]+")


def find_date(text: str, span: Span | None = None) -> DateField | None:
    """A filled date («15» марта 2024 г., 15.03.2024) or a blank placeholder, if present."""
    for rx, order in ((_DATE_WORDS, "dmy-word"), (_DATE_ISO, "ymd"), (_DATE_NUM, "dmy"),
                      (_DATE_QUOTED, "dmy")):
        m = rx.search(text)
        if not m:
            continue
        value = _to_date(m, order)
        if value is not None:
            return DateField(text=m.group(0).strip(), value=value, span=span)
    m = _ZERO_DATE.search(text) or _BLANK_DATE.search(text)
    if m:
        return DateField(text=m.group(0).strip(), blank=True, span=span)
    return None


def _to_date(m: re.Match[str], order: str) -> date | None:
    try:
        if order == "dmy-word":
            month_word = m.group(2).lower()
            month = next(v for k, v in _MONTHS.items() if month_word.startswith(k))
            return date(int(m.group(3)), month, int(m.group(1)))
        if order == "ymd":
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        year = int(m.group(3))
        year += 2000 if year < 50 and len(m.group(3)) == 2 else (1900 if year < 100 else 0)
        return date(year, int(m.group(2)), int(m.group(1)))
    except (ValueError, StopIteration):
        return None


def find_name(text: str, span: Span | None = None, allow_full: bool = False) -> NameField | None:
    """A person's name: «И.О. Фамилия», «Фамилия И.О.», a full name, or a placeholder."""
    cleaned = _RULES.sub(" ", text).strip()
    m = _INITIALS_SURNAME.search(cleaned)
    if m:
        return NameField(text=_tidy(m.group(1)), form="initials-surname", span=span)
    m = _SURNAME_INITIALS.search(cleaned)
    if m and not _NAME_PLACEHOLDER.search(m.group(1)):
        return NameField(text=_tidy(m.group(1)), form="surname-initials", span=span)
    if _NAME_PLACEHOLDER.search(cleaned):
        return NameField(text=_NAME_PLACEHOLDER.search(cleaned).group(0),  # type: ignore[union-attr]
                         form="placeholder", span=span)
    if allow_full:
        m = _FULL.search(cleaned)
        if m:
            return NameField(text=m.group(1), form="full", span=span)
    return None


def _tidy(name: str) -> str:
    return " ".join(name.split())


def find_signature(text: str, span: Span | None = None) -> SignatureField | None:
    """A place to sign: a line of underscores or «(подпись)» (blank), or a signed mark."""
    m = _SIGNED.search(text)
    if m:
        return SignatureField(state="signed", text=m.group(0), span=span)
    m = _SIGN_LINE.search(text)
    if m:
        return SignatureField(state="blank", text=m.group(0), span=span)
    return None


def is_blank_line(text: str) -> bool:
    """Only underscores, dots, dashes and spaces: a fill-in blank."""
    return not text or _FILLER.fullmatch(text) is not None
