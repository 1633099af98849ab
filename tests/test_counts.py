"""Casualty counts by ACLED's rules (conflictwire.events.counts)."""

from __future__ import annotations

import pytest

from conflictwire.events.counts import find_casualties, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2", 2),
        ("two", 2),
        ("a dozen", 12),
        ("7,500", 7500),
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("Dozens", 12),
        ("several", 3),
        ("", None),
        ("village", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Russian missiles hit the building, killing 2 people and injuring 5 others.", 2, 5),
        ("3 militants and 2 soldiers were killed in the clash.", 5, None),
        ("At least 4 fighters, including a commander, were killed.", 4, None),
        ("More than 10 soldiers were killed and 15 others were injured.", 10, 15),
        ("Between 6 and 9 civilians were killed.", 6, None),
        ("Several militants were killed.", 3, None),
        ("Dozens of people were killed.", 12, None),
        ("Hundreds of people died in the fighting.", 100, None),
        ("Two civilians were killed and one was injured.", 2, 1),
        ("The gunman shot and killed a trader, a father of four, near the market.", 1, None),
        ("Four killed, 11 wounded in shelling of Kharkiv.", 4, 11),
        ("Ukrainian soldier killed in Donbas.", 1, None),
        ("A 63-year-old woman was wounded by shrapnel.", None, 1),
        ("The clash left 3 soldiers dead.", 3, None),
        ("The attackers claimed to have killed 9 guards and 4 others were injured.", 9, 4),
    ],
)
def test_killed_and_injured_are_kept_apart(
    text: str, killed: int | None, injured: int | None
) -> None:
    found = find_casualties(text)
    assert (found.fatalities, found.injuries) == (killed, injured)


def test_population_is_not_a_toll() -> None:
    found = find_casualties("About 7,500 people live in the village, 70 kilometers from Kyiv.")
    assert found.fatalities is None
    assert found.spans == []


def test_no_casualties_is_zero_and_unknown_is_none() -> None:
    assert find_casualties("There were no casualties.").fatalities == 0
    assert find_casualties("Casualties unknown.").fatalities is None
    assert find_casualties("The strike caused casualties.").fatalities is None
    assert find_casualties("No one was hurt.").injuries == 0


def test_press_release_killed_and_detained() -> None:
    text = (
        "During a security operation in Andar district, Ghazni province, yesterday, an Afghan "
        "and coalition force killed two insurgents and detained three suspected insurgents."
    )
    found = find_casualties(text)
    assert (found.fatalities, found.detained) == (2, 3)


def test_every_death_counts_once_across_sentences() -> None:
    text = "Two civilians were killed in the strike. The driver later died in hospital."
    assert find_casualties(text).fatalities == 3


def test_second_source_figure_keeps_the_lowest() -> None:
    text = "At least 12 people were killed. Local officials said 20 people were killed."
    assert find_casualties(text).fatalities == 12


def test_unknown_number_counts_three_once() -> None:
    text = (
        "Several fighters were killed. An unknown number of fighters were killed and "
        "wounded. Unspecified number of fatalities coded as 3."
    )
    assert find_casualties(text).fatalities == 3


def test_bookkeeping_split_and_total() -> None:
    split = (
        "At least 10 people were killed. "
        "10 fatalities split across 2 events and coded as 5 for this event."
    )
    assert find_casualties(split).fatalities == 5
    total = "2 soldiers were killed. Total fatalities coded as 7 (2 soldiers and 5 fighters)."
    assert find_casualties(total).fatalities == 7
    shared = "One rebel was killed [1 fatality split among 9 events]."
    assert find_casualties(shared).fatalities == 0


def test_happening_coded_separately_is_not_counted() -> None:
    text = "Traders protested in the town after soldiers killed two drivers (coded separately)."
    assert find_casualties(text).fatalities is None


def test_the_killing_is_a_noun_not_a_count() -> None:
    text = "A policeman shot and killed a man. The motive for the killing is unknown."
    assert find_casualties(text).fatalities == 1


def test_detained_and_spans() -> None:
    text = "Police arrested 14 protesters and detained two journalists."
    found = find_casualties(text)
    assert found.detained == 16
    assert found.fatalities is None
    assert all(0 <= s < e <= len(text) for s, e in found.spans)
    assert any(text[s:e] == "arrested" for s, e in found.spans)


def test_headlines_restating_a_toll_count_it_once() -> None:
    text = "Seven soldiers killed in the east.\nSeven troops die in worst clashes in months."
    assert find_casualties(text).fatalities == 7


def test_unknown_dead_and_lists_before_a_participle() -> None:
    assert find_casualties("A missile hit the hotel, there are dead.").fatalities == 3
    assert find_casualties("There were no fatalities.").fatalities == 0
    assert find_casualties("Five troops, 19 civilians, killed in the east.").fatalities == 24


def test_an_ordinal_death_adds_to_the_running_toll() -> None:
    text = (
        "Russian forces shelled the town on Monday, killing three civilians, the governor said. "
        "A fourth civilian died in hospital on Tuesday, according to local authorities."
    )
    assert find_casualties(text).fatalities == 4
    assert find_casualties("Two were killed. A third died in hospital.").fatalities == 3
    more = "Two civilians were killed, police said. Two more people died later, officials said."
    assert find_casualties(more).fatalities == 4


def test_a_revised_toll_replaces_the_first_but_a_running_total_does_not() -> None:
    revised = "Five people were killed. Two of the wounded died, bringing the death toll to seven."
    assert find_casualties(revised).fatalities == 7
    running = "A blast killed 3 soldiers, bringing the death toll since January to 40."
    assert find_casualties(running).fatalities == 3
    # A second source's figure for the same toll is still a rival: the lowest wins.
    rival = "Two civilians were killed, police said. According to local media, five were killed."
    assert find_casualties(rival).fatalities == 2


def test_claimed_enemy_losses_are_deaths() -> None:
    assert find_casualties("Forces eliminated 40 Russians and four tanks.").fatalities == 40
    assert find_casualties("The army lost up to 60 servicemen in a day.").fatalities == 60
    assert find_casualties("Two KIA, one WIA in the past day.").fatalities == 2
