"""Actors in ACLED style: a dictionary of who fights, protests and suffers, and its matcher.

Names follow ACLED's conventions with the dates dropped ("Military Forces of Russia", "Police
Forces of Somalia", "Al Shabaab", "Civilians (Ukraine)"). A state's forces are State forces
(inter 1) at home and External/Other forces (8) abroad. Somali clan militias are named by their
lineage ("Hawiye-Habar Gedir-Sacad Sub-Clan Militia (Somalia)").

The bundled dictionary (``data/actors/actors.json``) is the team's own; users extend it with
their own file (the same JSON keys, or a TSV ``name, inter, country, kind, patterns``) passed
as ``extra_path`` or named by ``CONFLICTWIRE_ACTORS``. Malformed rows are named and skipped.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from conflictwire._memo import BoundedMemo

__all__ = [
    "ENV_VAR",
    "Actor",
    "ActorDictionary",
    "ActorMention",
    "get_actor_dictionary",
    "load_entries",
]

log = logging.getLogger(__name__)

ENV_VAR = "CONFLICTWIRE_ACTORS"
# Sub-national polities whose forces ACLED counts as at home in the state that contains them.
HOME_WITHIN = {"Somaliland": "Somalia", "Puntland": "Somalia"}
# Countries ACLED writes with an article: "Military Forces of the United States".
ARTICLED = frozenset(
    {"United States", "United Arab Emirates", "United Kingdom", "Democratic Republic of Congo"}
    | {"Philippines", "Netherlands", "Central African Republic", "Gambia", "Bahamas"}
)
# Where Somali clan lineages are at home; elsewhere a clan is still named as Somalia's.
CLAN_COUNTRIES = frozenset({"Somalia", "Ethiopia", "Kenya", "Djibouti"})

_FORCE_NOUNS = (
    r"forces?|military|army|troops|soldiers?|servicem[ae]n|units?|aviation|air\s*force|"
    r"navy|artillery|drones?|jets?|aircraft|warplanes?|missiles?|rockets?|shelling|strikes?|"
    r"airstrikes?|air\s+strikes?|positions|fighters|paratroopers|marines|helicopters?|"
    r"battalions?|brigades?|regiments?|infantry|tanks?|defen[cs]e\s+forces|side|command|"
    r"occupiers|invaders|militaries|guards?|gunboats|warships?|sappers|deminers|patrols?|snipers?"
)
_FORCE_MODS = (
    r"armed|military|army|air|naval|security|special|government|border|national|occupying|"
    r"occupation|ground|assault|airborne|defen[cs]e|intelligence|federal|state|regular|"
    r"allied|coalition|forward|elite|mechani[sz]ed|territorial"
)
# "an Afghan-led force", "an Afghan and coalition security force": the state's forces lead.
_LED_BY = (
    r"(?:-led|-partnered|\s+and\s+(?:coalition|allied|international|partner(?:ed)?|NATO|ISAF)"
    r"(?:\s+forces?)?(?=\s))?"
)
_NOT_ACTOR_BEFORE = frozenset(
    {"in", "into", "of", "to", "near", "across", "inside", "within", "throughout", "at"}
    | {"over", "along", "towards", "toward", "on", "between", "against", "for", "with", "about"}
)
_NOT_ACTOR_AFTER = re.compile(
    r"^(?:'s)?\s+(?:oblast|region|province|border|territory|state\s+of|embassy|capital)\b", re.I
)


_MEMO_SIZE = 4096  # texts whose actors are remembered (a sentence is searched twice)


@dataclass(frozen=True)
class Actor:
    """An ACLED-style actor: ``inter`` 1-8, the ``country`` it belongs to, a ``kind`` label."""

    name: str
    inter: int
    country: str | None
    kind: str


@dataclass(frozen=True)
class ActorMention:
    """Where ``actor`` is named: ``text`` is exactly ``source[start:end]``."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass
