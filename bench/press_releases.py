"""Measure issue 6's held-out criteria on military press releases (the project's own dev set).

Input: a JSONL file of ``{"id", "text"}`` lines exactly as the held-out harness sends them (no
``published``: the day must come from the dateline, title line or reference number), read by
the same reader as ``conflictwire extract``. Gold: a JSONL file of ``{"id", "events": [{"date",
"province", "district", "killed", "captured"}]}``, one entry per incident the release tells of.

Each gold incident is matched to one extracted event of its document: same province first,
then the same day, then the same death toll; an event answers one incident only. Figures, per
incident: killed exact, date exact, province right (admin1 compared as CONTRACT.md says),
arrests found (gold captured > 0 and the document yields an ``Arrests`` event), captured exact
(the ``detained=N`` tag of the best-matching ``Arrests`` event) and extra events per document
(events that answer no incident, neither as its main event nor as its arrests).

    python bench/press_releases.py [--set dev|fresh | --releases FILE --gold FILE]
                                   [--isaf FILE | --no-isaf] [--verbose] [--json OUT]

Beside the chosen set it scores the real releases of ``../shared/eval/isaf-press-releases/
isaf-dev.jsonl`` (when present) as CONTRACT.md scores them, one document per release: the sum
of ``fatalities`` against ``min_killed``, the earliest ``event_date`` against ``start_date``,
some event's ``admin1`` against the gold provinces, and an ``Arrests`` event where
``min_captured`` > 0; both sets are printed side by side. The releases with a wrong date are
counted by kind (``date_misses``): no events, events without a day (a release that gives no
year or no day), or the earliest event date so many days off the gold.

The sets in tests/fixtures/press/ are written by hand for this project (invented names, real
provinces, 2010-2013): ``dev`` (45 releases, 59 incidents) and ``fresh`` (15 releases written
later, after the extractor had seen ``dev``, to check that fixes carry over). Gold is read
from the text with these conventions: "a couple" 2, "several"/"multiple"/"a few"/"numerous" 3,
"dozens" 12, "at least N" N, a named or pronoun individual 1, restatements are the same
people, killed counts every death of the incident (civilians and police too), the day is the
day it happened (the dateline's for "today", the day before for "yesterday"/"last night").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictwire.evaluation.compare import admin1_equal
from conflictwire.inputs import read_inputs
from conflictwire.records import Document, ReadFailure
from conflictwire.runner import DocResult, Pipeline

__all__ = [
    "DEFAULT_GOLD",
    "DEFAULT_RELEASES",
    "ISAF_DEV",
    "SETS",
    "Incident",
    "Match",
    "date_miss",
    "detained",
    "extract_records",
    "match_document",
    "measure",
    "measure_isaf",
    "read_gold",
    "read_isaf",
    "score",
    "score_isaf",
]

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "press"
DEFAULT_RELEASES = FIXTURES / "releases.jsonl"
DEFAULT_GOLD = FIXTURES / "gold.jsonl"
SETS = {
    "dev": (DEFAULT_RELEASES, DEFAULT_GOLD),
    "fresh": (FIXTURES / "fresh_releases.jsonl", FIXTURES / "fresh_gold.jsonl"),
}
SHARED = Path(__file__).resolve().parents[2] / "shared"
ISAF_DEV = SHARED / "eval" / "isaf-press-releases" / "isaf-dev.jsonl"
ARRESTS = "Arrests"
_DETAINED = re.compile(r"(?:^|;)\s*detained=(\d+)\s*(?:;|$)")

Record = dict[str, Any]


@dataclass(frozen=True)
class Incident:
    doc_id: str
    date: str
    province: str
    district: str | None
    killed: int
    captured: int


@dataclass
class Match:
    """One gold incident and what the extractor gave for it."""

    incident: Incident
    event: Record | None = None  # the main event matched to it (one incident per event)
    arrest: Record | None = None  # the best Arrests event of the document for it
    doc_has_arrests: bool = False

    @property
    def killed_ok(self) -> bool:
        return self.event is not None and _int(self.event.get("fatalities")) == self.incident.killed

    @property
    def date_ok(self) -> bool:
        return self.event is not None and self.event.get("event_date") == self.incident.date

    @property
    def province_ok(self) -> bool:
        return self.event is not None and admin1_equal(
            self.event.get("admin1"), self.incident.province
        )

    @property
    def captured_ok(self) -> bool:
        return self.arrest is not None and detained(self.arrest) == self.incident.captured

    def causes(self) -> list[str]:
        """Why this incident is not fully right; empty when it is."""
        if self.event is None:
            return ["unmatched"]
        wrong = [
            name
            for name, ok in (
                ("date", self.date_ok),
                ("province", self.province_ok),
                ("killed", self.killed_ok),
            )
            if not ok
        ]
        if self.incident.captured > 0 and not self.doc_has_arrests:
            wrong.append("arrests")
        elif self.incident.captured > 0 and not self.captured_ok:
            wrong.append("captured")
        return wrong


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float | str) and str(value).strip() else 0


def detained(record: Record) -> int | None:
    """The number detained, from the event's ``detained=N`` tag (None without one)."""
    found = _DETAINED.search(record.get("tags") or "")
    return int(found.group(1)) if found else None


