"""`conflictwire train` and `conflictwire eval` on labelled snippets, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conflictwire.cli import app

FIXTURE = Path(__file__).parent / "fixtures" / "snippets" / "labelled.tsv"


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_train_names_every_bad_row_and_refuses_an_empty_set(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("text\tlabel\nsome text\tNOPE\n\tARREST\n", encoding="utf-8")
    result = _run("train", str(bad), "-o", str(tmp_path / "model"))
    assert result.exit_code == 2
    assert "bad.tsv:2" in result.stderr and "NOPE" in result.stderr
    assert "bad.tsv:3" in result.stderr and "empty text" in result.stderr
    assert "no usable rows" in result.stderr
    assert not (tmp_path / "model").exists()


def test_train_without_a_label_column_is_a_usage_error(tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("headline,when\nsomething,today\n", encoding="utf-8")
    result = _run("train", str(odd))
    assert result.exit_code == 2
    assert "odd.csv" in result.stderr and "label column" in result.stderr


def test_model_option_refuses_a_folder_that_is_no_model(tmp_path: Path) -> None:
    result = _run("extract", "--model", str(tmp_path), str(FIXTURE))
    assert result.exit_code == 2
    assert "not a model folder" in " ".join(result.stderr.replace("│", " ").split())


def test_eval_scores_labelled_snippets_with_a_confusion_table(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = _run("eval", str(FIXTURE), "--json", str(out))
    assert result.exit_code == 0, result.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["snippets"] == 4  # two of the six rows are named and skipped
    assert set(summary) >= {"accuracy", "macro_f1", "weighted_f1_acled", "no_event_right"}
    assert "per gold class" in result.stdout and "Peaceful protest" in result.stdout
    assert "NOT_A_LABEL" in result.stderr
