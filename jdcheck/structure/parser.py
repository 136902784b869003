"""From a RawDocument (blocks) to the structured Document model."""

from __future__ import annotations

import re

from jdcheck.model import SCHEMA_VERSION, Diagnostic, Document, RawDocument, Section, Span
from jdcheck.structure import classify as cls
from jdcheck.structure.clauses import build_clauses
from jdcheck.structure.fields import find_name
from jdcheck.structure.grifs import find_grifs
from jdcheck.structure.headings import Heading, find_headings, has_possessor, match_vocabulary
from jdcheck.structure.lexicon import Lexicon, lexicon
from jdcheck.structure.lines import Line, prepare
from jdcheck.structure.normalize import key
from jdcheck.structure.toc import find_contents

_MESSAGES = {
    "D202": "heading recognised from its layout (numbering, bold or capitals), not from its words",
    "D203": "a heading run into its first paragraph was split off",
    "D204": "a short bold, capitalised or grade line inside a section was read as a sub-heading",
    "D205": "numbering restarts or jumps inside the section",
    "D206": "the job description starts after other text",
    "D207": "the agreement block is repeated; counted once",
    "D208": "a table inside a section was not read as clauses",
    "D209": "a heading glued onto the end of a paragraph was split off",
    "D210": "the text up to a «read more» link belongs to another post on the page; left out",
    "D211": "grif columns were merged line by line; the agreement was read by the names in it",
    "D212": "text repeating the table above (a converter's flat copy) was not read as clauses",
}
_UNDERSCORES = re.compile(r"_{3,}")
_SIGN_CAPTION = re.compile(r"\(\s*(?:подпись|imza|фамилия|ф\.?\s?и\.?\s?о)", re.IGNORECASE)
_APPENDIX = re.compile(r"^(?:приложение|elave)\b")


def parse(raw: RawDocument, lex: Lexicon | None = None) -> Document:
    """Parse the blocks of one document into the model."""
    lex = lex or lexicon()
    lines = prepare(raw.blocks, lambda text: bool(match_vocabulary(text, lex)
                                                  or match_vocabulary(text, lex, strict=True)))
    foreign = _foreign_prefix(lines, lex)
    grifs = find_grifs(lines, lex, start=foreign)
    used = set(grifs.used) | set(range(foreign))
    title = cls.find_title(lines, used, lex)
    if title is not None:
        used.update(ln.i for ln in title.lines)
        _mark_position_line(lines, title, used)
    contents = find_contents(lines, used, lex)
    notes: list[tuple[str, int]] = []
    if contents is not None:
        used.update(ln.i for ln in contents.lines)
        headings = contents.headings
    else:
        headings, notes = find_headings(lines, used, lex)
    end = _body_end(lines, headings, grifs.used, lex)
    if contents is not None:
        end = _unlisted_heading(lines, headings, end)
    sections, section_notes = _sections(lines, headings, used, end, _flow(raw, lines))
    notes.extend(section_notes)
    if title is None and _is_topic(sections):
        head = headings[-1]
        title = cls.Title(head.line.text, [head.line], "topic", None)
        sections = []
    language, shares = cls.detect_language(raw.text)
    own_text = raw.text
    if foreign:
        cut = lines[foreign].block.start if foreign < len(lines) else len(raw.text)
        own_text = " " * cut + raw.text[cut:]
    jurisdiction = cls.detect_jurisdiction(own_text, raw.blocks, lex)
    has_grif = grifs.approval is not None or bool(grifs.agreements)
    kind, reason = cls.classify(title, sections, lines, has_grif, lex)
    diagnostics = list(raw.diagnostics)
    diagnostics += [_diag(code, raw, block) for code, block in notes]
    diagnostics += [_diag("D209", raw, h.line.block.index) for h in headings if h.line.glued]
    diagnostics += [_diag(code, raw, block) for code, _, block in grifs.notes]
    if foreign:
        diagnostics.append(_diag("D210", raw, lines[foreign - 1].block.index))
    if title is not None and title.lines[0].i > 40 and headings:
        diagnostics.append(_diag("D206", raw, title.lines[0].block.index))
    return Document(
        schema_version=SCHEMA_VERSION, source=raw.source, language=language,  # type: ignore[arg-type]
        language_shares=shares, jurisdiction=jurisdiction, kind=kind,  # type: ignore[arg-type]
        is_job_description=kind in ("job-description", "form"), kind_reason=reason,
        title=cls.title_field(title), position=title.position if title else None,
        organisation=cls.find_organisation(raw.blocks, lex), approval=grifs.approval,
        agreements=tuple(grifs.agreements), sections=tuple(sections),
        acknowledgment=grifs.acknowledgment, diagnostics=tuple(diagnostics),
        blocks=raw.blocks, text=raw.text)


_ARROWS = " →»>…."


def _foreign_prefix(lines: list[Line], lex: Lexicon) -> int:
    """How many lines at the top belong to other posts: those up to the last «read more» link
    among the first lines of a web page (a tag page lists teasers above the document)."""
    read_more = lex.marker("web", "read_more")
    cut = 0
    for line in lines[:80]:
        if line.words <= 4 and read_more.match(key(line.text.strip(_ARROWS))):
            cut = line.i + 1
    return cut if cut < len(lines) else 0


