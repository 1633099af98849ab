"""The seed article gives what ../shared/corpus/seed/README.md lists (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwire import Pipeline
from conflictwire.records import Document, Event

SHELLING = "Shelling/artillery/missile attack"


@pytest.fixture(scope="module")
def seed(seed_article: Path, pipeline: Pipeline) -> tuple[Document, list[Event]]:
    text = seed_article.read_text(encoding="utf-8")
    doc = Document(doc_id=str(seed_article), text=text, published="2022-06-26")
    return doc, pipeline.process(doc).events


def _geocoder_ready(pipeline: Pipeline) -> bool:
    return any(m.place is not None for m in pipeline.geocoder.geoparse("Kiev and Severodonetsk"))


def _quoting(events: list[Event], phrase: str) -> list[Event]:
    return [e for e in events if any(phrase in s.text for s in e.evidence)]


def test_seed_has_four_events_with_exact_evidence(seed: tuple[Document, list[Event]]) -> None:
    doc, events = seed
    assert len(events) == 4
    for event in events:
        for span in event.evidence:
            assert doc.text[span.start : span.end] == span.text


def test_seed_kyiv_strike(seed: tuple[Document, list[Event]], pipeline: Pipeline) -> None:
    _, events = seed
    [kyiv] = _quoting(events, "residential building")
    assert kyiv.sub_event_type == SHELLING
    assert kyiv.event_type == "Explosions/Remote violence"
    assert (kyiv.fatalities, kyiv.injuries) == (2, 5)
    assert (kyiv.event_date, kyiv.time_precision) == ("2022-06-26", 1)
    assert (kyiv.actor1 or "").startswith("Military Forces of Russia")
    assert kyiv.actor2 == "Civilians (Ukraine)"
    assert kyiv.civilian_targeting == "Civilian targeting"
    assert kyiv.certainty == "attributed" and kyiv.attribution[0] == "CCTV News"
    assert kyiv.source == "CCTV News"
    if _geocoder_ready(pipeline):
        assert (kyiv.location, kyiv.admin1, kyiv.geo_precision) == ("Kyiv", "Kyiv City", 1)
        assert kyiv.latitude is not None and abs(kyiv.latitude - 50.45) < 0.1


def test_seed_48_missiles(seed: tuple[Document, list[Event]]) -> None:
    _, events = seed
    [launch] = _quoting(events, "48 cruise missiles")
    assert launch.sub_event_type == SHELLING
    assert (launch.actor1 or "").startswith("Military Forces of Russia")
    assert {"type": "cruise missile", "count": 48} in [vars(w) for w in launch.weapons]
    assert launch.admin1 is None and launch.latitude is None and launch.geo_precision is None
    assert launch.country == "Ukraine"
    assert launch.event_date is not None and launch.event_date <= "2022-06-26"
    # "Kiev and many other places were hit" backs both strikes.
    assert _quoting(events, "many other places") and len(_quoting(events, "many other places")) == 2


def test_seed_severodonetsk_taken(seed: tuple[Document, list[Event]], pipeline: Pipeline) -> None:
    _, events = seed
    [taken] = _quoting(events, "completely controlled")
    assert taken.sub_event_type == "Non-state actor overtakes territory"
    assert (taken.actor1 or "").startswith("Military Forces of Russia")
    assert taken.time_precision == 2
    if _geocoder_ready(pipeline):
        assert taken.admin1 == "Luhansk"
        assert taken.latitude is not None and taken.longitude is not None
        assert abs(taken.latitude - 48.95) < 0.15 and abs(taken.longitude - 38.49) < 0.15


def test_seed_belarus_village(seed: tuple[Document, list[Event]]) -> None:
    _, events = seed
    [village] = _quoting(events, "Belarusian rockets")
    assert village.sub_event_type == SHELLING
    assert (village.actor1 or "").startswith("Military Forces of Belarus")
    assert village.certainty == "unconfirmed"
    assert village.admin1 is None and village.geo_precision is None
    assert village.country == "Ukraine"
    # The unnamed village keeps its description, and "70 kilometers from the capital" is not Kyiv.
    assert village.location_text is not None and "village" in village.location_text
    assert "70 kilometers away from the capital" in village.location_text
    assert village.location is None
    assert village.fatalities == 0
    assert _quoting(events, "territorial attack") == [village]


def test_seed_non_events_give_nothing(seed: tuple[Document, list[Event]]) -> None:
    _, events = seed
    for phrase in (
        "regroup in Lisichansk",
        "head-on war",
        "intercept missiles",
        "really intervenes",
        "should recognize",
    ):
        assert not _quoting(events, phrase), phrase
