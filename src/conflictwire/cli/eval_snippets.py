"""`conflictwire eval` on labelled snippets: the contract's figures and a confusion table."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from conflictwire.evaluation.snippets import (
    SnippetScores,
    predict_snippets,
    read_labelled,
    score_snippets,
)
from conflictwire.runner import Pipeline

__all__ = ["eval_snippets", "render_scores"]


def eval_snippets(
    file: Path, pipeline: Pipeline, limit: int | None, json_out: Path | None
) -> SnippetScores:
    err = Console(stderr=True)
    problems: list[str] = []
    try:
        rows = list(read_labelled(file, problems))
    except (OSError, ValueError) as exc:
        typer.echo(f"conflictwire eval: {exc}", err=True)
        raise typer.Exit(2) from exc
    for problem in problems:
        typer.echo(f"conflictwire eval: {problem}", err=True)
    rows = rows[:limit] if limit is not None else rows
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
    ) as progress:
        task = progress.add_task(f"coding {file.name}", total=len(rows))
        predictions = predict_snippets(rows, pipeline, on_row=lambda _: progress.advance(task))
    scores = score_snippets(rows, predictions)
    render_scores(scores, Console())
    if json_out is not None:
        json_out.write_text(json.dumps(scores.summary(), indent=2) + "\n", encoding="utf-8")
    return scores


def render_scores(scores: SnippetScores, console: Console, top: int = 15) -> None:
    summary = Table(title="labelled snippets")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for name, value in scores.summary().items():
        summary.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(summary)
    per_class = Table(title="per gold class")
    for col in ("gold class", "support", "F1"):
        per_class.add_column(col, justify="left" if col == "gold class" else "right")
    for label, (support, f1) in scores.per_class().items():
        per_class.add_row(label, str(support), f"{f1:.3f}")
    console.print(per_class)
    confusion = Table(title=f"most frequent confusions (top {top})")
    for col in ("gold", "predicted", "n"):
        confusion.add_column(col, justify="right" if col == "n" else "left")
    wrong = [(pair, n) for pair, n in scores.confusion().most_common() if pair[0] != pair[1]]
    for (gold, predicted), n in wrong[:top]:
        confusion.add_row(gold, predicted, str(n))
    console.print(confusion)
