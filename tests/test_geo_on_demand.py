"""Geocoding what events need (issue 18): a document with no happening is not geocoded,
and one with a happening gets the same events as when every document was geocoded."""

from __future__ import annotations

from typing import Any

from conflictwire import Document, Pipeline
from conflictwire.geo import get_geocoder


class CountingGeocoder:
    """The real geocoder, counting the texts it is asked to geoparse."""

    def __init__(self) -> None:
        self.inner = get_geocoder()
        self.calls = 0

    def geoparse(self, text: str) -> Any:
        self.calls += 1
        return self.inner.geoparse(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


QUIET = Document(
    "quiet",
    "SPRINGFIELD -- The county board met on Tuesday in Springfield to discuss road repairs. "
    "Members said the budget for the bridge on Main Street would be settled next month.",
    published="2024-05-07",
)
ATTACK = Document(
    "attack",
    "Gunmen attacked a police post near Kismayo on Monday, killing three officers, a "
    "regional official said. The attackers fled toward the Juba valley.",
    published="2024-05-07",
)


def test_a_document_that_tells_no_happening_is_not_geocoded() -> None:
    spy = CountingGeocoder()
    pipeline = Pipeline(geocoder=spy, prefilter=False, learned=False)  # type: ignore[arg-type]
    assert pipeline.process(QUIET, now="t").events == []
    assert spy.calls == 0


def test_a_document_that_tells_one_is_geocoded_and_placed() -> None:
    spy = CountingGeocoder()
    pipeline = Pipeline(geocoder=spy, prefilter=False, learned=False)  # type: ignore[arg-type]
    events = pipeline.process(ATTACK, now="t").events
    assert spy.calls >= 1
    assert events and events[0].country == "Somalia"
    assert events[0].location == "Kismayo"
