"""Event fusion: which document claims describe the same happening, and the merged record.

A ``Claim`` is one event as one document reports it. Two claims are *compatible* when they come
from different documents, belong to the same sub-event family and country, their dates fall
within the tolerance of the less precise one, their places are a few km apart (or in the same
admin area at lower geo precision) and their actors do not contradict. Claims are clustered by
complete linkage over that relation: a cluster only forms when every pair of its members is
compatible, so a chain A~B~C with A and C incompatible never fuses (two villages shelled the same
day stay two events). The result is a function of the set of claims alone: merges happen best
pair first with ties broken by claim id, never in arrival order.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from conflictwire.records import EVENT_FIELDS

__all__ = [
    "MAX_DAY_TOLERANCE",
    "Claim",
    "cluster",
    "compatible",
    "components",
    "day_number",
    "family_of",
    "merge_claims",
    "tolerance",
]

# Dates may differ by this many days, by ACLED time precision (1 day, 2 week, 3 month). Narrower
# than the precision's span: a week-precision date is still a point estimate, and measured on
# UCDP's multi-source events a 7-day (even a 3-day) window fused daily shellings of one city.
DAY_TOLERANCE = {1: 1, 2: 2, 3: 7}
MAX_DAY_TOLERANCE = max(DAY_TOLERANCE.values())
# Distances (km) under which two located places are one, by the coarser geo precision.
KM_SAME_NAME = 5.0
KM_OTHER_NAME = 2.0  # two differently named towns this close are one place split by a gazetteer
KM_NEAR = 15.0  # precision 2: "near X" (ACLED: within ~10 km), a district of a city
KM_REGION = 25.0  # precision 3 across different or unknown admin1
_LAT_REJECT = KM_REGION / 111.0 * 1.01  # degrees of latitude beyond any match's reach
_EPOCH = dt.date(1970, 1, 1)
_ACTOR_DATES = re.compile(r"\s*\(\d{4}-\d{0,4}\)")
_PLACE_FIELDS = (
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "location_text",
    "latitude", "longitude", "geo_precision", "geonames_id",
)  # fmt: skip
_DATE_FIELDS = ("event_date", "time_precision", "year")


@dataclass
class Claim:
    """One document's extracted event, with what fusion needs of its document."""

    claim_id: str  # the extractor's event_id: hash of doc_id and the event's content
    doc_id: str
    record: dict[str, Any]
    fatalities: int | None  # the toll this document states; None when it gives none
    url: str | None = None
    source: str | None = None  # the document's outlet
    published: str | None = None
    # Derived once from the record: the keys every comparison reads.
    family: str = field(init=False)
    country: str | None = field(init=False)
    day: int | None = field(init=False)
    tol: int = field(init=False)
    lat: float | None = field(init=False)
    lon: float | None = field(init=False)
    admin1: str | None = field(init=False)

    def __post_init__(self) -> None:
        rec = self.record
        self.family = family_of(rec.get("event_type"), rec.get("sub_event_type"))
        self.country = str(rec["country"]) if rec.get("country") else None
        self.day = day_number(rec.get("event_date"))
        self.tol = tolerance(rec.get("time_precision"))
        located = rec.get("latitude") is not None and rec.get("longitude") is not None
        self.lat = float(rec["latitude"]) if located else None
        self.lon = float(rec["longitude"]) if located else None
        self.admin1 = _fold(rec.get("admin1"))


def family_of(event_type: str | None, sub_event_type: str | None) -> str:
    """Sub-event types outlets swap for one happening share a family; others stand alone."""
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return f"{event_type}: {sub_event_type}"
    return event_type or ""


def day_number(event_date: Any) -> int | None:
    if not event_date:
        return None
    try:
        return (dt.date.fromisoformat(str(event_date)[:10]) - _EPOCH).days
    except ValueError:
        return None


def tolerance(precision: Any) -> int:
    """Days an event date of this ACLED time precision may be off."""
    return DAY_TOLERANCE.get(precision if isinstance(precision, int) else 1, 1)


def _day_gap(a: Claim, b: Claim) -> int | None:
    if a.day is None or b.day is None:
        return 0 if a.day is None and b.day is None else None
    gap = abs(a.day - b.day)
    return gap if gap <= max(a.tol, b.tol) else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _fold(value: Any) -> str | None:
    return str(value).casefold().strip() or None if value else None


def _unlocated_match(a: Claim, b: Claim, same_admin1: bool) -> bool:
    """Unlocated events fuse only with unlocated ones (a country-wide report is not evidence
    about one town), and only when something places them both: the same admin1 or the same
    words for the place. Measured on UCDP, "somewhere in Ukraine, that day" fused 17 events."""
    if a.lat is not None or b.lat is not None or not same_admin1:
        return False
    if a.admin1 is not None and b.admin1 is not None:
        return True
    ta, tb = _fold(a.record.get("location_text")), _fold(b.record.get("location_text"))
    return ta is not None and ta == tb


