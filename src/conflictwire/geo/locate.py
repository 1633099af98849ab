"""Where an event happened, at ACLED's precision, from the place mentions of its span.

1: the named town itself. 2: "near X" (within ~10 km), "outskirts of X", "X area", a district
of a city, a village placed at its hromada centre, a named village the gazetteer lacks coded to
its district. 3: only a region named, coded to its capital/centre. A place given only as far
from another ("70 km from the capital") is not coded to that other place: the description is
kept as ``location_text`` and only the country is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from conflictwire.geo.lexicon import MACRO_FCODES
from conflictwire.geo.normalize import fold
from conflictwire.records import EventLocation, Place, PlaceMention

__all__ = ["LocateContext", "locate_event"]

_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutskirts of|\bvicinity of|\baround|\boutside(?: of)?|"
    r"\bnot far from|\bon the (?:edge|approaches) of|\bdirection of|\bsuburbs? of|"
    r"\barea of|\bwithin \d+ ?km of|\bdistrict of|\bproximity (?:of|to))\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Bakhmut direction", and the first town of "the Nikolaev-Krivoy Rog direction".
_NEAR_AFTER = re.compile(
    r"^(?:-[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?)?\s*"
    r"(?:area|environs|outskirts|direction|axis|front|suburbs?|vicinity)\b",
    re.IGNORECASE,
)
_DISTANCE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:-\s*)?(km|kms|kilometers|kilometres|mi|miles)\b[^.;]{0,40}?"
    r"\b(?:from|of|outside|away from|north|south|east|west)\b[^.;]{0,20}$",
    re.IGNORECASE,
)
_FAR_NO_NAME = re.compile(
    r"(?:(?:an?|the|some)\s+)?(?:[\w-]+\s+){0,3}?\d+(?:[.,]\d+)?\s*(?:-\s*)?"
    r"(?:km|kms|kilometers|kilometres|miles)\s+(?:\w+\s+){0,3}?(?:from|of|outside)\s+"
    r"(?:the\s+)?(?:capital|city|border|town|front(?:\s*line)?)\b",
    re.IGNORECASE,
)
# A capitalized name the gazetteer does not know, right before a qualifier: "Buufow Bacaad
# village (", "Huriiv Kozachok, ".
_UNKNOWN_BEFORE = re.compile(
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*(?:village|town|area|settlement|hamlet|"
    r"locality|neighbou?rhood|district)?\s*(?:\(|,)\s*$"
)
_PLACE_WORDS = r"(?:\s+(?:village|town|city|area|settlement|hamlet|locality|district|region))?"
_NEAR_KM = 20
# "Shevchenko Boulevard", "Kyiv Highway", "Dnipro River": a street, road or river named after
# a place is not that place (a river runs far from the city named after it).
_STREET_AFTER = re.compile(
    r"^\s+(?:Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.?|Prospekt|Prospect|Lane|Square|"
    r"Highway|Embankment|Alley|River|river)(?!\w)"
)
# "Kiev forces", "Moscow's troops", "...: Kiev": a capital standing for its government.
_GOVERNMENT_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:forces|troops|army|military|government|authorities|regime|officials|"
    r"leadership|says|said|claims|accuses)\b",
    re.IGNORECASE,
)
_SOURCE_AROUND = (re.compile(r"(?:^|[:—–]|\s-)\s*$"), re.compile(r"^\s*(?:$|[;.)])"))
_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][\w .]*)?\s*(?:\(|—|–|-|,)")
_BIG_TOWN = 100_000
_SPECIFICITY = {"settlement": 0, "other": 1, "admin3": 2, "admin2": 3, "admin1": 4, "country": 5}


@dataclass
class LocateContext:
    demonym_keys: frozenset[str]
    document_country: str | None  # the country most mentions point to
    region_named: Callable[[str, str | None], Place | None]  # name, country code -> admin1
    # Countries the document names outright ("Afghanistan", not "Afghan forces").
    named_countries: set[str] = field(default_factory=set)


def _kind(mention: PlaceMention) -> str:
    return mention.place.kind if mention.place is not None else "other"


def _is_far(text: str, mention: PlaceMention) -> bool:
    match = _DISTANCE.search(text[max(0, mention.start - 80) : mention.start])
    if not match:
        return False
    amount = float(match.group(1).replace(",", "."))
    if match.group(2).lower().startswith("mi"):
        amount *= 1.609
    # ACLED codes "15 km north of Baidoa" to Baidoa (precision 2); farther is not Baidoa.
    return amount > _NEAR_KM


def _is_distance(text: str, mention: PlaceMention) -> bool:
    return _DISTANCE.search(text[max(0, mention.start - 80) : mention.start]) is not None


def _is_near(text: str, mention: PlaceMention) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(
        _NEAR_BEFORE.search(before) or _NEAR_AFTER.match(text[mention.end : mention.end + 40])
    )


def _qualifiers(text: str, mentions: list[PlaceMention]) -> set[int]:
    """Indexes of mentions that only qualify the one before ("X, Y", "X (Y")."""
    out = set()
    for i in range(1, len(mentions)):
        gap = text[mentions[i - 1].end : mentions[i].start]
        if re.fullmatch(_PLACE_WORDS + r"\s*[,(]\s*", gap):
            out.add(i)
    return out


def _not_a_scene(text: str, mention: PlaceMention) -> bool:
    """A street named after a place, or a capital standing for its government or as a source."""
    after = text[mention.end : mention.end + 30]
    if _STREET_AFTER.match(after):
        return True
    place = mention.place
    if place is None or place.feature_code != "PPLC":
        return False
    before = text[max(0, mention.start - 3) : mention.start]
    source = _SOURCE_AROUND[0].search(before) is not None and _SOURCE_AROUND[1].match(after)
    return bool(_GOVERNMENT_AFTER.match(after) or (source and mention.start > 0))


def _is_dateline(text: str, mention: PlaceMention) -> bool:
    """ "KABUL, Afghanistan (Jan. 25, 2013) –": where the report was filed, not the scene."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip():
        return False
    after = text[mention.end : mention.end + 40]
    return mention.text.isupper() and _DATELINE_AFTER.match(after) is not None


