"""Casualty counts from text, by ACLED's rules.

Killed, injured and detained are kept apart. ACLED codes conservatively: "at least N" and "more
than N" are N, a range is its low end, differing figures give the lowest, an unknown-but-some
number ("several", "an unknown number") is 3, "dozens" 12, "hundreds" 100. Every reported death
counts once, attackers' included. ACLED's own bookkeeping in a note ("Fatalities coded as 26",
"10 fatalities split across 2 events and coded as 5 for this event") says what the note's event
carries and wins over the text's figures.

Across sentences a count adds only new people (``tally``); a title ("Facilitator Detained in
Khowst") sums the story up. Figures of things ("1,400 rounds", "20 kilograms") count no people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictwire.events.fields.bookkeeping import mask, read_bookkeeping, revised_toll
from conflictwire.events.fields.figures import (
    NUM_WORD,
    NUMBER_RE,
    QUALIFIER,
    SOME,
    UNKNOWN_SOME,
    is_thing,
    parse_number,
    quantity,
)
from conflictwire.events.fields.tally import Found as _Found
from conflictwire.events.fields.tally import Tally
from conflictwire.events.fields.toll_scope import of_this_event

__all__ = ["UNKNOWN_SOME", "Casualties", "find_casualties", "parse_number"]

_SINGULAR_DET = re.compile(
    r"^\s*(?:the|a|an|another|his|her|its|their|one|this|that|he|she|him)\b", re.I
)
_PLURAL_BARE = re.compile(r"^\s*(?:the\s+|other\s+|their\s+)?(?:[\w'-]+\s+){0,3}[a-z]+s\b")
_PERSON_WORDS = (
    r"(?:police|service|gun|militia|fisher|chair|spokes|wo|)m[ae]n|soldier|civilian|officer"
    r"|fighter|journalist|volunteer|resident|(?:sub-)?commander|militant|child|boy|girl"
    r"|insurgent|suspect|facilitator|leader|individual|attacker"
)
_SINGULAR_PERSON = re.compile(rf"(?:^|\s)(?:{_PERSON_WORDS})(?<!men)\s*$", re.I)
_PRONOUN_PLURAL = re.compile(r"^\s*(?:they|them|others|those)\b", re.I)

_AUX = r"(?:was|were|been|be|being|is|are|got|get|gets|had\s+been|have\s+been|has\s+been)"
_ADV = r"(?:\s+(?:\w+ly|also|all|both|later|then|reportedly|allegedly))*"
_KILL = (
    r"(?:killed|killing|kills|kill|shot\s+dead|murdered|murdering|executed|executing|"
    r"beheaded|slain|massacred|lynched|assassinated|assassinating)"
)
_INJURE = r"(?:injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|maimed)"
_DETAIN = (
    r"(?:arrested|arresting|detained|detaining|captured|capturing|apprehended|apprehending|"
    r"abducted|abducting|kidnapped|kidnapping)"
)
_KIND_OF = {"killed": _KILL, "injured": _INJURE, "detained": _DETAIN}

# Deaths told without a transitive verb: "N died", "N dead", "lost their lives", "N bodies".
_INTRANSITIVE = re.compile(
    r"\b(?:died|dies|die|dead|perished|lost\s+(?:their|his|her)\s+lives?|succumbed|"
    r"(?:was|were)\s+(?:found\s+)?dead|deaths?|fatalities|fatality|bodies|corpses)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:no\s+(?:one|body|people|persons?|(?:[a-z-]+\s+){0,3}?(?:civilians?|soldiers?|forces"
    r"|troops|members|personnel))\s+(?:was|were)\s+(?:killed|injured|hurt|wounded|harmed)"
    r"(?:\s+or\s+(?:killed|injured|hurt|wounded|harmed))?|"
    r"no\s+(?:civilian\s+)?(?:casualties|fatalities|deaths|injuries|victims)|"
    r"without\s+(?:casualties|fatalities)|nobody\s+was\s+(?:killed|hurt|injured)|"
    r"there\s+were\s+no\s+(?:casualties|fatalities|injuries|victims))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
_FIGURE_AHEAD = r"(?=\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b))"
_CLAUSE_CUT = re.compile(
    rf"[;:\n]|,\s+(?!and\b){_FIGURE_AHEAD.replace('?=', '?!', 1)}|\bwhile\b|\bwhereas\b",
    re.IGNORECASE,
)
# ", and" after a clause that ends in its verb starts another clause's subject.
_CLAUSE_AND = re.compile(r"(?<=\w)ed\s*,\s+and\s+", re.IGNORECASE)
_ANY_TRIGGER = re.compile(
    rf"\b(?:{_KILL}|{_INJURE}|{_DETAIN}|died|dead|perished|lives)\b", re.IGNORECASE
)
_OBJECT_END = re.compile(
    r"[.;:]|\s[-–—]+\s|(?<!along)(?<!together)\s+(?:in|at(?!\s+least)|near|on|during|after|following"
    r"|while|when"
    r"|with|by|who|which|were|was"
    r"|are|is|had|have|has)\b"
)
_AUX_WORDS = frozenset({"were", "was", "are", "is", "had", "have", "has"})
_RANGE_AND = re.compile(rf"\bbetween\s+({NUMBER_RE})\s+and\s+({NUMBER_RE})", re.I)
_THERE_ARE = re.compile(r"\bthere\s+(?:are|were|is)(?:\s+(?!no\b)\w+)?$", re.IGNORECASE)
_NOMINAL = re.compile(r"\b(?:the|for|of|a|this|that|his|her|their|its)\s+$", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:report\w*|according|claim\w*|said|says|mentioned|sources?|stated|toll)\b", re.I
)
_ASIDE = re.compile(
    r"\([^()]*\)|,\s+including\s+[^,.;]*,|,?\s+including\s+[^,.;]*?(?=\s+were\b)"
    # "detained 15 insurgents, including a facilitator and two couriers." (to the clause end)
    rf"|,\s+including\s+(?:(?!\band\s+(?:{_KILL}|{_INJURE}|{_DETAIN})\b)[^,.;])*(?=[.;])",
    re.IGNORECASE,
)


@dataclass
class Casualties:
    """Counts told by a text; ``None`` where the text says nothing about that kind."""

    fatalities: int | None = None
    injuries: int | None = None
    detained: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _phrase_units(phrase: str, *, subject: bool) -> int | None:
    """Sum the quantified parts of "3 militants and 2 soldiers"; ``None`` if none is counted.

    Parts are read from the verb outwards (right to left for a subject); only the part next to
    the verb may lack a figure ("the driver", "civilians").
    """
    # A comma joins list items only before another figure ("3 soldiers, 2 militants and ..."),
    # otherwise it is an apposition ("a civilian, a tuktuk driver").
    phrase = _RANGE_AND.sub(r"\1 to \2", phrase)  # "between 6 and 9" is one figure
    parts = re.split(
        rf"\s*(?:,\s*and\b|,(?!\d{{3}}\b){_FIGURE_AHEAD}|\band\b|\+"
        r"|\b(?:as\s+well\s+as|along\s+with|together\s+with)\b)\s*",
        phrase,
        flags=re.IGNORECASE,
    )
    if subject:
        parts.reverse()
    total: int | None = None
    for i, part in enumerate(parts):
        if is_thing(part):
            break
        # "an insurgent mortar team": a group of unknown size (ACLED: 3), not one.
        value = SOME if _COLLECTIVE.match(part) else quantity(part)[0]
        if value is None and i == 0 and subject:
            value = _quantity_inside(part)
        if value is None and i == 0:
            value = _bare_value(part)
        elif value is None:
            # "the commander and his deputy", "Bahuddin and his subordinate": a further part
            # may be one person told by noun or by name.
            value = _person_value(part) or _name_value(part)
        if value is None:
            break
        total = (total or 0) + value
    return total


_COLLECTIVE = re.compile(
    r"^\s*(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}(?:team|group|cell|crew|squad|band)\s*$", re.I
)


def _quantity_inside(part: str) -> int | None:
    """ "officials said 20 people": the first figure that starts a noun phrase in ``part``."""
    for m in re.finditer(r"\s(?=\S)", part):
        value, _ = quantity(part[m.end() :])
        if value is not None:
            return value
    return None


def _bare_value(part: str) -> int | None:
    """A noun phrase without a figure: "the driver" is one, "civilians" some (ACLED: 3)."""
    words = part.split()
    if not words:
        return None
    if _SINGULAR_DET.match(part):
        return _person_value(part) or 1
    if re.match(r"\s*both\b", part, re.I):
        return 2
    if _SINGULAR_PERSON.search(part):
        return 1  # a headline's bare singular: "shelling kills militiaman"
    core = part.split(",")[0]  # "Mullah Karim, a senior Taliban leader": the apposition aside
    if len(core.split()) > 6:
        return None
    if _PRONOUN_PLURAL.match(core) or _PLURAL_BARE.match(core):
        return SOME
    head = re.split(r"\s+(?:who|which|that|from|of|in|at)\b", core)[0].split()
    if head and head[0][:1].isupper():
        # "Mullah Idris", "Taliban leader Qari Younus": one man, whatever his name ends with.
        one = _TITLED.search(" ".join(head)) or not head[-1].endswith("s")
        return 1 if one else SOME
    return None


_TITLED = re.compile(
    rf"\b(?:mullah|mawlawi|maulawi|mawlavi|qari|haji|hajji|mufti|sheikh|hafiz|sayed|commander"
    rf"|{_PERSON_WORDS})\b",
    re.I,
)
_PERSON_NOUN = re.compile(
    r"^\s*(?:the|a|an|another|his|her|its|their|one|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:(?P<one>{_PERSON_WORDS}|associate|accomplice|deputy|brother|son|cousin|nephew|guard"
    r"|bodyguard|driver|member|villager|elder|official|courier|financier|operative|assailant"
    r"|bomber|person|rebel|combatant|recruiter|subordinate|lieutenant|emir|maker)(?P<s>s|es)?"
    r"|(?P<kids>children|people))\b",
    re.I,
)


_NAME = re.compile(r"^\s*(?:[A-Z][a-z'’-]+\s+){0,2}[A-Z][a-z'’-]+\s*$")


_NOT_NAME = re.compile(
    rf"^\s*(?:in|at|on|near|from|by|during|after|before|the|an?)\b|\b(?:{_PERSON_WORDS})\b", re.I
)


def _name_value(part: str) -> int | None:
    """ "Bahuddin", "Mullah Karim": one person told by name; not a plural, not a place after
    its preposition ("In Kharkiv, a man died"), not a common noun ("Soldier and civilian")."""
    if not _NAME.match(part) or part.rstrip().endswith("s") or _NOT_NAME.search(part):
        return None
    return 1


def _person_value(part: str) -> int | None:
    """ "the insurgent" one, "his associates" some (ACLED: 3); ``None`` if no person is named."""
    m = _PERSON_NOUN.match(part)
    if m is None:
        return None
    plural = m.group("kids") or m.group("s") or m.group("one").lower().endswith(("men", "women"))
    return SOME if plural else 1


_ADJECTIVAL = re.compile(rf"\b(?:the|a|an|one|{NUM_WORD}|\d+|several|his|their)\s+$", re.I)
_NOUN_NEXT = re.compile(
    r"\s+(?!(?:in|on|at|by|and|or|as|after|during|when|while|near|with|from|to|for|were|was)\b)"
    r"[a-z][\w-]*"
)


def _subject_before(text: str, end: int, floor: int) -> tuple[str, int]:
    """The noun phrase before a passive verb: back to the clause start or ``floor``."""
    start = floor
    for m in _CLAUSE_CUT.finditer(text, floor, end):
        if text[m.end() : end].strip():  # "Five troops, 19 civilians, killed": keep the list
            start = m.end()
    for m in _CLAUSE_AND.finditer(text, start, end):
        start = m.end()  # "A firefight ensued, and the leader and his guard were killed"
    for m in _ANY_TRIGGER.finditer(text, start, end):
        if _ADJECTIVAL.search(text, start, m.start()) and _NOUN_NEXT.match(text, m.end()):
            continue  # "the wounded insurgent was detained": a participle as adjective
        start = m.end()
        # "killed 9 guards and 4 others were injured": what precedes "and" is the object.
        joint = list(re.finditer(r",?\s+and\s+|,\s+", text[start:end]))
        if joint:
            start += joint[-1].end()
    # "As a result," / "According to X," lead-ins are cut by the comma rule above.
    return text[start:end], start


def _object_after(text: str, start: int) -> str:
    m = _OBJECT_END.search(text, start)
    obj = text[start : m.start() if m else len(text)]
    if m is not None and m.group(0).strip() in _AUX_WORDS:
        # "killed 2 soldiers and 3 others were injured": the last part is another clause.
        obj = re.split(r",?\s+and\s+|,\s+", obj)[0] if re.search(r",|\band\b", obj) else ""
    return obj


def _kind_mentions(text: str, kind: str, floor: int) -> list[_Found]:
    """Every count of ``kind`` the clause states."""
    verb = _KIND_OF[kind]
    found: list[_Found] = []
    pattern = re.compile(
        rf"(?P<aux>\b{_AUX}{_ADV}\s+(?:(?:shot|stabbed|beaten|hacked|burned|wounded|injured|killed|captured)\s+and\s+)?)?"
        rf"\b(?P<verb>{verb})\b",
        re.IGNORECASE,
    )
    last_end = floor
    for m in pattern.finditer(text, floor):
        item = _count_for(text, m, last_end)
        if item is not None:
            found.append(item)
        last_end = m.end()
    return found


# A phrase pointing back at people already told of: "the commander", "him", "the two insurgents".
_ANAPHOR = re.compile(
    r"^\s*(?:(?P<pronoun>him|her|them|he|she|they|both)|(?:the|this|that|these|those)\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<head>[a-z-]{3,}?)s?)\b(?=\s*(?:$|,|and\b|of\b|who\b|after\b|as\b))",
    re.I,
)


def _referent(phrase: str) -> str | None:
    """The head noun a definite phrase refers back with; "" for a pronoun; else ``None``."""
    m = _ANAPHOR.match(phrase)
    return None if m is None else ("" if m.group("pronoun") else m.group("head").lower())


_FIRST_VERB_AND = re.compile(
    r"\s+(?:\w+ed|fought|ran|fled|came|went|got|gave|gave\s+up|stood)"
    r"(?:\s+(?:back|off|out|up|away|themselves\s+up))?\s+and\s*$",
    re.I,
)


def _count_for(text: str, m: re.Match[str], floor: int) -> _Found | None:
    if m.group("aux") is None and _NOMINAL.search(text[max(0, m.start() - 8) : m.start()]):
        return None  # "the killing", "for killing": a noun, not a count
    subject, _ = _subject_before(text, m.start(), floor)
    # "Two of his associates surrendered and were detained": the subject of both verbs.
    subject = _FIRST_VERB_AND.sub("", subject) if m.group("aux") else subject
    participle = m.group("verb").lower().endswith(("ed", "dead", "slain", "hurt"))
    obj = _object_after(text, m.end())
    passive = m.group("aux") is not None or (
        # "A shell killed two civilians": a counted object makes the participle a past tense.
        participle
        and _is_left_headed(subject)
        and quantity(obj)[0] is None
        and not re.match(r"\s*(?:both|the|his|her|their|him|them)\b", obj, re.I)
    )
    # "Coalition Forces Kill Taliban Commander": a capitalised verb inside a line is a title's.
    title = m.group("verb")[0].isupper() and re.search(r"\w[\s:,]+$", text[floor : m.start()])
    phrase, headline = (subject, bool(title)) if passive else (obj, bool(title))
    value = _phrase_units(phrase, subject=passive)
    if value is None and not passive:
        if participle and not obj.split(",")[0].strip(" -–:") and _is_headline_subject(subject):
            # "Ukrainian soldier killed in Donbas": a headline's bare participle.
            phrase, headline = subject, True
            value = _phrase_units(subject, subject=True)
        elif re.match(r"^\s*(?:and|,)?\s*(?:\w+ing|\w+ed)\b", obj) is None:
            return None
    if value is None:
        return None
    numeral = quantity(phrase)[0] is not None and not re.match(r"\s*an?\b", phrase, re.I)
    return _Found(value, m.start(), m.end(), _referent(phrase), headline, numeral)


def _is_headline_subject(subject: str) -> bool:
    """A short noun phrase with no verb in it, right before the participle."""
    words = subject.split()
    return 0 < len(words) <= 4 and not any(
        re.fullmatch(r"\w+(?:ed|ing)|was|were|is|are|has|have|had", w, re.I) for w in words
    )


def _is_left_headed(subject: str) -> bool:
    """ "2 civilians killed in ...": a figure right before the participle, no verb between."""
    if re.search(r"\band\s*$", subject):
        return False
    tail = subject.split()[-4:]
    for k in range(len(tail)):
        rest = tail[k:]
        if quantity(" ".join(rest))[0] is not None:
            return not re.search(r"\b\w+ed\b", " ".join(rest[1:]))
    return False


def _intransitive_deaths(text: str, floor: int) -> list[_Found]:
    found: list[_Found] = []
    last_end = floor
    for m in _INTRANSITIVE.finditer(text, floor):
        word = m.group(0).lower()
        if word == "death" and re.match(r"\s+toll\b", text[m.end() : m.end() + 6], re.I):
            continue  # "the death toll" names the count, it is not one death
        if word in ("death", "deaths", "fatalities", "fatality", "bodies", "corpses", "dead"):
            before = text[max(last_end, m.start() - 40) : m.start()].split()[-4:]
            value = next(
                (
                    v
                    for k in range(len(before))
                    if (v := quantity(" ".join(before[k:]))[0]) is not None
                ),
                None,
            )
            if value is None and _THERE_ARE.search(" ".join(before)):
                value = SOME  # "there are dead": some, number unknown
            if value is None and word in ("death", "deaths"):
                value = _deaths_of(text, m, last_end)
        else:
            subject, _ = _subject_before(text, m.start(), last_end)
            value = _phrase_units(subject, subject=True)
        if value is not None:
            found.append(_Found(value, m.start(), m.end()))
        last_end = m.end()
    return found


_DEATHS_OF = re.compile(r"\b(?:result(?:ed|ing|s)?\s+in|confirmed|caused|led\s+to)\s+the\s+$", re.I)


def _deaths_of(text: str, m: re.Match[str], floor: int) -> int | None:
    """ "resulting in the deaths of 12 insurgents", "confirmed the death of X": a count after."""
    if not _DEATHS_OF.search(text, floor, m.start()):
        return None
    of = re.compile(r"\s+of\b").match(text, m.end())
    return None if of is None else _phrase_units(_object_after(text, of.end()), subject=False)


def _tallies(text: str, work: str) -> tuple[dict[str, int | None], list[tuple[int, int]]]:
    """Each kind's count over the sentences of ``work`` (``text`` masked), and its spans."""
    tallies = {kind: Tally() for kind in ("killed", "injured", "detained")}
    spans: list[tuple[int, int]] = []
    offset = 0
    for sentence in _SENTENCE_END.split(work):
        begin = work.find(sentence, offset)
        offset = begin + len(sentence)
        reported = _REPORTED.search(sentence) is not None
        for kind, items in _sentence_mentions(work[:offset], begin).items():
            found = _dedupe(items)
            tally = tallies[kind]
            definite = _DEFINITE[kind].search(sentence) is not None
            if found and tally.add(
                sentence, found, reported=reported, before=text[:begin], definite=definite
            ):
                spans.extend((f.start, f.end) for f in found)
    return {kind: tally.result() for kind, tally in tallies.items()}, spans


