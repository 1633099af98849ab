"""The day of a press release's happening that tells no day of its own.

A release opens with the operation and its day ("... in Hisarak district, Nangarhar province,
today.") and then tells what the force did in it ("During the operation the security force
detained two suspected insurgents."). Such a happening took place on the day the story last
named before it; when the body names none, on the release's own day (its dateline), precision 2
as ACLED codes a day known only to within the week. A release reports its own day's work, so,
unlike a wire story, the day before is no better guess.
"""

from __future__ import annotations

import re

from conflictwire.clean.dateline import is_press_release
from conflictwire.events.fields.dates import find_event_date
from conflictwire.events.fields.support import DateRef

__all__ = ["release_day"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|[\n\u2028\u2029]+")
_REFERENCE_PRECISION = 2


def release_day(text: str, body_start: int, start: int, anchor: str | None) -> DateRef | None:
    """The day of the happening told at ``start`` of a press release, from its own sentence
    and the body's sentences before it (nearest first), else the reference day ``anchor``;
    ``None`` when ``text`` is no press release or there is no reference day."""
    if anchor is None or not is_press_release(text):
        return None
    # The happening's own sentence as punctuation ends it (a parse may cut it at a name).
    stop = _SENTENCE_END.search(text, start)
    body = text[body_start : stop.start() if stop else len(text)]
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(body)]
    for begin, end in reversed(list(zip(bounds, [*bounds[1:], len(body)], strict=True))):
        sentence = body[begin:end]
        if not sentence.strip():
            continue
        found = find_event_date(sentence, published=None, anchor=anchor)
        if found is not None:
            offset = body_start + begin
            return DateRef(found.date, found.precision, found.start + offset, found.end + offset)
    return DateRef(anchor[:10], _REFERENCE_PRECISION)
