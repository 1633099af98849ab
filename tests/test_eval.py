"""The evaluation harness: reading ACLED CSVs, comparing fields per CONTRACT, reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conflictwire.evaluation import (
    EvalReport,
    actor_key,
    admin1_equal,
    distance_km,
    read_acled_csv,
)
from conflictwire.evaluation.acled import parse_acled_date
from conflictwire.evaluation.harness import best_event, score_row

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "eval_acled_sample.csv"


def _event(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "event_date": "2024-05-03",
        "fatalities": 2,
        "actor1": "Military Forces of Russia",
        "admin1": "Kharkiv Oblast",
        "latitude": 49.99,
        "longitude": 36.23,
    }
    base.update(fields)
    return base


def test_reads_both_date_styles_and_inter_labels() -> None:
    rows = list(read_acled_csv(SAMPLE))
    assert [r.event_date for r in rows] == ["2024-05-03", "2024-05-04", "2025-06-10"]
    assert [r.inter1 for r in rows] == [8, 1, 6]
    assert rows[0].fatalities == 2
    assert len(list(read_acled_csv(SAMPLE, limit=1))) == 1


def test_not_an_acled_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.csv.*notes"):
        list(read_acled_csv(path))


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-04-01", "2025-04-01"),
        ("04/04/2024 00:00:00", "2024-04-04"),
        ("31/12/2023", "2023-12-31"),
        ("junk", None),
    ],
)
def test_acled_dates(value: str, iso: str | None) -> None:
    assert parse_acled_date(value) == iso


def test_contract_comparison_rules() -> None:
    assert actor_key("Military Forces of Russia (2000-) Air Force") == actor_key(
        "Military Forces of Russia"
    )
    assert actor_key("Military Forces of Ukraine (2014-2019)") == "military forces of ukraine"
    assert actor_key("Civilians (Ukraine)") != actor_key("Civilians (Somalia)")
    assert admin1_equal("Zaporizhzhia Oblast", "Zaporizhia")
    assert admin1_equal("Kharkiv Oblast", "Kharkiv")
    assert admin1_equal("Lower Shabelle", "lower shabelle region")
    assert not admin1_equal("Kyiv City", "Kyiv")
    assert not admin1_equal("Shabeellaha Hoose", "Lower Shabelle")
    assert not admin1_equal(None, "Donetsk")
    assert distance_km(50.45, 30.52, 50.45, 30.52) == 0
    assert 400 < distance_km(50.45, 30.52, 49.99, 36.23) < 420  # Kyiv to Kharkiv


def test_best_event_is_scored_and_extras_counted() -> None:
    gold = next(iter(read_acled_csv(SAMPLE)))
    wrong = _event(event_type="Battles", sub_event_type="Armed clash", fatalities=0)
    right = _event()
    event, matches = best_event([wrong, right], gold)
    assert event is right
    assert all(matches.values())
    result = score_row(gold, [wrong, right])
    assert result.n_events == 2 and result.misses == 0
    empty = score_row(gold, [])
    assert empty.event is None and empty.misses == len(empty.matches)


def test_report_figures_and_rendering() -> None:
    rows = list(read_acled_csv(SAMPLE))
    report = EvalReport(
        [
            score_row(rows[0], [_event()]),
            score_row(rows[1], [_event(), _event()]),
            score_row(rows[2], []),
        ]
    )
    summary = report.summary()
    assert summary["fatalities"] == pytest.approx(1 / 3, abs=1e-3)
    assert summary["fatalities_nonzero"] == 1.0
    assert summary["extra_events_per_note"] == pytest.approx(1 / 3, abs=1e-3)
    assert summary["notes_without_event"] == pytest.approx(1 / 3, abs=1e-3)
    confusion = report.confusion()
    assert confusion[("Peaceful protest", "(no event)")] == 1
    console = Console(record=True, width=160)
    report.render(console, worst=2)
    text = console.export_text()
    assert "Field accuracy over 3 notes" in text and "TST3" in text


def test_eval_command_runs_on_a_file(tmp_path: Path) -> None:
    from conflictwire.cli.app import app

    out = tmp_path / "summary.json"
    result = CliRunner().invoke(
        app, ["eval", str(SAMPLE), "--limit", "2", "--worst", "1", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["notes"] == 2
    assert set(summary) >= {"event_type", "fatalities", "fatalities_nonzero", "actor1"}
    assert "Field accuracy over 2 notes" in result.output


def test_eval_command_refuses_a_missing_file(tmp_path: Path) -> None:
    from conflictwire.cli.app import app

    result = CliRunner().invoke(app, ["eval", str(tmp_path / "none.csv")])
    assert result.exit_code == 2
