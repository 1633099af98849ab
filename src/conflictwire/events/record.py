"""Building the ``Event`` record of one happening from its grouped mentions."""

from __future__ import annotations

from conflictwire.events.notes import write_note
from conflictwire.events.segment import EventDraft, Mention, place_key
from conflictwire.events.support import ActorRef, DateRef
from conflictwire.events.taxonomy import disorder_type, event_type_of
from conflictwire.geo import Geocoder, country_info
from conflictwire.records import CleanedText, Document, Event, EventLocation, Span, Weapon

__all__ = ["build_event"]

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


def _evidence(cleaned: CleanedText, draft: EventDraft) -> list[Span]:
    spans = {(m.start, m.end) for m in draft.mentions}
    out = []
    for start, end in sorted(spans):
        text = cleaned.analysis[start:end]
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        out.append(cleaned.original_span(start + lead, start + trail))
    return out


def _counts(draft: EventDraft) -> tuple[int, int | None]:
    # ACLED takes the lowest of differing figures for one happening.
    deaths = [
        m.casualties.fatalities for m in draft.mentions if m.casualties.fatalities is not None
    ]
    hurt = [m.casualties.injuries for m in draft.mentions if m.casualties.injuries is not None]
    return (min(deaths) if deaths else 0), (min(hurt) if hurt else None)


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


def build_event(
    doc: Document,
    cleaned: CleanedText,
    draft: EventDraft,
    sub: str,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    doc_country: str | None,
    *,
    geocoder: Geocoder,
    fallback_date: DateRef | None = None,
) -> Event:
    etype = event_type_of(sub)
    loc = _location(draft)
    place = loc.place
    country = (place.country if place else None) or loc.country or doc_country
    info = country_info(country) if country else None
    date = _date(draft) or fallback_date
    fatalities, injuries = _counts(draft)
    primary = _primary(draft, sub)
    event = Event(
        doc_id=doc.doc_id,
        event_type=etype,
        sub_event_type=sub,
        disorder_type=disorder_type(sub),
        event_date=date.date if date else None,
        time_precision=date.precision if date else None,
        year=int(date.date[:4]) if date else None,
        actor1=actor1.name if actor1 else None,
        inter1=actor1.inter if actor1 else None,
        actor2=actor2.name if actor2 else None,
        inter2=actor2.inter if actor2 else None,
        interaction=_interaction(
            actor1.inter if actor1 else None, actor2.inter if actor2 else None
        ),
        civilian_targeting=(
            "Civilian targeting"
            if actor2 is not None and actor2.inter == 7 and etype in _POLITICAL_VIOLENCE
            else None
        ),
        iso=info.iso_numeric if info else None,
        region=info.region if info else None,
        country=country,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        admin3=place.admin3 if place else None,
        location=place.name if place else None,
        location_text=loc.location_text,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=loc.precision if place else None,
        geonames_id=place.geonames_id if place else None,
        fatalities=fatalities,
        injuries=injuries,
        weapons=_weapons(draft),
        certainty=primary.attribution.certainty,  # type: ignore[arg-type]
        attribution=list(primary.attribution.sources),
        source=cleaned.cited_source or doc.source,
        evidence=_evidence(cleaned, draft),
    )
    event.notes = write_note(event)
    return event
