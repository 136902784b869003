"""The Python API for workflow code: check one document file, or one held in memory, and get
its result model (summary, findings, suppressed findings, or why it could not be read).
``jdcheck.check_file`` and ``jdcheck.check_bytes`` call these."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jdcheck.model import FileResult, Settings


def _settings(config: Any, near: str | None) -> Settings:
    """Settings from ``config``: None (jdcheck.toml or pyproject.toml found upward from the
    document), a path to a configuration file, a dict of settings, or a Settings object."""
    from jdcheck.config import find_config, make_settings
    from jdcheck.model import Settings

    if isinstance(config, Settings):
        return config
    if isinstance(config, dict):
        return make_settings(None, dict(config))
    if isinstance(config, str | Path):
        return make_settings(Path(config), {})
    if config is None:
        return make_settings(find_config(near) if near else None, {})
    raise TypeError("config must be None, a path, a dict of settings or a Settings object")


def _checked(path: str, data: bytes | None, config: Any, baseline: str | Path | None,
             near: str | None) -> FileResult:
    from jdcheck.baseline import load_baseline, suppress
    from jdcheck.model import SCHEMA_VERSION, ScanResult
    from jdcheck.readers import Limits
    from jdcheck.scan import rules_for, scan_file

    settings = _settings(config, near)
    rules_for(settings)  # a broken rule file raises here, not as a document error
    result = scan_file(path, Limits(), settings, data=data)
    scan = ScanResult(schema_version=SCHEMA_VERSION, settings=settings, files=(result,))
    return suppress(scan, load_baseline(baseline) if baseline else None).files[0]


def check_file(path: str | Path, config: Any = None, *,
               baseline: str | Path | None = None) -> FileResult:
    """Read, parse and check one document file; ``baseline`` (a file from «jdcheck baseline
    create») hides the findings it records."""
    return _checked(str(path), None, config, baseline, str(path))


def check_bytes(data: bytes, filename: str, config: Any = None, *,
                baseline: str | Path | None = None) -> FileResult:
    """Check a document held in memory (an upload); ``filename`` gives its format by its
    extension and names it in the result. No file is written."""
    return _checked(filename, bytes(data), config, baseline, None)
