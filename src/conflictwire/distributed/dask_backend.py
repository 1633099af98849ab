"""Extraction on a Dask cluster: chunks of documents out to workers, results back in order.

``pip install conflictwire[dask]``. ``scheduler`` is the address of a running scheduler
(``tcp://host:8786``; its workers need conflictwire installed) or ``local``/None for a
``LocalCluster`` on this machine. Each worker process builds the pipeline once and keeps it;
chunks are cut exactly as for the local process pool, so the output equals a local run's.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictwire.backend import Processor, ProcessorFactory
from conflictwire.records import EVENT_FIELDS, DocResult, Event, ReadFailure
from conflictwire.scale.chunks import DEFAULT_CHUNK_CHARS, DEFAULT_CHUNK_DOCS, Item, chunked
from conflictwire.scale.pool import WorkResult, process_chunk, rebuild

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["LOCAL", "dask_client", "run_dask", "write_parquet_parts"]

log = logging.getLogger(__name__)

LOCAL = "local"

# Keyed by the factory (hashable: a frozen dataclass or a function), one per worker process.
_PIPELINES: dict[ProcessorFactory, Processor] = {}
_LOCK = threading.Lock()


def _worker_pipeline(factory: ProcessorFactory) -> Processor:
    # One pipeline per worker process (models load once); threads of a worker share it.
    with _LOCK:
        if factory not in _PIPELINES:
            _PIPELINES[factory] = factory()
        return _PIPELINES[factory]


def _dask_work(
    chunk: list[Item], now: str, factory: ProcessorFactory
) -> list[WorkResult | ReadFailure]:
    pipeline = _worker_pipeline(factory)
    with _LOCK:  # spaCy pipelines are not safe to share between threads at once
        return process_chunk(pipeline, chunk, now)


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of ``scheduler``, or of a local cluster of ``workers`` one-thread processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise RuntimeError(
            "the Dask backend needs the dask extra: pip install 'conflictwire[dask]'"
        ) from exc
    # The cluster's own INFO chatter (workers starting, comms closing) is not the run's news.
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger(name).level))
    if scheduler and scheduler != LOCAL:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            memory_limit=0,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def run_dask(
    items: Iterable[Item],
    client: Client,
    *,
    now: str,
    factory: ProcessorFactory,
    max_in_flight: int | None = None,
    chunk_docs: int = DEFAULT_CHUNK_DOCS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[DocResult | ReadFailure]:
    """Results for ``items`` computed on ``client``'s cluster, in input order, memory bounded."""
    limit = max_in_flight or 2 * max(1, _worker_count(client))
    pending: deque[tuple[list[Item], Any]] = deque()
    for chunk in chunked(items, chunk_docs, chunk_chars):
        future = client.submit(_dask_work, chunk, now, factory, pure=False)
        pending.append((chunk, future))
        while len(pending) >= limit:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(chunk: list[Item], future: Any) -> Iterator[DocResult | ReadFailure]:
    results = future.result()
    future.release()
    yield from rebuild(chunk, results)


def _worker_count(client: Client) -> int:
    try:
        return len(client.scheduler_info().get("workers", {}))
    except Exception:  # an unreachable scheduler fails later, with its own message
        return 1


def write_parquet_parts(
    results: Iterable[DocResult | ReadFailure], directory: Path, rows_per_part: int = 10_000
) -> list[Path]:
    """Write the events of ``results`` as ``part-NNNNN.parquet`` files, in document order.

    Reading the parts in name order gives the events in the order a local run writes them.
    Lists and nested fields (``weapons``, ``attribution``, ``evidence``) are JSON text.
    """
    directory.mkdir(parents=True, exist_ok=True)
    parts: list[Path] = []
    rows: list[dict[str, Any]] = []
    for result in results:
        if isinstance(result, ReadFailure):
            continue
        rows.extend(_row(event) for event in result.events)
        if len(rows) >= rows_per_part:
            parts.append(_write_part(rows, directory / f"part-{len(parts):05d}.parquet"))
            rows = []
    if rows or not parts:
        parts.append(_write_part(rows, directory / f"part-{len(parts):05d}.parquet"))
    return parts


def _row(event: Event) -> dict[str, Any]:
    record = event.to_dict()
    for name in ("weapons", "attribution", "evidence"):
        record[name] = json.dumps(record[name], ensure_ascii=False)
    return record


def _write_part(rows: list[dict[str, Any]], path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [row[name] for row in rows] for name in EVENT_FIELDS}
    pq.write_table(pa.table(columns, schema=_schema()), path)
    return path


def _schema() -> Any:
    import pyarrow as pa

    ints = {
        "time_precision",
        "year",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "geonames_id",
        "fatalities",
        "injuries",
    }
    floats = {"latitude", "longitude", "confidence"}
    return pa.schema(
        [
            (name, pa.int64() if name in ints else pa.float64() if name in floats else pa.string())
            for name in EVENT_FIELDS
        ]
    )