def _incident(doc_id: str, raw: object, where: str) -> Incident:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: an event must be a JSON object")
    try:
        return Incident(
            doc_id=doc_id,
            date=str(raw["date"]),
            province=str(raw["province"]),
            district=raw.get("district"),
            killed=int(raw["killed"]),
            captured=int(raw["captured"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: bad event {raw!r}: {exc}") from exc


def read_gold(path: Path) -> dict[str, list[Incident]]:
    """Gold incidents by document id; a malformed line raises, naming ``file:line``."""
    gold: dict[str, list[Incident]] = {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            obj = json.loads(line)
            doc_id, events = obj.get("id"), obj.get("events")
            if not isinstance(doc_id, str) or not isinstance(events, list) or not events:
                raise ValueError(f"{where}: needs a string 'id' and a non-empty 'events' list")
            if doc_id in gold:
                raise ValueError(f"{where}: document {doc_id!r} annotated twice")
            gold[doc_id] = [_incident(doc_id, raw, where) for raw in events]
    return gold


def extract_records(releases: Path, pipeline: Pipeline) -> dict[str, list[Record]]:
    """Extracted event records by document id, read as ``conflictwire extract`` reads them."""
    items: list[Document | ReadFailure] = list(read_inputs([str(releases)]))
    failures = [item for item in items if isinstance(item, ReadFailure)]
    if failures:
        raise ValueError(f"{failures[0].name}: {failures[0].reason}")
    records: dict[str, list[Record]] = {}
    for result in pipeline.run(items):
        assert isinstance(result, DocResult)
        records[result.doc.doc_id] = [event.to_dict() for event in result.events]
    return records


def _fit(incident: Incident, record: Record) -> tuple[bool, bool, bool]:
    """How well an event answers an incident: province, then day, then death toll."""
    return (
        admin1_equal(record.get("admin1"), incident.province),
        record.get("event_date") == incident.date,
        _int(record.get("fatalities")) == incident.killed,
    )


def _arrest_fit(incident: Incident, record: Record) -> tuple[bool, bool, bool]:
    return (
        admin1_equal(record.get("admin1"), incident.province),
        record.get("event_date") == incident.date,
        detained(record) == incident.captured,
    )


def match_document(incidents: list[Incident], records: list[Record]) -> tuple[list[Match], int]:
    """Each incident's events, and how many events answer none (the extra ones).

    Main events are assigned greedily, best fit first, one incident per event, so a document
    that merges two incidents into one event loses one of them.
    """
    pairs = sorted(
        (
            (_fit(inc, rec), -i, -j)
            for i, inc in enumerate(incidents)
            for j, rec in enumerate(records)
        ),
        reverse=True,
    )
    matches = [Match(inc) for inc in incidents]
    used: set[int] = set()
    for _, neg_i, neg_j in pairs:
        i, j = -neg_i, -neg_j
        if matches[i].event is None and j not in used:
            matches[i].event = records[j]
            used.add(j)
    arrests = [j for j, rec in enumerate(records) if rec.get("sub_event_type") == ARRESTS]
    for match in matches:
        match.doc_has_arrests = bool(arrests)
        if match.incident.captured > 0 and arrests:
            best = max(arrests, key=lambda j: (_arrest_fit(match.incident, records[j]), -j))
            match.arrest = records[best]
            used.add(best)
    return matches, len(records) - len(used)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Scored:
    figures: dict[str, Any]
    matches: list[Match] = field(default_factory=list)


def score(gold: dict[str, list[Incident]], records: dict[str, list[Record]]) -> Scored:
    """The figures over every gold incident; documents without gold are left out."""
    matches: list[Match] = []
    extra = 0
    for doc_id, incidents in gold.items():
        found, spare = match_document(incidents, records.get(doc_id, []))
        matches.extend(found)
        extra += spare
    n = len(matches)
    killed = [m for m in matches if m.incident.killed > 0]
    held = [m for m in matches if m.incident.captured > 0]
    figures = {
        "documents": len(gold),
        "incidents": n,
        "killed_exact": _share(sum(m.killed_ok for m in matches), n),
        "killed_exact_nonzero": _share(sum(m.killed_ok for m in killed), len(killed)),
        "date_exact": _share(sum(m.date_ok for m in matches), n),
        "province_right": _share(sum(m.province_ok for m in matches), n),
        "arrests_found": _share(sum(m.doc_has_arrests for m in held), len(held)),
        "captured_exact": _share(sum(m.captured_ok for m in held), len(held)),
        "incidents_with_captured": len(held),
        "incidents_unmatched": _share(sum(m.event is None for m in matches), n),
        "extra_events_per_document": _share(extra, len(gold)),
        "misses_by_cause": dict(Counter(c for m in matches for c in m.causes())),
    }
    return Scored(figures, matches)


def measure(
    releases: Path = DEFAULT_RELEASES,
    gold: Path = DEFAULT_GOLD,
    pipeline: Pipeline | None = None,
) -> Scored:
    """Run the pipeline on ``releases`` and score it against ``gold``."""
    answers = read_gold(gold)
    records = extract_records(releases, pipeline or Pipeline())
    missing = sorted(set(answers) - set(records))
    if missing:
        raise ValueError(f"{gold}: documents not in {releases}: {', '.join(missing[:5])}")
    return score(answers, records)


def _describe(record: Record | None) -> str:
    if record is None:
        return "-"
    return (
        f"{record.get('event_date')} {record.get('admin1')} {record.get('sub_event_type')}"
        f" killed={record.get('fatalities')} tags={record.get('tags')}"
    )


def miss_lines(matches: Iterable[Match]) -> list[str]:
    """One line per incident that is not fully right: gold, then what was extracted."""
    lines = []
    for m in matches:
        causes = m.causes()
        if causes:
            inc = m.incident
            lines.append(
                f"{inc.doc_id} [{','.join(causes)}] gold {inc.date} {inc.province}"
                f" killed={inc.killed} captured={inc.captured} | got {_describe(m.event)}"
                + (f" | arrest {_describe(m.arrest)}" if m.arrest is not m.event else "")
            )
    return lines


@dataclass(frozen=True)
class IsafGold:
    """What a real release is scored on (SOURCE.txt beside the file)."""

    doc_id: str
    start_date: str
    provinces: tuple[str, ...]
    min_killed: int
    min_captured: int


def read_isaf(path: Path) -> tuple[list[Record], dict[str, IsafGold]]:
    """The releases as the harness sends them (``{"id", "text"}``) and their gold, by id."""
    docs: list[Record] = []
    gold: dict[str, IsafGold] = {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            obj = json.loads(line)
            raw = obj.get("gold")
            if not isinstance(raw, dict) or not isinstance(obj.get("text"), str):
                raise ValueError(f"{path}:{lineno}: needs 'text' and a 'gold' object")
            doc_id = f"isaf-{lineno:04d}"
            docs.append({"id": doc_id, "text": obj["text"]})
            gold[doc_id] = IsafGold(
                doc_id,
                str(raw["start_date"]),
                tuple(p for p in raw.get("province") or [] if p),
                int(raw.get("min_killed") or 0),
                int(raw.get("min_captured") or 0),
            )
    return docs, gold


def _isaf_checks(gold: IsafGold, records: list[Record]) -> dict[str, bool]:
    dates = sorted(str(r["event_date"]) for r in records if r.get("event_date"))
    checks = {
        "killed_exact": sum(_int(r.get("fatalities")) for r in records) == gold.min_killed,
        "date_exact": bool(dates) and dates[0] == gold.start_date,
        "province": any(admin1_equal(r.get("admin1"), p) for r in records for p in gold.provinces),
    }
    if gold.min_captured > 0:
        checks["arrests_found"] = any(r.get("sub_event_type") == ARRESTS for r in records)
    return checks


def score_isaf(
    gold: dict[str, IsafGold], records: dict[str, list[Record]]
) -> tuple[dict[str, Any], list[str]]:
    """Per-release figures as CONTRACT.md scores press releases, and one line per miss."""
    totals: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    date_misses: Counter[str] = Counter()
    misses: list[str] = []
    for doc_id, answer in gold.items():
        found = records.get(doc_id, [])
        checks = _isaf_checks(answer, found)
        for name, ok in checks.items():
            totals[name] += 1
            counts[name] += ok
        if not checks["date_exact"]:
            date_misses[date_miss(answer, found)] += 1
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            got = "; ".join(_describe(r) for r in found) or "no events"
            misses.append(
                f"{doc_id} [{','.join(wrong)}] gold {answer.start_date}"
                f" {'/'.join(answer.provinces)}"
                f" killed={answer.min_killed} captured={answer.min_captured} | got {got}"
            )
    figures: dict[str, Any] = {"documents": len(gold)}
    for name in ("killed_exact", "date_exact", "province", "arrests_found"):
        figures[name] = _share(counts[name], totals[name])
    figures["events_per_document"] = _share(sum(len(records.get(d, [])) for d in gold), len(gold))
    figures["date_misses"] = dict(sorted(date_misses.items()))
    return figures, misses


def date_miss(gold: IsafGold, records: list[Record]) -> str:
    """What a wrong release date is: "no events", "undated" (events, none with a day: the text
    gave no year or no day), or how many days the earliest event date lies from the gold
    ("+1": a day later)."""
    if not records:
        return "no events"
    dates = sorted(str(r["event_date"]) for r in records if r.get("event_date"))
    if not dates:
        return "undated"
    days = (dt.date.fromisoformat(dates[0][:10]) - dt.date.fromisoformat(gold.start_date)).days
    return f"{days:+d} days"


def measure_isaf(
    path: Path = ISAF_DEV, pipeline: Pipeline | None = None
) -> tuple[dict[str, Any], list[str], dict[str, list[Record]]]:
    """Run the pipeline on the real releases at ``path`` and score them."""
    docs, gold = read_isaf(path)
    with tempfile.TemporaryDirectory() as tmp:
        lines = Path(tmp) / "releases.jsonl"
        lines.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        records = extract_records(lines, pipeline or Pipeline())
    figures, misses = score_isaf(gold, records)
    return figures, misses, records


_SIDE_BY_SIDE = (
    ("killed exact", "killed_exact", "killed_exact"),
    ("date exact", "date_exact", "date_exact"),
    ("province", "province_right", "province"),
    ("arrests found", "arrests_found", "arrests_found"),
)


def side_by_side(own: dict[str, Any], real: dict[str, Any] | None, own_name: str) -> str:
    """The project's set (per incident) beside the real releases (per release)."""
    rows = [f"{'':16}{own_name + ' (own)':>14}{'isaf-dev':>12}"]
    for label, own_key, real_key in _SIDE_BY_SIDE:
        real_value = "-" if real is None else real.get(real_key)
        rows.append(f"{label:16}{own.get(own_key)!s:>14}{real_value!s:>12}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="a bundled set")
    parser.add_argument("--releases", type=Path, default=None, help="your own releases")
    parser.add_argument("--gold", type=Path, default=None, help="their gold, same format")
    parser.add_argument("--isaf", type=Path, default=ISAF_DEV, help="real releases with gold")
    parser.add_argument("--no-isaf", action="store_true", help="score the own set only")
    parser.add_argument("--verbose", action="store_true", help="list every missed incident")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here too")
    args = parser.parse_args(argv)
    if (args.releases is None) != (args.gold is None):
        parser.error("--releases and --gold go together")
    releases, gold = (args.releases, args.gold) if args.releases else SETS[args.set]
    for path in (releases, gold):
        if not path.is_file():
            print(f"press_releases: {path}: no such file", file=sys.stderr)
            return 2
    pipeline = Pipeline()
    try:
        result = measure(releases, gold, pipeline)
        real = None
        if not args.no_isaf and args.isaf.is_file():
            real = measure_isaf(args.isaf, pipeline)
    except ValueError as exc:
        print(f"press_releases: {exc}", file=sys.stderr)
        return 2
    misses = miss_lines(result.matches)
    real_misses = real[1] if real else []
    if args.verbose:
        print("\n".join(misses + real_misses) or "no misses")
    print(json.dumps(result.figures, indent=2))
    if real is not None:
        print(json.dumps({"isaf": real[0]}, indent=2))
    print(side_by_side(result.figures, real[0] if real else None, args.set))
    if args.json is not None:
        payload = {**result.figures, "misses": misses}
        if real is not None:
            payload["isaf"] = {**real[0], "misses": real_misses}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
