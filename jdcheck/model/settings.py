"""Settings that change what the rules check, from jdcheck.toml / pyproject.toml and flags."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_REQUIRED = ("general", "duties", "rights", "liability")


class Settings(BaseModel):
    """One frozen set of settings for a scan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    jurisdiction: str | None = Field(None, description="labour code when the document cites none")
    lang: Literal["en", "ru", "az"] = Field("en", description="language of messages in reports")
    mode: Literal["draft", "final"] = Field(
        "draft", description="draft allows blank dates and signatures, final does not")
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    select: tuple[str, ...] = Field((), description="only these rule ids or categories")
    ignore: tuple[str, ...] = Field((), description="skip these rule ids or categories")
    severity: dict[str, Literal["error", "warning", "info"]] = Field(
        default_factory=dict, description="severity overrides by rule id or category")
    rule_dirs: tuple[str, ...] = Field((), description="extra folders of rule files")
    exclude: tuple[str, ...] = Field(
        (), description="file patterns a folder scan skips (e.g. \"README.md\", \"drafts/*\")")
    required_sections: tuple[str, ...] = DEFAULT_REQUIRED
    agreement_units: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="units that must agree, each with words that name it in a position")

    def values(self, name: str) -> tuple[str, ...]:
        """The items a rule iterates over for a setting name."""
        value = getattr(self, name, None)
        if isinstance(value, dict):
            return tuple(value)
        if isinstance(value, tuple | list):
            return tuple(value)
        return () if value is None else (str(value),)
