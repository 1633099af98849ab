"""Access to the sibling modules counts.py, dates.py and actors.py, with tiny fallbacks.

Those modules belong to another part of the team; until they are present this keeps the
extractor importable and minimally useful. Nothing here duplicates their logic beyond the
bare minimum a fallback needs.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ActorRef",
    "Casualties",
    "DateRef",
    "actor_match",
    "event_date",
    "find_actors",
    "find_casualties",
    "parse_number",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ActorRef:
    """An actor mention: where it is and which ACLED actor it names."""

    start: int
    end: int
    text: str
    name: str
    inter: int | None


@dataclass(frozen=True)
class Casualties:
    fatalities: int | None
    injuries: int | None
    detained: int | None = None


@dataclass(frozen=True)
class DateRef:
    date: str
    precision: int
    start: int | None = None
    end: int | None = None


def _sibling(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(f"conflictwire.events.fields.{module}")
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a dozen": 12, "dozens": 12, "several": 3, "a few": 3, "hundreds": 100,
}  # fmt: skip


def parse_number(text: str) -> int | None:
    fn = _sibling("counts", "parse_number")
    if fn is not None:
        value = fn(text)
        return value if isinstance(value, int) else None
    clean = text.strip().lower().replace(",", "")
    if clean.isdigit():
        return int(clean)
    return _WORDS.get(clean)


_NUM = (
    r"(\d[\d,]*|a dozen|dozens|several|a few|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve)"
)
_KILLED = re.compile(
    _NUM + r"\b(?:[\w'-]+ ){0,4}?(?:were |was |have been |had been )?(?:killed|dead|died)", re.I
)
_KILLING = re.compile(r"\bkill(?:ed|ing) (?:at least |about )?" + _NUM + r"\b", re.I)
_INJURED = re.compile(_NUM + r"\b(?:[\w'-]+ ){0,4}?(?:were |was )?(?:injured|wounded)", re.I)
_INJURING = re.compile(r"\b(?:injur|wound)(?:ed|ing) (?:at least |about )?" + _NUM + r"\b", re.I)


def _first_count(text: str, *patterns: re.Pattern[str]) -> int | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return parse_number(m.group(1))
    return None


def find_casualties(text: str) -> Casualties:
    fn = _sibling("counts", "find_casualties")
    if fn is not None:
        found = fn(text)
        return Casualties(
            getattr(found, "fatalities", None),
            getattr(found, "injuries", None),
            getattr(found, "detained", None),
        )
    return Casualties(
        _first_count(text, _KILLING, _KILLED), _first_count(text, _INJURING, _INJURED)
    )


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_EXPLICIT = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r"),? (\d{4})\b", re.I)


def event_date(text: str, *, published: str | None, anchor: str | None) -> DateRef | None:
    fn = _sibling("dates", "find_event_date")
    if fn is not None:
        found = fn(text, published=published, anchor=anchor)
        if found is None or not getattr(found, "date", None):
            return None
        return DateRef(
            found.date,
            int(getattr(found, "precision", 1) or 1),
            getattr(found, "start", None),
            getattr(found, "end", None),
        )
    m = _EXPLICIT.search(text)
    if m:
        month = _MONTHS.index(m.group(2).lower()) + 1
        return DateRef(f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}", 1, m.start(), m.end())
    return None


# Fallback actor lexicon: (pattern, ACLED name, nationality) — the real dictionary lives in
# actors.py; this only keeps the pipeline useful without it.
_FALLBACK_ACTORS: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(p, re.I), n, c)
    for p, n, c in (
        (
            r"\b(?:russian|russia's) (?:\w+ )?(?:forces|military|army|troops|aviation)\b"
            r"|\brussia\b",
            "Military Forces of Russia",
            "Russia",
        ),
        (
            r"\b(?:ukrainian|ukraine's) (?:\w+ )?(?:forces|military|army|troops)\b",
            "Military Forces of Ukraine",
            "Ukraine",
        ),
        (
            r"\bbelarusian (?:\w+ )?(?:forces|military|army|troops|rockets|missiles)\b|\bbelarus\b",
            "Military Forces of Belarus",
            "Belarus",
        ),
        (r"\bal[- ]shabaa?b\b", "Al Shabaab", None),
        (
            r"\b(?:government security forces|somali (?:national )?(?:army|forces|military)|sna)\b",
            "Military Forces of Somalia",
            "Somalia",
        ),
        (r"\bcivilians?\b|\bresidents?\b|\bresidential\b|\bpeople\b", "Civilians", None),
        (r"\bprotesters|demonstrators\b", "Protesters", None),
    )
)
_INTER = {"Al Shabaab": 2, "Civilians": 7, "Protesters": 6}


def _fallback_actor(name: str, nation: str | None, country: str | None) -> tuple[str, int]:
    if name in ("Civilians", "Protesters"):
        return (f"{name} ({country})" if country else name), _INTER[name]
    if nation is None:
        return name, _INTER.get(name, 3)
    return name, (1 if country in (None, nation) else 8)


def find_actors(text: str, *, country: str | None) -> list[ActorRef]:
    fn = _sibling("actors", "get_actor_dictionary")
    if fn is not None:
        refs = []
        for m in fn().find_actors(text, country=country):
            actor = m.actor
            name = getattr(actor, "name", None) or str(actor)
            refs.append(ActorRef(m.start, m.end, m.text, name, getattr(actor, "inter", None)))
        return refs
    found: list[ActorRef] = []
    for pattern, name, nation in _FALLBACK_ACTORS:
        for m in pattern.finditer(text):
            acled, inter = _fallback_actor(name, nation, country)
            found.append(ActorRef(m.start(), m.end(), m.group(0), acled, inter))
    found.sort(key=lambda a: a.start)
    kept: list[ActorRef] = []
    for ref in found:  # drop mentions nested in an earlier one
        if not kept or ref.start >= kept[-1].end:
            kept.append(ref)
    return kept


def actor_match(phrase: str, *, country: str | None) -> ActorRef | None:
    """The actor a short phrase names ("Belarusian rockets" -> Belarus's military)."""
    refs = find_actors(phrase, country=country)
    return refs[0] if refs else None
