"""Segmentation: which sentence-level mentions tell the same happening.

One event is one happening: one place, one day, one pair of actors (CONTRACT.md). Mentions
are read in text order and each joins the event it continues or restates, or opens a new one:
* a coreferent mention ("the attack", "after the strike") joins the latest event;
* mentions at the same place on a compatible day with compatible actors are one event;
* a mention with no place of its own continues the latest event unless it names another
  doer, another day, or opens with a marker of a new happening ("In addition", "Separately");
* an unlocated mention joins an unlocated event of the same doer (a restatement);
* a sweeping mention ("Kiev and many other places were hit") is evidence for the events of
  its paragraph it matches rather than an event of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from conflictwire.events.classify.model import Prediction
from conflictwire.events.classify.taxonomy import SUB_EVENT_TYPES
from conflictwire.events.fields.attribution import Attribution
from conflictwire.events.fields.support import ActorRef, DateRef
from conflictwire.geo import country_info
from conflictwire.records import EventLocation, Weapon

__all__ = ["EventDraft", "Mention", "segment"]


@dataclass
class Mention:
    start: int  # analysis offsets of the sentence (or clause)
    end: int
    paragraph: int
    kinds: list[str]
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: EventLocation
    date: DateRef | None
    attribution: Attribution
    weapons: list[Weapon] = field(default_factory=list)
    coref: bool = False
    wide: bool = False
    new_marker: bool = False
    actors: list[ActorRef] = field(default_factory=list)
    text: str = ""  # the sentence (or clause) itself, as analysed
    verdict: Prediction | None = None  # the learned classifier's, on the whole sentence
    shared: bool = False  # its sentence tells other happenings too (split into clauses)
    vetoed: bool = False  # out of ACLED's scope by the classifier: evidence only, never coded
    # An older happening retold ("In 2014, gunmen killed ..."): it is segmented so that its
    # retelling gathers with it, and then dropped with it (``assemble.background``).
    background: bool = False


@dataclass
class EventDraft:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def place_key(self) -> str | None:
        for m in self.mentions:
            key = place_key(m.location)
            if key is not None:
                return key
        return None

    @property
    def actor1(self) -> ActorRef | None:
        return next((m.actor1 for m in self.mentions if m.actor1 is not None), None)

    @property
    def date(self) -> DateRef | None:
        dates = [m.date for m in self.mentions if m.date is not None]
        return min(dates, key=lambda d: d.precision) if dates else None

    @property
    def paragraph(self) -> int:
        return self.mentions[0].paragraph


def place_key(loc: EventLocation) -> str | None:
    if loc.place is None:
        return None
    return f"{loc.place.name}|{loc.place.admin1}|{loc.place.country}"


def _dates_clash(a: DateRef | None, b: DateRef | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.precision == 1
        and b.precision == 1
        and a.date != b.date
    )


def _actors_clash(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and a.name != b.name


def _side_known(m: Mention, ev: EventDraft) -> bool:
    """The mention's doer already takes part in the event (the other side of one battle)."""
    names = {r.name for x in ev.mentions for r in (x.actor1, x.actor2) if r is not None}
    return m.actor1 is not None and m.actor1.name in names


_DEATHS = frozenset({"~kill"})


def _types(kinds: list[str]) -> set[str]:
    return {SUB_EVENT_TYPES[k] for k in kinds if k in SUB_EVENT_TYPES}


def _types_clash(m: Mention, ev: EventDraft) -> bool:
    """Both name their tactic and the tactics are of different event types."""
    mine = _types(m.kinds)
    theirs = _types([k for x in ev.mentions for k in x.kinds])
    return bool(mine) and bool(theirs) and not mine & theirs


# A death that follows an earlier happening's wounds: it belongs to that happening, whatever
# day it falls on and whoever tells it ("A third person died in hospital on Monday").
_LATER_DEATH = re.compile(
    r"\b(?:died|dies|succumbed)\b[^.;]{0,40}?\b(?:in\s+(?:the\s+)?hospital|of\s+(?:his|her|their)"
    r"\s+(?:wounds|injuries)|from\s+(?:his|her|their)\s+(?:wounds|injuries)|later)\b"
    r"|\b(?:later|subsequently)\s+died\b|\bsuccumbed\b|\bof\s+the\s+(?:wounded|injured)\s+died\b"
    r"|\b(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh)\b[^.;]{0,30}?\b(?:died|dies)\b",
    re.I,
)


def _later_death(m: Mention) -> bool:
    return set(m.kinds) <= _DEATHS and _LATER_DEATH.search(m.text) is not None


# "The men were detained without incident": a definite, uncounted reference to people the
# story already told of.
_ANAPHORIC = re.compile(
    r"^\W*(?:[A-Z][\w ,-]{0,60}?,\s*)?the\s+(?:men|suspects|insurgents|militants|individuals"
    r"|detainees|fighters|attackers|victims|leader|commander|facilitator)\b",
    re.I,
)


