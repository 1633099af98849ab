"""Event location on ACLED dev notes: ``locate`` over the whole note, scored against ACLED.

Prints, per file: admin1 accuracy (names compared as the evaluation does: case, diacritics
and words like "oblast" ignored, small spelling drift allowed), the share of notes located
within 25 km of ACLED's point, and the share given no point at all.

    python bench/geo_acled.py [ACLED_DIR] [--limit N] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

from conflictwire.geo import get_geocoder
from conflictwire.geo.katottg import haversine_km
from conflictwire.geo.normalize import fold

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "acled"
_REGION_WORDS = re.compile(r"\b(oblast|region|province|state|governorate|county|district)\b")


def same_admin1(ours: str | None, gold: str) -> bool:
    if not ours:
        return False
    a = _REGION_WORDS.sub("", fold(ours)).replace(" ", "")
    b = _REGION_WORDS.sub("", fold(gold)).replace(" ", "")
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.85


def score_file(path: Path, limit: int | None, show: bool) -> dict[str, float]:
    geocoder = get_geocoder()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    admin1 = near = unlocated = 0
    started = time.perf_counter()
    for row in rows:
        text = row["notes"]
        location = geocoder.locate(text, 0, len(text), geocoder.geoparse(text))
        place = location.place
        ok_admin1 = same_admin1(place.admin1 if place else None, row["admin1"])
        admin1 += ok_admin1
        if place is None or place.latitude is None or place.longitude is None:
            unlocated += 1
            ok_near = False
        else:
            dist = haversine_km(
                place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"])
            )
            ok_near = dist <= 25
            near += ok_near
        if show and not (ok_admin1 and ok_near):
            got = (
                f"{place.name} / {place.admin1} p{location.precision}"
                if place
                else location.location_text
            )
            print(f"{row['location']} / {row['admin1']} -> {got} | {text[:160]}", file=sys.stderr)
    n = len(rows) or 1
    return {
        "admin1": admin1 / n,
        "within_25km": near / n,
        "unlocated": unlocated / n,
        "rows": float(len(rows)),
        "notes_per_s": len(rows) / (time.perf_counter() - started),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    for path in sorted(args.folder.glob("*-dev.csv")):
        result = score_file(path, args.limit, args.misses)
        print(
            f"{path.name}: admin1 {result['admin1']:.3f}, within 25 km "
            f"{result['within_25km']:.3f}, unlocated {result['unlocated']:.3f} "
            f"({int(result['rows'])} notes, {result['notes_per_s']:.0f}/s)"
        )


if __name__ == "__main__":
    main()
