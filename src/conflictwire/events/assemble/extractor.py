"""Event extraction: sentences → mentions → happenings → ACLED-style ``Event`` records.

For each sentence of the analysis text: find triggers (``triggers``), drop those that tell
no happening (``modality``), read its attribution (``attribution``), place (the geocoder),
date and counts (``support``), and actors with their roles (``roles``). Mentions are grouped
into happenings (``segment``) and each is coded (``coding``, ``taxonomy``) into an ``Event``
whose evidence spans index the original text.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from conflictwire.events.assemble.background import is_background, is_stale
from conflictwire.events.assemble.context import (
    COREF,
    COREF_SUBJ,
    DocContext,
    district_in_region,
    narrative_date,
    scene,
    undatelined,
)
from conflictwire.events.assemble.doers import fill_actor1, final_actors, sentence_actors
from conflictwire.events.assemble.headline import place_unplaced, segment_with_headline
from conflictwire.events.assemble.record import arrests_of, build_event
from conflictwire.events.assemble.segment import EventDraft, Mention
from conflictwire.events.candidates.clauses import split_clauses
from conflictwire.events.candidates.headlines import (
    described,
    is_cumulative,
    profiled_or_seized,
    reaction_to,
    sought_not_struck,
    speaker_region,
    speaker_spans,
    told_before,
)
from conflictwire.events.candidates.layout import blocks, paragraph_of, single_report
from conflictwire.events.candidates.modality import is_habitual, is_irrealis
from conflictwire.events.candidates.triggers import GENERIC, Trigger, find_triggers
from conflictwire.events.classify.blend import PROPOSED_MARK, choose_sub_type, proposed_kind, vetoed
from conflictwire.events.classify.coding import (
    LABEL_MARK,
    TERRITORY,
    beyond_scope,
    names_armed_victims,
    ordinary_arrest,
    resolve_sub_type,
    territory_by_actor,
    territory_told,
)
from conflictwire.events.classify.model import Prediction, TextClassifier, coder_version
from conflictwire.events.classify.verdicts import (
    SHORT_TEXT_CHARS,
    SHORT_TEXT_SENTENCES,
    lead_start,
    sentence_verdicts,
)
from conflictwire.events.fields.asides import speech_days_blanked
from conflictwire.events.fields.attribution import Attribution
from conflictwire.events.fields.places import event_country, release_place
from conflictwire.events.fields.release_tolls import share_release_toll
from conflictwire.events.fields.roles import assign_roles
from conflictwire.events.fields.support import ActorRef, DateRef, event_date, find_actors
from conflictwire.events.fields.weapons import find_weapons
from conflictwire.geo import Geocoder
from conflictwire.records import CleanedText, Document, Event, EventLocation

__all__ = ["extract_events"]

log = logging.getLogger(__name__)

_NEW = re.compile(
    r"^\W*(?:in addition|additionally|separately|meanwhile|elsewhere|also|at the same time"
    r"|in another|in a (?:separate|further|second|different))\b",
    re.I,
)
_WIDE = re.compile(
    r"\b(?:and (?:many |several |other |a number of )+(?:other )?(?:places|cities|towns|regions"
    r"|areas))|across the country|throughout the country\b",
    re.I,
)
_CASUALTY_ONLY = frozenset({"~kill"})


def _token_for(sent: Span, trig: Trigger) -> Span:
    span = sent.doc.char_span(trig.start, trig.end, alignment_mode="expand")
    return span if span is not None else sent[0:1]


_NEGATIVE_CUES = frozenset({"Non-violent transfer of territory"})  # "without a fight" is the cue
_PURPOSE_CUES = frozenset({"Peaceful protest"})
_WEAPON_NOUNS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    }
)


# ACLED's bookkeeping: a clause marked "(coded separately)" tells another event.
_SEPARATE = re.compile(r"\([^()]*coded separately[^()]*\)|[^,;()]*\(coded separately\)", re.I)


def _bookkept(text: str) -> str:
    return _SEPARATE.sub(lambda m: " " * len(m.group(0)), text)


def _realis_triggers(sent: Span) -> list[Trigger]:
    kept = []
    cumulative = is_cumulative(sent.text)
    for trig in find_triggers(_bookkept(sent.text), sent.start_char):
        if described(sent, trig) or (cumulative and trig.kind == "~kill"):
            continue
        tok = _token_for(sent, trig).root
        if trig.kind != "Disrupted weapons use" and (profiled_or_seized(tok) or reaction_to(tok)):
            continue
        if (trig.kind == "~kill" and told_before(tok)) or (
            trig.kind == "~strike" and sought_not_struck(tok)
        ):
            continue
        negation = trig.kind not in _NEGATIVE_CUES
        if not is_irrealis(tok, sent, negation=negation, purpose=trig.kind in _PURPOSE_CUES):
            kept.append(trig)
    if any(t.kind == "Disrupted weapons use" for t in kept):
        # "shot down a drone": the weapon is what was disrupted, not how anyone attacked.
        kept = [
            t
            for t in kept
            if not (t.kind in _WEAPON_NOUNS and _token_for(sent, t).root.pos_ in ("NOUN", "PROPN"))
        ]
    return kept


def _actor_spans(sent: Span, country: str | None) -> list[tuple[int, int]]:
    refs = find_actors(sent.text, country=country)
    return [(r.start + sent.start_char, r.end + sent.start_char) for r in refs if r.inter != 7]


def _shift(refs: list[ActorRef], offset: int) -> list[ActorRef]:
    return [ActorRef(r.start + offset, r.end + offset, r.text, r.name, r.inter) for r in refs]


@dataclass
class _Reading:
    """What a sentence (or clause) tells, before anything is placed or named."""

    triggers: list[Trigger]
    kinds: list[str]
    vetoed: bool  # out of ACLED's scope by the classifier: evidence only


def _reading(
    ctx: DocContext, sent: Span, first: bool, read_verdict: Callable[[], Prediction | None]
) -> _Reading | None:
    """The sentence's kinds of happening, or None if it tells none worth a mention."""
    triggers = _realis_triggers(sent)
    kinds = [t.kind for t in triggers]
    labelled = first and ctx.label is not None
    if labelled:
        kinds.insert(0, LABEL_MARK + str(ctx.label))
    if not kinds and sent.start_char not in ctx.proposable:
        return None  # nothing to code and nothing the classifier may propose
    if is_habitual(sent) and not first:
        return None  # a generic statement, whatever the classifier reads: not worth its time
    # An industrial blast, a match report, a condemnation: told, but no happening of ACLED's.
    # Kept as a mention so that a restatement of a real event still joins it as evidence;
    # alone it makes no event.
    out_of_scope = bool(kinds) and vetoed(read_verdict(), labelled)
    proposed = None
    # Where the rules saw a cue and set it aside (a target's profile, a plan, a negation),
    # their reading stands, except for a short text's main sentence, which the classifier
    # read whole ("police seized seven illegal firearms" is the snippet's happening).
    main = ctx.short and sent.start_char == ctx.first_start
    set_aside = not kinds and bool(find_triggers(sent.text))
    proposable = not kinds and sent.start_char in ctx.proposable and (main or not set_aside)
    # A running total ("has lost 7,500 troops in the war so far") tells no one happening.
    if proposable and not is_cumulative(sent.text):
        proposed = proposed_kind(
            read_verdict(), whole_text=ctx.short and main, set_aside=set_aside, text=sent.text
        )
    if proposed is not None:
        kinds = [PROPOSED_MARK + proposed]  # a happening the rules have no cue for
    return _Reading(triggers, kinds, out_of_scope) if kinds else None


