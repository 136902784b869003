"""HTML fragments (a job description pasted from a web page or an editor) into blocks.

Uses the standard library's tolerant HTMLParser; block-level tags start blocks, list items get
their visible label, table cells keep their coordinates.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from jdcheck.readers.assemble import Draft

_BLOCK = frozenset(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th",
                    "br", "blockquote", "pre", "section", "article", "header", "footer",
                    "ul", "ol", "table", "title"])
_SKIP = frozenset(("script", "style", "head", "noscript", "template"))
_BOLD = frozenset(("b", "strong"))


class _Collector(HTMLParser):
    def __init__(self, draft: Draft) -> None:
        super().__init__(convert_charrefs=True)
        self.draft = draft
        self.buf: list[str] = []
        self.bold_chars = 0
        self.plain_chars = 0
        self.bold_depth = 0
        self.skip_depth = 0
        self.attrs: dict[str, Any] = {}
        self.lists: list[list[Any]] = []
        self.tables: list[list[int]] = []
        self.table_count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag in _BOLD:
            self.bold_depth += 1
        if tag not in _BLOCK:
            return
        self.flush()
        if tag in ("ul", "ol"):
            start = dict(attrs).get("start")
            self.lists.append([tag, int(start) - 1 if start and start.isdigit() else 0])
        elif tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] += 1
            self.attrs["label"] = f"{kind[1]}." if kind[0] == "ol" else "•"
            self.attrs["list_level"] = len(self.lists) - 1
        elif tag == "table":
            self.table_count += 1
            self.tables.append([self.table_count, 0, 0])
        elif tag == "tr" and self.tables:
            self.tables[-1][1] += 1
            self.tables[-1][2] = 0
        elif tag in ("td", "th") and self.tables:
            self.tables[-1][2] += 1
        elif tag[0] == "h" and tag[1:].isdigit():
            self.attrs["heading_level"] = int(tag[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
        if tag not in _BLOCK:
            return
        self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "table" and self.tables:
            self.tables.pop()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        text = " ".join(data.split())
        if not text:
            if data and self.buf:
                self.buf.append(" ")
            return
        if data[:1].isspace() and self.buf:
            self.buf.append(" ")
        self.buf.append(text)
        if data[-1:].isspace():
            self.buf.append(" ")
        if self.bold_depth:
            self.bold_chars += len(text)
        else:
            self.plain_chars += len(text)

    def flush(self) -> None:
        text = "".join(self.buf).strip()
        attrs = self.attrs
        if text:
            if self.tables and self.tables[-1][2]:
                attrs["table"], attrs["row"], attrs["cell"] = self.tables[-1]
            attrs["bold"] = self.bold_chars > 0 and self.plain_chars == 0
            self.draft.add(text, **attrs)
            self.attrs = {}
        elif "label" not in attrs:
            self.attrs = {}
        self.buf, self.bold_chars, self.plain_chars = [], 0, 0


def read_html(text: str) -> Draft:
    """Blocks of an HTML fragment."""
    draft = Draft("html")
    collector = _Collector(draft)
    collector.feed(text)
    collector.close()
    collector.flush()
    return draft
