"""Whether a stated count is this happening's toll: not a running total of a period ("since
the start of the month forces have captured 30 leaders"), not a man's rank in one ("the
seventh leader killed this month"), not a named man's past deed ("responsible for an attack
which killed two")."""

from __future__ import annotations

import re

from conflictwire.events.fields.tally import Found

__all__ = ["of_this_event"]

# A background deed of someone named: "he was responsible for an attack which killed two".
_BACKGROUND = re.compile(
    r"\b(?:responsible\s+for|involved\s+in|linked\s+to|tied\s+to|connected\s+to|implicated\s+in)\b",
    re.I,
)
# A running total over a period: "since the start of the month forces have captured 30 leaders".
_PERIOD = re.compile(
    r"\b(?:since\s+(?:the\s+(?:beginning|start)\s+of\s+(?:the\s+|this\s+)?(?:week|month|year|war"
    r"|conflict|campaign|offensive)|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|\d{4})|so\s+far\s+this|this\s+year|to\s+date"
    r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks?|months?|years?))\b",
    re.I,
)


# A man's rank in a running total: "he is one of more than 50 insurgents killed this year",
# "the seventh Taliban leader captured or killed in the district this month".
_RANKED = re.compile(
    r"\b(?:is|was|becomes|became)\s+(?:the\s+)?(?:one\s+of|\d+(?:st|nd|rd|th)|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|\w+tieth)\b",
    re.I,
)


def of_this_event(text: str, begin: int, item: Found, *, deeds: bool) -> bool:
    """Neither a running total of the period, nor a rank in one, nor (with ``deeds``) a named
    man's past deed."""
    if deeds and _BACKGROUND.search(text, begin, item.start):
        return False
    if _RANKED.search(text, begin, item.start):
        return False
    period = _PERIOD.search(text, begin)
    if period is None:
        return True
    # "forces have captured or killed more than 80 ... since January": a perfect tense, even
    # with a second verb between it and the count's.
    perfect = re.search(r"\b(?:have|has)\b", text[max(begin, item.start - 40) : item.end], re.I)
    return period.start() > item.start and perfect is None
