"""Parse rule files with the Lark grammar in grammar/jdcheck.lark into the typed tree.

The grammar does syntax only; a Transformer builds the tree with positions. Syntax errors are
reported at ``file:line:col`` with the offending line, a caret and a named mistake.
"""

from __future__ import annotations

import ast as pyast
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer, Tree, UnexpectedCharacters, UnexpectedInput, v_args

from jdcheck.dsl import ast
from jdcheck.dsl.errors import RuleError

_GRAMMAR_PATHS = (Path(__file__).resolve().parents[2] / "grammar" / "jdcheck.lark",)


def _grammar_text() -> str:
    for path in _GRAMMAR_PATHS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    return resources.files("jdcheck.dsl").joinpath("jdcheck.lark").read_text(encoding="utf-8")


@cache
def _lark() -> Lark:
    return Lark(_grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True)


# Typical mistakes, named by example (Lark's match_examples picks the closest one).
_MISTAKES = {
    "E201 a statement is missing its value (e.g. «severity» without a level)": [
        'rule A-1 "x" { severity }',
        'rule A-1 "x" { category }',
        'rule A-1 "x" { severity message en "x" }',
        'rule A-1 "x" { severity check document report when has approval }',
        'rule A-1 "x" { category severity error }',
        'rule A-1 "x" { category message en "x" }',
        'rule A-1 "x" { message en }',
        'rule A-1 "x" { explain }',
        'rule A-1 "x" { category x severity message en "x" }',
        'rule A-1 "x" { category x category severity error }',
        'rule A-1 "x" { category x message en }',
        'rule A-1 "x" { category x severity }',
    ],
    "E202 the rule has no body in braces": ['rule A-1 "x" category x', 'rule A-1 "x"'],
    "E203 a rule id looks like JD-S001 (capital letters, digits and dashes)": [
        'rule jd1 "x" {}', 'rule "x" {}',
    ],
    "E204 a report needs «when» and a condition": [
        'rule A-1 "x" { check document report }',
        'rule A-1 "x" { check document report at approval.date }',
    ],
    "E205 a condition is incomplete or misspelt": [
        'rule A-1 "x" { check document report when has }',
        'rule A-1 "x" { check document report when text }',
        'rule A-1 "x" { check document report when text has }',
        'rule A-1 "x" { check document report when not }',
        'rule A-1 "x" { check document report when has section and }',
    ],
    "E206 a string is not closed": ['rule A-1 "x { }'],
}


def parse_text(text: str, path: str = "<rules>") -> ast.RuleFile:
    """Parse the text of a rule file; raise RuleError with a caret on a syntax error."""
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, path) from None
    return _Build(path).transform(tree)


def parse_file(path: str | Path) -> ast.RuleFile:
    """Parse one rule file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError("E200", f"cannot read the rule file: {exc}",
                        ast.Pos(str(p), 1, 1)) from None
    return parse_text(text, str(p))


def _syntax_error(exc: UnexpectedInput, text: str, path: str) -> RuleError:
    label = exc.match_examples(_lark().parse, _MISTAKES, use_accepts=True)
    if label is None:
        if isinstance(exc, UnexpectedCharacters):
            label = "E207 unexpected character"
        else:
            label = "E208 unexpected word here"
    code, message = label.split(" ", 1)
    token = getattr(exc, "token", None)
    if token is not None and getattr(token, "type", "") == "$END":
        message += " (the file ends too early; is a «}» missing?)"
    elif token is not None:
        message += f" (found «{token}»)"
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or [])
    if expected and len(expected) <= 8:
        message += "; expected one of: " + ", ".join(_show(e) for e in expected)
    pos = ast.Pos(path, exc.line or 1, exc.column or 1)
    return RuleError(code, message, pos, context=exc.get_context(text, 60))


def _show(terminal: str) -> str:
    names = {"NAME": "a name", "STRING": "a string", "SHORT_STRING": "a string",
             "LONG_STRING": "a string", "RULE_ID": "a rule id", "PATH": "a path like "
             "approval.date", "VAR": "a $variable", "LBRACE": "«{»", "RBRACE": "«}»",
             "COMMA": "«,»", "REGEX": "a /regex/", "FRACTION": "a fraction like 1/4",
             "NUMBER": "a number", "COMPARATOR": "a comparison like >"}
    if terminal in names:
        return names[terminal]
    return f"«{terminal.lower()}»" if terminal.isupper() else terminal


def _pos_of(path: str, meta: Any) -> ast.Pos:
    return ast.Pos(path, getattr(meta, "line", 0) or 0, getattr(meta, "column", 0) or 0)


def unquote(token: str) -> str:
    """The value of a string literal (short strings take Python-style escapes)."""
    if token.startswith('"""'):
        body = token[3:-3]
        return body[1:] if body.startswith("\n") else body
    return pyast.literal_eval(token)


