"""A press release's tolls across its happenings: a restatement is not counted twice.

A release tells its operation's toll in the lead ("killed two insurgents") and again in the
account that follows ("the security force shot and killed them"); when the account becomes an
event of its own, its toll is the lead's told again. The whole body's running count (``counts``,
which adds only new people) is what the release states; the happenings' tolls, in text order,
share it and never exceed it. A shortfall is left as it is: the body's count may hold deaths
no happening was coded for.

An operational update opens with its day's summary ("Several insurgents were killed ... during
separate operations in southern Afghanistan over the past 24 hours"): many happenings in many
places, no one happening's toll. A happening told only by such a summary carries none; one
whose sentences pool the summary with an incident's ("In Kandahar province, a patrol found a
cache ...") carries what the incident's own sentences tell; the incidents the update details
carry their own.

A release's "more than 30 insurgents" states at least 31: the lowest number it states, which
is how the releases' own tolls are read (an ACLED note's "more than 30" stays 30, ACLED's
convention, outside press releases).

A later death told by its ordinal ("killed one insurgent ... A second insurgent later died of
his wounds") counts from its own happening: the body's count, run from the release's start,
reads "a second" as a total already reached when another happening told two before it, so
each such sentence adds to the body's count what it adds to its own happening's.
"""

from __future__ import annotations

import re

from conflictwire.clean.dateline import is_press_release
from conflictwire.events.fields.counts import find_casualties
from conflictwire.events.fields.tally import ORDINAL
from conflictwire.records import Event

__all__ = ["share_release_toll"]

_MORE_THAN = re.compile(r"\b(?:more\s+than|over)\s+(?P<n>\d+|a\s+dozen)\b", re.IGNORECASE)
_SUMMARY = re.compile(
    r"\b(?:separate|several|multiple|numerous|a\s+series\s+of)\s+(?:[\w-]+\s+){0,3}?operations\b"
    r"|\boperations\s+(?:across|throughout)\b",
    re.IGNORECASE,
)


def share_release_toll(text: str, body_start: int, events: list[Event]) -> None:
    """Cap the tolls of a press release's ``events`` (in text order) at the body's count."""
    if not is_press_release(text) or not any(event.fatalities for event in events):
        return
    for event in events:
        _without_summary(event)
        _at_least(event)
    stated = find_casualties(_lowest_stated(text[body_start:])).fatalities
    if stated is None:
        return
    left = stated + _ordinal_shortfall(text, body_start, events)
    for event in events:
        event.fatalities = min(event.fatalities, left)
        left -= event.fatalities


def _without_summary(event: Event) -> None:
    """The day's summary over many happenings is no part of one happening's toll."""
    own = [span.text for span in event.evidence if not _SUMMARY.search(span.text)]
    if event.fatalities and len(own) < len(event.evidence):
        event.fatalities = min(event.fatalities, find_casualties(" ".join(own)).fatalities or 0)


def _killed(text: str) -> int:
    return find_casualties(_lowest_stated(text)).fatalities or 0


def _ordinal_shortfall(text: str, body_start: int, events: list[Event]) -> int:
    """The deaths later deaths told by their ordinal add to their own happenings beyond what
    they add to the body's count (which counts "a second" from the release's start)."""
    short = 0
    done: set[str] = set()  # a sentence two events share (a raid and its arrests) once
    for event in events:
        told: list[str] = []
        for span in event.evidence:
            if ORDINAL.search(span.text) and span.text not in done:
                done.add(span.text)
                short += _shortfall(text, body_start, told, span.text)
            told.append(span.text)
    return short


def _shortfall(text: str, body_start: int, told: list[str], sentence: str) -> int:
    """What ``sentence`` adds to its happening (told before it: ``told``) beyond what it adds
    to the body's count. Nothing when the body counted the happening's dead told before it as
    people it had counted already (an account restating the lead: "killing the first insurgent.
    A second insurgent was killed" are the lead's two)."""
    before = _killed(" ".join(told))
    if sum(_body_gain(text, body_start, s) for s in told) < before:
        return 0
    own = _killed(" ".join([*told, sentence])) - before
    return max(0, own - _body_gain(text, body_start, sentence))


def _body_gain(text: str, body_start: int, sentence: str) -> int:
    """How much ``sentence`` raises the body's count (0 when it is not in the body: a title)."""
    at = text.find(sentence, body_start)
    if at < 0:
        return 0
    return _killed(text[body_start : at + len(sentence)]) - _killed(text[body_start:at])


def _lowest_stated(text: str) -> str:
    """ "more than 30" written as the lowest number it states (31)."""

    def bump(m: re.Match[str]) -> str:
        n = m.group("n")
        return str((12 if not n.isdigit() else int(n)) + 1)

    return _MORE_THAN.sub(bump, text)


def _at_least(event: Event) -> None:
    """Raise an event's toll to the lowest number its own sentences state, when they give
    the toll it has ("killed more than 30": 31, not 30)."""
    told = " ".join(span.text for span in event.evidence)
    if not _MORE_THAN.search(told) or find_casualties(told).fatalities != event.fatalities:
        return
    lowest = find_casualties(_lowest_stated(told)).fatalities
    if lowest is not None and lowest > event.fatalities:
        event.fatalities = lowest
