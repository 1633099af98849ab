"""The running count of one kind (killed, injured, detained) over a text's sentences.

Across sentences a count adds only new people: "two more", "another", "a third" add; the same
people told again ("detained the commander and one of his associates", "killed him") do not;
the same figure told again of the same kind of people restates it ("Seven troops killed ...
Seven soldiers die"), of other people adds ("One soldier ... One civilian was also killed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from conflictwire.events.fields.figures import NUM_WORD, SOME, resolve

__all__ = ["ORDINAL", "Found", "Tally"]

_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# "A fourth civilian died in hospital": the running toll reaches the ordinal (of its own
# happening: a press release's body count adds it as such, fields/release_tolls.py).
ORDINAL = re.compile(
    rf"\b(?:a|the)\s+(?P<ord>{'|'.join(_ORDINALS)})\b(?!\s+(?:time|day|week))", re.I
)
# "Two more people died", "another soldier was killed": added to the toll, whoever tells it.
_ADDITIVE = re.compile(
    r"\b(?:another|\w+\s+more\s+(?:people|persons?|civilians?|soldiers?|\w+s)|additional|further)\b",
    re.I,
)


class Found(NamedTuple):
    """One stated count: its value, the trigger's span, and how it may combine with others."""

    value: int
    start: int
    end: int
    # "detained the commander", "killed him": people told of before, not more of them. The
    # head noun the phrase refers back with ("" for a pronoun), ``None`` for new people.
    referent: str | None = None
    # "Facilitator Detained in Khowst": a title summing up the story, not another person.
    headline: bool = False
    # "one", "7": a figure written out, not "a" or "the".
    numeral: bool = False


@dataclass
class Tally:
    """The running count of one kind over a text's sentences."""

    total: int | None = None
    seen: set[int] = field(default_factory=set)
    headline: int | None = None  # a title's figure: the story's summary, never added to it
    victims: str | None = None  # "civilian" or "armed": who the last counted sentence named

    def add(
        self, sentence: str, found: list[Found], *, reported: bool, before: str, definite: bool
    ) -> bool:
        """Fold one sentence's counts in; ``False`` when they only repeat counted people."""
        titles = [f.value for f in found if f.headline]
        if titles:
            self.headline = max(self.headline or 0, sum(titles), key=resolve)
        body = [f for f in found if not f.headline]
        if not body:
            return bool(titles)
        value = sum(f.value for f in body)
        previous = self.total
        if previous is None:
            self.total = value
        elif definite:
            return False  # "killing the insurgents": those already counted
        elif _IN_TOTAL.search(sentence) and value >= previous % SOME:
            self.total = value  # "In total, five were killed": the text's own sum
        elif _adds(sentence, value):
            ordinal = ORDINAL.search(sentence)
            self.total = resolve(previous) + value
            if ordinal is not None and value == 1:
                self.total = max(resolve(previous), _ORDINALS[ordinal.group("ord").lower()])
        elif all(_told_before(f, before) for f in body) and not _ALSO.search(sentence):
            # "detained two insurgents, including a commander ... detained the commander and
            # one of his associates": the same people told again ("them": no new figure).
            if value < SOME:
                self.total = max(previous, value, key=resolve)
        elif reported or (
            value in self.seen
            and (value > 1 or all(f.numeral for f in body))
            and not _ALSO.search(sentence)
            and (
                _same_victims(self.victims, _victim_class(sentence))
                or _DEFINITE_FIGURE.search(sentence) is not None
            )
        ):
            # The same figure told again ("Seven troops killed ... Seven soldiers die") is a
            # restatement; a second source's figure an alternative: ACLED keeps the lowest.
            self.total = min(previous, value, key=resolve)
        else:
            self.total = previous + value
        if value > 1 or all(f.numeral for f in body):
            self.seen.add(value)  # "captured one ... One wounded fighter was captured"
        self.victims = _victim_class(sentence) or self.victims
        return True

    def result(self) -> int | None:
        if self.total is None:
            return None if self.headline is None else resolve(self.headline)
        if self.headline is None or self.headline >= SOME:
            # "Militants Detained in Khowst" over "detained two militants": the title's
            # plural tells no figure the body does not give exactly.
            return resolve(self.total)
        return max(resolve(self.total), resolve(self.headline))


# "One soldier was killed ... One civilian was killed": the same figure of other people adds.
_CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|villagers?|children|child|women|woman|passengers?|people)\b", re.I
)
_ARMED = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|fighters?|militants?|insurgents?|police(?:m[ae]n)?"
    r"|officers?|guards?|militiam[ae]n|gunm[ae]n)\b",
    re.I,
)


# "detained the three men": a definite figure points back at people already counted.
_DEFINITE_FIGURE = re.compile(rf"\b(?:the|those|these|all)\s+(?:{NUM_WORD}|\d+)\s", re.I)


def _same_victims(before: str | None, now: str | None) -> bool:
    return before is None or now is None or before == now


def _victim_class(sentence: str) -> str | None:
    civilian, armed = _CIVILIAN.search(sentence), _ARMED.search(sentence)
    if civilian and armed:
        return None
    return "civilian" if civilian else "armed" if armed else None


def _told_before(item: Found, before: str) -> bool:
    """The item's people were named before: a pronoun, or a definite noun the text used."""
    if item.referent is None:
        return False
    named = rf"\b{re.escape(item.referent)}(?:s|es|ed)?\b"  # "the suspect": "a suspected ..."
    return not item.referent or re.search(named, before, re.I) is not None


_IN_TOTAL = re.compile(r"\b(?:in\s+total|in\s+all|altogether)\b", re.I)
_ALSO = re.compile(r"\b(?:also|too|as\s+well)\b", re.I)


def _adds(sentence: str, value: int) -> bool:
    """The sentence adds to a toll told before ("a third died", "two more were killed")."""
    if value == 1 and ORDINAL.search(sentence):
        return True
    return _ADDITIVE.search(sentence) is not None