def _described(
    ctx: DocContext,
    sent: Span,
    para: int,
    attribution: Attribution,
    reading: _Reading,
    read_verdict: Callable[[], Prediction | None],
) -> Mention:
    """The mention of ``reading``: its doers, place, day and evidence."""
    triggers, kinds = reading.triggers, reading.kinds
    speakers = speaker_spans(sent)
    actor_spans = _actor_spans(sent, ctx.country)
    location = ctx.locate(sent.start_char, sent.end_char, actor_spans + speakers)
    if location.place is None and (speakers or actor_spans):
        # "DPR militiaman killed", "... - LPR People's Militia": the region is all it names.
        location = speaker_region(ctx.locate(sent.start_char, sent.end_char, []))
    country = event_country(location, sent.text, ctx.country)
    if location.place is not None and location.place.kind == "country":
        location = EventLocation(None, None, location.location_text, country)
    if location.place is None and country != location.country:
        location = EventLocation(None, None, location.location_text, country)
    if location.place is None:
        location = district_in_region(ctx, sent, location)
    if location.place is None and location.location_text is None:
        location = scene(ctx, sent, location)
    refs = [
        r
        for r in _shift(sentence_actors(sent.text, country), sent.start_char)
        if not any(a <= r.start < b for a, b in speakers)
    ]
    # The first trigger carries the sentence's main predicate ("attacked ..., but were repelled").
    head = triggers[0] if triggers else None
    actor1 = actor2 = None
    if head is not None:
        actor1, actor2 = assign_roles(sent, _token_for(sent, head).root, refs)
    elif refs:
        # A labelled note ("Movement of forces: ...") names its actor as the subject.
        actor1, actor2 = assign_roles(sent, sent.root, refs)
    return Mention(
        start=max(sent.start_char, min(ctx.dateline_end, sent.end_char - 1)),
        end=sent.end_char,
        paragraph=para,
        kinds=kinds,
        actor1=actor1,
        actor2=actor2,
        location=location,
        date=event_date(
            speech_days_blanked(undatelined(ctx, sent)),  # "said on Sunday" is no event's day
            published=ctx.doc.published,
            anchor=ctx.anchor,
        ),
        attribution=attribution,
        weapons=find_weapons(sent.text) if any(k not in GENERIC for k in kinds) else [],
        coref=bool(COREF.search(sent.text) or COREF_SUBJ.search(sent.text)),
        wide=bool(_WIDE.search(sent.text)),
        new_marker=bool(_NEW.search(sent.text)),
        actors=refs,
        text=sent.text,
        verdict=read_verdict(),
        vetoed=reading.vetoed,
    )


