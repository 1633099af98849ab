"""Doers: who an event's actors are beyond what one clause's parse says.

ACLED conventions a coder applies to the whole report: "Russian and Ukrainian forces" names
two sides; "a Russian mine" names who laid it; the note's own "(coded as X)" names the actor;
an unattributed mine is Unidentified Military Forces; a passive report takes the paragraph's
attacker; protesters are actor1 of their protest and the police who met them actor2.
"""

from __future__ import annotations

import re
from collections import Counter

from conflictwire.events.assemble.segment import EventDraft, Mention
from conflictwire.events.classify.coding import crowd_actor
from conflictwire.events.classify.taxonomy import event_type_of
from conflictwire.events.fields.support import ActorRef, actor_match, find_actors

__all__ = ["fill_actor1", "final_actors", "sentence_actors"]

_MET_BY_FORCE = frozenset(
    {"Protest with intervention", "Excessive force against protesters", "Violent demonstration"}
)
_COORDINATED = re.compile(r"\b([A-Z][a-z]+) and (?:the )?$")


_OWNED_WEAPON = re.compile(
    r"\b([A-Z][a-z]+(?:ian|ish|ese|an|i))\s+(?:[\w-]+\s+){0,2}?(?:mines?|missiles?|drones?|rockets?"
    r"|shells?|booby traps?|explosives?|aircraft|jets?|helicopters?|artillery|munitions?)\b"
)


def sentence_actors(text: str, country: str | None) -> list[ActorRef]:
    """Actors of a sentence, with the first of "Russian and Ukrainian forces" spelled out."""
    refs = find_actors(text, country=country)
    extra = []
    for ref in refs:
        m = _COORDINATED.search(text[: ref.start])
        words = ref.text.split()
        if m is None or len(words) < 2:
            continue
        # "Russian and Ukrainian forces": the adjective borrows the head noun of its partner.
        found = actor_match(f"{m.group(1)} {' '.join(words[1:])}", country=country)
        if found is not None and found.name != ref.name:
            extra.append(ActorRef(m.start(1), m.end(1), m.group(1), found.name, found.inter))
    taken = [(r.start, r.end) for r in refs + extra]
    for m in _OWNED_WEAPON.finditer(text):
        # "a Russian mine went off": the weapon's nation fired or laid it.
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        found = actor_match(f"{m.group(1)} forces", country=country)
        if found is not None:
            extra.append(ActorRef(m.start(1), m.end(1), m.group(1), found.name, found.inter))
    return sorted(refs + extra, key=lambda r: r.start)


# ACLED's own bookkeeping names the actor it coded: "(described as allied forces, coded as
# Unidentified Military Forces)", "unidentified gunman (coded as military forces)".
_CODED_AS = re.compile(r"\bcoded as (?!\d)([A-Za-z][\w ()'-]*?)(?=[),.;]|$)")
_ORDNANCE = frozenset({"Remote explosive/landmine/IED"})


def _coded_as(text: str, country: str | None) -> ActorRef | None:
    m = _CODED_AS.search(text)
    if m is None:
        return None
    phrase = m.group(1).strip()
    if phrase.lower().startswith("unidentified military forces"):
        return ActorRef(m.start(1), m.end(1), phrase, "Unidentified Military Forces", 8)
    return actor_match(phrase, country=country)


_IMPROVISED = re.compile(r"\b(?:ieds?|vbieds?|improvised|roadside|car bombs?|planted)\b", re.I)


def _unidentified(sub: str, text: str, country: str | None) -> ActorRef | None:
    """No one named: ACLED codes old ordnance (mines, UXO) to Unidentified Military Forces
    and a planted bomb to an Unidentified Armed Group of the country."""
    if sub not in _ORDNANCE:
        return None
    if _IMPROVISED.search(text) and country:
        return ActorRef(0, 0, "", f"Unidentified Armed Group ({country})", 3)
    return ActorRef(0, 0, "", "Unidentified Military Forces", 8)


def fill_actor1(drafts: list[EventDraft], mentions: list[Mention]) -> dict[int, ActorRef | None]:
    """A doer for happenings told without one: the paragraph's, else the document's attacker."""
    by_para: dict[int, Counter[str]] = {}
    refs: dict[str, ActorRef] = {}
    for m in mentions:
        if m.actor1 is not None:
            by_para.setdefault(m.paragraph, Counter())[m.actor1.name] += 1
            refs[m.actor1.name] = m.actor1
    doc_counts: Counter[str] = sum(by_para.values(), Counter())
    fills: dict[int, ActorRef | None] = {}
    for i, ev in enumerate(drafts):
        if ev.actor1 is not None:
            continue
        para = by_para.get(ev.paragraph)
        pick = (
            para.most_common(1)[0][0]
            if para
            else (doc_counts.most_common(1)[0][0] if doc_counts else None)
        )
        fills[i] = refs.get(pick) if pick else None
    return fills


def final_actors(
    sub: str, actor1: ActorRef | None, actor2: ActorRef | None, text: str, country: str | None
) -> tuple[ActorRef | None, ActorRef | None]:
    """The event's actor pair once its type is known."""
    actor1 = _coded_as(text, country) or actor1 or _unidentified(sub, text, country)
    crowd = crowd_actor(sub, actor1, country)
    if (
        crowd is not actor1
        and sub in _MET_BY_FORCE
        and (actor2 is None or crowd is None or actor2.name == crowd.name)
    ):
        actor2 = actor1  # "police detained protesters": the police are the other side
    if event_type_of(sub) == "Protests" and actor2 is not None and actor2.inter == 7:
        actor2 = None  # the crowd itself ("residents protested") is no one's victim
    return crowd, actor2
