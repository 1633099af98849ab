"""Press-release headers and datelines: the dateline's day, where the header ends, and the
event days that words under the dateline ("yesterday", "Sunday") give."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conflictwire import Pipeline
from conflictwire.clean.cleaner import build_analysis, clean_document
from conflictwire.clean.dateline import find_dateline, read_dateline
from conflictwire.events.fields.dates import find_event_date
from conflictwire.events.fields.places import dateline_end
from conflictwire.records import CleanedText, Document, Place, PlaceMention

from .events_fakes import FakeGeocoder

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "press_dates" / "releases.json"
RELEASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
IDS = [case["id"] for case in RELEASES]

_PROVINCES = [
    "Kabul",
    "Paktiya",
    "Helmand",
    "Paktika",
    "Wardak",
    "Kunduz",
    "Logar",
    "Kandahar",
    "Baghlan",
    "Uruzgan",
    "Farah",
]
_PROVINCE = re.compile(r"\b(" + "|".join(_PROVINCES) + r")\b", re.IGNORECASE)


class _ProvinceGeocoder(FakeGeocoder):
    """Knows the provinces only, "KABUL" of the dateline included, so a dateline city taken
    for the scene would show."""

    def geoparse(self, text: str) -> list[PlaceMention]:
        found = []
        for m in _PROVINCE.finditer(text):
            name = m.group(1).title()
            place = Place(name, 0.0, 0.0, country="Afghanistan", admin1=name, kind="admin1")
            found.append(PlaceMention(m.start(), m.end(), m.group(0), place))
        return found


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(geocoder=_ProvinceGeocoder())  # type: ignore[arg-type]


@pytest.mark.parametrize("case", RELEASES, ids=IDS)
def test_dateline_day_and_end_without_a_publication_day(case: dict[str, Any]) -> None:
    text = case["text"]
    found = read_dateline(text)
    assert found is not None
    assert found.date == case["dateline"]
    assert found.end == text.index(case["body"])  # the header ends where the story starts
    assert text[found.start : found.start + 5].upper() in ("KABUL", "WASHI")


@pytest.mark.parametrize("case", RELEASES, ids=IDS)
def test_event_day_is_read_against_the_dateline(case: dict[str, Any]) -> None:
    found = find_event_date(case["text"], published=None)
    assert found is not None
    assert (found.date, found.precision) == (case["event_date"], case["precision"])
    assert found.start >= case["text"].index(case["body"])  # never a header's date


@pytest.mark.parametrize("case", RELEASES, ids=IDS)
def test_cleaned_text_keeps_the_dateline(case: dict[str, Any]) -> None:
    doc = Document(doc_id=case["id"], text=case["text"], language="en")
    cleaned = clean_document(doc)
    assert cleaned.dateline_date == case["dateline"]
    end = dateline_end(cleaned.analysis)
    assert cleaned.to_original(end, end)[0] == case["text"].index(case["body"])


@pytest.mark.parametrize("case", RELEASES, ids=IDS)
def test_events_come_from_the_body_on_the_right_day(pipe: Pipeline, case: dict[str, Any]) -> None:
    text = case["text"]
    events = pipe.process(Document(doc_id=case["id"], text=text, language="en")).events
    assert events
    body = text.index(case["body"])
    for event in events:
        assert all(span.start >= body for span in event.evidence), event.evidence
        assert all(text[s.start : s.end] == s.text for s in event.evidence)
        assert event.location != "Kabul"  # where the release was filed, not the scene
        assert event.event_date == case["event_date"]
    first = events[0]
    day_words = find_event_date(text, published=None)
    assert day_words is not None
    if any(s.start <= day_words.start < s.end for s in first.evidence):
        assert first.time_precision == case["precision"]


def test_year_less_dateline_prefers_the_header_year_to_the_publication_day() -> None:
    text = "2009-11-CA-031\nFor Immediate Release\n\nKABUL, Afghanistan (Nov. 20) - A patrol."
    assert find_dateline(text, "2011-06-01") == "2009-11-20"
    # A reference number of December and a dateline of January: the next year.
    rolled = text.replace("2009-11", "2009-12").replace("Nov. 20", "Jan. 3")
    assert find_dateline(rolled, None) == "2010-01-03"
    # With no header year, the publication day decides, as for a wire story.
    bare = "KABUL, Afghanistan (Nov. 20) - A patrol."
    assert find_dateline(bare, "2011-06-01") == "2010-11-20"
    assert find_dateline(bare, None) is None
    assert read_dateline(bare) is not None  # its end is still known


@pytest.mark.parametrize(
    "text",
    [
        # A dated title with no city set off by a comma or a parenthesis is no dateline.
        "Evening Operational Update March 7, 2011\n\nTroops came under fire today.",
        # A sentence opening with a preposition.
        "On June 26 - officials said - shelling hit the town.",
        # A dateline-like line far below the opening.
        "Headline\n\n"
        + "Troops patrolled the district and met elders. " * 15
        + "\nKABUL, Afghanistan (Nov. 20) - More.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert read_dateline(text) is None
    assert dateline_end(text) == 0


@pytest.mark.parametrize(
    ("text", "day", "body"),
    [
        ("KABUL, Afghanistan (Sept. 20, 2010)\u2014An Afghan patrol", "2010-09-20", "An Afghan"),
        ("KABUL, Afghanistan (Sunday, Sept. 19, 2010) - A patrol", "2010-09-19", "A patrol"),
        ("Title\nKABUL, Afghanistan\n(Dec. 11, 2009) - A patrol", "2009-12-11", "A patrol"),
        # Header and dateline run together on one line, as some copies print them.
        (
            "2011-02-S-143 For Immediate Release KANDAHAR AIRFIELD, Afghanistan (Feb. 19) "
            "Troops fired",
            "2011-02-19",
            "Troops fired",
        ),
        (
            "EVENING UPDATE FEB. 19, 2011\n\nKABUL, Afghanistan (Feb. 19) - Troops",
            "2011-02-19",
            "Troops",
        ),
    ],
)
def test_dateline_variants(text: str, day: str, body: str) -> None:
    found = read_dateline(text)
    assert found is not None
    assert (found.date, found.end) == (day, text.index(body))


def test_title_day_is_not_the_dateline_when_a_city_dateline_follows() -> None:
    text = "May 30: Troops Repel Attack\nNEWS RELEASE\n\nKABUL, Afghanistan (May 30, 2011) - Troops"
    found = read_dateline(text)
    assert found is not None and found.start == text.index("KABUL")


@pytest.mark.parametrize(
    ("text", "analysis"),
    [
        ("Title\u2028Command\u2028\u2028KABUL - Troops", "Title\nCommand\n\nKABUL - Troops"),
        ("Title \u2028 \u2028 Body", "Title\n\nBody"),
        ("One\u2029Two", "One\n\nTwo"),
        ("One\u00a0\u2028Two", "One\nTwo"),
    ],
)
def test_line_separators_break_lines_and_offsets_stay_exact(text: str, analysis: str) -> None:
    built, offsets = build_analysis(text, [])
    assert built == analysis
    cleaned = CleanedText(original=text, analysis=built, offsets=offsets)
    for word in re.findall(r"\w+", built):
        start = built.index(word)
        assert cleaned.original_span(start, start + len(word)).text == word
