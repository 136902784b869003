"""Load rule packs: every ``*.jdr`` rule file and ``lexicons/*.toml`` lexicon of the shipped
``rules/`` folder and of the configured extra folders, parsed and validated once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jdcheck.dsl import ast
from jdcheck.dsl.errors import RuleError, RuleErrors
from jdcheck.dsl.parser import parse_file
from jdcheck.dsl.validate import validate
from jdcheck.nlp.terms import Lexicon, LexiconError, load_lexicons

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
RULE_SUFFIX = ".jdr"


@dataclass(frozen=True)
class RuleSet:
    """Parsed, validated rules and the lexicons they use."""

    rules: tuple[ast.Rule, ...]
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def get(self, rule_id: str) -> ast.Rule | None:
        """A rule by id."""
        return next((r for r in self.rules if r.id == rule_id), None)


def rule_files(folder: Path) -> list[Path]:
    """Rule files in a folder and its sub-folders, in a stable order."""
    return sorted(folder.rglob(f"*{RULE_SUFFIX}")) if folder.is_dir() else []


def lexicon_files(folder: Path) -> list[Path]:
    """Lexicon files of a rule folder."""
    return sorted((folder / "lexicons").glob("*.toml")) if folder.is_dir() else []


def load(paths: tuple[str, ...] = (), include_default: bool = True) -> RuleSet:
    """Rules from the shipped pack (unless excluded) and the given files or folders."""
    return _load(tuple(str(Path(p).resolve()) for p in paths), include_default)


@cache
def _load(paths: tuple[str, ...], include_default: bool) -> RuleSet:
    folders = ([RULES_DIR] if include_default else []) + [Path(p) for p in paths
                                                         if Path(p).is_dir()]
    files = [f for folder in folders for f in rule_files(folder)]
    files += [Path(p) for p in paths if Path(p).is_file()]
    files = list(dict.fromkeys(f.resolve() for f in files))
    folders = list(dict.fromkeys(f.resolve() for f in folders))
    try:
        lexicons = load_lexicons([f for folder in folders for f in lexicon_files(folder)])
    except LexiconError as exc:
        raise RuleErrors([RuleError("E230", str(exc), ast.Pos(str(exc).split(":")[0], 1, 1))]
                         ) from None
    rules: list[ast.Rule] = []
    errors: list[RuleError] = []
    for path in files:
        try:
            rules.extend(parse_file(path).rules)
        except RuleError as exc:
            errors.append(exc)
    errors.extend(validate(tuple(rules), set(lexicons)))
    if errors:
        raise RuleErrors(errors)
    return RuleSet(tuple(rules), lexicons, tuple(str(f) for f in files))
