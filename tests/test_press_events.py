"""Press-release sentences that are, or are not, happenings of their own (issue 6).

Each text is written for this project in the style of military press releases; the real
gazetteer places them, so a namesake district in another province can be told apart.
"""

from __future__ import annotations

from typing import Any

from conflictwire.records import Document, Event


def _events(pipeline: Any, text: str) -> list[Event]:
    doc = Document(doc_id="release", text=text, language="en")
    events: list[Event] = pipeline.process(doc).events
    for event in events:
        for span in event.evidence:
            assert text[span.start : span.end] == span.text
    return events


def test_raid_gives_its_clash_and_its_arrests(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (May 9, 2012) - During an operation in Chak district, Wardak "
        "province, last night, an Afghan and coalition security force killed two insurgents. "
        "The force also detained three suspected insurgents during the operation.",
    )
    assert [e.sub_event_type for e in events] == ["Armed clash", "Arrests"]
    clash, arrests = events
    assert (clash.fatalities, arrests.fatalities) == (2, 0)
    assert arrests.tags == "detained=3"
    assert {(e.event_date, e.admin1) for e in events} == {("2012-05-08", "Wardak")}


def test_a_note_keeps_acled_s_single_event(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "On 4 March 2024, Somali forces killed 2 Al Shabaab militants and arrested 3 others "
        "near Jowhar (Middle Shabelle).",
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_namesake_district_yields_to_the_named_province(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan, Nov. 18, 2011 - A combined force detained two suspected insurgents "
        "in the Nawah-ye Barakzai district of Afghanistan's Helmand province yesterday.",
    )
    assert [(e.sub_event_type, e.admin1, e.event_date) for e in events] == [
        ("Arrests", "Helmand", "2011-11-17")
    ]


def test_seized_weapons_and_profiles_are_no_attacks(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (June 3, 2011) - An Afghan and coalition security force arrested a "
        "Taliban leader in Zurmat district, Paktiya province, today. The leader directs roadside "
        "bomb attacks against Afghan forces and supplies fighters with rockets. The force also "
        "seized grenades, suicide vests and bomb-making components.\n\n"
        "In Kandahar province, a patrol discovered a weapons cache containing rocket-propelled "
        "grenades and mortar rounds in Panjwai district.",
    )
    assert [(e.sub_event_type, e.admin1) for e in events] == [
        ("Arrests", "Paktiya"),
        ("Disrupted weapons use", "Kandahar"),
    ]


def test_a_reaction_is_no_second_event(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (April 2, 2012) - Two Afghan civilians were killed when insurgents "
        "detonated a roadside bomb near a market in Spin Boldak district, Kandahar province, "
        "today. ISAF condemns the attack.",
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Remote explosive/landmine/IED", 2)
    ]


def test_victims_told_after_the_attack_join_it(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (April 15, 2013) - Afghan Local Police repelled an attack on their "
        "checkpoint in Khanabad district, Kunduz province, Saturday night, killing four "
        "insurgents. Two policemen were killed in the attack.",
    )
    assert [(e.fatalities, e.event_date, e.admin1) for e in events] == [(6, "2013-04-13", "Kunduz")]


def test_fight_then_detentions_by_the_state_side(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (Oct. 5, 2010) - An Afghan and coalition security force searched a "
        "compound in Marjah district, Helmand province, last night. During the operation, "
        "insurgents fired on the security force. The force returned fire, killing two "
        "insurgents. Two other insurgents were wounded and detained.",
    )
    assert [(e.sub_event_type, e.fatalities, e.tags) for e in events] == [
        ("Armed clash", 2, "detained=2"),
        ("Arrests", 0, "detained=2"),
    ]
    assert events[1].actor1 == "Military Forces of Afghanistan"
    assert events[1].actor2 == "Taliban"


def test_an_arrested_bomber_is_no_bombing(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KANDAHAR, Afghanistan (Aug. 3, 2011) - Afghan Uniformed Police arrested a suspected "
        "suicide bomber in Kandahar City, Kandahar province, Tuesday. The man was wearing a vest "
        "packed with explosives.",
    )
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Arrests", "2011-08-02")]


def test_the_other_side_responding_is_the_same_fight(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (June 1, 2012) - Insurgents attacked a police checkpoint in Garmsir "
        "district, Helmand province, yesterday, killing three policemen. Coalition forces "
        "responded, killing five insurgents.",
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 8)]


def test_the_operation_that_sought_someone_is_the_raid(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan, Nov. 18, 2011 - A combined force detained three suspected "
        "insurgents during an operation in the Nahr-e Saraj district of Helmand province "
        "yesterday.\n\nThe operation targeted a Taliban facilitator who supplies bomb-making "
        "materials to fighters in the Gereshk area.",
    )
    assert [(e.sub_event_type, e.admin1, e.tags) for e in events] == [
        ("Arrests", "Helmand", "detained=3")
    ]


def test_a_condolence_names_no_new_death(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "KABUL, Afghanistan (Oct. 8, 2010) - A civilian was killed when insurgents fired on a "
        "coalition patrol in Arghandab district, Kandahar province, yesterday. ISAF extends its "
        "condolences to the family of the civilian who died.",
    )
    assert [e.fatalities for e in events] == [1]


def test_a_seizure_with_detentions_keeps_its_arrests(pipeline: Any) -> None:
    # Coded by the cache it found, the operation still reports its detainees (ACLED Arrests).
    events = _events(
        pipeline,
        "ISAF Joint Command Evening Operational Update, June 3, 2011\n"
        "KABUL, Afghanistan (June 3, 2011) - Afghan and coalition forces detained three "
        "insurgents and uncovered a weapons cache in Andar district, Ghazni province today.\n"
        "The cache held six boxes of heavy machine gun ammunition, two anti-tank mines, a "
        "mortar tube and several grenades.",
    )
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1 and arrests[0].tags == "detained=3"
    assert {(e.admin1, e.event_date) for e in events} == {("Ghazni", "2011-06-03")}
