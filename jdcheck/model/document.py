"""The structured job description: blocks, sections, clauses, grifs and acknowledgment."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from jdcheck.model.blocks import Block, SourceInfo
from jdcheck.model.span import Diagnostic, Span

# a sentence ends and another begins (with a capital) inside a text
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZА-ЯЁƏÖÜĞÇŞİ]")

SectionKind = Literal[
    "general", "qualification", "functions", "duties", "rights", "liability",
    "relationships", "final", "other",
]
SECTION_KINDS: tuple[str, ...] = SectionKind.__args__  # type: ignore[attr-defined]

DocumentKind = Literal[
    "job-description", "qualification-characteristic", "regulation", "article", "vacancy",
    "employment-contract", "order", "form", "unknown",
]
Language = Literal["ru", "az", "mixed", "unknown"]
JurisdictionCode = Literal["ru", "az", "by", "kz", "uz", "kg", "ua", "unknown"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class TextField(_Frozen):
    """A piece of text found in a block, e.g. the approver's position."""

    text: str
    span: Span | None = None


class NameField(_Frozen):
    """A person's name as written; ``form`` says whether it is «И.О. Фамилия» or a placeholder."""

    text: str
    form: Literal["initials-surname", "surname-initials", "full", "surname", "placeholder"]
    span: Span | None = None


class DateField(_Frozen):
    """A date as written: parsed ``value``, or ``blank`` for a placeholder like «__» ____ 20__ г."""

    text: str
    value: date | None = None
    blank: bool = False
    span: Span | None = None


class SignatureField(_Frozen):
    """The place to sign: ``blank`` (a line or «(подпись)») or ``signed`` (п/п, an image)."""

    state: Literal["blank", "signed"]
    text: str = ""
    span: Span | None = None


class Signatory(_Frozen):
    """One person in a grif or on an acknowledgment sheet."""

    position: TextField | None = None
    signature: SignatureField | None = None
    name: NameField | None = None
    date: DateField | None = None
    span: Span | None = None


class OrderRef(_Frozen):
    """An approving order («приказом … от … № …» / «… tarixli … nömrəli əmri ilə»)."""

    text: str
    number: str | None = None
    date: DateField | None = None


class ApprovalBlock(_Frozen):
    """The approval grif: «УТВЕРЖДАЮ» / «Təsdiq edirəm», or approval by an order."""

    form: Literal["signature", "order"]
    marker: str
    position: TextField | None = None
    signature: SignatureField | None = None
    name: NameField | None = None
    date: DateField | None = None
    order: OrderRef | None = None
    span: Span


class AgreementBlock(_Frozen):
    """An agreement grif («СОГЛАСОВАНО», «Razılaşdırılmışdır») with its signatories."""

    marker: str
    signatories: tuple[Signatory, ...] = ()
    span: Span


class Acknowledgment(_Frozen):
    """The employee's acknowledgment: a line («С инструкцией ознакомлен(а)») or a sheet table."""

    form: Literal["line", "sheet"]
    marker: str
    entries: tuple[Signatory, ...] = ()
    span: Span


class Clause(_Frozen):
    """A numbered or bulleted item (or a paragraph) of a section, continuations joined.

    ``parent`` is the index of the enclosing clause in the same section; ``lead_in`` marks an
    unnumbered line ending with a colon that introduces the following items.
    """

    index: int
    label: str | None = None
    number: str | None = None
    depth: int = 0
    parent: int | None = None
    lead_in: bool = False
    text: str
    blocks: tuple[int, ...]
    span: Span


class Section(_Frozen):
    """A section: its kinds (a merged heading has two), heading, number and clauses."""

    index: int
    kinds: tuple[SectionKind, ...]
    heading: str
    number: str | None = None
    recognised_by: str
    span: Span
    clauses: tuple[Clause, ...] = ()

    @property
    def items(self) -> tuple[Clause, ...]:
        """Clauses other than lead-in lines."""
        return tuple(c for c in self.clauses if not c.lead_in)

    @property
    def counted(self) -> tuple[Clause, ...]:
        """The clauses a reader counts: the items, and the lead-ins that state something of
        their own before the sentence that introduces the list («… несут полную
        ответственность за имущество. Во время дежурства запрещается:»)."""
        return tuple(c for c in self.clauses if not c.lead_in or _SENTENCE_BREAK.search(c.text))


class Evidence(_Frozen):
    """A reference in the text that supports a conclusion, e.g. «ТК РФ» for jurisdiction ru."""

    code: str
    text: str
    span: Span | None = None


class Jurisdiction(_Frozen):
    """Which labour code applies, from the document's own references or from configuration."""

    code: JurisdictionCode
    source: Literal["document", "config", "none"]
    evidence: tuple[Evidence, ...] = ()


class Document(_Frozen):
    """A parsed job description (or a document recognised as something else)."""

    schema_version: str
    source: SourceInfo
    language: Language
    language_shares: dict[str, float]
    jurisdiction: Jurisdiction
    kind: DocumentKind
    is_job_description: bool
    kind_reason: str
    title: TextField | None = None
    position: str | None = None
    organisation: str | None = None
    approval: ApprovalBlock | None = None
    agreements: tuple[AgreementBlock, ...] = ()
    sections: tuple[Section, ...] = ()
    acknowledgment: Acknowledgment | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    blocks: tuple[Block, ...] = ()
    text: str = ""

    def sections_of(self, kind: str) -> tuple[Section, ...]:
        """Sections that are (or include) ``kind``."""
        return tuple(s for s in self.sections if kind in s.kinds)
