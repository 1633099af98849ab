"""The trigger finder's literal gates skip only patterns that cannot match (issue 18)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conflictwire.events.candidates.literal_gate import fold, required_words
from conflictwire.events.candidates.triggers import _PATTERNS, Trigger, find_triggers

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _ungated(text: str) -> list[Trigger]:
    """Every pattern scanned, as the finder did before its gates."""
    found = [
        Trigger(kind, m.start(), m.end(), m.group(0))
        for kind, pattern in _PATTERNS
        for m in pattern.finditer(text)
    ]
    return sorted(found, key=lambda t: (t.start, t.end))


def _project_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    for path in sorted(FIXTURES.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str):
                texts.append(text)
    return texts


def test_the_project_texts_give_the_triggers_of_every_pattern_scanned() -> None:
    texts = _project_texts()
    assert len(texts) > 20
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    for text in texts + sentences:
        assert find_triggers(text) == _ungated(text), text[:80]
    for text in sentences[:50]:  # twice (the second from the sentence cache), shifted
        shifted = [Trigger(t.kind, t.start + 7, t.end + 7, t.text) for t in _ungated(text)]
        assert find_triggers(text, 7) == shifted


@pytest.mark.parametrize(("kind", "pattern"), _PATTERNS, ids=[k for k, _ in _PATTERNS])
def test_every_match_holds_one_of_its_patterns_words(kind: str, pattern: re.Pattern[str]) -> None:
    words = required_words(pattern)
    for text in _project_texts():
        for m in pattern.finditer(text):
            assert words is None or any(w in fold(m.group(0)) for w in words), (kind, m.group(0))


def test_letters_that_ignorecase_folds_oddly_still_open_the_gate() -> None:
    # "İ" (dotted capital I) and "ſ" (long s) match "i" and "s" under IGNORECASE.
    for text in ("An İED exploded near the market.", "Troopſ ſhelled the village at dawn."):
        assert find_triggers(text) == _ungated(text)
        assert find_triggers(text)


def test_a_pattern_with_no_word_every_match_must_hold_has_no_gate() -> None:
    assert required_words(re.compile(r"\b\w+\b")) is None
    assert required_words(re.compile(r"\b\w+ed\b")) == frozenset({"ed"})
    assert required_words(re.compile(r"(?:shell(?:ed|ing)|)x?")) is None
    assert required_words(re.compile(r"(?:mortar|rocket)s? fire", re.I)) == frozenset(
        {"mortar", "rocket"}
    )
    assert required_words(re.compile(r"ambush(?:ed)?|Raid", re.I)) == frozenset({"ambush", "raid"})
