"""Fusion rules alone, on hand-made claims: compatibility, complete linkage, the merged record."""

from __future__ import annotations

import itertools
from typing import Any

from conflictwire.store.fusion import Claim, cluster, compatible, components, merge_claims

BASE: dict[str, Any] = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "event_date": "2022-06-26",
    "time_precision": 1,
    "actor1": "Military Forces of Russia",
    "actor2": None,
    "country": "Ukraine",
    "admin1": "Kharkiv",
    "location": "Zolochiv",
    "latitude": 50.2797,
    "longitude": 35.9789,
    "geo_precision": 1,
    "evidence": [],
}


def claim(cid: str, doc: str | None = None, toll: int | None = None, **fields: Any) -> Claim:
    return Claim(cid, doc or f"doc-{cid}", {**BASE, **fields}, toll, source=f"outlet {cid}")


def test_same_place_same_day_is_compatible_and_scores_closer_than_a_day_apart() -> None:
    same_day = compatible(claim("a"), claim("b"))
    next_day = compatible(claim("a"), claim("c", event_date="2022-06-27"))
    assert same_day is not None and next_day is not None and same_day < next_day


def test_what_keeps_claims_apart() -> None:
    a = claim("a")
    assert compatible(a, claim("b", doc="doc-a")) is None  # one document, two events
    assert compatible(a, claim("b", event_date="2022-06-28")) is None
    assert compatible(a, claim("b", event_type="Battles", sub_event_type="Armed clash")) is None
    assert compatible(a, claim("b", actor1="Military Forces of Ukraine")) is None
    derhachi = {"location": "Derhachi", "latitude": 50.1092, "longitude": 36.1211}
    assert compatible(a, claim("b", **derhachi)) is None
    assert compatible(a, claim("b", latitude=None, longitude=None, geo_precision=None)) is None


def test_coarser_precision_widens_the_match() -> None:
    a = claim("a")
    assert compatible(a, claim("b", event_date="2022-06-24", time_precision=2)) is not None
    assert compatible(a, claim("b", event_date="2022-06-24")) is None
    # Only the region is known: coded to its capital, 45 km away, same admin1.
    region = claim("b", location="Kharkiv", latitude=49.9935, longitude=36.2304, geo_precision=3)
    assert compatible(a, region) is not None
    assert compatible(a, claim("b", actor1=None)) is not None  # a silent side is no contradiction
    assert (
        compatible(a, claim("b", actor1="Military Forces of Russia (2000-) Air Force")) is not None
    )


def test_complete_linkage_never_chains() -> None:
    # a~b (1 day), b~c (1 day), but a and c are two days apart.
    chain = [
        claim("a", event_date="2022-06-25"),
        claim("b", event_date="2022-06-26"),
        claim("c", event_date="2022-06-27"),
    ]
    (component,) = components(chain, ["a"])
    assert len(component) == 3  # connected...
    groups = cluster(chain)
    assert sorted(len(g) for g in groups) == [1, 2]  # ...but never one event


def test_clustering_ignores_input_order() -> None:
    claims = [
        claim("a"),
        claim("b", event_date="2022-06-27"),
        claim("c", event_date="2022-06-25"),
        claim("d", location="Derhachi", latitude=50.1092, longitude=36.1211),
        claim("e", location="Derhachi", latitude=50.1092, longitude=36.1211),
        claim("f"),
    ]
    expected = [[c.claim_id for c in g] for g in cluster(claims)]
    for perm in itertools.islice(itertools.permutations(claims), 0, 720, 37):
        assert [[c.claim_id for c in g] for g in cluster(list(perm))] == expected


def test_merge_follows_acled_and_keeps_every_claim() -> None:
    members = [
        claim("cw-b", toll=3, injuries=None),
        claim("cw-a", toll=2, injuries=5),
        claim("cw-c", toll=None, actor1=None, injuries=7),
    ]
    record = merge_claims(members)
    assert record["event_id"] == "cw-a" and record["doc_id"] == "doc-cw-a"
    assert record["fatalities"] == 2 and record["fatalities_max"] == 3
    assert record["injuries"] == 5
    assert record["n_sources"] == 3
    assert sorted(s["fatalities"] for s in record["sources"] if s["fatalities"]) == [2, 3]
    assert next(s for s in record["sources"] if s["doc_id"] == "doc-cw-c")["fatalities"] is None


def test_no_stated_toll_means_zero_and_blank_actor_is_filled() -> None:
    record = merge_claims([claim("a", actor2=None), claim("b", actor2="Civilians (Ukraine)")])
    assert record["fatalities"] == 0 and record["fatalities_max"] == 0
    assert record["actor2"] == "Civilians (Ukraine)"


def test_most_precise_place_and_date_win() -> None:
    vague = claim("a", geo_precision=2, event_date="2022-06-24", time_precision=2)
    exact = claim("b", geo_precision=1, event_date="2022-06-26", time_precision=1)
    record = merge_claims([vague, exact])
    assert record["geo_precision"] == 1 and record["event_date"] == "2022-06-26"
    assert record["time_precision"] == 1


def test_unlocated_reports_fuse_only_when_something_places_them() -> None:
    nowhere = {"latitude": None, "longitude": None, "geo_precision": None, "admin1": None}
    assert compatible(claim("a", **nowhere), claim("b", **nowhere)) is None  # just "Ukraine"
    in_kharkiv = {**nowhere, "admin1": "Kharkiv"}
    assert compatible(claim("a", **in_kharkiv), claim("b", **in_kharkiv)) is not None
    north = claim("a", **nowhere, location_text="a village north of the capital")
    assert (
        compatible(north, claim("b", **nowhere, location_text="A village north of the capital"))
        is not None
    )
    south = claim("b", **nowhere, location_text="a town near the southern border")
    assert compatible(north, south) is None
