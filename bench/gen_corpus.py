"""Generate a large, varied benchmark corpus of job descriptions mixed from the YAML sources."""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpora" / "tools"))

from render import render_sample, write_expected  # noqa: E402
from sample import FORMATS, SampleError, clause_count, load_sample  # noqa: E402

MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"),
    "az": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
           "oktyabr", "noyabr", "dekabr"),
}
AZ_YEAR_SUFFIX = {2021: "ci", 2022: "ci", 2023: "cü", 2024: "cü", 2025: "ci"}
NAMES = {
    "ru": ("И.П. Сидоров", "А.В. Смирнова", "О.Н. Кузнецов", "Е.С. Павлова", "Д.А. Морозов",
           "Т.В. Волкова", "С.М. Лебедев", "Н.Г. Орлова", "В.К. Зайцев", "М.Ю. Ковалёва"),
    "az": ("R.Ə. Məmmədov", "L.Ş. Nəbiyeva", "E.R. Quliyev", "A.V. Həsənova", "T.N. Əliyev",
           "N.F. Əhmədova", "C.R. Məmmədli", "S.İ. Hüseynov", "G.Ə. Rzayeva", "M.E. Həsənli"),
}
APPROVERS = {  # (who signs, whose order) in each language
    "ru": (("Генеральный директор", "генерального директора"), ("Директор", "директора"),
           ("Исполнительный директор", "исполнительного директора")),
    "az": (("direktoru", "direktorunun"), ("baş direktoru", "baş direktorunun"),
           ("icraçı direktoru", "icraçı direktorunun")),
}
RU_GENITIVE = (("Общество с ограниченной ответственностью",
                "Общества с ограниченной ответственностью"),
               ("Открытое акционерное общество", "Открытого акционерного общества"),
               ("Закрытое акционерное общество", "Закрытого акционерного общества"),
               ("Акционерное общество", "Акционерного общества"))
AGREEING = {
    "ru": ("Начальник юридического отдела", "Начальник отдела кадров", "Главный бухгалтер",
           "Юрисконсульт", "Заместитель директора по персоналу"),
    "az": ("Hüquq şöbəsinin müdiri", "Kadrlar şöbəsinin rəisi", "Baş mühasib",
           "Hüquqşünas", "Direktorun kadrlar üzrə müavini"),
}
DEFAULT_ACK = {
    "ru": {"line": ["С инструкцией ознакомлен(а):",
                    "____________ / ____________ «__» ________ 20__ г."],
           "sheet": ["Лист ознакомления с должностной инструкцией"]},
    "az": {"line": ["Təlimatla tanış oldum:",
                    "____________ / ____________ «__» ________ 20__-ci il"],
           "sheet": ["Vəzifə təlimatı ilə tanışlıq vərəqi"]},
}
LAYOUT_WEIGHTS = {
    "grif": {"right": 45, "table": 25, "tabs": 15, "plain": 15},
    "numbering": {"typed": 40, "auto": 35, "roman": 10, "none": 15},
    "headings": {"bold": 40, "caps": 25, "style": 20, "plain": 15},
    "subitems": {"bullets": 45, "numbered": 35, "letters": 20},
    "font": {"serif": 70, "sans": 30},
    "newline": {"crlf": 50, "lf": 50},
}
ENCODINGS = {"ru": ("utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"),
             "az": ("utf-8", "utf-8-sig", "utf-16")}


# Words that tie a clause to one country's law; clauses without them mix across jurisdictions.
LAW_MARKERS = ("Российск", "РФ", "Беларус", "Казахстан", "Азербайджан", "кодекс", "Кодекс", "ТК ",
               "Azərbaycan", "Azerbaycan", "Rusiya", "Məcəllə", "Mecelle", "ƏM ")


