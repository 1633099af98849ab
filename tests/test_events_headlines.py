"""Wire headlines as documents (issue 6): speakers are not places, totals are not events."""

from __future__ import annotations

import pytest

from conflictwire import Pipeline
from conflictwire.records import Document, Event


def _events(pipeline: Pipeline, text: str, published: str = "2015-02-10") -> list[Event]:
    if not any(m.place is not None for m in pipeline.geocoder.geoparse("Kiev and Donetsk")):
        pytest.skip("the bundled gazetteer is not available")
    doc = Document(doc_id="h", text=text, published=published, language="en")
    return pipeline.process(doc).events


def test_trailing_source_is_the_speaker_not_the_place(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "Four Ukrainian soldiers killed as ceasefire frays in the east: Kiev."
    )
    assert event.admin1 is None and event.fatalities == 4
    [lead] = _events(pipeline, "Kiev reports two soldiers killed in fighting near Debaltseve.")
    assert lead.admin1 == "Donetsk"


@pytest.mark.parametrize(
    "text",
    [
        "Over 12,000 dead since the war began, monitors say.",
        "Army has lost 7,500 troops in the war so far - ministry.",
        "Debaltseve.",
        "Pervomaiske.",
    ],
)
def test_totals_and_bare_places_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert _events(pipeline, text) == []


def test_later_death_joins_the_strike_it_follows(pipeline: Pipeline) -> None:
    text = (
        "KYIV, June 3 (Wire) - Russian missiles struck Kharkiv last night, killing two people.\n\n"
        "On Saturday, Russian forces shelled Nikopol, wounding a woman.\n\n"
        "A third person died in hospital in Kharkiv on Monday, the governor added."
    )
    events = _events(pipeline, text, "2024-06-03")
    by_place = {e.location: e for e in events}
    assert set(by_place) == {"Kharkiv", "Nikopol"}
    assert (by_place["Kharkiv"].fatalities, by_place["Kharkiv"].event_date) == (3, "2024-06-02")


def test_partisans_are_named_after_their_town(pipeline: Pipeline) -> None:
    text = "On 13 October 2023, Ukrainian partisans in Melitopol blew up a Russian military train."
    [event] = _events(pipeline, text)
    assert event.actor1 == "Melitopol Communal Militia (Ukraine)" and event.inter1 == 4
