"""The classifier's label set: ACLED's 25 sub-event types and the project's out-of-scope labels.

Users bring labels in three spellings (CONTRACT.md, "conflictwire train"): ACLED's own sub-event
type, a CASE-2021 code, or one of the out-of-scope labels below. ``canonical_label`` maps any of
them to the one spelling the model is trained on, or raises ``LabelError`` naming the label.
"""

from __future__ import annotations

from conflictwire.events.classify.taxonomy import SUB_EVENT_TYPES

__all__ = [
    "CASE_CODES",
    "LABELS",
    "OUT_OF_SCOPE",
    "LabelError",
    "canonical_label",
    "in_scope",
]

# Happenings an ACLED coder codes no event for; each is a class of its own so that the model
# learns what a hard negative looks like instead of one shapeless "other".
OUT_OF_SCOPE: tuple[str, ...] = (
    "Out of scope: accident or disaster",
    "Out of scope: ordinary crime",
    "Out of scope: diplomacy or statement",
    "Out of scope: claim only",
    "Out of scope: plan or threat",
    "Out of scope: background",
    "Out of scope: not conflict",
)

LABELS: tuple[str, ...] = (*SUB_EVENT_TYPES, *OUT_OF_SCOPE)

# CASE-2021 task 2's codes (Haneczok et al. 2021). The five outside ACLED's taxonomy map to the
# nearest out-of-scope class; scoring treats them all as "no event".
CASE_CODES: dict[str, str] = {
    "AIR_STRIKE": "Air/drone strike",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
    "AGREEMENT": "Agreement",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "OTHER": "Other",
    "ORG_CRIME": "Out of scope: ordinary crime",
    "NATURAL_DISASTER": "Out of scope: accident or disaster",
    "MAN_MADE_DISASTER": "Out of scope: accident or disaster",
    "DIPLO": "Out of scope: diplomacy or statement",
    "ATTRIB": "Out of scope: claim only",
}

_BY_FOLDED = {label.casefold(): label for label in LABELS}


class LabelError(ValueError):
    """A label that is none of ACLED's sub-event types, CASE's codes or our out-of-scope ones."""


def canonical_label(raw: str) -> str:
    """``raw`` in the model's own spelling: ACLED's sub-event type or an out-of-scope label."""
    text = raw.strip()
    if text.upper() in CASE_CODES:
        return CASE_CODES[text.upper()]
    found = _BY_FOLDED.get(text.casefold())
    if found is None:
        raise LabelError(f"unknown label {raw!r} (not an ACLED sub-event type or CASE-2021 code)")
    return found


def in_scope(label: str) -> bool:
    """Whether an ACLED coder codes an event for ``label``."""
    return label in SUB_EVENT_TYPES
