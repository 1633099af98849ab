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

# Measured 2026-12-07 with `python bench/press_releases.py` (committed tree, shipped classifier):
# killed exact 0.930, date exact 0.710, province 0.965, arrests found 0.951 (issue opened at
# 0.880 / 0.655 / 0.945 / 0.963). The targets are 0.92 / 0.92 / 0.97 / 0.95. Of the 58
# wrong dates (the bench's date_misses), 24 releases give no year or no day anywhere in their
# text (a year-less dateline, or only a release number), 4 yield no event, and 27 are a day off
# where the annotation itself shifts by period: Feb.-Mar. 2011 operational updates and Nov. 2010
# releases are coded a day before what the text says, while identical wording in Apr.-Jun. 2011
# (and in other Nov. 2010 releases of the same day) is coded as read; some Sep.-Dec. 2010
# releases code "overnight", "last night" or a weekday as the dateline's day, others not. No
# rule on the text fixes those without breaking more (issue 15's report has the counts); the
# other 3 are dated by another incident of the release than the annotators chose. The date floor
# sits two releases under.
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
