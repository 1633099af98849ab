"""What every sentence of one document shares while its events are extracted: the text's
layout (dateline, paragraphs, sentences), its places found once, and where a sentence that
names no place of its own happened (its paragraph's scene)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from conflictwire.events.assemble.segment import EventDraft, Mention
from conflictwire.events.candidates.layout import heading_date, paragraph_of, paragraph_starts
from conflictwire.events.candidates.triggers import note_label
from conflictwire.events.classify.model import TextClassifier
from conflictwire.events.classify.verdicts import NO_VERDICTS, Verdicts
from conflictwire.events.fields.attribution import AttributionTracker
from conflictwire.events.fields.places import (
    dateline_end,
    dominant_country,
    inside_named_province,
    text_country,
    unnamed_abroad,
)
from conflictwire.events.fields.release_days import release_day
from conflictwire.events.fields.scene import filed_location, scene_places
from conflictwire.events.fields.support import DateRef, event_date
from conflictwire.geo import Geocoder
from conflictwire.records import CleanedText, Document, EventLocation, Place, PlaceMention

__all__ = [
    "COREF",
    "COREF_SUBJ",
    "DocContext",
    "district_in_region",
    "lead_sentences",
    "narrative_date",
    "scene",
    "undatelined",
]

log = logging.getLogger(__name__)

# "the attack", and "Sunday's attack": a weekday names the story's own recent happening (an
# older one is "last week's", "the 2019 attack").
_THE = r"(?:the|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)"
COREF = re.compile(
    r"\b(?:after|following|during|in|since|carried out|claimed(?: responsibility for)?"
    rf"|responsibility for|behind|condemned) {_THE} (?:attack|strike|shelling|explosion|blast"
    r"|operation|incident|raid|bombing|fighting|clash(?:es)?|ambush)\b",
    re.I,
)
COREF_SUBJ = re.compile(
    rf"^\W*(?:{_THE}|this) (?:attack|strike|shelling|explosion|blast|operation|incident|raid"
    r"|bombing|assault)\b"
    # "Coalition forces responded, killing five insurgents": the same fight's other side.
    r"|^\W*(?:[\w-]+ ){1,5}?(?:responded|returned fire|retaliated)\b",
    re.I,
)


def undatelined(ctx: DocContext, sent: Span) -> str:
    """The sentence with any dateline part blanked (its day is the anchor, not the event's)."""
    cut = ctx.dateline_end - sent.start_char
    if cut <= 0:
        return sent.text
    return " " * min(cut, len(sent.text)) + sent.text[cut:]


def district_in_region(ctx: DocContext, sent: Span, loc: EventLocation) -> EventLocation:
    """ "In Nawa district, ..." after "In Helmand province, ...": a district the gazetteer
    lacks, in the province the paragraph names; coded to the province (precision 3)."""
    m = _UNKNOWN_DISTRICT.match(sent.text)
    region = ctx.region_before(sent.start_char) if m else None
    if m is None or region is None:
        return loc
    place = Place(
        m.group("name"),
        region.latitude,
        region.longitude,
        country=region.country,
        country_code=region.country_code,
        admin1=region.admin1,
        admin2=m.group("name"),
        kind="admin2",
    )
    return EventLocation(place, 3, m.group(0).strip(), region.country)


# "In Nawa district, ...": a district the gazetteer does not know, named as a new place.
_UNKNOWN_DISTRICT = re.compile(
    r"^\W*(?:In|During an operation in|In a separate operation in)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'-]+(?:[\s-][A-Z][\w'-]+){0,2})\s+(?:district|county|area)\b"
)


def lead_sentences(ctx: DocContext, start: int) -> list[Span]:
    """The sentences that set the scene of the one at ``start``, closest first: the one just
    before it in its paragraph and the paragraph's opening one (the prefilter keeps both)."""
    floor = max(ctx.paragraphs[paragraph_of(ctx.paragraphs, start)], ctx.dateline_end)
    before = ctx.sents[bisect_right(ctx.sent_ends, floor) : bisect_left(ctx.sent_starts, start)]
    return before[-1:] + before[:1] if len(before) > 1 else before


def _openers(ctx: DocContext, start: int) -> list[Span]:
    """The opening sentence of every paragraph before ``start`` (the body's first included)."""
    found: list[Span] = []
    for para in ctx.paragraphs:
        floor = max(para, ctx.dateline_end)
        if floor >= start:
            break
        i = bisect_right(ctx.sent_ends, floor)
        first = ctx.sents[i] if i < len(ctx.sents) else None
        if first is not None and first.start_char < start and first not in found:
            found.append(first)
    return found


def _names_place(ctx: DocContext, sent: Span) -> bool:
    return any(
        sent.start_char <= p.start < sent.end_char
        and p.place is not None
        and p.place.kind != "country"
        for p in ctx.places
    )


def scene(ctx: DocContext, sent: Span, loc: EventLocation) -> EventLocation:
    """A sentence naming no place happened where its story's scene was set: the lead's
    "an operation in Baraki Barak district, Logar province" for "During the operation, the
    force killed ..." - the paragraph's lead, or the one that introduced "the operation"."""
    if any(
        sent.start_char <= p.start < sent.end_char
        and p.place is not None
        and ctx.text[p.start : p.end] == p.place.name
        for p in ctx.places
    ):
        return loc  # it names its own scope ("missiles across Ukraine"; not "Afghan-led")
    scenes = [s for s in lead_sentences(ctx, sent.start_char) if _names_place(ctx, s)]
    coref = COREF.search(sent.text) or COREF_SUBJ.search(sent.text)
    if coref:
        # "the operation" is the one the story introduced: the paragraph's lead naming it
        # (its opener first), else the nearest earlier paragraph opener that does.
        noun = coref.group(0).split()[-1].lower()
        named = [s for s in reversed(scenes) if noun in s.text.lower()]
        if not scenes:
            openers = _openers(ctx, sent.start_char)
            named = [s for s in reversed(openers) if noun in s.text.lower()]
            named = [s for s in named if _names_place(ctx, s)]
        scenes = named[:1] or scenes
    if not scenes:
        return loc
    where = ctx.locate(scenes[0].start_char, scenes[0].end_char, [])
    if where.place is None or where.place.country != (loc.country or where.place.country):
        return loc
    return where


class DocContext:
    """What every sentence of one document shares."""

    def __init__(
        self,
        doc: Document,
        cleaned: CleanedText,
        parsed: Doc,
        geocoder: Geocoder,
        classifier: TextClassifier | None,
    ) -> None:
        self.doc = doc
        self.classifier = classifier
        self.verdicts: Verdicts = NO_VERDICTS
        self.proposable: frozenset[int] = frozenset()
        self.short = True  # a note or snippet, classified whole
        self.first_start = -1  # its first body sentence
        self.happenings = 0  # how many it tells, once they are grouped
        self.cleaned = cleaned
        self.parsed = parsed
        self.geocoder = geocoder
        self.text = cleaned.analysis
        self.dateline_end = dateline_end(self.text)
        self.anchor = (
            cleaned.dateline_date or doc.published or heading_date(self.text, doc.published)
        )
        self.paragraphs = paragraph_starts(self.text)
        # A press release's title and header may name the province its body leaves out.
        self.header_places = lambda: geocoder.geoparse(self.text[: self.dateline_end])
        # The non-blank sentences, once: scene lookups bisect them by offset.
        self.sents = [sent for sent in parsed.sents if sent.text.strip()]
        self.sent_starts = [sent.start_char for sent in self.sents]
        self.sent_ends = [sent.end_char for sent in self.sents]
        self.label = note_label(self.text)
        self.tracker = AttributionTracker()

    @functools.cached_property
    def _geo(self) -> tuple[list[PlaceMention], str | None, EventLocation | None]:
        """The places, dominant country and filing place, found on first use: a document in
        which no sentence tells a happening is not geocoded at all (issue 18)."""
        # The dateline names where the story was filed, not where anything happened.
        places = unnamed_abroad(
            [p for p in self.geocoder.geoparse(self.text) if p.start >= self.dateline_end],
            self.text,
        )
        country = dominant_country(places) or text_country(self.text)
        # A local story's dateline is the scene of what it leaves unplaced; a victim's home,
        # a jail, a speaker's city or a person named like a town is no scene.
        filed_from = filed_location(self.text, self.dateline_end, places, self.geocoder)
        return scene_places(self.text, self.parsed, places), country, filed_from

    @property
    def places(self) -> list[PlaceMention]:
        return self._geo[0]

    @property
    def country(self) -> str | None:
        return self._geo[1]

    @property
    def filed_from(self) -> EventLocation | None:
        return self._geo[2]

    def _home_first(self, places: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
        """A sentence naming a place in the story's country drops its foreign matches:
        "Nawa district, Helmand province" is Helmand's Nawa, not a namesake abroad."""
        inside = [
            p
            for p in places
            if start <= p.start < end and p.place is not None and p.place.kind != "country"
        ]
        if not self.country or not any(p.place.country == self.country for p in inside if p.place):
            return places
        return [
            p for p in places if p not in inside or (p.place and p.place.country == self.country)
        ]

    def region_before(self, start: int) -> Place | None:
        """The last province named earlier in the paragraph of ``start``."""
        para = self.paragraphs[paragraph_of(self.paragraphs, start)]
        regions = [
            p.place
            for p in self.places
            if para <= p.start < start and p.place is not None and p.place.kind == "admin1"
        ]
        return regions[-1] if regions else None

    def locate(self, start: int, end: int, exclude: list[tuple[int, int]]) -> EventLocation:
        # A place name inside an actor ("Kiev troops", "Donetsk militia") is not where it was.
        places = [p for p in self.places if not any(a <= p.start < b for a, b in exclude)]
        places = self._home_first(places, start, end)
        places = inside_named_province(self.text, places, start, end)
        try:
            return self.geocoder.locate(self.text, start, end, places)
        except Exception:  # a geocoder failure must not lose the event
            log.exception("%s: locating %d-%d failed", self.doc.doc_id, start, end)
            return EventLocation(place=None, precision=None, location_text=None)


def narrative_date(ctx: DocContext, mentions: list[Mention], draft: EventDraft) -> DateRef | None:
    """An undated happening took place on the story's last day named before it, else about
    the dateline or publication day (within the week before: precision 2)."""
    first = draft.mentions[0].start
    earlier = [m.date for m in mentions if m.date is not None and m.start < first]
    if earlier:
        return earlier[-1]
    scene = _scene_date(ctx, first)
    if scene is not None:
        return scene
    told = release_day(ctx.text, ctx.dateline_end, first, ctx.anchor)
    if told is not None:
        return told  # a press release: the story's last day named, else its own day
    if ctx.anchor:
        # News reports what happened up to the day before; ACLED's precision 2 says "about".
        try:
            day = dt.date.fromisoformat(ctx.anchor[:10]) - dt.timedelta(days=1)
        except ValueError:
            log.warning("%s: unreadable anchor date %r", ctx.doc.doc_id, ctx.anchor)
            return None
        return DateRef(day.isoformat(), 2)
    return None


def _scene_date(ctx: DocContext, start: int) -> DateRef | None:
    """The day a lead sentence with no event of its own gives ("ISAF troops observed
    insurgents ... today"), for the undated happening told after it in its paragraph."""
    for sent in lead_sentences(ctx, start):
        found = event_date(undatelined(ctx, sent), published=ctx.doc.published, anchor=ctx.anchor)
        if found is not None:
            return found
    return None