# What a reader takes as a reference to a country's law (not «Azərbaycan dili», the language).
LAW_REFERENCES = ("Российск", "РФ", "Беларус", "Казахстан", "кодекс", "Кодекс", "ТК ",
                  "Azərbaycan Respublikası", "Azerbaycan Respublikasi", "Rusiya", "Məcəllə",
                  "Mecelle", "ƏM ")


class Material:
    """The corpus sources of one language, pooled for mixing."""

    def __init__(self) -> None:
        self.sources: list[dict[str, Any]] = []
        # clauses by (jurisdiction or "any", section kinds); personal ones name their profession
        self.clauses: dict[tuple[str, tuple[str, ...]], list[Any]] = defaultdict(list)
        self.personal: dict[tuple[str, tuple[str, ...]], list[Any]] = defaultdict(list)
        self.headings: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self.acks: dict[str, list[list[str]]] = defaultdict(list)
        self.signoffs: list[list[str]] = [[]]
        self.orgs: list[tuple[str, list[str]]] = []

    def add(self, s: dict[str, Any]) -> None:
        """Add one job-description source to the pools."""
        self.sources.append(s)
        stem = str(s.get("position") or "?").split()[0][:5].lower()
        for sec in s["sections"]:
            kinds = tuple(sec["kinds"])
            for clause in sec.get("clauses") or []:
                text = json.dumps(clause, ensure_ascii=False)
                bound = any(m in text for m in LAW_MARKERS)
                key = (s.get("jurisdiction", "unknown") if bound else "any", kinds)
                (self.personal if stem in text.lower() else self.clauses)[key].append(clause)
            self.headings[kinds].append(sec["heading"])
        if s.get("acknowledgment"):
            ack = s["acknowledgment"]
            self.acks[ack["form"]].append(list(ack["lines"]))
        self.signoffs.append(list(s.get("signoff") or []))
        if s.get("organisation"):
            self.orgs.append((s["organisation"], list(s.get("header") or [])))

    def candidates(self, rng: random.Random, jurisdiction: str,
                   kinds: tuple[str, ...]) -> list[Any]:
        """Return, shuffled, the clauses naming no profession that a section may borrow."""
        group = self.clauses[("any", kinds)] + self.clauses[(jurisdiction, kinds)]
        rng.shuffle(group)
        return group


def _dialect(s: dict[str, Any]) -> str:
    """Name the pool a source mixes with: its language, apart when typed without its letters."""
    if s["lang"] == "az" and not any(ch in json.dumps(s["sections"], ensure_ascii=False)
                                     for ch in "əğışçöüƏĞİŞÇÖÜ"):
        return "az-ascii"
    return s["lang"]


def load_material(src_dir: Path) -> dict[str, Material]:
    """Pool every job-description source by language (and Azerbaijani typed in plain Latin)."""
    pools: dict[str, Material] = defaultdict(Material)
    for path in sorted(src_dir.glob("*.yaml")):
        try:
            s = load_sample(path, warn=lambda _msg: None)
        except SampleError as exc:
            print(f"skipping {exc}", file=sys.stderr)
            continue
        if s["kind"] == "job-description" and s["sections"]:
            pools[_dialect(s)].add(s)
    return pools


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _of_org(lang: str, org: str) -> str:
    """Return the organisation's name in the form «director of …» needs."""
    if lang == "ru":
        for nominative, genitive in RU_GENITIVE:
            if org.startswith(nominative):
                return genitive + org[len(nominative):]
        return org
    if org.endswith("Cəmiyyəti"):
        return org + "nin"
    return org + "-nin" if org[-3:].isupper() else org


def _date_line(lang: str, day: int, month: int, year: int) -> str:
    if lang == "ru":
        return f"«{day:02d}» {MONTHS['ru'][month - 1]} {year} г."
    return f"«{day:02d}» {MONTHS['az'][month - 1]} {year}-{AZ_YEAR_SUFFIX[year]} il"


