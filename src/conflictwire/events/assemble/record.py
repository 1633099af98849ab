"""Building the ``Event`` record of one happening from its grouped mentions."""

from __future__ import annotations

import dataclasses
import re

from conflictwire.events.assemble.notes import write_note
from conflictwire.events.assemble.segment import EventDraft, Mention, place_key
from conflictwire.events.classify.taxonomy import disorder_type, event_type_of
from conflictwire.events.fields.support import ActorRef, DateRef, find_casualties
from conflictwire.geo import country_info
from conflictwire.records import CleanedText, Document, Event, EventLocation, Span, Weapon

__all__ = ["arrests_of", "build_event"]

_POLITICAL_VIOLENCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _primary(draft: EventDraft, sub: str) -> Mention:
    """The mention that states the happening's type; its attribution is the event's."""
    return next((m for m in draft.mentions if sub in m.kinds and not m.wide), draft.mentions[0])


def _location(draft: EventDraft) -> EventLocation:
    best = None
    own = [m for m in draft.mentions if not m.wide] or draft.mentions
    for m in own:
        if place_key(m.location) is not None and (
            best is None or (m.location.precision or 9) < (best.precision or 9)
        ):
            best = m.location
    if best is not None:
        return best
    texts = [m.location for m in own if m.location.location_text or m.location.country]
    return texts[0] if texts else own[0].location


_UNNAMED_PLACE = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(village|town|city|settlement|district|area|neighbou?rhood"
    r"|base|camp|port|airfield)\b",
    re.I,
)
_DISTANCE = r"[^.;]*?\b(\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|miles?)\b[^.;]*)"


def _place_description(text: str, draft: EventDraft) -> str | None:
    """An unnamed place as the text gives it: "a Ukrainian village, 70 kilometers away from
    the capital of Ukraine" (its distance read from a later sentence of the same paragraph)."""
    for m in draft.mentions:
        found = _UNNAMED_PLACE.search(text, m.start, m.end)
        if found is None:
            continue
        end = text.find("\n\n", m.end)
        noun = found.group(1).lower()
        rest = re.compile(r"\bthe " + noun + _DISTANCE, re.I).search(
            text, found.end(), len(text) if end < 0 else end
        )
        if rest is not None:
            return f"{found.group(0)}, {rest.group(1).strip()}"
        return found.group(0)
    return None


_CROWD = re.compile(
    r"\b((?:about|around|approximately|over|more than|some|nearly|at least|up to|hundreds of"
    r"|dozens of|thousands of|a (?:large |small )?(?:group|crowd) of)\s+)?(\d[\d, ]*\d|\d+|hundreds"
    r"|dozens|thousands|several)\s+(?:[\w-]+\s+){0,2}?(?:people|protesters|demonstrators|residents"
    r"|students|women|workers|supporters|activists|traders|drivers|locals|youths|villagers)\b",
    re.I,
)


def _crowd_tag(text: str) -> str:
    """ACLED's crowd-size tag of a demonstration: the size as the text gives it."""
    m = _CROWD.search(text)
    if m is None:
        return "crowd size=no report"
    return "crowd size=" + " ".join([*(m.group(1) or "").split(), m.group(2).strip()])


def _evidence(cleaned: CleanedText, draft: EventDraft) -> list[Span]:
    spans = {(m.start, m.end) for m in draft.mentions}
    out = []
    for start, end in sorted(spans):
        text = cleaned.analysis[start:end]
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        out.append(cleaned.original_span(start + lead, start + trail))
    return out


def _counts(draft: EventDraft, text: str | None) -> tuple[int, int | None, int | None]:
    """The toll read over all the event's sentences at once, so restatements and additions
    ("Two were killed ... A third died") resolve as ACLED counts them; then the detained."""
    if text is None:
        # An out-of-scope sentence joined as evidence ("... in 2020, when 22 were killed")
        # lends the happening no toll.
        own = [m for m in draft.mentions if not m.wide and not m.vetoed] or draft.mentions
        text = " ".join(m.text for m in own)
    found = find_casualties(text)
    return (found.fatalities or 0), found.injuries, found.detained


def _tags(event: Event, draft: EventDraft, detained: int | None) -> str | None:
    """ACLED-style tags; the number detained is kept as ``detained=N`` (the record has no
    field for it, and ACLED itself tells it only in the notes)."""
    tags = []
    if event.event_type in ("Protests", "Riots"):
        tags.append(_crowd_tag(" ".join(m.text for m in draft.mentions)))
    if detained:
        tags.append(f"detained={detained}")
    return "; ".join(tags) or None


def _weapons(draft: EventDraft) -> list[Weapon]:
    own = [m for m in draft.mentions if not m.wide]
    merged: dict[str, int | None] = {}
    for m in own:
        for w in m.weapons:
            if merged.get(w.type) is None:
                merged[w.type] = w.count
    return [Weapon(t, c) for t, c in merged.items()]


