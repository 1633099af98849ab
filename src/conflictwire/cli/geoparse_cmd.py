"""``conflictwire geoparse``: the geocoder alone, one JSON line per place mention."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from conflictwire.cli.common import RunStats, open_output, report_failure
from conflictwire.inputs import DEFAULT_MAX_DOC_BYTES, ReadOptions, read_inputs
from conflictwire.records import PlaceMention, ReadFailure

__all__ = ["mention_record", "register"]


def mention_record(doc_id: str, mention: PlaceMention) -> dict[str, Any]:
    """The CONTRACT's geoparse line: the span, and the entry it resolves to (nulls if none)."""
    place = mention.place
    return {
        "doc_id": doc_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "name": place.name if place else None,
        "geonames_id": place.geonames_id if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "feature_code": place.feature_code if place else None,
    }


def geoparse(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, or - for stdin.")
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file.")] = None,
    max_doc_bytes: Annotated[int, typer.Option(min=1)] = DEFAULT_MAX_DOC_BYTES,
) -> None:
    """Find and resolve every place name in the documents (JSONL, one line per mention)."""
    from conflictwire.geo import get_geocoder

    geocoder = get_geocoder()
    stats = RunStats()
    with open_output(output) as out:
        for item in read_inputs(inputs or ["-"], ReadOptions(None, None, max_doc_bytes)):
            if isinstance(item, ReadFailure):
                report_failure(item, stats)
                continue
            stats.documents += 1
            for mention in geocoder.geoparse(item.text):
                out.write(
                    json.dumps(mention_record(item.doc_id, mention), ensure_ascii=False) + "\n"
                )
    typer.echo(
        f"conflictwire: {stats.documents} documents"
        + (f", {stats.failures} unreadable" if stats.failures else ""),
        err=True,
    )
    raise typer.Exit(stats.exit_code)


def register(app: typer.Typer) -> None:
    app.command("geoparse")(geoparse)
