"""Event triggers: words and phrases that tell a happening, mapped to ACLED sub-types.

Each pattern gives either an ACLED sub-event type or a generic cue (``~attack``, ``~kill``,
``~explosion``, ``~strike``) that the extractor resolves from the actors involved: an attack
on civilians is violence against civilians, on armed forces a battle. Patterns follow
ACLED's codebook wording ("shelled", "airstrike", "IED", "clashed", "defused"...).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from conflictwire.events.candidates.literal_gate import fold, required_words

__all__ = ["GENERIC", "Trigger", "find_triggers", "note_label"]

GENERIC = ("~attack", "~arms", "~kill", "~explosion", "~strike")


@dataclass(frozen=True)
class Trigger:
    kind: str  # an ACLED sub-event type or a generic cue
    start: int
    end: int
    text: str


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Order matters only for readability: every pattern is tried on every sentence.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Disrupted weapons use",
        _p(
            r"\b(?:intercept(?:ed|ing)? (?:\w+ ){0,4}?(?:missiles?|drones?|rockets?|shaheds?"
            r"|uavs?|projectiles?|bombs?|targets?)"
            r"|(?:were|was) intercepted|interceptions?|shot down|shoots? down|downed|defus(?:ed"
            r"|ing|al)"
            r"|(?:de-?mined|demining|neutrali[sz]ed|dismantled|disarmed) (?:an? |the )?"
            r"(?:ied|explosive|bomb|mine|device)s?|controlled detonation"
            r"|seized (?:\w+ ){0,3}(?:weapons|ammunition|arms|explosives)"
            r"|(?:discovered|found|uncovered|seized|recovered) (?:an? |the )?(?:[\w-]+ ){0,2}?"
            r"(?:weapons?|arms|ammunition|munitions|explosives?|ied|bomb-making) caches?"
            r"|(?:weapons|arms|ammunition) (?:were |was )?(?:seized|confiscated))\b"
        ),
    ),
    (
        "Suicide bomb",
        _p(
            r"\bsuicide[- ](?:bomb\w*|attack\w*|vests?|belts?|car bombs?|truck bombs?|vbied"
            r"|vehicle|car|truck|blast|explosion)|\b[sp]vbieds?"
            r"|blew (?:him|her|them)sel(?:f|ves) up|killing (?:him|her|them)sel(?:f|ves)"
            r"|kamikazes?(?! (?:drone|uav)s?)"
        ),
    ),
    (
        "Chemical weapon",
        _p(r"\bchemical (?:weapon|munition|agent)s?|chloropicrin|poison(?:ous)? gas\b"),
    ),
    (
        "Air/drone strike",
        _p(
            r"\b(?:air ?strikes?|air-strikes?|airstrik\w*|air raids?(?! (?:alert|siren|warning)s?)"
            r"|air attacks?|aerial (?:attack|bombard\w*|strike)s?|drone (?:strike|attack)s?"
            r"|(?:kamikaze|attack|fpv|combat|loitering|shahed)[- ]drones?|drones?(?=\W+(?:hit"
            r"|struck|attack|dropp|target))"
            r"|(?:with|using|by|from) (?:an? |[\w-]+ ){0,3}?(?:drones?|uavs?|aircraft|helicopters?"
            r"|jets?|warplanes?|aviation)"
            r"|dropped (?:\w+ ){0,3}(?:from|by) (?:an? )?(?:drone|uav)|drone-dropped|uavs?\b"
            r"|guided (?:aerial )?bombs?|glide bombs?|kab-?\d*|bombed from the air"
            r"|(?:conducted|carried out|launched) (?:\w+ ){0,2}(?:bombing|bombardment) raids?"
            r"|helicopter gunships?|fighter jets?|warplanes?|air weapons teams?|close air support"
            r"|precision (?:air ?)?strikes?|air (?:units?|forces?)(?! (?:base"
            r"|defen[cs]e))|aviation)\b"
        ),
    ),
    (
        "Shelling/artillery/missile attack",
        _p(
            r"\b(?:shell(?:ed|ing|s)?|artillery|mortars?|howitzers?|missiles?|rockets?|mlrs|grad"
            r"|uragan|smerch|himars|tornado-s|iskander|kalibr|tank (?:fire|shells?)|fired (?:at"
            r"|on|upon) .{0,30}with"
            r"|multiple rocket|bombard(?:ed|ment|ing)|heavy weapons fire|tos-1a?"
            r"|cluster munitions?)\b"
        ),
    ),
    (
        "Remote explosive/landmine/IED",
        _p(
            r"\b(?!(?:ied|explosives?|bomb)[- ](?:experts?|specialists?|makers?|making"
            r"|facilitators?|cells?|networks?|emplacers?|producers?|suppliers?|components?|materials?|trainers?)\b)"
            r"(?:ieds?|vbieds?|improvised explosive|landmines?|land mines?|(?:anti-?(?:tank"
            r"|personnel) )?mines?\b(?! of)"
            r"|explosive devices?|roadside bombs?|car bombs?|planted (?:\w+ ){0,2}(?:bomb"
            r"|explosive)s?"
            r"|detonated|uxo|unexploded (?:ordnance|munitions?)|booby[- ]trap\w*"
            r"|remote[- ]controlled"
            r"|explosives?(?! (?:were|was) (?:seized|defused))|blew up|blown up)\b"
        ),
    ),
    ("Grenade", _p(r"\b(?:hand )?grenades?\b(?! launcher)")),
    (
        "Government regains territory",
        _p(
            r"\b(?:regain(?:ed|s)? control|recaptur(?:ed|es?)|retook|retaken|re-?took control"
            r"|liberat(?:ed|es?|ion of)"
            r"|regained)\b"
        ),
    ),
    (
        "Non-state actor overtakes territory",
        _p(
            r"\b(?:(?:took|taken|taking|seized|gained|established|assumed) (?:full |complete "
            r"|total )?control"
            r"|(?:completely |fully )?(?:controlled|captured|occupied|overran|overrun) by"
            r"|captured (?:the )?(?:\w+ )?(?:town|village|city|base|bases|area|district"
            r"|positions?|settlement|locality|camp)"
            r"|captured (?-i:[A-Z])\w*|took over (?!responsibility)|overran|overrun"
            r"|(?:knocked|drove|driven|pushed|kicked) (?:out )?(?:the )?(?:enemy|[\w-]+ (?:forces"
            r"|troops|units))(?: out)? (?:of|from)|dislodged"
            r"|under (?:the )?control of|fell to)\b"
        ),
    ),
    (
        "Armed clash",
        _p(
            r"\b(?:clash(?:ed|es|ing)?|engag(?:ed|ing) (?:in|with|them)|exchang(?:ed"
            r"|ing) (?:gun)?fire"
            r"|gunfights?|firefights?|fought|fighting|battles? (?:of|for|in|between|with|near)"
            r"|repell?(?:ed|s)?|repuls(?:ed|es?)|(?:armed|heavy|fierce) (?:confrontation|fighting)"
            r"|offensive(?:s)? (?:on|against|near)|counter-?attack(?:ed|s)?"
            r"|offensive (?:operations?|actions?)|(?:assault|ground) (?:operations?|actions?"
            r"|attacks?)"
            r"|(?:tried|attempted|attempts?|attempting) to (?:advance|break through|storm)"
            r"|advanced (?:near|on|towards|in)|skirmish(?:ed|es)?|gun battle|(?:fired"
            r"|firing) on positions)\b"
        ),
    ),
    (
        # Small-arms fire and ground assaults: a battle against armed men, an Attack on civilians.
        "~arms",
        _p(
            r"\b(?:ambush(?:ed|es)?|assault(?:ed|s)?|stormed|raided|raid on|small arms"
            r"|(?:heavy )?machine[- ]?guns?"
            r"|(?:opened )?(?:heavy )?gunfire|sniper fire|automatic weapons"
            r"|fired upon|(?:with|using|from) (?:an? |their |his )?(?:[\w-]+ )?rifles?|rifle fire"
            r"|infantry fighting vehicles?)\b"
        ),
    ),
    (
        "Sexual violence",
        _p(r"\b(?:rap(?:ed|e|ing)|sexual(?:ly)? (?:assault|abus|violen)\w*|gang-?raped)\b"),
    ),
    (
        "Abduction/forced disappearance",
        _p(
            r"\b(?:abduct(?:ed|ion|s)?|kidnap(?:ped|ping|s)?|forcibly disappeared|taken hostage"
            r"|held hostage)\b"
        ),
    ),
    (
        "Arrests",
        _p(
            r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehended|taken into custody"
            r"|took (?:[\w-]+ ){0,5}?into custody"
            r"|captur(?:ed|ing) (?:an? |the |\w+ )?(?:[\w-]+ ){0,2}?(?:leaders?"
            r"|(?:sub-?)?commanders?|facilitators?|insurgents|militants|suspects?|fighters|members|operatives?|governors?"
            r"|financiers?|emirs?|bomb-?makers?|individuals?|men)\b"
            r"|detention of|(?:militants?|insurgents?|fighters?|suspects?|members?|soldiers?|men"
            r"|others|leaders?|commanders?|facilitators?) (?:were|was|had been|have been) captured"
            r"|captured (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple"
            r"|others?)(?! (?:villages?|towns?|settlements?|cities|bases?|positions?|districts?))"
            r")\b"
        ),
    ),
    ("Mob violence", _p(r"\b(?:mob|lynch(?:ed|ing)?|vigilante|fist ?fights?|stone-throwing)\b")),
    (
        "Violent demonstration",
        _p(
            r"\b(?:riot(?:ers|ed|s|ing)?|set (?:\w+ ){0,2}(?:tires|tyres) (?:on fire|ablaze)"
            r"|burn(?:ed|ing|t) tyres|burn(?:ed|ing|t) tires|threw (?:stones|rocks))\b"
        ),
    ),
    (
        "Peaceful protest",
        _p(
            r"\b(?:protest(?:ed|ers?|s|ing)?|demonstrat(?:ed|ion|ions|ors?|ing)|rall(?:y|ies"
            r"|ied)|march(?:ed)? (?:to|through|in|against)"
            r"|picket(?:ed|s)?|sit-?ins?|strike action|went on strike)\b"
        ),
    ),
    (
        "Agreement",
        _p(
            r"\b(?:agreement|agreed|signed (?:a|an|the) (?:deal|accord|truce|memorandum)"
            r"|ceasefire deal|peace deal"
            r"|reconcil(?:ed|iation)|surrender(?:ed|s)?(?: to)?|handed over|prisoner exchange"
            r"|exchange of prisoners|truce|mediat(?:ed|ion))\b"
        ),
    ),
    (
        "Headquarters or base established",
        _p(
            r"\b(?:establish(?:ed|es)|set up|opened|built|erected) (?:[\w-]+ ){0,3}?"
            r"(?:base|camp|headquarters|outpost|checkpoint|positions?|military presence)s?\b"
        ),
    ),
    (
        "Looting/property destruction",
        _p(
            r"\b(?:loot(?:ed|ing)|plunder(?:ed)?|pillag\w+|torched|set (?:\w+ ){0,3}on fire"
            r"|burn(?:ed|t) down)\b"
        ),
    ),
    (
        "Non-violent transfer of territory",
        _p(
            r"\b(?:withdr(?:ew|awn|awal) from|vacated|abandoned (?:their |its )?(?:base"
            r"|position|town)"
            r"|without (?:a |any )?(?:fight|fighting|resistance|clash(?:es)?)|(?:there (?:were"
            r"|was) )?no (?:clash(?:es)?|fighting|resistance)(?: (?:was|were) reported)?)\b"
        ),
    ),
    (
        "Change to group/activity",
        _p(
            r"\b(?:defected|recruit(?:ed|ment|ing)|deployed|redeployed|mobili[sz](?:ed|ation)"
            r"|regroup(?:ed|ing)|sighted|were seen|reinforce(?:d|ments)|(?:military "
            r"|troop )?build-?up|convoy (?:arrived|moved))\b"
        ),
    ),
    ("~explosion", _p(r"\b(?:explo(?:sion|sions|ded|de)|blasts?)\b")),
    (
        "~strike",
        _p(
            r"\b(?:struck|hit|strikes?|attacked by|targeted|bombing|bombed"
            r"|bombs?(?![- ](?:making|makers?|components?|materials?|experts?|factor(?:y|ies)"
            r"|parts?|cells?|networks?)\b))\b"
        ),
    ),
    (
        "~attack",
        _p(
            r"\b(?:attack(?:ed|s|ing)?|opened fire|fired (?:at|on|upon)|shot(?! down)|shooting"
            r"|gunmen)\b"
        ),
    ),
    (
        "~kill",
        _p(
            r"\b(?:died|died of (?:his|her|their) (?:wounds|injuries)|kill(?:ed|ing|s)?"
            r"|eliminat(?:ed|es|ing)|kia|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten"
            r"|dozens|several|many|scores) (?:(?:people|reported|civilians|soldiers) )?dead"
            r"|(?:lost|losing|loses) (?:up to |more than |over |about "
            r"|some |almost |nearly )?\d[\d,]* (?:[\w-]+ ){0,2}?(?:soldiers|servicemen|troops"
            r"|fighters|militants|personnel|defenders|men|invaders|occupiers|militiamen)"
            r"|\d[\d,]* (?:[\w-]+ )?(?:servicemen|soldiers|troops) (?:were )?lost"
            r"|destroyed (?:up to |more than |over |about |some )?\d[\d,]* (?:[\w-]+ ){0,2}?"
            r"(?:soldiers|servicemen|troops|fighters|militants|personnel|invaders|occupiers"
            r"|russians|ukrainians|militiamen)"
            r"|murder(?:ed|s)?|assassinat(?:ed|ion)|execut(?:ed|ion)|beat(?:en)?|beating|stabbed"
            r"|tortur(?:ed|e)|injur(?:ed|ing)|wound(?:ed|ing))\b"
        ),
    ),
)

# ACLED opens strategic-development notes with a short label ("Movement of forces: On ...").
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        _p(r"^\s*(?:interception|defusal|detonation|weapons seizure|disrupted weapons use)\s*:"),
        "Disrupted weapons use",
    ),
    (
        _p(
            r"^\s*(?:movement of forces|change to armed group|recruitment|security measures"
            r"|change to group/activity|military exercises?|training)\s*:"
        ),
        "Change to group/activity",
    ),
    (
        _p(r"^\s*(?:property destruction|looting|looting/property destruction|arson)\s*:"),
        "Looting/property destruction",
    ),
    (_p(r"^\s*(?:non-violent activity|other)\s*:"), "Other"),
    (_p(r"^\s*(?:headquarters|base established)\s*:"), "Headquarters or base established"),
    (_p(r"^\s*(?:agreement|ceasefire|prisoner exchange)\s*:"), "Agreement"),
    (_p(r"^\s*(?:arrests?|detention)\s*:"), "Arrests"),
    (
        _p(r"^\s*(?:non-violent transfer of territory|territorial transfer)\s*:"),
        "Non-violent transfer of territory",
    ),
)


def note_label(text: str) -> str | None:
    """The sub-type an ACLED-style leading label ("Interception: ...") fixes, if any."""
    for pattern, sub in _LABELS:
        if pattern.search(text[:80]):
            return sub
    return None


# Each pattern's gate: words one of which any of its matches holds (literal_gate.py). A text
# holding none of a pattern's words is not scanned with it: same triggers, a fraction of the
# scans (most sentences hold one or two patterns' words, not all 26).
_GATED = tuple((kind, pattern, required_words(pattern)) for kind, pattern in _PATTERNS)


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Every trigger in ``text``; spans are shifted by ``offset``."""
    # A sentence is searched by the classifier's candidate check and again by the extractor:
    # short texts' triggers are kept (a whole document's are not: it is searched once, and
    # holding its text would hold megabytes).
    found = _sentence_triggers(text) if len(text) <= _CACHED_CHARS else _triggers(text)
    if not offset:
        return list(found)
    return [Trigger(t.kind, t.start + offset, t.end + offset, t.text) for t in found]


_CACHED_CHARS = 2_000


@functools.lru_cache(maxsize=2_048)
def _sentence_triggers(text: str) -> tuple[Trigger, ...]:
    return _triggers(text)


def _triggers(text: str) -> tuple[Trigger, ...]:
    found: list[Trigger] = []
    folded = fold(text)
    for kind, pattern, words in _GATED:
        if words is not None and not any(word in folded for word in words):
            continue
        for m in pattern.finditer(text):
            found.append(Trigger(kind, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda t: (t.start, t.end))
    return tuple(found)