def _foreign(mention: PlaceMention, ctx: LocateContext, usable: list[PlaceMention]) -> bool:
    """A small town of a country the document neither names nor is mostly about, beside places
    of one it names ("Pul, Iran" read into "KABUL, Afghanistan ... Pul-e Alam")."""
    place, named = mention.place, ctx.named_countries
    if place is None or place.kind != "settlement" or not named:
        return False
    if place.country_code in named or (place.population or 0) >= _BIG_TOWN:
        return False
    if place.country == ctx.document_country or place.country_code == ctx.document_country:
        return False
    return any(m.place is not None and m.place.country_code in named for m in usable)


def _usable(text: str, mentions: list[PlaceMention], ctx: LocateContext) -> list[PlaceMention]:
    usable = [
        m
        for m in mentions
        if m.place is not None
        and fold(m.text) not in ctx.demonym_keys
        and not _not_a_scene(text, m)
    ]
    scenes = [m for m in usable if not _is_dateline(text, m)]
    usable = scenes or usable
    usable = [m for m in usable if not _foreign(m, ctx, usable)]
    if ctx.document_country:
        same = [
            m for m in usable if m.place is not None and m.place.country == ctx.document_country
        ]
        usable = same or usable
    return [_as_region(text, m, ctx) for m in usable]


def _as_region(text: str, mention: PlaceMention, ctx: LocateContext) -> PlaceMention:
    """ "Huriiv Kozachok, Kharkiv": after a name we lack, "Kharkiv" is the region, not the city."""
    place = mention.place
    if place is None or place.kind != "settlement":
        return mention
    before = text[max(0, mention.start - 50) : mention.start]
    if not re.search(r"[A-Z][\w'’-]+,\s*$", before):
        return mention
    region = ctx.region_named(mention.text, place.country_code)
    return PlaceMention(mention.start, mention.end, mention.text, region) if region else mention


