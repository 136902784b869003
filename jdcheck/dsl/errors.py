"""Errors in rule files, reported at file:line:col with a caret and a stable code."""

from __future__ import annotations

from jdcheck.dsl.ast import Pos
from jdcheck.errors import JdcheckError


class RuleError(JdcheckError):
    """A rule file that cannot be used: syntax or meaning."""

    code = "E200"

    def __init__(self, code: str, message: str, pos: Pos, context: str | None = None) -> None:
        super().__init__(message, path=pos.file, code=code)
        self.pos = pos
        self.context = context

    def render(self, source: str | None = None) -> str:
        """``file:line:col: E2xx message`` followed by the line and a caret."""
        head = f"{self.pos}: {self.code} {self.message}"
        context = self.context
        if context is None and source is not None and self.pos.line:
            lines = source.splitlines()
            if 0 < self.pos.line <= len(lines):
                line = lines[self.pos.line - 1]
                context = f"{line}\n{' ' * max(0, self.pos.column - 1)}^"
        return f"{head}\n{context.rstrip()}" if context else head

    def __str__(self) -> str:
        return f"{self.pos}: {self.code} {self.message}"


class RuleErrors(JdcheckError):
    """Several rule-file errors found together (validation reports all of them)."""

    code = "E200"

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__("; ".join(str(e) for e in errors[:3]))
        self.errors = errors
