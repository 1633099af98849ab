"""The interface between the runner and the backends that run its work.

A backend (the process pool in ``scale.pool``, the Dask cluster in ``distributed``) receives
items and a ``ProcessorFactory``: a picklable callable each worker calls once to build its own
processor. The runner passes its ``PipelineOptions`` as that factory, so the backends run
pipelines without importing the runner, and imports point one way (runner -> backends ->
records).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from conflictwire.records import DocResult, Document, ReadFailure

__all__ = ["Backend", "Item", "Processor", "ProcessorFactory"]

Item = Document | ReadFailure


class Processor(Protocol):
    """What a backend runs: ``runner.Pipeline`` is one."""

    def process_items(
        self, items: Sequence[Item], *, now: str | None = None
    ) -> list[DocResult | ReadFailure]: ...


# Called once per worker process; must pickle (a frozen dataclass or a module-level function).
ProcessorFactory = Callable[[], Processor]


class Backend(Protocol):
    """Runs ``items`` through processors built by ``factory``; results in input order."""

    def __call__(
        self, items: Iterable[Item], *, now: str, factory: ProcessorFactory
    ) -> Iterator[DocResult | ReadFailure]: ...
