"""Configuration: ``jdcheck.toml`` or ``[tool.jdcheck]`` in ``pyproject.toml``, found upward from
the scanned path, then overridden by command-line flags."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jdcheck.errors import JdcheckError
from jdcheck.model import Settings

CONFIG_FILES = ("jdcheck.toml", "pyproject.toml")


class ConfigError(JdcheckError):
    """A configuration file that cannot be used."""

    code = "E300"


def find_config(start: str | Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(pyproject: Path) -> bool:
    try:
        return "jdcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def read_config(path: Path) -> dict[str, Any]:
    """The jdcheck table of a configuration file, with rule folders made absolute."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the configuration: {exc}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the configuration is not valid TOML: {exc}", path=str(path),
                          code="E301") from None
    table = data.get("tool", {}).get("jdcheck", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError("the jdcheck settings must be a table", path=str(path), code="E302")
    table = {k.replace("-", "_"): v for k, v in table.items()}
    if "rule_dirs" in table:
        table["rule_dirs"] = [str((path.parent / d).resolve()) for d in table["rule_dirs"]]
    return table


def make_settings(config: Path | None, overrides: dict[str, Any]) -> Settings:
    """Settings from a configuration file (if any) with flags applied on top."""
    values: dict[str, Any] = read_config(config) if config is not None else {}
    values.update({k: v for k, v in overrides.items() if v not in (None, (), [])})
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid setting: {problems}", path=str(config) if config else None,
                          code="E303", hint="see README, «Configuration»") from None