def _approval(rng: random.Random, lang: str, org: str) -> dict[str, Any]:
    """Make an approval block with a varied approver, name and date, and what it shows."""
    year, month, day = rng.choice(list(AZ_YEAR_SUFFIX)), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{year}-{month:02d}-{day:02d}"
    date_kind = rng.choices(("full", "blank", "none"), (70, 20, 10))[0]
    if rng.random() < 0.25:
        number = rng.randint(3, 180)
        if lang == "ru":
            when = (f"от {day:02d}.{month:02d}.{year} № {number}" if date_kind == "full"
                    else "от «___» ____________ 20__ г. № ___")
            whose = rng.choice(APPROVERS["ru"])[1]
            lines = ["УТВЕРЖДЕНА", f"приказом {whose} {_of_org(lang, org)}", when]
        else:
            when = (f"{day:02d}.{month:02d}.{year}-{AZ_YEAR_SUFFIX[year]} il tarixli "
                    f"{number} nömrəli"
                    if date_kind == "full" else "«___» ____________ 20__-ci il tarixli ___ nömrəli")
            lines = ["Təsdiq edilmişdir", f"{_of_org(lang, org)} {rng.choice(APPROVERS['az'])[1]}",
                     f"{when} əmri ilə"]
        date: str | None = iso if date_kind == "full" else "blank"
        return {"form": "order", "lines": lines, "expect": {
            "position": True, "signature": "absent", "name": None, "date": date}}
    name = rng.choice(NAMES[lang])
    if lang == "ru":
        lines = [rng.choice(("УТВЕРЖДАЮ", "Утверждаю")),
                 f"{rng.choice(APPROVERS['ru'])[0]} {_of_org(lang, org)}"]
    else:
        lines = [rng.choice(("TƏSDİQ EDİRƏM", "Təsdiq edirəm")),
                 f"{_of_org(lang, org)} {rng.choice(APPROVERS['az'])[0]}"]
    lines.append(f"____________ {name}")
    if date_kind == "full":
        lines.append(_date_line(lang, day, month, year))
    elif date_kind == "blank":
        lines.append("«___» ____________ 20__" + (" г." if lang == "ru" else "-ci il"))
    date = {"full": iso, "blank": "blank"}.get(date_kind)
    return {"form": "signature", "lines": lines, "expect": {
        "position": True, "signature": "blank", "name": name, "date": date}}


def _agreement(rng: random.Random, lang: str) -> dict[str, Any]:
    people = rng.sample(AGREEING[lang], rng.randint(1, 3))
    lines = ["СОГЛАСОВАНО" if lang == "ru" else "RAZILAŞDIRILMIŞDIR"]
    for position in people:
        lines += [position, f"____________ {rng.choice(NAMES[lang])}"]
    return {"place": rng.choice(("top", "end")), "lines": lines, "signatories": len(people)}


def _take(candidates: list[Any], want: int) -> tuple[list[Any], list[Any]]:
    """Split candidates into the first clauses that reach `want` counted clauses, and the rest."""
    taken, count = 0, 0
    while taken < len(candidates) and count < want:
        count += clause_count(candidates[taken])
        taken += 1
    return candidates[:taken], candidates[taken:]


def _count(clauses: list[Any]) -> int:
    return sum(clause_count(c) for c in clauses)


