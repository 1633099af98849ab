"""Extraction in worker processes for ``ingest --workers N``; the store stays in one process.

A thin adapter over ``conflictwire.scale.pool.WorkerPool`` (models loaded once per worker,
results in input order): the store hands it one batch at a time and writes the results exactly
as a one-process ingest would.
"""

from __future__ import annotations

from collections.abc import Sequence

from conflictwire.backend import ProcessorFactory
from conflictwire.records import DocResult, Document, ReadFailure, utc_now
from conflictwire.scale.pool import WorkerPool

__all__ = ["ParallelPipeline"]


class ParallelPipeline:
    """``process_items(docs)`` over ``workers`` processes; ``process(doc)`` for one.

    Each worker builds its pipeline with ``factory`` (the CLI passes ``runner.PipelineOptions``).
    """

    def __init__(self, workers: int, factory: ProcessorFactory) -> None:
        self._pool = WorkerPool(workers, factory)

    def process(self, doc: Document) -> DocResult:
        (result,) = self.process_items([doc])
        if isinstance(result, ReadFailure):
            raise RuntimeError(f"{result.name}: {result.reason}")
        return result

    def process_items(self, docs: Sequence[Document]) -> list[DocResult | ReadFailure]:
        return list(self._pool.run(docs, now=utc_now()))

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> ParallelPipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