def _may_tell(ctx: DocContext, sent: Span, first: bool) -> bool:
    """Whether any clause of ``sent`` could become a mention: it has a rule trigger, a cue the
    classifier may propose a happening from, or it is a labelled note's first sentence. The
    others are not cut into clauses, which would geocode the whole document for nothing."""
    if (first and ctx.label is not None) or sent.start_char in ctx.proposable:
        return True
    return bool(find_triggers(_bookkept(sent.text)))


def _no_verdict(_start: int) -> None:
    return None  # a later clause: the sentence's verdict speaks for its first


def _mentions(ctx: DocContext) -> list[Mention]:
    last_para = -1
    sents = [s for whole in ctx.parsed.sents for s in blocks(whole)]
    if ctx.classifier is not None:
        body = [(s.start_char, s.text) for s in sents if s.text.strip()]
        body = [(start, text) for start, text in body if start + len(text) > ctx.dateline_end]
        # The classifier reads what happened, not the dateline before it ("2012-10-04 KABUL,
        # Afghanistan, October 4, 2012 -" reads as an old story's date).
        body = [(start, text[max(0, ctx.dateline_end - start) :]) for start, text in body]
        # An article the prefilter cut down to a few sentences is no snippet: its fragments
        # joined are no text the classifier was trained on, and reading them whole cost a
        # long read per article.
        cut = len(ctx.text) > SHORT_TEXT_CHARS and ctx.parsed.text != ctx.text
        ctx.short = len(body) <= SHORT_TEXT_SENTENCES and not cut
        ctx.verdicts, ctx.proposable = sentence_verdicts(body, ctx.classifier, ctx.short)
        ctx.first_start = lead_start(body)
    pending: list[_Pending] = []
    for i, sent in enumerate(sents):
        if not sent.text.strip() or sent.end_char <= ctx.dateline_end:
            continue  # a title above the dateline only sums up what the body tells
        para = paragraph_of(ctx.paragraphs, sent.start_char)
        if para != last_para:
            ctx.tracker.new_paragraph()
        attribution = ctx.tracker.read(sent.text, first_in_paragraph=para != last_para)
        first = i == 0 or (not pending and ctx.label is not None)
        last_para = para
        if _may_tell(ctx, sent, first):
            pending += _sentence_readings(ctx, sent, para, attribution, first)
    # A document all of whose mentions are out of scope codes no event: its places and doers
    # would be looked up for nothing (one parsed document in six on the throughput mix).
    if all(p.reading.vetoed for p in pending):
        return []
    return _materialized(ctx, pending)


