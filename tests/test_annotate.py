"""Annotated Word copies: one comment per finding, on the right paragraph, nothing else changed.

Every check reads the saved file back (word/comments.xml and the comment markers in
word/document.xml) rather than python-docx's objects in memory.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from jdcheck.annotate import AnnotateError, annotate_docx, annotate_file
from jdcheck.config import find_config, make_settings
from jdcheck.model import Finding, Span
from jdcheck.readers import read_document
from jdcheck.readers.assemble import clean
from jdcheck.scan import ScanOptions, scan
from jdcheck.structure.parser import parse
from tests.conftest import CORPORA, REALWORLD, needs_soffice, soffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

DOCX = sorted(CORPORA.glob("*.docx"))
REAL_DOCX = sorted(REALWORLD.glob("*.docx")) if REALWORLD.is_dir() else []


@pytest.fixture(scope="module")
def corpus_findings() -> dict[Path, tuple[Finding, ...]]:
    """Findings of the shipped corpus, scanned once with its own configuration."""
    settings = make_settings(find_config(CORPORA), {})
    result = scan(ScanOptions(paths=(str(CORPORA),), settings=settings))
    return {Path(f.path).resolve(): tuple(f.findings) for f in result.files}


def _findings(table: dict[Path, tuple[Finding, ...]], path: Path) -> tuple[Finding, ...]:
    return table[path.resolve()]


# --- reading a saved copy back ------------------------------------------------------------


def _text(p: Any) -> str:
    """A paragraph's own visible text (text-box paragraphs inside it are their own)."""
    out: list[str] = []

    def visit(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in (W + "p", FALLBACK):
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            else:
                visit(child)

    visit(p)
    return "".join(out)


def _norm(text: str) -> str:
    return " ".join(clean(text).split())


def _inside(el: Any, tag: str) -> bool:
    return any(a.tag == tag for a in el.iterancestors())


def _story(root: Any) -> list[Any]:
    """Paragraphs of the main story that have text, in document order."""
    return [p for p in root.iter(W + "p") if not _inside(p, FALLBACK) and _norm(_text(p))]


@dataclass
class Saved:
    id: int
    author: str
    initials: str
    text: str
    anchor: Any


def _saved(path: Path) -> tuple[list[Saved], Any]:
    """Comments of a saved .docx with the paragraph each is anchored on, and the body root."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        root = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml")) \
            if "word/comments.xml" in names else None
    starts: dict[str, list[Any]] = {}
    for el in root.iter(W + "commentRangeStart"):
        starts.setdefault(el.get(W + "id"), []).append(el)
    ends = [el.get(W + "id") for el in root.iter(W + "commentRangeEnd")]
    refs = [el.get(W + "id") for el in root.iter(W + "commentReference")]
    out: list[Saved] = []
    for c in comments.iter(W + "comment") if comments is not None else ():
        cid = c.get(W + "id")
        assert len(starts.get(cid, [])) == 1 and ends.count(cid) == 1 and refs.count(cid) == 1, \
            f"comment {cid} must have one range start, one range end and one reference"
        anchor = next(a for a in starts[cid][0].iterancestors() if a.tag == W + "p")
        text = "\n".join(_text(p) for p in c.iter(W + "p"))
        out.append(Saved(int(cid), c.get(W + "author"), c.get(W + "initials"), text, anchor))
    return sorted(out, key=lambda s: s.id), root


def _ours(path: Path) -> tuple[list[Saved], Any]:
    saved, root = _saved(path)
    return [s for s in saved if s.author == "jdcheck"], root


def _missing(f: Finding) -> bool:
    loc = f.location
    return f.target == "document" or (loc.block is None and loc.paragraph is None
                                      and loc.table is None)


def _first_body(root: Any) -> Any:
    return next(p for p in _story(root) if not _inside(p, W + "txbxContent"))


def _begins_here(anchor: str, quote: str) -> bool:
    """The quote (or, after a lead-in line, the part after a colon) starts in this paragraph."""
    a, q = _norm(anchor), _norm(quote)
    starts = [q] + [r for m in re.finditer(":", q) if len(r := q[m.end():].strip()) >= 6]
    for s in starts:
        if s[:30] in a:
            return True
        i = a.find(s[:12])
        if i >= 0 and s.startswith(a[i:]):
            return True
    return False


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the shipped corpus, with the findings a scan gives --------------------------------------


def _annotated(path: Path, corpus_findings: Any, tmp_path: Path) -> tuple[Any, Path, Any]:
    """A corpus document's findings, its annotated copy, and the annotator's result; the
    original's bytes are checked unchanged."""
    findings = _findings(corpus_findings, path)
    before = _sha(path)
    out = tmp_path / "annotated.docx"
    result = annotate_docx(path, findings, out)
    assert _sha(path) == before
    return findings, out, result


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_one_comment_per_finding_on_its_paragraph(path: Path, corpus_findings: Any,
                                                  tmp_path: Path) -> None:
    findings, out, result = _annotated(path, corpus_findings, tmp_path)
    assert result.path == out and result.comments == len(findings)
    existing, _ = _saved(path) if _has_comments(path) else ([], None)
    saved, root = _saved(out)
    ours = [s for s in saved if s.author == "jdcheck"]
    assert len(saved) == len(existing) + len(findings)
    assert len(ours) == len(findings)
    first = _first_body(root)
    blocks = read_document(path).blocks
    for f, c in zip(findings, ours, strict=True):
        assert c.initials == "JD"
        assert f.message in c.text and f.rule in c.text and f.name in c.text
        assert "; ".join(f.law) in c.text
        if _missing(f):
            assert c.anchor is first, f"{f.rule} belongs on the first paragraph"
            continue
        if f.quote:
            assert _begins_here(_text(c.anchor), f.quote), \
                f"{f.rule}: «{f.quote[:60]}» is not in «{_text(c.anchor)[:60]}»"
        if f.location.block is not None and f.location.part in (None, "body", "textbox"):
            assert _norm(_text(c.anchor)) == _norm(blocks[f.location.block].text), \
                f"{f.rule} is not on the paragraph its location names"
    for note in result.notes:
        assert findings[note.finding].location.part in ("header", "footer"), str(note)


def _has_comments(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        return "word/comments.xml" in z.namelist()


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_copy_keeps_text_tables_and_styles(path: Path, corpus_findings: Any,
                                           tmp_path: Path) -> None:
    findings, out, _ = _annotated(path, corpus_findings, tmp_path)
    assert _contents(out) == _contents(path)
    assert read_document(out).blocks == read_document(path).blocks
    assert _style_ids(path) <= _style_ids(out)


def _contents(path: Path) -> dict[str, Any]:
    """Every paragraph's text and style and every table cell's text, per story part."""
    out: dict[str, Any] = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                root = etree.fromstring(z.read(name))
                paragraphs = [(_text(p), _style(p)) for p in root.iter(W + "p")]
                tables = [[[_cell(tc) for tc in tr.iter(W + "tc")] for tr in tbl.iter(W + "tr")]
                          for tbl in root.iter(W + "tbl")]
                out[name] = (paragraphs, tables)
    return out


def _style(p: Any) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else None


def _cell(tc: Any) -> str:
    return "\n".join(_text(p) for p in tc.iter(W + "p"))


def _style_ids(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        if "word/styles.xml" not in z.namelist():
            return set()
        root = etree.fromstring(z.read("word/styles.xml"))
    return {s.get(W + "styleId") for s in root.iter(W + "style")}


@pytest.fixture(scope="module")
def rendered(corpus_findings: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Annotated copies of every .docx sample, converted by LibreOffice to PDF and ODT at once."""
    folder = tmp_path_factory.mktemp("rendered")
    copies = []
    for path in DOCX:
        copies.append(folder / path.name)
        annotate_docx(path, _findings(corpus_findings, path), copies[-1])
    profile = (folder / "lo-profile").as_uri()
    for fmt in ("pdf", "odt"):
        subprocess.run([soffice() or "soffice", f"-env:UserInstallation={profile}",
                        "--headless", "--norestore", "--convert-to", fmt, "--outdir",
                        str(folder), *map(str, copies)], check=True, capture_output=True,
                       timeout=600)
    return folder


@needs_soffice
@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_libreoffice_opens_the_copy(path: Path, corpus_findings: Any, rendered: Path) -> None:
    pdf = rendered / f"{path.stem}.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 0
    assert pdf.read_bytes()[:5] == b"%PDF-"
    with zipfile.ZipFile(rendered / f"{path.stem}.odt") as z:
        content = etree.fromstring(z.read("content.xml"))
    authors = [a.findtext("{http://purl.org/dc/elements/1.1/}creator")
               for a in content.iter(OFFICE + "annotation")]
    assert authors.count("jdcheck") == len(_findings(corpus_findings, path))


# --- every block and every clause of real documents, as findings --------------------------


def _synthetic(rule: str, path: Path, location: Span, quote: str | None) -> Finding:
    return Finding(rule=rule, name="place check", category="parse-uncertain", severity="info",
                   message=f"check {rule}", target="duties", file=str(path), location=location,
                   quote=quote, fingerprint=rule)


def _offset(story: list[str], blocks: list[str]) -> int:
    """Where the main story's paragraphs sit among the reader's blocks (headers come first)."""
    for j in range(len(blocks) - len(story) + 1):
        if blocks[j:j + len(story)] == story:
            return j
    raise AssertionError("the reader's blocks do not contain the main story in order")


@pytest.mark.parametrize("path", DOCX + REAL_DOCX, ids=lambda p: p.name)
def test_every_block_and_clause_maps_to_its_paragraph(path: Path, tmp_path: Path) -> None:
    raw = read_document(path)
    doc = parse(raw)
    findings = [_synthetic(f"B{b.index}", path, b.span(), b.text) for b in raw.blocks]
    for section in doc.sections:
        for clause in section.clauses:
            lead = section.clauses[clause.parent] if clause.parent is not None else None
            quote = f"{lead.text} {clause.text}" if lead is not None and lead.lead_in \
                else clause.text
            findings.append(_synthetic(f"C{section.index}.{clause.index}", path, clause.span,
                                       quote))
    out = tmp_path / "annotated.docx"
    result = annotate_docx(path, findings, out)
    ours, root = _ours(out)
    story = _story(root)
    where = {p: i for i, p in enumerate(story)}
    j = _offset([_norm(_text(p)) for p in story], [_norm(b.text) for b in raw.blocks])
    noted = {n.finding for n in result.notes}
    for n, (f, c) in enumerate(zip(findings, ours, strict=True)):
        block = f.location.block
        assert block is not None
        if j <= block < j + len(story):
            assert where.get(c.anchor) == block - j, f"{f.rule} is on the wrong paragraph"
            assert n not in noted
        else:
            assert raw.blocks[block].part in ("header", "footer", "textbox")
            assert c.anchor is _first_body(root) and n in noted


def test_a_quote_found_elsewhere_moves_the_comment_and_says_so(tmp_path: Path) -> None:
    path = CORPORA / "ru_kassir.docx"
    raw = read_document(path)
    texts = [b.text for b in raw.blocks]
    unique = [b for b in raw.blocks if b.part == "body" and len(b.text) > 30
              and texts.count(b.text) == 1]
    here, there = unique[3], unique[-3]
    findings = [_synthetic("MOVED", path, here.span(), there.text),
                _synthetic("ABSENT", path, here.span(), "Этой фразы в инструкции нет вовсе.")]
    out = tmp_path / "annotated.docx"
    result = annotate_docx(path, findings, out)
    ours, _ = _ours(out)
    assert _norm(_text(ours[0].anchor)) == _norm(there.text)
    assert _norm(_text(ours[1].anchor)) == _norm(here.text)
    assert sorted(n.finding for n in result.notes) == [0, 1]


def test_runs_inside_a_hyperlink_are_covered_without_changing_text(tmp_path: Path) -> None:
    """A paragraph whose runs all sit in a hyperlink has no run of its own to anchor on."""
    path = CORPORA / "ru_kassir.docx"
    raw = read_document(path)
    target = next(b for b in raw.blocks if b.part == "body" and b.table is None
                  and len(b.text) > 40)
    linked = tmp_path / "linked.docx"
    _wrap_in_hyperlink(path, linked, target.text)
    assert read_document(linked).blocks == raw.blocks
    out = tmp_path / "annotated.docx"
    result = annotate_docx(linked, [_synthetic("LINK", linked, target.span(), target.text)], out)
    assert not result.notes
    ours, _ = _ours(out)
    p = ours[0].anchor
    kids = [k.tag for k in p if k.tag != W + "pPr"]
    assert kids.index(W + "commentRangeStart") < kids.index(W + "hyperlink") \
        < kids.index(W + "commentRangeEnd")
    assert read_document(out).blocks == raw.blocks


def _wrap_in_hyperlink(src: Path, dst: Path, text: str) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                p = next(p for p in root.iter(W + "p") if _norm(_text(p)) == _norm(text))
                link = etree.SubElement(p, W + "hyperlink", {W + "anchor": "target"})
                for r in [r for r in p if r.tag == W + "r"]:
                    link.append(r)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            zout.writestr(item, data)


# --- other formats and refusals -------------------------------------------------------------


@needs_soffice
@pytest.mark.parametrize("name", ["ru_kladovshchik.rtf", "az_ofis_meneceri.odt"])
def test_rtf_and_odt_get_a_converted_copy_with_comments(name: str, corpus_findings: Any,
                                                        tmp_path: Path) -> None:
    path = CORPORA / name
    findings = _findings(corpus_findings, path)
    assert findings, "the sample should have findings to annotate"
    before = _sha(path)
    out = tmp_path / "annotated.docx"
    result = annotate_file(path, findings, out)
    assert _sha(path) == before
    assert zipfile.is_zipfile(out) and result.comments == len(findings)
    ours, root = _ours(out)
    assert len(ours) == len(findings)
    blocks = read_document(path).blocks
    for f, c in zip(findings, ours, strict=True):
        assert f.rule in c.text
        if _missing(f):
            assert c.anchor is _first_body(root)
        else:
            quote = f.quote or blocks[f.location.block or 0].text
            assert _begins_here(_text(c.anchor), quote), f.rule
    assert not result.notes
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("name", ["ru_yurisconsult.pdf", "ru_voditel.txt"])
def test_pdf_and_text_are_refused_with_a_clear_error(name: str, tmp_path: Path) -> None:
    path = CORPORA / name
    out = tmp_path / "annotated.docx"
    with pytest.raises(AnnotateError) as caught:
        annotate_file(path, [], out)
    assert caught.value.code.startswith("E4")
    assert caught.value.path == str(path)
    assert name in str(caught.value) and ".docx" in str(caught.value)
    assert not out.exists()


def test_rtf_without_libreoffice_says_how_to_convert(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = CORPORA / "ru_kladovshchik.rtf"
    out = tmp_path / "annotated.docx"
    with pytest.raises(AnnotateError) as caught:
        annotate_file(path, [], out)
    message = str(caught.value)
    assert path.name in message and "LibreOffice" in message and ".docx" in message
    assert not out.exists()


@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_writing_over_the_source_is_refused(spelling: str, corpus_findings: Any,
                                            tmp_path: Path) -> None:
    original = CORPORA / "ru_menedzher_po_rabote_s_klientami.docx"
    path = tmp_path / "doc" / original.name
    path.parent.mkdir()
    shutil.copyfile(original, path)
    out = {"same": path, "dotted": tmp_path / "doc" / ".." / "doc" / original.name,
           "link": tmp_path / "link.docx"}[spelling]
    if spelling == "link":
        out.symlink_to(path)
    before = _sha(path)
    for annotate in (annotate_docx, annotate_file):
        with pytest.raises(AnnotateError) as caught:
            annotate(path, _findings(corpus_findings, original), out)
        assert caught.value.path == str(path)
        assert _sha(path) == before
