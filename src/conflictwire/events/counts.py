"""Casualty counts from text, by ACLED's rules.

Killed, injured and detained are kept apart. ACLED codes conservatively: "at least N" and "more
than N" are N, a range is its low end, differing figures give the lowest, an unknown-but-some
number ("several", "an unknown number") is 3, "dozens" 12, "hundreds" 100. Every reported death
counts once, attackers' included. ACLED's own bookkeeping in a note ("Fatalities coded as 26",
"10 fatalities split across 2 events and coded as 5 for this event") says what the note's event
carries and wins over the text's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["UNKNOWN_SOME", "Casualties", "find_casualties", "parse_number"]

UNKNOWN_SOME = 3  # ACLED's code for "some, number unknown"
# Internally an unknown-but-some figure is carried as this marker (added to the exact part), so
# that "several militants were killed ... an unknown number were killed" counts 3 once.
_SOME = 1_000_000

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_VAGUE = {
    "a couple of": 2, "a couple": 2, "a pair of": 2, "a dozen": 12, "dozens of": 12, "dozens": 12,
    "scores of": 20, "hundreds of": 100, "hundreds": 100, "thousands of": 1000,
    "several": UNKNOWN_SOME, "a few": UNKNOWN_SOME, "few": UNKNOWN_SOME,
    "multiple": UNKNOWN_SOME, "some": UNKNOWN_SOME, "many": UNKNOWN_SOME,
    "numerous": UNKNOWN_SOME, "various": UNKNOWN_SOME, "a number of": UNKNOWN_SOME,
    "an unknown number of": UNKNOWN_SOME, "an unspecified number of": UNKNOWN_SOME,
    "unknown number of": UNKNOWN_SOME, "unspecified number of": UNKNOWN_SOME,
    "an undisclosed number of": UNKNOWN_SOME, "undisclosed number of": UNKNOWN_SOME,
    "an unconfirmed number of": UNKNOWN_SOME,
}  # fmt: skip

_NUM_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand"], key=len, reverse=True))
_NUMBER_RE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUM_WORD})(?:[\s-]+(?:{_NUM_WORD}|and))*)"
_VAGUE_RE = "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))
_QUALIFIER = (
    r"(?:(?:at\s+least|more\s+than|over|up\s+to|about|around|nearly|almost|approximately|"
    r"roughly|some|an\s+estimated|as\s+many\s+as|no\s+fewer\s+than|no\s+less\s+than|"
    r"fewer\s+than|less\s+than|a\s+total\s+of|another|other|further|additional)\s+)*"
)
# A quantity at the start of a noun phrase: qualifier, then a figure or a range, or a vague word.
_QUANT = re.compile(
    rf"^\s*{_QUALIFIER}(?:(?P<vague>{_VAGUE_RE})|(?:between\s+)?(?P<num>{_NUMBER_RE})"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?P<num2>{_NUMBER_RE}))?(?![\w-]*\s*(?:-?year|years|km|kilo|"
    rf"mm|%|per\s*cent|percent|hours|days|times|am|pm|a\.m|p\.m)))\b",
    re.IGNORECASE,
)
_SINGULAR_DET = re.compile(
    r"^\s*(?:the|a|an|another|his|her|its|their|one|this|that|he|she|him)\b", re.I
)
_PLURAL_BARE = re.compile(r"^\s*(?:the\s+|other\s+|their\s+)?(?:[\w'-]+\s+){0,3}[a-z]+s\b")
_SINGULAR_PERSON = re.compile(
    r"(?:^|\s)(?:militiam[a]n|servicem[a]n|soldier|civilian|policem[a]n|officer|fighter|serviceman"
    r"|journalist|volunteer|resident|commander|militant|man|woman|child|boy|girl)\s*$",
    re.I,
)
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
    r"\b(?:no\s+(?:one|body|people|persons?|civilians?|soldiers?)\s+(?:was|were)\s+"
    r"(?:killed|injured|hurt|wounded)|no\s+(?:casualties|fatalities|deaths|injuries|victims)|"
    r"without\s+(?:casualties|fatalities)|nobody\s+was\s+(?:killed|hurt|injured)|"
    r"there\s+were\s+no\s+(?:casualties|fatalities|injuries|victims))\b",
    re.IGNORECASE,
)
_BOOK_OVERRIDE = re.compile(
    r"(?:(?:total\s+)?fatalities\s+coded\s+as\s+(?P<a>\d+)(?!\s*(?:and\s+)?split)|"
    r"coded\s+as\s+(?P<b>\d+)\s+(?:fatalities\s+)?for\s+this\s+event|"
    r"(?P<c>\d+|one)\s+fatalit(?:y|ies)\s+coded\s+to\s+this\s+event)",
    re.IGNORECASE,
)
_BOOK_UNKNOWN = re.compile(
    r"\(?\s*(?:an\s+)?unspecified\s+(?:number\s+of\s+)?fatalities\s+coded\s+as\s+(?P<n>\d+)[^.)\]]*[.)]?",
    re.IGNORECASE,
)
_BOOK_SPLIT = re.compile(
    r"\[?[^.\[]*\bfatalit(?:y|ies)\s+split\s+(?:across|among)\s+(?P<k>\d+|two|three|four|five)"
    r"\s+(?:events|locations)[^.\]]*[.\]]?|\[[^\]]*\breported\s+\d+\s+fatalities[^\]]*\]?",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
_FIGURE_AHEAD = r"(?=\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b))"
_CLAUSE_CUT = re.compile(
    rf"[;:\n]|,\s+(?!and\b){_FIGURE_AHEAD.replace('?=', '?!', 1)}|\bwhile\b|\bwhereas\b",
    re.IGNORECASE,
)
_ANY_TRIGGER = re.compile(
    rf"\b(?:{_KILL}|{_INJURE}|{_DETAIN}|died|dead|perished|lives)\b", re.IGNORECASE
)
_OBJECT_END = re.compile(
    r"[.;:]|\s[-–—]+\s|\s+(?:in|at(?!\s+least)|near|on|during|after|while|when|with|by|who|which|were|was"
    r"|are|is|had|have|has)\b"
)
_AUX_WORDS = frozenset({"were", "was", "are", "is", "had", "have", "has"})
_RANGE_AND = re.compile(rf"\bbetween\s+({_NUMBER_RE})\s+and\s+({_NUMBER_RE})", re.I)
_THERE_ARE = re.compile(r"\bthere\s+(?:are|were|is)(?:\s+(?!no\b)\w+)?$", re.IGNORECASE)
_NOMINAL = re.compile(r"\b(?:the|for|of|a|this|that|his|her|their|its)\s+$", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:report\w*|according|claim\w*|said|says|mentioned|sources?|stated|toll)\b", re.I
)
_SEPARATE = re.compile(r"\(\s*coded\s+separately\s*\)", re.IGNORECASE)
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# "A fourth civilian died in hospital": the running toll reaches the ordinal.
_ORDINAL = re.compile(
    rf"\b(?:a|the)\s+(?P<ord>{'|'.join(_ORDINALS)})\b(?!\s+(?:time|day|week))", re.I
)
# "Two more people died", "another soldier was killed": added to the toll, whoever tells it.
_ADDITIVE = re.compile(
    r"\b(?:another|\w+\s+more\s+(?:people|persons?|civilians?|soldiers?|\w+s)|additional|further)\b",
    re.I,
)
_SEPARATE_START = re.compile(r"[.;(]|,|\b(?:after|following|for|over)\b", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]*\)|,\s+including\s+[^,.;]*,|,?\s+including\s+[^,.;]*?(?=\s+were\b)")


@dataclass
class Casualties:
    """Counts told by a text; ``None`` where the text says nothing about that kind."""

    fatalities: int | None = None
    injuries: int | None = None
    detained: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def parse_number(text: str) -> int | None:
    """A number written in digits or words ("7,500", "twenty-one", "a dozen"); else ``None``."""
    value = text.strip().lower()
    if not value:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", value):
        return int(value.replace(",", ""))
    if value in _VAGUE:
        return _VAGUE[value]
    words = [w for w in re.split(r"[\s-]+", value) if w and w != "and"]
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def _quantity(phrase: str) -> tuple[int | None, int]:
    """The figure a noun phrase starts with, and how many characters it used."""
    m = _QUANT.match(phrase)
    if m is None:
        return None, 0
    if m.group("vague"):
        value = _VAGUE[" ".join(m.group("vague").lower().split())]
        return (_SOME if value == UNKNOWN_SOME else value), m.end()
    first = parse_number(m.group("num"))
    second = parse_number(m.group("num2")) if m.group("num2") else None
    if first is None:
        return None, 0
    if second is not None and first > second:
        # "2 or 3" is a range; "10 to 5" is not one, keep the lower (ACLED: conservative).
        first = second
    return first, m.end()


def _phrase_units(phrase: str, *, subject: bool) -> int | None:
    """Sum the quantified parts of "3 militants and 2 soldiers"; ``None`` if none is counted.

    Parts are read from the verb outwards (right to left for a subject); only the part next to
    the verb may lack a figure ("the driver", "civilians").
    """
    # A comma joins list items only before another figure ("3 soldiers, 2 militants and ..."),
    # otherwise it is an apposition ("a civilian, a tuktuk driver").
    phrase = _RANGE_AND.sub(r"\1 to \2", phrase)  # "between 6 and 9" is one figure
    parts = re.split(
        rf"\s*(?:,\s*and\b|,{_FIGURE_AHEAD}|\band\b|\bas\s+well\s+as\b|\+)\s*",
        phrase,
        flags=re.IGNORECASE,
    )
    if subject:
        parts.reverse()
    total: int | None = None
    for i, part in enumerate(parts):
        value, _ = _quantity(part)
        if value is None and i == 0 and subject:
            value = _quantity_inside(part)
        if value is None and i == 0:
            value = _bare_value(part)
        if value is None:
            break
        total = (total or 0) + value
    return total


def _quantity_inside(part: str) -> int | None:
    """ "officials said 20 people": the first figure that starts a noun phrase in ``part``."""
    for m in re.finditer(r"\s(?=\S)", part):
        value, _ = _quantity(part[m.end() :])
        if value is not None:
            return value
    return None


def _bare_value(part: str) -> int | None:
    """A noun phrase without a figure: "the driver" is one, "civilians" some (ACLED: 3)."""
    words = part.split()
    if not words:
        return None
    if _SINGULAR_DET.match(part):
        return 1
    if _SINGULAR_PERSON.search(part):
        return 1  # a headline's bare singular: "shelling kills militiaman"
    if len(words) > 6:
        return None
    if _PRONOUN_PLURAL.match(part) or _PLURAL_BARE.match(part):
        return _SOME
    head = re.split(r"\s+(?:who|which|that|from|of|in|at|,)\b", part)[0].split()
    if head and head[0][:1].isupper():
        return _SOME if head[-1].endswith("s") else 1
    return None


def _subject_before(text: str, end: int, floor: int) -> tuple[str, int]:
    """The noun phrase before a passive verb: back to the clause start or ``floor``."""
    start = floor
    for m in _CLAUSE_CUT.finditer(text, floor, end):
        if text[m.end() : end].strip():  # "Five troops, 19 civilians, killed": keep the list
            start = m.end()
    for m in _ANY_TRIGGER.finditer(text, start, end):
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


def _kind_mentions(text: str, kind: str, floor: int) -> list[tuple[int, int, int]]:
    """(value, start, end) of every count of ``kind`` the clause states."""
    verb = _KIND_OF[kind]
    found: list[tuple[int, int, int]] = []
    pattern = re.compile(
        rf"(?P<aux>\b{_AUX}{_ADV}\s+(?:(?:shot|stabbed|beaten|hacked|burned)\s+and\s+)?)?"
        rf"\b(?P<verb>{verb})\b",
        re.IGNORECASE,
    )
    last_end = floor
    for m in pattern.finditer(text, floor):
        value = _count_for(text, m, last_end)
        if value is not None:
            found.append((value, m.start(), m.end()))
        last_end = m.end()
    return found


def _count_for(text: str, m: re.Match[str], floor: int) -> int | None:
    if m.group("aux") is None and _NOMINAL.search(text[max(0, m.start() - 8) : m.start()]):
        return None  # "the killing", "for killing": a noun, not a count
    subject, _ = _subject_before(text, m.start(), floor)
    participle = m.group("verb").lower().endswith(("ed", "dead", "slain", "hurt"))
    passive = m.group("aux") is not None or (
        # "A shell killed two civilians": a counted object makes the participle a past tense.
        participle
        and _is_left_headed(subject)
        and _quantity(_object_after(text, m.end()))[0] is None
    )
    if passive:
        return _phrase_units(subject, subject=True)
    obj = _object_after(text, m.end())
    value = _phrase_units(obj, subject=False)
    if value is None and participle and not obj.strip(" -–:,") and _is_headline_subject(subject):
        # "Ukrainian soldier killed in Donbas": a headline's bare participle.
        return _phrase_units(subject, subject=True)
    if value is None and re.match(r"^\s*(?:and|,)?\s*(?:\w+ing|\w+ed)\b", obj) is None:
        return None
    return value


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
        if _quantity(" ".join(rest))[0] is not None:
            return not re.search(r"\b\w+ed\b", " ".join(rest[1:]))
    return False


def _intransitive_deaths(text: str, floor: int) -> list[tuple[int, int, int]]:
    found: list[tuple[int, int, int]] = []
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
                    if (v := _quantity(" ".join(before[k:]))[0]) is not None
                ),
                None,
            )
            if value is None and _THERE_ARE.search(" ".join(before)):
                value = _SOME  # "there are dead": some, number unknown
        else:
            subject, _ = _subject_before(text, m.start(), last_end)
            value = _phrase_units(subject, subject=True)
        if value is not None:
            found.append((value, m.start(), m.end()))
        last_end = m.end()
    return found


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out matches, keeping every offset."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _bookkeeping(text: str) -> tuple[int | None, int | None]:
    """ACLED's note-keeping: (the event's coded total, the figure for "unspecified")."""
    override = None
    for m in _BOOK_OVERRIDE.finditer(_mask(text, _BOOK_UNKNOWN)):
        raw = m.group("a") or m.group("b") or m.group("c")
        override = parse_number(raw)
    unknown = None
    for m in _BOOK_UNKNOWN.finditer(text):
        unknown = int(m.group("n"))
    return override, unknown


def find_casualties(text: str) -> Casualties:
    """Killed, injured and detained counts the text states, by ACLED's conservative rules."""
    override, unknown = _bookkeeping(text)
    split = _split_count(text)
    work = _mask(_mask(_mask(_mask_separate(text), _BOOK_UNKNOWN), _BOOK_SPLIT), _ASIDE)
    negative = _NEGATIVE.search(work) is not None
    work = _mask(work, _NEGATIVE)  # "no one was hurt" holds no figure
    result = Casualties()
    totals: dict[str, int | None] = {"killed": None, "injured": None, "detained": None}
    seen: dict[str, set[int]] = {kind: set() for kind in totals}
    offset = 0
    for sentence in _SENTENCE_END.split(work):
        begin = work.find(sentence, offset)
        offset = begin + len(sentence)
        reported = _REPORTED.search(sentence) is not None
        for kind, items in _sentence_mentions(work[:offset], begin).items():
            found = _dedupe(items)
            if not found:
                continue
            value = sum(v for v, _, _ in found)
            previous = totals[kind]
            if previous is not None and _DEFINITE.search(sentence):
                continue  # "killing the insurgents": those already counted
            if previous is not None and _adds(sentence, value):
                ordinal = _ORDINAL.search(sentence)
                running = _resolve(previous) + value
                if ordinal is not None and value == 1:
                    running = max(_resolve(previous), _ORDINALS[ordinal.group("ord").lower()])
                totals[kind] = running
                seen[kind].add(value)
                result.spans.extend((s, e) for _, s, e in found)
                continue
            # A second source's figure for the same toll is an alternative, not an addition:
            # ACLED keeps the lowest.
            if previous is not None and (reported or (value > 1 and value in seen[kind])):
                # The same figure told again ("Seven troops killed ... Seven soldiers die")
                # is a restatement; a second source's figure an alternative: ACLED keeps the
                # lowest.
                totals[kind] = min(previous, value, key=_resolve)
            else:
                totals[kind] = (previous or 0) + value
            seen[kind].add(value)
            result.spans.extend((s, e) for _, s, e in found)
    for kind, raw in totals.items():
        totals[kind] = None if raw is None else _resolve(raw)
    if split is not None and override is None:
        override = (totals["killed"] or 0) // split
    if negative:
        for kind in ("killed", "injured"):
            totals[kind] = totals[kind] or 0
    revised = _revised_toll(work)
    if revised is not None:
        totals["killed"] = revised
    if unknown is not None and totals["killed"] is None:
        totals["killed"] = unknown
    if override is not None:
        totals["killed"] = override
    result.fatalities = totals["killed"]
    result.injuries = totals["injured"]
    result.detained = totals["detained"]
    result.spans.sort()
    return result


