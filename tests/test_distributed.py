"""The Dask backend on a local cluster: the same events as a local run, Parquet parts in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conflictwire import Document, Pipeline, ReadFailure
from conflictwire.runner import PipelineOptions
from conflictwire.scale.chunks import Item

pytest.importorskip("distributed", reason="the dask extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from conflictwire.distributed import dask_client, run_dask, write_parquet_parts  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "scale_articles.jsonl"


def fixture_items() -> list[Item]:
    items: list[Item] = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append(Document(row["id"], row["text"], published=row.get("published")))
    items.insert(2, ReadFailure("gone.txt", "no such file or folder"))
    return items


def events_of(results: list[Any]) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in event.to_dict().items() if k != "updated_at"}
        for r in results
        if not isinstance(r, ReadFailure)
        for event in r.events
    ]


@pytest.fixture(scope="module")
def local_results() -> list[Any]:
    return list(Pipeline().run(fixture_items()))


def test_local_cluster_gives_the_events_of_a_local_run(local_results: list[Any]) -> None:
    with dask_client("local", workers=1) as client:
        remote = list(
            run_dask(
                fixture_items(),
                client,
                now="2026-01-01T00:00:00Z",
                factory=PipelineOptions(),
                chunk_docs=3,
            )
        )
    assert events_of(local_results)
    assert events_of(remote) == events_of(local_results)
    # Failures and skips come back in place, documents whole.
    assert [type(r).__name__ for r in remote] == [type(r).__name__ for r in local_results]
    assert [r.doc.to_dict() for r in remote if not isinstance(r, ReadFailure)] == [
        r.doc.to_dict() for r in local_results if not isinstance(r, ReadFailure)
    ]


def test_parquet_parts_hold_the_events_in_document_order(
    local_results: list[Any], tmp_path: Path
) -> None:
    parts = write_parquet_parts(local_results, tmp_path / "out", rows_per_part=2)
    expected = events_of(local_results)
    tables = [pq.read_table(part).to_pylist() for part in sorted(parts)]
    # A part closes at the first document boundary past two rows.
    assert len(parts) > 1 and all(len(t) >= 2 for t in tables[:-1])
    rows = [row for table in tables for row in table]
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in expected]
    assert [json.loads(r["evidence"]) for r in rows] == [e["evidence"] for e in expected]
    assert [r["fatalities"] for r in rows] == [e["fatalities"] for e in expected]
