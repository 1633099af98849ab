"""``conflictwire ingest`` and ``conflictwire export``: the event store from the command line."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from conflictwire.cli.common import (
    RunStats,
    count_documents,
    model_option,
    open_output,
    validate_date,
)
from conflictwire.inputs import DEFAULT_MAX_DOC_BYTES, ReadOptions, read_inputs
from conflictwire.output import make_writer
from conflictwire.store import EventFilter, IngestReport, Store, open_store
from conflictwire.store.engine import StoreURLError
from conflictwire.store.schema import SchemaError

__all__ = ["DEFAULT_DB", "register"]

DEFAULT_DB = "sqlite:///conflictwire.db"
EXPORT_FORMATS = ("jsonl", "csv", "geojson", "parquet")
PROGRESS_EVERY_S = 5.0

DbOption = Annotated[str, typer.Option("--db", help="sqlite:///PATH or postgresql://...")]


def _open(db: str, must_exist: bool = False) -> Store:
    try:
        url = make_url(db)
    except Exception:
        raise typer.BadParameter(f"--db {db!r} is not a database URL") from None
    if must_exist and url.get_backend_name() == "sqlite":
        path = url.database or ""
        if path != ":memory:" and not Path(path).is_file():
            typer.echo(
                f"conflictwire: no store at {path} (run conflictwire ingest first)", err=True
            )
            raise typer.Exit(1)
    try:
        return open_store(db)
    except StoreURLError as exc:
        raise typer.BadParameter(str(exc)) from None
    except SchemaError as exc:
        typer.echo(f"conflictwire: {db}: {exc}", err=True)
        raise typer.Exit(1) from None


class _Progress:
    """Prints a running summary on stderr at most every few seconds."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.last = self.start

    def __call__(self, report: IngestReport) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_EVERY_S:
            self.last = now
            rate = len(report.doc_ids) / max(now - self.start, 1e-9)
            typer.echo(f"conflictwire: ingest: {report.summary()} ({rate:.0f} docs/s)", err=True)


def ingest(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, or - for stdin.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication day, YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name for inputs without one.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction worker processes.")] = 1,
    max_doc_bytes: Annotated[int, typer.Option(min=1)] = DEFAULT_MAX_DOC_BYTES,
    batch_size: Annotated[int, typer.Option(min=1, max=5000, help="Documents per commit.")] = 100,
    model: Annotated[
        Path | None, typer.Option("--model", help="A model folder from 'conflictwire train'.")
    ] = None,
) -> None:
    """Extract events from documents and store them, merged across documents. Idempotent."""
    coder = model_option(model)
    opts = ReadOptions(validate_date(published), source, max_doc_bytes)
    store = _open(db)
    stats = RunStats()
    docs = count_documents(read_inputs(inputs or ["-"], opts), stats)
    with ExitStack() as stack:
        if workers > 1:
            from conflictwire.runner import PipelineOptions
            from conflictwire.store.parallel import ParallelPipeline

            pipeline = stack.enter_context(ParallelPipeline(workers, PipelineOptions(model=coder)))
            report = store.ingest(docs, pipeline, batch_size=batch_size, progress=_Progress())
        else:
            from conflictwire.runner import Pipeline

            report = store.ingest(
                docs, Pipeline(model=coder), batch_size=batch_size, progress=_Progress()
            )
    store.close()
    for doc_id, reason in report.failed:
        typer.echo(f"conflictwire: {doc_id}: extraction failed: {reason}", err=True)
    unreadable = f", {stats.failures} unreadable" if stats.failures else ""
    typer.echo(f"conflictwire: {report.summary()}{unreadable}", err=True)
    raise typer.Exit(stats.exit_code)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"--bbox {value!r}: expected west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise typer.BadParameter(f"--bbox {value!r}: out of range or south > north")
    return west, south, east, north


def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, geojson or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file.")] = None,
    since: Annotated[str | None, typer.Option(help="First event day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event day, YYYY-MM-DD.")] = None,
    event_type: Annotated[str | None, typer.Option("--event-type")] = None,
    sub_event_type: Annotated[str | None, typer.Option("--sub-event-type")] = None,
    actor: Annotated[str | None, typer.Option(help="Substring of any actor name.")] = None,
    country: Annotated[str | None, typer.Option()] = None,
    admin1: Annotated[str | None, typer.Option()] = None,
    bbox: Annotated[str | None, typer.Option(help="west,south,east,north")] = None,
    q: Annotated[
        str | None, typer.Option("-q", "--q", help="Text in notes, places, evidence.")
    ] = None,
) -> None:
    """Write the stored (merged) events, with their sources, as JSONL, CSV, GeoJSON or Parquet."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXPORT_FORMATS)}")
    filters = EventFilter(
        since=validate_date(since),
        until=validate_date(until),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        country=country,
        admin1=admin1,
        bbox=_bbox(bbox),
        q=q,
    )
    store = _open(db, must_exist=True)
    count = _write_parquet(store, filters, output) if fmt == "parquet" else 0
    if fmt != "parquet":
        with open_output(output) as out:
            writer = make_writer(fmt, out)
            for record in store.iter_events(filters):
                writer.write(record)
                count += 1
            writer.close()
    store.close()
    typer.echo(f"conflictwire: {count} events exported", err=True)


def _write_parquet(store: Store, filters: EventFilter, output: Path | None) -> int:
    from conflictwire.store.parquet import ParquetWriter

    to_stdout = output is None or str(output) == "-"
    writer = ParquetWriter(sys.stdout.buffer if to_stdout else str(output))
    count = 0
    for record in store.iter_events(filters):
        writer.write(record)
        count += 1
    writer.close()
    return count


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("export")(export)