def _sections(rng: random.Random, base: dict[str, Any], pool: Material) -> list[dict[str, Any]]:
    """Keep the base's sections (some dropped, never the first or duties), fill, shuffle."""
    kept = [sec for i, sec in enumerate(base["sections"])
            if i == 0 or "duties" in sec["kinds"] or rng.random() > 0.1]
    sizes = [max(1, _count(sec.get("clauses") or [])) for sec in kept]
    target = rng.randint(40, 80)
    jurisdiction = base.get("jurisdiction", "unknown")
    plans = []
    for sec, size in zip(kept, sizes, strict=True):
        own = [c for c in sec.get("clauses") or [] if rng.random() > 0.1]
        borrowable = pool.candidates(rng, jurisdiction, tuple(sec["kinds"]))
        others = [c for c in borrowable if c not in own]
        chosen, rest = _take(own + others, max(1, round(target * size / sum(sizes))))
        plans.append((sec, chosen, rest))
    deficit = target - sum(_count(chosen) for _, chosen, _ in plans)
    for _, chosen, rest in sorted(plans, key=lambda plan: -len(plan[2])):
        if deficit <= 0:
            break
        extra, _ = _take(rest, deficit)
        chosen += extra
        deficit -= _count(extra)
    out = []
    for sec, chosen, _ in plans:
        rng.shuffle(chosen)
        heading = sec["heading"]
        if rng.random() < 0.3:
            heading = rng.choice(pool.headings[tuple(sec["kinds"])])
        out.append({"heading": heading, "kinds": list(sec["kinds"]), "clauses": chosen})
    return out


def make_sample(seed: int, index: int, formats: list[str],
                pools: dict[str, Material]) -> dict[str, Any]:
    """Build one benchmark sample dict; the same seed and index always give the same sample."""
    rng = random.Random(f"{seed}:{index}")
    base = rng.choice([src for key in sorted(pools) for src in pools[key].sources])
    lang, pool = base["lang"], pools[_dialect(base)]
    jurisdiction = base.get("jurisdiction", "unknown")
    fmt = rng.choice(formats)
    org, header = rng.choice(pool.orgs) if pool.orgs else ("", [])
    layout: dict[str, Any] = {key: _pick(rng, weights) for key, weights in LAYOUT_WEIGHTS.items()}
    layout["header_in_page_header"] = fmt != "txt" and rng.random() < 0.15
    if fmt == "txt":
        layout["encoding"] = rng.choice(ENCODINGS[lang])
    ack_form = rng.choice(("line", "line", "sheet"))
    acks = pool.acks[ack_form] or [DEFAULT_ACK[lang][ack_form]]
    header = header if rng.random() < 0.8 else []
    approval = _approval(rng, lang, org) if rng.random() < 0.85 else None
    agreement = _agreement(rng, lang) if rng.random() < 0.3 else None
    title = list(base["title"])
    sections = _sections(rng, base, pool)
    if not any(m in json.dumps(sections, ensure_ascii=False) for m in LAW_REFERENCES):
        jurisdiction = "unknown"      # the clauses that cited the law were left out
    return {
        "id": f"{lang}_bench_{index:05d}", "lang": lang, "format": fmt,
        "kind": "job-description", "jurisdiction": jurisdiction,
        "organisation": org if org and (header or approval) else None,
        "position": base.get("position"), "layout": layout,
        "header": header, "approval": approval,
        "agreement": agreement,
        "title": title,
        "sections": sections,
        "signoff": rng.choice(pool.signoffs),
        "acknowledgment": ({"form": ack_form, "lines": rng.choice(acks)}
                           if rng.random() < 0.75 else None),
    }


def main(argv: list[str] | None = None) -> int:
    """Write --count documents into OUT_DIR (and their summaries with --summaries)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help="comma-separated formats to draw from (default: all)")
    parser.add_argument("--src", type=Path, default=ROOT / "corpora" / "src")
    parser.add_argument("--summaries", action="store_true",
                        help="also write OUT_DIR/expected/<id>.summary.json")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        parser.error(f"unknown formats: {', '.join(sorted(unknown)) or '(none given)'}")
    pools = load_material(args.src)
    if not pools:
        parser.error(f"no job-description sources in {args.src}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for index in range(1, args.count + 1):
        sample = make_sample(args.seed, index, formats, pools)
        render_sample(sample, args.out_dir / f"{sample['id']}.{sample['format']}")
        if args.summaries:
            write_expected(sample, args.out_dir / "expected")
    elapsed = time.perf_counter() - start
    print(f"wrote {args.count} documents to {args.out_dir} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