class _Entry:
    name: str
    inter: int
    country: str | None
    kind: str
    patterns: list[str]
    only_in: frozenset[str] = frozenset()
    not_in: frozenset[str] = frozenset()
    bare: bool = False  # a state's bare name: an actor only where no preposition makes it a place
    priority: int = 1  # specific entries win ties over templates (0)
    regex: re.Pattern[str] | None = field(default=None, repr=False)

    def compile(self) -> None:
        alts = [_pattern_source(p) for p in self.patterns]
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)

    def applies(self, country: str | None) -> bool:
        if self.only_in and country not in self.only_in:
            return False
        return not (country is not None and country in self.not_in)

    def resolve(self, country: str | None) -> Actor | None:
        if "{country}" in self.name:
            if country is None:
                name = re.sub(r"\s*\(\{country\}\)|\s+of\s+\{country\}", "", self.name)
                return Actor(name, self.inter, None, self.kind)
            name = self.name.replace(" of {country}", " of the {country}", country in ARTICLED)
            return Actor(name.format(country=country), self.inter, country, self.kind)
        inter = self.inter
        if self.kind == "state" and country is not None and self.country is not None:
            home = HOME_WITHIN.get(self.country, self.country)
            inter = 1 if home == country or self.country == country else 8
        return Actor(self.name, inter, self.country, self.kind)


def _pattern_source(pattern: str) -> str:
    """``=ABC`` is matched with its case as written (acronyms such as SNA, US, AS)."""
    if pattern.startswith("="):
        return f"(?-i:{pattern[1:]})"
    return f"(?:{pattern})"


_CLAN_PHRASE = re.compile(
    r"(?P<names>(?:[A-Z][\w']*(?:[- ]|\s+and\s+|,\s+))*?[A-Z][\w']*)"
    r"\s+(?:(?P<sub>sub-?clan|clan)(?:\s+(?P<role>militias?|gunmen|fighters|members|elders|"
    r"groups?|youths?))?|(?P<mil>militias?))(?![\w-])"
)
_CLAN_GROUP_ROLES = frozenset({"members", "elders", "group", "groups"})


