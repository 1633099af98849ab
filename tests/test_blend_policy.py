"""How the rules and the classifier share a happening's sub-type (events/classify/blend.py)
and when the classifier's reading outweighs the background word cues."""

from __future__ import annotations

import pytest

from conflictwire.events.assemble.background import background_reason
from conflictwire.events.classify.blend import choose_sub_type, proposed_kind, unsupported, vetoed
from conflictwire.events.classify.model import Prediction


def _pred(probabilities: dict[str, float]) -> Prediction:
    label = max(probabilities, key=lambda k: probabilities[k])
    events = {k: v for k, v in probabilities.items() if not k.startswith("Out of scope")}
    best = max(events, key=lambda k: events[k])
    return Prediction(label, probabilities[label], best, events[best], probabilities)


AGREEMENT = _pred({"Agreement": 0.9, "Shelling/artillery/missile attack": 0.1})


def test_a_short_text_takes_the_confident_classifier_over_a_specific_rule_cue() -> None:
    # "agreed a truce ... the shelling had killed dozens": the rules' cue is the shelling.
    kinds = ["Shelling/artillery/missile attack"]
    rule = "Shelling/artillery/missile attack"
    assert choose_sub_type(rule, [AGREEMENT], kinds, labelled=False, short=True)[0] == "Agreement"


def test_a_specific_rule_cue_yields_only_to_a_very_confident_classifier() -> None:
    pred = _pred({"Agreement": 0.7, "Shelling/artillery/missile attack": 0.3})
    kinds = ["Shelling/artillery/missile attack"]
    rule = "Shelling/artillery/missile attack"
    assert choose_sub_type(rule, [pred], kinds, labelled=False)[0] == rule
    assert choose_sub_type(rule, [pred], kinds, labelled=False, short=True)[0] == rule


def test_a_generic_rule_cue_yields_sooner_in_a_short_text() -> None:
    # "gunmen attacked the village": only a generic cue, read by the rules as a clash.
    pred = _pred({"Attack": 0.45, "Armed clash": 0.35, "Abduction/forced disappearance": 0.2})
    kinds = ["~attack"]
    assert choose_sub_type("Armed clash", [pred], kinds, labelled=False)[0] == "Armed clash"
    pred = _pred({"Attack": 0.65, "Armed clash": 0.35})
    assert choose_sub_type("Armed clash", [pred], kinds, labelled=False, short=True)[0] == (
        "Attack"
    )


def test_an_unsure_classifier_leaves_a_short_text_to_the_rules() -> None:
    pred = _pred({"Agreement": 0.45, "Shelling/artillery/missile attack": 0.4, "Other": 0.15})
    rule = "Shelling/artillery/missile attack"
    assert choose_sub_type(rule, [pred], [rule], labelled=False, short=True)[0] == rule


def test_a_labelled_note_keeps_its_label_even_when_short() -> None:
    kinds = ["=Shelling/artillery/missile attack"]
    rule = "Shelling/artillery/missile attack"
    assert choose_sub_type(rule, [AGREEMENT], kinds, labelled=True, short=True)[0] == rule


def test_a_raid_that_killed_stays_violence_even_in_a_short_text() -> None:
    # ACLED's precedence: a raid that killed four and detained two is the killing.
    pred = _pred({"Arrests": 0.95, "Armed clash": 0.05})
    kinds = ["Armed clash", "~kill", "Arrests"]
    assert choose_sub_type("Armed clash", [pred], kinds, labelled=False, short=True)[0] == (
        "Armed clash"
    )


def test_a_side_clause_in_the_past_does_not_make_a_confident_happening_background() -> None:
    text = "Thousands rallied in the capital on Saturday to mourn demonstrators killed last month."
    news = _pred({"Peaceful protest": 0.9, "Out of scope: background": 0.1})
    assert background_reason(text, ["Peaceful protest"], None, None, news) is None
    unsure = _pred({"Peaceful protest": 0.6, "Out of scope: background": 0.4})
    assert background_reason(text, ["Peaceful protest"], None, None, unsure) is not None
    assert background_reason(text, ["Peaceful protest"], None, None, None) is not None


def test_a_court_retelling_stays_background_whatever_the_classifier_says() -> None:
    text = "The court sentenced two men for the 2019 bombing of the market."
    news = _pred({"Remote explosive/landmine/IED": 0.95, "Out of scope: background": 0.05})
    assert background_reason(text, ["Remote explosive/landmine/IED"], None, None, news)


def test_a_short_texts_whole_verdict_is_not_diluted_by_a_fragment() -> None:
    # "Two grenades were thrown at the rally. It is unclear whether anyone was hurt, but
    # gunfire followed.": the fragment alone reads as nothing much; the whole as grenades.
    whole = _pred({"Grenade": 0.95, "Armed clash": 0.05})
    fragment = _pred({"Other": 0.5, "Armed clash": 0.3, "Grenade": 0.2})
    kinds = ["Grenade", "~arms"]
    preds = [whole, fragment]
    pooled = choose_sub_type("Armed clash", preds, kinds, labelled=False, short=True)
    assert pooled[0] == "Armed clash"  # the mean, 0.575, is no confident reading
    read = choose_sub_type("Armed clash", preds, kinds, labelled=False, short=True, whole=whole)
    assert read[0] == "Grenade"
    # In a longer text there is no whole reading: the sentences are pooled as before.
    assert choose_sub_type("Armed clash", preds, kinds, labelled=False, whole=whole)[0] == (
        "Armed clash"
    )


