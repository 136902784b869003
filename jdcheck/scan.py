"""The scan: find input files, read and parse each one (in parallel if asked), collect results.

One unreadable file never stops a scan: its error becomes part of the result. Input files are
only ever opened for reading.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path

from jdcheck import errors
from jdcheck.baseline import Baseline, suppress
from jdcheck.dsl.loader import load
from jdcheck.engine.evaluate import Compiled, check_document, compile_rules
from jdcheck.errors import ReadError
from jdcheck.model import (
    SCHEMA_VERSION,
    FileError,
    FileResult,
    ScanResult,
    Settings,
    Summary,
    summarize,
)
from jdcheck.readers import SUPPORTED_SUFFIXES, Limits, read_document
from jdcheck.structure.parser import parse


@dataclass(frozen=True)
class ScanOptions:
    """Everything a scan needs to know, parsed once from the command line or the API."""

    paths: tuple[str, ...]
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    settings: Settings = field(default_factory=Settings)
    keep_documents: bool = False
    baseline: Baseline | None = None
    progress: Callable[[int, int, str], None] | None = None


_COMPILED: dict[tuple[str, ...], Compiled] = {}


def rules_for(settings: Settings) -> Compiled:
    """The shipped rules plus the configured rule folders, compiled once per process."""
    if settings.rule_dirs not in _COMPILED:
        _COMPILED[settings.rule_dirs] = compile_rules(load(settings.rule_dirs))
    return _COMPILED[settings.rule_dirs]


def iter_files(paths: Iterable[str], exclude: tuple[str, ...] = ()
               ) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every file to scan; folders are walked, links followed once, and
    files matching an ``exclude`` pattern (relative to the folder given) are skipped."""
    seen_dirs: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for path, problem in _walk(p, seen_dirs):
                if not _excluded(Path(path).relative_to(p), exclude):
                    yield path, problem
        elif p.exists():
            yield str(p), None
        else:
            yield str(p), "no such file or folder"


def _excluded(relative: Path, patterns: tuple[str, ...]) -> bool:
    return any(relative.match(pattern) or fnmatch(relative.as_posix(), pattern)
               for pattern in patterns)


def _walk(root: Path, seen: set[str]) -> Iterator[tuple[str, str | None]]:
    real = os.path.realpath(root)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield str(root), f"cannot list the folder: {exc.strerror}"
        return
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~$")):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=True):
                yield from _walk(path, seen)
            elif entry.is_file(follow_symlinks=True) and path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield str(path), None
        except OSError:
            continue


class _Timeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt work that runs past ``seconds`` (where the platform has SIGALRM)."""
    usable = hasattr(signal, "setitimer") and seconds > 0
    try:
        usable = usable and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None,
                                                                  signal.SIG_IGN, _raise)
    except ValueError:
        usable = False
    if not usable:
        yield
        return
    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _raise(signum: int, frame: object) -> None:
    raise _Timeout()


def scan_file(path: str, limits: Limits, settings: Settings | None = None,
              data: bytes | None = None, keep_document: bool = False) -> FileResult:
    """Read, parse and check one file; errors become part of the result."""
    settings = settings or Settings()
    start = time.perf_counter()
    try:
        with _time_limit(limits.timeout_seconds):
            document = parse(read_document(path, limits, data=data))
            findings = check_document(document, rules_for(settings), settings)
    except ReadError as exc:
        return _failed(path, start, FileError(code=exc.code, message=exc.message, hint=exc.hint))
    except _Timeout:
        return _failed(path, start, FileError(
            code=errors.TIMEOUT, message=f"reading took longer than {limits.timeout_seconds:g} s",
            hint="the file may be crafted to be slow; raise --timeout if it is genuine"))
    except RecursionError:
        return _failed(path, start, FileError(code=errors.CORRUPT,
                                              message="the document is nested too deeply to read"))
    return FileResult(path=path, sha256=document.source.sha256,
                      summary=Summary(**summarize(document)),
                      findings=tuple(findings), document=document if keep_document else None,
                      seconds=time.perf_counter() - start)


def _failed(path: str, start: float, error: FileError) -> FileResult:
    return FileResult(path=path, error=error, seconds=time.perf_counter() - start)


def _missing(path: str, problem: str) -> FileResult:
    return FileResult(path=path, error=FileError(code=errors.UNREADABLE, message=problem))


def _scan_one(path: str, options: ScanOptions) -> FileResult:
    return scan_file(path, options.limits, options.settings, keep_document=options.keep_documents)


def scan(options: ScanOptions) -> ScanResult:
    """Scan every input file, in parallel when ``jobs`` > 1; results keep the input order."""
    rules_for(options.settings)  # a broken rule file stops the scan before any work
    targets = list(iter_files(options.paths, options.settings.exclude))
    todo = [p for p, problem in targets if problem is None]
    results: dict[str, FileResult] = {p: _missing(p, problem) for p, problem in targets
                                      if problem is not None}
    worker = replace(options, progress=None)
    if options.jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            chunk = max(1, min(32, len(todo) // (options.jobs * 4) or 1))
            for n, result in enumerate(pool.map(_scan_one, todo, [worker] * len(todo),
                                                chunksize=chunk), start=1):
                results[result.path] = result
                if options.progress is not None:
                    options.progress(n, len(todo), result.path)
    else:
        for n, path in enumerate(todo, start=1):
            results[path] = _scan_one(path, worker)
            if options.progress is not None:
                options.progress(n, len(todo), path)
    scanned = ScanResult(schema_version=SCHEMA_VERSION, settings=options.settings,
                         files=tuple(results[p] for p, _ in targets))
    return suppress(scanned, options.baseline)
