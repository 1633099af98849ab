"""Unit tests of the event stage's parts: taxonomy, triggers, modality, attribution, coding."""

from __future__ import annotations

import pytest

from conflictwire.events.candidates.modality import is_irrealis
from conflictwire.events.candidates.triggers import find_triggers, note_label
from conflictwire.events.classify.coding import (
    between_parties,
    ordinary_arrest,
    resolve_sub_type,
    territory_told,
)
from conflictwire.events.classify.taxonomy import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    disorder_type,
    pick_sub_type,
)
from conflictwire.events.fields.attribution import AttributionTracker
from conflictwire.events.fields.support import ActorRef
from conflictwire.events.fields.weapons import find_weapons


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from conflictwire.nlp import load_nlp

    return load_nlp()


def test_taxonomy_has_acled_six_types_and_25_subtypes() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert disorder_type("Peaceful protest") == "Demonstrations"
    assert disorder_type("Arrests") == "Strategic developments"
    assert disorder_type("Air/drone strike") == "Political violence"


def test_precedence_battle_over_shelling_and_air_over_shelling() -> None:
    assert pick_sub_type(["Shelling/artillery/missile attack", "Armed clash"]) == "Armed clash"
    assert (
        pick_sub_type(["Shelling/artillery/missile attack", "Air/drone strike"])
        == "Air/drone strike"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russian forces shelled the village", "Shelling/artillery/missile attack"),
        ("the army conducted an airstrike on the camp", "Air/drone strike"),
        ("an IED exploded on the road", "Remote explosive/landmine/IED"),
        ("sappers defused a landmine", "Disrupted weapons use"),
        ("police arrested three men", "Arrests"),
        ("hundreds protested outside parliament", "Peaceful protest"),
    ],
)
def test_triggers_find_acled_cues(text: str, kind: str) -> None:
    assert kind in {t.kind for t in find_triggers(text)}


def test_air_raid_alert_is_not_a_strike() -> None:
    assert "Air/drone strike" not in {
        t.kind for t in find_triggers("Air raid alerts sounded across the country")
    }


def test_note_label_fixes_strategic_development() -> None:
    assert (
        note_label("Interception: On 3 May 2024, forces shot down a drone.")
        == "Disrupted weapons use"
    )
    assert note_label("Movement of forces: On 3 May, troops arrived.") == "Change to group/activity"
    assert note_label("On 3 May 2024, forces shelled a town.") is None


@pytest.mark.parametrize(
    ("sentence", "word", "irrealis"),
    [
        ("Ukraine plans to launch a counterattack against Russia.", "counterattack", True),
        ("If the army attacks the city, many will die.", "attacks", True),
        ("The government should stop the shelling of towns.", "shelling", True),
        ("The rebels did not attack the base.", "attack", True),
        ("Russian forces shelled the town on Monday.", "shelled", False),
        ("Al Shabaab claimed to have killed three soldiers.", "killed", False),
        ("The leader warned of terror as two people were killed in clashes.", "killed", False),
        ("Police arrested a man suspected of planning attacks on the base.", "attacks", True),
    ],
)
def test_modality(nlp, sentence: str, word: str, irrealis: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    assert is_irrealis(tok, next(iter(doc.sents))) is irrealis


def test_attribution_named_hedged_and_anaphoric() -> None:
    tracker = AttributionTracker()
    tracker.new_paragraph()
    first = tracker.read(
        "According to CCTV news reports, a blast hit the city.", first_in_paragraph=True
    )
    assert (first.certainty, first.sources) == ("attributed", ["CCTV News"])
    later = tracker.read("The news pointed out that two people died.", first_in_paragraph=False)
    assert later.sources == ["CCTV News"]
    tracker.new_paragraph()
    hedged = tracker.read("According to reports, a village was shelled.", first_in_paragraph=True)
    assert hedged.certainty == "unconfirmed"
    tracker.new_paragraph()
    plain = tracker.read("Reportedly, the convoy was ambushed.", first_in_paragraph=True)
    assert plain.certainty == "unconfirmed"


def test_generic_attack_is_coded_from_its_target() -> None:
    rebels = ActorRef(0, 1, "x", "Al Shabaab", 2)
    army = ActorRef(0, 1, "y", "Military Forces of Somalia", 1)
    civilians = ActorRef(0, 1, "z", "Civilians (Somalia)", 7)
    text = "the militants attacked"
    assert resolve_sub_type(["~attack"], rebels, civilians, text, "Somalia") == "Attack"
    assert resolve_sub_type(["~attack"], rebels, army, text, "Somalia") == "Armed clash"


def test_territory_depends_on_who_gains() -> None:
    own = ActorRef(0, 1, "x", "Military Forces of Somalia", 1)
    rebels = ActorRef(0, 1, "y", "Al Shabaab", 2)
    kinds = ["Non-state actor overtakes territory"]
    assert resolve_sub_type(kinds, own, rebels, "", "Somalia") == "Government regains territory"
    assert (
        resolve_sub_type(kinds, rebels, own, "", "Somalia") == "Non-state actor overtakes territory"
    )


def test_weapons_with_counts() -> None:
    found = {
        w.type: w.count for w in find_weapons("Russia launched 48 cruise missiles and two drones")
    }
    assert found == {"cruise missile": 48, "drone": 2}


@pytest.mark.parametrize(
    "text",
    [
        "Last week the selectmen agreed to allocate $4,500 to hire an engineer.",
        "The city had a lease agreement with a tea company.",
        "A conference committee agreed Thursday on a state budget.",
    ],
)
def test_an_agreement_without_conflict_parties_is_none_of_acled_s(text: str) -> None:
    assert not between_parties(text, None, None)
    residents = ActorRef(0, 1, "residents", "Civilians (United States)", 7)
    assert not between_parties(text, residents, None)  # civilians are no party to a conflict


def test_an_agreement_of_conflict_parties_or_about_the_conflict_is() -> None:
    assert between_parties("The two sides agreed a 48-hour truce in three towns.", None, None)
    assert between_parties("Elders of the two clans signed a pact at Tolofe.", None, None)
    group = ActorRef(0, 10, "Al Shabaab", "Al Shabaab", 2)
    assert between_parties("Al Shabaab reached an agreement with the elders.", group, None)


@pytest.mark.parametrize(
    "text",
    [
        "A Paris man was arrested Sunday on five counts of rape of a child.",
        "Two men were arrested after deputies with the sheriff's office seized a meth lab.",
        "He was arrested at a traffic stop on an outstanding warrant and held on $5,000 bail.",
    ],
)
def test_an_arrest_for_ordinary_crime_is_police_work(text: str) -> None:
    assert ordinary_arrest(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested an opposition activist on drug charges his party calls fabricated.",
        "The force detained two suspected insurgents and seized 50 kilograms of opium.",
        "Troops stopped a car and seized heroin, two rockets and a rifle; four men were held.",
        "Ten supporters of the ruling Party were arrested at the march in March.",
        "Police arrested 40 people outside parliament.",  # no charge named: not ruled out
    ],
)
def test_an_arrest_with_a_political_side_or_no_charge_stays(text: str) -> None:
    assert not ordinary_arrest(text)


def test_territory_needs_a_place_changing_hands() -> None:
    raid = (
        "During an operation in Chak district, Wardak province, last night, an Afghan and "
        "coalition security force killed two insurgents and detained three others."
    )
    assert not territory_told(raid)
    assert territory_told("Somali forces pushed al-Shabaab out of two villages.")
    assert territory_told("Rebels now control the town after government troops fled.")
    assert territory_told("The army retook the airport on Sunday.")
