"""What each predicate of the rule language means, evaluated over a document and its annotations.

Each predicate returns whether it holds; where it found something it records the place
(``marks``) and a value for the message placeholders.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from jdcheck.dsl import ast
from jdcheck.model import Clause, Document, Section, Settings
from jdcheck.nlp.annotate import Annotations, Facts
from jdcheck.structure.normalize import fold_fast

_CMP: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


@dataclass
class Ctx:
    """Where a check stands: the document, the current section and clause, loop variables."""

    doc: Document
    ann: Annotations
    settings: Settings
    jurisdiction: str
    jurisdiction_basis: str
    regexes: dict[str, Any]
    vars: dict[str, str] = field(default_factory=dict)
    section: Section | None = None
    clause: Clause | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    from_lead: bool = False
    from_own: bool = False

    facts: Facts | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # the facts of the clause, section or document in scope
        if self.clause is not None and self.section is not None:
            self.facts = self.ann.clauses.get((self.section.index, self.clause.index))
        elif self.section is not None:
            self.facts = self.ann.sections.get(self.section.index)
        else:
            self.facts = self.ann.document

    def arg(self, value: str) -> str:
        """A literal argument, or the value of a ``$variable``."""
        return self.vars.get(value, value) if value.startswith("$") else value


def evaluate(expr: ast.Expr, ctx: Ctx) -> bool:
    """Truth of an expression in a context."""
    if isinstance(expr, ast.Predicate):
        return bool(PREDICATES[expr.name](ctx, *expr.args))
    if isinstance(expr, ast.Not):
        saved, lead, own = list(ctx.marks), ctx.from_lead, ctx.from_own
        result = not evaluate(expr.operand, ctx)
        ctx.marks[:] = saved
        ctx.from_lead, ctx.from_own = lead, own
        return result
    if isinstance(expr, ast.And):
        return all(evaluate(e, ctx) for e in expr.operands)
    return any(evaluate(e, ctx) for e in expr.operands)


def _mark(ctx: Ctx, where: tuple[int, int] | None, value_key: str, text: str,
          lead: Facts | None = None) -> None:
    """Remember what matched: a span of the clause, or of its lead-in line when ``lead``."""
    if where is not None and ctx.clause is not None:
        facts = ctx.facts
        start = facts.lead_start if lead is not None and facts is not None else \
            text_start(ctx.clause.span.start, ctx.clause.span.end, len(ctx.clause.text))
        ctx.marks.append((start + where[0], start + where[1]))
    if lead is not None:
        ctx.from_lead = True
    else:
        ctx.from_own = True
    ctx.values.setdefault(value_key, text)


def text_start(start: int | None, end: int | None, length: int) -> int:
    """Where a clause's text begins in the document: it ends its span, after the label."""
    if start is None or end is None:
        return start or 0
    return end - length if end - start >= length else start


def _texts(facts: Facts) -> list[tuple[Facts, Facts | None]]:
    """The facts to search: the clause's own, then its lead-in line's (marked as the lead)."""
    return [(facts, None)] + ([(facts.lead, facts.lead)] if facts.lead is not None else [])


def has_section(ctx: Ctx, kind: str) -> bool:
    kind = ctx.arg(kind)
    return any(kind in s.kinds for s in ctx.doc.sections)


def _field(ctx: Ctx, path: str) -> Any:
    block_name, _, name = path.partition(".")
    if block_name == "agreement":
        return ctx.doc.agreements[0] if ctx.doc.agreements else None
    block = getattr(ctx.doc, block_name, None)
    if not name:
        return block
    if block is None:
        return None
    if block_name == "acknowledgment":
        entry = block.entries[0] if block.entries else None
        return getattr(entry, name, None) if entry is not None else None
    return getattr(block, name, None)


def has_part(ctx: Ctx, path: str) -> bool:
    value = _field(ctx, path)
    if value is not None and hasattr(value, "text"):
        ctx.values.setdefault("value", str(value.text))
    return value is not None and value != ""


def part_is(ctx: Ctx, path: str, state: str) -> bool:
    value = _field(ctx, path)
    if state == "missing":
        return value is None
    if value is None:
        return False
    ctx.values.setdefault("value", str(getattr(value, "text", "")))
    if path in ("approval", "acknowledgment"):
        return bool(value.form == state)
    if path.endswith(".date"):
        return bool(value.blank) if state == "blank" else value.value is not None
    if path.endswith(".signature"):
        return bool(value.state == state)
    if path.endswith(".name"):
        return bool(value.form == state)
    return state == "filled"


def document_is(ctx: Ctx, kind: str) -> bool:
    ctx.values.setdefault("value", ctx.doc.kind)
    ctx.values.setdefault("reason", ctx.doc.kind_reason)
    if kind == "job-description":
        return ctx.doc.is_job_description
    return ctx.doc.kind == kind


