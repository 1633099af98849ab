"""A press release's toll told in its lead and again in its account is counted once (issue 15).

The texts are written for this project in the style of military press releases.
"""

from __future__ import annotations

from conflictwire.events.fields.release_tolls import share_release_toll
from conflictwire.records import Event, Span

RELEASE = (
    "2012-05-S-010\nFor Immediate Release\n\n"
    "KABUL, Afghanistan (May 3, 2012) - An Afghan and coalition security force killed two "
    "insurgents during an operation in Zharay district, Kandahar province, yesterday.\n\n"
    "As the force approached the compound, two armed insurgents fired on it. The security "
    "force returned fire, killing them.\n\n"
    "The force also detained three suspected insurgents."
)
BODY = RELEASE.index("An Afghan")


def _events(*tolls: int) -> list[Event]:
    return [
        Event("r", "Battles", "Armed clash", "Political violence", fatalities=toll)
        for toll in tolls
    ]


def test_the_account_s_toll_is_the_lead_s_told_again() -> None:
    events = _events(2, 2, 0)
    share_release_toll(RELEASE, BODY, events)
    assert [e.fatalities for e in events] == [2, 0, 0]


def test_tolls_within_the_stated_count_are_kept() -> None:
    events = _events(1, 1)
    share_release_toll(RELEASE, BODY, events)
    assert [e.fatalities for e in events] == [1, 1]


def test_a_story_that_is_no_release_keeps_its_tolls() -> None:
    story = RELEASE[RELEASE.index("KABUL") :].replace("(May 3, 2012)", "May 3")
    events = _events(2, 2)
    share_release_toll(story, 0, events)
    assert [e.fatalities for e in events] == [2, 2]


def test_an_update_s_summary_of_separate_operations_carries_no_toll() -> None:
    summary = (
        "Several insurgents were killed by Afghan and coalition forces during separate "
        "operations in eastern Afghanistan over the past 24 hours."
    )
    detail = "In Khost province, a patrol killed two insurgents."
    text = "ISAF Joint Command Operational Update, May 2, 2011\n\n" + summary + "\n\n" + detail
    told, own = _events(3, 2)
    told.evidence = [Span(text.index(summary), text.index(summary) + len(summary), summary)]
    own.evidence = [Span(text.index(detail), text.index(detail) + len(detail), detail)]
    share_release_toll(text, 0, [told, own])
    assert [told.fatalities, own.fatalities] == [0, 2]


def test_more_than_thirty_in_a_release_is_at_least_thirty_one() -> None:
    lead = "An air weapons team killed more than 30 insurgents in Ghaziabad district yesterday."
    text = "2011-02-S-100\nFor Immediate Release\n\n" + lead
    (event,) = _events(30)
    event.evidence = [Span(text.index(lead), len(text), lead)]
    share_release_toll(text, 0, [event])
    assert event.fatalities == 31


def test_more_than_thirty_elsewhere_keeps_acled_s_thirty() -> None:
    lead = "An air strike killed more than 30 militants in Jilib district on Monday."
    (event,) = _events(30)
    event.evidence = [Span(0, len(lead), lead)]
    share_release_toll(lead, 0, [event])
    assert event.fatalities == 30
