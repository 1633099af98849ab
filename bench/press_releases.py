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
                                   [--verbose] [--json OUT]

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
import json
import re
import sys
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
    "SETS",
    "Incident",
    "Match",
    "detained",
    "extract_records",
    "match_document",
    "measure",
    "read_gold",
    "score",
]

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "press"
DEFAULT_RELEASES = FIXTURES / "releases.jsonl"
DEFAULT_GOLD = FIXTURES / "gold.jsonl"
SETS = {
    "dev": (DEFAULT_RELEASES, DEFAULT_GOLD),
    "fresh": (FIXTURES / "fresh_releases.jsonl", FIXTURES / "fresh_gold.jsonl"),
}
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="a bundled set")
    parser.add_argument("--releases", type=Path, default=None, help="your own releases")
    parser.add_argument("--gold", type=Path, default=None, help="their gold, same format")
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
    try:
        result = measure(releases, gold)
    except ValueError as exc:
        print(f"press_releases: {exc}", file=sys.stderr)
        return 2
    misses = miss_lines(result.matches)
    if args.verbose:
        print("\n".join(misses) or "no misses")
    text = json.dumps(result.figures, indent=2)
    print(text)
    if args.json is not None:
        payload = {**result.figures, "misses": misses}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