def _place_km(a: Claim, b: Claim) -> float | None:
    """Distance-like gap between two coded places, None when they cannot be one place."""
    same_admin1 = a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return 0.0 if _unlocated_match(a, b, same_admin1) else None
    km = _km(a.lat, a.lon, b.lat, b.lon)
    precision = max(a.record.get("geo_precision") or 2, b.record.get("geo_precision") or 2)
    if precision == 1:
        an, bn = _fold(a.record.get("location")), _fold(b.record.get("location"))
        limit = KM_OTHER_NAME if an and bn and an != bn else KM_SAME_NAME
        return km if km <= limit else None
    if precision == 2:
        return km if km <= KM_NEAR and same_admin1 else None
    if a.admin1 is not None and a.admin1 == b.admin1:
        return km
    return km if km <= KM_REGION else None


def _actor_name(value: Any) -> str | None:
    folded = _fold(value)
    return _ACTOR_DATES.sub("", folded).strip() if folded else None


def _side_gap(x: Any, y: Any) -> int | None:
    """0 same actor, 1 one side unnamed, None two different actors."""
    nx, ny = _actor_name(x), _actor_name(y)
    if nx is None or ny is None:
        return 0 if nx is None and ny is None else 1
    if nx == ny or nx.startswith(ny + " ") or ny.startswith(nx + " "):
        return 0
    return None


def _actor_gap(a: dict[str, Any], b: dict[str, Any], symmetric: bool) -> int | None:
    pairs = [(("actor1", "actor1"), ("actor2", "actor2"))]
    if symmetric:  # in a battle, which side an outlet names first is arbitrary
        pairs.append((("actor1", "actor2"), ("actor2", "actor1")))
    gaps = []
    for (ka1, kb1), (ka2, kb2) in pairs:
        g1, g2 = _side_gap(a.get(ka1), b.get(kb1)), _side_gap(a.get(ka2), b.get(kb2))
        if g1 is not None and g2 is not None:
            gaps.append(g1 + g2)
    return min(gaps) if gaps else None


def compatible(a: Claim, b: Claim) -> float | None:
    """A dissimilarity score (lower = closer) when a and b may be one happening, else None."""
    if a.doc_id == b.doc_id or a.family != b.family or a.country != b.country:
        return None
    days = _day_gap(a, b)
    if days is None:
        return None
    km = _place_km(a, b)
    if km is None:
        return None
    actors = _actor_gap(a.record, b.record, symmetric=a.family == "Battles")
    if actors is None:
        return None
    return days * 10.0 + km + actors * 2.0


def _far_apart(a: Claim, b: Claim) -> bool:
    """A cheap test that two located claims cannot be one place (before the exact one)."""
    if a.lat is None or b.lat is None or (a.admin1 is not None and a.admin1 == b.admin1):
        return False
    return abs(a.lat - b.lat) > _LAT_REJECT


