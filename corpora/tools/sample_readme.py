"""Write corpora/README.md: what each sample is and what it shows, from the YAML sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEAD = """# The team's corpus

Job descriptions written by the jdcheck team, in Russian and Azerbaijani, across the formats
legal departments keep them in, plus an employment contract and an order in each language that
are not job descriptions. Each sample is written once as a YAML source in `src/` (format in
`src/FORMAT.md`) and rendered by `tools/render.py`; `expected/<id>.summary.json` is the model
summary derived from the source, which the tests compare with `jdcheck parse`. This file is
written by `tools/sample_readme.py` (run by `tools/render.py`); do not edit it by hand.

| sample | language | format | profession | layout | what it shows | defects written in |
|---|---|---|---|---|---|---|
"""


def _layout(sample: dict[str, Any]) -> str:
    layout = sample.get("layout") or {}
    return ", ".join(f"{k}: {v}" for k, v in layout.items())


def _defects(sample: dict[str, Any]) -> str:
    found = []
    for item in sample.get("defects") or []:
        for k, v in item.items():
            found.append(k if v is True else f"{k}: {v}")
    for section in sample.get("sections") or []:
        for clause in section.get("clauses") or []:
            if isinstance(clause, dict) and clause.get("expect"):
                found.append(f"{clause['expect']} (in {section['heading']})")
            for item in (clause.get("items") or []) if isinstance(clause, dict) else []:
                if isinstance(item, dict) and item.get("expect"):
                    found.append(f"{item['expect']} (in {section['heading']})")
    return "; ".join(found) or "none"


def catalogue(samples: list[dict[str, Any]], out: Path) -> None:
    """Write the README table for the given samples."""
    rows = []
    for s in sorted(samples, key=lambda s: (s["lang"], s["id"])):
        shows = " ".join(str(s.get("shows", "")).split())
        rows.append(f"| `{s['id']}.{s['format']}` | {s['lang']} | {s['format']} | "
                    f"{s.get('profession', '')} | {_layout(s)} | {shows} | {_defects(s)} |")
    out.write_text(HEAD + "\n".join(rows) + "\n", encoding="utf-8", newline="\n")
