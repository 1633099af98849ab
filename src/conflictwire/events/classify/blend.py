"""Rules and the learned classifier, combined: who decides what, and when.

The rules read fields well and know ACLED's bookkeeping; the classifier, trained on varied
news, knows what kind of happening a sentence tells. For each candidate sentence:
* a rule-found happening the classifier confidently calls out of scope (an industrial blast,
  a match report, a condemnation) is dropped — unless an ACLED note label fixed its type;
* a sentence with no rule cue that the classifier confidently calls a happening becomes one
  (the keyword-less march, the seized cache told in other words);
* a happening's sub-type is the rules' unless the classifier confidently prefers another.
The thresholds are probabilities of the classifier's softmax.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from conflictwire.events.candidates.triggers import GENERIC
from conflictwire.events.classify.labels import in_scope
from conflictwire.events.classify.model import Prediction
from conflictwire.events.classify.taxonomy import disorder_type, event_type_of

__all__ = [
    "POLICY",
    "PROPOSED_MARK",
    "BlendPolicy",
    "choose_sub_type",
    "proposed_kind",
    "unsupported",
    "vetoed",
]

# Marks a cue kind the classifier proposed (``PROPOSED_MARK + sub-type``) for a sentence with
# no rule cue; unlike an ACLED label it yields to any rule cue of the same happening.
PROPOSED_MARK = "?"


@dataclass(frozen=True)
class BlendPolicy:
    veto: float = 0.6  # out-of-scope probability that drops a rule-found happening
    propose: float = 0.6  # in-scope probability that makes a happening of a cue-less sentence
    override: float = 0.5  # probability at which the classifier's sub-type beats the rules'
    cross: float = 0.8  # ... and at which it beats a specific rule cue of another disorder type
    snippet: float = 0.6  # ... and at which it decides a short text's sub-type outright
    support: float = 0.15  # least probability of its kind an everyday-word happening needs


def _policy_from_env() -> BlendPolicy:
    """Experiments only: ``CONFLICTWIRE_BLEND=veto,propose,override`` (documented nowhere
    else; the defaults are what the figures in the README were measured with)."""
    raw = os.environ.get("CONFLICTWIRE_BLEND")
    if not raw:
        return BlendPolicy()
    return BlendPolicy(*(float(x) for x in raw.split(",")))


POLICY = _policy_from_env()


def vetoed(pred: Prediction | None, labelled: bool, policy: BlendPolicy = POLICY) -> bool:
    """Whether a rule-found happening is dropped as out of scope: the out-of-scope reasons
    together reach ``veto``. Summed, because a sentence that tells no event often reads as
    several reasons at once: a quote that the gap opens "before students even hit school"
    reads 0.58 "plan or threat" and 0.40 the other reasons, and no single one reached 0.6."""
    if pred is None or labelled:
        return False
    return pred.out_of_scope >= policy.veto


def unsupported(
    sub: str,
    preds: list[Prediction],
    kinds: list[str],
    named: bool = True,
    policy: BlendPolicy = POLICY,
) -> bool:
    """Whether a happening found only through everyday words ("struck", "killed", "attack":
    the generic cues), or with no doer or target ``named``, is one the classifier, on every
    sentence telling it, reads as nothing of its kind: a car that struck a pedestrian, a flu
    that killed six, a runner who "strikes out", acres "controlled by private owners".
    Measured on local and health news, these were a tenth to a fifth of the events coded
    there, while an article's real attacks and clashes are read as such."""
    everyday = bool(kinds) and all(kind in GENERIC for kind in kinds)
    if not preds or not (everyday or not named):
        return False
    family = _family(sub)
    return all(
        sum(p for label, p in pred.probabilities.items() if _family(label) == family)
        < policy.support
        for pred in preds
    )


def _family(label: str) -> str | None:
    """The label's event type, a clash and an attack on people taken together: which of the
    two it is turns on whether the victims were armed, which the rules decide."""
    if not in_scope(label):
        return None
    kind = event_type_of(label)
    return "Battles" if kind == "Violence against civilians" else kind