def _is_topic(sections: list[Section]) -> bool:
    """«Mühasibin vəzifələri, hüquqları və məsuliyyəti» over prose, with no other section that
    holds anything: the title of a text about a post, not a section of its job description."""
    if not sections:
        return False
    last = sections[-1]
    return (len(set(last.kinds) & {"duties", "rights", "liability", "functions"}) >= 3
            and last.number is None and last.recognised_by == "vocabulary"
            and has_possessor(key(last.heading))
            and all(not s.clauses for s in sections[:-1]))


def _flow(raw: RawDocument, lines: list[Line]) -> str:
    """How paragraphs are laid out: per block (word processors), per line, or hard-wrapped."""
    if raw.source.format not in ("txt", "pdf", "md"):
        return raw.source.format
    long = [ln for ln in lines if len(ln.text) >= 50 and not ln.in_table]
    if len(long) >= 8:
        open_ended = sum(1 for ln in long if not ln.text.rstrip().endswith(
            (".", ";", ":", "!", "?", "»", '"', ")")))
        if open_ended / len(long) >= 0.4:
            return "wrapped"
    return "lines"


def _diag(code: str, raw: RawDocument, block: int) -> Diagnostic:
    span: Span | None = raw.blocks[block].span() if 0 <= block < len(raw.blocks) else None
    return Diagnostic(code=code, message=_MESSAGES.get(code, code), span=span)


def _mark_position_line(lines: list[Line], title: cls.Title, used: set[int]) -> None:
    if title.position is None:
        return
    first = title.lines[0].i
    for line in [*lines[first + 1:first + 3], *lines[max(0, first - 1):first]]:
        if key(line.body) == key(title.position):
            used.add(line.i)
            return


def _sections(lines: list[Line], headings: list[Heading], used: set[int], end: int,
              fmt: str) -> tuple[list[Section], list[tuple[str, int]]]:
    sections: list[Section] = []
    notes: list[tuple[str, int]] = []
    for n, heading in enumerate(headings):
        start = heading.line.i + 1
        stop = headings[n + 1].line.i if n + 1 < len(headings) else end
        body = [ln for ln in lines[start:max(start, stop)] if ln.i not in used]
        clauses, clause_notes = build_clauses(body, fmt, heading.rest, heading.line)
        notes.extend(clause_notes)
        last = lines[max(start, stop) - 1] if stop > start else heading.line
        span = heading.line.span().model_copy(update={"end": last.span().end})
        sections.append(Section(index=n, kinds=heading.kinds,  # type: ignore[arg-type]
                                heading=heading.text, number=heading.number,
                                recognised_by=heading.by, span=span, clauses=tuple(clauses)))
    return sections, notes


def _body_end(lines: list[Line], headings: list[Heading], used: set[int], lex: Lexicon) -> int:
    """Where the last section ends: the drafter's signature or a grif after it."""
    if not headings:
        return len(lines)
    signoff = lex.marker("signoff", "markers", whole=False)
    signing_tables = {ln.block.table for ln in lines
                      if ln.in_table and _SIGN_CAPTION.search(ln.text)}
    for line in lines[headings[-1].line.i + 1:]:
        if line.in_table and line.block.table in signing_tables:
            return line.i
        if line.i in used:
            return line.i
        if line.label is not None and line.label.kind in ("num", "letter") or line.auto:
            continue
        m = signoff.search(line.key)
        # «Инструкция разработана …» opens the drafter's block; a whole sentence saying so
        # («… разработана на основе Положения и вступает в силу …») is a clause
        nxt = lines[line.i + 1].body if line.i + 1 < len(lines) else ""
        closing = m is not None and m.start() == 0 and not (
            "_" not in line.text and (line.text.rstrip().endswith(".") or nxt[:1].islower()))
        if closing or (_APPENDIX.match(line.key) and line.words <= 6):
            return line.i
        if _signature_line(line):
            prev = lines[line.i - 1]
            if prev.i not in used and prev.label is None and prev.words <= 5 \
                    and not prev.ends_sentence() and prev.i > headings[-1].line.i:
                return prev.i
            return line.i
    return len(lines)


def _unlisted_heading(lines: list[Line], headings: list[Heading], end: int) -> int:
    """Where a styled heading the table of contents does not list follows the last section
    (notes or links a converter appended): the body ends there."""
    for line in lines[headings[-1].line.i + 1:end]:
        if line.block.heading_level is not None and not line.in_table:
            return line.i
    return end


def _signature_line(line: Line) -> bool:
    """A position with a blank to sign and a name: «Начальник отдела ______ С.В. Гордеюк»."""
    if line.words > 14:
        return False
    text = line.text
    has_blank = bool(_UNDERSCORES.search(text))
    name = find_name(text)
    columns = line.columns()
    if has_blank and (name is not None or len(columns) >= 2):
        return True
    return name is not None and len(columns) >= 2 and not text.rstrip().endswith(";")
