"""A tiny stand-in geocoder so event tests do not depend on the gazetteer's progress."""

from __future__ import annotations

import re

from conflictwire.records import EventLocation, Place, PlaceMention

_PLACES = {
    "Orikhiv": ("Ukraine", "Zaporizhia", 47.57, 35.78),
    "Sumy": ("Ukraine", "Sumy", 50.91, 34.80),
    "Vovchansk": ("Ukraine", "Kharkiv", 50.29, 36.94),
    "Robotyne": ("Ukraine", "Zaporizhia", 47.45, 35.84),
    "Krasnohorivka": ("Ukraine", "Donetsk", 47.98, 37.50),
    "Odesa": ("Ukraine", "Odesa", 46.48, 30.72),
    "Jowhar": ("Somalia", "Middle Shabelle", 2.78, 45.50),
    "Afgooye": ("Somalia", "Lower Shabelle", 2.14, 45.12),
    "Baidoa": ("Somalia", "Bay", 3.11, 43.65),
    "Balcad": ("Somalia", "Middle Shabelle", 2.36, 45.39),
    "Bulo Burto": ("Somalia", "Hiraan", 3.85, 45.57),
    "Mogadishu": ("Somalia", "Banadir", 2.04, 45.34),
    "Andar": ("Afghanistan", "Ghazni", 33.37, 68.43),
    "Nad-e Ali": ("Afghanistan", "Helmand", 31.63, 64.25),
    "Zharay": ("Afghanistan", "Kandahar", 31.60, 65.43),
}
_PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, _PLACES)) + r")\b")


class FakeGeocoder:
    def geoparse(self, text: str) -> list[PlaceMention]:
        out = []
        for m in _PATTERN.finditer(text):
            country, admin1, lat, lon = _PLACES[m.group(1)]
            place = Place(m.group(1), lat, lon, country=country, admin1=admin1)
            out.append(PlaceMention(m.start(), m.end(), m.group(0), place))
        return out

    def locate(
        self, text: str, start: int, end: int, mentions: list[PlaceMention]
    ) -> EventLocation:
        inside = [m for m in mentions if start <= m.start < end and m.place is not None]
        if not inside:
            return EventLocation(place=None, precision=None, location_text=None)
        first = inside[0]
        return EventLocation(
            first.place, 1, first.text, first.place.country if first.place else None
        )

    def resolve(self, name: str, **_: object) -> Place | None:
        return None
