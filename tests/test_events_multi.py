"""Whole multi-event articles (issue 6): press releases, wire stories, daily reports.

Each ``tests/fixtures/events/multi_*.txt`` article lists its happenings in ``multi_expect.json``:
every one must be found exactly once, with its own date, counts and province, and no event may
quote a sentence that belongs to another (each expected event names a ``marker`` phrase that
only its own sentences contain).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conflictwire import Pipeline
from conflictwire.evaluation.compare import admin1_equal
from conflictwire.records import Document, Event

from .events_fakes import FakeGeocoder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"
EXPECT: dict[str, Any] = json.loads((FIXTURES / "multi_expect.json").read_text(encoding="utf-8"))
CASES = sorted(k for k in EXPECT if not k.startswith("_"))


@pytest.fixture(scope="module")
def fake_pipe() -> Pipeline:
    return Pipeline(geocoder=FakeGeocoder())  # type: ignore[arg-type]


def _detained(event: Event) -> int | None:
    m = re.search(r"\bdetained=(\d+)", event.tags or "")
    return int(m.group(1)) if m else None


def _owner(events: list[Event], marker: str) -> list[Event]:
    return [e for e in events if any(marker in s.text for s in e.evidence)]


def _extract(name: str, pipeline: Pipeline, fake_pipe: Pipeline) -> tuple[Document, list[Event]]:
    case = EXPECT[name]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    doc = Document(doc_id=name, text=text, published=case["published"], language="en")
    pipe = fake_pipe if case["geocoder"] == "fake" else pipeline
    if case["geocoder"] == "real" and not any(
        m.place is not None for m in pipe.geocoder.geoparse("Kharkiv and Mogadishu")
    ):
        pytest.skip("the bundled gazetteer is not available")
    return doc, pipe.process(doc).events


@pytest.mark.parametrize("name", CASES)
def test_every_event_once_with_its_own_facts(
    name: str, pipeline: Pipeline, fake_pipe: Pipeline
) -> None:
    doc, events = _extract(name, pipeline, fake_pipe)
    expected = EXPECT[name]["events"]
    for event in events:
        for span in event.evidence:
            assert doc.text[span.start : span.end] == span.text
    got = [(e.sub_event_type, e.event_date, e.location) for e in events]
    assert len(events) == len(expected), got
    for want in expected:
        # A kill-capture operation's Arrests event shares its sentences: match by type too.
        owners = [
            e for e in _owner(events, want["marker"]) if e.sub_event_type == want["sub_event_type"]
        ]
        assert len(owners) == 1, (want["marker"], got)
        event = owners[0]
        # No other happening's sentence is quoted as this one's evidence (a raid's clash and
        # its Arrests event share the operation's sentences).
        others = [
            w["marker"]
            for w in expected
            if w["marker"] != want["marker"]
            and (w["event_date"], w["admin1"]) != (want["event_date"], want["admin1"])
        ]
        assert not any(m in s.text for m in others for s in event.evidence), want["marker"]
        facts = (event.sub_event_type, event.event_date, event.fatalities, _detained(event))
        assert facts == (
            want["sub_event_type"],
            want["event_date"],
            want["fatalities"],
            want["detained"],
        ), want["marker"]
        assert admin1_equal(event.admin1, want["admin1"]), (want["marker"], event.admin1)
        if "admin2" in want:
            assert admin1_equal(event.admin2, want["admin2"]), (want["marker"], event.admin2)