@dataclass
class _Pending:
    """A mention read but not yet described (placed, its doers named)."""

    reading: _Reading
    describe: Callable[[], Mention]
    clauses: bool  # one of several clauses of its sentence
    follows: bool  # an earlier clause of the sentence made a mention
    whole_date: DateRef | None


def _sentence_readings(
    ctx: DocContext, sent: Span, para: int, attribution: Attribution, first: bool
) -> list[_Pending]:
    pieces = split_clauses(sent, lambda: ctx.places)
    whole_date = None
    if len(pieces) > 1:
        whole_date = event_date(sent.text, published=ctx.doc.published, anchor=ctx.anchor)
    found: list[_Pending] = []
    for n, piece in enumerate(pieces):
        # The verdict is on the whole sentence: it speaks for its main (first) clause.
        # Read only if the clause is worth it (_reading asks): most are set aside first.
        verdict = functools.partial(_no_verdict if n else ctx.verdicts.get, sent.start_char)
        reading = _reading(ctx, piece, first, verdict)
        if reading is None:
            continue
        describe = functools.partial(_described, ctx, piece, para, attribution, reading, verdict)
        found.append(_Pending(reading, describe, len(pieces) > 1, bool(found), whole_date))
    return found


def _materialized(ctx: DocContext, pending: list[_Pending]) -> list[Mention]:
    found: list[Mention] = []
    for p in pending:
        m = p.describe()
        # Segment drops background with its retellings; an out-of-scope (vetoed) mention
        # is evidence only and must not take a real happening's retelling down with it.
        m.background = not m.vetoed and is_background(
            m, ctx.anchor, ctx.doc.doc_id, short=ctx.short
        )
        if p.follows:
            # A later clause shares the sentence's subject and, unless it names one, its day.
            m.actor1 = m.actor1 or found[-1].actor1
            m.new_marker = True
        if p.clauses:
            m.date = m.date or p.whole_date
            m.shared = True
        found.append(m)
    return found


def _code(
    ctx: DocContext,
    draft: EventDraft,
    actor1: ActorRef | None,
    mentions: list[Mention],
    whole_note: bool,
) -> Event | None:
    """The event record of one happening, or None when its cues code to nothing."""
    kinds = [k for m in draft.mentions if not m.vetoed for k in m.kinds]
    if not kinds:
        return None  # every sentence of it is out of ACLED's scope
    actor2 = next(
        (
            m.actor2
            for m in draft.mentions
            if m.actor2 is not None and (actor1 is None or m.actor2.name != actor1.name)
        ),
        None,
    )
    text = " ".join(ctx.text[m.start : m.end] for m in draft.mentions)
    # The classifier's proposals code a happening only where the rules found no cue at all.
    cues = [k for k in kinds if not k.startswith(PROPOSED_MARK)]
    proposed = [k[len(PROPOSED_MARK) :] for k in kinds if k.startswith(PROPOSED_MARK)]
    sub = resolve_sub_type(cues, actor1, actor2, text, ctx.country) if cues else proposed[0]
    if sub is None or (set(kinds) <= _CASUALTY_ONLY and actor1 is None and actor2 is None):
        return None
    # A vetoed sentence ("No group claimed the bombing") is evidence, not a reading of the
    # happening's kind: its verdict would only dilute the others'.
    preds = [m.verdict for m in draft.mentions if m.verdict is not None and not m.vetoed]
    # An ACLED-style note (one date-led paragraph) is written in the vocabulary the rules
    # were built on, precedence and all: there they code whatever they have a cue for.
    rules_first = ctx.label is not None or single_report(ctx.text)
    # A verdict on a sentence that tells several happenings speaks for none of them alone.
    short = ctx.short and not rules_first and not any(m.shared for m in draft.mentions)
    learned, confidence = choose_sub_type(
        sub,
        preds,
        kinds,
        labelled=rules_first,
        armed_victims=names_armed_victims(text),
        short=short,
        # The whole text's verdict speaks for its happening only if it tells just the one.
        whole=ctx.verdicts.get(ctx.first_start) if short and ctx.happenings == 1 else None,
    )
    if learned is None:
        return None
    scope = ctx.text if ctx.short else text  # a snippet is one story: its whole text
    if sub is not None and learned in TERRITORY and not territory_told(scope):
        # No place changed hands: the rules' reading of the raid stands.
        learned, confidence = sub, max((p.probability(sub) for p in preds), default=None)
    if learned != sub:
        sub = territory_by_actor(learned, actor1)
        confidence = max((p.probability(sub) for p in preds), default=confidence)
    actor1, actor2 = final_actors(sub, actor1, actor2, text, ctx.country)
    if beyond_scope(sub, (preds, kinds), scope, (actor1, actor2), ctx.short, rules_first):
        return None
    event = build_event(
        ctx.doc,
        ctx.cleaned,
        draft,
        sub,
        (actor1, actor2),
        ctx.country,
        fallback_date=narrative_date(ctx, mentions, draft),
        # A one-event note: its toll may sit in a sentence with no trigger of its own.
        casualty_text=ctx.text if whole_note else None,
    )
    event.confidence = confidence
    event.coder_version = coder_version(ctx.classifier)
    return event


