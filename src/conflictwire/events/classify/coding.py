"""Coding one happening: its ACLED sub-event type from its cues and its actors.

Specific cues ("shelled", "airstrike", "clashed") decide by ACLED's precedence; generic ones
("attacked", "killed", "explosion") are read from who did it to whom: violence by an armed
actor on civilians is an Attack, on armed forces an Armed clash. Territorial cues depend on
who gains: the country's own state forces regain territory, anyone else overtakes it.
"""

from __future__ import annotations

import re

from conflictwire.events.classify.blend import unsupported
from conflictwire.events.classify.model import Prediction
from conflictwire.events.classify.taxonomy import SUB_EVENT_TYPES, pick_sub_type
from conflictwire.events.fields.support import ActorRef, actor_match

__all__ = [
    "LABEL_MARK",
    "TERRITORY",
    "between_parties",
    "beyond_scope",
    "crowd_actor",
    "names_armed_victims",
    "ordinary_arrest",
    "resolve_sub_type",
    "territory_by_actor",
    "territory_told",
]

# Marks a sub-type fixed by an ACLED note label ("Interception: ..."), which no cue overrides.
LABEL_MARK = "="
_CROWDS = {"Protests": ("protesters", 6), "Riots": ("rioters", 5)}

_PROTEST = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)
_INTERVENTION = re.compile(
    r"\b(?:dispers\w+|tear ?gas|water cannons?|arrest\w*|detain\w*|broke up)\b", re.I
)
_CIVIL_VICTIM = re.compile(
    r"\b(?:shot|killed|injured|wounded|beat|stabbed|attacked|murdered"
    r"|(?:opened (?:heavy )?)?(?:gun)?fire(?:d)? (?:at|on|towards|into))"
    r"(?: and (?:killed|injured|wounded))?(?: (?:a|an|the|two|three|\d+))?(?: [\w-]+){0,3}? "
    r"(?:civilians?|wom[ae]n|m[ae]n|child(?:ren)?|boys?|girls?|elders?|persons?|people|individuals?|residents?"
    r"|passengers?|vehicles?|teachers?|journalists?|business(?:man|men|woman)|traders?|farmers?|drivers?"
    r"|\(?off[- ]duty\)?|students?|youths?|villagers?|herders?|pastoralists?|shopkeepers?"
    r"|(?:off-duty|unarmed) \w+|\w+ \(off[- ]duty\))",
    re.I,
)
_FORCE = re.compile(
    r"\b(?:opened fire|live (?:bullets|ammunition|rounds)|shot (?:dead|and killed)|fired (?:on"
    r"|at))\b",
    re.I,
)
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_VIOLENT = frozenset(
    {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack",
     "Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon", "Attack"}
)  # fmt: skip


# What an agreement between parties to a conflict is about, or who makes it: "the council
# agreed to allocate $4,500" and "signed a lease agreement" are no agreement of ACLED's.
_CONFLICT_TERMS = re.compile(
    r"\b(?:cease-?fires?|truces?|peace|armistice|hostilities|pacts?|non-aggression|moratorium"
    r"|prisoners?|hostages?|captives?|detainees|swaps?|releas\w+|exchang\w+|disarm\w*"
    r"|demobili[sz]\w+|surrender\w*|withdraw\w*|pull(?:ed|ing)? (?:back|out)|de-?escalat\w+"
    r"|corridors?|humanitarian (?:pause|access)|evacuat\w+|rebels?|militants?|insurgents?"
    r"|militias?|armed (?:groups?|factions?)|factions?|warring|fighters|guerrill\w+|bandits"
    r"|vigilantes|clans?|army|military|troops|forces|war|conflict|fighting|accord"
    r"|reconciliation|amnesty|hand(?:ed|ing)?[- ]?over|lay down|security arrangements?)\b",
    re.I,
)


