"""The real-release scorer of bench/press_releases.py on made-up gold and records (issue 15).

No file of ../shared is read: the gold entries and the extracted records below are invented to
check how a release is scored and how its wrong date is counted.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def _gold(bench: ModuleType, doc_id: str, day: str, killed: int = 0, captured: int = 0) -> Any:
    return bench.IsafGold(doc_id, day, ("helmand",), killed, captured)


def _record(day: str | None, killed: int = 0, sub: str = "Armed clash") -> dict[str, Any]:
    return {"event_date": day, "fatalities": killed, "admin1": "Helmand", "sub_event_type": sub}


def test_a_wrong_date_is_counted_by_its_kind(bench: ModuleType) -> None:
    gold = {
        "a": _gold(bench, "a", "2011-04-02"),
        "b": _gold(bench, "b", "2011-04-02"),
        "c": _gold(bench, "c", "2011-04-02"),
        "d": _gold(bench, "d", "2011-04-02"),
        "e": _gold(bench, "e", "2011-04-02"),
    }
    records = {
        "a": [_record("2011-04-03"), _record("2011-04-02")],  # the earliest is right
        "b": [_record("2011-04-03")],  # a day late
        "c": [_record("2011-03-31")],  # two days early
        "d": [_record(None)],  # no day known
        # "e": nothing extracted
    }
    figures, misses = bench.score_isaf(gold, records)
    assert figures["date_exact"] == 0.2
    assert figures["date_misses"] == {
        "+1 days": 1,
        "-2 days": 1,
        "no events": 1,
        "undated": 1,
    }
    assert len(misses) == 4


def test_tolls_and_arrests_are_scored_per_release(bench: ModuleType) -> None:
    gold = {"a": _gold(bench, "a", "2011-04-02", killed=3, captured=2)}
    records = {"a": [_record("2011-04-02", 2), _record("2011-04-02", 1, "Arrests")]}
    figures, misses = bench.score_isaf(gold, records)
    assert (figures["killed_exact"], figures["arrests_found"], figures["province"]) == (1, 1, 1)
    assert figures["date_misses"] == {} and misses == []