def _date(draft: EventDraft) -> DateRef | None:
    return draft.date


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return 10 * inter1
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def _set_place(event: Event, loc: EventLocation, doc_country: str | None) -> None:
    place = loc.place
    event.country = (place.country if place else None) or loc.country or doc_country
    info = country_info(event.country) if event.country else None
    event.iso = info.iso_numeric if info else None
    event.region = info.region if info else None
    event.location_text = loc.location_text
    if place is None:
        return  # known no better than the country: kept, unlocated
    event.admin1, event.admin2, event.admin3 = place.admin1, place.admin2, place.admin3
    event.location = place.name
    event.latitude, event.longitude = place.latitude, place.longitude
    event.geo_precision = loc.precision
    event.geonames_id = place.geonames_id


_PARTISANS = re.compile(r"\bpartisans?\b", re.I)


def _local_militia(ref: ActorRef | None, event: Event) -> ActorRef | None:
    """ACLED names partisans after the town they act in: "Melitopol Communal Militia (Ukraine)"."""
    if ref is None or not _PARTISANS.search(ref.text) or not event.location or not event.country:
        return ref
    name = f"{event.location} Communal Militia ({event.country})"
    return ActorRef(ref.start, ref.end, ref.text, name, 4)


def _set_actors(event: Event, actor1: ActorRef | None, actor2: ActorRef | None) -> None:
    actor1, actor2 = _local_militia(actor1, event), _local_militia(actor2, event)
    event.actor1, event.inter1 = (actor1.name, actor1.inter) if actor1 else (None, None)
    event.actor2, event.inter2 = (actor2.name, actor2.inter) if actor2 else (None, None)
    event.interaction = _interaction(event.inter1, event.inter2)
    if event.inter2 == 7 and event.event_type in _POLITICAL_VIOLENCE:
        event.civilian_targeting = "Civilian targeting"


def build_event(
    doc: Document,
    cleaned: CleanedText,
    draft: EventDraft,
    sub: str,
    actors: tuple[ActorRef | None, ActorRef | None],
    doc_country: str | None,
    *,
    fallback_date: DateRef | None = None,
    casualty_text: str | None = None,
) -> Event:
    """The record of one happening; ``actors`` is its (actor1, actor2)."""
    etype = event_type_of(sub)
    loc = _location(draft)
    if loc.place is None:
        described = _place_description(cleaned.analysis, draft)
        # "a Ukrainian village" as the geocoder kept it, "..., 70 kilometers away from the
        # capital" as the story goes on to say: the fuller description wins.
        if described and (not loc.location_text or loc.location_text in described):
            loc = EventLocation(None, None, described, loc.country)
    date = _date(draft) or fallback_date
    fatalities, injuries, detained = _counts(draft, casualty_text)
    primary = _primary(draft, sub)
    event = Event(
        doc_id=doc.doc_id,
        event_type=etype,
        sub_event_type=sub,
        disorder_type=disorder_type(sub),
        event_date=date.date if date else None,
        time_precision=date.precision if date else None,
        year=int(date.date[:4]) if date else None,
        fatalities=fatalities,
        injuries=injuries,
        weapons=_weapons(draft),
        certainty=primary.attribution.certainty,  # type: ignore[arg-type]
        attribution=list(primary.attribution.sources),
        source=cleaned.cited_source or doc.source,
        evidence=_evidence(cleaned, draft),
    )
    _set_place(event, loc, doc_country)
    _set_actors(event, *actors)
    event.tags = _tags(event, draft, detained)
    event.notes = write_note(event)
    return event


def arrests_of(event: Event, cleaned: CleanedText, mentions: list[Mention]) -> Event | None:
    """The detentions of a kill-capture operation as their own ACLED Arrests event.

    ACLED's precedence codes the operation by its violence; the people taken away are a second
    happening (Strategic developments: Arrests) at the same place and day, by the same force.
    ``mentions`` are the operation's sentences that tell the detentions.
    """
    detained = next((t for t in (event.tags or "").split("; ") if t.startswith("detained=")), None)
    violent = event.event_type in ("Battles", "Explosions/Remote violence")
    # A seizure with detentions ("detained two and found a cache") is two happenings too.
    kinds = ("Attack", "Disrupted weapons use")
    if not (violent or event.sub_event_type in kinds) or detained is None or not mentions:
        return None  # an armed group's "detention" is itself the abduction
    # The state side detains; the other side, when named, is who was taken.
    sides = [(event.actor1, event.inter1), (event.actor2, event.inter2)]
    if event.inter1 not in (1, 8) and event.inter2 in (1, 8):
        sides.reverse()
    (actor1, inter1), (actor2, inter2) = sides
    arrest = dataclasses.replace(
        event,
        event_type=event_type_of("Arrests"),
        sub_event_type="Arrests",
        disorder_type=disorder_type("Arrests"),
        actor1=actor1,
        inter1=inter1,
        actor2=actor2,
        inter2=inter2,
        assoc_actor_1=None,
        assoc_actor_2=None,
        interaction=_interaction(inter1, inter2),
        civilian_targeting=None,
        fatalities=0,
        injuries=None,
        weapons=[],
        tags=detained,
        evidence=_evidence(cleaned, EventDraft(mentions=mentions)),
    )
    arrest.notes = write_note(arrest)
    return arrest
