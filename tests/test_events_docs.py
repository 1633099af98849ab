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
    # A later death belongs to the story's thread (Orikhiv), not to the last event opened.
    assert any("died in hospital" in s.text for s in orikhiv.evidence)
    assert not any("died in hospital" in s.text for s in sumy.evidence)
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


def _one_doc(pipe: Pipeline, text: str, published: str | None = "2024-05-08") -> list[Event]:
    doc = Document(doc_id="t", text=text, published=published, language="en")
    events = pipe.process(doc).events
    _check_evidence(doc, events)
    return events


def test_two_happenings_in_one_sentence_are_split(pipe: Pipeline) -> None:
    events = _one_doc(
        pipe,
        "Russian forces shelled Orikhiv on 3 May 2024 and struck Sumy with drones on 4 May 2024.",
    )
    got = {(e.location, e.sub_event_type, e.event_date) for e in events}
    assert got == {
        ("Orikhiv", "Shelling/artillery/missile attack", "2024-05-03"),
        ("Sumy", "Air/drone strike", "2024-05-04"),
    }
    assert all((e.actor1 or "").startswith("Military Forces of Russia") for e in events)


def test_one_place_several_tactics_stay_one_event(pipe: Pipeline) -> None:
    events = _one_doc(
        pipe, "On 6 May 2024, Russian forces shelled, assaulted and were repulsed near Robotyne."
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_detention_by_armed_group_is_abduction(pipe: Pipeline) -> None:
    events = _one_doc(
        pipe, "On 2 May 2024, Al Shabaab detained two traders at a checkpoint in Balcad."
    )
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


def test_acled_coded_as_names_the_actor(pipe: Pipeline) -> None:
    events = _one_doc(
        pipe,
        "On 2 May 2024, foreign aircraft (coded as Unidentified Military Forces) conducted an "
        "airstrike on a camp near Jowhar. Casualties unknown.",
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Air/drone strike", "Unidentified Military Forces")
    ]


def test_undated_report_falls_back_to_day_before_publication(pipe: Pipeline) -> None:
    events = _one_doc(pipe, "Russian drones struck an energy facility in Sumy.", "2024-05-08")
    assert [(e.event_date, e.time_precision) for e in events] == [("2024-05-07", 2)]


def test_dateline_place_and_day_are_not_the_event_s(pipe: Pipeline) -> None:
    events = _one_doc(
        pipe, "Sumy, March 6 (Wire) - Russian forces shelled Orikhiv on Monday.", "2024-03-07"
    )
    assert [(e.location, e.event_date) for e in events] == [("Orikhiv", "2024-03-04")]
    assert not events[0].evidence[0].text.startswith("Sumy")


def test_press_release_operations_one_event_each(pipe: Pipeline) -> None:
    doc, events = _run(pipe, "press_release_operations.txt", "2013-01-25")
    _check_evidence(doc, events)
    # The kill-capture raid in Andar is its clash and its detentions (an Arrests event).
    assert [e.sub_event_type for e in events] == ["Armed clash", "Arrests", "Arrests", "Arrests"]
    assert events[0].fatalities == 2
    raid_arrests = [e for e in events[1:] if e.tags == "detained=3"]
    assert [(e.fatalities, e.event_date) for e in raid_arrests] == [(0, "2013-01-24")]
    assert raid_arrests[0].location == events[0].location
    # "yesterday" under the dateline is the day before it; "today" the dateline's day.
    assert events[0].event_date == "2013-01-24"
    assert events[3].event_date == "2013-01-25"
    # The closing promise of more operations is no event.
    assert not any("will continue" in s.text for e in events for s in e.evidence)
