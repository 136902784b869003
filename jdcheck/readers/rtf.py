"""RTF reader: paragraphs with bold and alignment, tables cell by cell, list labels.

Follows the RTF 1.9.1 specification: groups, control words, ``\\'xx`` and ``\\uN`` escapes
decoded in the current font's code page (``\\fcharsetN`` or ``\\ansicpgN``), raw 8-bit bytes
likewise. striprtf supplies the destination list and the charset table; it flattens documents
to plain text, losing the bold headings, alignment and table cells the parser relies on, so
the walk over the token stream is done here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from striprtf.striprtf import charset_map, destinations

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.readers.assemble import Draft

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])"
                    rb"|([{}])|[\r\n]+|([^\\{}\r\n]+)")
_SPECIAL = {"tab": "\t", "line": "\n", "emdash": "\u2014", "endash": "\u2013",
            "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
            "rdblquote": "\u201d", "emspace": " ", "enspace": " ", "qmspace": " "}
_SYMBOLS = {"~": " ", "_": "-", "-": "", "{": "{", "}": "}", "\\": "\\"}
_ALIGN = {"ql": "left", "qc": "center", "qr": "right", "qj": "justify", "qd": "justify"}
_LABEL_DEST = frozenset(("listtext", "pntext"))
_SKIP_DEST = (destinations - _LABEL_DEST) | {"pict", "nonshppict", "header", "footer",
                                             "headerl", "headerr", "headerf", "footerl",
                                             "footerr", "footerf", "fonttbl", "colortbl",
                                             "stylesheet", "info", "listtable", "listoverridetable"}


@dataclass(frozen=True)
class _State:
    bold: bool = False
    caps: bool = False
    codepage: str = "cp1252"
    uc: int = 1
    skip: bool = False
    label: bool = False


class _Walker:
    def __init__(self, fonts: dict[int, str], default_cp: str) -> None:
        self.fonts = fonts
        self.default_cp = default_cp
        self.draft = Draft("rtf")
        self.buf: list[str] = []
        self.label: list[str] = []
        self.pending: list[int] = []
        self.bold_chars = self.plain_chars = 0
        self.caps_chars = 0
        self.align: str | None = None
        self.in_table = False
        self.table = self.row = self.cell = 0
        self.table_open = False
        self.page = 1
        self.pages_seen = False

    def text(self, s: str, st: _State) -> None:
        if st.label:
            self.label.append(s)
            return
        self.buf.append(s)
        visible = len(s.strip())
        if visible:
            if st.bold:
                self.bold_chars += visible
            else:
                self.plain_chars += visible
            if st.caps:
                self.caps_chars += visible

    def end_paragraph(self, cell_end: bool = False) -> None:
        text = "".join(self.buf)
        label = "".join(self.label).strip() or None
        attrs: dict[str, Any] = {"align": self.align, "page": self.page,
                                 "bold": self.bold_chars > 0 and self.plain_chars == 0,
                                 "caps": self.caps_chars > 0
                                 and self.caps_chars >= self.plain_chars}
        if self.in_table:
            if not self.table_open:
                self.table += 1
                self.row, self.cell, self.table_open = 1, 1, True
            attrs.update(table=self.table, row=self.row, cell=self.cell)
        elif self.table_open:
            self.table_open = False
        if text.strip() or label:
            self.draft.add(f"{label} {text}" if label and not text.startswith(label) else text,
                           **attrs)
        self.buf, self.label = [], []
        self.bold_chars = self.plain_chars = self.caps_chars = 0
        if cell_end:
            self.cell += 1

    def end_row(self) -> None:
        if self.buf or self.label:
            self.end_paragraph(cell_end=True)
        self.row += 1
        self.cell = 1


def read(data: bytes, name: str, limits: Any) -> Draft:
    """Read RTF bytes into a Draft."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError("not an RTF document", path=name, code=errors.CORRUPT)
    fonts, default_cp = _font_codepages(data)
    walker = _Walker(fonts, default_cp)
    _walk(data, walker)
    walker.draft.encoding = default_cp
    if walker.pages_seen:
        walker.draft.pages = walker.page
    else:
        walker.draft.drop("page")
    return walker.draft


