"""Weapons named in an event's text, with their counts ("48 cruise missiles" -> 48)."""

from __future__ import annotations

import re

from conflictwire.events.fields.support import parse_number
from conflictwire.records import Weapon

__all__ = ["find_weapons"]

_TYPES = (
    "cruise missile", "ballistic missile", "missile", "rocket", "drone", "artillery shell", "shell",
    "mortar", "grenade", "landmine", "mine", "ied", "bomb", "guided bomb", "glide bomb",
)  # fmt: skip
_COUNT = (
    r"(\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen"
    r"|dozens|several|hundreds)"
)
_PATTERN = re.compile(
    r"\b(?:"
    + _COUNT
    + r"\s+(?:(?!\d)[\w'-]+\s+){0,2}?)?("
    + "|".join(sorted(_TYPES, key=len, reverse=True))
    + r")s?\b",
    re.I,
)


def find_weapons(text: str) -> list[Weapon]:
    """Each weapon type once, with the first count given for it."""
    found: dict[str, int | None] = {}
    for m in _PATTERN.finditer(text):
        wtype = m.group(2).lower()
        if wtype == "ied":
            wtype = "IED"
        count = parse_number(m.group(1)) if m.group(1) else None
        if wtype not in found or (found[wtype] is None and count is not None):
            found[wtype] = count
    return [Weapon(t, c) for t, c in found.items()]