# What a proposed sub-type cannot be told without: an arrest takes someone into custody
# ("police named the suspect" is no arrest, however much it reads like one).
_NEEDS = {
    "Arrests": re.compile(
        r"\b(?:arrest\w*|detain\w*|detention|custody|captur\w*|apprehend\w*|nabbed|held"
        r"|picked up|rounded up|taken in|jailed|imprison\w*|handcuff\w*|remand\w*)\b",
        re.IGNORECASE,
    )
}


_CROWD_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ied|ies)|march(?:ed|es|ing|ers)|(?-i:march)|strik(?:e|es|ers?|ing)"
    r"|crowds?|mobs?|gather\w*|fill(?:ed|ing)|walk(?:ed|ing) (?:from|to)|took to the streets"
    r"|chant\w*|slogans?|banners?|placards?|sit-ins?|picket\w*|boycott\w*|walkouts?|vigils?"
    r"|blockad\w+|block(?:ed|ing) (?:the )?(?:road|highway|street|entrance)\w*|agitat\w+"
    r"|riot\w*|lynch\w*|supporters|residents|workers|students|villagers|hundreds|thousands"
    r"|dozens)\b",
    re.IGNORECASE,
)


def proposed_kind(
    pred: Prediction | None,
    policy: BlendPolicy = POLICY,
    whole_text: bool = True,
    set_aside: bool = False,
    text: str = "",
) -> str | None:
    """The sub-type a cue-less sentence is coded as, or None. A sentence not read as the
    whole text (``whole_text`` False: an article's, or a short text's after its main one)
    proposes only a demonstration, the happening
    most often told with no cue word ("workers filled the square"): "the force also seized
    grenades" there is part of the raid told around it, as ACLED codes it. ``set_aside``:
    the rules found a cue in the sentence and judged it no happening. ``text``: the sentence,
    which must hold what the sub-type cannot be told without (custody for an arrest)."""
    # Where the rules saw a cue word and set it aside (a nickname, a negation, a plan), only a
    # classifier as sure as it must be to cross a rule's reading overrules them.
    floor = policy.cross if set_aside else policy.propose
    if pred is None or not pred.is_event or pred.confidence < floor:
        return None
    if not whole_text and (pred.label not in _FAMILIES[0] or not _CROWD_WORDS.search(text)):
        # In an article a lone sentence tells a demonstration only if it names the crowd or
        # what it did: read alone, a restaurant's closure or a pageant's crowning in local
        # news reads as a protest to the classifier, at 0.8 and more.
        return None
    if pred.label == "Other":
        return None  # too vague to stand alone without a cue ("the city had been quiet")
    needs = _NEEDS.get(pred.label)
    if needs is not None and text and not needs.search(text):
        return None
    return pred.label


def choose_sub_type(
    rule_sub: str | None,
    preds: list[Prediction],
    kinds: list[str],
    labelled: bool,
    policy: BlendPolicy = POLICY,
    armed_victims: bool = False,
    short: bool = False,
    whole: Prediction | None = None,
) -> tuple[str | None, float | None]:
    """The happening's sub-type and the classifier's probability for it. ``preds`` are the
    verdicts on its sentences, head first; ``kinds`` the rules' cues; a labelled ACLED note
    keeps its label. In a ``short`` text (a snippet, a headline and its lead) the classifier
    read the whole text, as it was trained, and its confident sub-type wins: measured on
    news snippets of many outlets it is right more often than the rules' precedence there.
    ``whole``: that verdict on the whole short text, where it is one of ``preds``; it speaks
    for the happening alone, as the classifier was trained (a fragment such as "it is unclear
    whether anyone was hurt" read apart says little and would only dilute it)."""
    if not preds:
        return rule_sub, None
    if short and whole is not None and any(p is whole for p in preds):
        best, best_p = whole.best_event, whole.best_event_confidence
    else:
        best, best_p = _pooled(preds)
    sub = rule_sub
    if not labelled and best != rule_sub:
        threshold = policy.snippet if short else policy.override
        if best_p >= threshold and _may_override(
            rule_sub, best, best_p, kinds, armed_victims, short
        ):
            sub = best
    if sub is None or not in_scope(sub):
        return rule_sub, None
    return sub, max(p.probability(sub) for p in preds)


