"""Geoparsing quality on GeoVirus (WikiNews world news), scored as ``geoparse_lgl.py`` scores LGL.

GeoVirus gives coordinates only (no GeoNames ids), so a found toponym is right when the
mention's point lies within 161 km of the gold's.

    python bench/geoparse_geovirus.py [PATH/GeoVirus.xml] [--limit N] [--misses]
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geoparse_lgl import Gold, run_cli, score_docs

DEFAULT = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "eval"
    / "geo"
    / "geovirus"
    / "GeoVirus.xml"
)


def read_geovirus(path: Path) -> list[tuple[str, list[Gold]]]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for loc in article.iter("location"):
            lat, lon = loc.findtext("lat"), loc.findtext("lon")
            if not lat or not lon:
                continue
            golds.append(
                Gold(
                    int(loc.findtext("start") or 0),
                    int(loc.findtext("end") or 0),
                    loc.findtext("name") or "",
                    float(lat),
                    float(lon),
                )
            )
        docs.append((text, golds))
    return docs


def score(path: Path, limit: int | None = None, show_misses: bool = False) -> dict[str, float]:
    return score_docs(read_geovirus(path)[:limit], show_misses)


def main() -> None:
    run_cli(score, DEFAULT, __doc__ or "")


if __name__ == "__main__":
    main()
