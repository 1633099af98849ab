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
from dataclasses import dataclass

from conflictwire.events.classify.labels import in_scope
from conflictwire.events.classify.model import Prediction

__all__ = ["POLICY", "BlendPolicy", "choose_sub_type", "proposed_kind", "vetoed"]


@dataclass(frozen=True)
class BlendPolicy:
    veto: float = 0.6  # out-of-scope probability that drops a rule-found happening
    propose: float = 0.7  # in-scope probability that makes a happening of a cue-less sentence
    override: float = 0.5  # probability at which the classifier's sub-type beats the rules'


def _policy_from_env() -> BlendPolicy:
    """Experiments only: ``CONFLICTWIRE_BLEND=veto,propose,override`` (documented nowhere
    else; the defaults are what the figures in the README were measured with)."""
    raw = os.environ.get("CONFLICTWIRE_BLEND")
    if not raw:
        return BlendPolicy()
    veto, propose, override = (float(x) for x in raw.split(","))
    return BlendPolicy(veto, propose, override)


POLICY = _policy_from_env()


def vetoed(pred: Prediction | None, labelled: bool, policy: BlendPolicy = POLICY) -> bool:
    """Whether a rule-found happening is dropped as out of scope."""
    if pred is None or labelled or pred.is_event:
        return False
    return pred.confidence >= policy.veto


def proposed_kind(pred: Prediction | None, policy: BlendPolicy = POLICY) -> str | None:
    """The sub-type a cue-less sentence is coded as, or None."""
    if pred is None or not pred.is_event or pred.confidence < policy.propose:
        return None
    return pred.label


def choose_sub_type(
    rule_sub: str | None,
    preds: list[Prediction],
    labelled: bool,
    policy: BlendPolicy = POLICY,
) -> tuple[str | None, float | None]:
    """The happening's sub-type and the classifier's probability for it. ``preds`` are the
    verdicts on its sentences, head first; a labelled ACLED note keeps its label."""
    if not preds:
        return rule_sub, None
    head = preds[0]
    sub = rule_sub
    if (
        not labelled
        and head.best_event != rule_sub
        and (head.best_event_confidence >= policy.override or rule_sub is None)
    ):
        sub = head.best_event
    if sub is None or not in_scope(sub):
        return rule_sub, None
    return sub, max(p.probability(sub) for p in preds)
