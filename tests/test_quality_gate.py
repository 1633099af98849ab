"""The quality gate: ACLED dev notes through the coder, failing below pinned floors.

Floors sit a little under what was measured when they were pinned (see the report of issue 3),
so a regression fails while run-to-run noise does not. The function-level gate (counts and dates
alone on the notes) is fast; the full-pipeline gate runs every note and is marked slow.
Reads ../shared/eval/acled (skips without it); nothing from it is stored in the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwire.evaluation import evaluate_rows, read_acled_csv
from conflictwire.evaluation.snippets import predict_snippets, read_labelled, score_snippets
from conflictwire.events.fields.counts import find_casualties
from conflictwire.events.fields.dates import find_event_date

# Measured on the functions alone (2026-11-25): Ukraine fatalities 1.000 (non-zero 1.000),
# date 1.000; Somalia fatalities 0.995 (non-zero 0.982), date 1.000.
FUNCTION_FLOORS = {
    "ukraine": {"fatalities": 0.99, "fatalities_nonzero": 0.97, "event_date": 0.99},
    "somalia": {"fatalities": 0.985, "fatalities_nonzero": 0.97, "event_date": 0.99},
}
# Measured with the whole pipeline (2026-11-25), `conflictwire eval` on each dev file:
# Ukraine  event_type .980 sub .970 fatalities .954 (non-zero .576) date .998 actor1 .960
#          admin1 .936 25 km .718 extra .002;
# Somalia  event_type .971 sub .958 fatalities .952 (non-zero .842) date .988 actor1 .937
#          admin1 .737 25 km .466 extra .000.
PIPELINE_FLOORS = {
    "ukraine": {
        "event_type": 0.95,
        "sub_event_type": 0.94,
        "fatalities": 0.93,
        "fatalities_nonzero": 0.50,
        "event_date": 0.98,
        "actor1": 0.93,
        "admin1": 0.90,
        "within_25km": 0.68,
    },
    "somalia": {
        "event_type": 0.94,
        "sub_event_type": 0.93,
        "fatalities": 0.93,
        "fatalities_nonzero": 0.80,
        "event_date": 0.97,
        "actor1": 0.91,
        "admin1": 0.70,
        "within_25km": 0.43,
    },
}
MAX_EXTRA_EVENTS_PER_NOTE = 0.05


def _dev_file(shared_dir: Path, name: str) -> Path:
    path = shared_dir / "eval" / "acled" / f"{name}-dev.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.parametrize("name", sorted(FUNCTION_FLOORS))
def test_counts_and_dates_on_dev_notes(shared_dir: Path, name: str) -> None:
    rows = list(read_acled_csv(_dev_file(shared_dir, name)))
    fatal = nonzero = nonzero_ok = dated = 0
    for row in rows:
        toll = find_casualties(row.notes).fatalities or 0
        fatal += toll == row.fatalities
        if row.fatalities:
            nonzero += 1
            nonzero_ok += toll == row.fatalities
        found = find_event_date(row.notes, published=None)
        dated += found is not None and found.date == row.event_date
    measured = {
        "fatalities": fatal / len(rows),
        "fatalities_nonzero": nonzero_ok / max(1, nonzero),
        "event_date": dated / len(rows),
    }
    for field, floor in FUNCTION_FLOORS[name].items():
        assert measured[field] >= floor, f"{name} {field}: {measured[field]:.4f} < {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PIPELINE_FLOORS))
def test_pipeline_on_dev_notes(shared_dir: Path, name: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_rows(read_acled_csv(_dev_file(shared_dir, name)), pipeline=pipeline)
    summary = report.summary()
    for field, floor in PIPELINE_FLOORS[name].items():
        assert summary[field] >= floor, f"{name} {field}: {summary[field]:.4f} < {floor}"
    extra = summary["extra_events_per_note"]
    assert extra <= MAX_EXTRA_EVENTS_PER_NOTE, f"{name} extra events per note: {extra:.4f}"


# CASE-2021 task 2, the dev half (503 news snippets from many outlets), scored as CONTRACT.md
# says ("Labelled snippets"). Measured with the shipped model coder-v3 (2026-12-08,
# bench/case2021.py, each text read alone): accuracy 0.761, weighted F1 (ACLED-labelled) 0.752,
# no event right 0.894; coder-v2 before it 0.7575 / 0.755 / 0.840; coder-v1 0.696 / 0.683 /
# 0.862; main before the learned classifier 0.529 / 0.535 / 0.574. Floors a little under (about
# 1.2 points: six snippets; weighted F1 0.7 points), and not under the real-news issue's targets
# (0.72 / 0.74 / 0.72).
CASE_FLOORS = {"accuracy": 0.745, "weighted_f1_acled": 0.745, "no_event_right": 0.88}


@pytest.mark.slow
def test_pipeline_on_case2021_snippets(shared_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    path = shared_dir / "eval" / "case2021" / "case2021-task2-dev.tsv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    rows = list(read_labelled(path))
    summary = score_snippets(rows, predict_snippets(rows, pipeline)).summary()
    for field, floor in CASE_FLOORS.items():
        assert summary[field] >= floor, f"CASE {field}: {summary[field]:.4f} < {floor}"