def find_casualties(text: str) -> Casualties:
    """Killed, injured and detained counts the text states, by ACLED's conservative rules."""
    book = read_bookkeeping(text)
    override, unknown = book.override, book.unknown
    work = mask(book.text, _ASIDE)
    negative = _NEGATIVE.search(work) is not None
    work = mask(work, _NEGATIVE)  # "no one was hurt" holds no figure
    totals, spans = _tallies(text, work)
    if book.split is not None and override is None:
        override = (totals["killed"] or 0) // book.split
    if negative:
        for kind in ("killed", "injured"):
            totals[kind] = totals[kind] or 0
    revised = revised_toll(work)
    if revised is not None:
        totals["killed"] = revised
    if unknown is not None and totals["killed"] is None:
        totals["killed"] = unknown
    if override is not None:
        totals["killed"] = override
    return Casualties(totals["killed"], totals["injured"], totals["detained"], sorted(spans))


_NOT_FIGURE = rf"(?!(?:\d|{NUM_WORD}|several|dozens|many|other|\w+ other)\b)"
_PLURAL = r"(?:[a-z]+s|men|women|people|children)"
# A definite plural without a figure refers back to people already counted: "killing the
# insurgents", "The men were detained without incident".
_DEFINITE = {
    kind: re.compile(
        rf"\b{verb}\s+(?:the|those|these|all\s+the)\s+{_NOT_FIGURE}(?:[\w-]+\s+){{0,2}}{_PLURAL}\b"
        rf"(?!\s+of\b)|\b(?:the|those|these)\s+{_NOT_FIGURE}(?:[\w-]+\s+)?{_PLURAL}\s+(?:were"
        rf"|had\s+been)\s+{verb}",
        re.I,
    )
    for kind, verb in _KIND_OF.items()
}


