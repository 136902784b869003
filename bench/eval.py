"""Precision and recall of the clause checks, per category, subtype and language.

    python bench/eval.py [--realworld ../shared/realworld] [--failures]

Labelled data: the clause files in corpora/clauses/ (each clause placed in a small job
description under its section and lead-in), the held-out clause files in
corpora/clauses/holdout/ (written apart from the rules and their lexicons, to measure how the
checks carry over to wordings their authors did not see), and the clause-level `expect:`
labels of the corpus samples in corpora/src/ (checked in the rendered documents). For the
real documents, which have
no labels, the script lists what fired, for reading.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jdcheck.config import find_config, make_settings  # noqa: E402
from jdcheck.engine.evaluate import kind_name  # noqa: E402
from jdcheck.model import Finding, Settings  # noqa: E402
from jdcheck.readers import Limits  # noqa: E402
from jdcheck.scan import ScanOptions, scan, scan_file  # noqa: E402

CLAUSE_CATEGORIES = ("misplaced-right", "misplaced-duty", "liability-over-limit")
TITLES = {"ru": "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "az": "VƏZİFƏ TƏLİMATI"}


def label(f: Finding) -> str:
    """A finding as a label of the labelled corpora."""
    if f.subtype == "full-liability-agreement":
        return "info/full-liability-agreement"
    return f"{f.category}/{f.subtype}" if f.category == "liability-over-limit" else f.category


def clause_document(entry: dict[str, Any], lang: str) -> str:
    """A small job description holding one labelled clause."""
    position = f" {entry['position']}" if entry.get("position") else ""
    lines = [f"{TITLES[lang]}{position}", "", f"1. {kind_name(entry['section'], lang)}"]
    if entry.get("lead"):
        lines.append(entry["lead"])
    lines.append(f"1.1. {entry['text']}")
    return "\n".join(lines) + "\n"


def run_clauses(path: Path) -> list[tuple[str, str, set[str]]]:
    """(language, expected label, predicted labels) for every clause of a labelled file."""
    lang = path.name.split("-")[0]
    out = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        settings = Settings(jurisdiction=entry.get("jurisdiction", lang),
                            select=CLAUSE_CATEGORIES)
        result = scan_file("clause.txt", Limits(), settings,
                           data=clause_document(entry, lang).encode("utf-8"))
        predicted = {label(f) for f in result.findings if f.clause is not None}
        out.append((lang, str(entry["expect"]), predicted))
    return out


def labelled(folder: Path) -> tuple[list[tuple[str, str, set[str]]], list[str]]:
    """Rows and clause texts of every labelled file in a folder."""
    rows: list[tuple[str, str, set[str]]] = []
    texts: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        rows += run_clauses(path)
        texts += [e["text"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return rows, texts


SAMPLE_TEXTS: list[str] = []


def run_samples() -> list[tuple[str, str, set[str]]]:
    """(language, expected, predicted) for every clause of the corpus samples."""
    settings = make_settings(find_config(ROOT / "corpora"), {"select": CLAUSE_CATEGORIES})
    result = scan(ScanOptions(paths=(str(ROOT / "corpora"),), settings=settings))
    by_file = {Path(f.path).stem: f for f in result.files}
    out = []
    for src in sorted((ROOT / "corpora" / "src").glob("*.yaml")):
        sample = yaml.safe_load(src.read_text(encoding="utf-8"))
        if sample["kind"] != "job-description":
            continue
        findings = list(by_file[src.stem].findings)
        for clause, section in _clauses(sample):
            text = " ".join(_text(clause).split())[:60]
            hit = {label(f) for f in findings if text in " ".join((f.quote or "").split())}
            expect = clause_expect(clause, section)
            out.append((sample["lang"], expect, hit))
            SAMPLE_TEXTS.append(f"{src.stem}: {_text(clause)}")
    return out


def _clauses(sample: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    found = []
    for section in sample.get("sections") or []:
        for clause in section.get("clauses") or []:
            if isinstance(clause, str):
                found.append((clause, section))
            else:
                if clause.get("text"):
                    found.append((clause, section))
                for item in clause.get("items") or []:
                    found.append((item, section))
    return [(c if isinstance(c, str) else c, s) for c, s in found]


def clause_expect(clause: Any, section: dict[str, Any]) -> str:
    """The label of a sample's clause (none when it carries no expect)."""
    if isinstance(clause, dict):
        return str(clause.get("expect") or "none")
    return "none"


