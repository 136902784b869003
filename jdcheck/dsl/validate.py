"""Check what parsed rules mean: known kinds, fields, lexicons, settings, categories; all three
message languages; sound regular expressions. Every problem is reported at file:line:col."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from jdcheck.dsl import ast
from jdcheck.dsl.errors import RuleError
from jdcheck.model import CATEGORIES, Settings
from jdcheck.model.document import SECTION_KINDS

SEVERITIES = ("error", "warning", "info")
LANGS = ("en", "ru", "az")
JURISDICTIONS = ("ru", "az", "by", "kz", "uz", "kg", "ua", "unknown")
DOCUMENT_KINDS = ("job-description", "qualification-characteristic", "regulation", "article",
                  "vacancy", "employment-contract", "order", "form", "unknown")
CLAUSE_KINDS = ("duty", "right", "liability", "requirement", "other", "unknown")
MODES = ("draft", "final")
BLOCKS = ("approval", "agreement", "acknowledgment", "title", "position", "organisation")
FIELDS = {
    "approval": ("position", "signature", "name", "date", "order"),
    "acknowledgment": ("name", "date", "signature"),
}
STATES = {
    "approval": ("signature", "order"),
    "acknowledgment": ("line", "sheet"),
    "approval.date": ("blank", "filled", "missing"),
    "approval.signature": ("blank", "signed", "missing"),
    "approval.name": ("initials-surname", "surname-initials", "full", "placeholder", "missing"),
    "approval.position": ("filled", "missing"),
    "approval.order": ("filled", "missing"),
    "acknowledgment.date": ("blank", "filled", "missing"),
    "acknowledgment.signature": ("blank", "signed", "missing"),
    "acknowledgment.name": ("initials-surname", "surname-initials", "full", "placeholder",
                            "missing"),
}
LIST_SETTINGS = ("required_sections", "agreement_units", "select", "ignore", "rule_dirs")
PLACEHOLDERS = {"quote", "section", "label", "value", "term", "share", "position",
                "jurisdiction", "field", "reason"}
_REGEX_FLAGS = set("imsx")


def validate(rules: tuple[ast.Rule, ...], lexicons: set[str]) -> list[RuleError]:
    """All meaning errors of a set of rules (several files together)."""
    errors: list[RuleError] = []
    seen: dict[str, ast.Pos] = {}
    for rule in rules:
        if rule.id in seen:
            errors.append(RuleError("E210", f"duplicate rule id {rule.id} (first at "
                                    f"{seen[rule.id]})", rule.pos))
        else:
            seen[rule.id] = rule.pos
        errors.extend(_rule(rule, lexicons))
    return errors


def _rule(rule: ast.Rule, lexicons: set[str]) -> Iterator[RuleError]:
    at = dict(rule.statements)
    yield from _repeated(rule)
    if rule.category is None:
        yield RuleError("E221", f"rule {rule.id} has no «category»", rule.pos)
    elif rule.category not in CATEGORIES:
        yield RuleError("E211", f"unknown category «{rule.category}»; use one of: "
                        + ", ".join(CATEGORIES), at.get("category", rule.pos))
    if rule.severity is None:
        yield RuleError("E221", f"rule {rule.id} has no «severity»", rule.pos)
    elif rule.severity not in SEVERITIES:
        yield RuleError("E212", f"unknown severity «{rule.severity}»; use error, warning or "
                        "info", at.get("severity", rule.pos))
    for code in rule.jurisdictions:
        if code not in JURISDICTIONS:
            yield RuleError("E220", f"unknown jurisdiction «{code}»",
                            at.get("jurisdictions", rule.pos))
    for code in rule.languages:
        if code not in ("ru", "az"):
            yield RuleError("E220", f"unknown language «{code}»; use ru or az",
                            at.get("languages", rule.pos))
    yield from _messages(rule, at)
    if not rule.checks:
        yield RuleError("E221", f"rule {rule.id} has no «check»", rule.pos)
    for check in rule.checks:
        yield from _check(check, lexicons)
    for ex in rule.examples:
        if ex.section is not None and ex.section not in SECTION_KINDS:
            yield RuleError("E214", f"unknown section kind «{ex.section}» in the example",
                            ex.pos)
        if not ex.text.strip():
            yield RuleError("E223", "the example has no text", ex.pos)
        if ex.mode is not None and ex.mode not in MODES:
            yield RuleError("E216", f"unknown mode «{ex.mode}»; use draft or final", ex.pos)
        for name, value in ex.settings:
            yield from _example_setting(name, value, ex.pos)
        if ex.at is not None and not _known_target(ex.at) and ex.at not in SECTION_KINDS:
            yield RuleError("E229", f"unknown place «{ex.at}»", ex.pos)


def _repeated(rule: ast.Rule) -> Iterator[RuleError]:
    single = ("category", "subtype", "severity", "explain", "jurisdictions", "languages")
    seen: set[str] = set()
    for key, pos in rule.statements:
        if key in single and key in seen:
            yield RuleError("E228", f"«{key.rstrip('s')}» is given twice in rule {rule.id}", pos)
        seen.add(key)


def _messages(rule: ast.Rule, at: dict[str, ast.Pos]) -> Iterator[RuleError]:
    langs = [lang for lang, _ in rule.messages]
    for lang in LANGS:
        if lang not in langs:
            yield RuleError("E213", f"rule {rule.id} has no message in «{lang}» (each rule "
                            "needs en, ru and az)", at.get("messages", rule.pos))
    for lang, text in rule.messages:
        if lang not in LANGS:
            yield RuleError("E213", f"unknown message language «{lang}»", at["messages"])
        allowed = PLACEHOLDERS | {c.scope.var.lstrip("$") for c in rule.checks if c.scope.var}
        for name in _placeholders(text):
            if name not in allowed:
                yield RuleError("E226", f"unknown placeholder «{{{name}}}» in the {lang} message;"
                                f" use one of: {', '.join(sorted(allowed))}", at["messages"])


def _placeholders(text: str) -> Iterator[str]:
    try:
        for _, name, _, _ in string.Formatter().parse(text):
            if name:
                yield name
    except ValueError:
        yield "{"


def _check(check: ast.Check, lexicons: set[str]) -> Iterator[RuleError]:
    scope = check.scope
    for kind in scope.kinds:
        if kind not in SECTION_KINDS:
            yield RuleError("E214", f"unknown section kind «{kind}»; use one of: "
                            + ", ".join(SECTION_KINDS), scope.pos)
    if scope.kind == "setting" and scope.setting not in LIST_SETTINGS:
        yield RuleError("E216", f"unknown setting «{scope.setting}»; lists are: "
                        + ", ".join(LIST_SETTINGS), scope.pos)
    variables = {scope.var} if scope.var else set()
    for report in check.reports:
        if report.at is not None and not _known_target(report.at):
            yield RuleError("E229", f"unknown place «{report.at}»", report.pos)
        for expr in (report.when, report.unless):
            if expr is not None:
                yield from _expr(expr, scope, variables, lexicons)


def _known_target(at: str) -> bool:
    return at in ("document", "section", "clause") or at in BLOCKS or at in STATES


def _walk(expr: ast.Expr) -> Iterator[ast.Predicate]:
    if isinstance(expr, ast.Predicate):
        yield expr
    elif isinstance(expr, ast.Not):
        yield from _walk(expr.operand)
    else:
        for operand in expr.operands:
            yield from _walk(operand)


def _expr(expr: ast.Expr, scope: ast.Scope, variables: set[str],
          lexicons: set[str]) -> Iterator[RuleError]:
    for p in _walk(expr):
        yield from _predicate(p, scope, variables, lexicons)


def _predicate(p: ast.Predicate, scope: ast.Scope, variables: set[str],
               lexicons: set[str]) -> Iterator[RuleError]:
    name, args = p.name, p.args
    for arg in args:
        if arg.startswith("$") and arg not in variables:
            yield RuleError("E217", f"unknown variable «{arg}» (a check «each NAME in setting "
                            "…» defines $NAME)", p.pos)
    if name in ("has_section", "section_is"):
        for kind in args:
            if not kind.startswith("$") and kind not in SECTION_KINDS:
                yield RuleError("E214", f"unknown section kind «{kind}»; use one of: "
                                + ", ".join(SECTION_KINDS), p.pos)
    elif name == "has_part" and args[0] not in BLOCKS and args[0] not in STATES:
        yield RuleError("E218", f"unknown part «{args[0]}»; use one of: "
                        + ", ".join(BLOCKS + tuple(STATES)), p.pos)
    elif name == "part_is":
        states = STATES.get(args[0])
        if states is None:
            yield RuleError("E218", f"unknown field «{args[0]}»", p.pos)
        elif args[1] not in states:
            yield RuleError("E218", f"«{args[0]}» can be: {', '.join(states)}", p.pos)
    elif name == "document_is" and args[0] not in DOCUMENT_KINDS:
        yield RuleError("E225", f"unknown document kind «{args[0]}»", p.pos)
    elif name == "jurisdiction_is":
        yield from (RuleError("E220", f"unknown jurisdiction «{a}»", p.pos) for a in args
                    if a not in (*JURISDICTIONS, "presumed"))
    elif name == "language_is":
        yield from (RuleError("E220", f"unknown language «{a}»", p.pos) for a in args
                    if a not in ("ru", "az", "mixed"))
    elif name == "mode_is" and args[0] not in MODES:
        yield RuleError("E216", f"unknown mode «{args[0]}»; use draft or final", p.pos)
    elif name == "setting_set" and args[0] not in Settings.model_fields:
        yield RuleError("E216", f"unknown setting «{args[0]}»", p.pos)
    elif name in ("text_term", "position_term") and args[0] not in lexicons:
        yield RuleError("E215", f"unknown lexicon «{args[0]}»", p.pos)
    elif name == "text_matches":
        yield from _regex(args[0], p.pos)
    elif name == "clause_is":
        if scope.kind != "clause":
            yield RuleError("E227", "«clause is» needs «check each clause»", p.pos)
        yield from (RuleError("E224", f"unknown clause kind «{a}»; use one of: "
                              + ", ".join(CLAUSE_KINDS), p.pos) for a in args
                    if a not in CLAUSE_KINDS)
    elif name == "agreement_mentions" and scope.kind != "setting":
        yield RuleError("E227", "«agreement mentions» needs «check each NAME in setting "
                        "agreement_units»", p.pos)
    elif name == "share_cmp":
        yield from _fraction(args[1], p.pos)


def example_settings(pairs: tuple[tuple[str, str], ...]) -> dict[str, object]:
    """Setting values written in an example, each a TOML value («{ legal = ["юрид"] }»)."""
    import tomllib

    return {name: tomllib.loads(f"value = {value}")["value"] for name, value in pairs}


def _example_setting(name: str, value: str, pos: ast.Pos) -> Iterator[RuleError]:
    if name not in Settings.model_fields:
        yield RuleError("E216", f"unknown setting «{name}»", pos)
        return
    try:
        Settings(**example_settings(((name, value),)))  # type: ignore[arg-type]
    except Exception as exc:  # tomllib and pydantic both explain the problem
        yield RuleError("E216", f"the value of setting «{name}» is not valid: "
                        f"{str(exc).splitlines()[0]}", pos)


def _fraction(text: str, pos: ast.Pos) -> Iterator[RuleError]:
    if "/" in text:
        a, b = text.split("/")
        if int(b) == 0:
            yield RuleError("E219", "a fraction cannot divide by zero", pos)


def _regex(literal: str, pos: ast.Pos) -> Iterator[RuleError]:
    import regex

    body, flags = split_regex(literal)
    if not set(flags) <= _REGEX_FLAGS:
        yield RuleError("E219", f"unknown regex flags «{flags}»", pos)
        return
    try:
        regex.compile(body, regex_flags(flags))
    except regex.error as exc:
        yield RuleError("E219", f"the regular expression does not compile: {exc}", pos)
        return
    if re.search(r"\((?:[^()]*[+*])\)[+*{]", body):
        yield RuleError("E219", "nested repetition such as «(a+)+» can take exponential time; "
                        "rewrite the pattern", pos)


def split_regex(literal: str) -> tuple[str, str]:
    """The body and flags of a ``/body/flags`` literal."""
    end = literal.rfind("/")
    return literal[1:end].replace("\\/", "/"), literal[end + 1:]


def regex_flags(flags: str) -> int:
    """``regex`` module flags for the letters i, m, s, x."""
    import regex

    value = regex.V1
    for letter, flag in (("i", regex.IGNORECASE), ("m", regex.MULTILINE), ("s", regex.DOTALL),
                         ("x", regex.VERBOSE)):
        if letter in flags:
            value |= flag
    return value
