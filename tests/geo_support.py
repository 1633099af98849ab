"""What the geocoder's tests share: the places a text names, found with the real index."""

from __future__ import annotations

from conflictwire.geo import Geocoder
from conflictwire.records import Place


def places_named(geocoder: Geocoder, text: str) -> dict[str, Place | None]:
    """Each place mention of ``text`` by its words, with the place it resolved to."""
    return {m.text: m.place for m in geocoder.geoparse(text)}


def place_named(geocoder: Geocoder, text: str, name: str) -> Place:
    """The place ``name`` in ``text`` resolved to; fails the test when it is not resolved."""
    place = places_named(geocoder, text).get(name)
    assert place is not None, name
    return place
