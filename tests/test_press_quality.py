"""The press-release quality gate: issue 6's held-out criteria on the project's own releases.

tests/fixtures/press/ holds military press releases written for this project (invented names,
real Afghan provinces, 2010-2013) and gold read from their text: the ``dev`` set and a
``fresh`` set written later to check that fixes carry over. The measurement is
bench/press_releases.py's; the floors sit a little under what the pipeline reached when they
were pinned, so a regression fails while the issue's targets stay visible beside them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "press_releases.py"

# Pinned 2026-11-25 from `python bench/press_releases.py [--set fresh]`: both sets at 1.000 for
# killed, date, province (Paktiya now named as the releases spell it), arrests and captured;
# extra events 0.067 (dev) and 0.000 (fresh) per release. dev floors sit 0.03 under; fresh is
# small (one incident = 0.053), so its floors allow one miss.
# The held-out targets: killed 0.90, date 0.90, province 0.95, arrests 0.90.
FLOORS = {
    "dev": {
        "killed_exact": 0.97,
        "date_exact": 0.97,
        "province_right": 0.97,
        "arrests_found": 0.97,
        "captured_exact": 0.97,
        "max_extra_events_per_document": 0.10,
    },
    "fresh": {
        "killed_exact": 0.94,
        "date_exact": 0.94,
        "province_right": 0.94,
        "arrests_found": 0.91,
        "captured_exact": 0.91,
        "max_extra_events_per_document": 0.10,
    },
}


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("name", ["dev", "fresh"])
def test_fixtures_are_what_the_harness_sends(bench: ModuleType, name: str) -> None:
    releases_path, gold_path = bench.SETS[name]
    releases = _lines(releases_path)
    gold = bench.read_gold(gold_path)
    assert [r["id"] for r in releases] == list(gold)
    assert all(set(r) == {"id", "text"} for r in releases)  # no `published`: dates from text
    incidents = [inc for found in gold.values() for inc in found]
    assert all(2010 <= dt.date.fromisoformat(inc.date).year <= 2013 for inc in incidents)
    assert sum(len(found) > 1 for found in gold.values()) >= 3
    assert sum("\u2028" in r["text"] for r in releases) >= 2


def _record(admin1: str, date: str, sub: str, killed: int = 0, tags: str | None = None) -> Any:
    return {
        "admin1": admin1,
        "event_date": date,
        "sub_event_type": sub,
        "fatalities": killed,
        "tags": tags,
    }


def test_matching_is_one_event_per_incident(bench: ModuleType) -> None:
    inc = bench.Incident
    incidents = [
        inc("d", "2011-03-02", "Kandahar", None, 0, 2),
        inc("d", "2011-03-01", "Paktika", None, 3, 0),
    ]
    # One merged event for both incidents: only one of them can claim it.
    merged = [_record("Kandahar Province", "2011-03-02", "Arrests", tags="detained=2")]
    matches, extra = bench.match_document(incidents, merged)
    assert [m.event is not None for m in matches] == [True, False]
    assert matches[0].captured_ok and matches[0].date_ok and matches[0].province_ok
    assert matches[1].causes() == ["unmatched"]
    assert extra == 0


def test_arrests_and_extra_events_are_counted(bench: ModuleType) -> None:
    incident = bench.Incident("d", "2013-01-29", "Ghazni", None, 1, 3)
    records = [
        _record("Kabul", "2013-01-30", "Armed clash", killed=1),
        _record("Ghazni", "2013-01-29", "Armed clash", killed=1),
        _record("Ghazni", "2013-01-29", "Arrests", tags="crowd size=2; detained=3"),
    ]
    (match,), extra = bench.match_document([incident], records)
    assert match.event is records[1] and match.arrest is records[2]
    assert match.causes() == [] and extra == 1
    (lonely,), _ = bench.match_document([incident], records[:1])
    assert lonely.causes() == ["date", "province", "arrests"]
    assert bench.detained({"tags": "detained=12"}) == 12
    assert bench.detained({"tags": "undetained=4"}) is None


@pytest.mark.parametrize("name", ["dev", "fresh"])
def test_press_release_floors(bench: ModuleType, pipeline: Any, name: str) -> None:
    floors = dict(FLOORS[name])
    most_extra = floors.pop("max_extra_events_per_document")
    result = bench.measure(*bench.SETS[name], pipeline=pipeline)
    figures = result.figures
    low = {key: figures[key] for key, floor in floors.items() if figures[key] < floor}
    assert not low, f"{name} below {floors}: {low}; misses: {bench.miss_lines(result.matches)}"
    assert figures["extra_events_per_document"] <= most_extra
