"""Scene: which place names in an article can be where a happening took place.

An ordinary news article names many places that are not the scene: a victim's or suspect's
home ("a 23-year-old from Springfield", "a Columbus man", "Harold Brooks, 67, of
Versailles"), where the wounded were taken or a suspect is held ("airlifted to Raipur", "the
Montgomery County Jail"), where a speaker spoke ("officials in Islamabad said", "speaking from
Beni"), where a missile was fired from ("from territory of Belgorod region"), a street or a
person named after a place ("Kohat Road", "Officer Tyler Jackson", "a Dodge Durango"). Such
a mention is dropped before events are located, so the event's own prepositional phrase, the
paragraph's scene or the dateline places it instead.

Some are only probably not the scene: a place inside an organisation's name ("the Zamfara
State Police Command", "the Peshawar Press Club") may also be where the organisation was
attacked. Those are dropped only when their sentence names another place.
"""

from __future__ import annotations

import logging
import math
import re

from spacy.tokens import Doc

from conflictwire.geo import Geocoder
from conflictwire.records import EventLocation, PlaceMention

__all__ = ["filed_from", "filed_location", "off_scene", "scene_places"]

log = logging.getLogger(__name__)

_PERSON_NOUN = (
    r"(?:man|woman|boy|girl|teen|teenager|youth|resident|native"
    r"|student|couple|family|mother|father|son|daughter|husband|wife|victim|suspect|driver"
    r"|worker|farmer|trader|shopkeeper|schoolteacher|teacher|pastor|\d+-year-old)"
)
# "a 23-year-old from Springfield", "a schoolteacher from Mardan", "residents of Dera
# Ismail Khan", "a native of Thiruvananthapuram", "who hailed from Kanpur".
_HOME_BEFORE = re.compile(
    rf"(?:\b{_PERSON_NOUN}\s*,?\s*(?:who\s+(?:is|was|were|are)\s+)?(?:originally\s+)?(?:from|of)"
    r"|\b(?:hail(?:s|ed|ing)?|originally|who\s+(?:came|comes))\s+from"
    r"|\b(?:lives|lived|living|reside[sd]?|residing)\s+in"
    r"|\bhome\s*towns?\s+(?:of|in)?"
    r"|,\s*\d{1,3}\s*,\s*of|\b\d{1,3}\s*,\s*of)\s+(?:the\s+)?$",
    re.I,
)
# "a Columbus man", "the Arlington teen", "a Rock Island resident", "a Chiefland man, 19".
_HOME_AFTER = re.compile(rf"^(?:['’]s)?(?:\s+County)?\s+{_PERSON_NOUN}\b", re.I)
# A group's town ("residents of Kyrylivka protested", "Kharkiv residents") is mostly where the
# group acted; it is let go only beside another place, unless the story lists where the
# named dead came from ("both residents of Dera Ismail Khan").
_GROUP = r"(?:residents|natives|villagers|inhabitants|people|men|women|families)"
_GROUP_BEFORE = re.compile(
    rf"(?P<pre>\b\w+\s+)?\b{_GROUP}\s*,?\s*(?:(?:who\s+(?:are|were)\s+)?from|of)\s+(?:the\s+)?$",
    re.I,
)
_GROUP_AFTER = re.compile(rf"^(?:['’]s)?(?:\s+County)?\s+{_GROUP}\b", re.I)
_LISTED = re.compile(r"^(?:both|all|are|were|as|two|three|four|five)\s+$", re.I)
# Where the wounded were taken or a suspect fled: "airlifted to Raipur", "evacuated to the
# general hospital in Butembo", "died at a hospital in Fort Worth", "fled to Louisville".
_CLAUSE = r"(?:after|before|when|following|while|during|where|as)"
_TAKEN = re.compile(
    r"\b(?:taken|rushed|airlifted|flown|evacuated|transferred|transported|referred|admitted"
    r"|brought|shifted|hospitali[sz]ed|treated|fled|escaped|drove)\b"
    # ... a few words on to its destination ("rushed in critical condition to"), not past a
    # clause of its own ("after the blast in Dayton", "fled the fighting, protested in").
    rf"(?:\s+(?!{_CLAUSE}\b|\w+ed\b)[\w'’-]+){{0,4}}?"
    rf"\s+(?:to|at|in|into)\s+(?:the\s+|a\s+|an\s+)?(?:(?!{_CLAUSE}\b|\w+ed\b)[\w'’.-]+\s+){{0,6}}?$",
    re.I,
)
# "A third person died in hospital in Kharkiv": the hospital is often in the stricken town,
# and the later death finds its happening by that place; only beside another place is it
# let go ("died at a hospital in Fort Worth" after a shooting in Arlington).
_DIED_AT = re.compile(
    r"\b(?:died|succumbed|pronounced\s+dead)\b[^.;:!?]{0,40}?\bhospital\b[^.;:!?]{0,30}?"
    r"\b(?:in|at|of)\s+(?:the\s+)?$",
    re.I,
)
# Court, custody and autopsy are after the fact: "a special court in Dantewada".
_FACILITY_BEFORE = re.compile(
    r"\b(?:court|courthouse|tribunal|jail|prison|morgue|mortuary|penitentiary)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:in|at|of)\s+(?:the\s+)?$",
    re.I,
)
_FACILITY_AFTER = re.compile(
    r"^(?:\s+(?:County|City|State|District|Regional|Central|Federal|Municipal|Circuit|High"
    r"|Superior|Magistrate['’]?s?|Juvenile|Detention|Correctional|General|Memorial|Medical"
    r"|Civil|Teaching|Community|University|Children['’]s))*\s+(?:jail|prison|court|courthouse"
    r"|morgue|mortuary|penitentiary|correctional|detention|hospital|medical\s+cent(?:er|re)"
    r"|clinic|infirmary)\b",
    re.I,
)
# "Officials in Islamabad said", "a police spokesman in Srinagar said".
_SPEAKER_BEFORE = re.compile(
    r"\b(?:officials?|authorities|spokes(?:man|woman|person)|police|ministry|government"
    r"|governor|minister|sources?|correspondents?|reporters?|analysts?|diplomats?|leaders?"
    r"|experts?|institute|studies|group|organi[sz]ation|agency|observatory|monitor)"
    r"\s+(?:based\s+)?in\s+(?:the\s+)?$",
    re.I,
)
_SAYS_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:said|say|says|told|reported|announced|confirmed|claimed|added|noted)\b"
)
# "spoke to our correspondent in Gusau", "speaking from Beni", "a statement issued from
# Peshawar", "told PTI in Raipur", "who was in Kyiv on a working visit".
_SPOKE_BEFORE = re.compile(
    r"(?:\b(?:speaking|spoke|speaks|addressing|addressed|told)\s+"
    r"(?:[\w'’]+\s+){0,4}?(?:in|from|at)"
    r"|\b(?:statement|communiqu[ée]|release|remarks)\s+(?:issued|released|sent|made|read)"
    r"\s+(?:in|from|at)"
    r"|\b(?:press|news)\s+conference\s+(?:in|at)|\bbriefing\s+in"
    r"|\bwho\s+(?:was|were|is|are)\s+(?:visiting|in))\s+(?:the\s+)?$",
    re.I,
)
# "from territory of Belgorod region", "launched from Crimea": where the weapon came from.
_ORIGIN_BEFORE = re.compile(
    r"\b(?:from\s+(?:the\s+)?(?:territory|direction|side)\s+of|(?:launched|fired)\s+from)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_STREET_AFTER = re.compile(
    r"^\s+(?:Road|Rd\.?|Street|St\.|Avenue|Ave\.?|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.?"
    r"|Terrace|Pike|Parkway|Highway|Hwy\.?|Way|Place|Court|Ct\.|Circle|Trail)(?![\w-])"
)
# "Officer Tyler Jackson", "the Rev. Daniel Chicago", "Mayor of Kharkiv Ihor Terekhov".
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Rev|Officer|Constable|Sgt|Sergeant|Capt|Captain|Lt|Lieutenant|Gen"
    r"|Col|Maj|Judge|Justice|Sen|Senator|Rep|Deputy|Detective|Det|Pastor|Father|Imam|Bishop"
    r"|analyst|spokes(?:man|woman|person))\.?\s+(?:[A-Z][\w'’-]+\s+)?$"
)
_SEAT_BEFORE = re.compile(
    r"\b(?:mayor|governor|head|chief|president|bishop|archbishop|senator|lawmaker|mp|member"
    r"|council|university|bank|church|diocese|archdiocese|embassy|consulate|ambassador)\s+of"
    r"\s+(?:the\s+)?$",
    re.I,
)
# "the driver of a silver Pontiac Grand Prix": a car, whatever its make is named after.
_DRIVEN = re.compile(r"\b(?:driver\s+of|driving|drove|driven)\s+(?:an?|the|his|her)\s+(?:\w+\s+)?$")
_VEHICLE_MAKE = re.compile(
    r"\b(?:Dodge|Ford|Chevrolet|Chevy|Toyota|Honda|Nissan|Jeep|GMC|Buick|Kia|Hyundai|Mazda"
    r"|Lincoln|Pontiac|Chrysler|Mitsubishi|Subaru|Volkswagen|Isuzu)\s+$"
)
# A photo credit or a byline ("By Our Correspondent, Gusau") names who made it, not a scene.
_CREDIT_LINE = re.compile(
    r"^[ \t]*\(?(?:(?:Photo|Photograph|Image|Picture|File\s+photo|Credit|Photo\s+credit)s?"
    r"\s*[:|]|By\s+(?=[^\n]{0,80}$))",
    re.I | re.M,
)
# "Constable Gul Zaman of Lakki Marwat", "Marcus Reed, of Springfield": the person's home.
_OF_AFTER_NAME = re.compile(r"(?:,\s*\d{1,3})?\s*,?\s*(?:of|from)\s+(?:the\s+)?$")
# "held at the Montgomery County Jail": custody, whatever the jail is named after.
_HELD_BEFORE = re.compile(
    r"\b(?:held|jailed|detained|lodged|booked|remanded|custody|taken|transferred|sent|moved"
    r"|sentenced|tried|appeared|arraigned)\b[^.;]{0,40}$",
    re.I,
)
_ORG_HEADS = (
    r"Hospital|University|College|School|Command|Police|Department|Office|Ministry|Court"
    r"|Council|Institute|Church|Mosque|Temple|Cathedral|Center|Centre|Administration|Jail"
    r"|Prison|Company|Club|Times|News|Post|Herald|Tribune|Services?|Authority|Committee"
    r"|Association|Academy|Corporation|Bank|Agency|Board|Network|Foundation|Chamber|Party"
    # Landmarks named after a place ("the Lincoln Memorial", "Kabul Airport") may stand far
    # from it, or in it: like an organisation's, let go only beside another place.
    r"|Memorial|Monument|Palace|Museum|Stadium|Tower|Station|Airport|Hotel|Park|Square|Mall"
    r"|Bridge|Plant|Factory|Market|Shrine|Embassy|Consulate"
)
# "the Zamfara State Police Command", "Miami Valley Hospital": a name ending in an
# organisation's head noun, read over its capitalized words.
_ORG_AFTER = re.compile(
    rf"^(?:\s+(?:[A-Z][\w'’.-]*|of|and|for|the|de))*?\s+(?:{_ORG_HEADS})(?![\w-])"
)
_NEAR_DISTRICT = 30.0  # km: "the Kyiv district of Kharkiv" names no place that far away
# Capitalized words that start a place's own name or a sentence, never a first name.
_NOT_FORENAME = frozenset({
    "The", "In", "At", "On", "From", "For", "And", "But", "Of", "To", "By", "With", "Near",
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "New", "Old", "Greater", "Fort", "Port", "Saint", "St", "Mount", "Lake",
    "Cape", "San", "Santa", "Los", "Las", "El", "La", "Al", "Ras", "Tel", "A", "An", "Its",
    "This", "That", "After", "Before", "During", "Since", "When", "While", "As", "If", "Two",
    "Three", "Four", "Five", "Six", "Several", "Many", "Police", "Officials", "Residents",
})  # fmt: skip
_PLACE_HEADS = frozenset({
    "Oblast", "Region", "Province", "State", "County", "District", "City", "Town", "Village",
    "Strip", "Dam", "Airport", "Airfield", "Base", "Bridge", "Valley", "River", "Lake",
    "Mountains", "Hills", "Island", "Islands", "Bay", "Gulf", "Sea", "Coast", "Port", "Market",
    "Square", "Park", "Camp", "Raion", "Rayon", "Governorate", "Territory", "Prefecture",
    "Municipality", "Division", "Parish", "Township", "Area", "Zone", "Junction", "Hotel",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
})  # fmt: skip
# "Oleh Syniehubov.", "Tyrise M. Bell said": a capitalized word right before or after.
_NAME_AFTER = re.compile(r"^\s([A-Z][a-z'’-]+)(?=[,.;:)]|\s+[a-z(\d]|\s*$)")
_NOT_SURNAME = re.compile(
    rf"(?:{_ORG_HEADS}|Road|Street|Avenue|Boulevard|Drive|Lane|Highway|Jail|Prison|Morgue"
    r"|Courthouse|Clinic|Station|Checkpoint|Stadium|Mall|Plaza)$"
)
_NAME_BEFORE = re.compile(r"(?:^|[\s(,])([A-Z][a-z'’-]+)(?:\s+[A-Z]\.)?\s$")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_LINE_WINDOW = 150  # a headline is short: its words lie this close either side


