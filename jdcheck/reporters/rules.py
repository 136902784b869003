"""Text for `jdcheck rules explain`: a rule's messages, explanation, law and examples."""

from __future__ import annotations

import textwrap

from jdcheck.dsl import ast


def explain(rule: ast.Rule) -> str:
    """A readable page about one rule."""
    kind = (rule.category or "") + (f" / {rule.subtype}" if rule.subtype else "")
    out = [f"{rule.id}: {rule.name}", f"  category: {kind}", f"  severity: {rule.severity}",
           f"  applies to: {', '.join(rule.jurisdictions) or 'every jurisdiction'}"]
    if rule.law:
        out.append(f"  law: {'; '.join(rule.law)}")
    out.append("  messages:")
    out.extend(f"    {lang}: {text}" for lang, text in rule.messages)
    if rule.explain:
        out.append("  explanation:")
        out.extend(textwrap.fill(p, 96, initial_indent="    ", subsequent_indent="    ")
                   for p in rule.explain.split("\n\n"))
    out.append("  examples:")
    for ex in rule.examples:
        where = f" in {ex.section}" if ex.section else " (document" + (
            f", at {ex.at})" if ex.at else ")") if ex.document else ""
        text = ex.text.strip().replace("\n", "\n      ")
        out.append(f"    {ex.verdict}{where}:\n      {text}")
    out.append(f"  defined at {rule.pos}")
    return "\n".join(out)
