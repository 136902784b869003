"""Word styles and automatic numbering: the labels («2.1.», «а)») Word shows but does not store.

Numbering semantics follow ECMA-376 Part 1, §17.9 (abstractNum / num / lvlOverride, lvlText
placeholders %1..%9, numFmt, lvlRestart, isLgl) and styles §17.7 (basedOn inheritance).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = W + "val"

# Word's «russianLower» sequence skips ё, й, ъ, ы, ь (ECMA-376 §17.18.59).
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_PLACEHOLDER = re.compile(r"%([1-9])")
_HEADING_NAME = re.compile(r"^(?:heading|заголовок|başlıq)\s*(\d)$", re.IGNORECASE)


def _on(el: Any) -> bool:
    """A WordprocessingML on/off property: present and not false."""
    return el is not None and el.get(_VAL, "true") not in ("0", "false", "off")


def _letters(n: int, alphabet: str) -> str:
    size = len(alphabet)
    reps, idx = divmod(n - 1, size)
    return alphabet[idx] * (reps + 1)


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Render a counter in a Word numFmt."""
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n, "abcdefghijklmnopqrstuvwxyz")
        return s if fmt == "lowerLetter" else s.upper()
    if fmt in ("russianLower", "russianUpper"):
        s = _letters(n, _RUSSIAN)
        return s if fmt == "russianLower" else s.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "lowerRoman" else s.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class StyleInfo:
    """Effective paragraph-style properties after basedOn inheritance."""

    name: str
    heading_level: int | None
    align: str | None
    bold: bool
    caps: bool
    num_id: str | None
    ilvl: int


_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "justify", "distribute": "justify", "justify": "justify"}


def jc_align(value: str | None) -> str | None:
    """Map a w:jc value to the model's alignment."""
    return _JC.get(value or "")


class Styles:
    """Paragraph and character styles of a document, with inheritance resolved lazily."""

    def __init__(self, root: Any | None) -> None:
        self._raw: dict[str, Any] = {}
        self._cache: dict[str, StyleInfo] = {}
        self._char_bold: dict[str, bool] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for st in root.iterchildren(W + "style"):
            sid = st.get(W + "styleId")
            if sid is None:
                continue
            self._raw[sid] = st
            if st.get(W + "type") == "paragraph" and _on_attr(st.get(W + "default")):
                self.default_id = sid

    def paragraph(self, style_id: str | None) -> StyleInfo:
        """Effective properties of a paragraph style (the default style when None)."""
        sid = style_id or self.default_id or ""
        if sid not in self._cache:
            self._cache[sid] = self._resolve(sid, 0)
        return self._cache[sid]

    def char_bold(self, style_id: str) -> bool:
        """Whether a character style makes text bold."""
        if style_id not in self._char_bold:
            st, bold, depth = self._raw.get(style_id), False, 0
            while st is not None and depth < 20:
                b = st.find(f"{W}rPr/{W}b")
                if b is not None:
                    bold = _on(b)
                    break
                based = st.find(W + "basedOn")
                st = self._raw.get(based.get(_VAL)) if based is not None else None
                depth += 1
            self._char_bold[style_id] = bold
        return self._char_bold[style_id]

    def _resolve(self, sid: str, depth: int) -> StyleInfo:
        st = self._raw.get(sid)
        if st is None or depth > 20:
            return StyleInfo(name=sid, heading_level=None, align=None, bold=False, caps=False,
                             num_id=None, ilvl=0)
        based = st.find(W + "basedOn")
        parent = self._resolve(based.get(_VAL), depth + 1) if based is not None else None
        name_el = st.find(W + "name")
        name = name_el.get(_VAL) if name_el is not None else sid
        ppr, rpr = st.find(W + "pPr"), st.find(W + "rPr")
        level = _heading_level(name, ppr)
        if level is None and parent is not None and not _HEADING_NAME.match(name):
            level = parent.heading_level if _outline(ppr) is None else None
        jc = ppr.find(W + "jc") if ppr is not None else None
        b = rpr.find(W + "b") if rpr is not None else None
        caps = rpr.find(W + "caps") if rpr is not None else None
        num = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = (parent.num_id, parent.ilvl) if parent else (None, 0)
        if num is not None:
            nid, lvl = num.find(W + "numId"), num.find(W + "ilvl")
            num_id = nid.get(_VAL) if nid is not None else num_id
            ilvl = int(lvl.get(_VAL, "0")) if lvl is not None else 0
        return StyleInfo(
            name=name,
            heading_level=level,
            align=jc_align(jc.get(_VAL)) if jc is not None else (parent.align if parent else None),
            bold=_on(b) if b is not None else bool(parent and parent.bold),
            caps=_on(caps) if caps is not None else bool(parent and parent.caps),
            num_id=num_id,
            ilvl=ilvl,
        )


