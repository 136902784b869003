"""Load and check a corpus YAML source and derive its expected summary from it alone."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import yaml

FORMATS = ("docx", "odt", "rtf", "pdf", "txt")
LAYOUT_CHOICES: dict[str, tuple[str, ...]] = {
    "grif": ("right", "table", "tabs", "plain"),
    "numbering": ("typed", "auto", "roman", "none"),
    "headings": ("bold", "style", "caps", "plain"),
    "subitems": ("numbered", "letters", "bullets"),
    "encoding": ("utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"),
    "newline": ("lf", "crlf"),
    "font": ("serif", "sans"),
}
LAYOUT_FLAGS = ("header_in_page_header",)
STRUCTURE_KEYS = ("text", "lead", "items", "expect", "heading", "kinds", "clauses")
SECTION_KINDS = ("general", "qualification", "functions", "duties", "rights", "liability",
                 "relationships", "final", "other")


class SampleError(ValueError):
    """A YAML source that does not follow corpora/src/FORMAT.md."""


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def load_sample(path: Path, warn: Callable[[str], None] = _stderr) -> dict[str, Any]:
    """Read one YAML source, check it and return it as a dict."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SampleError(f"{path.name}: not valid YAML (quote a value that ends in ':'): "
                          f"{exc}") from exc
    if not isinstance(data, dict):
        raise SampleError(f"{path.name}: top level is not a mapping")
    data = _unkey(data, lambda line: warn(
        f"{path.name}: unquoted line {line!r} was read as a mapping; taken as text"))
    check_sample(data, path.stem)
    return data


def _unkey(node: Any, warn: Callable[[str], None]) -> Any:
    """Turn list entries like «- Ознакомлен:» (read by YAML as {'Ознакомлен': None}) into text."""
    if isinstance(node, dict):
        return {k: _unkey(v, warn) for k, v in node.items()}
    if not isinstance(node, list):
        return node
    out = []
    for entry in node:
        if (isinstance(entry, dict) and len(entry) == 1 and None in entry.values()
                and next(iter(entry)) not in STRUCTURE_KEYS):
            entry = f"{next(iter(entry))}:"
            warn(entry)
        out.append(_unkey(entry, warn))
    return out


def _fail(where: str, msg: str) -> NoReturn:
    raise SampleError(f"{where}: {msg}")


def _lines(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        _fail(where, "must be a list of strings")
    return [str(v) for v in value]


def check_sample(s: dict[str, Any], stem: str | None = None) -> None:
    """Raise SampleError when a sample dict breaks the source format."""
    sid = str(s.get("id") or "?")
    if stem is not None and sid != stem:
        _fail(stem, f"id {sid!r} differs from the file name")
    for key in ("id", "lang", "format", "kind", "title"):
        if not s.get(key):
            _fail(sid, f"missing {key}")
    if "sections" not in s:
        _fail(sid, "missing sections (write sections: [] when there are none)")
    if s["lang"] not in ("ru", "az"):
        _fail(sid, f"lang {s['lang']!r} is not ru or az")
    if s["format"] not in FORMATS:
        _fail(sid, f"format {s['format']!r} is not one of {', '.join(FORMATS)}")
    layout = s.get("layout") or {}
    if not isinstance(layout, dict):
        _fail(sid, "layout is not a mapping")
    for key, value in layout.items():
        if key in LAYOUT_FLAGS:
            continue
        if key not in LAYOUT_CHOICES:
            _fail(sid, f"unknown layout key {key!r}")
        if value not in LAYOUT_CHOICES[key]:
            _fail(sid, f"layout.{key}: {value!r} is not one of {', '.join(LAYOUT_CHOICES[key])}")
    _lines(s.get("header"), f"{sid}: header")
    _lines(s.get("title"), f"{sid}: title")
    _lines(s.get("signoff"), f"{sid}: signoff")
    _check_blocks(s, sid)
    if not isinstance(s["sections"], list):
        _fail(sid, "sections is not a list")
    for n, sec in enumerate(s["sections"], 1):
        where = f"{sid}: section {n}"
        if not isinstance(sec, dict) or not isinstance(sec.get("heading"), str):
            _fail(where, "needs a heading string")
        kinds = sec.get("kinds")
        if not isinstance(kinds, list) or not kinds or any(k not in SECTION_KINDS for k in kinds):
            _fail(where, f"kinds {kinds!r} must be a non-empty list of {', '.join(SECTION_KINDS)}")
        for clause in sec.get("clauses") or []:
            _check_clause(clause, where)


def _check_blocks(s: dict[str, Any], sid: str) -> None:
    appr = s.get("approval")
    if appr is not None:
        if not isinstance(appr, dict) or appr.get("form") not in ("signature", "order"):
            _fail(sid, "approval.form must be signature or order")
        _lines(appr.get("lines"), f"{sid}: approval.lines")
        exp = appr.get("expect")
        if not isinstance(exp, dict):
            _fail(sid, "approval.expect is missing")
        if exp.get("signature") not in ("blank", "absent"):
            _fail(sid, "approval.expect.signature must be blank or absent")
        if not isinstance(exp.get("position"), bool):
            _fail(sid, "approval.expect.position must be true or false")
        _iso_or_word(exp.get("date"), sid)
    agr = s.get("agreement")
    if agr is not None:
        if not isinstance(agr, dict) or agr.get("place") not in ("top", "end"):
            _fail(sid, "agreement.place must be top or end")
        _lines(agr.get("lines"), f"{sid}: agreement.lines")
        if not isinstance(agr.get("signatories"), int):
            _fail(sid, "agreement.signatories must be a number")
    ack = s.get("acknowledgment")
    if ack is not None:
        if not isinstance(ack, dict) or ack.get("form") not in ("line", "sheet"):
            _fail(sid, "acknowledgment.form must be line or sheet")
        if not _lines(ack.get("lines"), f"{sid}: acknowledgment.lines"):
            _fail(sid, "acknowledgment.lines is empty")


def _check_clause(clause: Any, where: str) -> None:
    if isinstance(clause, str):
        return
    if not isinstance(clause, dict):
        _fail(where, f"clause {clause!r} is neither a string nor a mapping")
    if ("text" in clause) == ("lead" in clause):
        _fail(where, f"clause {clause!r} needs exactly one of text: or lead:")
    if "lead" in clause and not clause.get("items"):
        _fail(where, f"lead {clause['lead']!r} has no items")
    for item in clause.get("items") or []:
        if not isinstance(item, str) and not (isinstance(item, dict) and "text" in item):
            _fail(where, f"item {item!r} is neither a string nor a mapping with text:")


def _iso_or_word(value: Any, sid: str) -> str | None:
    if value is None or value == "blank":
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        _fail(sid, f"approval.expect.date {value!r} is not an ISO date, blank or null")


def layout(s: dict[str, Any]) -> dict[str, Any]:
    """Return the sample's layout with every key filled in by its default."""
    out: dict[str, Any] = {key: choices[0] for key, choices in LAYOUT_CHOICES.items()}
    out["header_in_page_header"] = False
    out.update(s.get("layout") or {})
    return out


def item_text(item: Any) -> str:
    """Return the text of a sub-item written as a string or as a mapping with text:."""
    return str(item["text"]) if isinstance(item, dict) else str(item)


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZА-ЯЁƏÖÜĞÇŞİ]")


