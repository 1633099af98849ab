"""ACLED's event taxonomy: 6 event types, 25 sub-event types, disorder types, precedence.

The precedence follows ACLED's codebook: when one happening involves several tactics, the
one that defines it wins (a battle over the shelling that preceded it; an air/drone strike over
artillery fired alongside; a suicide bombing over the IED it used).
"""

from __future__ import annotations

__all__ = [
    "EVENT_TYPES",
    "PRECEDENCE",
    "SUB_EVENT_TYPES",
    "disorder_type",
    "event_type_of",
    "pick_sub_type",
]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TYPES: dict[str, str] = {
    sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs
}

# Highest first. Territorial change outranks the fighting that brought it; battles outrank
# the remote violence around them; among remote tactics the most specific wins; political
# violence outranks demonstrations, which outrank strategic developments.
PRECEDENCE: tuple[str, ...] = (
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Suicide bomb",
    "Chemical weapon",
    "Armed clash",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Attack",
    "Excessive force against protesters",
    "Mob violence",
    "Violent demonstration",
    "Protest with intervention",
    "Peaceful protest",
    "Non-violent transfer of territory",
    "Arrests",
    "Disrupted weapons use",
    "Looting/property destruction",
    "Headquarters or base established",
    "Agreement",
    "Change to group/activity",
    "Other",
)
_RANK = {sub: i for i, sub in enumerate(PRECEDENCE)}


def event_type_of(sub_event_type: str) -> str:
    return SUB_EVENT_TYPES[sub_event_type]


def disorder_type(sub_event_type: str) -> str:
    etype = SUB_EVENT_TYPES[sub_event_type]
    if etype in ("Protests", "Riots"):
        # ACLED counts mob violence and excessive force as both political violence and
        # demonstrations; plain protests and violent demonstrations as demonstrations.
        if sub_event_type in ("Mob violence", "Excessive force against protesters"):
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if etype == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def pick_sub_type(candidates: list[str]) -> str:
    """The sub-type that ACLED's precedence picks among the tactics of one happening."""
    return min(candidates, key=lambda sub: _RANK.get(sub, len(_RANK)))