def _on_attr(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _outline(ppr: Any | None) -> int | None:
    el = ppr.find(W + "outlineLvl") if ppr is not None else None
    if el is None:
        return None
    level = int(el.get(_VAL, "9"))
    return level + 1 if level < 9 else None


def _heading_level(name: str, ppr: Any | None) -> int | None:
    m = _HEADING_NAME.match(name.strip())
    if m:
        return int(m.group(1))
    if name.strip().lower() in ("title", "название", "заголовок"):
        return 0
    return _outline(ppr)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    restart: int | None
    legal: bool


class Numbering:
    """Counts automatic numbering through the document and renders each paragraph's label."""

    def __init__(self, root: Any | None, styles: Styles) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._links: dict[str, str] = {}
        self._nums: dict[str, tuple[str, dict[int, int | None], dict[int, _Level]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._styles = styles
        if root is None:
            return
        for absn in root.iterchildren(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId", "")
            self._abstract[aid] = {int(lvl.get(W + "ilvl", "0")): _level(lvl)
                                   for lvl in absn.iterchildren(W + "lvl")}
            link = absn.find(W + "numStyleLink")
            if link is not None:
                self._links[aid] = link.get(_VAL, "")
        for num in root.iterchildren(W + "num"):
            nid = num.get(W + "numId", "")
            absid = num.find(W + "abstractNumId")
            starts: dict[int, int | None] = {}
            levels: dict[int, _Level] = {}
            for ov in num.iterchildren(W + "lvlOverride"):
                ilvl = int(ov.get(W + "ilvl", "0"))
                so = ov.find(W + "startOverride")
                starts[ilvl] = int(so.get(_VAL, "1")) if so is not None else None
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._nums[nid] = (absid.get(_VAL, "") if absid is not None else "", starts, levels)

    def label(self, num_id: str | None, ilvl: int) -> tuple[str, int] | None:
        """The label of the next paragraph in list ``num_id`` at level ``ilvl``, and the level."""
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        aid, starts, overrides = self._nums[num_id]
        aid = self._follow_link(aid)
        levels = {**self._abstract.get(aid, {}), **overrides}
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(aid, [None] * 10)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in starts.items():
                if start is not None and lvl < 10:
                    counters[lvl] = start - 1
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            lv = levels.get(deeper)
            if lv is None or lv.restart is None or lv.restart <= ilvl + 1:
                counters[deeper] = None
        return self._render(levels, counters, ilvl), ilvl

    def _follow_link(self, aid: str) -> str:
        seen = 0
        while aid in self._links and seen < 5:
            style = self._styles.paragraph(self._links[aid])
            nxt = self._nums.get(style.num_id or "")
            if nxt is None:
                break
            aid, seen = nxt[0], seen + 1
        return aid

    @staticmethod
    def _render(levels: dict[int, _Level], counters: list[int | None], ilvl: int) -> str:
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return lvl.text or "•"

        def sub(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            ref = levels.get(i)
            n = counters[i] if i < 10 and counters[i] is not None else (ref.start if ref else 1)
            fmt = "decimal" if (lvl.legal and i < ilvl) else (ref.fmt if ref else "decimal")
            return format_number(int(n or 1), fmt)

        return _PLACEHOLDER.sub(sub, lvl.text)


def _level(el: Any) -> _Level:
    def val(tag: str, default: str) -> str:
        child = el.find(W + tag)
        return child.get(_VAL, default) if child is not None else default

    restart = el.find(W + "lvlRestart")
    return _Level(start=int(val("start", "1")), fmt=val("numFmt", "decimal"),
                  text=val("lvlText", ""), legal=el.find(W + "isLgl") is not None,
                  restart=int(restart.get(_VAL, "0")) if restart is not None else None)