def _title_case(text: str, at: int) -> bool:
    """Whether the line around ``at`` is a headline in title case (every word capitalized)."""
    lo = max(text.rfind("\n", 0, at) + 1, at - _LINE_WINDOW)
    hi = text.find("\n", at, at + _LINE_WINDOW)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[lo : hi if hi >= 0 else at + _LINE_WINDOW])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _named_person(text: str, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """The place name is a forename or surname here: "administration Oleh Syniehubov",
    "Melton Lewis Paris was found shot" (no parser entities: the cheap parse has none)."""
    if _title_case(text, p.start):
        return False
    taken = [(q.start, q.end) for q in places if q is not p]
    after = _NAME_AFTER.match(text[p.end : p.end + 40])
    if (
        after is not None
        and after.group(1) not in _PLACE_HEADS
        and not _NOT_SURNAME.match(after.group(1))
    ):
        at = p.end + after.start(1)
        lead = text[max(0, p.start - 2) : p.start]
        if not any(a <= at < b for a, b in taken) and not re.search(r"[.!?\n]\s*$|^$", lead):
            return True  # a forename: the next word is the surname
    before = _NAME_BEFORE.search(text[max(0, p.start - 30) : p.start])
    if before is None or before.group(1) in _NOT_FORENAME or before.group(1) in _PLACE_HEADS:
        return False
    at = max(0, p.start - 30) + before.start(1)
    follows = text[p.end : p.end + 3]
    return not any(a <= at < b for a, b in taken) and not re.match(r"\s[A-Z]", follows)


_FULL_NAME = re.compile(
    r"(?:^|[\s(,])([A-Z][a-z'’-]+)(?:\s+[A-Z]\.)?\s+([A-Z][a-z'’-]+)\b(?!\s+[A-Z])"
)


def _person_names(text: str, places: list[PlaceMention]) -> set[str]:
    """Place names the document uses as a person's name anywhere ("Tyrise M. Bell" makes
    every "Bell" of the story a person), whether or not the geocoder read that one."""
    found = {p.text for p in places if p.place is not None and _named_person(text, p, places)}
    wanted = {p.text for p in places if p.place is not None and " " not in p.text} - found
    starts = {p.start for p in places}
    for m in _FULL_NAME.finditer(text):  # one pass over the text, whatever its length
        first, name = m.group(1), m.group(2)
        if name not in wanted or first in _NOT_FORENAME or first in _PLACE_HEADS:
            continue
        if m.start(1) in starts or _NOT_SURNAME.match(first) or _title_case(text, m.start(1)):
            continue
        found.add(name)
        wanted.discard(name)
    return found


def _vehicles(text: str, places: list[PlaceMention]) -> set[str]:
    """Place names the document uses as a car model ("a red Dodge Durango")."""
    return {
        p.text
        for p in places
        if _VEHICLE_MAKE.search(text[max(0, p.start - 12) : p.start])
        or _DRIVEN.search(text[max(0, p.start - 40) : p.start])
    }


def _after_person(text: str, p: PlaceMention, persons: set[str]) -> bool:
    """The place follows a person's name and "of" or "from" ("Shah Wali of Karak")."""
    m = _OF_AFTER_NAME.search(text[max(0, p.start - 20) : p.start])
    if m is None:
        return False
    lead = text[max(0, p.start - 60) : max(0, p.start - 20) + m.start()]
    name = re.search(r"([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]+)$", lead)
    return name is not None and (
        name.group(2) in persons
        or (name.group(1) not in _NOT_FORENAME and name.group(2) not in _PLACE_HEADS)
    )


def _hard_reason(text: str, p: PlaceMention, persons: set[str]) -> str | None:
    before = text[max(0, p.start - 90) : p.start]
    after = text[p.end : p.end + 60]
    if p.text in persons or _TITLE_BEFORE.search(before[-40:]):
        return "a person's name"
    if _STREET_AFTER.match(after):
        return "a street named after a place"
    if _HOME_BEFORE.search(before) or _HOME_AFTER.match(after):
        return "a person's home"
    group = _GROUP_BEFORE.search(before)
    if group is not None and _LISTED.match(group.group("pre") or ""):
        return "the named dead's home"
    if _after_person(text, p, persons):
        return "a person's home"
    if (
        _TAKEN.search(before)
        or _FACILITY_BEFORE.search(before)
        or (_FACILITY_AFTER.match(after) and _HELD_BEFORE.search(before))
    ):
        return "where people were taken or held"
    if _SPOKE_BEFORE.search(before) or (
        _SPEAKER_BEFORE.search(before) and _SAYS_AFTER.match(after)
    ):
        return "where a speaker spoke"
    if _ORIGIN_BEFORE.search(before):
        return "where the weapon came from"
    if _SEAT_BEFORE.search(before):
        return "an office's seat"
    return None


# "MAKHACHKALA -- Three days of fighting in a wooded area of Dagestan": where the story was
# filed; the scene when the sentence names no other.
_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][\w. ]{0,20})?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|—|–|:)")