def _nested(inner: EventLocation, outer: EventLocation) -> bool:
    """``inner`` lies in the province or district ``outer`` is (Sayyidabad district in Wardak
    province, Gereshk in Nahr-e Saraj district)."""
    a, b = inner.place, outer.place
    if a is None or b is None or a.country != b.country or not a.admin1 or a.admin1 != b.admin1:
        return False
    if b.kind == "admin2":
        return bool(a.admin2) and a.admin2 == (b.admin2 or b.name)  # Gereshk in Nahr-e Saraj
    return b.kind == "admin1"


def _restates_inside(m: Mention, ev: EventDraft) -> bool:
    """The latest happening told again at a finer or coarser place of the same province."""
    place = next((x.location for x in ev.mentions if place_key(x.location) is not None), None)
    if place is None or m.new_marker:
        return False
    if not m.coref and (_types_clash(m, ev) or _actors_clash(m.actor1, ev.actor1)):
        return False  # "The operation targeted a facilitator" is the operation, whatever its cue
    if not (_nested(m.location, place) or _nested(place, m.location)):
        return False
    same_paragraph = m.paragraph == ev.mentions[-1].paragraph
    return same_paragraph or m.coref or _ANAPHORIC.match(m.text) is not None


def _same_region(m: Mention, ev: EventDraft) -> bool:
    """ "The blast took place near Tekalguda, ..." after "an IED blast in Sukma district": the
    happening retold by name ("the blast") at another place of the same province."""
    place = next((x.location.place for x in ev.mentions if x.location.place is not None), None)
    here = m.location.place
    if not m.coref or m.new_marker or place is None or here is None:
        return False
    return bool(here.admin1) and (here.country, here.admin1) == (place.country, place.admin1)


_CUSTODY = frozenset({"Arrests", "~kill"})
_CUSTODY_DAYS = 7


def _custody_after(m: Mention, ev: EventDraft) -> bool:
    """ "A 31-year-old man was arrested Monday" after Sunday's shooting: the suspect's arrest
    is part of that happening's story, on whatever later day it came."""
    if "Arrests" not in m.kinds or not set(m.kinds) <= _CUSTODY or m.new_marker:
        return False
    if place_key(m.location) is not None or all("Arrests" in x.kinds for x in ev.mentions):
        return False
    mine, theirs = m.date, ev.date
    if mine is None or theirs is None:
        return True
    gap = (_iso_day(mine.date) - _iso_day(theirs.date)).days
    return 0 <= gap <= _CUSTODY_DAYS


def _iso_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return dt.date.min


# A name the story gives its victims or scene ("Taleferio", "Pinelake"): capitalized words
# inside a sentence, less days, months, nationalities and the usual capitalized nouns.
_NAME = re.compile(r"(?<=[a-z,;:'’\"“(]\s)[A-Z][a-z]{2,}(?:[-\s][A-Z][a-z]{2,})*")
_NOT_NAMES = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|Police|Army|Officials?"
    r"|President|Minister|Ministry|Governor|Mayor|Chief|Officer|Sheriff|State|County|City"
    r"|Regional|National|Interior|Defen[cs]e|Forces?|Department|Office|Authorities|Security)$"
    r"|(?:ian|ese|ish|ean|i|an|ic)$"
)


def _names(m: Mention) -> frozenset[str]:
    taken = tuple((r.start - m.start, r.end - m.start) for r in m.actors)
    return _names_in(m.text, taken)


@functools.lru_cache(maxsize=4096)  # each mention is compared with many happenings
def _names_in(text: str, taken: tuple[tuple[int, int], ...]) -> frozenset[str]:
    return frozenset(
        word
        for n in _NAME.finditer(text)
        if not any(a <= n.start() < b for a, b in taken)
        for word in re.split(r"[-\s]+", n.group(0))
        # A country is every happening's: it names no victim or spot.
        if not _NOT_NAMES.search(word) and country_info(word) is None
    )


def _same_victims(m: Mention, ev: EventDraft) -> bool:
    """An unplaced mention naming the same person or spot as the happening ("Pinelake
    resident Ellery Chisholm" after "a rampage at the Pinelake Health and Rehab center")
    retells it, whoever it names as the doer."""
    if place_key(m.location) is not None or m.new_marker or _dates_clash(m.date, ev.date):
        return False
    mine = _names(m)
    return bool(mine) and any(mine & _names(x) for x in ev.mentions)