# An arrest ACLED codes has a political side: who was held (a protester, a journalist, a
# militant, an opponent) or why. A charge of ordinary crime with none of that is police work.
_CRIME = re.compile(
    r"\b(?:murder\w*|homicide|manslaughter|rap(?:e|ed|ist)|sexual (?:assault|abuse)|molest\w*"
    r"|child (?:pornography|abuse)|indecent|narcotics?|meth(?:amphetamine)?|cocaine|heroin"
    r"|marijuana|cannabis|drugs?|dui|dwi|drunk(?:en)? driving|driving (?:under|while)"
    r"|robber(?:y|ies)|burglar\w*|theft|stole|stealing|shoplift\w*|fraud\w*|embezzl\w*"
    r"|brib\w*|forg(?:ery|ed)|counterfeit\w*|trafficking|smuggl\w*|domestic (?:violence"
    r"|dispute|assault)|battery|warrants?|traffic stop|fled on foot|foot pursuit|probation"
    r"|parole\w*|felony|misdemeanou?r|counts? of|bail|booked|jail(?:ed)?|sheriff\w*"
    r"|prescription|firearms? charges?|weapons? (?:count|charge))\b",
    re.I,
)
_POLITICAL = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies)|marche[drs]|marching|opposition|activists?"
    r"|journalists?|reporters?|bloggers?|dissident\w*|militants?|insurgents?|rebels?|terror\w*"
    r"|extremis\w*|jihad\w*|separatis\w*|coup|plot\w*|treason|sedition|subversi\w+|spy"
    r"|spies|espionage|political part(?:y|ies)|party (?:members?|leaders?|activists?|officials?)"
    r"|politic\w+|election\w*|candidates?|campaign\w*|(?:trade|labou?r) unions?"
    r"|union (?:leaders?|members?|activists?)|strikers?|on strike|students|armed groups?"
    r"|militias?|gangs?|cartel\w*|Taliban|Shabaab|Boko Haram|ISIS|Islamic State|al-Qaeda|Hamas"
    r"|Hezbollah|PKK|Maoists?|Naxal\w*|guerrill\w+|fighters|facilitators?|commanders?|leaders?"
    r"|collaborators?|sympathi[sz]ers?|members? of|vigilante\w*|news|outlets?|editors?"
    r"|critic\w*|priests?|clergy|voters?|ruling|(?-i:Party)"
    # made by soldiers, or with a war's weapons: the conflict's, not police work
    r"|security (?:forces?|operations?)|troops|soldiers|army|military|coalition|grenades?"
    r"|rockets?|RPGs?|mortars?|explosives?|IEDs?|ammonium nitrate|AK-47s?|Kalashnikovs?)\b",
    re.I,
)


def ordinary_arrest(text: str) -> bool:
    """Whether an arrest is ordinary police work, out of ACLED's scope: the text names a
    criminal charge or its procedure (a warrant, a traffic stop, bail) and nothing political,
    no soldiers and no weapons of war (heroin seized with rockets at a checkpoint is not).
    Measured: 14 of the 30 arrests coded in a year of US local news; none of the Arrests in
    the CASE-2021 dev half or the ACLED dev notes."""
    return bool(_CRIME.search(text)) and not _POLITICAL.search(text)


def between_parties(text: str, actor1: ActorRef | None, actor2: ActorRef | None) -> bool:
    """Whether an agreement is one ACLED codes: made by a party to a conflict (an armed group,
    a state's forces, a government: any actor but civilians) or about the conflict (a truce,
    a prisoner exchange, a withdrawal). Measured: every Agreement of the CASE-2021 dev half
    and 67 of the 72 in the ACLED dev notes name such terms; 17 of the 21 agreements coded
    in a year of US local news (councils, leases, budgets) name none and no actor."""
    if any(ref is not None and ref.inter != 7 for ref in (actor1, actor2)):
        return True
    return bool(_CONFLICT_TERMS.search(text))


def beyond_scope(
    sub: str,
    readings: tuple[list[Prediction], list[str]],
    text: str,
    actors: tuple[ActorRef | None, ActorRef | None],
    short: bool,
    rules_first: bool,
) -> bool:
    """Whether ACLED would code no event for a happening of sub-type ``sub`` told in ``text``
    (its sentences; a short text's whole), given the classifier's ``readings`` of them and
    the rules' cues. ``rules_first``: an ACLED-style note, coded by its cues."""
    if sub == "Agreement" and not between_parties(text, *actors):
        return True  # a council, a lease, a budget: no agreement between conflict parties
    if rules_first:
        return False
    if sub == "Arrests" and ordinary_arrest(text):
        return True  # "arrested on a charge of possession of narcotics": police work
    named = any(actor is not None for actor in actors)
    # An article's "struck by a car", "the flu killed six": no event of ACLED's.
    return not short and unsupported(sub, *readings, named=named)


