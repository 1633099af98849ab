"""The province a press release names for its happening (issue 15).

Written for this project in the style of military press releases (invented names, real
provinces): a later paragraph's detentions happened where the lead put the operation, a
release that names its province only in its title is placed there, and a city named in
passing does not move the happening out of the one province the release names.
"""

from __future__ import annotations

from typing import Any

from conflictwire.events.fields.places import release_place
from conflictwire.records import Document, Event, EventLocation, Place, PlaceMention

HELMAND = Place("Helmand", 31.0, 64.0, "Afghanistan", "AF", "Helmand", kind="admin1")
KABUL_CITY = Place("Kabul", 34.5, 69.2, "Afghanistan", "AF", "Kabul", kind="settlement")
HEADER = "2011-07-S-020\nFor Immediate Release\n\n"


def _mention(text: str, name: str, place: Place) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(start, start + len(name), name, place)


def test_an_unplaced_happening_takes_the_province_named_before_it() -> None:
    text = HEADER + "A force searched Nawa district, Helmand province. Four men were detained."
    places = [_mention(text, "Helmand", HELMAND)]
    nowhere = EventLocation(None, None, None, "Afghanistan")
    found = release_place(text, places, list, text.index("Four"), nowhere)
    assert (found.place, found.precision) == (HELMAND, 3)


def test_a_city_in_passing_yields_to_the_one_named_province() -> None:
    text = HEADER + "A force in Helmand province seized weapons bound for Kabul."
    places = [_mention(text, "Helmand", HELMAND), _mention(text, "Kabul", KABUL_CITY)]
    in_kabul = EventLocation(KABUL_CITY, 1, "Kabul", "Afghanistan")
    assert release_place(text, places, list, len(HEADER), in_kabul).place == HELMAND


def test_a_namesake_abroad_yields_to_the_one_named_province() -> None:
    abroad = Place("Nawa", 19.0, -101.0, "Mexico", "MX", "Michoacan", kind="settlement")
    text = HEADER + "A force searched Nawa district, Helmand province."
    places = [_mention(text, "Nawa", abroad), _mention(text, "Helmand", HELMAND)]
    there = EventLocation(abroad, 1, "Nawa", "Mexico")
    found = release_place(text, places, list, len(HEADER), there)
    assert (found.place, found.country) == (HELMAND, "Afghanistan")


def test_a_story_that_is_no_release_keeps_its_places() -> None:
    text = "Gunmen in Helmand province attacked a convoy. Police detained four men."
    places = [_mention(text, "Helmand", HELMAND)]
    nowhere = EventLocation(None, None, None, "Afghanistan")
    assert release_place(text, places, list, text.index("Police"), nowhere) is nowhere


def _events(pipeline: Any, text: str) -> list[Event]:
    events: list[Event] = pipeline.process(Document(doc_id="r", text=text, language="en")).events
    return events


def test_later_detentions_happened_where_the_lead_put_the_operation(pipeline: Any) -> None:
    text = (
        "2011-07-S-031\nFor Immediate Release\n\n"
        "KABUL, Afghanistan (July 12, 2011) - A combined force searched a compound in "
        "Nad-e Ali district, Helmand province, for a Taliban weapons courier yesterday.\n\n"
        "After questioning the residents, the force detained three suspected insurgents."
    )
    arrests = [e for e in _events(pipeline, text) if e.sub_event_type == "Arrests"]
    assert arrests
    assert {e.admin1 for e in arrests} == {"Helmand"}


def test_a_province_named_only_in_the_title(pipeline: Any) -> None:
    text = (
        "Two Suspected Insurgents Detained in Kunduz\n"
        "2011-07-S-044\nFor Immediate Release\n\n"
        "KABUL, Afghanistan (July 15, 2011) - An Afghan-led security force detained two "
        "suspected insurgents during a search for a Taliban leader, yesterday."
    )
    events = _events(pipeline, text)
    assert events
    assert {e.admin1 for e in events} == {"Kunduz"}
