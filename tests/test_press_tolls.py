"""A press release's toll told in its lead and again in its account is counted once (issue 15).

The texts are written for this project in the style of military press releases.
"""

from __future__ import annotations

import re

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


# Two happenings; the second's wounded man dies later, told by his ordinal in its own sentence.
LATER = (
    "2011-06-S-021\nFor Immediate Release\n\n"
    "KABUL, Afghanistan (June 9, 2011) - An Afghan-led security force killed three insurgents "
    "during an operation in Nad-e Ali district, Helmand province, Wednesday.\n\n"
    "In a separate operation in Gelan district, Ghazni province, Tuesday, a coalition patrol "
    "killed one insurgent and wounded another. {later}.\n\n"
    "No civilians were harmed in either operation."
)


_SENTENCE = re.compile(r"[^\s.][^.]*\.")


def _happenings(text: str, tolls: tuple[int, int]) -> list[Event]:
    """The two happenings of ``text``, each quoting its own paragraph's sentences."""
    first, second = _events(*tolls)
    for event, start, end in (
        (first, text.index("An Afghan-led"), text.index("In a separate")),
        (second, text.index("In a separate"), text.index("No civilians")),
    ):
        event.evidence = [
            Span(m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(text, start, end)
        ]
    return [first, second]


def test_a_later_death_told_by_its_ordinal_adds_to_its_own_happening() -> None:
    for later, tolls in (
        ("A second insurgent later died of his wounds", (3, 2)),
        ("A second insurgent died of his wounds in hospital on Thursday", (3, 2)),
        ("Another insurgent later died of his wounds", (3, 2)),
    ):
        text = LATER.format(later=later)
        events = _happenings(text, tolls)
        share_release_toll(text, text.index("An Afghan-led"), events)
        assert [e.fatalities for e in events] == list(tolls), later


def test_an_ordinal_telling_the_lead_s_dead_again_adds_nothing() -> None:
    text = RELEASE.replace(
        "The security force returned fire, killing them.",
        "The security force returned fire, killing the first insurgent. A second insurgent was "
        "killed as he fled.",
    )
    lead, account = _events(2, 2)
    for event, sentences in (
        (lead, ("An Afghan and coalition",)),
        (account, ("The security force returned", "A second insurgent")),
    ):
        event.evidence = []
        for head in sentences:
            start = text.index(head)
            end = text.index(".", start) + 1
            event.evidence.append(Span(start, end, text[start:end]))
    share_release_toll(text, BODY, [lead, account])
    assert [lead.fatalities, account.fatalities] == [2, 0]


def test_an_update_s_summary_pooled_with_an_incident_lends_it_no_toll() -> None:
    summary = (
        "Several insurgents were killed and others detained by Afghan and coalition forces "
        "during separate operations in southern Afghanistan over the past 24 hours."
    )
    found = "In Zabul province, a police patrol found a cache of rockets in Shah Joy district."
    held = "The patrol also detained two suspected insurgents."
    killed = "In Helmand province, a coalition patrol killed one insurgent in Sangin district."
    text = "ISAF Joint Command Operational Update, Oct. 4, 2010\n\n" + " ".join(
        (summary, found, held, killed)
    )
    cache, fight = _events(3, 1)
    for event, sentences in ((cache, (summary, found, held)), (fight, (summary, killed))):
        event.evidence = [Span(text.index(s), text.index(s) + len(s), s) for s in sentences]
    share_release_toll(text, 0, [cache, fight])
    assert [cache.fatalities, fight.fatalities] == [0, 1]
