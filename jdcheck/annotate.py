"""Annotated copies of Word documents: each finding becomes a Word comment on its paragraph.

A comment lives in the comments part and is anchored in the text by ``w:commentRangeStart``,
``w:commentRangeEnd`` and a run holding ``w:commentReference`` (ECMA-376 Part 1, §17.13.4);
python-docx writes all three. Paragraphs are found again by the .docx reader's own walk, so a
finding's span names the same paragraph here. The source file is only ever read.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdcheck.errors import JdcheckError, ReadError
from jdcheck.model import Block, Finding, SourceInfo, Span
from jdcheck.readers.archive import check_package
from jdcheck.readers.assemble import Draft, clean
from jdcheck.readers.base import Limits, read_document, sniff
from jdcheck.readers.docx import walk_document
from jdcheck.readers.docx_numbering import W

AUTHOR, INITIALS = "jdcheck", "JD"
CONVERT_TIMEOUT = 180.0

# Error codes of annotation, one per cause.
UNSUPPORTED = "E401"
SAME_FILE = "E402"
NO_CONVERTER = "E403"
CONVERSION_FAILED = "E404"
UNREADABLE = "E405"
UNWRITABLE = "E406"

_R = W + "r"
_NOT_CONTENT = frozenset(W + t for t in (
    "pPr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr",
    "permStart", "permEnd"))
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONVERTIBLE = {"rtf": "rtf", "odt": "odt", "doc": "doc", "ole": "doc"}


class AnnotateError(JdcheckError):
    """A document could not be annotated: the message names the file and the cause."""

    code = "E400"


@dataclass(frozen=True)
class Note:
    """Why one finding's comment is not exactly where the finding points."""

    finding: int
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.text}"


@dataclass(frozen=True)
class AnnotateResult:
    """The annotated copy, the number of comments added, and notes on inexact anchors."""

    path: Path
    comments: int
    notes: tuple[Note, ...] = ()


def annotate_docx(source: str | Path, findings: Sequence[Finding],
                  out: str | Path) -> AnnotateResult:
    """Write a copy of a .docx to ``out`` with one comment per finding, anchored by its span."""
    src, dst = _paths(source, out)
    data = _load(src)
    kind = sniff(data, src.suffix.lower())
    if kind != "docx":
        raise _unsupported(src, kind)
    return _annotate(_open(data, src), findings, dst, _Locator.by_span, src, data)


def annotate_file(source: str | Path, findings: Sequence[Finding],
                  out: str | Path) -> AnnotateResult:
    """Annotate a .docx, or a .rtf/.odt/.doc through a .docx copy made by LibreOffice."""
    src, dst = _paths(source, out)
    data = _load(src)
    kind = sniff(data, src.suffix.lower())
    if kind == "docx":
        return _annotate(_open(data, src), findings, dst, _Locator.by_span, src, data)
    if kind not in _CONVERTIBLE:
        raise _unsupported(src, kind)
    converted = _convert(src, data, _CONVERTIBLE[kind])
    return _annotate(_open(converted, src), findings, dst, _Locator.by_text, src, data)


def comment_text(finding: Finding) -> str:
    """The comment for a finding: its message, rule id and name, and legal references."""
    lines = [finding.message, f"{finding.rule} {finding.name}"]
    if finding.law:
        lines.append("; ".join(finding.law))
    return _XML_UNSAFE.sub("", "\n".join(lines))


def _annotate(document: Any, findings: Sequence[Finding], dst: Path, how: str, src: Path,
              original: bytes) -> AnnotateResult:
    from docx.text.run import Run

    places = _places(document)
    locator = _Locator(places, how, _first_paragraph(places, document, src), src, original)
    anchors: dict[Any, tuple[Any, Any]] = {}
    notes: list[Note] = []
    for n, finding in enumerate(findings):
        paragraph, why = locator.locate(finding)
        if why:
            notes.append(Note(n, finding.rule, why))
        if paragraph not in anchors:
            anchors[paragraph] = _anchor_runs(paragraph)
        first, last = anchors[paragraph]
        document.add_comment([Run(first, document), Run(last, document)],
                             text=comment_text(finding), author=AUTHOR, initials=INITIALS)
    _save(document, dst)
    return AnnotateResult(path=dst, comments=len(findings), notes=tuple(notes))


@dataclass(frozen=True)
class _Place:
    """One block of the reader's walk and the paragraph element it was read from."""

    block: Block
    element: Any
    commentable: bool


class _Trail(Draft):
    """A Draft that also records which paragraphs it will keep as blocks."""

    def __init__(self) -> None:
        super().__init__("docx")
        self.kept: list[bool] = []

    def add(self, text: str, **attrs: Any) -> None:
        self.kept.append(bool(clean(text).strip()))
        super().add(text, **attrs)


def _places(document: Any) -> list[_Place]:
    """Blocks in the order and numbering of ``jdcheck.readers.docx.read``, with their elements."""
    trail = _Trail()
    elements: list[Any] = []
    walk_document(document, trail, elements.append)
    info = SourceInfo(path="", name="", format="docx", sha256="", size=0)
    blocks = trail.finish(info).blocks
    elements = [el for el, kept in zip(elements, trail.kept, strict=True) if kept]
    main = W + "document"
    return [_Place(b, el, el.getroottree().getroot().tag == main)
            for b, el in zip(blocks, elements, strict=True)]


