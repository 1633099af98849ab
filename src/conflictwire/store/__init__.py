"""The event store: documents, events and per-document sources, on SQLite or PostgreSQL.

Public surface (the API and the CLI use only this):
* ``open_store(url) -> Store``; ``url`` is ``sqlite:///PATH`` or ``postgresql://...``;
* ``Store.ingest(documents, pipeline) -> IngestReport``: idempotent, merges across documents;
* ``Store.query_events(EventFilter, limit, offset) -> (total, [record dict with sources])``;
* ``Store.get_event(event_id) -> record dict with sources | None``;
* ``Store.get_document(doc_id) -> {"doc_id", "title", "url", "source", "published", "text",
  "events": [event_id, ...]} | None``;
* ``Store.iter_events(EventFilter) -> Iterator[record dict]`` for export.
"""

from conflictwire.store.base import EventFilter, IngestReport, Store, open_store

__all__ = ["EventFilter", "IngestReport", "Store", "open_store"]
