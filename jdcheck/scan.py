"""The scan: find input files, read and parse each one (in parallel if asked), collect results.

One unreadable file never stops a scan: its error becomes part of the result. Input files are
only ever opened for reading.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jdcheck import errors
from jdcheck.errors import ReadError
from jdcheck.model import SCHEMA_VERSION, FileError, FileResult, ScanResult
from jdcheck.readers import SUPPORTED_SUFFIXES, Limits, read_document
from jdcheck.structure.parser import parse


@dataclass(frozen=True)
class ScanOptions:
    """Everything a scan needs to know, parsed once from the command line or the API."""

    paths: tuple[str, ...]
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)


def iter_files(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every file to scan; folders are walked, links followed once."""
    seen_dirs: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk(p, seen_dirs)
        elif p.exists():
            yield str(p), None
        else:
            yield str(p), "no such file or folder"


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


def scan_file(path: str, limits: Limits, data: bytes | None = None) -> FileResult:
    """Read and parse one file; errors become part of the result."""
    start = time.perf_counter()
    try:
        with _time_limit(limits.timeout_seconds):
            document = parse(read_document(path, limits, data=data))
    except ReadError as exc:
        return FileResult(path=path, error=FileError(code=exc.code, message=exc.message,
                                                     hint=exc.hint),
                          seconds=time.perf_counter() - start)
    except _Timeout:
        return FileResult(path=path, error=FileError(
            code=errors.TIMEOUT, message=f"reading took longer than {limits.timeout_seconds:g} s",
            hint="the file may be crafted to be slow; raise --timeout if it is genuine"),
            seconds=time.perf_counter() - start)
    except RecursionError:
        return FileResult(path=path, error=FileError(
            code=errors.CORRUPT, message="the document is nested too deeply to read"),
            seconds=time.perf_counter() - start)
    return FileResult(path=path, document=document, seconds=time.perf_counter() - start)


def _missing(path: str, problem: str) -> FileResult:
    return FileResult(path=path, error=FileError(code=errors.UNREADABLE, message=problem))


def scan(options: ScanOptions) -> ScanResult:
    """Scan every input file, in parallel when ``jobs`` > 1; results keep the input order."""
    targets = list(iter_files(options.paths))
    todo = [p for p, problem in targets if problem is None]
    results: dict[str, FileResult] = {p: _missing(p, problem) for p, problem in targets
                                      if problem is not None}
    if options.jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            chunk = max(1, min(32, len(todo) // (options.jobs * 4) or 1))
            for result in pool.map(scan_file, todo, [options.limits] * len(todo),
                                   chunksize=chunk):
                results[result.path] = result
    else:
        for path in todo:
            results[path] = scan_file(path, options.limits)
    return ScanResult(schema_version=SCHEMA_VERSION,
                      files=tuple(results[p] for p, _ in targets))
