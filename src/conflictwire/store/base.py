"""The store's interface: filters, the ingest report, the ``Store`` base class."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from conflictwire.records import DocResult, Document

__all__ = [
    "MAX_ROW_NUMBER",
    "EventFilter",
    "IngestReport",
    "Processor",
    "Store",
    "check_page",
]

# The largest row count or offset either back end takes (SQLite INTEGER, PostgreSQL bigint):
# a larger offset is refused before it reaches SQL, where it would overflow.
MAX_ROW_NUMBER = 2**63 - 1


@dataclass(frozen=True)
class EventFilter:
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # case-insensitive substring of actor1/actor2/assoc actors
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None  # text in notes, location, evidence


@dataclass
class IngestReport:
    documents: int = 0  # new or revised documents stored
    unchanged: int = 0  # known documents with the same text: nothing done
    events: int = 0  # events the stored documents report (before merging)
    doc_ids: list[str] = field(default_factory=list)  # every document seen, in input order
    replaced: int = 0  # of ``documents``, revisions of a known document (claims replaced)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count (stored, no events)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason), not stored

    def summary(self) -> str:
        parts = [
            f"{self.documents} documents stored",
            f"{self.unchanged} unchanged",
            f"{self.events} events reported",
        ]
        if self.replaced:
            parts.append(f"{self.replaced} revised")
        parts += [f"{n} skipped ({reason})" for reason, n in sorted(self.skipped.items())]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


class Processor(Protocol):
    """What ingest needs of a pipeline: ``runner.Pipeline`` is one."""

    def process(self, doc: Document) -> DocResult: ...


class Store:
    """Documents, merged events and their sources; see ``conflictwire.store``."""

    def ingest(
        self,
        documents: Iterable[Document],
        pipeline: Processor,
        *,
        batch_size: int = 100,
        progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Store documents and their events: idempotent, merged across documents.

        Commits every ``batch_size`` documents; ``progress`` is called after each batch.
        """
        raise NotImplementedError

    def query_events(
        self, filters: EventFilter, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        """(matching total, one page of records); ``ValueError`` for a limit or offset outside
        0..``MAX_ROW_NUMBER``."""
        raise NotImplementedError

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        return None


def check_page(limit: int, offset: int) -> tuple[int, int]:
    """``limit`` and ``offset`` as the back ends can take them, or ``ValueError``."""
    for name, value in (("limit", limit), ("offset", offset)):
        if not 0 <= value <= MAX_ROW_NUMBER:
            raise ValueError(f"{name} {value} is outside 0..{MAX_ROW_NUMBER}")
    return limit, offset