def _joins(m: Mention, ev: EventDraft, latest: bool) -> bool:
    if latest and _custody_after(m, ev):
        return True
    if _same_victims(m, ev):
        return True
    if latest and set(m.kinds) <= _DEATHS and place_key(m.location) is None and m.actor1 is None:
        return True  # "A fourth civilian died in hospital on Tuesday": a later toll of the same
    if (
        latest
        and set(m.kinds) <= _DEATHS
        and place_key(m.location) == ev.place_key
        and not m.new_marker
        and not _dates_clash(m.date, ev.date)
    ):
        return True  # "One police officer was wounded.": a toll told at the event's own place
    if _later_death(m):
        mkey, ekey = place_key(m.location), ev.place_key
        return mkey == ekey if mkey is not None and ekey is not None else latest
    if _dates_clash(m.date, ev.date):
        return False
    mkey, ekey = place_key(m.location), ev.place_key
    if mkey is not None and ekey is not None:
        if mkey != ekey:
            return latest and (_restates_inside(m, ev) or _same_region(m, ev))
        if m.coref and latest:
            return True  # "Two officers were killed in the attack": its victims, not new doers
        return not _actors_clash(m.actor1, ev.actor1) or _side_known(m, ev)
    if m.coref and latest:
        return True
    if mkey is None and ekey is None:
        # Two unlocated mentions of one doer restate one happening.
        if m.actor1 is not None and ev.actor1 is not None:
            return (
                m.actor1.name == ev.actor1.name
                and not m.new_marker
                and not _types_clash(m, ev)
                and (latest or not m.weapons)
            )
        return latest and not m.new_marker
    if mkey is None:
        # No place of its own: it continues the latest event unless it is visibly another.
        return (
            latest
            and not m.new_marker
            and (not _actors_clash(m.actor1, ev.actor1) or _side_known(m, ev))
        )
    return (
        latest
        and not m.new_marker
        and not _actors_clash(m.actor1, ev.actor1)
        and ev.place_key is None
        and m.date is None
    )


# "Sunday's attack", "on Monday", "today": a retelling of the news, never of the background.
_RECENT_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight"
    r"|this\s+(?:morning|afternoon|evening|week))\b",
    re.I,
)


def _background_fit(m: Mention, ev: EventDraft, latest: bool) -> bool | None:
    """Whether ``m`` may join ``ev`` as far as background goes (None: no say). A background
    mention opens or joins background only; a news mention joins background only as its
    bare continuation (no place, no day, no recent word of its own, right after it)."""
    told_before = ev.mentions[0].background
    if m.background:
        return None if told_before else False
    if not told_before:
        return None
    return (
        latest
        and place_key(m.location) is None
        and m.date is None
        and not m.new_marker
        and not _RECENT_WORDS.search(m.text)
    )


def _sweeping_targets(m: Mention, events: list[EventDraft]) -> list[EventDraft]:
    return [
        ev
        for ev in events
        if ev.paragraph == m.paragraph and set(m.kinds) & {k for x in ev.mentions for k in x.kinds}
    ]


def _fits(m: Mention, ev: EventDraft, latest: bool) -> bool:
    fit = _background_fit(m, ev, latest)
    return _joins(m, ev, latest) if fit is None else fit


def segment(mentions: list[Mention], *, single_report: bool = False) -> list[EventDraft]:
    """Group mentions into happenings, in order of first mention; the background's
    happenings (an older one retold, with its retellings) are left out.

    ``single_report``: the document is one dated report of one happening (an ACLED-style
    note: one paragraph opening "On 3 May 2024, ..."); later sentences add detail to it
    unless they carry another day of their own.
    """
    drafts = _segment(mentions, single_report=single_report)
    return [d for d in drafts if not d.mentions[0].background]


def _segment(mentions: list[Mention], *, single_report: bool = False) -> list[EventDraft]:
    if single_report and mentions:
        mentions = [m for m in mentions if not m.background] or mentions
        first = EventDraft([mentions[0]])
        rest = [m for m in mentions[1:] if _dates_clash(m.date, first.date) or m.new_marker]
        first.mentions += [m for m in mentions[1:] if m not in rest]
        return [first] + (_segment(rest) if rest else [])
    events: list[EventDraft] = []
    pending_wide: list[Mention] = []
    current: EventDraft | None = None
    for m in mentions:
        if m.wide:
            if not m.background:
                pending_wide.append(m)
            continue
        # The story's thread is the event told last, which may be an earlier one resumed.
        order = ([current] if current is not None else []) + [
            ev for ev in reversed(events) if ev is not current
        ]
        # After a stretch of background the news story resumes where it left off.
        resumed = None
        if current is not None and current.mentions[0].background and not m.background:
            resumed = next((ev for ev in reversed(events) if not ev.mentions[0].background), None)
        target = next(
            (ev for ev in order if _fits(m, ev, latest=ev is current or ev is resumed)), None
        )
        if target is None:
            target = EventDraft()
            events.append(target)
        target.mentions.append(m)
        current = target
    for m in pending_wide:
        targets = _sweeping_targets(m, events)
        if not targets:
            events.append(EventDraft([m]))
        for ev in targets:
            ev.mentions.append(m)
    return events
