"""Throughput benchmark: jdcheck parsing against a bare python-docx read of the same files.

    python bench/run.py [--count 1000] [--corpus bench/out/docx] [--jobs 2]

Generates the corpus with bench/gen_corpus.py when it is missing, then reports documents per
second for (a) python-docx opening each file and reading every paragraph and table cell,
(b) jdcheck reading and parsing each file in one process, (c) the same with every rule, (d)
`jdcheck scan --jobs N` over the folder, and the peak memory of the scan. Timings are
wall-clock, best of the repeats. What the rules add is measured twice: over whole runs, parsing
alone and with the rules alternately in fresh processes (the median of the pairs' ratios), and
paired file by file in one process (CPU time), which a drift in the machine's speed between
runs cannot skew. Every measuring process keeps freed memory as `jdcheck scan` does
(jdcheck/allocator.py), the bare python-docx read included.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def bare_python_docx(files: list[Path]) -> float:
    """Seconds python-docx needs to open the files and read their paragraphs and tables."""
    import docx

    start = time.perf_counter()
    for path in files:
        document = docx.Document(str(path))
        for paragraph in document.paragraphs:
            _ = paragraph.text
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    _ = cell.text
    return time.perf_counter() - start


def jdcheck_parse(files: list[Path]) -> float:
    """Seconds jdcheck needs to read and parse the files in this process (no rules)."""
    from jdcheck.readers import Limits, read_document
    from jdcheck.structure.parser import parse

    limits = Limits()
    start = time.perf_counter()
    for path in files:
        parse(read_document(str(path), limits))
    return time.perf_counter() - start


def jdcheck_check(files: list[Path]) -> float:
    """Seconds jdcheck needs to read, parse and check the files with every shipped rule."""
    from jdcheck.readers import Limits
    from jdcheck.scan import scan_file

    limits = Limits()
    start = time.perf_counter()
    for path in files:
        result = scan_file(str(path), limits)
        if result.error is not None:
            raise SystemExit(f"{path}: {result.error.code} {result.error.message}")
    return time.perf_counter() - start


def paired(files: list[Path]) -> str:
    """CPU seconds of reading and parsing, and of checking with every rule, measured for each
    file in the same pass (each file is parsed once, then checked): a drift in the machine's
    speed between two separate runs cannot favour either side, and nothing is done twice."""
    from jdcheck.engine.evaluate import check_document
    from jdcheck.model import Settings
    from jdcheck.readers import Limits, read_document
    from jdcheck.scan import rules_for
    from jdcheck.structure.parser import parse

    limits, settings = Limits(), Settings()
    compiled = rules_for(settings)
    parse_cpu = check_cpu = 0.0
    for path in files:
        t0 = time.process_time()
        document = parse(read_document(str(path), limits))
        t1 = time.process_time()
        check_document(document, compiled, settings)
        t2 = time.process_time()
        parse_cpu += t1 - t0
        check_cpu += t2 - t1
    return f"{parse_cpu} {parse_cpu + check_cpu}"


def jdcheck_scan(folder: Path, jobs: int) -> float:
    """Seconds the `jdcheck scan` command needs for the folder (process start included)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "jdcheck", "scan", "--format", "json", "--jobs",
                    str(jobs), str(folder)], check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _run_once(kind: str, corpus: Path, count: int) -> str:
    """The printed result of one measurement in a fresh interpreter (after 20 files of
    warm-up)."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            "from jdcheck.allocator import keep_freed_memory; keep_freed_memory(); "
            f"import bench.run as b; files = sorted(Path({str(corpus)!r}).glob('*.docx'))"
            f"[:{count}]; b.{kind}(files[:20]); print(b.{kind}(files))")
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True).stdout.strip()


def _measure(kind: str, corpus: Path, count: int, repeats: int) -> float:
    """Best wall time of ``repeats`` runs of one measurement, each in a fresh interpreter."""
    return min(float(_run_once(kind, corpus, count)) for _ in range(repeats))


def main() -> None:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "out" / "docx")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir() or len(list(args.corpus.glob("*.docx"))) < args.count:
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(args.corpus),
                        "--count", str(args.count), "--seed", "1", "--formats", "docx"],
                       check=True)
    n = min(args.count, len(list(args.corpus.glob("*.docx"))))
    bare = _measure("bare_python_docx", args.corpus, n, args.repeats)
    # parsing alone and parsing with the rules, run alternately so that both see the same
    # state of the machine; each pair gives one ratio
    runs = [(float(_run_once("jdcheck_parse", args.corpus, n)),
             float(_run_once("jdcheck_check", args.corpus, n))) for _ in range(args.repeats)]
    ours, checked = min(a for a, _ in runs), min(b for _, b in runs)
    alternated = sorted((b - a) / a for a, b in runs)
    scan = min(jdcheck_scan(args.corpus, args.jobs) for _ in range(args.repeats))
    pairs = [_run_once("paired", args.corpus, n).split() for _ in range(args.repeats)]
    overheads = sorted((float(b) - float(a)) / float(a) for a, b in pairs)
    print(f"documents: {n} .docx from {args.corpus} (best of {args.repeats} runs each)")
    print(f"python-docx open + paragraphs + tables:   {bare:7.2f} s  {n / bare:7.1f} docs/s")
    print(f"jdcheck read + parse, 1 process:          {ours:7.2f} s  {n / ours:7.1f} docs/s")
    print(f"ratio jdcheck / python-docx:              {ours / bare:7.2f}")
    print(f"jdcheck read + parse + all rules:         {checked:7.2f} s  {n / checked:7.1f} docs/s")
    middle = alternated[len(alternated) // 2]
    print(f"rules add to parsing (alternating runs):  {100 * middle:6.0f} %"
          f"  (median of {len(alternated)} pairs of fresh processes)")
    print(f"rules add to parsing (paired, CPU):       {100 * overheads[len(overheads) // 2]:6.0f} %"
          f"  (median of {len(overheads)}; each file parsed once, then checked)")
    print(f"jdcheck scan --jobs {args.jobs} (whole command):    {scan:7.2f} s  "
          f"{n / scan:7.1f} docs/s")
    memory = _scan_memory(args.corpus, args.jobs)
    print(f"peak memory (max RSS) of the scan:        {memory:7.0f} MB")


def _scan_memory(folder: Path, jobs: int) -> float:
    """Peak resident memory of the largest process of one `jdcheck scan` run, in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    jdcheck_scan(folder, jobs)
    return max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


if __name__ == "__main__":
    main()
