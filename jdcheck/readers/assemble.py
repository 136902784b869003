"""The builder every reader fills: blocks in order, text normalised, offsets and lines computed."""

from __future__ import annotations

import unicodedata
from typing import Any

from jdcheck.model import Block, Diagnostic, RawDocument, SourceInfo

# Characters a person does not see, sees as a plain space, or sees as a bullet (Symbol-font
# bullets in the private use area); other control characters are dropped.
_TABLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None),
    **dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127], None),
    **dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                        "\u2009\u200a\u202f\u205f\u3000"), " "),
    **dict.fromkeys(map(ord, "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf02d\uf0be"), "•"),
}


def clean(text: str) -> str:
    """Normalise what a reader extracted: NFC, CRLF, NBSP, soft hyphens, stray controls."""
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


class Draft:
    """Collects blocks and diagnostics while a reader walks a file."""

    def __init__(self, fmt: str | None = None) -> None:
        self.format = fmt
        self.encoding: str | None = None
        self.pages: int | None = None
        self._blocks: list[dict[str, Any]] = []
        self._notes: list[tuple[str, str, int | None]] = []
        self._paragraph = 0

    def add(self, text: str, **attrs: Any) -> None:
        """Append one block; a body paragraph outside tables gets the next paragraph number."""
        text = clean(text).strip("\n")
        if attrs.get("table") is None and attrs.get("part", "body") == "body":
            self._paragraph += 1
            attrs["paragraph"] = self._paragraph
        attrs["text"] = text
        self._blocks.append(attrs)

    def note(self, code: str, message: str, block: int | None = None) -> None:
        """Record a diagnostic, optionally pointing at a block index (default: the last block)."""
        self._notes.append((code, message, block))

    def drop(self, attr: str) -> None:
        """Forget an attribute on every block (e.g. page numbers a format cannot know)."""
        for block in self._blocks:
            block.pop(attr, None)

    @property
    def count(self) -> int:
        """Number of blocks added so far."""
        return len(self._blocks)

    def finish(self, source: SourceInfo) -> RawDocument:
        """Compute offsets and lines, drop empty blocks, and freeze the result."""
        blocks: list[Block] = []
        remap: dict[int, int] = {}
        offset, line = 0, 1
        for i, attrs in enumerate(self._blocks):
            text = attrs["text"]
            if not text.strip():
                if i + 1 < len(self._blocks):
                    self._blocks[i + 1].setdefault("gap_before", True)
                continue
            remap[i] = len(blocks)
            attrs.setdefault("line", line)
            blocks.append(Block(index=len(blocks), start=offset, **attrs))
            offset += len(text) + 1
            line += text.count("\n") + 1
        text = "\n".join(b.text for b in blocks)
        diags = tuple(self._diagnostic(c, m, b, blocks, remap) for c, m, b in self._notes)
        return RawDocument(source=source, blocks=tuple(blocks), text=text, diagnostics=diags)

    def _diagnostic(self, code: str, message: str, block: int | None, blocks: list[Block],
                    remap: dict[int, int]) -> Diagnostic:
        if block is None:
            return Diagnostic(code=code, message=message)
        target = next((remap[j] for j in range(block, len(self._blocks)) if j in remap), None)
        span = blocks[target].span() if target is not None else None
        return Diagnostic(code=code, message=message, span=span)

