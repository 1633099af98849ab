"""A document's layout: paragraphs, heading lines, and whether it is a one-event note."""

from __future__ import annotations

import re

from spacy.tokens import Span

from conflictwire.events.candidates.triggers import find_triggers
from conflictwire.events.fields.dates import find_date_mentions

__all__ = ["blocks", "heading_date", "paragraph_of", "paragraph_starts", "single_report"]

_DATE_LED = re.compile(
    r"^\W*(?:[A-Z][\w /-]{2,40}:\s*)?(?:On|Around|Between|From|In|During|Overnight"
    r"|As of)\b[^.]{0,40}?\d{4}"
)
_SINGLE_REPORT_MAX = 1500
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def single_report(text: str) -> bool:
    """One paragraph opening with its date: an ACLED-style note of one happening."""
    body = text.strip()
    return len(body) < _SINGLE_REPORT_MAX and "\n\n" not in body and bool(_DATE_LED.match(body))


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]


def paragraph_of(starts: list[int], offset: int) -> int:
    return sum(1 for s in starts if s <= offset) - 1


def blocks(sent: Span) -> list[Span]:
    """A parsed sentence cut at blank lines: a heading ("Operational update, 14 May 2024")
    is not part of the paragraph after it."""
    pieces: list[Span] = []
    begin = sent.start_char
    for m in _BLANK_LINE.finditer(sent.text):
        piece = sent.doc.char_span(begin, sent.start_char + m.start(), alignment_mode="contract")
        if piece is not None and len(piece) > 0:
            pieces.append(piece)
        begin = sent.start_char + m.end()
    if not pieces:
        return [sent]
    rest = sent.doc.char_span(begin, sent.end_char, alignment_mode="contract")
    if rest is not None and len(rest) > 0:
        pieces.append(rest)
    return pieces


def heading_date(text: str, published: str | None) -> str | None:
    """A report's date given as its short first line ("Operational update, 14 May 2024")."""
    first = text.lstrip().split("\n", 1)[0]
    if len(first) > 80 or find_triggers(first, 0):
        return None
    found = find_date_mentions(first, published=published)
    return found[0].date if found and found[0].precision == 1 else None
