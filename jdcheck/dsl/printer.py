"""Print rules back as rule-language text (parsing the output gives the same rules)."""

from __future__ import annotations

import json

from jdcheck.dsl import ast

_SIMPLE = {
    "has_section": "has section {0}", "has_part": "has {0}", "part_is": "{0} is {1}",
    "document_is": "document is {0}", "mode_is": "mode is {0}", "setting_set": "setting {0} is set",
    "text_matches": "text matches {0}", "text_term": "text has term {0}",
    "share_cmp": "share {0} {1}", "amount_cmp": "amount {0} {1}",
    "agreement_mentions": "agreement mentions {0}", "position_term": "position has term {0}",
}
_LISTS = {"jurisdiction_is": "jurisdiction is", "language_is": "language is",
          "clause_is": "clause is", "section_is": "section is"}
_STRINGS = {"text_contains": "text contains", "text_lemmas": "text has lemmas"}


def quote(text: str) -> str:
    """A string literal for ``text``: short and escaped, or triple-quoted when multi-line."""
    if "\n" in text and '"""' not in text:
        return '"""\n' + text + '"""' if not text.startswith("\n") else '"""' + text + '"""'
    return json.dumps(text, ensure_ascii=False)


def expr(e: ast.Expr, parent: int = 0) -> str:
    """An expression, parenthesised where precedence needs it (or < and < not)."""
    if isinstance(e, ast.Or):
        text, level = " or ".join(expr(o, 1) for o in e.operands), 1
    elif isinstance(e, ast.And):
        text, level = " and ".join(expr(o, 2) for o in e.operands), 2
    elif isinstance(e, ast.Not):
        text, level = "not " + expr(e.operand, 3), 3
    else:
        return predicate(e)
    return f"({text})" if level <= parent else text


def predicate(p: ast.Predicate) -> str:
    """One predicate."""
    if p.name in _SIMPLE:
        return _SIMPLE[p.name].format(*p.args)
    if p.name in _LISTS:
        return f"{_LISTS[p.name]} {', '.join(p.args)}"
    if p.name in _STRINGS:
        return f"{_STRINGS[p.name]} {', '.join(quote(a) for a in p.args)}"
    raise ValueError(f"unknown predicate {p.name}")


def scope(s: ast.Scope) -> str:
    """The scope of a check."""
    if s.kind == "document":
        return "document"
    if s.kind == "setting":
        return f"each {(s.var or '$item').lstrip('$')} in setting {s.setting}"
    where = f" in {', '.join(s.kinds)}" if s.kinds else " anywhere"
    return f"each {s.kind}{where}"


def rule(r: ast.Rule) -> str:
    """One rule as text."""
    out = [f"rule {r.id} {quote(r.name)} {{"]
    if r.category:
        out.append(f"    category {r.category}")
    if r.subtype:
        out.append(f"    subtype {r.subtype}")
    if r.severity:
        out.append(f"    severity {r.severity}")
    if r.jurisdictions:
        out.append(f"    jurisdiction {', '.join(r.jurisdictions)}")
    if r.languages:
        out.append(f"    language {', '.join(r.languages)}")
    if r.law:
        out.append(f"    law {', '.join(quote(x) for x in r.law)}")
    out.extend(f"    message {lang} {quote(text)}" for lang, text in r.messages)
    if r.explain:
        out.append(f"    explain {quote(r.explain)}")
    for c in r.checks:
        out.append(f"    check {scope(c.scope)}")
        for rep in c.reports:
            at = f" at {rep.at}" if rep.at else ""
            line = f"        report{at} when {expr(rep.when)}"
            if rep.unless is not None:
                line += f"\n            unless {expr(rep.unless)}"
            out.append(line)
    for ex in r.examples:
        where = f" in {ex.section}" if ex.section else ""
        if ex.document:
            where = " document" + (f" at {ex.at}" if ex.at else "")
        mode = f" with mode {ex.mode}" if ex.mode else ""
        mode += "".join(f" with setting {k} {quote(v)}" for k, v in ex.settings)
        out.append(f"    example {ex.verdict}{mode}{where} {quote(ex.text)}")
    out.append("}")
    return "\n".join(out)


def rule_file(rules: tuple[ast.Rule, ...]) -> str:
    """A whole rule file."""
    return "\n\n".join(rule(r) for r in rules) + "\n"