class ClanTree:
    """Somali clan lineages: a name in text ("Habar Gedir Sacad") to its ACLED lineage."""

    def __init__(self, tree: dict[str, Any]) -> None:
        self.paths: dict[str, list[tuple[str, ...]]] = {}
        self._walk(tree, ())
        aliases = sorted(self.paths, key=len, reverse=True)
        self._alias_re = (
            re.compile(
                r"(?<![\w'])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w'])",
                re.IGNORECASE,
            )
            if aliases
            else None
        )

    def _walk(self, nodes: dict[str, Any], parent: tuple[str, ...]) -> None:
        for name, node in nodes.items():
            path = (*parent, name)
            for alias in [name, *node.get("aliases", [])]:
                self.paths.setdefault(alias.lower(), []).append(path)
            self._walk(node.get("children", {}), path)

    def lineage(self, names: str) -> tuple[str, ...] | None:
        """The deepest lineage the names in ``names`` point to, consistent with each other."""
        if self._alias_re is None:
            return None
        found = [self.paths[m.group(0).lower()] for m in self._alias_re.finditer(names)]
        if not found:
            return None
        best: tuple[str, ...] | None = None
        mentioned = {p[-1] for paths in found for p in paths}
        for paths in found:
            for path in paths:
                score = (sum(1 for n in path if n in mentioned), len(path))
                if best is None or score > (sum(1 for n in best if n in mentioned), len(best)):
                    best = path
        return best

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, ACLED name) of each named clan militia or group in ``text``."""
        found: list[tuple[int, int, str]] = []
        for m in _CLAN_PHRASE.finditer(text):
            role = (m.group("role") or "").lower()
            kind = "Group" if role in _CLAN_GROUP_ROLES else "Militia"
            # "Habar Gedir-Sacad and Leelkayse clan militia": one mention per clan named.
            pieces = list(
                re.finditer(r"(?:^|\s+and\s+|,\s+)(?P<p>.+?)(?=\s+and\s+|,\s+|$)", m.group("names"))
            )
            for piece in pieces:
                path = self.lineage(piece.group("p"))
                if path is None:
                    continue
                if m.group("mil") and len(pieces) == 1 and not m.group("sub"):
                    kind = "Militia"
                level = "Clan" if len(path) == 1 else "Sub-Clan"
                name = f"{'-'.join(path)} {level} {kind} (Somalia)"
                start = m.start("names") + piece.start("p")
                end = m.end() if piece is pieces[-1] else m.start("names") + piece.end("p")
                found.append((start, end, name))
        return found


class ActorDictionary:
    """Surface forms to ACLED actors, with the country of the event deciding inter codes."""

    def __init__(self, entries: list[_Entry], clans: ClanTree | None = None) -> None:
        self.entries = entries
        self._memo: BoundedMemo[tuple[str, str | None], tuple[ActorMention, ...]] = BoundedMemo(
            _MEMO_SIZE
        )
        for entry in entries:
            if entry.regex is None:
                entry.compile()
        self.clans = clans

    def find_actors(self, text: str, *, country: str | None) -> list[ActorMention]:
        """Every actor named in ``text``, leftmost-longest, without overlaps, in text order.
        Remembered for the last few thousand texts: a sentence is searched for its actors'
        spans and again for its doers, one regular expression per entry each time."""
        key = (text, country)
        found = self._memo.get(key)
        if found is None:
            found = tuple(self._find(text, country))
            self._memo.put(key, found)
        return list(found)

    def _find(self, text: str, country: str | None) -> list[ActorMention]:
        candidates: list[tuple[int, int, int, ActorMention]] = []
        for entry in self.entries:
            if not entry.applies(country) or entry.regex is None:
                continue
            for m in entry.regex.finditer(text):
                if entry.bare and not _bare_is_actor(text, m.start(), m.end()):
                    continue
                actor = entry.resolve(country)
                if actor is None:
                    continue
                mention = ActorMention(m.start(), m.end(), m.group(0), actor)
                candidates.append((m.start(), -(m.end() - m.start()), -entry.priority, mention))
        if self.clans is not None:
            for start, end, name in self.clans.find(text):
                name = _clan_name(name, country)
                home = country if country in CLAN_COUNTRIES else "Somalia"
                actor = Actor(name, 4, home, "clan militia")
                candidates.append(
                    (start, -(end - start), -2, ActorMention(start, end, text[start:end], actor))
                )
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        kept: list[ActorMention] = []
        for _, _, _, mention in candidates:
            if kept and mention.start < kept[-1].end:
                continue
            kept.append(mention)
        return kept

    def match(self, phrase: str, *, country: str | None) -> Actor | None:
        """The actor a short phrase names ("Belarusian rockets" -> Belarus's military)."""
        found = self.find_actors(phrase, country=country)
        if not found:
            return None
        return max(found, key=lambda m: m.end - m.start).actor

    def __len__(self) -> int:
        return len(self.entries)


def _clan_name(lineage: str, country: str | None) -> str:
    if country is None or country not in CLAN_COUNTRIES:
        return lineage
    return lineage.replace("(Somalia)", f"({country})")


def _bare_is_actor(text: str, start: int, end: int) -> bool:
    """ "Russia launched" names an actor; "in Russia", "Russia's Belgorod region" do not."""
    before = text[max(0, start - 20) : start].split()
    if before and before[-1].lower().strip(",") in _NOT_ACTOR_BEFORE:
        return False
    return _NOT_ACTOR_AFTER.match(text[end : end + 30]) is None


def _state_entries(states: list[dict[str, Any]], articled: set[str]) -> list[_Entry]:
    entries: list[_Entry] = []
    for state in states:
        country = str(state["country"])
        name = f"Military Forces of {'the ' if country in articled else ''}{country}"
        demonyms = [
            re.escape(str(d)) if not str(d).startswith("=") else str(d)
            for d in state.get("demonyms", [])
        ]
        forms = [
            rf"(?:the\s+)?{_case(dem)}{_LED_BY}(?:\s+(?:{_FORCE_MODS}))*\s+(?:{_FORCE_NOUNS})"
            for dem in demonyms
        ]
        forms.append(rf"(?:the\s+)?armed\s+forces\s+of\s+{re.escape(country)}")
        forms.append(re.escape(name))
        forms.extend(str(p) for p in state.get("extra", []))
        entries.append(_Entry(name, 1, country, "state", forms))
        entries.append(
            _Entry(name, 1, country, "state", [re.escape(country)], bare=True, priority=0)
        )
    return entries


def _case(demonym: str) -> str:
    # Short upper-case demonyms ("US", "UK", "UAE") only count in capitals ("us" is a pronoun).
    return f"(?-i:{demonym})" if demonym.replace("\\.", "").isupper() else demonym


def _entry_from_mapping(raw: dict[str, Any], where: str, priority: int = 1) -> _Entry | None:
    try:
        name = str(raw["name"]).strip()
        inter = int(raw["inter"])
        patterns = raw["patterns"]
        if isinstance(patterns, str):
            patterns = [p.strip() for p in patterns.split(" | ") if p.strip()]
        if not name or not 1 <= inter <= 8 or not patterns:
            raise ValueError("needs a name, an inter code 1-8 and at least one pattern")
        entry = _Entry(
            name=name,
            inter=inter,
            country=(str(raw["country"]).strip() or None) if raw.get("country") else None,
            kind=str(raw.get("kind") or "other"),
            patterns=[str(p) for p in patterns],
            only_in=frozenset(raw.get("only_in") or ()),
            not_in=frozenset(raw.get("not_in") or ()),
            priority=priority,
        )
        entry.compile()
    except (KeyError, TypeError, ValueError, re.error) as exc:
        log.warning("actor dictionary %s: skipped (%s)", where, exc)
        return None
    return entry


def load_entries(path: Path) -> list[_Entry]:
    """Entries of a user's actor file (JSON with ``actors``/``templates``, or TSV)."""
    if path.suffix.lower() in (".tsv", ".txt", ".csv"):
        return _load_tsv(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        data = {"actors": data}
    entries = []
    for key, priority in (("actors", 3), ("templates", 2)):
        for i, raw in enumerate(data.get(key, [])):
            entry = _entry_from_mapping(raw, f"{path}: {key}[{i}]", priority)
            if entry is not None:
                entries.append(entry)
    return entries


def _load_tsv(path: Path) -> list[_Entry]:
    entries = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        for lineno, row in enumerate(rows, start=1):
            if not row or row[0].startswith("#") or row[0].strip().lower() == "name":
                continue
            if len(row) < 5:
                log.warning("actor dictionary %s:%d: skipped (needs 5 columns)", path, lineno)
                continue
            raw = dict(zip(("name", "inter", "country", "kind", "patterns"), row, strict=False))
            entry = _entry_from_mapping(raw, f"{path}:{lineno}", priority=3)
            if entry is not None:
                entries.append(entry)
    return entries


def _bundled() -> dict[str, Any]:
    text = resources.files("conflictwire").joinpath("data/actors/actors.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.lru_cache(maxsize=8)
def _dictionary(extra: str | None) -> ActorDictionary:
    data = _bundled()
    entries: list[_Entry] = []
    if extra:
        path = Path(extra)
        if path.is_file():
            entries.extend(load_entries(path))
        else:
            log.warning("actor dictionary %s: not a file, ignored", extra)
    for i, raw in enumerate(data.get("actors", [])):
        entry = _entry_from_mapping(raw, f"bundled actors[{i}]")
        if entry is not None:
            entries.append(entry)
    entries.extend(_state_entries(data.get("states", []), set(ARTICLED)))
    for i, raw in enumerate(data.get("templates", [])):
        entry = _entry_from_mapping(raw, f"bundled templates[{i}]", priority=0)
        if entry is not None:
            entries.append(entry)
    return ActorDictionary(entries, ClanTree(data.get("clans", {})))


def get_actor_dictionary(extra_path: str | None = None) -> ActorDictionary:
    """The bundled dictionary plus a user's file (``extra_path`` or ``$CONFLICTWIRE_ACTORS``)."""
    return _dictionary(extra_path or os.environ.get(ENV_VAR) or None)
