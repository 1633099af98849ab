"""Where: the document's country, an event's country, and the dateline to look past."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from conflictwire.clean.dateline import is_press_release, read_dateline
from conflictwire.records import EventLocation, PlaceMention

__all__ = [
    "dateline_end",
    "dominant_country",
    "event_country",
    "inside_named_province",
    "release_place",
    "text_country",
    "unnamed_abroad",
]


def dominant_country(places: list[PlaceMention]) -> str | None:
    counts = Counter(p.place.country for p in places if p.place is not None and p.place.country)
    return counts.most_common(1)[0][0] if counts else None


_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b")


def text_country(text: str) -> str | None:
    """The country named most often, when the gazetteer found no place at all."""
    import pycountry  # only on this fallback path

    counts: Counter[str] = Counter()
    for m in _CAPITALIZED.finditer(text):
        try:
            found = pycountry.countries.get(name=m.group(0))
        except (KeyError, LookupError):
            found = None
        if found is not None:
            counts[found.name] += 1
    return counts.most_common(1)[0][0] if counts else None


def event_country(loc: EventLocation, sentence: str, doc_country: str | None) -> str | None:
    """Where it happened: "Russia launched missiles against Ukraine" happened in Ukraine."""
    if loc.place is not None and loc.place.kind != "country" and loc.place.country:
        return loc.place.country
    if loc.place is not None and loc.place.kind == "country":
        loc = EventLocation(None, None, loc.location_text, loc.place.country)
    # Only the country named in the sentence: the document's theatre wins if named too.
    named_too = bool(doc_country) and str(doc_country)[:5].lower() in sentence.lower()
    if loc.country and doc_country and loc.country != doc_country and named_too:
        return doc_country
    return loc.country or doc_country


def dateline_end(text: str) -> int:
    """Where the dateline ("KYIV, March 3 (Wire) - ", below a press release's header) ends:
    everything before it is header, 0 when there is none."""
    found = read_dateline(text)
    return found.end if found else 0


def unnamed_abroad(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Drop matches in a country the story never names when it names its own: a district of
    Helmand read as a namesake in Côte d'Ivoire is a gazetteer slip."""
    local = [p for p in places if p.place is not None and p.place.kind != "country"]
    home = dominant_country(local)
    low = text.lower()
    if home is None or home[:5].lower() not in low:
        return places
    if sum(1 for p in local if p.place is not None and p.place.country == home) < 2:
        return places  # too few places to call the story's own country
    return [
        p
        for p in places
        if p.place is None
        or not p.place.country
        or p.place.country == home
        or p.place.country[:5].lower() in low
    ]


_PROVINCE_WORD = re.compile(r"[\w' -]+?\s+province\b", re.I)


def inside_named_province(
    text: str, places: list[PlaceMention], start: int, end: int
) -> list[PlaceMention]:
    """ "the Nawah-ye Barakzai district of Helmand province": a sentence that names its
    province as such drops places it holds that lie in another province (namesakes)."""
    inside = [p for p in places if start <= p.start < end and p.place is not None]
    named = {
        (p.place.country, p.place.admin1)
        for p in inside
        if p.place and p.place.kind == "admin1" and _PROVINCE_WORD.match(text, p.start, p.end + 9)
    }
    if not named:
        return places
    return [
        p
        for p in places
        if p not in inside
        or p.place is None
        or p.place.kind in ("admin1", "country")
        or (p.place.country, p.place.admin1) in named
        or p.place.country not in {country for country, _ in named}
    ]


def _province_of(mention: PlaceMention) -> str | None:
    place = mention.place
    return None if place is None else place.admin1 or place.name


def release_place(
    text: str,
    places: list[PlaceMention],
    header_places: Callable[[], list[PlaceMention]],
    start: int,
    loc: EventLocation,
) -> EventLocation:
    """Where a press release's happening told at ``start`` took place, when its sentence and
    scene placed it nowhere, or in a province the release never names although it names one.

    An operation's later sentences ("Four men were detained during the operation") happened
    in the province the release named before them, else after them, else in its title or
    header ("... Detained in Khost"). A release that names a single province "as such" does not
    tell of a happening in another: a district read as a namesake elsewhere (at home or
    abroad), or a city named in passing ("a cache to be moved to Kabul"), is its slip. Coded to
    the province (ACLED's precision 3), or near the title's town (2)."""
    if not is_press_release(text):
        return loc
    provinces = [p for p in places if p.place is not None and p.place.kind == "admin1"]
    named = {_province_of(p) for p in provinces if _PROVINCE_WORD.match(text, p.start, p.end + 9)}
    if loc.place is not None:
        if len(named) != 1 or loc.place.admin1 in named or loc.place.kind == "admin1":
            return loc
        pick = next(p for p in provinces if _province_of(p) in named)
    else:
        before = [p for p in provinces if p.start < start]
        after = [p for p in provinces if p.start >= start]
        # A title names the province or a town of it ("... Detained in Kunduz").
        header = [
            p
            for p in header_places()
            if p.place is not None and p.place.admin1 and p.place.kind != "country"
        ]
        options = before[-1:] + after[:1] + header[:1]
        if not options:
            return loc
        pick = options[0]
    assert pick.place is not None
    if loc.place is None and loc.country and pick.place.country != loc.country:
        return loc  # a happening told abroad is not the release's province's

    precision = 3 if pick.place.kind == "admin1" else 2
    return EventLocation(pick.place, precision, pick.text, pick.place.country)
