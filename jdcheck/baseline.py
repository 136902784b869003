"""Baselines and waivers: findings a gate should not fail on again.

A baseline records the findings of a scan by file and fingerprint; a later scan with that
baseline reports only what is new, so a gate fails on what a revision introduces. A waiver
(in the configuration) accepts one finding, or one rule in some files, for a reason, approved
by someone, until a date; once expired it hides nothing. Hidden findings are not dropped: each
file keeps them as ``suppressed`` and every report counts them apart.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from fnmatch import fnmatch
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jdcheck.errors import JdcheckError
from jdcheck.model import FileResult, Finding, ScanResult, Suppressed, Waiver
from jdcheck.version import __version__

BASELINE_VERSION: Literal["1"] = "1"


class BaselineError(JdcheckError):
    """A baseline file that cannot be used (exit code 2, like a configuration error)."""

    code = "E310"


class BaselineEntry(BaseModel):
    """One recorded finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    fingerprint: str
    rule: str
    quote: str | None = None


class Baseline(BaseModel):
    """The findings of one scan, to be accepted by later scans."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    baseline_version: Literal["1"] = BASELINE_VERSION
    created: datetime
    tool: str
    findings: tuple[BaselineEntry, ...]
    root: str | None = Field(None, exclude=True,
                             description="the folder paths are relative to (the file's)")

    def keys(self) -> set[tuple[str, str]]:
        """(path, fingerprint) of every recorded finding."""
        return {(e.path, e.fingerprint) for e in self.findings}


def key_path(path: str, root: Path | None = None) -> str:
    """A file's path as baselines record it: relative to ``root`` (the baseline file's folder;
    default the working folder) when inside it, with forward slashes, so a baseline kept next
    to the documents works from any folder and on any machine."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def make_baseline(result: ScanResult, where: str | Path) -> Baseline:
    """A baseline of every finding of a scan (live and already suppressed alike), to be
    written at ``where``."""
    root = Path(where).resolve().parent
    entries = [BaselineEntry(path=key_path(f.path, root), fingerprint=x.fingerprint,
                             rule=x.rule, quote=x.quote)
               for f in result.files
               for x in (*f.findings, *(s.finding for s in f.suppressed))]
    return Baseline(created=datetime.now(UTC).replace(microsecond=0),
                    tool=f"jdcheck {__version__}", findings=tuple(entries), root=str(root))


def baseline_json(baseline: Baseline) -> str:
    """The baseline file's text."""
    return baseline.model_dump_json(indent=2) + "\n"


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is a configuration error naming it."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        loaded = Baseline.model_validate(data)
        return loaded.model_copy(update={"root": str(Path(path).resolve().parent)})
    except OSError as exc:
        raise BaselineError(f"cannot read the baseline: {exc.strerror or exc}",
                            path=str(path)) from None
    except (ValueError, ValidationError) as exc:
        raise BaselineError(f"not a jdcheck baseline: {str(exc).splitlines()[0]}",
                            path=str(path), code="E311",
                            hint="create one with «jdcheck baseline create PATH -o FILE»"
                            ) from None


def _matches(waiver: Waiver, finding: Finding, path: str) -> bool:
    if waiver.fingerprint and waiver.fingerprint != finding.fingerprint:
        return False
    if waiver.rule and waiver.rule not in (finding.rule, finding.category):
        return False
    return not waiver.path or fnmatch(path, waiver.path) or fnmatch(Path(path).name,
                                                                      waiver.path)


def _waiver_for(finding: Finding, path: str, waivers: tuple[Waiver, ...],
                today: date) -> Waiver | None:
    return next((w for w in waivers if w.expires >= today and _matches(w, finding, path)),
                None)


def expired(result: ScanResult, today: date | None = None) -> list[tuple[Waiver, Finding]]:
    """Live findings an expired waiver names (the reader should know the waiver lapsed)."""
    today = today or date.today()
    lapsed = [w for w in result.settings.waivers if w.expires < today]
    return [(w, finding) for f in result.files for finding in f.findings for w in lapsed
            if _matches(w, finding, key_path(f.path))]


def suppress(result: ScanResult, baseline: Baseline | None = None,
             today: date | None = None) -> ScanResult:
    """The scan with findings in the baseline, or under a waiver in force, moved from each
    file's findings to its suppressed findings."""
    today = today or date.today()
    waivers = result.settings.waivers
    known = baseline.keys() if baseline is not None else set()
    if not known and not waivers:
        return result
    files: list[FileResult] = []
    root = Path(baseline.root) if baseline is not None and baseline.root else None
    for f in result.files:
        path, here = key_path(f.path, root), key_path(f.path)
        live: list[Finding] = []
        hidden = list(f.suppressed)
        for finding in f.findings:
            waiver = _waiver_for(finding, here, waivers, today)
            if waiver is not None:
                hidden.append(Suppressed(finding=finding, by="waiver", reason=waiver.reason,
                                         approved_by=waiver.approved_by,
                                         expires=waiver.expires))
            elif (path, finding.fingerprint) in known:
                hidden.append(Suppressed(finding=finding, by="baseline"))
            else:
                live.append(finding)
        files.append(f.model_copy(update={"findings": tuple(live), "suppressed": tuple(hidden)}))
    return result.model_copy(update={"files": tuple(files)})