def locate_event(
    text: str, start: int, end: int, mentions: list[PlaceMention], ctx: LocateContext
) -> EventLocation:
    inside = sorted(
        (m for m in mentions if m.start >= start and m.end <= end), key=lambda m: m.start
    )
    usable = _usable(text, inside, ctx)
    country = _country_of(inside, ctx)
    far = [m for m in usable if _is_far(text, m)]
    span = text[start:end]
    candidates = [m for m in usable if m not in far]
    if not candidates or (far and _far_description(span) is None and not _closer(candidates, far)):
        description = _far_description(span) or (_far_text(text, far[0]) if far else None)
        return EventLocation(place=None, precision=None, location_text=description, country=country)
    anchored = _anchor(text, candidates)
    if anchored is not None:
        return anchored
    quals = _qualifiers(text, candidates)
    points = [m for i, m in enumerate(candidates) if i not in quals] or candidates
    # A country, continent, sea or world region is no event's point (ACLED leaves it unlocated).
    located = [m for m in points if _kind(m) != "country" and not _macro(m)]
    if not located:
        return EventLocation(None, None, _far_description(span), country)
    best = min(located, key=lambda m: _SPECIFICITY.get(_kind(m), 6))
    return _location(text, best, country)


def _macro(mention: PlaceMention) -> bool:
    return mention.place is not None and mention.place.feature_code in MACRO_FCODES


def _closer(candidates: list[PlaceMention], far: list[PlaceMention]) -> bool:
    """Whether some place is named that is not itself a far reference point."""
    return any(_kind(m) in ("settlement", "admin3", "admin2", "other") for m in candidates)


def _anchor(text: str, candidates: list[PlaceMention]) -> EventLocation | None:
    """ACLED's "(district, region)": the place right before the brackets, else the district."""
    for i, mention in enumerate(candidates):
        before = text[max(0, mention.start - 2) : mention.start]
        if "(" not in before:
            continue
        group = [mention]
        for nxt in candidates[i + 1 :]:
            if re.fullmatch(r"\s*,\s*", text[group[-1].end : nxt.start]):
                group.append(nxt)
        subject = candidates[i - 1] if i > 0 else None
        gap = text[subject.end : mention.start] if subject else ""
        if (
            subject is not None
            and re.fullmatch(_PLACE_WORDS + r"\s*\(\s*", gap)
            and _kind(subject) not in ("admin1", "country")
            and _within(subject, group)
        ):
            return _location(text, subject, None)
        unknown = _UNKNOWN_BEFORE.search(text[max(0, mention.start - 60) : mention.start])
        head = min(group, key=lambda m: _SPECIFICITY.get(_kind(m), 6))
        loc = _location(text, head, None)
        if unknown and loc.precision == 1:
            return EventLocation(loc.place, 2, unknown.group(1), loc.country)
        return loc
    return None


def _within(subject: PlaceMention, group: list[PlaceMention]) -> bool:
    if subject.place is None:
        return False
    return any(m.place is not None and m.place.admin1 == subject.place.admin1 for m in group)


def _location(text: str, best: PlaceMention, country: str | None) -> EventLocation:
    assert best.place is not None
    return EventLocation(
        place=best.place,
        precision=_precision(text, best),
        location_text=best.text,
        country=best.place.country or country,
    )


def _precision(text: str, best: PlaceMention) -> int:
    kind = _kind(best)
    if kind == "admin1":
        return 3
    if kind in ("admin2", "admin3", "other") or _is_near(text, best) or _is_distance(text, best):
        return 2
    if best.text.split()[-1].lower() in ("district", "raion", "rayon", "quarter", "neighbourhood"):
        return 2  # a district of a city
    place = best.place
    if place is not None and place.geonames_id is None and place.population == 0 and place.admin3:
        return 2  # KATOTTG village at its hromada centre (gazetteer precision)
    return 1


def _far_text(text: str, mention: PlaceMention) -> str:
    window_start = max(0, mention.start - 80)
    match = _DISTANCE.search(text[window_start : mention.start])
    begin = window_start + match.start() if match else mention.start
    return text[begin : mention.end]


def _far_description(span: str) -> str | None:
    match = _FAR_NO_NAME.search(span)
    return match.group(0).strip() if match else None


def _country_of(inside: list[PlaceMention], ctx: LocateContext) -> str | None:
    if ctx.document_country:
        return ctx.document_country
    for mention in inside:
        if mention.place is not None and mention.place.country:
            return mention.place.country
    return None
