"""A press release's tolls across its happenings: a restatement is not counted twice.

A release tells its operation's toll in the lead ("killed two insurgents") and again in the
account that follows ("the security force shot and killed them"); when the account becomes an
event of its own, its toll is the lead's told again. The whole body's running count (``counts``,
which adds only new people) is what the release states; the happenings' tolls, in text order,
share it and never exceed it. A shortfall is left as it is: the body's count may hold deaths
no happening was coded for.

An operational update opens with its day's summary ("Several insurgents were killed ... during
separate operations in southern Afghanistan over the past 24 hours"): many happenings in many
places, no one happening's toll. A happening told only by such a summary carries none; the
incidents the update details carry their own.
"""

from __future__ import annotations

import re

from conflictwire.clean.dateline import is_press_release
from conflictwire.events.fields.counts import find_casualties
from conflictwire.records import Event

__all__ = ["share_release_toll"]

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
        if event.evidence and all(_SUMMARY.search(span.text) for span in event.evidence):
            event.fatalities = 0  # the day's summary over many happenings
    stated = find_casualties(text[body_start:]).fatalities
    if stated is None:
        return
    left = stated
    for event in events:
        event.fatalities = min(event.fatalities, left)
        left -= event.fatalities
