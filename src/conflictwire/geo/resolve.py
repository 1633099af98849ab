"""Choosing the place each candidate means, from context.

Evidence, strongest first: a region or country named right after the place ("Mykilske,
Kherson", "(Marka, Lower Shabelle)", "Alexandria, La."); the document's dominant country and
region (votes of all mentions); nearness to the other places of the document; and, last,
the place's size and kind. A mention with no entry stays unresolved.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from conflictwire.geo.countries import small_countries
from conflictwire.geo.lexicon import LANDMARK_FCODES, MACRO_FCODES
from conflictwire.geo.prefer import (
    CONTAINS_BONUS,
    REGION_SUFFIX,
    city_over_alternates,
    demonyms,
    in_region_list,
    prefer_region_name,
    region_lists,
    spelled_abroad,
    state_abbreviation,
    town_of_dateline,
    two_countries,
    world_city_over_villages,
)
from conflictwire.geo.scan import Candidate
from conflictwire.geo.store import COARSE, IndexView

__all__ = ["MACRO_FCODES", "Resolution", "resolve_candidates"]

# "X, Y", "X (Y", "X in Y", "X County located in Y"
_QUALIFIER_GAP = re.compile(r"^\s*(?:,|\(|,?\s*(?:(?:located|situated)\s+)?in)\s*$")
# "Nawa district, Helmand province", "Zharay district of Kandahar province", and a name whose
# first words we lack ("Chapa Dara district, Kunar province").
_DISTRICT_GAP = re.compile(
    r"^(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:district|village|town|area|subdistrict)"
    r"\s*(?:,|\(|of|in)\s*$"
)
_NAME_GOES_ON = re.compile(r"^ [A-Z]")
_DATELINE_DASH = re.compile(r"^\s?[—–-]{1,2}\s")  # "HUME – Principal ...", "KYIV -- "
_OF_GAP = re.compile(r"^\s+of\s+(?:the\s+)?$")  # "Khogyani district of Ghazni province"
_KIND_PRIOR = {"country": 5.5, "admin1": 3.2, "admin2": 1.6, "admin3": 0.6, "other": 0.5}
_COHERENCE = 1.0
_POSSIBLE = 0.4
_COHERENCE_CAP = 4.0
_DISTRICT_WEIGHT = 1.5
_POP_WEIGHT = 0.55
_CAPITAL_BONUS = 2.5
# Breaks a tie between countries that share a name; any evidence of the text outweighs it.
_COUNTRY_SIZE = 0.01
_SMALL_COUNTRY_REGION = 1.0  # a region of a small country (countries.small_countries)
# A known landmark's name ("Fort Hood", "Piccadilly") weighs as a city of ~250,000 does: it
# beats a village filed under the same words, not a city the text's places surround.
_LANDMARK_PRIOR = 3.0
# A city of millions whose country the text names needs no more evidence than a namesake
# in another country the text names more often.
_METROPOLIS = 1_000_000
_METROPOLIS_BONUS = 2.0
_COUNTRY_VOTE = 4.0
_REGION_VOTE = 3.0
_IN_NAMED_DISTRICT = 3.0
_PAIR_BONUS = 1.5
_DISTRICT_WORDS = frozenset({"county", "parish", "district", "raion", "rayon"})
_NAMED_DISTRICT_POSSIBLE = 0.8
# A reading of another name counts as context only when it is plausible on its own: within
# this much of that name's best prior. Otherwise a handful of world cities ("Rome", "Boston",
# "Medina") all have small namesakes in one US state and vouch for each other there.
_PLAUSIBLE_GAP = 2.5


@dataclass
class Resolution:
    pids: list[int | None]
    qualified_by: dict[int, int] = field(default_factory=dict)  # mention -> its qualifier
    dropped: set[int] = field(default_factory=set)  # mentions found to be no place after all


def _prior(view: IndexView, code: int) -> float:
    pid = code // 2
    kind = view.kind(pid)
    if kind == "settlement":
        score = _POP_WEIGHT * math.log10(view.pop[pid] + 1)
        if view.get("fcode", pid) == "PPLC":
            score += _CAPITAL_BONUS
        if view.prec[pid] == 2:
            score -= 0.2  # a KATOTTG village GeoNames lacks: the smallest kind of place
    elif view.get("fcode", pid) in MACRO_FCODES:
        score = 3.5
    elif view.get("fcode", pid) in LANDMARK_FCODES:
        score = _LANDMARK_PRIOR
    else:
        score = _KIND_PRIOR.get(kind, 0.5)
        if kind == "country":  # "Congo": of two countries of one name, the bigger
            score += _COUNTRY_SIZE * math.log10(view.pop[pid] + 1)
        elif kind == "admin1" and view.cc(pid) in small_countries():
            score -= _SMALL_COUNTRY_REGION
    return score - (1.2 if code % 2 else 0.0)


def _contains(view: IndexView, region: int, pid: int) -> bool:
    """Whether place ``region`` (a country, admin1 or admin2) holds place ``pid``."""
    if region == pid:
        return False
    kind = view.kind(region)
    if kind == "country":
        return view.cc(pid) == view.cc(region) and view.kind(pid) != "country"
    if kind == "admin1":
        return view.get("a1code", pid) == view.get("a1code", region) and view.kind(pid) != "admin1"
    if kind == "admin2":
        code = view.get("a2code", region)
        return (
            bool(code)
            and view.get("a2code", pid) == code
            and view.kind(pid) not in ("admin2", "admin1")
        )
    return False


def _qualifiers(text: str, cands: list[Candidate], view: IndexView) -> dict[int, int]:
    """Mention i -> mention j when j qualifies i: "X, Y", "X (Y", "X (Z, Y)"."""
    pairs: dict[int, int] = {}
    for i in range(len(cands) - 1):
        listed = in_region_list(text, view, cands, i) or two_countries(view, cands[i], cands[i + 1])
        if listed and not state_abbreviation(view, cands[i + 1]):
            continue
        gap = text[cands[i].end : cands[i + 1].start]
        district = cands[i].key.rsplit(" ", 1)[-1] in _DISTRICT_WORDS
        if (
            _QUALIFIER_GAP.match(gap)
            or _DISTRICT_GAP.match(gap)
            or (district and _OF_GAP.match(gap))
        ):
            pairs[i] = i + 1
    return pairs


def _qualified_reading_throughout(
    view: IndexView,
    cands: list[Candidate],
    chosen: list[int | None],
    priors: list[dict[int, float]],
    quals: dict[int, int],
) -> None:
    """ "Toronto, Ontario ... babies born in Ontario", "the province of Ontario ... in Ontario":
    a name read where the text says which place it is (an address, "the province of") keeps
    that reading where the text names it bare."""
    told: dict[str, int] = {}
    # Only a pair whose second name holds the first is an address: "Louisville, New Haven and
    # Sioux Falls" is a list, and its "New Haven" takes the reading "New Haven, Conn." gave.
    in_address: set[int] = set()
    for i, q in quals.items():
        held, holder = chosen[i], chosen[q]
        if held is not None and holder is not None and _contains(view, holder, held):
            in_address.update((i, q))
    for i, pid in enumerate(chosen):
        if pid is not None and (i in in_address or priors[i][pid] >= CONTAINS_BONUS):
            told.setdefault(cands[i].key, pid)
    for i, cand in enumerate(cands):
        pid = told.get(cand.key)
        if pid is not None and i not in in_address and chosen[i] is not None:
            chosen[i] = pid


_Votes = dict[str, tuple[Counter[str], Counter[str], int]]


def _votes(view: IndexView, cands: list[Candidate], chosen: list[int | None]) -> _Votes:
    """Country and region votes of each distinct name (a name repeated votes once)."""
    by_key: _Votes = {}
    for cand, pid in zip(cands, chosen, strict=True):
        if pid is None or cand.key in by_key or cand.key in demonyms():
            continue  # "Russian forces shelled ..." says nothing of where
        if view.prec[pid] == COARSE:
            continue  # a district placed only at its region's point: a namesake abroad, often
        weight = 1.5 if len({c // 2 for c in cand.codes}) == 1 else 1.0
        countries: Counter[str] = Counter()
        countries[view.cc(pid)] += weight  # type: ignore[assignment]
        regions: Counter[str] = Counter()
        if view.kind(pid) != "country":
            regions[view.get("a1code", pid) or ""] += weight  # type: ignore[assignment]
        by_key[cand.key] = (countries, regions, pid)
    return by_key


def _others(
    votes: _Votes, key: str, options: dict[int, float]
) -> tuple[Counter[str], float, Counter[str], float]:
    """The votes of the other names, leaving out those that read as one of our own places."""
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for other, (c, r, pid) in votes.items():
        if other != key and pid not in options:
            countries.update(c)
            regions.update(r)
    return countries, sum(countries.values()) or 1.0, regions, sum(regions.values()) or 1.0


def resolve_candidates(text: str, cands: list[Candidate], view: IndexView) -> Resolution:
    quals = _qualifiers(text, cands, view)
    priors: list[dict[int, float]] = [{} for _ in cands]
    # The best prior per place (a place can be filed under a key both ways).
    for i, cand in enumerate(cands):
        for code in cand.codes:
            score = _prior(view, code)
            if score > priors[i].get(code // 2, -99.0):
                priors[i][code // 2] = score
    for i, cand in enumerate(cands):
        prefer_region_name(view, cand, priors[i], text)
        city_over_alternates(view, cand, priors[i])
        world_city_over_villages(view, priors[i])
        if cand.text.isupper() and _DATELINE_DASH.match(text[cand.end : cand.end + 4]):
            town_of_dateline(view, priors[i])
    region_lists(text, view, cands, priors)
    _pair_with_named_districts(view, cands, priors)
    chosen: list[int | None] = [max(p, key=lambda k: p[k]) if p else None for p in priors]
    for _ in range(3):
        chosen = _rescore(view, cands, priors, chosen, quals)
    _qualified_reading_throughout(view, cands, chosen, priors, quals)
    _drop_outside_named_regions(view, cands, priors, chosen, quals)
    _districts_of_the_paragraph_region(text, view, cands, priors, chosen)
    return Resolution(chosen, quals, _unsupported_tails(text, view, cands, chosen))


def _unsupported_tails(
    text: str, view: IndexView, cands: list[Candidate], chosen: list[int | None]
) -> set[int]:
    """ "West Midlands" read as Midlands, Zimbabwe: a doubtful name is dropped when nothing else
    in the text lies in its reading's country ("North Texas" in a Texan story stays); so is a
    district placed only at its region's point ("KIA": Kia, Solomon Islands), and a spelling of
    a town abroad where the text places it elsewhere (prefer.spelled_abroad)."""

    def doubted(cand: Candidate, pid: int | None) -> bool:
        return cand.doubtful or (pid is not None and view.prec[pid] == COARSE)

    named = {  # countries of the names read on their own ("South Salem ... Salem" keeps both)
        view.cc(pid)
        for cand, pid in zip(cands, chosen, strict=True)
        if pid is not None and not doubted(cand, pid)
    }
    abroad = {i for i in range(len(cands)) if spelled_abroad(text, view, cands, chosen, i)}
    dropped = set()
    for i, (cand, pid) in enumerate(zip(cands, chosen, strict=True)):
        if pid is not None and (i in abroad or (doubted(cand, pid) and view.cc(pid) not in named)):
            dropped.add(i)
            chosen[i] = None
    return dropped


def _districts_of_the_paragraph_region(
    text: str,
    view: IndexView,
    cands: list[Candidate],
    priors: list[dict[int, float]],
    chosen: list[int | None],
) -> None:
    """ "In Helmand province, ... In Nawa district, ...": a district named after a province, in
    the same paragraph, is one of that province's (or one the gazetteer lacks)."""
    region: int | None = None
    for i, cand in enumerate(cands):
        if i and "\n\n" in text[cands[i - 1].end : cand.start]:
            region = None
        pid = chosen[i]
        named_region = REGION_SUFFIX.search(cand.key) and not _NAME_GOES_ON.match(
            text[cand.end : cand.end + 2]
        )  # "Helmand province", not "Florida State University"
        if pid is not None and view.kind(pid) == "admin1" and named_region:
            region = pid
            continue
        if region is None or pid is None or cand.key.rsplit(" ", 1)[-1] not in _DISTRICT_WORDS:
            continue
        if view.kind(pid) == "admin2" and not _contains(view, region, pid):
            inside = [p for p in priors[i] if _contains(view, region, p)]
            chosen[i] = max(inside, key=lambda p: priors[i][p]) if inside else None