# A revised toll: "the death toll rose to 5", "bringing the toll to 7", "revised to 4".
_TOLL_TO = re.compile(
    rf"\b(?:death\s+)?toll\b[^.;]{{0,60}}?\b(?:to|at|reached|is|was|of)\s+(?:at\s+least\s+)?"
    rf"(?P<n>{_NUMBER_RE})\b(?!\s*(?:%|per\s*cent|injured|wounded))",
    re.IGNORECASE,
)


_CUMULATIVE = re.compile(
    r"\b(?:since|so\s+far|overall|total|this\s+(?:year|month|week)|from\s+the\s+(?:week|month|year|war"
    r"|conflict)|in\s+the\s+(?:war|conflict))\b",
    re.I,
)


def _revised_toll(text: str) -> int | None:
    """The last death toll the text states outright, if any."""
    value = None
    for m in _TOLL_TO.finditer(text):
        if not _CUMULATIVE.search(m.group(0)):
            value = parse_number(m.group("n")) if m.group("n") else value
    return value


_NOT_FIGURE = rf"(?!(?:\d|{_NUM_WORD}|several|dozens|many|other|\w+ other)\b)"
# A definite plural without a figure refers back to victims already counted.
_DEFINITE = re.compile(
    rf"\b{_KILL}\s+(?:the|those|these|all\s+the)\s+{_NOT_FIGURE}(?:[\w-]+\s+)?[a-z]+s\b"
    rf"(?!\s+of\b)|\b(?:the|those|these)\s+{_NOT_FIGURE}(?:[\w-]+\s+)?[a-z]+s\s+(?:were"
    rf"|had\s+been)\s+{_KILL}",
    re.I,
)


