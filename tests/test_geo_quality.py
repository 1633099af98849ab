"""Quality gates on real evaluation data in ../shared (skipped without it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_lgl_geoparsing_floors(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "geo" / "lgl" / "lgl.xml"
    if not path.is_file():
        pytest.skip("LGL is absent")
    result = _bench("geoparse_lgl").score(path)
    # Measured 0.922 and 0.860 (3838 of 4164 found right; issue 16, scored as CONTRACT.md says:
    # geonames_id or 161 km; before it 0.899 and 0.820, after its first round 0.917 and 0.852,
    # its second 0.919 and 0.858, its third 0.921 and 0.860, its fourth 3837 of 4163).
    assert result["found_within_161km"] >= 0.920
    assert result["all_within_161km"] >= 0.857


@pytest.mark.slow
def test_geovirus_geoparsing_floors(shared_dir: Path) -> None:
    """World news. Countries sit at the conventional points reference works print
    (data/geo/country_points.tsv; LGL's gold matches them by geonames_id). Of the 169 found
    mentions still wrong (fifth round of issue 16), 162 are the right country (97: Australia
    24, Sudan 15, Russia 10, Nigeria 9), continent, world region or sea (44: Europe 15, the
    Americas 6) or first-level region (21: Queensland 14) whose gold point lies more than
    161 km from ours; no published convention we can ship moves them closer as a class (the
    Natural Earth outline centroids lose 166 country mentions, countryinfo's points 248, the
    iso3166-2 package's region points 1 to 2, a population-weighted region centre 1). Four are "New
    York", the city in GeoVirus' gold where LGL's gold, for the same uses ("Rego Park, New
    York", "between New York and Moscow"), is the state; three are towns the index lacks
    (Stroud and Bradford in Ontario, a Rice Lake in Illinois). The gold is the yardstick only,
    so no point was moved towards it."""
    path = shared_dir / "eval" / "geo" / "geovirus" / "GeoVirus.xml"
    if not path.is_file():
        pytest.skip("GeoVirus is absent")
    result = _bench("geoparse_geovirus").score(path)
    # Measured 0.920 and 0.896 (1944 of 2113 found right; issue 16: before it 0.849 and 0.782,
    # after its first round 0.878 and 0.842, its second 0.914 and 0.887, its third 0.915 and
    # 0.888, its fourth 0.919 and 0.894, 1941 of 2112).
    assert result["found_within_161km"] >= 0.918
    assert result["all_within_161km"] >= 0.893


@pytest.mark.slow
def test_acled_event_location_floors(shared_dir: Path) -> None:
    folder = shared_dir / "eval" / "acled"
    bench = _bench("geo_acled")
    # Measured 0.976 / 0.752 (Ukraine) and 0.995 / 0.534 (Somalia).
    floors = {"ukraine-dev.csv": (0.96, 0.73), "somalia-dev.csv": (0.98, 0.52)}
    for name, (admin1, near) in floors.items():
        if not (folder / name).is_file():
            pytest.skip(f"{name} is absent")
        result = bench.score_file(folder / name, None, False)
        assert result["admin1"] >= admin1, name
        assert result["within_25km"] >= near, name


@pytest.mark.slow
def test_other_ukraine_text_floors(shared_dir: Path) -> None:
    """Incident descriptions (CIR) and news headlines (UCDP): not what the rules were built on."""
    bench = _bench("geo_other")
    cir = bench.score_set("cir", shared_dir / "eval", None, False)
    ucdp = bench.score_set("ucdp", shared_dir / "eval", None, False)
    if cir is None or ucdp is None:
        pytest.skip("CIR or UCDP is absent")
    # Measured: CIR 0.845 of located rows within 25 km, 0.885 of rows naming the town;
    # UCDP 0.761 of located rows within 161 km, admin1 0.469.
    assert cir["near25_located"] >= 0.82
    assert cir["named_near25"] >= 0.87
    assert ucdp["near161_located"] >= 0.74
    assert ucdp["admin1"] >= 0.44