def _drop_outside_named_regions(
    view: IndexView,
    cands: list[Candidate],
    priors: list[dict[int, float]],
    chosen: list[int | None],
    quals: dict[int, int],
) -> None:
    """ "Nawa district, Helmand province": a place that has no reading inside the region named
    right after it is one the gazetteer lacks, not a namesake abroad. It stays unresolved, so
    the event falls back to the region."""
    for i, q in quals.items():
        region = chosen[q]
        if chosen[i] is None or region is None or view.kind(region) != "admin1":
            continue
        if region in priors[i]:
            continue  # "New South Wales (NSW)": the name and its short form
        country = chosen[quals[q]] if q in quals else None
        # An address: "Brighton, Ontario, Canada", "Springfield, W. Va.", "Paris, TX".
        abbreviated = "." in cands[q].text or cands[q].text.isupper()
        address = abbreviated or (country is not None and _contains(view, country, region))
        if not (REGION_SUFFIX.search(cands[q].key) or address):  # "Brighton, Ontario, Canada"
            continue
        inside = [pid for pid in priors[i] if _contains(view, region, pid)]
        if not inside:
            chosen[i] = None
        elif chosen[i] not in inside:
            chosen[i] = max(inside, key=lambda p: priors[i][p])


def _pair_with_named_districts(
    view: IndexView, cands: list[Candidate], priors: list[dict[int, float]]
) -> None:
    """ "Walker County ... Huntsville": read the county and the town as the pair that fits,
    whichever state's namesakes they also have."""
    named: dict[str, list[int]] = {}
    for cand, options in zip(cands, priors, strict=True):
        if cand.key.rsplit(" ", 1)[-1] in _DISTRICT_WORDS:
            for pid in options:
                if view.kind(pid) == "admin2" and view.get("a2code", pid):
                    named.setdefault(view.get("a2code", pid) or "", []).append(pid)
    if not named:
        return
    supported: set[int] = set()
    for options in priors:
        for pid in options:
            county = named.get(view.get("a2code", pid) or "")
            if county and view.kind(pid) == "settlement":
                options[pid] += _PAIR_BONUS
                supported.update(county)
    for options in priors:
        for pid in supported & options.keys():
            options[pid] += _PAIR_BONUS