def _first_paragraph(places: list[_Place], document: Any, src: Path) -> Any:
    """The first body paragraph with text in reading order, else the body's first paragraph."""
    for place in places:
        if place.commentable and place.block.part == "body":
            return place.element
    p = next(document.element.body.iter(W + "p"), None)
    if p is None:
        raise AnnotateError("the document has no paragraph to attach comments to",
                            path=str(src), code=UNREADABLE)
    return p


class _Locator:
    """Finds the paragraph each finding is about, by its span or by the text it quotes."""

    by_span, by_text = "span", "text"

    def __init__(self, places: list[_Place], how: str, first: Any, src: Path,
                 original: bytes) -> None:
        self.places, self.how, self.first = places, how, first
        self.src, self.original = src, original
        self._blocks: tuple[Block, ...] | None = None

    def locate(self, f: Finding) -> tuple[Any, str | None]:
        """The paragraph element for a finding and, when it is not the exact place, why."""
        loc = f.location
        if f.target == "document" or (loc.block is None and loc.paragraph is None
                                      and loc.table is None):
            return self.first, None
        if self.how == self.by_text:
            return self._by_text(f)
        at = self._at_span(loc)
        if at is not None and (f.quote is None or _holds(at, _heads(f.quote))):
            if at.commentable:
                return at.element, None
            return self.first, (f"Word keeps no comments in the {_story_name(at)} "
                                f"({loc.describe()}); the comment is on the first paragraph")
        found = self._search(f.quote, at) if f.quote else None
        if found is not None:
            return found.element, (f"the quoted text is not at {loc.describe()}; the comment is "
                                   "on the paragraph where it appears")
        if at is not None and at.commentable:
            return at.element, (f"the quoted text was not found; the comment is at "
                                f"{loc.describe()}")
        return self.first, (f"no paragraph at {loc.describe()} holds the quoted text; the "
                            "comment is on the first paragraph")

    def _by_text(self, f: Finding) -> tuple[Any, str | None]:
        key = f.quote or self._original_text(f.location)
        found = self._search(key, None) if key else None
        if found is not None:
            return found.element, None
        what = "the quoted text" if f.quote else f"the text at {f.location.describe()}"
        return self.first, (f"{what} was not found in the copy converted by LibreOffice; the "
                            "comment is on the first paragraph")

    def _at_span(self, loc: Span) -> _Place | None:
        if loc.block is not None and 0 <= loc.block < len(self.places):
            place = self.places[loc.block]
            if _agrees(place.block, loc):
                return place
        if loc.paragraph is None and loc.table is None:
            return None
        return next((p for p in self.places if _agrees(p.block, loc)), None)

    def _search(self, quote: str, near: _Place | None) -> _Place | None:
        """The commentable paragraph where the quote starts, nearest to ``near`` if several."""
        heads = _heads(quote)
        centre = near.block.index if near is not None else 0
        for group in (heads[:1], heads[1:]):
            hits = [p for p in self.places if p.commentable and _holds(p, group)]
            if hits:
                return min(hits, key=lambda p: abs(p.block.index - centre))
        return None

    def _original_text(self, loc: Span) -> str | None:
        """Text of the block a span names in the original file, read with jdcheck's readers."""
        if self._blocks is None:
            try:
                self._blocks = read_document(self.src, data=self.original).blocks
            except JdcheckError:
                self._blocks = ()
        if loc.block is not None and 0 <= loc.block < len(self._blocks):
            block = self._blocks[loc.block]
            return block.text if _agrees(block, loc) else None
        return None


def _story_name(place: _Place) -> str:
    root = place.element.getroottree().getroot().tag
    return {W + "hdr": "header", W + "ftr": "footer"}.get(root, place.block.part)


def _agrees(block: Block, loc: Span) -> bool:
    if (loc.part or "body") != block.part:
        return False
    return all(getattr(loc, name) is None or getattr(loc, name) == getattr(block, name)
               for name in ("paragraph", "table", "row", "cell"))


def _norm(text: str) -> str:
    return " ".join(clean(text).split())


def _heads(quote: str, size: int = 40) -> list[str]:
    """The start of a quote, then the start of what follows each colon (after a lead-in line)."""
    q = _norm(quote)
    heads = [q[:size]]
    for colon in re.finditer(":", q):
        rest = q[colon.end():].lstrip()
        if len(rest) >= 6:
            heads.append(rest[:size])
    return [h for h in heads if h]


def _holds(place: _Place, heads: Sequence[str]) -> bool:
    """Whether a quote with one of these starts begins in this paragraph."""
    block = place.block
    texts = [block.text] + ([f"{block.label} {block.text}"] if block.label else [])
    return any(_begins(_norm(text), head) for text in texts for head in heads)


