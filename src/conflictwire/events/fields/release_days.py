"""The day of a press release's happening that tells no day of its own.

A release opens with the operation and its day ("... in Hisarak district, Nangarhar province,
today.") and then tells what the force did in it ("During the operation the security force
detained two suspected insurgents."). Such a happening took place on the day the story last
named before it; when the body names none, on the release's own day (its dateline), precision 2
as ACLED codes a day known only to within the week. A release reports its own day's work, so,
unlike a wire story, the day before is no better guess.

A heading read as a happening ("Feb. 17: Afghan-ISAF Operations in Eastern Afghanistan", a
release titled below a dated first line) sums up the lead under it, so it takes the lead's day.
"""

from __future__ import annotations

import re
from itertools import pairwise

from conflictwire.clean.dateline import is_press_release
from conflictwire.events.fields.dates import find_event_date
from conflictwire.events.fields.support import DateRef

__all__ = ["release_day"]

# A stop ends a sentence before a capital, not inside "Sept. 26".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])|[\n\u2028\u2029]+")
_REFERENCE_PRECISION = 2
# "ISAF confirmed the death of ...": the day is in the account told after it.
_CONFIRMATION = re.compile(r"\b(?:confirm(?:ed|s)|announced)\b", re.IGNORECASE)
_ACCOUNT = 4  # sentences of that account
# A sentence ends in a stop (or a closing quote or bracket after one); a heading line does not.
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)\]]*\s*$")


def release_day(text: str, body_start: int, start: int, anchor: str | None) -> DateRef | None:
    """The day of the happening told at ``start`` of a press release, from its own sentence,
    the account that follows a confirmation ("ISAF confirmed the death of ..." / "During an
    operation Wednesday ..."), the body's sentences before it (nearest first), else the
    reference day ``anchor``; ``None`` when ``text`` is no press release or there is no
    reference day."""
    if anchor is None or not is_press_release(text):
        return None
    # The happening's own sentence as punctuation ends it (a parse may cut it at a name).
    stop = _SENTENCE_END.search(text, start)
    own_end = stop.start() if stop else len(text)
    before = _sentences(text, body_start, own_end)
    own = before[-1:]
    after = _told_after(text, before, own_end)
    for begin, end in own + after + before[-2::-1]:
        found = find_event_date(text[begin:end], published=None, anchor=anchor)
        if found is not None:
            return DateRef(found.date, found.precision, found.start + begin, found.end + begin)
    return DateRef(anchor[:10], _REFERENCE_PRECISION)


def _sentences(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """The non-blank sentences of ``text[begin:end]``, as offsets into ``text``."""
    cuts = [begin] + [m.end() for m in _SENTENCE_END.finditer(text, begin, end)] + [end]
    return [(a, b) for a, b in pairwise(cuts) if text[a:b].strip()]


def _told_after(text: str, before: list[tuple[int, int]], own_end: int) -> list[tuple[int, int]]:
    """The sentences after the happening's own (the last of ``before``) that tell its day: the
    account after a confirmation, or the lead under a heading that opens the body (header
    lines such as the release number and "For Immediate Release" skipped); none otherwise.
    A line without a stop further down (a list's item) keeps the day told before it."""
    own = before[-1:]
    if _confirms(text, own):
        return _sentences(text, own_end, len(text))[:_ACCOUNT]
    if own and all(_is_heading(text, s) for s in before):
        told = [s for s in _sentences(text, own_end, len(text)) if not _is_heading(text, s)]
        return told[:_ACCOUNT]
    return []


def _confirms(text: str, own: list[tuple[int, int]]) -> bool:
    return any(_CONFIRMATION.search(text, a, b) for a, b in own)


def _is_heading(text: str, sentence: tuple[int, int]) -> bool:
    """A line with no closing stop: a title or a header line, not a sentence of the story."""
    return _ENDS_SENTENCE.search(text[sentence[0] : sentence[1]]) is None
