"""`conflictwire eval FILE.csv`: the pipeline on ACLED notes, scored field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from conflictwire.evaluation import GoldRow, evaluate_rows, read_acled_csv

__all__ = ["register"]


def eval_command(
    file: Annotated[Path, typer.Argument(help="An ACLED CSV export (notes + coded columns).")],
    limit: Annotated[int | None, typer.Option(help="Only the first N rows.")] = None,
    worst: Annotated[int, typer.Option(help="Show the K worst rows.")] = 10,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the summary as JSON here.")
    ] = None,
) -> None:
    """Run extraction on each row's notes and print per-field accuracy against ACLED's coding."""
    err = Console(stderr=True)
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
        report = evaluate_rows(rows, on_row=lambda _: progress.advance(task))
    report.render(Console(), worst=worst)
    if json_out is not None:
        json_out.write_text(json.dumps(report.summary(), indent=2) + "\n", encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