def _adds(sentence: str, value: int) -> bool:
    """The sentence adds to a toll told before ("a third died", "two more were killed")."""
    if value == 1 and _ORDINAL.search(sentence):
        return True
    return _ADDITIVE.search(sentence) is not None


def _resolve(value: int) -> int:
    """An exact figure plus ACLED's 3 when some unknown number was also reported."""
    return value % _SOME + (UNKNOWN_SOME if value >= _SOME else 0)


# Military claims of enemy losses: "eliminated 40 Russians", "lost up to 60 servicemen".
_LOSSES = re.compile(
    rf"\b(?:eliminated|eliminating|lost|losing|destroyed|destroying)\s+(?P<q>{_QUALIFIER}"
    rf"{_NUMBER_RE})\s+(?:[\w-]+\s+){{0,2}}?(?:servicem[ae]n|soldiers|troops|fighters|militants"
    rf"|personnel|defenders|invaders|occupiers|russians|ukrainians|militiam[ae]n|terrorists"
    rf"|mercenaries)\b|(?P<kia>\d+|one|two|three|four|five)\s+KIA\b",
    re.IGNORECASE,
)


def _losses(text: str, floor: int) -> list[tuple[int, int, int]]:
    found = []
    for m in _LOSSES.finditer(text, floor):
        value = parse_number(m.group("kia")) if m.group("kia") else _quantity(m.group("q"))[0]
        if value is not None:
            found.append((value, m.start(), m.end()))
    return found