def _cell(view: IndexView, pid: int) -> tuple[int, int]:
    return int(view.lat[pid] // 1), int(view.lon[pid] // 1)


def _agreement(view: IndexView, pid: int, other: int) -> float:
    """How much another name's current reading supports reading this one as ``pid``."""
    kind, other_kind = view.kind(pid), view.kind(other)
    if kind == "country" or other_kind == "country" or pid == other:
        return 0.0
    if kind == other_kind == "admin1" and view.cc(pid) == view.cc(other):
        return 1.0  # a list of states ("Missouri, Nevada, Ohio"), not towns named after them
    same_region = view.get("a1code", pid) == view.get("a1code", other)
    if other_kind == "admin1":
        return 2.0 if same_region and kind != "admin1" else 0.0
    if kind == "admin1":
        return 1.0 if same_region else 0.0
    district = view.get("a2code", pid)
    if district and district == view.get("a2code", other):
        # A town in the county the text names ("Huntsville ... Walker County").
        return _IN_NAMED_DISTRICT if other_kind == "admin2" and kind != "admin2" else 1.5
    (lat, lon), (olat, olon) = _cell(view, pid), _cell(view, other)
    if abs(lat - olat) <= 1 and abs(lon - olon) <= 1:
        return 1.0
    return 0.5 if same_region else 0.0


_Marks = set[tuple[str, object]]


def _marks(view: IndexView, options: dict[int, float]) -> _Marks:
    """Where any reading of a name lies: districts, cells (with neighbours), regions."""
    marks: _Marks = set()
    for pid in options:
        kind = view.kind(pid)
        if kind == "country" or view.get("fcode", pid) in MACRO_FCODES:
            continue
        a1 = view.get("a1code", pid) or ""
        marks.add(("R" if kind == "admin1" else "r", a1))
        if kind == "admin1":
            continue
        if view.get("a2code", pid):
            marks.add(("D" if kind == "admin2" else "d", view.get("a2code", pid)))
        lat, lon = _cell(view, pid)
        marks.update(("c", (lat + a, lon + b)) for a in (-1, 0, 1) for b in (-1, 0, 1))
    return marks


def _possible_agreement(view: IndexView, pid: int, marks: _Marks) -> float:
    """``_agreement`` with the best of another name's readings, not only its current one
    (discounted, except for a town in a county the text names: that pair is rarely chance)."""
    kind = view.kind(pid)
    if kind == "country":
        return 0.0
    a1 = view.get("a1code", pid) or ""
    if kind == "admin1":
        return _POSSIBLE * (1.0 if ("r", a1) in marks else 0.0)
    district = view.get("a2code", pid) or "-"
    if kind != "admin2" and ("D", district) in marks:
        return _IN_NAMED_DISTRICT * _NAMED_DISTRICT_POSSIBLE
    if ("R", a1) in marks:
        return _POSSIBLE * 2.0
    if ("d", district) in marks or ("D", district) in marks:
        return _POSSIBLE * 1.5
    if ("c", _cell(view, pid)) in marks:
        return _POSSIBLE * 1.0
    return _POSSIBLE * (0.5 if ("r", a1) in marks else 0.0)


def _context(
    view: IndexView,
    cands: list[Candidate],
    chosen: list[int | None],
    priors: list[dict[int, float]],
) -> list[tuple[str, int, float, _Marks]]:
    """One (name, reading, weight, marks) per distinct name: names that are surer weigh more."""
    out: dict[str, tuple[str, int, float, _Marks]] = {}
    for cand, pid, options in zip(cands, chosen, priors, strict=True):
        if pid is None or cand.key in out:
            continue
        sure = " " in cand.key or view.kind(pid) != "settlement" or len(options) == 1
        top = max(options.values())
        plausible = {p: s for p, s in options.items() if s >= top - _PLAUSIBLE_GAP}
        out[cand.key] = (cand.key, pid, 1.0 if sure else 0.6, _marks(view, plausible))
    return list(out.values())


def _rescore(
    view: IndexView,
    cands: list[Candidate],
    priors: list[dict[int, float]],
    chosen: list[int | None],
    quals: dict[int, int],
) -> list[int | None]:
    votes = _votes(view, cands, chosen)
    context = _context(view, cands, chosen, priors)
    pair = _PairSupport(view)
    result: list[int | None] = []
    for i, options in enumerate(priors):
        if not options:
            result.append(None)
            continue
        qual = quals.get(i)
        countries, n_country, regions, n_region = _others(votes, cands[i].key, options)
        others = [(p, w, m) for key, p, w, m in context if key != cands[i].key and p not in options]
        scored = {}
        for pid, prior in options.items():
            score = prior
            score += _COUNTRY_VOTE * countries[view.cc(pid)] / n_country
            score += _metropolis_bonus(view, pid, cands[i], options, countries)
            if view.kind(pid) != "country":
                score += _REGION_VOTE * regions[view.get("a1code", pid) or ""] / n_region
            if qual is not None and any(_contains(view, q, pid) for q in priors[qual]):
                score += CONTAINS_BONUS
            score += _qualifier_of_bonus(view, i, pid, quals, chosen)
            support = sum(w * pair(pid, other, marks) for other, w, marks in others)
            score += _COHERENCE * min(support, _COHERENCE_CAP)
            scored[pid] = score
        result.append(max(scored, key=lambda k: scored[k]))
    return result


def _metropolis_bonus(
    view: IndexView, pid: int, cand: Candidate, options: dict[int, float], countries: Counter[str]
) -> float:
    """ "Moscow ... St. Petersburg" in a story that names the United States more often: a city
    of millions whose country the text names beats a namesake abroad. A name that is also a
    state's or country's ("New York") is left to the other evidence."""
    cc = view.cc(pid)
    if not countries[cc] or view.pop[pid] < _METROPOLIS:
        return 0.0
    if any(not c % 2 and view.kind(c // 2) in ("admin1", "country") for c in cand.codes):
        return 0.0
    abroad = any(view.cc(p) != cc and view.kind(p) == "settlement" for p in options)
    return _METROPOLIS_BONUS if abroad else 0.0


class _PairSupport:
    """``max(_agreement, _possible_agreement)`` memoized for one rescoring pass: a name told
    several times is scored against the same readings each time, and both are pure."""

    def __init__(self, view: IndexView) -> None:
        self.view = view
        self.cache: dict[tuple[int, int, int], float] = {}

    def __call__(self, pid: int, other: int, marks: _Marks) -> float:
        key = (pid, other, id(marks))
        value = self.cache.get(key)
        if value is None:
            value = max(
                _agreement(self.view, pid, other), _possible_agreement(self.view, pid, marks)
            )
            self.cache[key] = value
        return value


def _qualifier_of_bonus(
    view: IndexView, i: int, pid: int, quals: dict[int, int], chosen: list[int | None]
) -> float:
    """A mention that qualifies another ("..., Kherson") is the region holding it."""
    for subject, qualifier in quals.items():
        held = chosen[subject]
        if qualifier == i and held is not None and _contains(view, pid, held):
            return CONTAINS_BONUS
    return 0.0