def _walk(data: bytes, w: _Walker) -> None:
    stack: list[_State] = []
    st = _State(codepage=w.default_cp)
    pos, end, skip_chars = 0, len(data), 0
    pending = bytearray()
    group_start = False
    while pos < end:
        m = _TOKEN.match(data, pos)
        if m is None:
            pos += 1
            continue
        pos = m.end()
        word, param, hexbyte, symbol, brace, plain = m.groups()
        if word is None and hexbyte is None and symbol is None and brace is None \
                and plain is None:
            continue  # a line break in the RTF source carries no meaning
        if hexbyte is None and pending:
            _flush_bytes(pending, st, w)
        if skip_chars and (hexbyte is not None or plain is not None):
            if plain is not None and len(plain) > skip_chars:
                plain, skip_chars = plain[skip_chars:], 0
            else:
                skip_chars -= 1 if hexbyte is not None else len(plain or b"")
                skip_chars = max(skip_chars, 0)
                continue
        if brace is not None:
            if brace == b"{":
                stack.append(st)
                group_start = True
            else:
                st = stack.pop() if stack else st
            continue
        starting, group_start = group_start, False
        if word is not None:
            name = word.decode("ascii")
            if name == "bin" and param:
                pos += max(int(param), 0)
                continue
            if st.skip:
                continue
            if starting and name in _SKIP_DEST:
                st = replace(st, skip=True)
                continue
            if starting and name in _LABEL_DEST:
                st = replace(st, label=True)
                continue
            st, skip_chars = _control(name, param, st, w, skip_chars)
        elif symbol is not None:
            sym = symbol.decode("latin-1")
            if sym == "*" and starting:
                st = replace(st, skip=True)
            elif not st.skip and sym in _SYMBOLS:
                w.text(_SYMBOLS[sym], st)
            elif not st.skip and sym in ("\n", "\r"):
                w.end_paragraph()
        elif hexbyte is not None:
            if not st.skip:
                pending.append(int(hexbyte, 16))
        elif plain is not None and not st.skip:
            w.text(plain.decode(st.codepage, errors="replace"), st)
    if pending:
        _flush_bytes(pending, st, w)
    if w.buf:
        w.end_paragraph()


def _flush_bytes(pending: bytearray, st: _State, w: _Walker) -> None:
    if not st.skip:
        w.text(bytes(pending).decode(st.codepage, errors="replace"), st)
    pending.clear()


def _control(name: str, param: bytes | None, st: _State, w: _Walker,
             skip_chars: int) -> tuple[_State, int]:
    """Apply one control word; return the new state and how many fallback chars to skip."""
    value = int(param) if param else None
    if name == "par" or name == "sect":
        w.end_paragraph()
    elif name == "cell" or name == "nestcell":
        w.end_paragraph(cell_end=True)
    elif name == "row" or name == "nestrow":
        w.end_row()
    elif name == "pard":
        w.align, w.in_table = None, False
    elif name == "intbl":
        w.in_table = True
    elif name in _ALIGN:
        w.align = _ALIGN[name]
    elif name == "plain":
        st = replace(st, bold=False, caps=False)
    elif name == "b":
        st = replace(st, bold=value != 0)
    elif name == "caps":
        st = replace(st, caps=value != 0)
    elif name == "f" and value is not None:
        st = replace(st, codepage=w.fonts.get(value, w.default_cp))
    elif name == "uc" and value is not None:
        st = replace(st, uc=value)
    elif name == "u" and value is not None:
        w.text(chr(value + 65536 if value < 0 else value), st)
        return st, st.uc
    elif name == "page":
        w.page += 1
        w.pages_seen = True
    elif name in _SPECIAL:
        w.text(_SPECIAL[name], st)
    return st, skip_chars


_FONT_NUMBER = re.compile(rb"\\f(\d+)")
_CHARSET = re.compile(rb"\\fcharset(\d+)")


def _font_codepages(data: bytes) -> tuple[dict[int, str], str]:
    """Font number -> code page from the font table; the document's default code page."""
    head = data[:4096]
    ansicpg = re.search(rb"\\ansicpg(\d+)", head)
    default = f"cp{int(ansicpg.group(1))}" if ansicpg else "cp1252"
    fonts: dict[int, str] = {}
    start = data.find(b"\\fonttbl", 0, 200000)
    if start >= 0:
        end = _group_end(data, start)
        table = data[start:end]
        for m in _FONT_NUMBER.finditer(table):
            entry = table[m.end():table.find(b";", m.end())]
            charset = _CHARSET.search(entry)
            if charset and int(charset.group(1)) not in (0, 1, 2):
                cp = charset_map.get(int(charset.group(1)))
                if cp:
                    fonts[int(m.group(1))] = cp
    deff = re.search(rb"\\deff(\d+)", head)
    if not ansicpg and deff and int(deff.group(1)) in fonts:
        default = fonts[int(deff.group(1))]
    elif not ansicpg and fonts and all(cp == "cp1251" for cp in fonts.values()):
        default = "cp1251"
    if not _codec_ok(default):
        default = "cp1252"
    return {k: v for k, v in fonts.items() if _codec_ok(v)}, default


def _group_end(data: bytes, start: int) -> int:
    """Index just past the group that contains ``start`` (braces balanced, escapes skipped)."""
    depth, i, end = 1, start, min(len(data), start + 200000)
    while i < end and depth:
        ch = data[i]
        if ch == 0x5C:  # backslash: skip the escaped character
            i += 2
            continue
        depth += 1 if ch == 0x7B else -1 if ch == 0x7D else 0
        i += 1
    return i


def _codec_ok(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