def _begins(body: str, head: str) -> bool:
    """``head`` is in ``body``, or the quote runs on past the paragraph from a word of it."""
    if head in body:
        return True
    for i in range(max(0, len(body) - len(head) + 1), len(body)):
        tail = len(body) - i
        at_word = tail >= 4 if i == 0 else tail >= 12 and body[i - 1] == " "
        if at_word and head.startswith(body[i:]):
            return True
    return False


def _anchor_runs(p: Any) -> tuple[Any, Any]:
    """First and last run spanning a paragraph's content; empty runs are added where needed."""
    from docx.oxml.parser import OxmlElement

    content = [c for c in p.iterchildren() if isinstance(c.tag, str) and c.tag not in _NOT_CONTENT
               and (c.tag == _R or next(c.iter(_R), None) is not None)]
    if not content:
        run = OxmlElement("w:r")
        p.append(run)
        return run, run
    first, last = content[0], content[-1]
    if first.tag != _R:
        first.addprevious(run := OxmlElement("w:r"))
        first = run
    if last.tag != _R:
        last.addnext(run := OxmlElement("w:r"))
        last = run
    return first, last


def _paths(source: str | Path, out: str | Path) -> tuple[Path, Path]:
    src, dst = Path(source), Path(out)
    same = dst.resolve() == src.resolve()
    if not same and dst.exists() and src.exists():
        same = os.path.samefile(src, dst)
    if same:
        raise AnnotateError("the annotated copy would overwrite the original document",
                            path=str(src), code=SAME_FILE,
                            hint="give another output file; the original is never modified")
    return src, dst


def _load(src: Path) -> bytes:
    """The source's bytes, read once; the file is opened for reading only."""
    limits = Limits()
    try:
        if src.stat().st_size > limits.max_file_bytes:
            raise AnnotateError(f"the file is larger than {limits.max_file_bytes:,} bytes",
                                path=str(src), code=UNREADABLE)
        with src.open("rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise AnnotateError(f"cannot open the file: {exc.strerror or exc}", path=str(src),
                            code=UNREADABLE, hint="check that it exists and is readable"
                            ) from None
    if data[:2] == b"PK":
        try:
            check_package(data, str(src), limits.max_unpacked_bytes,
                          limits.max_compression_ratio)
        except ReadError as exc:
            raise AnnotateError(exc.message, path=str(src), code=UNREADABLE,
                                hint=exc.hint) from None
    return data


def _open(data: bytes, src: Path) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a package it cannot use
        raise AnnotateError(f"cannot open it as a Word document ({type(exc).__name__}: {exc})",
                            path=str(src), code=UNREADABLE,
                            hint="the file may be damaged, or a .docm or template") from None


def _save(document: Any, dst: Path) -> None:
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        dst.write_bytes(buffer.getvalue())
    except OSError as exc:
        raise AnnotateError(f"cannot write the annotated copy: {exc.strerror or exc}",
                            path=str(dst), code=UNWRITABLE,
                            hint="check that the folder exists and is writable") from None


def _unsupported(src: Path, kind: str) -> AnnotateError:
    what = {"pdf": "a PDF", "txt": "plain text", "rtf": "an RTF document",
            "odt": "an OpenDocument text", "doc": "a legacy Word .doc",
            "ole": "a legacy Word .doc"}.get(kind, f"not a document jdcheck can annotate ({kind})")
    if kind == "pdf":
        hint = ("a PDF cannot be turned back into an editable document reliably; annotate the "
                "Word file it was made from")
    else:
        hint = ("save it as .docx in Word or LibreOffice (or run `soffice --headless "
                "--convert-to docx FILE`) and annotate the .docx")
    return AnnotateError(f"annotation needs a Word .docx file, and this is {what}",
                         path=str(src), code=UNSUPPORTED, hint=hint)


def _convert(src: Path, data: bytes, ext: str) -> bytes:
    """A .docx made by LibreOffice from the source's bytes, in a private temporary folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise AnnotateError(f"annotating a .{ext} file needs LibreOffice to make a .docx copy, "
                            "and soffice is not installed", path=str(src), code=NO_CONVERTER,
                            hint="install LibreOffice, or save the document as .docx in Word "
                                 "and annotate that")
    with tempfile.TemporaryDirectory(prefix="jdcheck-annotate-") as tmp:
        folder = Path(tmp)
        copy = folder / f"source.{ext}"
        copy.write_bytes(data)
        cmd = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
               "--norestore", "--convert-to", "docx", "--outdir", str(folder), str(copy)]
        try:
            result = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT,
                                    check=False)
        except subprocess.TimeoutExpired:
            raise AnnotateError(f"LibreOffice took longer than {CONVERT_TIMEOUT:.0f} s to "
                                "convert it to .docx", path=str(src),
                                code=CONVERSION_FAILED) from None
        converted = folder / "source.docx"
        if result.returncode != 0 or not converted.is_file():
            detail = result.stderr.decode("utf-8", "replace").strip()[:200]
            raise AnnotateError(f"LibreOffice could not convert it to .docx "
                                f"({detail or f'exit code {result.returncode}'})",
                                path=str(src), code=CONVERSION_FAILED,
                                hint="the file may be damaged or password-protected")
        return converted.read_bytes()
