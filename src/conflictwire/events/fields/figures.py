"""Figures as news writes them, read by ACLED's conventions.

"at least N" and "more than N" are N, a range is its low end, an unknown-but-some number
("several", "multiple", "an unknown number") is 3, "a couple" 2, "dozens" 12, "hundreds" 100.
A figure of things ("1,400 rounds", "20 kilograms") is no count of people.
"""

from __future__ import annotations

import re

__all__ = [
    "NUMBER_RE",
    "NUM_WORD",
    "QUALIFIER",
    "SOME",
    "UNKNOWN_SOME",
    "is_thing",
    "parse_number",
    "quantity",
    "resolve",
]

UNKNOWN_SOME = 3  # ACLED's code for "some, number unknown"
# Internally an unknown-but-some figure is carried as this marker (added to the exact part), so
# that "several militants were killed ... an unknown number were killed" counts 3 once.
SOME = 1_000_000

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

NUM_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand"], key=len, reverse=True))
NUMBER_RE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{NUM_WORD})(?:[\s-]+(?:{NUM_WORD}|and))*)"
_VAGUE_RE = "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))
QUALIFIER = (
    r"(?:(?:at\s+least|more\s+than|over|up\s+to|about|around|nearly|almost|approximately|"
    r"roughly|some|an\s+estimated|as\s+many\s+as|no\s+fewer\s+than|no\s+less\s+than|"
    r"fewer\s+than|less\s+than|a\s+total\s+of|another|other|further|additional)\s+)*"
)
# A quantity at the start of a noun phrase: qualifier, then a figure or a range, or a vague word.
_QUANT = re.compile(
    rf"^\s*{QUALIFIER}(?:(?P<vague>{_VAGUE_RE})|(?:between\s+)?(?P<num>{NUMBER_RE})"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?P<num2>{NUMBER_RE}))?(?![\w-]*\s*(?:-?year|years|km|kilo|"
    rf"mm|%|per\s*cent|percent|hours|days|times|am|pm|a\.m|p\.m)))\b",
    re.IGNORECASE,
)
_SMALL_WORD = "|".join(
    w for w in sorted([*_UNITS, *_TENS], key=len, reverse=True) if w not in ("a", "an", "no")
)
_DET_FIGURE = re.compile(
    rf"^\s*(?:all\s+)?(?:the|these|those|his|her|their|its)\s+(?=(?:\d{{1,3}}|{_SMALL_WORD})\b(?!,\d))",
    re.I,
)
# A figure of things, not people: "captured two insurgents and 20 kilograms of opium".
_THING = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:rounds?|kilo\w*|kgs?|pounds|lbs|grams|tons?|tonnes?|grenades?"
    r"|rifles?|weapons?|guns?|pistols?|vehicles?|cars?|trucks?|motorcycles?|bags?|mines?|ieds?"
    r"|rockets?|mortars?|magazines?|lit(?:er|re)s?|gallons?|bombs?|explosives?|vests?|cartridges?"
    r"|bullets?|caches?|opium|hashish|heroin|compounds?|buildings?|houses?"
    # "organized and executed attacks": deeds, not people.
    r"|attacks?|operations?|plans?|missions?)"
    r"(?=\s*(?:$|[,.;]|(?:of|and|in|from|with|at|during|as|were|was|against|on|targeting)\b))",
    re.I,
)


def is_thing(phrase: str) -> bool:
    """The phrase counts things ("rounds of ammunition", "rocket-propelled grenades")."""
    return _THING.match(phrase) is not None


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


def quantity(phrase: str) -> tuple[int | None, int]:
    """The figure a noun phrase starts with, and how many characters it used."""
    det = _DET_FIGURE.match(phrase)  # "the two insurgents": a figure all the same
    if det is not None:
        value, used = quantity(phrase[det.end() :])
        return (value, det.end() + used) if value is not None else (None, 0)
    m = _QUANT.match(phrase)
    if m is None or is_thing(phrase[m.end() :]):
        return None, 0
    if m.group("vague"):
        value = _VAGUE[" ".join(m.group("vague").lower().split())]
        return (SOME if value == UNKNOWN_SOME else value), m.end()
    first = parse_number(m.group("num"))
    second = parse_number(m.group("num2")) if m.group("num2") else None
    if first is None:
        return None, 0
    if second is not None and first > second:
        # "2 or 3" is a range; "10 to 5" is not one, keep the lower (ACLED: conservative).
        first = second
    return first, m.end()


def resolve(value: int) -> int:
    """An exact figure plus ACLED's 3 when some unknown number was also reported."""
    return value % SOME + (UNKNOWN_SOME if value >= SOME else 0)
