"""Event location on other kinds of Ukraine text, to check that the geocoder generalizes.

* CIR Eyes on Russia: short incident descriptions (``title`` + ``brief description``) with the
  incident's coordinates. Many descriptions name no place; the figures are given over all rows
  and over the rows that name the gold town (its name appears in the text).
* UCDP GED Ukraine: news headlines (``source_headline``) with the event's coordinates and
  admin1; scored over the rows UCDP placed at a town or a district (``where_prec`` 1-3).

Prints, per set: the share located at all, and the shares within 25 km and 161 km of the gold
point (over located rows and over all rows), plus admin1 agreement where the set has it.

    python bench/geo_other.py [EVAL_DIR] [--limit N] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conflictwire.geo import get_geocoder
from conflictwire.geo.katottg import haversine_km
from conflictwire.geo.normalize import fold

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_DATE_PREFIX = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*")
_REGION_WORDS = re.compile(r"\b(oblast|region|province|state|krai|republic)\b")


@dataclass
class Row:
    text: str
    lat: float
    lon: float
    admin1: str | None
    named: bool  # the gold place's own name appears in the text


def _cir_rows(path: Path) -> Iterator[Row]:
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            title = _DATE_PREFIX.sub("", row["title"]).strip()
            brief = row["brief description"].strip()
            text = title if brief in title else f"{title}. {brief}"
            town = fold(row["town/city"])
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                continue
            yield Row(text, lat, lon, row["province"] or None, bool(town) and town in fold(text))


def _ucdp_rows(path: Path) -> Iterator[Row]:
    # The file mixes cp1252 bytes into its text (see SOURCE.txt).
    with open(path, encoding="cp1252", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row["source_headline"].replace(";", ". ").strip()
            if row["where_prec"] not in ("1", "2", "3") or len(text) < 3:
                continue
            where = fold(re.sub(r"\b(town|village|city|area)\b", "", row["where_coordinates"]))
            yield Row(
                text,
                float(row["latitude"]),
                float(row["longitude"]),
                row["adm_1"] or None,
                bool(where.strip()) and where.strip() in fold(text),
            )


def _same_admin1(ours: str | None, gold: str) -> bool:
    a = _REGION_WORDS.sub("", fold(ours or "")).replace(" ", "")
    b = _REGION_WORDS.sub("", fold(gold)).replace(" ", "")
    return bool(a) and (a == b or a[:5] == b[:5])


def score_rows(rows: list[Row], show: bool = False) -> dict[str, float]:
    geocoder = get_geocoder()
    counts = dict.fromkeys(("located", "near25", "near161", "a1", "a1_rows"), 0)
    counts.update(dict.fromkeys(("named", "named_near25", "named_near161"), 0))
    for row in rows:
        loc = geocoder.locate(row.text, 0, len(row.text), geocoder.geoparse(row.text))
        place = loc.place
        counts["named"] += row.named
        if row.admin1:
            counts["a1_rows"] += 1
            counts["a1"] += _same_admin1(place.admin1 if place else None, row.admin1)
        if place is None or place.latitude is None or place.longitude is None:
            continue
        dist = haversine_km(place.latitude, place.longitude, row.lat, row.lon)
        counts["located"] += 1
        counts["near25"] += dist <= 25
        counts["near161"] += dist <= 161
        counts["named_near25"] += row.named and dist <= 25
        counts["named_near161"] += row.named and dist <= 161
        if show and dist > 25:
            print(f"{dist:6.0f} km {place.name}/{place.admin1} | {row.text[:140]}", file=sys.stderr)
    n, located, named = len(rows) or 1, counts["located"] or 1, counts["named"] or 1
    return {
        "rows": float(len(rows)),
        "located": counts["located"] / n,
        "near25_located": counts["near25"] / located,
        "near161_located": counts["near161"] / located,
        "near25_all": counts["near25"] / n,
        "near161_all": counts["near161"] / n,
        "named_rows": float(counts["named"]),
        "named_near25": counts["named_near25"] / named,
        "named_near161": counts["named_near161"] / named,
        "admin1": counts["a1"] / (counts["a1_rows"] or 1),
    }


def score_set(name: str, folder: Path, limit: int | None, show: bool) -> dict[str, float] | None:
    if name == "cir":
        path = folder / "cir-eyes-on-russia-events" / "events.csv"
        reader = _cir_rows
    else:
        path = folder / "ucdp-ged-ukraine" / "UCDP-Ukraine.csv"
        reader = _ucdp_rows
    if not path.is_file():
        return None
    return score_rows(list(reader(path))[:limit], show)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    for name in ("cir", "ucdp"):
        r = score_set(name, args.folder, args.limit, args.misses)
        if r is None:
            print(f"{name}: absent")
            continue
        print(
            f"{name}: {int(r['rows'])} rows, located {r['located']:.3f}; within 25 km "
            f"{r['near25_located']:.3f} / 161 km {r['near161_located']:.3f} of located "
            f"({r['near25_all']:.3f} / {r['near161_all']:.3f} of all); rows naming the gold "
            f"place ({int(r['named_rows'])}): 25 km {r['named_near25']:.3f}, 161 km "
            f"{r['named_near161']:.3f}; admin1 {r['admin1']:.3f}"
        )


if __name__ == "__main__":
    main()
