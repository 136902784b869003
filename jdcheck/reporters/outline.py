"""A readable outline of one parsed document: blocks found, sections, clause counts, doubts."""

from __future__ import annotations

from jdcheck.model import Document, Signatory


def _who(s: Signatory) -> str:
    bits = []
    if s.position:
        bits.append(s.position.text)
    if s.name:
        bits.append(s.name.text if s.name.form != "placeholder" else f"[{s.name.text}]")
    if s.signature:
        bits.append("signature: " + s.signature.state)
    if s.date:
        bits.append("date: " + (s.date.value.isoformat() if s.date.value else "blank"))
    return "; ".join(bits) or "(nothing filled in)"


def outline(doc: Document) -> str:
    """The outline as text."""
    out = [f"{doc.source.path}  [{doc.source.format}, {doc.language}, "
           f"jurisdiction {doc.jurisdiction.code}]",
           f"  kind: {doc.kind} — {doc.kind_reason}"]
    if doc.title:
        out.append(f"  title: {doc.title.text}" + (f"  (position: {doc.position})"
                                                   if doc.position else ""))
    if doc.organisation:
        out.append(f"  organisation: {doc.organisation}")
    a = doc.approval
    if a is None:
        out.append("  approval: none")
    else:
        fields = Signatory(position=a.position, signature=a.signature, name=a.name, date=a.date)
        extra = f" (order № {a.order.number})" if a.order and a.order.number else ""
        out.append(f"  approval ({a.form}{extra}, {a.span.describe()}): {_who(fields)}")
    for block in doc.agreements:
        out.append(f"  agreement ({block.span.describe()}): {len(block.signatories)} signatories")
        out.extend(f"    - {_who(s)}" for s in block.signatories)
    out.append(f"  sections: {len(doc.sections)}")
    for s in doc.sections:
        num = f"{s.number}. " if s.number else ""
        out.append(f"    {num}{s.heading}  [{', '.join(s.kinds)}]  {len(s.items)} clauses"
                   + ("" if s.recognised_by == "vocabulary" else f"  (by {s.recognised_by})"))
    ack = doc.acknowledgment
    out.append(f"  acknowledgment: {ack.form} ({ack.span.describe()})" if ack
               else "  acknowledgment: none")
    if doc.jurisdiction.evidence:
        out.append("  jurisdiction evidence: " + "; ".join(
            f"«{e.text}»" for e in doc.jurisdiction.evidence[:3]))
    for d in doc.diagnostics:
        place = f" ({d.span.describe()})" if d.span else ""
        out.append(f"  note {d.code}: {d.message}{place}")
    return "\n".join(out)