def _text(clause: Any) -> str:
    return clause if isinstance(clause, str) else str(clause.get("text", ""))


def scores(rows: list[tuple[str, str, set[str]]]) -> dict[tuple[str, str], Counter[str]]:
    """TP, FP and FN per (language, label) and per (language, category)."""
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for lang, expected, predicted in rows:
        for key in ({expected} - {"none"}) | predicted:
            for name in {key, key.split("/")[0] + "/*" if "/" in key else key}:
                exp = expected == key or (name.endswith("/*") and expected.startswith(name[:-1]))
                got = key in predicted if not name.endswith("/*") else any(
                    p.startswith(name[:-1]) for p in predicted)
                if name.endswith("/*") and key != expected and key in predicted and \
                        expected.startswith(name[:-1]):
                    continue
                table[(lang, name)]["tp" if exp and got else "fp" if got else "fn"] += 1
        table[(lang, "clauses")]["n"] += 1
    return table


def report(title: str, rows: list[tuple[str, str, set[str]]]) -> None:
    """Print a precision/recall table."""
    table = scores(rows)
    print(f"\n{title}")
    print(f"{'lang':4s} {'label':45s} {'TP':>4s} {'FP':>4s} {'FN':>4s} {'precision':>9s} "
          f"{'recall':>7s}")
    for (lang, name), c in sorted(table.items()):
        if name == "clauses":
            continue
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        print(f"{lang:4s} {name:45s} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d} {p:9.3f} {r:7.3f}")
    counts = Counter(lang for lang, _, _ in rows)
    negatives = Counter(lang for lang, e, _ in rows if e == "none")
    print("clauses: " + ", ".join(f"{lang} {n} ({negatives[lang]} labelled none)"
                                  for lang, n in sorted(counts.items())))


def failures(rows: list[tuple[str, str, set[str]]], entries: list[str]) -> None:
    """Print every clause where prediction and label differ."""
    for (lang, expected, predicted), text in zip(rows, entries, strict=True):
        if predicted != ({expected} - {"none"}):
            got = sorted(predicted) or "none"
            print(f"  [{lang}] expected {expected}, got {got}: {text[:160]}")


def realworld(folder: Path) -> None:
    """What the clause checks report on the real documents, for reading."""
    settings = Settings(select=CLAUSE_CATEGORIES)
    files = sorted(p for p in folder.iterdir() if p.suffix != ".md")
    result = scan(ScanOptions(paths=tuple(map(str, files)), settings=settings, jobs=2))
    print(f"\nReal documents ({folder}): what fired")
    total = 0
    for f in result.files:
        for finding in f.findings:
            total += 1
            print(f"  {Path(f.path).name}: {label(finding)} [{finding.rule}] "
                  f"«{' '.join((finding.quote or '').split())[:150]}»")
    print(f"  {total} findings in {len(files)} documents")


def main() -> None:
    """Run the evaluation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realworld", type=Path, default=ROOT.parent / "shared" / "realworld")
    parser.add_argument("--failures", action="store_true", help="list every wrong clause")
    args = parser.parse_args()
    rows, texts = labelled(ROOT / "corpora" / "clauses")
    report("Labelled clauses (corpora/clauses)", rows)
    if args.failures:
        failures(rows, texts)
    for folder in sorted((ROOT / "corpora" / "clauses").glob("holdout*")):
        held, held_texts = labelled(folder)
        if held:
            report(f"Held-out clauses (corpora/clauses/{folder.name}, written apart from "
                   "the rules)", held)
            if args.failures:
                failures(held, held_texts)
    sample_rows = run_samples()
    report("Clauses of the corpus samples (corpora/src expect labels)", sample_rows)
    if args.failures:
        failures(sample_rows, SAMPLE_TEXTS)
    report("All labelled clauses together", rows + sample_rows)
    if args.realworld.is_dir():
        realworld(args.realworld)


if __name__ == "__main__":
    main()