def _soft_reason(text: str, p: PlaceMention) -> str | None:
    after = text[p.end : p.end + 60]
    if len(p.text) > 2 and p.text.isupper() and _DATELINE_AFTER.match(after):
        return "a dateline"
    if _DIED_AT.search(text[max(0, p.start - 90) : p.start]):
        return "where a victim died later"
    if _GROUP_BEFORE.search(text[max(0, p.start - 60) : p.start]) or _GROUP_AFTER.match(after):
        return "a group's home town"
    if _FACILITY_AFTER.match(after):
        return "a jail, court or hospital's name"
    if _ORG_AFTER.match(after) and not _title_case(text, p.start):
        return "an organisation's or landmark's name"
    return None


def _far_district(text: str, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """ "the Kyiv district of Kharkiv": a district named after a far city, inside another."""
    m = re.match(r"\s+(?:district|raion|neighbou?rhood|quarter)\s+of\s+(?:the\s+)?", text[p.end :])
    if m is None or p.place is None or p.place.latitude is None or p.place.longitude is None:
        return False
    host = next((q for q in places if q.start == p.end + m.end()), None)
    if host is None or host.place is None or host.place.latitude is None:
        return False
    if host.place.longitude is None or host.place.kind != "settlement":
        return False
    gap = _km(p.place.latitude, p.place.longitude, host.place.latitude, host.place.longitude)
    return gap > _NEAR_DISTRICT


def _sentence_bounds(parsed: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.sent.start_char, span.sent.end_char


def off_scene(text: str, parsed: Doc, places: list[PlaceMention]) -> dict[int, str]:
    """Index in ``places`` -> why that mention is not where anything happened."""
    persons = _person_names(text, places) | _vehicles(text, places)
    credits = [(m.start(), text.find("\n", m.start())) for m in _CREDIT_LINE.finditer(text)]
    hard: dict[int, str] = {}
    soft: dict[int, str] = {}
    for i, p in enumerate(places):
        if p.place is None or p.place.kind == "country":
            continue  # the country stays: it is never a point anyway
        if any(a <= p.start and (b < 0 or p.start < b) for a, b in credits):
            hard[i] = "a photo credit or byline"
            continue
        reason = _hard_reason(text, p, persons)
        if reason is None and _far_district(text, p, places):
            reason = "a district named after another city"
        if reason is not None:
            hard[i] = reason
            continue
        reason = _soft_reason(text, p)
        if reason is not None:
            soft[i] = reason
    for i in range(1, len(places)):
        # "Kansas City, Kan.": the qualifier of a home, jail or speaker's city goes with it.
        gap = text[places[i - 1].end : places[i].start]
        if i - 1 in hard and i not in hard and re.fullmatch(r"\s*,\s*", gap):
            hard[i] = hard[i - 1]
    for i, reason in soft.items():
        # Only when its sentence names another place can the organisation's be let go.
        bounds = _sentence_bounds(parsed, places[i].start, places[i].end)
        if bounds is None:
            continue
        lo, hi = bounds
        if any(
            j != i and j not in hard and j not in soft and lo <= q.start < hi and q.place
            for j, q in enumerate(places)
        ):
            hard[i] = reason
    return hard


def scene_places(text: str, parsed: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` without the mentions that cannot be a happening's scene."""
    dropped = off_scene(text, parsed, places)
    for i, reason in dropped.items():
        log.debug("place %r at %d is no scene: %s", places[i].text, places[i].start, reason)
    return [p for i, p in enumerate(places) if i not in dropped]


_DATELINE_REACH = 400  # a dateline opens the story (after its headline, if any)


def filed_from(text: str, places: list[PlaceMention]) -> PlaceMention | None:
    """The town a local story is filed from ("DAYTON —", "CLINTON — A town couple ..."):
    where its happenings are when the text names no place of theirs. A national capital is
    no such town (a wire files from Nairobi what happened in Somalia, a command from Kabul
    what happened in Helmand)."""
    for p in places:
        if p.start > _DATELINE_REACH:
            break
        place = p.place
        if place is None or place.kind != "settlement" or place.feature_code == "PPLC":
            continue
        line_start = re.search(r"(?:\A|\n|[.!?]\s)\s*$", text[max(0, p.start - 3) : p.start])
        if line_start and p.text.isupper() and _DATELINE_AFTER.match(text[p.end : p.end + 60]):
            return p
    return None


def filed_location(
    text: str, dateline_end: int, places: list[PlaceMention], geocoder: Geocoder
) -> EventLocation | None:
    """Where a local story is filed from, located (None when it names no such town)."""
    header = geocoder.geoparse(text[:dateline_end]) if dateline_end > 0 else []
    filed = filed_from(text, header + places)
    if filed is None:
        return None
    try:
        return geocoder.locate(text, filed.start, filed.end, [filed])
    except Exception:  # a geocoder failure must not lose the document
        log.exception("locating the dateline %r failed", filed.text)
        return None
