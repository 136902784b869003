"""The typed tree of a rule file. Positions are kept for error messages but ignored by equality,
so that a rule printed back and parsed again compares equal to the original."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pos:
    """Where something was written: file, 1-based line and column."""

    file: str = ""
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def _pos() -> Pos:
    return field(default_factory=Pos, compare=False, repr=False)  # type: ignore[return-value]


# --- expressions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Predicate:
    """One test: ``name`` says which (``has_section``, ``text_term`` ...), ``args`` its operands."""

    name: str
    args: tuple[str, ...] = ()
    pos: Pos = _pos()


@dataclass(frozen=True)
class Not:
    """Negation."""

    operand: Expr
    pos: Pos = _pos()


@dataclass(frozen=True)
class And:
    """All operands hold."""

    operands: tuple[Expr, ...]
    pos: Pos = _pos()


@dataclass(frozen=True)
class Or:
    """Any operand holds."""

    operands: tuple[Expr, ...]
    pos: Pos = _pos()


Expr = Predicate | Not | And | Or


# --- rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What a check iterates over: the document, sections, clauses, or a setting's items."""

    kind: str  # "document" | "section" | "clause" | "setting"
    kinds: tuple[str, ...] = ()  # section kinds for section/clause scopes; () = anywhere
    var: str | None = None  # loop variable for a setting scope
    setting: str | None = None
    pos: Pos = _pos()


@dataclass(frozen=True)
class Report:
    """``report [at PATH] when EXPR [unless EXPR]``."""

    when: Expr
    unless: Expr | None = None
    at: str | None = None
    pos: Pos = _pos()


@dataclass(frozen=True)
class Check:
    """A scope and the reports made in it."""

    scope: Scope
    reports: tuple[Report, ...]
    pos: Pos = _pos()


@dataclass(frozen=True)
class Example:
    """Text that must make the rule fire (at an optional place) or must not."""

    verdict: str  # "fires" | "passes"
    text: str
    section: str | None = None  # the clause sits in a section of this kind
    document: bool = False  # the text is a whole small document
    at: str | None = None  # where the finding must point (document examples)
    mode: str | None = None  # the document mode the example is checked in
    settings: tuple[tuple[str, str], ...] = ()  # setting name -> TOML value, for the example
    pos: Pos = _pos()


@dataclass(frozen=True)
class Rule:
    """One rule with its metadata, checks and examples."""

    id: str
    name: str
    category: str | None = None
    subtype: str | None = None
    severity: str | None = None
    jurisdictions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    messages: tuple[tuple[str, str], ...] = ()
    explain: str = ""
    checks: tuple[Check, ...] = ()
    examples: tuple[Example, ...] = ()
    pos: Pos = _pos()
    statements: tuple[tuple[str, Pos], ...] = field(default=(), compare=False, repr=False)

    def message(self, lang: str) -> str:
        """The message in ``lang``, falling back to English."""
        table = dict(self.messages)
        return table.get(lang) or table.get("en") or self.name


@dataclass(frozen=True)
class RuleFile:
    """The rules of one file."""

    path: str
    rules: tuple[Rule, ...]
