"""Geoparsing quality on LGL: run ``Geocoder.geoparse`` on raw article text and score it.

Scored as CONTRACT.md says: a gold toponym (one with coordinates) is found when a mention
overlaps its span; a found toponym is right when the mention's ``geonames_id`` equals the
gold's (where the gold gives one) or its point lies within 161 km of the gold's; a found
mention without coordinates counts as wrong.

Prints: the share of found gold toponyms that are right; the share of all gold toponyms found
and right; docs/s.

    python bench/geoparse_lgl.py [PATH/lgl.xml] [--limit N] [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conflictwire.geo import get_geocoder
from conflictwire.geo.katottg import haversine_km

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "geo" / "lgl" / "lgl.xml"
RADIUS_KM = 161


@dataclass
class Gold:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonames_id: int | None = None


def read_lgl(path: Path) -> list[tuple[str, list[Gold]]]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for top in article.iter("toponym"):
            lat, lon = top.findtext("gaztag/lat"), top.findtext("gaztag/lon")
            if lat is None or lon is None:
                continue
            gaztag = top.find("gaztag")
            gid = gaztag.get("geonameid") if gaztag is not None else None
            golds.append(
                Gold(
                    int(top.findtext("start") or 0),
                    int(top.findtext("end") or 0),
                    top.findtext("phrase") or "",
                    float(lat),
                    float(lon),
                    int(gid) if gid and gid.isdigit() else None,
                )
            )
        docs.append((text, golds))
    return docs


def _context(text: str, gold: Gold) -> str:
    return text[max(0, gold.start - 60) : gold.end + 40].replace("\n", " ")


def score_docs(docs: list[tuple[str, list[Gold]]], show_misses: bool = False) -> dict[str, float]:
    """Geoparse every document and score it against its gold toponyms."""
    geocoder = get_geocoder()
    total = found = correct = 0
    started = time.perf_counter()
    for text, golds in docs:
        mentions = geocoder.geoparse(text)
        for gold in golds:
            total += 1
            hits = [m for m in mentions if m.start < gold.end and m.end > gold.start]
            if not hits:
                if show_misses:
                    print(f"MISS {gold.phrase!r} | {_context(text, gold)}", file=sys.stderr)
                continue
            found += 1
            place = hits[0].place
            if place is not None and gold.geonames_id and place.geonames_id == gold.geonames_id:
                correct += 1
                continue
            dist = None
            if place is not None and place.latitude is not None and place.longitude is not None:
                dist = haversine_km(place.latitude, place.longitude, gold.lat, gold.lon)
                if dist <= RADIUS_KM:
                    correct += 1
                    continue
            if show_misses:
                where = (
                    f"{place.name}, {place.admin1}, {place.country_code} {place.feature_code}"
                    if place
                    else None
                )
                print(
                    f"WRONG {gold.phrase!r} -> {where} "
                    f"[{dist if dist is None else round(dist)} km; gold {gold.lat},{gold.lon}]"
                    f" | {_context(text, gold)}",
                    file=sys.stderr,
                )
    elapsed = time.perf_counter() - started
    return {
        "found_within_161km": correct / found if found else 0.0,
        "all_within_161km": correct / total if total else 0.0,
        "found_share": found / total if total else 0.0,
        "docs_per_s": len(docs) / elapsed if elapsed else 0.0,
        "toponyms": float(total),
    }


def score(path: Path, limit: int | None = None, show_misses: bool = False) -> dict[str, float]:
    return score_docs(read_lgl(path)[:limit], show_misses)


def report(result: dict[str, float]) -> None:
    print(f"found gold toponyms within 161 km: {result['found_within_161km']:.3f}")
    print(f"all gold toponyms found and within 161 km: {result['all_within_161km']:.3f}")
    print(f"gold toponyms found: {result['found_share']:.3f} of {int(result['toponyms'])}")
    print(f"documents/s: {result['docs_per_s']:.1f}")


def run_cli(
    scorer: Callable[[Path, int | None, bool], dict[str, float]], default: Path, doc: str
) -> None:
    """The command line both geoparsing benches share: PATH, --limit, --misses."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("path", nargs="?", type=Path, default=default)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    report(scorer(args.path, args.limit, args.misses))


def main() -> None:
    run_cli(score, DEFAULT, __doc__ or "")


if __name__ == "__main__":
    main()