def _armed(ref: ActorRef | None) -> bool:
    return ref is not None and ref.inter not in (None, 6, 7)


def _generic(
    kinds: set[str], actor1: ActorRef | None, actor2: ActorRef | None, text: str
) -> str | None:
    # The victim named right after the violence decides, over any group it belongs to.
    civil_target = (
        (actor2 is not None and actor2.inter == 7)
        or bool(_CIVIL_VICTIM.search(text))
        or bool(_OFF_DUTY.search(text))  # ACLED counts an off-duty soldier as a civilian
    )
    if kinds & {"~attack", "~arms", "~kill"}:
        if civil_target and (_armed(actor1) or actor1 is None):
            return "Attack"
        if kinds & {"~attack", "~arms"} or _armed(actor2):
            return "Armed clash"
    if "~strike" in kinds:
        return "Shelling/artillery/missile attack"
    if "~explosion" in kinds:
        return "Remote explosive/landmine/IED"
    if "~kill" in kinds:
        # Killing fighters is a battle; anyone else, or unknown victims, an attack.
        return "Armed clash" if _ARMED_VICTIM.search(text) else "Attack"
    return None


_ARMED_VICTIM = re.compile(
    r"\b(?:insurgents?|militants?|fighters?|soldiers?|troops|rebels?|servicem[ae]n|gunmen"
    r"|policem[ae]n|terrorists?|combatants?|militiam[ae]n|russians|ukrainians|invaders"
    r"|occupiers|defenders|personnel|militia)\b",
    re.I,
)
_OFF_DUTY = re.compile(r"\boff[- ]duty\b", re.I)
_UNARMED = re.compile(
    r"\b(?:knives|stones?|sticks|fists?|fist ?fights?|stone-throwing|machetes|clubs)\b", re.I
)


def _adjust(
    best: str,
    kinds: set[str],
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    generic: str | None,
    text: str,
) -> str:
    """ACLED's readings of a tactic by who did it and what followed."""
    if best == "Abduction/forced disappearance" and generic == "Attack":
        return "Attack"  # abducted and killed (or hurt): the violence is the event
    if best == "Arrests" and actor1 is not None and actor1.inter not in (1, 8):
        if generic == "Armed clash" and actor2 is not None and actor2.inter in (1, 8):
            return generic  # a fight with state forces who then detain: the battle is the event
        return "Abduction/forced disappearance"  # only state forces arrest
    if (
        best == "Armed clash"
        and _UNARMED.search(text)
        and not _armed(actor1)
        and not _armed(actor2)
    ):
        return "Mob violence"  # a fight with fists and stones between unarmed groups
    return best


def _protest(kinds: set[str], text: str, actor1: ActorRef | None) -> str:
    if "Mob violence" in kinds:
        return "Mob violence"
    if "Violent demonstration" in kinds or "Armed clash" in kinds:
        return "Violent demonstration"
    if _FORCE.search(text) or ("~kill" in kinds and ("~attack" in kinds or "Armed clash" in kinds)):
        return "Excessive force against protesters"
    if _INTERVENTION.search(text) or "Arrests" in kinds:
        return "Protest with intervention"
    return "Peaceful protest"


def _territory(kinds: set[str], actor1: ActorRef | None, country: str | None) -> str:
    own_state = actor1 is not None and actor1.inter == 1
    if "Non-violent transfer of territory" in kinds and not kinds & (
        _VIOLENT | {"~attack", "~kill"}
    ):
        return "Non-violent transfer of territory"
    return "Government regains territory" if own_state else "Non-state actor overtakes territory"


