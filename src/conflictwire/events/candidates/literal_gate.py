"""Literal gates: which of many regular expressions can match a text at all, found cheaply.

Running every trigger pattern over every sentence costs one regex scan per pattern, and most
patterns find nothing in most sentences. Each pattern's parse tree gives words any match of
it must contain ("suicide ", "grenade", "clash"); when none of them is in the text, the
pattern cannot match and its scan is skipped. A pattern with no such word (it may match
through ``\\w+`` alone) always runs. The gate only ever skips patterns that cannot match, so
the matches found are exactly those of running every pattern.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre  # type: ignore[attr-defined]
from typing import Any

__all__ = ["fold", "required_words"]

# Characters that IGNORECASE matches to an ASCII letter but ``str.lower`` does not turn into
# it (checked over every code point): folded first, so a gate word is found in the text
# whenever the pattern's letter would match.
_SPECIAL = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})

Words = frozenset[str] | None  # None: no word is required


def fold(text: str) -> str:
    """``text`` as the gate searches it: lower case, IGNORECASE's odd letters made ASCII."""
    return text.translate(_SPECIAL).lower()


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words (folded) one of which every match of ``pattern`` contains; None if none is."""
    words = _sequence(sre.parse(pattern.pattern, pattern.flags))
    if words is None:
        return None
    # A word holding another is found whenever that one is: the shorter alone is enough.
    return frozenset(w for w in words if not any(v != w and v in w for v in words))


def _better(a: Words, b: Words) -> Words:
    """The more selective of two alternative gates: the one whose shortest word is longer."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: Any) -> Words:
    """Every item of a sequence must match, so any one item's words gate the whole; runs of
    literal characters make one word."""
    best: Words = None
    run: list[str] = []
    for op, arg in items:
        if op is c.LITERAL and arg < 128:
            run.append(chr(arg).lower())
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        best = _better(best, _item(op, arg))
    if run:
        best = _better(best, frozenset({"".join(run)}))
    return best


def _item(op: Any, arg: Any) -> Words:
    if op is c.SUBPATTERN:
        return _sequence(arg[-1])
    if op is c.BRANCH:
        return _branches(arg[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _, sub = arg
        return _sequence(sub) if low >= 1 else None
    if op is c.ATOMIC_GROUP:
        return _sequence(arg)
    # Look-arounds, classes, anchors, back-references: no word a match must hold.
    return None


def _branches(branches: list[Any]) -> Words:
    """One branch matches: the gate is every branch's words, if every branch has some."""
    words: set[str] = set()
    for branch in branches:
        found = _sequence(branch)
        if found is None:
            return None
        words |= found
    return frozenset(words)