def test_in_a_whole_article_a_confident_verdict_does_not_undo_a_past_date() -> None:
    # The classifier reads a retelling as a happening: it does not know the report's day.
    text = "In 2014, gunmen killed nearly 150 people at a school in the city."
    news = _pred({"Attack": 0.95, "Out of scope: background": 0.05})
    kinds = ["~kill"]
    assert background_reason(text, kinds, None, "2023-11-20", news, short=True) is None
    assert background_reason(text, kinds, None, "2023-11-20", news, short=False) is not None
    yardstick = "It was the deadliest blast since January, when a suicide bomber killed 80."
    suicide = _pred({"Suicide bomb": 0.99, "Out of scope: background": 0.01})
    assert background_reason(yardstick, ["Suicide bomb"], None, None, suicide, short=False)


def test_a_recent_day_of_its_own_outweighs_the_classifiers_guess_of_background() -> None:
    from conflictwire.events.fields.support import DateRef

    text = "On 28 January 2021, about 900 traders demonstrated in the capital against new taxes."
    old = _pred({"Out of scope: background": 0.55, "Peaceful protest": 0.45})
    day = DateRef(date="2021-01-28", precision=1, start=3, end=18)
    assert background_reason(text, ["Peaceful protest"], day, None, old) is None
    assert background_reason(text, ["Peaceful protest"], day, "2021-01-29", old) is None
    # Without a day of its own, or with one long before the report's, it stays background.
    assert background_reason(text, ["Peaceful protest"], None, None, old) is not None
    assert background_reason(text, ["Peaceful protest"], day, "2021-06-01", old) is not None


PROTEST = _pred({"Peaceful protest": 0.9, "Other": 0.1})


@pytest.mark.parametrize(
    "sentence",
    [
        "The bakery on Main Street was shut down March 10 by the county health department.",
        "The family will serve as ambassadors for the March for Babies walk this spring.",
        "A permit is now needed for any event held on public land, the township said.",
    ],
)
def test_an_article_sentence_with_no_crowd_proposes_no_demonstration(sentence: str) -> None:
    # Read alone, local news of closures and permits reads as a protest to the classifier.
    assert proposed_kind(PROTEST, whole_text=False, text=sentence) is None
    # A note or snippet is read whole, as the classifier was trained: its verdict stands.
    assert proposed_kind(PROTEST, whole_text=True, text=sentence) == "Peaceful protest"


@pytest.mark.parametrize(
    "sentence",
    [
        "Workers filled the square outside parliament for a third day.",
        "Supporters walked from the city centre to the court, singing.",
        "Hundreds of teachers marched on the ministry in Lusaka on Monday.",
    ],
)
def test_an_article_sentence_naming_the_crowd_still_proposes_one(sentence: str) -> None:
    assert proposed_kind(PROTEST, whole_text=False, text=sentence) == "Peaceful protest"


def test_out_of_scope_reasons_veto_together() -> None:
    # A council quote that pupils "hit school": no single reason reaches the veto, together
    # they are nearly all of it.
    split = _pred(
        {
            "Out of scope: plan or threat": 0.45,
            "Out of scope: not conflict": 0.3,
            "Out of scope: claim only": 0.15,
            "Shelling/artillery/missile attack": 0.1,
        }
    )
    assert split.out_of_scope == pytest.approx(0.9)
    assert vetoed(split, labelled=False)
    assert not vetoed(split, labelled=True)  # an ACLED label fixed the type
    unsure = _pred(
        {"Out of scope: not conflict": 0.35, "Out of scope: background": 0.2, "Attack": 0.45}
    )
    assert not vetoed(unsure, labelled=False)


CAR_CRASH = _pred({"Suicide bomb": 0.5, "Out of scope: accident or disaster": 0.4, "Attack": 0.1})


def test_an_everyday_word_happening_read_as_nothing_of_its_kind_is_unsupported() -> None:
    # "A man died after his car struck a tree": the rules' "struck" and "died" make an attack.
    assert unsupported("Attack", [CAR_CRASH], ["~strike", "~kill"])
    # Told with an attack's own word, the rules' reading stands.
    assert not unsupported("Attack", [CAR_CRASH], ["~strike", "Attack"])
    # One sentence of the happening read as its kind is enough.
    attack = _pred({"Attack": 0.8, "Out of scope: ordinary crime": 0.2})
    assert not unsupported("Attack", [CAR_CRASH, attack], ["~strike", "~kill"])


def test_a_clash_read_as_an_attack_is_supported() -> None:
    # "Gunmen attacked a police station, leaving two officers dead": armed victims make it a
    # clash for the rules, an attack for the classifier; either way a happening of the kind.
    read = _pred({"Attack": 0.9, "Armed clash": 0.09, "Out of scope: ordinary crime": 0.01})
    assert not unsupported("Armed clash", [read], ["~attack", "~kill"])
    assert unsupported("Shelling/artillery/missile attack", [read], ["~attack", "~kill"])


def test_a_happening_with_no_one_named_needs_the_classifier_to_see_its_kind() -> None:
    # "The remaining acres are controlled by private owners": a territory cue, no actor.
    read = _pred({"Out of scope: not conflict": 0.5, "Other": 0.4, "Agreement": 0.1})
    sub, kinds = "Non-state actor overtakes territory", ["Non-state actor overtakes territory"]
    assert unsupported(sub, [read], kinds, named=False)
    assert not unsupported(sub, [read], kinds, named=True)  # a named group's cue stands
    taken = _pred({"Non-state actor overtakes territory": 0.7, "Armed clash": 0.3})
    assert not unsupported(sub, [taken], kinds, named=False)