def _pooled(preds: list[Prediction]) -> tuple[str, float]:
    """The happening's likeliest sub-type over all the sentences that tell it (their mean
    probabilities): "an explosion was heard" alone is unclear, the missiles and the dead
    told after it are not."""
    labels = [label for label in preds[0].probabilities if in_scope(label)]
    mean = {label: sum(p.probability(label) for p in preds) / len(preds) for label in labels}
    best = max(mean, key=lambda label: mean[label])
    return best, mean[best]


# Sub-types the rules tell apart by thin heuristics (who the state is, whether "dispersed"
# appears): within a family the classifier, having read the whole sentence, decides.
_FAMILIES = (
    frozenset(
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
            "Mob violence",
        }
    ),
    frozenset({"Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"}),
)


def _may_override(
    rule_sub: str | None,
    learned: str,
    confidence: float,
    kinds: list[str],
    armed_victims: bool,
    short: bool = False,
) -> bool:
    """The rules yield where they only guessed or could not see: no cue of their own for
    the sub-type (a generic "attacked" read as a clash), a choice inside one family, a
    defining tactic they have no word for (chlorine, "breathing difficulties"), or another
    kind of happening altogether told with violent words (a truce, a defused bomb, a march).
    A specific cue otherwise keeps ACLED's precedence ("mortars and small arms" is a clash),
    except in a ``short`` text, which the classifier read whole."""
    if rule_sub is None:
        return True
    if _negated_transfer(rule_sub, kinds):
        return False
    if armed_victims and learned == "Attack" and not short:
        return False  # fighters killed are a battle's dead, not civilians attacked
    if _weapon_named(rule_sub, learned, kinds):
        return False
    if rule_sub == "Arrests" in kinds and learned == "Disrupted weapons use":
        return False  # "detained two and found a cache": ACLED codes the detentions
    if "~kill" in kinds and disorder_type(rule_sub) == "Political violence" != disorder_type(
        learned
    ):
        return False  # a raid that killed and detained is the violence (its arrests apart)
    # Gunfire between armed men ("~arms") is ACLED's battle however heavy the weapons beside.
    specific = [k for k in kinds if k[:1] not in ("~", _MARK, PROPOSED_MARK) or k == "~arms"]
    if not specific or any(rule_sub in f and learned in f for f in _FAMILIES):
        return True
    if short and confidence >= POLICY.cross:
        return True  # read whole, the snippet's kind of happening outweighs a cue word
    if learned in _DEFINING and learned not in kinds:
        return True
    # Violent words in another kind of happening (a truce "ending the fighting"); not the
    # other way: "captured four insurgents" is the rules' arrest, not a town taken.
    return (
        confidence >= POLICY.cross
        and disorder_type(rule_sub) == "Political violence"
        and disorder_type(learned) != disorder_type(rule_sub)
    )


def _weapon_named(rule_sub: str, learned: str, kinds: list[str]) -> bool:
    """The text names the weapon: "detonated a roadside bomb" is an IED whatever the
    classifier's hunch of a suicide bombing, unless the rules also saw a cue for its choice
    (a "suicide bomber" beside the "bomb") or its choice is a defining tactic."""
    remote = "Explosions/Remote violence"
    return (
        event_type_of(rule_sub) == remote == event_type_of(learned)
        and rule_sub in kinds
        and learned not in kinds
        and learned not in _DEFINING
    )


def _negated_transfer(rule_sub: str | None, kinds: list[str]) -> bool:
    """A transfer the rules read as such ("took control ... No clash was reported")."""
    return rule_sub == "Non-violent transfer of territory" and rule_sub in kinds


# A tactic that defines a happening over any other told with it (ACLED's precedence), which
# the rules' cue words often miss. (A suicide bombing is not here: "an arrested bomber", "the
# bomber" of a roadside bomb read too much like one.)
_DEFINING = frozenset({"Chemical weapon"})
_MARK = "="  # coding.LABEL_MARK: a sub-type fixed by a label or a proposal
