"""The quality gate on real military press releases (issue 15).

Runs the pipeline on ``../shared/eval/isaf-press-releases/isaf-dev.jsonl`` (200 hand-annotated
ISAF releases) and scores it as CONTRACT.md scores press releases, with bench/press_releases.py's
measurement. Skips without ../shared; nothing from that file is stored in the project.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "press_releases.py"

# Measured 2026-12-07 with `python bench/press_releases.py` (rules alone): killed exact 0.935,
# date exact 0.715, province 0.980, arrests found 0.963 (was 0.880 / 0.655 / 0.945 / 0.963).
# Floors sit about 0.015 under (three releases). The targets are 0.92 / 0.92 / 0.97 /
# 0.95; what keeps the date short is told in the report of issue 15 (releases that give no
# year or no day, and days the annotation sets a day before what the text says).
FLOORS = {
    "killed_exact": 0.92,
    "date_exact": 0.70,
    "province": 0.965,
    "arrests_found": 0.95,
}


@pytest.mark.slow
def test_real_press_releases_hold_their_floors(
    shared_dir: Path, bench: ModuleType, pipeline: Any
) -> None:
    path = shared_dir / "eval" / "isaf-press-releases" / "isaf-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    figures, misses, _ = bench.measure_isaf(path, pipeline)
    assert figures["documents"] == 200
    low = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not low, f"below the floors: {low}; first misses: {misses[:5]}"
