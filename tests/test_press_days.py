"""The day that governs a press release's happening (issue 15).

The texts are written for this project in the style of military press releases (invented
names, real provinces). A noun's own day ("Tuesday's attack"), the start of a running total
("since Dec. 1") and the day of a report ("today confirmed") do not date the happening; an
undated happening takes the day the release last named before it, else the release's own day.
"""

from __future__ import annotations

from typing import Any

import pytest

from conflictwire.clean.dateline import is_press_release
from conflictwire.events.fields.dates import find_event_date
from conflictwire.events.fields.release_days import release_day
from conflictwire.records import Document, Event

ANCHOR = "2012-06-21"  # a Thursday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The leader behind Tuesday's attack was sought today: the operation is today's.
        ("Forces detained a man linked to Tuesday's bombing in Panjwa'i district today.", 21),
        ("Forces detained a man linked to Tuesday’s bombing in Panjwa'i district today.", 21),
        # A noun's own date, in front of it or after it.
        ("The man behind the June 2 insider attack was killed in a strike Saturday.", 16),
        ("A planner of the hotel attack June 12 was killed in an airstrike Monday.", 18),
        ("The planner of the Tuesday night attack was detained yesterday.", 20),
        # The report's day gives way to the deed's.
        ("Forces today confirmed the death of a Taliban leader in a strike Sunday.", 17),
        ("ISAF confirmed today that a facilitator was detained Wednesday.", 20),
        # A running total's start is no happening's day.
        ("Forces have detained more than 40 insurgents since June 1, including two yesterday.", 20),
        # An operation told as overnight is still the night before the release.
        ("Forces detained two suspected insurgents during an overnight operation.", 20),
        # A stretch of days is coded to its first.
        ("Forces killed 12 insurgents in Kajaki district during the past two days.", 19),
        ("Strikes in the last 3 days destroyed four caches.", 18),
        # With no other day, the report's day is kept.
        ("Forces confirmed today that two insurgents were killed.", 21),
    ],
)
def test_the_day_that_governs_the_clause(text: str, day: int) -> None:
    found = find_event_date(text, published=None, anchor=ANCHOR)
    assert found is not None
    assert found.date == f"2012-06-{day:02d}"


RELEASE = (
    "2012-06-S-041\nFor Immediate Release\n\n"
    "KABUL, Afghanistan (June 21, 2012) - An Afghan and coalition security force conducted an "
    "operation to arrest a Taliban leader in Maiwand district, Kandahar province, yesterday.\n\n"
    "During the operation the security force detained three suspected insurgents.\n\n"
    "The leader supplies weapons to fighters in the district."
)


def test_an_undated_happening_takes_the_day_named_before_it() -> None:
    start = RELEASE.index("During the operation")
    body = RELEASE.index("An Afghan")
    found = release_day(RELEASE, body, start, ANCHOR)
    assert found is not None
    assert (found.date, found.precision) == ("2012-06-20", 1)


def test_with_no_day_named_a_release_s_own_day_about() -> None:
    text = RELEASE.replace(", yesterday.", ".")
    start = text.index("During the operation")
    found = release_day(text, text.index("An Afghan"), start, ANCHOR)
    assert found is not None
    assert (found.date, found.precision) == (ANCHOR, 2)


def test_a_day_later_in_its_own_sentence_counts() -> None:
    # A parse may cut the sentence at a name; the day after the cut is still its own.
    text = RELEASE.replace("conducted an operation to arrest", "killed two insurgents seeking")
    found = release_day(text, text.index("An Afghan"), text.index("An Afghan") + 5, ANCHOR)
    assert found is not None and found.date == "2012-06-20"


def test_a_confirmation_s_day_is_in_the_account_after_it() -> None:
    text = (
        "2012-06-S-050\nFor Immediate Release\n\nKABUL, Afghanistan (June 21, 2012) - ISAF "
        "confirmed the death of Mullah Rahim, a Taliban leader in Shah Wali Kot district.\n\n"
        "During a patrol Tuesday, the force came under fire and killed two insurgents."
    )
    body = text.index("ISAF")
    found = release_day(text, body, body, ANCHOR)
    assert found is not None and found.date == "2012-06-19"


def test_no_release_day_without_a_release_or_a_reference_day() -> None:
    story = "Gunmen attacked a checkpoint in Kandahar. Police detained three men."
    assert release_day(story, 0, story.index("Police"), ANCHOR) is None
    assert release_day(RELEASE, 0, RELEASE.index("During"), None) is None


@pytest.mark.parametrize(
    ("text", "release"),
    [
        ("2011-07-S-015\nFor Immediate Release\n\nIn Sayyidabad district, ...", True),
        ("ISAF Joint Command Evening Operational Update May 2, 2011\n...", True),
        ("KABUL, Afghanistan (Feb. 5) - A combined force detained two men.", True),
        ("KYIV, June 26 (Reuters) - Missiles struck the capital on Sunday.", False),
        ("LONDON (Reuters) June 5 - Police detained two men.", False),
        ("On 4 March 2024, Somali forces killed 2 Al Shabaab militants.", False),
    ],
)
def test_press_release_layout(text: str, release: bool) -> None:
    assert is_press_release(text) is release


def _events(pipeline: Any, text: str) -> list[Event]:
    events: list[Event] = pipeline.process(Document(doc_id="r", text=text, language="en")).events
    return events


def test_detentions_told_after_the_lead_keep_its_day(pipeline: Any) -> None:
    events = _events(pipeline, RELEASE)
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests, [e.sub_event_type for e in events]
    assert {e.event_date for e in events} == {"2012-06-20"}


def test_a_release_without_a_day_is_dated_to_its_own_day(pipeline: Any) -> None:
    text = RELEASE.replace(", yesterday.", ".")
    events = _events(pipeline, text)
    assert events
    assert {(e.event_date, e.time_precision) for e in events} == {(ANCHOR, 2)}


def test_a_dateline_set_off_by_a_minus_sign() -> None:
    # Some releases put a byline above the dateline and a minus sign (U+2212) after it.
    text = (
        "By Sgt. Jane Roe\nTask Force Public Affairs\n\n"
        "URUZGAN, Afghanistan (Oct. 3, 2011) \u2212 Afghan forces killed two insurgents "
        "in Chora district on Sept. 26."
    )
    found = find_event_date(text, published=None)
    assert found is not None and found.date == "2011-09-26"


def test_an_abbreviated_month_is_no_sentence_end() -> None:
    text = (
        "2011-10-S-004\nFor Immediate Release\n\nKABUL, Afghanistan (Oct. 3, 2011) - Afghan "
        "forces conducted an operation in Chora district, Sept. 26, which led to an ambush.\n\n"
        "The ambush killed four insurgents."
    )
    found = release_day(text, text.index("Afghan forces"), text.index("The ambush"), "2011-10-03")
    assert found is not None and found.date == "2011-09-26"