def names_armed_victims(text: str) -> bool:
    """Whether the violence's victims are fighters ("killed four insurgents"): ACLED's
    battle, never an attack on civilians, whatever else the text suggests."""
    return bool(_ARMED_VICTIM.search(text)) and not _CIVIL_VICTIM.search(text)


# How a text tells that a place changed hands (98.8% of the corpus's territory rows, every
# one of the CASE-2021 dev half's): a raid "in Chak district" that killed and detained is none.
_CHANGED_HANDS = re.compile(
    r"\b(?:re-?(?:captur|tak|gain|claim|conquer|establish|enter|occup)\w*|retook|liberat\w+"
    r"|freed|free of|recover(?:ed|ing|s)?|captur\w+|seiz\w+|took|takes?|taken|taking|over(?:r)?an"
    r"|overrun|fell|fall(?:en|s)?|surrender\w*|clear(?:s|ed|ing)?|drove|driven|push\w*|forced"
    r"|chas(?:e|es|ed|ing)|expel\w*|dislodg\w+|oust\w*|evict\w*|enter\w*|storm\w*|hoist\w*"
    r"|flags?|withdr[ae]w\w*|retreat\w*|abandon\w*|handed over|hands of|held|hold(?:s|ing)?"
    r"|territor\w+|occup\w+|authority|returned to|secur(?:e|ed|ing)|install\w*|control\w*"
    r"|purif\w+|restored|wrests?|moved into|rolled into|in charge of|masters? of|overwhelm\w*"
    r"|fled|advanc\w+|imposed|lost|routed|runs|patrol\w*)\b",
    re.I,
)


def territory_told(text: str) -> bool:
    """Whether ``text`` tells of a place taken, held or lost, as a territory sub-type needs."""
    return bool(_CHANGED_HANDS.search(text))


def territory_by_actor(sub: str, actor1: ActorRef | None) -> str:
    """Who gained decides between regaining and overtaking, when the gainer is known: the
    classifier reads that territory changed hands, the actor dictionary knows whether the
    gainer is the country's own state (inter 1) or anyone else, foreign forces included."""
    if sub not in ("Government regains territory", "Non-state actor overtakes territory"):
        return sub
    if actor1 is None or actor1.inter is None:
        return sub
    return (
        "Government regains territory"
        if actor1.inter == 1
        else "Non-state actor overtakes territory"
    )


def resolve_sub_type(
    kinds: list[str],
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    text: str,
    country: str | None,
) -> str | None:
    """The ACLED sub-event type of one happening, or None if its cues tell nothing."""
    labelled = [k[1:] for k in kinds if k.startswith(LABEL_MARK)]
    if labelled:
        return labelled[0]
    found = set(kinds)
    specific = [k for k in kinds if k in SUB_EVENT_TYPES]
    if found & _PROTEST or (
        found & {"Violent demonstration", "Mob violence"} and not found & _VIOLENT
    ):
        return _protest(found, text, actor1)
    if found & TERRITORY:
        return _territory(found, actor1, country)
    generic = _generic(found, actor1, actor2, text)
    if "~arms" in found and generic == "Armed clash":
        specific.append(generic)  # gunfire between armed men is a battle, over the shelling
    if not specific:
        return generic
    best = _adjust(pick_sub_type(specific), found, actor1, actor2, generic, text)
    if (
        generic is not None
        and SUB_EVENT_TYPES[best] == "Strategic developments" != SUB_EVENT_TYPES[generic]
    ):
        # "shot and killed ... The victims were detained": the violence is the happening.
        return generic
    return best


def crowd_actor(sub: str, actor1: ActorRef | None, country: str | None) -> ActorRef | None:
    """ACLED codes the crowd as actor1 of protests (Protesters) and riots (Rioters)."""
    etype = SUB_EVENT_TYPES[sub]
    if etype not in _CROWDS or (sub == "Mob violence" and actor1 is not None):
        return actor1
    word, inter = _CROWDS[etype]
    if actor1 is not None and actor1.inter == inter:
        return actor1
    found = actor_match(word, country=country)
    if found is not None and found.inter == inter:
        return found
    name = f"{word.capitalize()} ({country})" if country else word.capitalize()
    return ActorRef(0, 0, word, name, inter)