def clause_count(clause: Any, numbered: bool = True) -> int:
    """Count one clause the FORMAT.md way: plain 1, text: 1 + items, lead: items only. Without
    numbers, a text that ends in a colon over its items is a lead-in too (it counts only when
    it first states something: a sentence before the one that ends in the colon)."""
    if isinstance(clause, str):
        return 1
    items = len(clause.get("items") or [])
    if "lead" in clause:
        return items
    text = str(clause["text"]).rstrip()
    if not numbered and items and text.endswith(":") and not _SENTENCE_BREAK.search(text):
        return items
    return 1 + items


def shown_heading(s: dict[str, Any], heading: str) -> str:
    """Return a section heading as the document shows it, without its number."""
    if layout(s)["headings"] != "caps":
        return heading
    return (heading.replace("i", "İ") if s["lang"] == "az" else heading).upper()


def summary(s: dict[str, Any]) -> dict[str, Any]:
    """Build the expected model summary of a sample from its YAML source alone."""
    appr = s.get("approval")
    approval = None
    if appr is not None:
        exp = appr["expect"]
        approval = {"form": appr["form"], "position": exp["position"],
                    "signature": exp["signature"], "name": exp.get("name"),
                    "date": _iso_or_word(exp.get("date"), s["id"])}
    agr = s.get("agreement")
    ack = s.get("acknowledgment")
    return {
        "id": s["id"],
        "file": f"{s['id']}.{s['format']}",
        "format": s["format"],
        "language": s["lang"],
        "jurisdiction": s.get("jurisdiction", "unknown"),
        "kind": s["kind"],
        "is_job_description": s["kind"] == "job-description",
        "position": s.get("position"),
        "organisation": s.get("organisation"),
        "approval": approval,
        "agreement": None if agr is None else {"signatories": agr["signatories"]},
        "acknowledgment": None if ack is None else {"form": ack["form"]},
        "sections": [{"heading": shown_heading(s, sec["heading"]), "kinds": list(sec["kinds"]),
                      "clauses": sum(clause_count(c, layout(s)["numbering"] != "none")
                                     for c in sec.get("clauses") or [])}
                     for sec in s["sections"]],
    }


def summary_json(s: dict[str, Any]) -> str:
    """Return the expected summary as pretty-printed JSON text with sorted keys."""
    return json.dumps(summary(s), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
