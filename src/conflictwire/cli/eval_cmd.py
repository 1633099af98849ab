"""`conflictwire eval FILE.csv`: the pipeline on ACLED notes, scored field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from conflictwire.cli.common import model_option
from conflictwire.cli.eval_snippets import eval_snippets
from conflictwire.evaluation import GoldRow, evaluate_rows, read_acled_csv
from conflictwire.runner import Pipeline

__all__ = ["register"]


def eval_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="An ACLED CSV export (notes + coded columns), or labelled snippets: a CSV/TSV "
            "of id, text and label (an ACLED sub-event type or a CASE-2021 code)."
        ),
    ],
    limit: Annotated[int | None, typer.Option(help="Only the first N rows.")] = None,
    worst: Annotated[int, typer.Option(help="Show the K worst rows.")] = 10,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the summary as JSON here.")
    ] = None,
    model: Annotated[
        Path | None, typer.Option("--model", help="A model folder from 'conflictwire train'.")
    ] = None,
) -> None:
    """Score the coder: ACLED rows field by field, labelled snippets by sub-event type."""
    err = Console(stderr=True)
    pipeline = Pipeline(model=model_option(model))
    if not _is_acled_export(file):
        eval_snippets(file, pipeline, limit, json_out)
        return
    try:
        rows: list[GoldRow] = list(read_acled_csv(file, limit=limit))
    except (OSError, ValueError) as exc:
        err.print(f"conflictwire eval: {exc}")
        raise typer.Exit(2) from exc
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
    )
    with progress:
        task = progress.add_task(f"extracting {file.name}", total=len(rows))
        report = evaluate_rows(rows, pipeline=pipeline, on_row=lambda _: progress.advance(task))
    report.render(Console(), worst=worst)
    if json_out is not None:
        json_out.write_text(json.dumps(report.summary(), indent=2) + "\n", encoding="utf-8")


def _is_acled_export(file: Path) -> bool:
    """An ACLED export carries its coded columns beside ``notes``; anything else is scored
    as labelled snippets (CONTRACT.md, "Labelled snippets")."""
    try:
        with file.open(encoding="utf-8", errors="replace") as handle:
            header = handle.readline().casefold()
    except OSError:
        return True  # the ACLED reader names the unreadable file
    return all(column in header for column in ("notes", "event_date", "fatalities"))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