def extract_events(
    doc: Document,
    cleaned: CleanedText,
    parsed: Doc,
    geocoder: Geocoder,
    classifier: TextClassifier | None = None,
) -> list[Event]:
    """Return the events ``doc`` reports, evidence in ``doc.text`` offsets. Without a
    ``classifier`` the rules alone code (``coder_version`` says so)."""
    if not cleaned.analysis.strip():
        return []
    ctx = DocContext(doc, cleaned, parsed, geocoder, classifier)
    mentions = _mentions(ctx)
    single = single_report(ctx.text)
    drafts = segment_with_headline(ctx.text, mentions, single_report=single)
    mentions = [m for m in mentions if not m.background]  # no day or doer from the past
    for m in (m for draft in drafts for m in draft.mentions):  # a press release's province
        m.location = release_place(ctx.text, ctx.places, ctx.header_places, m.start, m.location)
    if drafts:  # (no happening: no geocoding)
        place_unplaced(drafts, ctx.filed_from)
    fills = fill_actor1(drafts, mentions)
    ctx.happenings = len(drafts)
    events = []
    for i, draft in enumerate(drafts):
        actor1 = draft.actor1 or fills.get(i)
        event = _code(ctx, draft, actor1, mentions, single and i == 0)
        if event is not None and is_stale(event.event_date, ctx.anchor, doc.doc_id):
            continue  # told of as the story's past (its day months before the report)
        if event is not None:
            events.append(event)
            # An ACLED note codes a raid as one event, as ACLED does; a press release or
            # article reports its detentions as a happening of their own.
            if single:
                continue
            own = _own_arrests(draft, actor1)
            if ordinary_arrest(" ".join(m.text for m in own)):
                continue  # police work is no arrest of ACLED's
            arrest = arrests_of(event, ctx.cleaned, own)
            if arrest is not None:
                arrest.coder_version = event.coder_version
                arrest.confidence = _probability(draft, "Arrests")
                events.append(arrest)
    share_release_toll(ctx.text, ctx.dateline_end, events)  # a restated toll once
    return events


def _own_arrests(draft: EventDraft, actor1: ActorRef | None) -> list[Mention]:
    """The operation's sentences telling detentions by its own force (the police arresting a
    gunman after his attack is part of that attack's story, as ACLED codes it)."""
    return [
        m
        for m in draft.mentions
        if "Arrests" in m.kinds
        and (m.actor1 is None or actor1 is None or m.actor1.name == actor1.name)
    ]


def _probability(draft: EventDraft, sub: str) -> float | None:
    found = [m.verdict.probability(sub) for m in draft.mentions if m.verdict is not None]
    return max(found) if found else None
