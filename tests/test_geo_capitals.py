"""A region's bare name is its namesake capital, on short sentences of our own: "fighting in
Kidal" is the town of Kidal, not Mali's Kidal region, also for a town of tens of thousands and
where the index files the name only as another spelling of both ("Raqqa", "Saada")."""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from conflictwire.records import Place


def _place(geocoder: Geocoder, text: str, name: str) -> Place | None:
    return {m.text: m.place for m in geocoder.geoparse(text)}[name]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kidal", "ML"), ("Menaka", "ML"), ("Tillaberi", "NE"), ("Raqqa", "SY"), ("Saada", "YE")],
)
def test_a_bare_region_name_is_its_capital(geocoder: Geocoder, name: str, country: str) -> None:
    place = _place(geocoder, f"Gunmen attacked a market in {name} on Monday, officials said.", name)
    assert place is not None and place.kind == "settlement" and place.country_code == country


@pytest.mark.parametrize(("name", "word"), [("Kidal", "region"), ("Raqqa", "province")])
def test_a_region_word_keeps_the_region(geocoder: Geocoder, name: str, word: str) -> None:
    text = f"Gunmen attacked a market in {name} {word} on Monday."
    place = _place(geocoder, text, f"{name} {word}")
    assert place is not None and place.kind == "admin1"


def test_a_state_is_not_its_big_city_of_another_name(geocoder: Geocoder) -> None:
    # New York City is filed under "New York" too, but the state's own name is the state's.
    place = _place(geocoder, "Storms hit New York on Monday, officials said.", "New York")
    assert place is not None and place.kind == "admin1"
