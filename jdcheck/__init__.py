"""jdcheck: audit job descriptions for structure and labour-law compliance.

For workflow code::

    import jdcheck

    result = jdcheck.check_file("incoming/kassir.docx")           # jdcheck.toml found upward
    result = jdcheck.check_bytes(data, "kassir.docx", config={"jurisdiction": "az"})
    if result.error or any(f.severity == "error" for f in result.findings):
        ...                                                        # send back to the author

Both return a :class:`jdcheck.model.FileResult` (summary, findings, suppressed findings, or the
reason the file could not be read); they never raise for a bad document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdcheck.version import __version__

if TYPE_CHECKING:
    from jdcheck.model import FileResult

__all__ = ["__version__", "check_bytes", "check_file"]


def check_file(path: str | Path, config: Any = None, *,
               baseline: str | Path | None = None) -> FileResult:
    """Read, parse and check one document file (see :mod:`jdcheck.api`)."""
    from jdcheck.api import check_file as run

    return run(path, config, baseline=baseline)


def check_bytes(data: bytes, filename: str, config: Any = None, *,
                baseline: str | Path | None = None) -> FileResult:
    """Check a document held in memory (see :mod:`jdcheck.api`)."""
    from jdcheck.api import check_bytes as run

    return run(data, filename, config, baseline=baseline)
