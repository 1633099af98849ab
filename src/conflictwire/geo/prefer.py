"""Which reading a region's or country's own name gets before context is weighed.

A country's or a state's own name ("Oregon", "Italy", "Ontario") means the region, not one of
the towns named after it, unless a qualifier says so ("Italy, Texas") or a big city of the same
country shares it ("New York", "Washington"). A demonym is its country; a list of regions is a
list of regions; "the province of X" names a region.
"""

from __future__ import annotations

import functools
import re

from conflictwire.geo.countries import data_lines
from conflictwire.geo.lexicon import MACRO_FCODES
from conflictwire.geo.normalize import fold
from conflictwire.geo.scan import Candidate
from conflictwire.geo.store import IndexView

__all__ = [
    "CONTAINS_BONUS",
    "REGION_SUFFIX",
    "city_over_alternates",
    "demonyms",
    "in_region_list",
    "prefer_region_name",
    "region_lists",
    "spelled_abroad",
    "state_abbreviation",
    "town_of_dateline",
    "two_countries",
    "world_city_over_villages",
]

CONTAINS_BONUS = 9.0
REGION_SUFFIX = re.compile(r"\s(?:province|oblast|region|governorate|state)$")
# "Alaska, California and Nevada", "in Wales and in England"
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))(?:\s+(?:in|to|from))?\s*$")
_REGIONS_AFTER = re.compile(
    r"^(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]*)*\s+(?:regions|oblasts|provinces)\b"
)
# "Becker, Clay, Otter Tail and Wilkin counties", "Homa Bay and Migori counties", "in Nawa
# and Marja districts": every name of the list is a district, not a town of that name.
_DISTRICTS = r"\s+(?:counties|districts|parishes|raions|rayons|boroughs)\b"
_DISTRICTS_AFTER = re.compile(
    r"^(?:\s*(?:,|and|or|&)\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})+" + _DISTRICTS
)
_LAST_DISTRICT = (re.compile("^" + _DISTRICTS), re.compile(r"(?:,|\band|\bor|&)\s*$"))
# "the province of Ontario", "in the state of Washington": the region, whatever else shares it.
_REGION_OF_BEFORE = re.compile(
    r"\b(?:province|state|region|oblast|governorate|prefecture|territory)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REGION_NAME_BONUS = 2.5
_PEOPLE_AFTER = re.compile(r"^ (?:man|woman|men|women|girl|boy|teen|resident|residents|native)\b")
_BIG_CITY = 100_000
_WORLD_CITY = 500_000
# A city abroad that a region's bare name may mean ("Manchester" is England's city, not the
# Jamaican parish; "Toledo" Ohio's, not Belize's district): the text's places then decide.
_CITY_ABROAD = 250_000
_WORLD_CITY_ALTERNATE = 250_000  # a city whose name outweighs a town's alternate spelling
_NAMESAKE_CITY = 10_000
# A world city against namesakes in its own country of under a fiftieth its size: enough to
# outweigh a text that names the villages' state once.
_DWARFED = 50
_OVER_VILLAGES_BONUS = 4.5


def in_region_list(text: str, view: IndexView, cands: list[Candidate], i: int) -> bool:
    """Whether mentions i and i + 1 sit in a list of three or more regions of one kind
    ("Alaska, California, Missouri and Nevada"), where "California, Missouri" is no town."""
    gaps = [
        _LIST_GAP.match(text[cands[k].end : cands[k + 1].start]) is not None
        if 0 <= k < len(cands) - 1
        else False
        for k in (i - 1, i + 1)
    ]
    if not any(gaps):
        return False
    shared = set(_region_readings(view, cands[i]).values()) & set(
        _region_readings(view, cands[i + 1]).values()
    )
    return bool(shared)


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    return frozenset(
        fold(d)
        for row in data_lines("demonyms.tsv")
        for d in row[1].split("|")
        if d.lower().endswith(("an", "ans", "ese", "ish", "i", "is", "ic"))
    )


def prefer_region_name(
    view: IndexView, cand: Candidate, options: dict[int, float], text: str
) -> None:
    if _in_district_list(text, cand):
        _districts_only(view, options)
    regions = [
        code // 2
        for code in cand.codes
        if not code % 2 and view.kind(code // 2) in ("country", "admin1") and code // 2 in options
    ]
    # "the Red Sea" is the sea before Sudan's Red Sea state, "the Middle East" the region
    # before Middle East, Md.
    for code in cand.codes:
        if not code % 2 and view.get("fcode", code // 2) in MACRO_FCODES:
            options[code // 2] += _REGION_NAME_BONUS
    if not regions:
        _capital_of_an_alternate_region(view, cand, options)
        return
    _country_over_its_region(view, cand, regions, options)
    if _PEOPLE_AFTER.match(text[cand.end : cand.end + 12]):
        _town_not_country(view, regions, options)
    if _REGION_OF_BEFORE.search(text[max(0, cand.start - 30) : cand.start]):
        for pid in regions:  # "the province of Ontario"
            options[pid] += CONTAINS_BONUS
        return
    if cand.key in demonyms():  # "Canadian officials": the country, not Canadian, Texas
        for pid in regions:
            if view.kind(pid) == "country":
                options[pid] += CONTAINS_BONUS
        return
    if _REGIONS_AFTER.match(text[cand.end : cand.end + 60]):  # "Kherson and Mykolaiv regions"
        for pid in regions:
            options[pid] += _REGION_NAME_BONUS * 2
        return
    capital = _namesake_capital(view, cand, regions, options)
    if capital is not None:  # "shelling of Kherson": the city, not its region
        options[capital] += _REGION_NAME_BONUS
        return
    big = any(_big_namesake(view, cand, pid, regions) for pid in options)
    if not big:
        for pid in regions:
            options[pid] += _REGION_NAME_BONUS


def _in_district_list(text: str, cand: Candidate) -> bool:
    """ "Becker, Clay and Wilkin counties": a name in a list that ends in a plural district
    word (not "Indiana counties", a region's own districts)."""
    if _DISTRICTS_AFTER.match(text[cand.end : cand.end + 120]):
        return True
    last, gap = _LAST_DISTRICT
    return bool(last.match(text[cand.end : cand.end + 12])) and bool(
        gap.search(text[max(0, cand.start - 6) : cand.start])
    )


def _districts_only(view: IndexView, options: dict[int, float]) -> None:
    """A name in a list that ends in "counties" is a county: its other readings go, where it
    has a county's reading at all."""
    districts = {view.cc(pid) for pid in options if view.kind(pid) == "admin2"}
    if districts:
        # A first-level region of a country with no district of that name stays: Jamaica's
        # parishes are its first level ("Manchester and Clarendon parishes").
        for pid in [p for p in options if view.kind(p) != "admin2"]:
            if view.kind(pid) != "admin1" or view.cc(pid) in districts:
                del options[pid]


def _town_not_country(view: IndexView, regions: list[int], options: dict[int, float]) -> None:
    """ "A Lebanon woman", "a Jordan man": people of a country go by its demonym ("a Lebanese
    woman"), so a country's name before them is a town's, where the name has one."""
    if not any(view.kind(pid) == "settlement" for pid in options):
        return
    for pid in [r for r in regions if view.kind(r) == "country"]:
        del options[pid]
        regions.remove(pid)


def _country_over_its_region(
    view: IndexView, cand: Candidate, regions: list[int], options: dict[int, float]
) -> None:
    """ "Mexico" is the country, not the State of México: a country's bare name does not mean
    a first-level region of the same name inside it ("Mexico state" still does)."""
    if REGION_SUFFIX.search(cand.key):
        return
    countries = {view.cc(pid) for pid in regions if view.kind(pid) == "country"}
    for pid in regions:
        if view.kind(pid) == "admin1" and view.cc(pid) in countries and pid in options:
            del options[pid]
            regions.remove(pid)


def _big_namesake(view: IndexView, cand: Candidate, pid: int, regions: list[int]) -> bool:
    """A big city the name may mean instead of the region or country: one of the same country
    ("New York", "Washington"); a city abroad only when it is filed under that very name and
    a world city ("Portland" is Oregon's or Maine's before the Jamaican parish, but "Ontario"
    is the province, not the Californian city); and for a country only a city filed under its
    own name ("Mexico" is the country; Mexico City is "Mexico City")."""
    if view.kind(pid) != "settlement" or not (
        view.pop[pid] >= _BIG_CITY or view.get("fcode", pid) == "PPLC"
    ):
        return False
    own_name = 2 * pid in cand.codes
    if any(view.kind(r) == "country" for r in regions):
        return own_name
    if view.cc(pid) in {view.cc(r) for r in regions}:
        return True
    return own_name and view.pop[pid] >= _CITY_ABROAD


def _region_readings(view: IndexView, cand: Candidate) -> dict[int, str]:
    """The country and first-level region readings of a name under its own name: pid ->
    the country code a list of them shares (countries all share one, "")."""
    out = {}
    for code in cand.codes:
        pid = code // 2
        kind = view.kind(pid)
        if not code % 2 and kind in ("country", "admin1"):
            out[pid] = "" if kind == "country" else view.cc(pid)
    return out


def region_lists(
    text: str, view: IndexView, cands: list[Candidate], priors: list[dict[int, float]]
) -> None:
    """ "Alaska, California, Missouri and Nevada", "Mexico, China, Japan": names listed beside
    regions of the same country (or beside countries) are those regions, not the towns named
    after them inside one of the others ("California, Missouri")."""
    readings = [_region_readings(view, cand) for cand in cands]
    for i in range(len(cands) - 1):
        if not _LIST_GAP.match(text[cands[i].end : cands[i + 1].start]):
            continue
        shared = set(readings[i].values()) & set(readings[i + 1].values())
        for k in (i, i + 1):
            for pid, group in readings[k].items():
                # A reading already ruled out stays out ("Manchester and Clarendon parishes"
                # keeps only the districts' readings).
                if group in shared and pid in priors[k]:
                    priors[k][pid] += _REGION_NAME_BONUS / 2


def _namesake_capital(
    view: IndexView, cand: Candidate, regions: list[int], options: dict[int, float]
) -> int | None:
    """A sizeable city of the region it names ("Kherson", "Donetsk"), for a bare name."""
    if REGION_SUFFIX.search(cand.key) or len(regions) != 1 or view.kind(regions[0]) != "admin1":
        return None
    a1 = view.get("a1code", regions[0])
    cities = [pid for pid in _sizeable_towns(view, a1, options) if fold(view.name(pid)) == cand.key]
    return max(cities, key=lambda p: view.pop[p]) if cities else None


def _sizeable_towns(view: IndexView, a1: str | None, options: dict[int, float]) -> list[int]:
    """The candidates that are towns of at least ``_NAMESAKE_CITY`` people in region ``a1``."""
    return [
        pid
        for pid in options
        if view.kind(pid) == "settlement"
        and view.get("a1code", pid) == a1
        and view.pop[pid] >= _NAMESAKE_CITY
    ]


def _capital_of_an_alternate_region(
    view: IndexView, cand: Candidate, options: dict[int, float]
) -> None:
    """ "Raqqa", "Saada": a name the index files only as another spelling of a region and of
    a town of that region (Ar-Raqqa governorate, Ar Raqqah) is the town, as a region's own
    name is its namesake capital's."""
    alternates = [
        c // 2 for c in cand.codes if c % 2 and view.kind(c // 2) == "admin1" and c // 2 in options
    ]
    if len(alternates) != 1 or REGION_SUFFIX.search(cand.key):
        return
    cities = _sizeable_towns(view, view.get("a1code", alternates[0]), options)
    if not cities:
        return
    city = max(cities, key=lambda p: view.pop[p])
    # "Freiburg" is Freiburg im Breisgau, a town of that very name, not Fribourg and its canton.
    named = [c // 2 for c in cand.codes if not c % 2 and view.kind(c // 2) == "settlement"]
    if all(view.pop[p] < view.pop[city] for p in named):
        options[city] += _REGION_NAME_BONUS


def city_over_alternates(view: IndexView, cand: Candidate, options: dict[int, float]) -> None:
    """ "Pittsburgh", "Rome": the name of a big city is that city, not a small town that has it
    only as an alternate spelling (Pittsburg, Calif.; Rhome, Texas), however many places of that
    town's state the text names. A town named so outright keeps its chance."""
    exact = {c // 2 for c in cand.codes if not c % 2}
    if " " in cand.key and any(view.get("fcode", p) in MACRO_FCODES for p in exact):
        # "the Middle East", "the Gulf Coast": a world region's full name is no town's.
        for pid in [p for p in options if view.kind(p) == "settlement"]:
            del options[pid]
        return
    if not any(
        view.kind(p) == "settlement" and view.pop[p] >= _WORLD_CITY_ALTERNATE for p in exact
    ):
        return
    for pid in [p for p in options if p not in exact and view.kind(p) == "settlement"]:
        del options[pid]


def town_of_dateline(view: IndexView, options: dict[int, float]) -> None:
    """ "WASHINGTON — The House passed ...": a dateline names the town a story was filed
    from, not the state or county of that name (a country stays: "MALTA —")."""
    if any(view.kind(p) == "settlement" for p in options):
        for pid in [p for p in options if view.kind(p) in ("admin1", "admin2", "admin3")]:
            del options[pid]


def state_abbreviation(view: IndexView, cand: Candidate) -> bool:
    """ "D.C.", "Va.", "TX": a state's short form after a name makes an address even inside a
    list of states ("from Texas and Washington, D.C."); "U.S." names a country, no address."""
    short = "." in cand.text or (cand.text.isupper() and len(cand.text) <= 3)
    kinds = {view.kind(c // 2) for c in cand.codes}
    return short and "admin1" in kinds and "country" not in kinds


def two_countries(view: IndexView, first: Candidate, second: Candidate) -> bool:
    """ "China, Japan and Britain": two country names in a row are a list, not a town of the
    second country (China, Kagoshima). "Lebanon, Pennsylvania" still qualifies: a state."""

    def kinds(cand: Candidate) -> set[str]:
        return {view.kind(c // 2) for c in cand.codes}

    second_kinds = kinds(second)
    return "country" in kinds(first) and "country" in second_kinds and "admin1" not in second_kinds


def world_city_over_villages(view: IndexView, options: dict[int, float]) -> None:
    """ "the Mayor of Boston", "moved here from Boston": a world city whose namesakes in its
    own country are all villages beside it (Boston, N.Y., 8,000 people) is the city, even in
    a text that names the village's state; an address ("Boston, N.Y.") still decides."""
    towns = [p for p in options if view.kind(p) == "settlement"]
    if len(towns) < 2:
        return
    for pid in towns:
        pop, cc = view.pop[pid], view.cc(pid)
        if pop < _WORLD_CITY:
            continue
        namesakes = [p for p in towns if p != pid and view.cc(p) == cc]
        if namesakes and all(view.pop[p] * _DWARFED <= pop for p in namesakes):
            options[pid] += _OVER_VILLAGES_BONUS


# "X in the Swat Valley", "X, Pakistan": a name placed in another place named right after it.
_IN_PLACE = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?)$")


def spelled_abroad(
    text: str, view: IndexView, cands: list[Candidate], chosen: list[int | None], i: int
) -> bool:
    """A name the index knows only as another spelling of a small town abroad ("Kalam" of
    Kallam, India), placed by the text in a place of another country ("Kalam in the Swat
    Valley", Pakistan's), is a town the index lacks, not that one."""
    pid, cand = chosen[i], cands[i]
    if pid is None or i + 1 >= len(cands) or chosen[i + 1] is None:
        return False
    spelling_only = all(
        c % 2 and view.kind(c // 2) == "settlement" and view.pop[c // 2] < _BIG_CITY
        for c in cand.codes
    )
    holder = chosen[i + 1]
    return (
        spelling_only
        and holder is not None
        and _IN_PLACE.match(text[cand.end : cands[i + 1].start]) is not None
        and view.cc(holder) not in ("", view.cc(pid))
    )
