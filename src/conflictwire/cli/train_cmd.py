"""`conflictwire train LABELS... [-o MODEL_DIR]`: fit the coder's learned classifier."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

__all__ = ["register"]


def train(
    labels: Annotated[
        list[Path],
        typer.Argument(help="Label files: an ACLED export, or a TSV/CSV of text and label."),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The model folder to write.")
    ] = Path("conflictwire-model"),
    epochs: Annotated[int, typer.Option(min=1, max=50, help="Passes over the data.")] = 2,
    seed: Annotated[int, typer.Option(help="Seed: the same data and seed, the same model.")] = 13,
    name: Annotated[str, typer.Option(help="The model's name in coder_version.")] = "",
    version: Annotated[str, typer.Option(help="The model's version in coder_version.")] = "1",
    layers: Annotated[
        int, typer.Option(min=1, max=6, help="Encoder layers kept (fewer: faster, coarser).")
    ] = 6,
    teacher: Annotated[
        Path | None,
        typer.Option(help="A model folder to learn from too (distillation): its readings."),
    ] = None,
    distill: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Weight of the teacher's readings.")
    ] = 0.8,
) -> None:
    """Train the happening classifier on labelled text; use the result with --model."""
    err = Console(stderr=True)
    try:
        from conflictwire.training import TrainOptions, load_examples, train_model
        from conflictwire.training.finetune import FineTuneConfig, training_available
    except ImportError as exc:  # pragma: no cover - the package itself is broken
        raise typer.Exit(2) from exc
    if teacher is not None and distill <= 0:
        typer.echo("conflictwire train: --teacher needs --distill above 0", err=True)
        raise typer.Exit(2)
    if not training_available():
        err.print('conflictwire train: needs the training extra: pip install -e ".[train]"')
        raise typer.Exit(2)
    problems: list[str] = []
    try:
        rows = load_examples(labels, problems)
    except (OSError, ValueError) as exc:
        typer.echo(f"conflictwire train: {exc}", err=True)
        raise typer.Exit(2) from exc
    for problem in problems:
        typer.echo(f"conflictwire train: {problem}", err=True)
    if not rows:
        err.print("conflictwire train: no usable rows")
        raise typer.Exit(2)
    options = TrainOptions(
        name=name or output.name,
        version=version,
        finetune=FineTuneConfig(
            epochs=epochs, seed=seed, layers=layers, distill=distill if teacher else 0.0
        ),
        teacher=teacher,
    )
    err.print(f"conflictwire train: {len(rows)} rows, {len(problems)} skipped")
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
    ) as progress:
        task = progress.add_task("fine-tuning", total=None)

        def step(done: int, total: int, loss: float) -> None:
            progress.update(task, completed=done, total=total, description=f"loss {loss:.3f}")

        train_model(rows, output, options, on_step=step)
    err.print(f"conflictwire train: wrote {output}")
    raise typer.Exit(1 if problems else 0)


def register(app: typer.Typer) -> None:
    app.command("train")(train)
