"""ACLED's bookkeeping in its notes, and tolls a text revises.

A note can say what its event carries ("Fatalities coded as 26", "10 fatalities split across 2
events and coded as 5 for this event", "(coded separately)"); that wins over the text's figures.
A revised toll ("the death toll rose to 7") replaces the figures told before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictwire.events.fields.figures import NUMBER_RE, parse_number

__all__ = ["Bookkeeping", "mask", "read_bookkeeping", "revised_toll"]

_BOOK_OVERRIDE = re.compile(
    r"(?:(?:total\s+)?fatalities\s+coded\s+as\s+(?P<a>\d+)(?!\s*(?:and\s+)?split)|"
    r"coded\s+as\s+(?P<b>\d+)\s+(?:fatalities\s+)?for\s+this\s+event|"
    r"(?P<c>\d+|one)\s+fatalit(?:y|ies)\s+coded\s+to\s+this\s+event)",
    re.IGNORECASE,
)
_BOOK_UNKNOWN = re.compile(
    r"\(?\s*(?:an\s+)?unspecified\s+(?:number\s+of\s+)?fatalities\s+coded\s+as\s+(?P<n>\d+)[^.)\]]*[.)]?",
    re.IGNORECASE,
)
_BOOK_SPLIT = re.compile(
    r"\[?[^.\[]*\bfatalit(?:y|ies)\s+split\s+(?:across|among)\s+(?P<k>\d+|two|three|four|five)"
    r"\s+(?:events|locations)[^.\]]*[.\]]?|\[[^\]]*\breported\s+\d+\s+fatalities[^\]]*\]?",
    re.IGNORECASE,
)
_SEPARATE = re.compile(r"\(\s*coded\s+separately\s*\)", re.IGNORECASE)
_SEPARATE_START = re.compile(r"[.;(]|,|\b(?:after|following|for|over)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Bookkeeping:
    """What a note's own bookkeeping says, and its text with that bookkeeping blanked out."""

    override: int | None  # the event's coded total
    unknown: int | None  # the figure coded for "unspecified"
    split: int | None  # the number of events a toll is shared by
    text: str


def read_bookkeeping(text: str) -> Bookkeeping:
    """ACLED's bookkeeping in ``text``; the returned text keeps every offset."""
    override, unknown = _bookkeeping(text)
    blanked = mask(mask(_mask_separate(text), _BOOK_UNKNOWN), _BOOK_SPLIT)
    return Bookkeeping(override, unknown, _split_count(text), blanked)


def mask(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out matches, keeping every offset."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _bookkeeping(text: str) -> tuple[int | None, int | None]:
    """ACLED's note-keeping: (the event's coded total, the figure for "unspecified")."""
    override = None
    for m in _BOOK_OVERRIDE.finditer(mask(text, _BOOK_UNKNOWN)):
        raw = m.group("a") or m.group("b") or m.group("c")
        override = parse_number(raw)
    unknown = None
    for m in _BOOK_UNKNOWN.finditer(text):
        unknown = int(m.group("n"))
    return override, unknown


# A revised toll: "the death toll rose to 5", "bringing the toll to 7", "revised to 4".
_TOLL_TO = re.compile(
    rf"\b(?:death\s+)?toll\b[^.;]{{0,60}}?\b(?:to|at|reached|is|was|of)\s+(?:at\s+least\s+)?"
    rf"(?P<n>{NUMBER_RE})\b(?!\s*(?:%|per\s*cent|injured|wounded))",
    re.IGNORECASE,
)


_CUMULATIVE = re.compile(
    r"\b(?:since|so\s+far|overall|total|this\s+(?:year|month|week)|from\s+the\s+(?:week|month|year|war"
    r"|conflict)|in\s+the\s+(?:war|conflict))\b",
    re.I,
)


def revised_toll(text: str) -> int | None:
    """The last death toll the text states outright, if any."""
    value = None
    for m in _TOLL_TO.finditer(text):
        if not _CUMULATIVE.search(m.group(0)):
            value = parse_number(m.group("n")) if m.group("n") else value
    return value


def _split_count(text: str) -> int | None:
    """ "[6 fatalities split among 25 events]": the number of events a toll is shared by."""
    m = re.search(
        r"fatalit(?:y|ies)\s+split\s+(?:among|across|over)\s+(?P<k>\d+|\w+)\s+events",
        text,
        re.IGNORECASE,
    )
    if m is None:
        return None
    return parse_number(m.group("k"))


def _mask_separate(text: str) -> str:
    """Blank the clause of a happening ACLED coded as another event ("(coded separately)")."""
    for m in _SEPARATE.finditer(text):
        start = max(0, m.start() - 150)
        for cut in _SEPARATE_START.finditer(text, start, m.start()):
            start = cut.end()
        text = text[:start] + " " * (m.end() - start) + text[m.end() :]
    return text