def _edges(claims: list[Claim]) -> dict[tuple[int, int], float]:
    """Compatible pairs (i < j, indexes into ``claims``), found within (family, country) blocks."""
    blocks: dict[tuple[str, str | None, bool], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        blocks[(claim.family, claim.country, claim.day is None)].append(i)
    edges: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        members.sort(key=lambda i: claims[i].day or 0)
        days = [claims[i].day or 0 for i in members]
        for pos, i in enumerate(members):
            # Each claim scans its own tolerance; a pair is found by the looser of the two.
            a, tol = claims[i], claims[i].tol
            end = pos + 1
            while end < len(members) and days[end] - days[pos] <= tol:
                end += 1
            start = pos - 1
            while start >= 0 and days[pos] - days[start] <= tol:
                start -= 1
            for other in members[start + 1 : end]:
                key = (min(i, other), max(i, other))
                if other == i or key in edges or _far_apart(a, claims[other]):
                    continue
                score = compatible(a, claims[other])
                if score is not None:
                    edges[key] = score
    return edges


def components(claims: list[Claim], seeds: Iterable[str]) -> list[list[Claim]]:
    """The connected components of the compatibility graph that contain a seed claim id."""
    claims = sorted(claims, key=lambda c: c.claim_id)
    index = {c.claim_id: i for i, c in enumerate(claims)}
    adjacency: dict[int, list[int]] = defaultdict(list)
    for i, j in _edges(claims):
        adjacency[i].append(j)
        adjacency[j].append(i)
    seen: set[int] = set()
    found: list[list[Claim]] = []
    for seed in sorted(set(seeds)):
        start = index.get(seed)
        if start is None or start in seen:
            continue
        stack, members = [start], []
        seen.add(start)
        while stack:
            node = stack.pop()
            members.append(node)
            for nxt in adjacency[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        found.append([claims[i] for i in sorted(members)])
    return found


def cluster(claims: list[Claim]) -> list[list[Claim]]:
    """Complete-linkage clusters of ``claims``, closest pair first, ties by claim id."""
    claims = sorted(claims, key=lambda c: c.claim_id)
    link: dict[int, dict[int, float]] = {i: {} for i in range(len(claims))}
    for (i, j), score in _edges(claims).items():
        link[i][j] = link[j][i] = score
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    heap = [(score, i, j) for i in link for j, score in link[i].items() if i < j]
    heapq.heapify(heap)
    while heap:
        score, i, j = heapq.heappop(heap)
        if i not in members or j not in members or link[i].get(j) != score:
            continue  # stale: one side was merged away or the linkage grew
        # Merge j into i (i < j keeps the smaller label); a neighbour stays linked only if
        # it was compatible with both, at the worse of the two scores.
        members[i].extend(members.pop(j))
        shared = (set(link[i]) & set(link[j])) - {i, j}
        for k in set(link[i]) | set(link[j]):
            link[k].pop(i, None)
            link[k].pop(j, None)
        new = {k: max(link[i][k], link[j][k]) for k in shared}
        link[i] = new
        del link[j]
        for k, value in new.items():
            link[k][i] = value
            heapq.heappush(heap, (value, min(i, k), max(i, k)))
    return [[claims[n] for n in sorted(group)] for _, group in sorted(members.items())]


def _stated(values: Iterable[Any]) -> list[int]:
    return [int(v) for v in values if v is not None]


def _fill_actors(record: dict[str, Any], members: list[Claim]) -> None:
    """An actor side the primary report leaves blank is taken from the first that names it."""
    for side in ("1", "2"):
        if record.get(f"actor{side}") is not None:
            continue
        donor = next((c.record for c in members if c.record.get(f"actor{side}")), None)
        if donor is None:
            continue
        for key in (f"actor{side}", f"assoc_actor_{side}", f"inter{side}"):
            record[key] = donor.get(key)
    codes = sorted(c for c in (record.get("inter1"), record.get("inter2")) if c is not None)
    if len(codes) == 2:
        record["interaction"] = codes[0] * 10 + codes[1]
    elif codes and record.get("actor2") is None:
        record["interaction"] = codes[0] * 10


def _merge_weapons(members: list[Claim]) -> list[dict[str, Any]]:
    weapons: dict[str, dict[str, Any]] = {}
    for claim in members:
        for weapon in claim.record.get("weapons") or []:
            weapons.setdefault(str(weapon.get("type", "")).casefold(), dict(weapon))
    return list(weapons.values())


def _source_entry(claim: Claim) -> dict[str, Any]:
    rec = claim.record
    return {
        "doc_id": claim.doc_id,
        "url": claim.url,
        "source": claim.source or rec.get("source"),
        "published": claim.published,
        "evidence": rec.get("evidence") or [],
        "fatalities": claim.fatalities,
        "injuries": rec.get("injuries"),
        "certainty": rec.get("certainty"),
        "attribution": rec.get("attribution") or [],
    }


def merge_claims(members: list[Claim]) -> dict[str, Any]:
    """The stored record of one cluster (``updated_at`` is left to the store).

    The smallest member id is the event's id and its report the primary one (doc_id, evidence,
    notes, certainty); the most precise place and date among the members win; fatalities follow
    ACLED: the lowest figure any source states, 0 if none states one.
    """
    members = sorted(members, key=lambda c: c.claim_id)
    primary = members[0]
    record = {name: primary.record.get(name) for name in EVENT_FIELDS}
    record["event_id"] = primary.claim_id
    record["doc_id"] = primary.doc_id
    place = min(members, key=lambda c: (c.record.get("geo_precision") or 9, c.claim_id))
    record.update({k: place.record.get(k) for k in _PLACE_FIELDS})
    when = min(
        members,
        key=lambda c: (
            c.record.get("event_date") is None,
            c.record.get("time_precision") or 9,
            c.record.get("event_date") or "",
            c.claim_id,
        ),
    )
    record.update({k: when.record.get(k) for k in _DATE_FIELDS})
    _fill_actors(record, members)
    if record.get("civilian_targeting") is None:
        record["civilian_targeting"] = next(
            (c.record["civilian_targeting"] for c in members if c.record.get("civilian_targeting")),
            None,
        )
    tolls = _stated(c.fatalities for c in members)
    injuries = _stated(c.record.get("injuries") for c in members)
    record["fatalities"] = min(tolls) if tolls else 0
    record["injuries"] = min(injuries) if injuries else None
    record["weapons"] = _merge_weapons(members)
    cited = [c.record.get("source") or c.source for c in members]
    record["source"] = "; ".join(dict.fromkeys(s for s in cited if s)) or None
    record["updated_at"] = None
    sources = sorted(members, key=lambda c: (c.published or "", c.doc_id))
    record["sources"] = [_source_entry(c) for c in sources]
    record["n_sources"] = len(members)
    record["fatalities_max"] = max(tolls) if tolls else 0
    return record
