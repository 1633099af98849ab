"""Modality: triggers that do not report a happening (opinion, plans, conditionals, negation).

CONTRACT.md, "What is not an event": opinion, advice, predictions, plans, conditionals and
hypotheticals. A trigger is judged from its place in the dependency parse: a trigger under a
modal ("should", "will"), a plan or wish verb ("plans to", "preparing to", "needs"), an
infinitive, a conditional clause ("if", "once", "unless"), or a negation tells no event.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["is_habitual", "is_irrealis"]

_MODALS = frozenset(
    {
        "should",
        "would",
        "could",
        "might",
        "will",
        "shall",
        "must",
        "can",
        "may",
        "'ll",
        "wo",
        "ought",
    }
)
_PLAN_LEMMAS = frozenset({
    "plan", "prepare", "intend", "threaten", "aim", "want", "need", "urge", "seek", "expect",
    "vow", "propose", "hope", "wish", "consider", "call", "demand", "warn", "predict", "fear",
    "pledge", "promise", "recommend", "advise", "ask", "order", "decide",
})  # fmt: skip
# What someone is suspected or accused of is a charge, not a reported happening.
_ALLEGED = frozenset({"suspect", "accuse", "charge", "plot", "conspire"})
_LOOSE = frozenset({"advcl", "conj", "parataxis", "relcl"})
_COND_MARKS = frozenset({"if", "unless", "once", "whether", "lest", "should"})
# Verbs whose infinitive complement did happen ("managed to repel", "continued to shell").
_FACTIVE = frozenset(
    {"claim", "manage", "continue", "begin", "start", "succeed", "keep", "go", "have", "use"}
)
_HABITUAL = frozenset(
    {"frequently", "often", "regularly", "constantly", "usually", "routinely", "continuously"}
)
_OPINION_OPENERS = (
    "judging from",
    "no matter what",
    "in my opinion",
    "it is believed",
    "it is expected",
)


def _has_modal(tok: Token) -> bool:
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    # "may have been killed" is hedged past, still a report.
    return any(a in _MODALS for a in auxes) and "have" not in auxes


def _is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.tag_ == "TO" for c in tok.children)


def _chain(tok: Token) -> list[Token]:
    """The trigger and its syntactic ancestors up to the sentence root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 20:
        out.append(out[-1].head)
    return out


def _negated_noun(tok: Token) -> bool:
    return any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in tok.children)


def _nobody_subject(tok: Token) -> bool:
    """ "no one was injured", "nobody was hurt", "none of the soldiers were killed"."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in ("nobody", "none", "noone") or _negated_noun(c)
        ):
            return True
    return False


def is_irrealis(
    trigger: Token, sent: Span, *, negation: bool = True, purpose: bool = False
) -> bool:
    """True when the trigger sits under a modal, a plan verb, a condition or a negation.

    ``purpose``: the trigger may stand in a purpose infinitive ("gathered to protest").
    """
    low = sent.text.lower().lstrip()
    if low.startswith(_OPINION_OPENERS):
        return True
    chain = _chain(trigger)
    if negation and trigger.pos_ in ("NOUN", "PROPN") and _negated_noun(trigger):
        return True
    if negation and _nobody_subject(trigger):
        return True
    for i, tok in enumerate(chain):
        if tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and _has_modal(tok):
            return True
        if negation and any(c.dep_ == "neg" for c in tok.children) and tok.pos_ in ("VERB", "AUX"):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in tok.children):
            return True
        # A plan verb governs its complement, not a clause beside it ("warns ... as two killed").
        if (
            i > 0
            and tok.lemma_.lower() in _PLAN_LEMMAS | _ALLEGED
            and chain[i - 1].dep_ not in _LOOSE
        ):
            return True
        if any(c.lemma_.lower() in _PLAN_LEMMAS for c in tok.children if c.dep_ == "compound"):
            return True  # "planning attacks" parsed as a compound
        # "gathered to protest": a purpose clause of a real act still tells the act.
        if tok.pos_ == "VERB" and _is_infinitive(tok) and not (purpose and i == 0):
            parent = tok.head
            if parent.i == tok.i or parent.lemma_.lower() not in _FACTIVE:
                return True
    return False


def is_habitual(sent: Span) -> bool:
    """A generic statement ("have frequently fought") rather than one happening."""
    return any(tok.lower_ in _HABITUAL for tok in sent)
