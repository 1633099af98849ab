"""Whole documents through the pipeline: multi-event stories, press releases, opinion."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conflictwire import Pipeline
from conflictwire.records import Document, Event

from .events_fakes import FakeGeocoder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(geocoder=FakeGeocoder())  # type: ignore[arg-type]


def _run(pipe: Pipeline, name: str, published: str | None = None) -> tuple[Document, list[Event]]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    doc = Document(doc_id=name, text=text, published=published, language="en")
    return doc, pipe.process(doc).events


def _check_evidence(doc: Document, events: list[Event]) -> None:
    for event in events:
        assert event.evidence
        for span in event.evidence:
            assert doc.text[span.start : span.end] == span.text


def test_opinion_piece_gives_no_events(pipe: Pipeline) -> None:
    _, events = _run(pipe, "opinion_only.txt", "2024-03-01")
    assert events == []


def test_wire_story_each_strike_once(pipe: Pipeline) -> None:
    doc, events = _run(pipe, "wire_multi_event.txt", "2024-03-05")
    _check_evidence(doc, events)
    by_place = {e.location: e for e in events}
    assert set(by_place) == {"Orikhiv", "Sumy"}
    orikhiv, sumy = by_place["Orikhiv"], by_place["Sumy"]
    assert orikhiv.sub_event_type == "Shelling/artillery/missile attack"
    assert sumy.sub_event_type == "Air/drone strike"
    assert orikhiv.actor1 is not None and orikhiv.actor1.startswith("Military Forces of Russia")
    # The restatement in the third paragraph is the same happening: one event, two spans.
    assert len(orikhiv.evidence) >= 2
    assert not any("Sumy" in s.text for s in orikhiv.evidence)
    assert orikhiv.injuries == 4
    assert orikhiv.certainty == "attributed"


def test_press_release_arrests(pipe: Pipeline) -> None:
    doc, events = _run(pipe, "press_release_arrests.txt")
    _check_evidence(doc, events)
    assert [e.sub_event_type for e in events] == ["Arrests"]
    assert events[0].location == "Afgooye"
    assert events[0].admin1 == "Lower Shabelle"


def _notes() -> list[dict[str, object]]:
    lines = (FIXTURES / "notes_style.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("note", _notes(), ids=lambda n: str(n["id"]))
def test_note_coding(pipe: Pipeline, note: dict[str, object]) -> None:
    doc = Document(doc_id=str(note["id"]), text=str(note["text"]), language="en")
    events = pipe.process(doc).events
    assert len(events) == 1
    expect = note["expect"]
    assert isinstance(expect, dict)
    assert events[0].sub_event_type == expect["sub_event_type"]
    if "actor1" in expect:
        assert re.split(r" \(", events[0].actor1 or "")[0] == expect["actor1"]
