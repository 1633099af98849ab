"""Headlines: an article's title sums up its main happening; it is no happening of its own.

"Man shot dead on Dayton's east side; suspect held" above a story that tells the shooting in
its body is the same shooting: the title's mentions become evidence of the body's event of
the same type (else of its first event), without adding their place or toll to it (the body
tells those in full, and a toll told twice must not be counted twice). A title whose body
tells no event stays the article's only telling.
"""

from __future__ import annotations

import re

from conflictwire.events.assemble.segment import EventDraft, Mention, place_key, segment
from conflictwire.events.classify.taxonomy import SUB_EVENT_TYPES
from conflictwire.records import EventLocation

__all__ = ["place_unplaced", "segment_with_headline", "title_end"]

_TITLE_MAX = 200
# The first line, set off by a blank line and not ending as a sentence does.
_TITLE = re.compile(rf"\A\s*(?P<title>[^\n]{{3,{_TITLE_MAX}}}?)[ \t]*\n[ \t]*\n")


# A headline run into its story's dateline: "Taco Bell killer pleads guilty. CHARLESTON,
# W.Va. -- A Charleston man ...", "Man, 34, struck, killed by car. Goose Creek — A ...".
_RUN_IN = re.compile(
    rf"\A\s*(?P<title>[^\n]{{3,{_TITLE_MAX}}}?[.!?])\s+"
    r"(?=[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:--|—|–)\s+[A-Z\"“])"
)


def title_end(text: str) -> int:
    """Where the article's headline ends, or 0 when it has none."""
    run_in = _RUN_IN.match(text)
    if run_in is not None:
        return run_in.end("title")
    m = _TITLE.match(text)
    if m is None:
        return 0
    title = m.group("title").strip()
    if title.endswith((".", "!", "?", '"', "”", "'")) and not title.endswith("..."):
        return 0  # a first sentence set as its own paragraph
    return m.end("title")


def _types(mentions: list[Mention]) -> set[str]:
    return {SUB_EVENT_TYPES[k] for m in mentions for k in m.kinds if k in SUB_EVENT_TYPES}


def _region(mentions: list[Mention]) -> tuple[str | None, str | None] | None:
    place = next((m.location.place for m in mentions if m.location.place is not None), None)
    return (place.country, place.admin1) if place is not None and place.admin1 else None


def _summed_up(title: list[Mention], drafts: list[EventDraft]) -> EventDraft:
    """The body's event the title tells: in the title's province if it names one, of its
    type if it names one, else the body's first."""
    region = _region(title)
    pool = [d for d in drafts if region is not None and _region(d.mentions) == region] or drafts
    wanted = _types(title)
    return next((d for d in pool if wanted & _types(d.mentions)), pool[0])


def segment_with_headline(
    text: str, mentions: list[Mention], *, single_report: bool = False
) -> list[EventDraft]:
    """``segment`` with the headline's mentions folded into the body's events."""
    end = title_end(text)
    title = [m for m in mentions if m.start < end]
    body = [m for m in mentions if m.start >= end]
    if not title or not body:
        return segment(mentions, single_report=single_report)
    drafts = segment(body, single_report=single_report)
    if not drafts:
        return segment(title, single_report=single_report)
    target = _summed_up(title, drafts)
    for m in title:
        m.wide = True  # evidence only: the body's own mentions give place and toll
    target.mentions += title  # evidence is sorted by offset; the body leads the draft
    return drafts


def place_unplaced(drafts: list[EventDraft], dateline: EventLocation | None) -> None:
    """A happening the story tells with no place of its own (its only town was a victim's
    home, or none was named) took place where the local story is filed from."""
    if dateline is None or dateline.place is None:
        return
    placed = [m.location for d in drafts for m in d.mentions if not m.wide and m.location.place]
    if placed and place_key(placed[0]) != place_key(dateline):
        return  # the story's first scene is elsewhere: the dateline only says where it was filed
    for draft in drafts:
        own = [m for m in draft.mentions if not m.wide]
        if not own or any(m.location.place is not None for m in own):
            continue
        if any(m.location.location_text for m in own):
            continue  # "a village 70 km from the capital": described, not unknown
        country = own[0].location.country
        if country is not None and country != dateline.place.country:
            continue
        own[0].location = dateline
