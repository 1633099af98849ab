"""The geocoder (placeholder until the gazetteer index lands: resolves nothing)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from conflictwire.records import EventLocation, Place, PlaceMention

__all__ = ["CountryInfo", "Geocoder", "country_info", "get_geocoder"]


@dataclass(frozen=True)
class CountryInfo:
    name: str
    iso2: str
    iso_numeric: int
    region: str | None


class Geocoder:
    def geoparse(self, text: str) -> list[PlaceMention]:
        return []

    def resolve(
        self, name: str, *, country_code: str | None = None, admin1: str | None = None
    ) -> Place | None:
        return None

    def locate(
        self, text: str, start: int, end: int, mentions: list[PlaceMention]
    ) -> EventLocation:
        return EventLocation(place=None, precision=None, location_text=None)


def country_info(name_or_code: str) -> CountryInfo | None:
    return None


@functools.lru_cache(maxsize=1)
def get_geocoder() -> Geocoder:
    return Geocoder()
