"""Regenerate the golden findings of the corpus: corpora/expected/<id>.findings.json.

    python corpora/tools/golden.py

Runs `jdcheck scan` over corpora/ with the corpus configuration and writes, per sample, the
findings it reports (rule, category, subtype, severity, target, place, fingerprint). The tests
compare every scan with these files, and compare these files with the defects each sample's
YAML source says it was written with; never edit them by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CORPORA.parent))

from jdcheck.config import find_config, make_settings  # noqa: E402
from jdcheck.scan import ScanOptions, scan  # noqa: E402

FIELDS = ("rule", "category", "subtype", "severity", "target", "section", "clause",
          "fingerprint")


def golden(finding: dict[str, object]) -> dict[str, object]:
    """The fields of a finding that golden files keep."""
    return {k: finding[k] for k in FIELDS}


def main() -> None:
    """Scan the corpus and write one findings file per sample."""
    settings = make_settings(find_config(CORPORA), {})
    result = scan(ScanOptions(paths=(str(CORPORA),), settings=settings))
    out = CORPORA / "expected"
    for f in result.files:
        if f.error is not None:
            raise SystemExit(f"{f.path}: {f.error.code} {f.error.message}")
        stem = Path(f.path).stem
        rows = [golden(x.model_dump(mode="json")) for x in f.findings]
        (out / f"{stem}.findings.json").write_text(
            json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(result.files)} golden findings files to {out}")


if __name__ == "__main__":
    main()
