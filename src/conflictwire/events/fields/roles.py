"""Roles: who did it (actor1) and to whom (actor2), read from the dependency parse.

An active subject or a passive agent ("by Belarusian rockets") is the doer; a passive
subject, a direct object or the object of "on/against/with/targeting" is the other side.
When the parse names no doer the extractor falls back to the paragraph's attacker.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from conflictwire.events.fields.support import ActorRef

__all__ = ["assign_roles"]

# The by-agent of these verbs is the defender; the one repelled started the fight (actor1).
_DEFENCE_LEMMAS = frozenset({"repel", "repulse", "thwart", "foil"})
_CUSTODY = frozenset({"detain", "arrest", "capture", "apprehend"})
_SPEECH = frozenset(
    {"say", "tell", "report", "add", "state", "announce", "confirm", "claim", "write", "note"}
)
_PATIENT_PREPS = frozenset(
    {"on", "against", "with", "at", "targeting", "from", "into", "toward", "towards"}
)


def _token_at(sent: Span, ref: ActorRef) -> Token | None:
    """The syntactic head of the actor mention's tokens."""
    toks = [t for t in sent if t.idx >= ref.start and t.idx < ref.end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for tok in toks:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return toks[0]


def _role(tok: Token, trigger: Token) -> str | None:
    """'agent' or 'patient' for a token's relation to the trigger's clause, else None."""
    node = tok
    for _ in range(12):
        dep = node.dep_
        head = node.head
        if dep == "nsubj" and head.lemma_.lower() in _SPEECH and head.i > trigger.i:
            return "speaker"  # "..., police said": who tells it, not who did it
        if dep in ("nsubj",) and head.pos_ in ("VERB", "AUX"):
            return "agent"
        if dep == "nsubjpass":
            return "agent" if head.lemma_.lower() in _DEFENCE_LEMMAS else "patient"
        if dep == "pobj" and head.lower_ == "between":
            return "agent"  # "a clash between X and Y": X first, as ACLED writes it
        if dep == "pobj" and (head.dep_ == "agent" or head.lower_ == "by"):
            return "patient" if head.head.lemma_.lower() in _DEFENCE_LEMMAS else "agent"
        if dep in ("dobj", "attr", "dative"):
            return "patient"
        if dep == "pobj" and head.lower_ in _PATIENT_PREPS:
            return "patient"
        if dep == "poss" and head.dep_ in ("nsubj", "pobj") and head.head.lower_ == "by":
            return "agent"
        if node.i == head.i or (
            head.i == trigger.head.i and dep not in ("compound", "amod", "conj")
        ):
            break
        node = head
    return None


def assign_roles(
    sent: Span, trigger: Token, refs: list[ActorRef]
) -> tuple[ActorRef | None, ActorRef | None]:
    """(actor1, actor2) among the actor mentions of one sentence."""
    agents: list[ActorRef] = []
    patients: list[ActorRef] = []
    others: list[ActorRef] = []
    for ref in refs:
        tok = _token_at(sent, ref)
        role = _role(tok, trigger) if tok is not None else None
        if role == "speaker":
            continue
        (agents if role == "agent" else patients if role == "patient" else others).append(ref)
    victims = [r for r in refs if r.inter == 7]
    actor1 = next((r for r in agents if r.inter != 7), None)
    if actor1 is None:
        # Unparsed, a name before the trigger is likely its subject; one after, its target.
        actor1 = next((r for r in others if r.inter != 7 and r.start < trigger.idx), None)

    def differs(r: ActorRef) -> bool:
        return actor1 is None or r.name != actor1.name

    # The direct target wins ("shot a civilian from the X clan": the civilian, not the clan).
    actor2 = next((r for r in patients if differs(r)), None)
    if actor2 is None:
        actor2 = next((r for r in others + agents if differs(r) and r.inter != 7), None)
    if actor2 is None and victims:
        actor2 = victims[0]
    # "Four suspects were detained": the ones taken are never the doer.
    taken = actor2 in patients and any(t.lemma_.lower() in _CUSTODY for t in sent)
    if (
        actor1 is None
        and actor2 is not None
        and actor2.inter != 7
        and actor2.start < trigger.idx
        and not taken
    ):
        rest = [r for r in refs if r.name != actor2.name]
        actor1, actor2 = actor2, (rest[0] if rest else None)
    return actor1, actor2
