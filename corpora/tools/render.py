"""Render corpus YAML sources into documents and write their expected summaries."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from blocks import Doc, build
from sample import SampleError, check_sample, load_sample, summary_json
from sample_readme import catalogue
from write_docx import write_docx
from write_odt import write_odt
from write_pdf import write_pdf
from write_rtf import write_rtf
from write_txt import write_txt

CORPORA = Path(__file__).resolve().parents[1]
WRITERS: dict[str, Callable[[Doc, Path], None]] = {
    "docx": write_docx, "odt": write_odt, "rtf": write_rtf, "pdf": write_pdf, "txt": write_txt,
}


def render_sample(sample: dict[str, Any], path: Path) -> None:
    """Render one in-memory sample dict to a document file in the sample's format."""
    check_sample(sample)
    try:
        WRITERS[sample["format"]](build(sample), path)
    except SampleError as exc:
        raise SampleError(f"{sample['id']}: {exc}") from exc


def write_expected(sample: dict[str, Any], expected_dir: Path) -> Path:
    """Write the sample's expected summary JSON and return its path."""
    expected_dir.mkdir(parents=True, exist_ok=True)
    path = expected_dir / f"{sample['id']}.summary.json"
    path.write_text(summary_json(sample), encoding="utf-8", newline="\n")
    return path


def main(argv: list[str] | None = None) -> int:
    """Render every source (or the --only ones); report malformed sources and exit non-zero."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="+", metavar="ID", help="render only these sample ids")
    parser.add_argument("--src", type=Path, default=CORPORA / "src", help="folder of YAML sources")
    parser.add_argument("--out", type=Path, default=CORPORA, help="folder for rendered documents")
    args = parser.parse_args(argv)
    sources = sorted(args.src.glob("*.yaml"))
    if args.only:
        wanted = set(args.only)
        sources = [p for p in sources if p.stem in wanted]
        missing = wanted - {p.stem for p in sources}
        if missing:
            print(f"no source for: {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    failures = 0
    start = time.perf_counter()
    samples = []
    for src in sources:
        try:
            sample = load_sample(src)
            samples.append(sample)
            render_sample(sample, args.out / f"{sample['id']}.{sample['format']}")
            write_expected(sample, args.out / "expected")
        except SampleError as exc:
            failures += 1
            print(f"FAILED {exc}", file=sys.stderr)
    if not args.only and not failures:
        catalogue(samples, args.out / "README.md")
    elapsed = time.perf_counter() - start
    print(f"rendered {len(sources) - failures} of {len(sources)} sources in {elapsed:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
