"""One signatory of a grif: position, signature, name and date read from its lines."""

from __future__ import annotations

import re

from jdcheck.model import (
    Signatory,
    SignatureField,
    TextField,
)
from jdcheck.structure.fields import find_date, find_name, find_signature, is_blank_line
from jdcheck.structure.grif_layout import span_of
from jdcheck.structure.lines import Line

CAPTION = re.compile(r"^\(.*\)$")


_PARENS = re.compile(r"\((?:[^()]|\([^()]*\))*\)", re.DOTALL)


_SEP = "\x1e"


# A bracket that cites a record is content, not a caption: «(протокол №12 от 29.08.2025)».
_REFERENCE = re.compile(r"\d|протокол|protokol", re.IGNORECASE)


def _drop_captions(texts: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """Remove captions in brackets, even when one spans several lines or cells; a bracket
    citing a record (a protocol, a number, a date) stays."""
    if not texts:
        return texts
    joined = _SEP.join(t for _, t in texts)
    stripped = _PARENS.sub(lambda m: m.group(0) if _REFERENCE.search(m.group(0))
                           else _SEP * m.group(0).count(_SEP) + " ", joined)
    parts = stripped.split(_SEP)
    return [(ln, p) for (ln, _), p in zip(texts, parts, strict=True)]


def read_signatory(texts: list[tuple[Line, str]], allow_full: bool = False) -> Signatory:
    """Position, signature, name and date from a grif's lines."""
    signature_caption = any(re.search(r"\((?:подпись|imza)\)", t, re.IGNORECASE) for _, t in texts)
    name_caption = next((find_name(t, ln.span()) for ln, t in texts
                         if _NAME_CAPTION.search(t)), None)
    texts = _drop_captions(texts)
    position: list[str] = []
    pos_lines: list[Line] = []
    signature = name = date = None
    for line, text in texts:
        for part in text.split("\n"):
            part = part.strip()
            if not part:
                continue
            sp = line.span()
            d = find_date(part, sp)
            if d is not None and date is None:
                date = d
                if is_blank_line(part.replace(d.text, "")) or d.value is not None:
                    continue
            before = name is not None and name.form != "placeholder" and (
                date is not None or signature is not None)
            s = find_signature(part, sp)
            n = find_name(part, sp, allow_full=allow_full and s is not None)
            signature = signature or s
            if n is not None and (name is None or name.form == "placeholder"):
                name = n
            rest = strip_fields(part, n.text if n else "", d.text if d else "")
            if rest and not before and not CAPTION.match(rest) and not _is_placeholder(rest):
                position.append(rest)
                pos_lines.append(line)
    pos = TextField(text=" ".join(position)[:200], span=span_of(pos_lines)) if position else None
    if signature is None and signature_caption:
        signature = SignatureField(state="blank", text="(подпись)", span=texts[0][0].span())
    if name is None and name_caption is not None:
        name = name_caption
    return Signatory(position=pos, signature=signature, name=name, date=date)


_NAME_CAPTION = re.compile(r"\((?:фамилия|инициалы|ф\.?\s?и\.?\s?о|расшифровка|ad|soyad)",
                           re.IGNORECASE)


def strip_fields(text: str, name: str, date: str) -> str:
    for piece in (name, date):
        if piece:
            text = text.replace(piece, " ")
    text = re.sub(r"_+|\(\s*\)", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:/")
    return text if re.search(r"[^\W\d_]{2,}", text) else ""


_PLACEHOLDER = re.compile(r"^(?:подпись|ф\.?\s?и\.?\s?о\.?|фамилия.*|инициалы.*|расшифровка.*|"
                          r"imza|ad.? soyad.*|дата.*|tarix)$", re.IGNORECASE)


def _is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip(" ()")))
