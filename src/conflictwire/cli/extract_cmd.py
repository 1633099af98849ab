"""``conflictwire extract``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from conflictwire.cli.common import (
    RunStats,
    model_option,
    open_output,
    report_failure,
    validate_date,
)
from conflictwire.inputs import DEFAULT_MAX_DOC_BYTES, ReadOptions, read_inputs
from conflictwire.output import FORMATS, make_writer
from conflictwire.records import ReadFailure
from conflictwire.runner import Pipeline
from conflictwire.scale import ProgressBar

__all__ = ["register"]


def extract(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, or - for stdin.")
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or geojson.")] = "jsonl",
    published: Annotated[str | None, typer.Option(help="Publication day, YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name for inputs without one.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler (tcp://host:8786), or 'local' for a local cluster."),
    ] = None,
    documents: Annotated[
        Path | None, typer.Option("--documents", help="Also write each document as read.")
    ] = None,
    max_doc_bytes: Annotated[int, typer.Option(min=1)] = DEFAULT_MAX_DOC_BYTES,
    dedupe: Annotated[
        bool, typer.Option("--dedupe", help="Keep one of each set of near-duplicate documents.")
    ] = False,
    model: Annotated[
        Path | None, typer.Option("--model", help="A model folder from 'conflictwire train'.")
    ] = None,
) -> None:
    """Extract events from articles, feeds, pages and archives."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    opts = ReadOptions(validate_date(published), source, max_doc_bytes)
    stats = RunStats()
    items = read_inputs(inputs or ["-"], opts)
    if dedupe:
        from conflictwire.clean import drop_near_duplicates

        items = drop_near_duplicates(items, lambda skipped: stats.skip("near-duplicate"))
    pipeline = Pipeline(model=model_option(model))
    with open_output(output) as out, open_output(documents) if documents else _null() as docs_out:
        writer = make_writer(fmt, out)
        progress = ProgressBar()
        for result in progress.track(pipeline.run(items, workers=workers, scheduler=scheduler)):
            if isinstance(result, ReadFailure):
                report_failure(result, stats)
                continue
            stats.documents += 1
            if docs_out is not None:
                docs_out.write(json.dumps(result.doc.to_dict(), ensure_ascii=False) + "\n")
            if result.skipped is not None:
                stats.skip(result.skipped.reason)
                continue
            for event in result.events:
                writer.write(event.to_dict())
                stats.events += 1
        writer.close()
    typer.echo(f"conflictwire: {stats.summary()}", err=True)
    raise typer.Exit(stats.exit_code)


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
