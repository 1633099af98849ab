"""A claim whose speaker opens the sentence is attributed to that speaker (issue 17, defect 8)."""

from __future__ import annotations

import pytest

from conflictwire.events.fields.attribution import AttributionTracker


def _read(sentence: str) -> tuple[str, list[str]]:
    tracker = AttributionTracker()
    tracker.new_paragraph()
    found = tracker.read(sentence, first_in_paragraph=True)
    return found.certainty, found.sources


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Separately, Ukrainian forces said they shot down 12 drones.", "Ukrainian forces"),
        ("The regional governor said two people died in the strike.", "regional governor"),
        ("Meanwhile, police said three men were detained in Hodan.", "police"),
        ("On Sunday, the Ukrainian Air Force said it downed 20 drones.", "Ukrainian Air Force"),
        ("Kyiv's city administration said debris fell.", "Kyiv's city administration"),
        ("Al Shabaab claimed the attack on the base in Lower Shabelle.", "Al Shabaab"),
    ],
)  # fmt: skip
def test_a_named_speaker_opening_the_sentence_attributes_it(sentence: str, speaker: str) -> None:
    assert _read(sentence) == ("attributed", [speaker])


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops shelled the town and said nothing of the dead.",
        "They said the army attacked the village.",
        "Russian forces shelled Kupiansk overnight.",
        "Ukrainian forces shot down 12 drones over Odesa.",
    ],
)
def test_no_speaker_no_attribution(sentence: str) -> None:
    assert _read(sentence) == ("asserted", [])


def test_an_unnamed_speaker_leaves_the_claim_unconfirmed() -> None:
    assert _read("Officials said the strike hit a school.") == ("unconfirmed", ["Officials"])
