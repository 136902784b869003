"""Evaluate rules over a parsed document and its annotations; findings are data, never raised."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from jdcheck.dsl import ast
from jdcheck.dsl.loader import RuleSet
from jdcheck.dsl.validate import regex_flags, split_regex
from jdcheck.engine.predicates import Ctx, evaluate
from jdcheck.model import Document, Finding, Section, Settings, Span
from jdcheck.nlp.annotate import Annotations, Facts, annotate
from jdcheck.nlp.terms import TermMatcher

_UNSURE = {"D202", "D203", "D204", "D205", "D208", "D209", "D211", "D212"}


@dataclass(frozen=True)
class Compiled:
    """A rule set ready to run: matchers, regular expressions, and which sections to annotate."""

    rules: RuleSet
    matcher: TermMatcher
    regexes: dict[str, Any]
    kinds: frozenset[str] | None
    classify: bool = False
    classify_kinds: frozenset[str] | None = None
    triggers: dict[int, frozenset[str] | None] = field(default_factory=dict)


def _predicates(expr: ast.Expr) -> Iterator[ast.Predicate]:
    if isinstance(expr, ast.Predicate):
        yield expr
    elif isinstance(expr, ast.Not):
        yield from _predicates(expr.operand)
    else:
        for e in expr.operands:
            yield from _predicates(e)


def _all_predicates(rules: RuleSet) -> Iterator[tuple[ast.Scope, ast.Predicate]]:
    for rule in rules.rules:
        for check in rule.checks:
            for report in check.reports:
                for expr in (report.when, report.unless):
                    if expr is not None:
                        for p in _predicates(expr):
                            yield check.scope, p


_TEXT = {"text_contains", "text_matches", "text_lemmas", "text_term", "share_cmp", "amount_cmp",
         "clause_is"}


def compile_rules(rules: RuleSet) -> Compiled:
    """Matchers and patterns for a rule set (built once per rule set)."""
    import regex

    phrases: set[str] = set()
    regexes: dict[str, Any] = {}
    kinds: set[str] | None = set()
    classify = False
    classify_kinds: set[str] | None = set()
    for scope, p in _all_predicates(rules):
        if p.name == "clause_is":
            classify = True
            if scope.kinds and classify_kinds is not None:
                classify_kinds.update(scope.kinds)
            else:
                classify_kinds = None
        if p.name == "text_lemmas":
            phrases.update(p.args)
        elif p.name == "text_matches":
            body, flags = split_regex(p.args[0])
            regexes[p.args[0]] = regex.compile(body, regex_flags(flags))
        if p.name in _TEXT and kinds is not None:
            if scope.kind in ("clause", "section") and scope.kinds:
                kinds.update(scope.kinds)
            else:
                kinds = None
    triggers = {id(report): _triggers(report.when) for rule in rules.rules
                for check in rule.checks for report in check.reports}
    return Compiled(rules, TermMatcher(rules.lexicons, frozenset(phrases)), regexes,
                    frozenset(kinds) if kinds is not None else None, classify,
                    frozenset(classify_kinds) if classify_kinds is not None else None,
                    triggers)


@cache
def _kind_names() -> dict[str, dict[str, str]]:
    with resources.files("jdcheck.data").joinpath("kinds.toml").open("rb") as fh:
        return tomllib.load(fh)


def kind_name(kind: str, lang: str) -> str:
    """A section kind as a reader of ``lang`` names it."""
    return _kind_names().get(kind, {}).get(lang, kind)


def effective_jurisdiction(doc: Document, settings: Settings) -> tuple[str, str]:
    """The labour code a document is checked against, and on what basis: the document's own
    references, else the configured default, else a presumption from its language (Russian
    → Russia, Azerbaijani → Azerbaijan; rule JD-L901 tells the reader so), else unknown."""
    if doc.jurisdiction.code != "unknown":
        return doc.jurisdiction.code, "document"
    if settings.jurisdiction:
        return settings.jurisdiction, "configuration"
    if doc.language in ("ru", "az"):
        return doc.language, "language"
    return "unknown", "none"


def active(rule: ast.Rule, doc: Document, settings: Settings, jurisdiction: str) -> bool:
    """Whether a rule applies to this document under these settings."""
    keys = {rule.id, rule.category or "", f"{rule.category}/{rule.subtype}"}
    if settings.select and not keys & set(settings.select):
        return False
    if keys & set(settings.ignore):
        return False
    if not doc.is_job_description and rule.category != "not-a-job-description":
        return False
    if rule.jurisdictions and jurisdiction not in rule.jurisdictions:
        return False
    return not rule.languages or doc.language in rule.languages or doc.language == "mixed"


def check_document(doc: Document, compiled: Compiled, settings: Settings,
                   annotations: Annotations | None = None) -> list[Finding]:
    """Every finding of the active rules in one document, in document order."""
    jurisdiction, basis = effective_jurisdiction(doc, settings)
    rules = [r for r in compiled.rules.rules if active(r, doc, settings, jurisdiction)]
    if not rules:
        return []
    ann = annotations or annotate(doc, compiled.matcher, compiled.kinds, compiled.classify,
                                  compiled.classify_kinds)
    findings: list[Finding] = []
    seen: set[tuple[str, int | None, str | None]] = set()
    holders = _holders(ann)
    for rule in rules:
        for check in rule.checks:
            needs = [compiled.triggers.get(id(report)) for report in check.reports]
            for ctx in _contexts(check.scope, doc, ann, settings, (jurisdiction, basis),
                                 compiled, _allowed(needs, holders)):
                for report, keys in zip(check.reports, needs, strict=True):
                    if not _may_hold(keys, ctx.facts if ctx.clause is not None else None):
                        continue
                    ctx.marks, ctx.values = [], {}
                    ctx.from_lead = ctx.from_own = False
                    if not evaluate(report.when, ctx):
                        continue
                    saved = list(ctx.marks), ctx.from_lead, ctx.from_own
                    if report.unless is not None and evaluate(report.unless, ctx):
                        continue
                    ctx.marks, ctx.from_lead, ctx.from_own = saved
                    where = _at_lead(ctx) if _lead_own(ctx) else ctx
                    finding = _finding(rule, report, where)
                    key = (finding.rule, finding.location.start, finding.quote)
                    if key not in seen:
                        seen.add(key)
                        findings.append(finding)
    return _fingerprinted(findings)


def _triggers(expr: ast.Expr) -> frozenset[str] | None:
    """Annotation keys one of which must be present for ``expr`` to hold, or None when that
    cannot be told from the expression (a fast pre-check, never a different answer)."""
    if isinstance(expr, ast.Predicate):
        if expr.name == "text_term":
            return frozenset({f"term:{expr.args[0]}"})
        if expr.name == "text_lemmas":
            return frozenset(f"lemmas:{a}" for a in expr.args)
        return None
    if isinstance(expr, ast.And):
        known = [t for t in map(_triggers, expr.operands) if t is not None]
        return min(known, key=len) if known else None
    if isinstance(expr, ast.Or):
        parts = [_triggers(e) for e in expr.operands]
        known = [p for p in parts if p is not None]
        return None if len(known) < len(parts) else frozenset().union(*known)
    return None


def _may_hold(keys: frozenset[str] | None, facts: Facts | None) -> bool:
    """False when the clause (with its lead-in) has none of the ``keys`` a condition needs."""
    if keys is None or facts is None:
        return True
    if not keys.isdisjoint(facts.keys):
        return True
    return facts.lead is not None and not keys.isdisjoint(facts.lead.keys)


_SENTENCE = re.compile(r"[.!?…](?=\s+[A-ZА-ЯЁƏÜÖĞŞÇİ«\"])")


def _lead_own(ctx: Ctx) -> bool:
    """Whether a finding on a list item rests only on sentences of its lead-in line that come
    before the one the list completes («… При этом они несут полную ответственность за все
    имущество. Во время дежурства запрещается:» — the first sentence is the lead-in's own
    statement, not part of each item)."""
    facts = ctx.facts
    if not ctx.from_lead or ctx.from_own or facts is None or facts.lead is None:
        return False
    text = facts.lead.text.rstrip()
    ends = [m.end() for m in _SENTENCE.finditer(text)]
    last = ends[-1] if ends else 0
    return all(lo - facts.lead_start < last for lo, _ in ctx.marks) and bool(ctx.marks)


def _at_lead(ctx: Ctx) -> Ctx:
    """The same context placed at the item's lead-in line, so the finding is reported once
    there and not once per item."""
    assert ctx.clause is not None and ctx.section is not None and ctx.clause.parent is not None
    lead = ctx.section.clauses[ctx.clause.parent]
    return replace(ctx, clause=lead, from_lead=False, marks=list(ctx.marks),
                   values=dict(ctx.values))


def _holders(ann: Annotations) -> dict[str, set[tuple[int, int]]]:
    """For each annotation key, the clauses that hold it (their own or their lead-in's)."""
    out: dict[str, set[tuple[int, int]]] = {}
    for where, facts in ann.clauses.items():
        for key in facts.keys:
            out.setdefault(key, set()).add(where)
        if facts.lead is not None:
            for key in facts.lead.keys:
                out.setdefault(key, set()).add(where)
    return out


def _allowed(needs: list[frozenset[str] | None],
             holders: dict[str, set[tuple[int, int]]]) -> set[tuple[int, int]] | None:
    """The clauses a check's reports may hold for (None: any clause may)."""
    if any(keys is None for keys in needs):
        return None
    out: set[tuple[int, int]] = set()
    for keys in needs:  # none is None here
        for key in keys or ():
            out |= holders.get(key, set())
    return out


def _contexts(scope: ast.Scope, doc: Document, ann: Annotations, settings: Settings,
              jurisdiction: tuple[str, str], compiled: Compiled,
              allowed: set[tuple[int, int]] | None) -> Iterator[Ctx]:
    """The places a check looks at; clauses outside ``allowed`` are skipped."""
    def ctx(**kw: Any) -> Ctx:
        return Ctx(doc=doc, ann=ann, settings=settings, jurisdiction=jurisdiction[0],
                   jurisdiction_basis=jurisdiction[1],
                   regexes=compiled.regexes, **kw)

    if scope.kind == "document":
        yield ctx()
    elif scope.kind == "setting":
        for item in settings.values(scope.setting or ""):
            yield ctx(vars={scope.var or "$item": item})
    else:
        for section in doc.sections:
            if scope.kinds and not set(scope.kinds) & set(section.kinds):
                continue
            if scope.kind == "section":
                yield ctx(section=section)
            else:
                for clause in section.items:
                    if allowed is None or (section.index, clause.index) in allowed:
                        yield ctx(section=section, clause=clause)


def _finding(rule: ast.Rule, report: ast.Report, ctx: Ctx) -> Finding:
    lang = ctx.settings.lang
    target, span, quote = _place(report.at, ctx)
    if ctx.from_lead and ctx.facts is not None and ctx.facts.lead is not None:
        quote = f"{ctx.facts.lead.text} {quote or ''}".strip()
    values = {"quote": _short(quote or ""), "section": ctx.section.heading if ctx.section else "",
              "label": ctx.clause.label or "" if ctx.clause else "",
              "position": ctx.doc.position or "", "jurisdiction": ctx.jurisdiction,
              "field": report.at or "", "value": "", "term": "", "share": ""}
    values.update(ctx.values)
    for var, value in ctx.vars.items():
        values[var.lstrip("$")] = kind_name(value, lang)
    message = rule.message(lang).format_map(_Missing(values))
    severity = ctx.settings.severity.get(rule.id) or ctx.settings.severity.get(
        rule.category or "") or rule.severity or "error"
    return Finding(
        rule=rule.id, name=rule.name, category=rule.category,  # type: ignore[arg-type]
        subtype=rule.subtype, severity=severity,  # type: ignore[arg-type]
        message=message, target=target, file=ctx.doc.source.path,
        location=span.model_copy(update={"file": ctx.doc.source.path}),
        section=ctx.section.heading if ctx.section else None,
        clause=ctx.clause.label if ctx.clause else None, quote=quote, law=rule.law,
        marks=tuple(ctx.marks), fingerprint="", parser_unsure=_unsure(ctx))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _place(at: str | None, ctx: Ctx) -> tuple[str, Span, str | None]:
    """Target name, span and quoted text of a finding."""
    doc = ctx.doc
    if at is None or at in ("clause", "section"):
        if ctx.clause is not None and at != "section":
            return _target_kind(ctx.section), ctx.clause.span, ctx.clause.text
        if ctx.section is not None:
            return _target_kind(ctx.section), ctx.section.span, ctx.section.heading
        if ctx.vars:
            return next(iter(ctx.vars.values())), _start(doc), None
        return "document", _start(doc), None
    if at == "document":
        target = next(iter(ctx.vars.values())) if ctx.vars else "document"
        return target, _start(doc), None
    block_name, _, name = at.partition(".")
    block = doc.agreements[0] if block_name == "agreement" and doc.agreements else \
        getattr(doc, block_name, None)
    if block is None or not hasattr(block, "span"):
        return at, _start(doc), None
    field = getattr(block, name, None) if name else None
    span = getattr(field, "span", None) or block.span
    return at, span, getattr(field, "text", None) if field is not None else None


def _target_kind(section: Section | None) -> str:
    return section.kinds[0] if section is not None else "document"


def _start(doc: Document) -> Span:
    if doc.title is not None and doc.title.span is not None:
        return doc.title.span
    if doc.blocks:
        return doc.blocks[0].span()
    return Span(line=1, start=0, end=0)


def _unsure(ctx: Ctx) -> bool:
    if ctx.clause is None and ctx.section is None:
        return False
    span = ctx.clause.span if ctx.clause is not None else ctx.section.span  # type: ignore[union-attr]
    lo, hi = span.start or 0, span.end or 0
    return any(d.code in _UNSURE and d.span is not None and lo <= (d.span.start or -1) <= hi
               for d in ctx.doc.diagnostics)


def _fingerprinted(findings: list[Finding]) -> list[Finding]:
    """Stable fingerprints from rule, target and quoted text; repeats get a running number."""
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for f in sorted(findings, key=lambda f: (f.location.start or 0, f.rule)):
        basis = f"{f.rule}|{f.target}|{' '.join((f.quote or '').split()).lower()}"
        digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(f.model_copy(update={"fingerprint": digest if n == 0 else f"{digest}-{n}"}))
    return out
