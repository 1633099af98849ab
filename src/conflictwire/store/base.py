"""Store interface (placeholder until the store lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from conflictwire.records import Document
from conflictwire.runner import Pipeline

__all__ = ["EventFilter", "IngestReport", "Store", "open_store"]


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
    documents: int = 0
    unchanged: int = 0
    events: int = 0
    doc_ids: list[str] = field(default_factory=list)


class Store:
    def ingest(self, documents: Iterable[Document], pipeline: Pipeline) -> IngestReport:
        raise NotImplementedError

    def query_events(
        self, filters: EventFilter, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        raise NotImplementedError

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        return None


def open_store(url: str) -> Store:
    raise NotImplementedError(f"no store for {url!r} yet")
