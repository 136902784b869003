"""A compact summary of a parsed document: what golden files, reports and outlines show."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from jdcheck.model.document import DateField, Document


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ApprovalSummary(_Frozen):
    """The approval block in brief."""

    form: str
    position: bool
    signature: str
    name: str | None
    date: str | None


class CountSummary(_Frozen):
    """How many people agree."""

    signatories: int


class FormSummary(_Frozen):
    """The acknowledgment's form."""

    form: str


class SectionSummary(_Frozen):
    """A section in brief."""

    heading: str
    kinds: list[str]
    clauses: int


class Summary(_Frozen):
    """The document in brief."""

    format: str
    language: str
    jurisdiction: str
    kind: str
    is_job_description: bool
    position: str | None
    organisation: str | None
    approval: ApprovalSummary | None
    agreement: CountSummary | None
    acknowledgment: FormSummary | None
    sections: list[SectionSummary]


def _date(field: DateField | None) -> str | None:
    if field is None:
        return None
    if field.value is not None:
        return field.value.isoformat()
    return "blank"


def summarize(doc: Document) -> dict[str, Any]:
    """Kind, language, jurisdiction, grifs, acknowledgment and sections with clause counts."""
    approval = None
    if doc.approval is not None:
        a = doc.approval
        approval = {
            "form": a.form,
            "position": a.position is not None,
            "signature": a.signature.state if a.signature else "absent",
            "name": a.name.text if a.name and a.name.form != "placeholder" else None,
            "date": _date(a.date),
        }
    agreement = None
    if doc.agreements:
        agreement = {"signatories": sum(len(b.signatories) for b in doc.agreements)}
    ack = {"form": doc.acknowledgment.form} if doc.acknowledgment else None
    return {
        "format": doc.source.format,
        "language": doc.language,
        "jurisdiction": doc.jurisdiction.code,
        "kind": doc.kind,
        "is_job_description": doc.is_job_description,
        "position": doc.position,
        "organisation": doc.organisation,
        "approval": approval,
        "agreement": agreement,
        "acknowledgment": ack,
        "sections": [{"heading": s.heading, "kinds": list(s.kinds), "clauses": len(s.counted)}
                     for s in doc.sections],
    }
