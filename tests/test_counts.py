"""Casualty counts by ACLED's rules (conflictwire.events.fields.counts)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conflictwire.events.fields.counts import UNKNOWN_SOME, find_casualties, parse_number
from conflictwire.records import Document


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


# Military press releases (issue 6): people are counted once however often the release names
# them, and only people are counted.


@pytest.mark.parametrize(
    ("text", "detained"),
    [
        # "one of whom" picks one of the couple out; it adds no one.
        (
            "A joint force detained a couple of militants in Zabul province today, one of "
            "whom was a wanted arms facilitator.",
            2,
        ),
        ("The force detained two insurgents, including a Haqqani Network sub-commander.", 2),
        (
            "The force detained 15 suspected insurgents, including a facilitator and two couriers.",
            15,
        ),
        ("Police in Kunduz arrested a Taliban leader and two of his associates.", 3),
        ("The patrol captured a Taliban facilitator, detained another suspect and left.", 2),
        ("The assault force detained the cell leader along with two of his associates.", 3),
        ("The leader and his driver were detained at a checkpoint.", 2),
        ("The wounded insurgent was detained and treated by medics.", 1),
        ("The security force detained Haji Younus and two other suspects.", 3),
    ],
)
def test_detained_in_one_sentence(text: str, detained: int) -> None:
    assert find_casualties(text).detained == detained


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The force engaged the individual and killed him.", 1),
        ("An Afghan and coalition force killed the Taliban leader, Gul Mohammad.", 1),
        ("The patrol killed a senior Taliban commander near Qalat.", 1),
        ("The force fired, killing the man after he ran at the security force.", 1),
        ("The security force killed the two insurgents.", 2),
        ("An air strike yesterday killed Mullah Rahim, a senior Haqqani Network leader.", 1),
        ("The patrol killed a Taliban leader and three fighters.", 4),
        ("The force killed the insurgents.", UNKNOWN_SOME),
        # One man, whatever his name ends with.
        ("The force killed Taliban sub-commander Qari Idris in Nawa district.", 1),
        ("An air weapons team killed both insurgents.", 2),
        (
            "The patrol saw two insurgents planting a bomb. An air weapons team engaged the "
            "insurgents, killing both.",
            2,
        ),
    ],
)
def test_named_pronoun_and_definite_victims(text: str, killed: int) -> None:
    assert find_casualties(text).fatalities == killed


def test_several_more_adds_to_several() -> None:
    text = (
        "The troops engaged, killing several insurgents. Later, the troops fired on a second "
        "position, resulting in several more insurgents being killed."
    )
    assert find_casualties(text).fatalities == 2 * UNKNOWN_SOME


def test_multiple_and_dozens_follow_acled() -> None:
    text = "The force killed multiple insurgents and detained dozens of suspected insurgents."
    found = find_casualties(text)
    assert (found.fatalities, found.detained) == (UNKNOWN_SOME, 12)


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # The same people told again add no one.
        (
            "An Afghan and coalition force detained two insurgents, including a commander, "
            "Sunday. After the area was secure, the force detained the commander and one of "
            "his associates.",
            "detained",
            2,
        ),
        (
            "A joint force detained two insurgents, including a commander, on Monday. After a "
            "short search, the force detained the commander.",
            "detained",
            2,
        ),
        (
            "The force detained two suspects. After questioning, the force detained them.",
            "detained",
            2,
        ),
        # "The suspect" refers back to "a suspected bomb maker".
        (
            "Police arrested a suspected bomb maker. The suspect was detained after he fled.",
            "detained",
            1,
        ),
        (
            "Troops killed five insurgents and captured one near Lashkar Gah on Monday. One "
            "wounded fighter was captured after the firefight.",
            "detained",
            1,
        ),
        # Someone new is still added: "the assailant" was never counted before.
        (
            "A soldier shot and killed his commander at a checkpoint. The assailant was shot "
            "and killed by guards.",
            "fatalities",
            2,
        ),
        ("The force detained two men. The force also detained the facilitator.", "detained", 3),
        (
            "The patrol killed two insurgents. Later, the patrol killed another insurgent.",
            "fatalities",
            3,
        ),
    ],
)
def test_people_told_again_or_anew(text: str, kind: str, count: int) -> None:
    assert getattr(find_casualties(text), kind) == count


def test_a_title_sums_up_the_story() -> None:
    titled = (
        "Feb. 3: Taliban Leader Killed in Kandahar\n"
        "A combined force killed the Taliban leader and two insurgents in Kandahar province."
    )
    assert find_casualties(titled).fatalities == 3
    active = (
        "Coalition Forces Kill Taliban Commander in Zabul\n"
        "A combined force killed a Taliban commander in Zabul province today."
    )
    assert find_casualties(active).fatalities == 1
    both = (
        "Dec. 5: Two Insurgents Killed, Three Detained in Helmand\n"
        "The force killed two insurgents and detained three suspects in Helmand province."
    )
    found = find_casualties(both)
    assert (found.fatalities, found.detained) == (2, 3)
    # Alone, a title still tells its figure.
    assert find_casualties("Insurgent leader detained, two killed in raid").detained == 1


def test_deaths_of_and_background_deeds() -> None:
    assert find_casualties("The raid resulted in the deaths of 12 insurgents.").fatalities == 12
    confirmed = "Officials confirmed the death of Mullah Nasir, a senior Taliban commander."
    assert find_casualties(confirmed).fatalities == 1
    # What a killed or detained man had done before is no toll of this event.
    text = (
        "The force killed Mullah Nasir in Arghandab. He was responsible for a bombing which "
        "killed four policemen last year and for the deaths of several civilians."
    )
    assert find_casualties(text).fatalities == 1
    assert find_casualties("Prior to his death, Nasir planned attacks.").fatalities is None


def test_running_totals_of_a_period_are_no_toll() -> None:
    text = (
        "The force detained two suspects in Arghandab. Since the start of the month, Afghan and "
        "coalition forces have killed or captured more than 30 Taliban leaders in Kandahar."
    )
    found = find_casualties(text)
    assert (found.fatalities, found.detained) == (None, 2)
    past = (
        "The patrol killed one insurgent. In the past week, coalition forces have killed 45 "
        "insurgents and detained 120 suspects across the south."
    )
    found = find_casualties(past)
    assert (found.fatalities, found.detained) == (1, None)
    # A day's report is the event itself.
    today = "Since the beginning of the day, 20 servicemen have died in battles near the town."
    assert find_casualties(today).fatalities == 20


def test_a_stated_total_replaces_the_parts() -> None:
    text = (
        "The patrol killed two insurgents. An air strike killed three more. In total, five "
        "insurgents were killed."
    )
    assert find_casualties(text).fatalities == 5


def test_no_harm_is_zero_and_keeps_a_toll_told_elsewhere() -> None:
    assert find_casualties("No shots were fired and no one was injured.").injuries == 0
    unharmed = find_casualties("No civilians were harmed during the operation.")
    assert (unharmed.fatalities, unharmed.injuries) == (0, 0)
    for text in (
        "The patrol killed two insurgents. No civilians were harmed.",
        "No civilians were harmed in the operation. The patrol killed two insurgents.",
    ):
        assert find_casualties(text).fatalities == 2


@pytest.mark.parametrize(
    "text",
    [
        "A force of more than 1,000 soldiers and policemen ended the operation in Logar.",
        "The force seized 1,400 rounds of ammunition and three rocket-propelled grenades.",
        "The force captured three rocket-propelled grenades and 20 kilograms of opium.",
        "The force concluded a five day operation in Baraki Barak district.",
    ],
)
def test_figures_of_things_are_no_count(text: str) -> None:
    found = find_casualties(text)
    assert (found.fatalities, found.injuries, found.detained) == (None, None, None)


def test_things_beside_people_are_left_out() -> None:
    text = (
        "The force captured two insurgents, 1,400 rounds of ammunition and three "
        "rocket-propelled grenades, and killed an insurgent during a five day operation."
    )
    found = find_casualties(text)
    assert (found.fatalities, found.detained) == (1, 2)


def _releases() -> list[dict[str, Any]]:
    path = Path(__file__).parent / "fixtures" / "counts_press_releases.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


@pytest.mark.parametrize("release", _releases(), ids=lambda r: str(r["id"]))
def test_whole_press_releases(release: dict[str, Any]) -> None:
    found = find_casualties(release["text"])
    expected = (release["killed"], release["injured"], release["detained"])
    assert (found.fatalities, found.injuries, found.detained) == expected, release["note"]


def test_press_releases_through_the_pipeline(pipeline: Any) -> None:
    for release in _releases():
        result = pipeline.process(Document(doc_id=release["id"], text=release["text"]))
        killed = max((e.fatalities for e in result.events), default=0)
        assert killed == (release["killed"] or 0), release["id"]
        tags = " ".join(e.tags or "" for e in result.events)
        detained = {int(n) for n in re.findall(r"\bdetained=(\d+)", tags)}
        assert detained == ({release["detained"]} if release["detained"] else set()), release["id"]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("One soldier was killed in the shelling. One civilian was killed by the same shell.", 2),
        ("Two soldiers were killed. Two civilians were also killed.", 4),
        ("Seven troops were killed in the attack. Seven soldiers died, the ministry said.", 7),
    ],
)
def test_same_figure_of_other_people_adds(text: str, killed: int) -> None:
    assert find_casualties(text).fatalities == killed


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Two of his associates surrendered and were detained.", "detained", 2),
        ("Three soldiers fought back and were wounded.", "injuries", 3),
    ],
)
def test_subject_of_two_verbs(text: str, kind: str, value: int) -> None:
    found = find_casualties(text)
    assert {"detained": found.detained, "injuries": found.injuries}[kind] == value


def test_the_men_detained_again_are_no_more_people() -> None:
    text = (
        "A force detained three militants in Wardak province last night. The men were detained "
        "without incident."
    )
    assert find_casualties(text).detained == 3


def test_a_definite_kill_does_not_swallow_new_detentions() -> None:
    text = "Two insurgents were killed. The force killed the insurgents and detained two suspects."
    found = find_casualties(text)
    assert (found.fatalities, found.detained) == (2, 2)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A deed told of a leader's group is no toll: attacks are not people.
        ("The commander led a cell who planned and executed attacks against the district.", None),
        ("Gunmen executed two prisoners on Monday.", 2),
        # "confirmed the death of X following a strike": X is one, whatever follows the name.
        ("Forces today confirmed the death of Taliban leader Gul Agha following an airstrike.", 1),
        # A running total told in the perfect, a second verb before the count: not this toll.
        ("Afghan forces have captured or killed more than 60 leaders since March.", None),
        # A man's rank in a running total is no toll of this happening.
        ("Gul Agha is one of more than 40 insurgents killed since the start of the year.", None),
        ("Nasir was the fifth Taliban leader captured or killed in the district this month.", None),
        # A clause ending in its verb is no part of the next subject; a name is one person.
        ("A gunfight followed, and Nasir and his guard were both killed.", 2),
        ("Two soldiers and Ivan Petrenko were killed.", 3),
        # A place after its preposition is no person ("In Kharkiv, one man died").
        ("In Kherson, one person was killed and three injured in shelling.", 1),
        # A crew of unknown size is some (ACLED: 3), and "the ... planners" are those counted.
        ("A Taliban rocket team was killed by an air strike in Zabul province.", 3),
        ("Forces killed a number of bombers. A blast killed the suicide attack planners.", 3),
    ],
)
def test_deeds_deaths_confirmed_and_running_totals(text: str, killed: int | None) -> None:
    assert find_casualties(text).fatalities == killed