# Military claims of enemy losses: "eliminated 40 Russians", "lost up to 60 servicemen".
_LOSSES = re.compile(
    rf"\b(?:eliminated|eliminating|lost|losing|destroyed|destroying)\s+(?P<q>{QUALIFIER}"
    rf"{NUMBER_RE})\s+(?:[\w-]+\s+){{0,2}}?(?:servicem[ae]n|soldiers|troops|fighters|militants"
    rf"|personnel|defenders|invaders|occupiers|russians|ukrainians|militiam[ae]n|terrorists"
    rf"|mercenaries)\b|(?P<kia>\d+|one|two|three|four|five)\s+KIA\b",
    re.IGNORECASE,
)


def _losses(text: str, floor: int) -> list[_Found]:
    found = []
    for m in _LOSSES.finditer(text, floor):
        value = parse_number(m.group("kia")) if m.group("kia") else quantity(m.group("q"))[0]
        if value is not None:
            found.append(_Found(value, m.start(), m.end()))
    return found


def _sentence_mentions(text: str, begin: int) -> dict[str, list[_Found]]:
    found = {
        "killed": _kind_mentions(text, "killed", begin) + _intransitive_deaths(text, begin),
        "injured": _kind_mentions(text, "injured", begin),
        "detained": _kind_mentions(text, "detained", begin),
    }
    found = {
        kind: [f for f in items if of_this_event(text, begin, f, deeds=kind != "detained")]
        for kind, items in found.items()
    }
    found["killed"] += _losses(text, begin)
    return found


def _dedupe(items: list[_Found]) -> list[_Found]:
    """One figure per trigger span (a death can match two patterns)."""
    seen: list[_Found] = []
    for item in sorted(items, key=lambda i: i.start):
        if any(item.start < other.end and other.start < item.end for other in seen):
            continue
        seen.append(item)
    return seen