@v_args(meta=True, inline=True)
class _Build(Transformer[Token, ast.RuleFile]):
    """Tree -> typed rule objects, keeping positions."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def _p(self, meta: Any) -> ast.Pos:
        return _pos_of(self.path, meta)

    def start(self, meta: Any, *rules: ast.Rule) -> ast.RuleFile:
        return ast.RuleFile(self.path, tuple(rules))

    def string(self, meta: Any, token: Token) -> str:
        return unquote(str(token))

    def rule(self, meta: Any, rule_id: Token, name: str,
             *statements: tuple[str, Any, ast.Pos]) -> ast.Rule:
        fields: dict[str, Any] = {"messages": [], "checks": [], "examples": [], "law": []}
        seen: list[tuple[str, ast.Pos]] = []
        for key, value, pos in statements:
            seen.append((key, pos))
            if key in ("messages", "checks", "examples", "law"):
                fields[key].extend(value if key == "law" else [value])
            elif key == "category":
                fields["category"] = value[0]
                if value[1]:
                    fields["subtype"] = value[1]
            else:
                fields[key] = value
        for key in ("messages", "checks", "examples", "law"):
            fields[key] = tuple(fields[key])
        return ast.Rule(id=str(rule_id), name=name, pos=self._p(meta), statements=tuple(seen),
                        **fields)

    def category(self, meta: Any, name: Token, subtype: Token | None) -> tuple[str, Any, Any]:
        return "category", (str(name), str(subtype) if subtype else None), self._p(meta)

    def subtype(self, meta: Any, name: Token) -> tuple[str, Any, Any]:
        return "subtype", str(name), self._p(meta)

    def severity(self, meta: Any, name: Token) -> tuple[str, Any, Any]:
        return "severity", str(name), self._p(meta)

    def jurisdictions(self, meta: Any, *names: Token) -> tuple[str, Any, Any]:
        return "jurisdictions", tuple(map(str, names)), self._p(meta)

    def languages(self, meta: Any, *names: Token) -> tuple[str, Any, Any]:
        return "languages", tuple(map(str, names)), self._p(meta)

    def law(self, meta: Any, *refs: str) -> tuple[str, Any, Any]:
        return "law", refs, self._p(meta)

    def message(self, meta: Any, lang: Token, text: str) -> tuple[str, Any, Any]:
        return "messages", (str(lang), text), self._p(meta)

    def explain(self, meta: Any, text: str) -> tuple[str, Any, Any]:
        return "explain", text, self._p(meta)

    def check(self, meta: Any, scope: ast.Scope, *reports: ast.Report) -> tuple[str, Any, Any]:
        return "checks", ast.Check(scope, reports, self._p(meta)), self._p(meta)

    def document_scope(self, meta: Any) -> ast.Scope:
        return ast.Scope("document", pos=self._p(meta))

    def section_scope(self, meta: Any, kinds: tuple[str, ...] | None) -> ast.Scope:
        return ast.Scope("section", kinds or (), pos=self._p(meta))

    def clause_scope(self, meta: Any, kinds: tuple[str, ...] | None) -> ast.Scope:
        return ast.Scope("clause", kinds or (), pos=self._p(meta))

    def setting_scope(self, meta: Any, var: Token, setting: Token) -> ast.Scope:
        return ast.Scope("setting", var=f"${var}", setting=str(setting), pos=self._p(meta))

    def kinds(self, meta: Any, *kinds: Token) -> tuple[str, ...]:
        return tuple(map(str, kinds))

    def anywhere(self, meta: Any) -> tuple[str, ...]:
        return ()

    def report(self, meta: Any, at: str | None, when: ast.Expr,
               unless: ast.Expr | None) -> ast.Report:
        return ast.Report(when=when, unless=unless, at=at, pos=self._p(meta))

    def at(self, meta: Any, target: Token) -> str:
        return str(target)

    def at_document(self, meta: Any) -> str:
        return "document"

    def at_section(self, meta: Any) -> str:
        return "section"

    def at_clause(self, meta: Any) -> str:
        return "clause"

    def or_expr(self, meta: Any, *operands: ast.Expr) -> ast.Expr:
        return ast.Or(operands, self._p(meta))

    def and_expr(self, meta: Any, *operands: ast.Expr) -> ast.Expr:
        return ast.And(operands, self._p(meta))

    def negation(self, meta: Any, operand: ast.Expr) -> ast.Expr:
        return ast.Not(operand, self._p(meta))

    def with_mode(self, meta: Any, name: Token) -> tuple[str, str]:
        return "mode", str(name)

    def with_setting(self, meta: Any, name: Token, value: str) -> tuple[str, str]:
        return str(name), value

    def example(self, meta: Any, verdict: Token, *rest: Any) -> tuple[str, Any, Any]:
        *withs, where, text = rest
        mode = next((v for k, v in withs if k == "mode"), None)
        settings = tuple((k, v) for k, v in withs if k != "mode")
        section = document = at = None
        if where is not None:
            kind, value = where
            if kind == "section":
                section = value
            else:
                document, at = True, value
        return "examples", ast.Example(str(verdict), text, section=section,
                                       document=bool(document), at=at, mode=mode,
                                       settings=settings, pos=self._p(meta)), self._p(meta)

    def example_section(self, meta: Any, name: Token) -> tuple[str, Any]:
        return "section", str(name)

    def example_document(self, meta: Any, at: Token | None) -> tuple[str, Any]:
        return "document", str(at) if at else None

    def __default__(self, data: str, children: list[Any], meta: Any) -> Any:
        args: list[str] = []
        for child in children:
            if isinstance(child, Tree):
                raise TypeError(f"unexpected subtree {child.data}")
            if child is not None:
                args.append(str(child))
        return ast.Predicate(str(data), tuple(args), _pos_of(self.path, meta))
