"""Extraction in worker processes for ``ingest --workers N``; the store stays in one process.

Each worker loads its own ``Pipeline`` once; the parent sends a batch of documents and gets their
results back in order, so the store writes them exactly as a one-process ingest would.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

from conflictwire.records import Document
from conflictwire.runner import DocResult, Pipeline

__all__ = ["ParallelPipeline"]

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker() -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline()


def _process(doc: Document) -> DocResult | str:
    assert _WORKER_PIPELINE is not None
    try:
        return _WORKER_PIPELINE.process(doc)
    except Exception as exc:  # reported by the parent with the document's name
        return f"{type(exc).__name__}: {exc}"


class ParallelPipeline:
    """``process_many(docs)`` over ``workers`` processes; ``process(doc)`` for one."""

    def __init__(self, workers: int) -> None:
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)

    def process(self, doc: Document) -> DocResult:
        return self._unwrap(self._pool.submit(_process, doc).result())

    def process_many(self, docs: list[Document]) -> list[DocResult | str]:
        """Results in input order; a string is the reason a document failed."""
        return list(self._pool.map(_process, docs, chunksize=4))

    @staticmethod
    def _unwrap(result: DocResult | str) -> DocResult:
        if isinstance(result, str):
            raise RuntimeError(result)
        return result

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ParallelPipeline:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
