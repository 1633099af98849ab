"""Pieces of longer names are no places, on short sentences of our own: "Dasht-e-Barchi" (a
name the index lacks, joined by "-e-"), "Franco-German" (a combining form)."""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder


def _names(geocoder: Geocoder, text: str) -> list[str]:
    return [m.text for m in geocoder.geoparse(text)]


def test_pieces_of_a_linked_name_are_no_places(geocoder: Geocoder) -> None:
    text = "The bombing in Kabul's neighbourhood of Dasht-e-Barchi killed 12 people."
    assert _names(geocoder, text) == ["Kabul"]


def test_a_linked_name_the_index_knows_is_read_whole(geocoder: Geocoder) -> None:
    mentions = geocoder.geoparse("Fighting was reported in Mazar-i-Sharif on Monday.")
    assert [m.text for m in mentions] == ["Mazar-i-Sharif"]
    place = mentions[0].place
    assert place is not None and place.country_code == "AF"


@pytest.mark.parametrize("form", ["Franco", "Sino", "Russo"])
def test_a_combining_form_is_no_place(geocoder: Geocoder, form: str) -> None:
    text = f"The Austro-Hungarian and {form}-German borders were redrawn in Paris."
    names = _names(geocoder, text)
    assert form not in names and "Paris" in names


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Boko Haram fighters attacked a village near Maiduguri on Sunday.", "Maiduguri"),
        ("Wagner mercenaries were seen at the airport in Bamako.", "Bamako"),
        ("Anti-Balaka militias attacked a mosque in Bangui.", "Bangui"),
    ],
)
def test_armed_groups_are_no_places(geocoder: Geocoder, text: str, place: str) -> None:
    # Not Boko (Congo), Haram (Norway), Wagner (Brazil) nor Balaka (Malawi).
    assert _names(geocoder, text) == [place]


def test_balaka_alone_is_still_a_place(geocoder: Geocoder) -> None:
    assert "Balaka" in _names(geocoder, "Floods cut the road to Balaka, in southern Malawi.")