def _sentence_mentions(text: str, begin: int) -> dict[str, list[tuple[int, int, int]]]:
    return {
        "killed": _kind_mentions(text, "killed", begin)
        + _intransitive_deaths(text, begin)
        + _losses(text, begin),
        "injured": _kind_mentions(text, "injured", begin),
        "detained": _kind_mentions(text, "detained", begin),
    }


def _split_count(text: str) -> int | None:
    """ "[6 fatalities split among 25 events]": the number of events a toll is shared by."""
    m = re.search(
        r"fatalit(?:y|ies)\s+split\s+(?:among|across|over)\s+(?P<k>\d+|\w+)\s+events",
        text,
        re.IGNORECASE,
    )
    if m is None:
        return None
    return parse_number(m.group("k"))


def _mask_separate(text: str) -> str:
    """Blank the clause of a happening ACLED coded as another event ("(coded separately)")."""
    for m in _SEPARATE.finditer(text):
        start = max(0, m.start() - 150)
        for cut in _SEPARATE_START.finditer(text, start, m.start()):
            start = cut.end()
        text = text[:start] + " " * (m.end() - start) + text[m.end() :]
    return text


def _dedupe(items: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """One figure per trigger span (a death can match two patterns)."""
    seen: list[tuple[int, int, int]] = []
    for item in sorted(items, key=lambda i: i[1]):
        if any(item[1] < e and s < item[2] for _, s, e in seen):
            continue
        seen.append(item)
    return seen
