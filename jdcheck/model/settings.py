"""Settings that change what the rules check, from jdcheck.toml / pyproject.toml and flags."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DEFAULT_REQUIRED = ("general", "duties", "rights", "liability")


class Waiver(BaseModel):
    """An accepted finding: which one (its fingerprint, or a rule in files matching a
    pattern), why, who approved it, and until when. An expired waiver hides nothing."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str | None = Field(None, description="the finding's fingerprint")
    rule: str | None = Field(None, description="a rule id, for every finding of it")
    path: str | None = Field(None, description="a file pattern the waiver is limited to")
    reason: str = Field(min_length=1)
    approved_by: str = Field(min_length=1)
    expires: date

    @model_validator(mode="after")
    def _names_a_finding(self) -> Waiver:
        if not self.fingerprint and not self.rule:
            raise ValueError("a waiver needs a fingerprint or a rule")
        return self


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
    waivers: tuple[Waiver, ...] = Field((), description="accepted findings, each until a date")

    def values(self, name: str) -> tuple[str, ...]:
        """The items a rule iterates over for a setting name."""
        value = getattr(self, name, None)
        if isinstance(value, dict):
            return tuple(value)
        if isinstance(value, tuple | list):
            return tuple(value)
        return () if value is None else (str(value),)