def jurisdiction_is(ctx: Ctx, *codes: str) -> bool:
    """The code checked against; «presumed» is true when no reference and no configuration
    named it and it was presumed from the document's language."""
    ctx.values.setdefault("jurisdiction", ctx.jurisdiction)
    return ctx.jurisdiction in codes or ("presumed" in codes and
                                        ctx.jurisdiction_basis == "language")


def language_is(ctx: Ctx, *langs: str) -> bool:
    facts = ctx.facts if ctx.clause is not None else None
    return (facts.lang if facts is not None else ctx.doc.language) in langs


def mode_is(ctx: Ctx, mode: str) -> bool:
    return ctx.settings.mode == mode


def setting_set(ctx: Ctx, name: str) -> bool:
    return bool(getattr(ctx.settings, name, None))


def text_contains(ctx: Ctx, *needles: str) -> bool:
    if ctx.facts is None:
        return False
    for facts, lead in _texts(ctx.facts):
        haystack = fold_fast(facts.text)
        for needle in needles:
            at = haystack.find(fold_fast(needle))
            if at >= 0:
                _mark(ctx, (at, at + len(needle)), "term", facts.text[at:at + len(needle)],
                      lead)
                return True
    return False


def text_matches(ctx: Ctx, literal: str) -> bool:
    if ctx.facts is None:
        return False
    for facts, lead in _texts(ctx.facts):
        try:
            m = ctx.regexes[literal].search(facts.text, timeout=0.25)
        except TimeoutError:
            ctx.notes.append(f"the pattern {literal} took too long and was skipped")
            return False
        if m:
            _mark(ctx, (m.start(), m.end()), "term", m.group(0), lead)
            return True
    return False


def _key(ctx: Ctx, facts: Facts | None, key: str) -> bool:
    if facts is None:
        return False
    where = facts.keys.get(key)
    if where is not None:
        _mark(ctx, where, "term", facts.text[where[0]:where[1]])
        return True
    lead = facts.lead
    if lead is not None:
        where = lead.keys.get(key)
        if where is not None:
            _mark(ctx, where, "term", lead.text[where[0]:where[1]], lead)
            return True
    return False


def text_lemmas(ctx: Ctx, *phrases: str) -> bool:
    return any(_key(ctx, ctx.facts, f"lemmas:{p}") for p in phrases)


def text_term(ctx: Ctx, name: str) -> bool:
    return _key(ctx, ctx.facts, f"term:{name}")


def position_term(ctx: Ctx, name: str) -> bool:
    facts = ctx.ann.position
    if facts is None or f"term:{name}" not in facts.keys:
        return False
    ctx.values.setdefault("position", facts.text)
    return True


def clause_is(ctx: Ctx, *kinds: str) -> bool:
    facts = ctx.facts
    return facts is not None and facts.kind in kinds


def section_is(ctx: Ctx, *kinds: str) -> bool:
    wanted = {ctx.arg(k) for k in kinds}
    return ctx.section is not None and bool(wanted & set(ctx.section.kinds))


def _limit(text: str) -> float:
    if text.endswith("%"):
        return float(text[:-1]) / 100
    return float(Fraction(text))


def _quantity(ctx: Ctx, kind: str, holds: Callable[[float], bool]) -> bool:
    """A share of pay or a money amount in the text (or its lead-in) for which ``holds``."""
    if ctx.facts is None:
        return False
    for facts, lead in _texts(ctx.facts):
        for q in (facts.shares if kind == "share" else facts.amounts):
            if holds(q.value):
                at = facts.text.find(q.text)
                _mark(ctx, (at, at + len(q.text)) if at >= 0 else None,
                      "share" if kind == "share" else "value", q.text, lead)
                return True
    return False


def share_cmp(ctx: Ctx, op: str, limit: str) -> bool:
    return _quantity(ctx, "share", lambda v: _CMP[op](v, _limit(limit)))


def amount_cmp(ctx: Ctx, op: str, limit: str) -> bool:
    return _quantity(ctx, "amount", lambda v: _CMP[op](v, float(limit)))


def agreement_mentions(ctx: Ctx, var: str) -> bool:
    unit = ctx.arg(var)
    words = [fold_fast(w) for w in ctx.settings.agreement_units.get(unit, (unit,))]
    for block in ctx.doc.agreements:
        for person in block.signatories:
            position = fold_fast(person.position.text if person.position else "")
            if any(w in position for w in words):
                return True
    return False


PREDICATES: dict[str, Callable[..., bool]] = {
    "has_section": has_section, "has_part": has_part, "part_is": part_is,
    "document_is": document_is, "jurisdiction_is": jurisdiction_is, "language_is": language_is,
    "mode_is": mode_is, "setting_set": setting_set, "text_contains": text_contains,
    "text_matches": text_matches, "text_lemmas": text_lemmas, "text_term": text_term,
    "position_term": position_term, "clause_is": clause_is, "section_is": section_is,
    "share_cmp": share_cmp, "amount_cmp": amount_cmp, "agreement_mentions": agreement_mentions,
}
