"""Write a laid-out sample as a plain-text file in the sample's encoding and newline style."""

from __future__ import annotations

from pathlib import Path

from blocks import Columns, Doc, Para, Sheet
from sample import SampleError

WIDTH = 72
RIGHT_COLUMN = 40
ITEM_INDENT = "   "
# Typographic characters a legacy code page lacks, written the way a typist would.
FALLBACK = {"«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "—": "-", "–": "-",
            "№": "N", "…": "...", "\u00a0": " ", "’": "'"}


def _para_line(p: Para) -> str:
    text = f"{p.label} {p.text}" if p.label else p.text
    if p.align == "right":
        return text.rjust(WIDTH)
    if p.align == "center":
        return text.center(WIDTH).rstrip()
    return ITEM_INDENT * p.indent + text


def _columns(c: Columns) -> list[str]:
    rows = max(len(c.left), len(c.right))
    out = []
    for i in range(rows):
        left = c.left[i] if i < len(c.left) else ""
        right = c.right[i] if i < len(c.right) else ""
        if c.tabs:
            tabs = max(1, -(-(RIGHT_COLUMN - len(left)) // 8))
            out.append(f"{left}{chr(9) * tabs}{right}" if right else left)
        else:
            out.append(f"{left.ljust(RIGHT_COLUMN - 1)} {right}".rstrip())
    return out


def _sheet(s: Sheet) -> list[str]:
    widths = [max(8, round(WIDTH * share) - 1) for share in s.fractions()]
    rows = [s.header]
    rows += [[value or "_" * w for value, w in zip(row, widths, strict=True)] for row in s.rows]
    return [" ".join(value.ljust(w) for value, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def text_lines(doc: Doc) -> list[str]:
    """Return the document as lines, with a blank line between paragraph groups."""
    lines: list[str] = list(doc.page_header)
    for block in doc.blocks:
        if isinstance(block, Para):
            if not block.text:
                continue
            if lines and not block.tight:
                lines.append("")
            lines.append(_para_line(block))
        else:
            if lines:
                lines.append("")
            lines += _columns(block) if isinstance(block, Columns) else _sheet(block)
    return lines


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding.startswith("utf-8"):
        return text.encode(encoding)
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(encoding)
        except UnicodeEncodeError:
            if ch not in FALLBACK:
                raise SampleError(f"layout.encoding {encoding} cannot write {ch!r}") from None
            out += FALLBACK[ch].encode(encoding)
    return bytes(out)


def write_txt(doc: Doc, path: Path) -> None:
    """Write the document as text in layout.encoding with layout.newline line ends."""
    newline = "\r\n" if doc.layout["newline"] == "crlf" else "\n"
    text = newline.join(text_lines(doc)) + newline
    path.write_bytes(_encode(text, doc.layout["encoding"]))
