"""Asides: the day a source spoke is not the day the happening took place.

"A resident, who spoke to our correspondent in Gusau on Sunday, said the gunmen arrived at
about 9pm" tells Saturday night's attack; "police said on Monday" dates the statement. The
day words of such asides are blanked (same length, so offsets hold) before the event's date
is read; a happening told with no day of its own then takes the story's.
"""

from __future__ import annotations

import re

__all__ = ["speech_days_blanked"]

_DAY = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+night)"
)
# The verb of speaking, then at most a prepositional phrase ("to our correspondent in
# Gusau", "in a statement", "by phone") or a listener ("told reporters"), then the day.
_SPEECH_DAY = re.compile(
    r"\b(?:spoke|speaking|said|says|told(?:\s+[\w'’]+){0,2}?|talked|talking|announced"
    r"|stated|added|confirmed|claimed|reported)"
    r"(?:\s+(?:to|in|by|at|from|via|over|during)\s+[^.;,]{0,50}?)?"
    rf"\s+(?P<day>{_DAY})\b",
    re.I,
)


def speech_days_blanked(text: str) -> str:
    """``text`` with the day of each "said on Sunday" aside blanked."""
    out = text
    for m in _SPEECH_DAY.finditer(text):
        a, b = m.span("day")
        out = out[:a] + " " * (b - a) + out[b:]
    return out
