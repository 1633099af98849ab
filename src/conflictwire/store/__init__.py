"""The event store: documents, events and per-document sources, on SQLite or PostgreSQL.

Public surface (the API and the CLI use only this):
* ``open_store(url) -> Store``; ``url`` is ``sqlite:///PATH`` (created on first use, WAL) or
  ``postgresql://...`` (psycopg 3);
* ``Store.ingest(documents, pipeline, *, batch_size=100, progress=None) -> IngestReport``:
  idempotent (a known doc_id or URL with the same text changes nothing; new text replaces that
  document's claims), commits per batch, merges one happening reported by several documents
  into one event (``fusion``) whatever the order or batching;
* ``Store.query_events(EventFilter, limit, offset) -> (total, [record dict with sources])``,
  newest first;
* ``Store.get_event(event_id) -> record dict with sources | None`` (a member's own pre-merge id
  finds its merged event);
* ``Store.get_document(doc_id) -> {"doc_id", "title", "url", "source", "published", "text",
  "events": [event_id, ...]} | None``;
* ``Store.iter_events(EventFilter) -> Iterator[record dict]`` for export, oldest first.

A record is the contract's event record plus ``sources`` (one entry per reporting document:
doc_id, url, source, published, evidence, fatalities, injuries, certainty, attribution),
``n_sources`` and ``fatalities_max``.
"""

from conflictwire.store.base import MAX_ROW_NUMBER, EventFilter, IngestReport, Store

__all__ = ["MAX_ROW_NUMBER", "EventFilter", "IngestReport", "Store", "open_store"]


def open_store(url: str) -> Store:
    """The store at ``url``: ``sqlite:///PATH`` (created on first use) or ``postgresql://...``."""
    # Imported here, not in ``base``: the backend depends on the interface, never the reverse,
    # and importing the package stays free of SQLAlchemy until a store is opened.
    from conflictwire.store.sql import SqlStore

    return SqlStore(url)
