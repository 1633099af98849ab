"""The scanner's word lists, read once from ``conflictwire/data/geo/lexicon.txt``, and the
scanner's small pattern helpers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from importlib import resources

__all__ = [
    "AREA_AFTER",
    "LANDMARK_FCODES",
    "MACRO_FCODES",
    "first_names",
    "names_a_storm_or_disease",
    "office_of_acronym",
    "unknown_feature_end",
    "words",
]

# Areas named like places that are no towns: continents, world regions, seas, oceans, gulfs,
# straits, big islands, lakes, valleys, deltas, mountain ranges, peninsulas, former provinces
# and former countries ("the Soviet Union", PCLH) (data/geo/macro_regions.tsv) and the European
# Union. None is an event's point.
MACRO_FCODES = frozenset(
    {
        "CONT", "ZN", "RGN", "OCN", "SEA", "GULF", "STRT", "ISL",
        "LK", "LKS", "VAL", "DLTA", "MTS", "PEN", "ADMH", "PCLH",
    }
)  # fmt: skip
# Known facilities and landmarks (data/geo/landmarks.tsv): each at its own point, in its city.
LANDMARK_FCODES = frozenset(
    {
        "MILB", "HSP", "BLDG", "SQR", "ST", "PRK", "AIRP", "PAL", "CH", "RUIN", "TOWR",
        "MUS", "MNMT", "PRN", "MSQE", "TMPL", "PS", "MN", "CNL", "BDG",
    }
)  # fmt: skip


@functools.lru_cache(maxsize=1)
def _sections() -> dict[str, frozenset[str]]:
    text = resources.files("conflictwire").joinpath("data", "geo", "lexicon.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(values) for name, values in sections.items()}


def words(section: str) -> frozenset[str]:
    """One word list: connectors, region_words, titles, not_places, org_words, place_cues."""
    return _sections()[section]


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common English given names ("Andrew Kummer" is a person, not a place)."""
    path = resources.files("conflictwire").joinpath("data", "geo", "first_names.txt")
    lines = path.read_text("utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# "the Marburg virus", "Lyme disease", "Hurricane Katrina" (no Hurricane, Utah), "Cyclone Larry":
# a place's name inside a disease's or a storm's is no place where the text happens.
_DISEASE_AFTER = re.compile(r"^\s+(?:virus|ebolavirus|fever|disease)\b", re.I)
_STORMS = r"(?:Hurricane|Cyclone|Typhoon"
_STORM = re.compile(rf"^{_STORMS})(?= [A-Z][a-z])|{_STORMS}|Storm) $")


def names_a_storm_or_disease(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is (part of) a storm's or a disease's name."""
    if _STORM.search(text[max(0, start - 10) : start]) or _STORM.match(text[start : end + 3]):
        return True
    return _DISEASE_AFTER.match(text[end : end + 14]) is not None


# "the Fife area", "the Reading area": an ordinary word ("fife") before "area" is the place.
AREA_AFTER = re.compile(r"^ area\b")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# After an office's city, what may follow ("UNHCR Geneva and ...", "NATO Brussels said"); any
# other lower-case word is a noun the two name together ("an AFU Kharkiv artillery unit": a
# unit's name, told apart from where it fired).
_AFTER_OFFICE = re.compile(
    r"^(?:$|[\s]*[,.;:)]|\s+(?:as|and|or|in|on|at|to|for|has|had|have|is|was|were|said|says"
    r"|which|who|where|that|will|would|can|could|[A-Z]))"
)


def office_of_acronym(text: str, prev: str, end: int) -> bool:
    """ "CDC Atlanta", "UNHCR Geneva": an organisation's acronym before a city names its office
    in that city; the city is a place (a surname would follow a given name, not an acronym)."""
    return (
        _ACRONYM.match(prev) is not None and _AFTER_OFFICE.match(text[end : end + 12]) is not None
    )


_FEATURE_OPENERS_OF = frozenset({"Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Cape"})


def unknown_feature_end(
    text: str, tokens: list[tuple[int, int, str]], i: int, j: int, is_cap: Callable[[str], bool]
) -> int:
    """ "Gulf of Alaska", "Bay of Islands": a water body the index lacks, named after a place,
    is neither that place nor a place called "Gulf" (a province of Papua New Guinea). Returns
    the index of the token after the feature's name (0: no such feature)."""
    if j != i or tokens[i][2] not in _FEATURE_OPENERS_OF:
        return 0  # the index knows the longer name ("Gulf of Mexico", "Bay of Bengal")
    k = i + 1
    if k + 1 >= len(tokens) or tokens[k][2] != "of" or text[tokens[i][1] : tokens[k][0]] != " ":
        return 0
    k += 2 if tokens[k + 1][2] == "the" else 1
    first = k
    while k < len(tokens) and is_cap(tokens[k][2]) and text[tokens[k - 1][1] : tokens[k][0]] == " ":
        k += 1
    return k if k > first else 0
