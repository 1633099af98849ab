"""A process pool for the pipeline: models loaded once per worker, results in input order.

The input is cut into chunks (``chunks.chunked``); at most ``max_in_flight`` chunks are out at
a time, so memory stays flat whatever the input size, and results are yielded in the order
the documents came in, so the output equals a single-process run's.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from conflictwire.backend import Processor, ProcessorFactory
from conflictwire.records import DocResult, Document, Event, ReadFailure, Skipped
from conflictwire.scale.chunks import DEFAULT_CHUNK_CHARS, DEFAULT_CHUNK_DOCS, Item, chunked

__all__ = [
    "WorkResult",
    "WorkerPool",
    "process_chunk",
    "rebuild",
    "run_parallel",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkResult:
    """A document's outcome as sent back by a worker: no text, unless the document changed."""

    events: list[Event]
    skipped: Skipped | None
    doc: Document | None = None


_WORKER_PIPELINE: Processor | None = None


def _init_worker(factory: ProcessorFactory) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = factory()


def _work(chunk: list[Item], now: str) -> list[WorkResult | ReadFailure]:
    assert _WORKER_PIPELINE is not None, "worker used before its initializer ran"
    return process_chunk(_WORKER_PIPELINE, chunk, now)


def process_chunk(
    pipeline: Processor, chunk: list[Item], now: str
) -> list[WorkResult | ReadFailure]:
    """Run ``chunk`` through ``pipeline`` in one batch, in a form cheap to send back."""
    snapshots = [_snapshot(item) for item in chunk]
    results = pipeline.process_items(chunk, now=now)
    out: list[WorkResult | ReadFailure] = []
    for item, before, result in zip(chunk, snapshots, results, strict=True):
        if isinstance(result, ReadFailure):
            out.append(result)
            continue
        changed = isinstance(item, Document) and _snapshot(item) != before
        out.append(WorkResult(result.events, result.skipped, result.doc if changed else None))
    return out


def rebuild(
    chunk: list[Item], results: list[WorkResult | ReadFailure]
) -> Iterator[DocResult | ReadFailure]:
    """``DocResult``s again, around the caller's own documents (text is not sent back)."""
    for item, result in zip(chunk, results, strict=True):
        if isinstance(result, ReadFailure):
            yield result
        else:
            assert isinstance(item, Document)
            yield DocResult(result.doc or item, result.events, result.skipped)


def _snapshot(item: Item) -> tuple[Any, ...] | None:
    # Stages may fill in a document's metadata (a dateline's date, a cited source); such a
    # document is sent back whole so the caller sees what a one-process run would show.
    if not isinstance(item, Document):
        return None
    return (
        item.title,
        item.url,
        item.source,
        item.published,
        item.language,
        item.text,
        repr(item.metadata),
    )


class WorkerPool:
    """Worker processes that keep their models between runs (a bench, a long-lived service).

    Each worker calls ``factory`` once (``runner.PipelineOptions`` is one) and keeps what it
    builds; the factory is pickled to the workers.
    """

    def __init__(self, workers: int, factory: ProcessorFactory) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(factory),
            initializer=_init_worker,
            initargs=(factory,),
        )

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def warm(self) -> None:
        """Load the models in every worker now rather than on the first documents."""
        for future in [self._executor.submit(_warm) for _ in range(self.workers)]:
            future.result()

    def run(
        self,
        items: Iterable[Item],
        *,
        now: str,
        max_in_flight: int | None = None,
        chunk_docs: int = DEFAULT_CHUNK_DOCS,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
    ) -> Iterator[DocResult | ReadFailure]:
        """Results for ``items`` in input order, at most ``max_in_flight`` chunks out."""
        limit = max_in_flight or 2 * self.workers
        pending: deque[tuple[list[Item], Future[list[WorkResult | ReadFailure]]]] = deque()
        try:
            for chunk in chunked(items, chunk_docs, chunk_chars):
                pending.append((chunk, self._executor.submit(_work, chunk, now)))
                while len(pending) >= limit:
                    yield from _collect(*pending.popleft())
            while pending:
                yield from _collect(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _warm() -> None:
    assert _WORKER_PIPELINE is not None, "worker used before its initializer ran"
    # Loading the models is the point; a processor without a warm-up loads on first use.
    warm = getattr(_WORKER_PIPELINE, "warm", None)
    if callable(warm):
        warm()
    time.sleep(0.5)  # hold this worker so the next warm-up task lands on another one


def run_parallel(
    items: Iterable[Item],
    workers: int,
    *,
    now: str,
    factory: ProcessorFactory,
    max_in_flight: int | None = None,
    chunk_docs: int = DEFAULT_CHUNK_DOCS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[DocResult | ReadFailure]:
    """Results for ``items`` from ``workers`` processes, in input order, memory bounded."""
    with WorkerPool(workers, factory) as pool:
        yield from pool.run(
            items,
            now=now,
            max_in_flight=max_in_flight,
            chunk_docs=chunk_docs,
            chunk_chars=chunk_chars,
        )


def _collect(
    chunk: list[Item], future: Future[list[WorkResult | ReadFailure]]
) -> Iterator[DocResult | ReadFailure]:
    try:
        results = future.result()
    except BrokenProcessPool as exc:
        first = next((i.doc_id for i in chunk if isinstance(i, Document)), "?")
        raise RuntimeError(
            f"a worker process died (out of memory or killed) on the chunk starting at "
            f"document {first!r}"
        ) from exc
    yield from rebuild(chunk, results)


def _context(factory: ProcessorFactory) -> multiprocessing.context.BaseContext:
    # forkserver: safe when the parent runs threads (progress bar, Dask), and its server
    # imports the factory's module (the runner: spaCy and the stages) once, so each worker
    # starts from that instead of a cold interpreter.
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([factory.__module__])
        return ctx
    return multiprocessing.get_context("spawn")
