"""Run the examples each rule carries: text that must make it fire, text that must not."""

from __future__ import annotations

from dataclasses import dataclass

from jdcheck.dsl import ast
from jdcheck.dsl.validate import example_settings
from jdcheck.engine.evaluate import Compiled, check_document, kind_name
from jdcheck.model import Document, Finding, Settings
from jdcheck.nlp import language
from jdcheck.readers import read_document
from jdcheck.structure.parser import parse

_TITLES = {"ru": "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "az": "VƏZİFƏ TƏLİMATI"}


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example."""

    rule: str
    example: ast.Example
    ok: bool
    detail: str


def example_document(rule: ast.Rule, example: ast.Example) -> Document:
    """The document an example stands for: the text itself, or the clause in a small job
    description under a heading of the example's section kind."""
    if example.document:
        text = example.text
    else:
        lang = _lang(example.text)
        kind = example.section or _clause_kind(rule)
        text = f"{_TITLES[lang]}\n\n1. {kind_name(kind, lang)}\n1.1. {example.text}\n"
    raw = read_document(f"{rule.id}-example.txt", data=text.encode("utf-8"))
    return parse(raw)


def _lang(text: str) -> str:
    found = language.detect(text, "ru")
    return found if found in _TITLES else "ru"


def _clause_kind(rule: ast.Rule) -> str:
    for check in rule.checks:
        if check.scope.kinds:
            return check.scope.kinds[0]
    return "duties"


def _settings(rule: ast.Rule, example: ast.Example, doc: Document) -> Settings:
    jurisdiction = None
    if rule.jurisdictions:
        lang = doc.language if doc.language in ("ru", "az") else _lang(example.text)
        jurisdiction = lang if lang in rule.jurisdictions else rule.jurisdictions[0]
    extra = {"jurisdiction": jurisdiction, **example_settings(example.settings)}
    return Settings(mode=example.mode or "draft", select=(rule.id,),  # type: ignore[arg-type]
                    **extra)  # type: ignore[arg-type]


def run_example(rule: ast.Rule, example: ast.Example, compiled: Compiled) -> ExampleResult:
    """Check one example of one rule."""
    doc = example_document(rule, example)
    findings = check_document(doc, compiled, _settings(rule, example, doc))
    if example.verdict == "passes":
        ok = not findings
        detail = "did not fire" if ok else f"fired: {_describe(findings)}"
    else:
        hits = [f for f in findings if _at_place(f, example, doc)]
        ok = bool(hits)
        where = f" at {example.at}" if example.at else ""
        detail = f"fired{where}" if ok else (
            f"fired elsewhere: {_describe(findings)}" if findings else f"did not fire{where}")
    return ExampleResult(rule.id, example, ok, detail)


def _at_place(f: Finding, example: ast.Example, doc: Document) -> bool:
    if example.at is not None:
        return f.target == example.at
    if not example.document:
        return f.clause is not None or f.target != "document"
    return True


def _describe(findings: list[Finding]) -> str:
    return "; ".join(f"{f.target}: {f.message}" for f in findings[:3])


def run_examples(rule: ast.Rule, compiled: Compiled) -> list[ExampleResult]:
    """All examples of a rule; a rule without examples gets one failed result."""
    if not rule.examples:
        return [ExampleResult(rule.id, ast.Example("fires", ""), False,
                              "the rule has no examples; add «example fires …» and «example "
                              "passes …»")]
    return [run_example(rule, ex, compiled) for ex in rule.examples]
