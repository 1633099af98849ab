"""``SqlStore``: the store on SQLite or PostgreSQL through SQLAlchemy Core."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

import orjson
from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from conflictwire.records import DocResult, Document, ReadFailure, utc_now
from conflictwire.store.base import EventFilter, IngestReport, Processor, Store, check_page
from conflictwire.store.engine import make_engine, read_connection, write_transaction
from conflictwire.store.ingest import PendingDoc, store_batch, text_hash
from conflictwire.store.pagecache import PageCache
from conflictwire.store.schema import (
    claims,
    documents,
    event_records,
    events,
    metadata,
    migrate,
)
from conflictwire.store.sqlite_read import SqliteReader
from conflictwire.store.where import bind_values, conditions, crosses_180, is_scan

__all__ = ["DEFAULT_BATCH_SIZE", "SqlStore", "drop_store"]

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 100
Progress = Callable[[IngestReport], None]


class SqlStore(Store):
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        with write_transaction(self.engine) as conn:
            migrate(conn)
        database = self.engine.url.database
        self.pages: PageCache | None = None
        self.reader: SqliteReader | None = None
        # SQLite answers inside this process, in a millisecond or so: the API may call it on
        # its event loop rather than hand it to a thread (PostgreSQL waits on the network).
        self.reads_in_process = self.engine.dialect.name == "sqlite"
        if self.engine.dialect.name == "sqlite" and database and database != ":memory:":
            self.pages = PageCache(database)
            self.reader = SqliteReader(database)
        self._compiled: dict[Any, tuple[str, str]] = {}

    # -- writing ------------------------------------------------------------------------

    def ingest(
        self,
        documents: Iterable[Document],
        pipeline: Processor,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Store documents and their events, one committed transaction per batch."""
        report = IngestReport()
        items = iter(documents)
        while batch := list(islice(items, batch_size)):
            self._ingest_batch(batch, pipeline, report)
            if progress is not None:
                progress(report)
        return report

    def _ingest_batch(
        self, batch: list[Document], pipeline: Processor, report: IngestReport
    ) -> None:
        report.doc_ids += [d.doc_id for d in batch]
        latest = _collapse(batch)
        report.unchanged += len(batch) - len(latest)
        with read_connection(self.engine) as conn:
            todo = self._changed(conn, latest, report)
        pending = self._process_all(todo, pipeline, report)
        if not pending:
            return
        with write_transaction(self.engine) as conn:
            # Re-check under the write lock: a concurrent ingest may have stored them meanwhile.
            fresh = {f.doc.doc_id: f for f in self._changed(conn, [p.doc for p in pending], None)}
            pending = [p for p in pending if p.doc.doc_id in fresh]
            for p in pending:
                p.replaces = fresh[p.doc.doc_id].replaces
            if pending:
                report.events += store_batch(conn, pending, utc_now())
        report.documents += len(pending)
        report.replaced += sum(1 for p in pending if p.replaces)

    def _changed(
        self, conn: Connection, batch: list[Document], report: IngestReport | None
    ) -> list[PendingDoc]:
        """The documents that are new or whose text changed (matched by doc_id, else URL)."""
        ids = [d.doc_id for d in batch]
        urls = [d.url for d in batch if d.url]
        cond: ColumnElement[bool] = documents.c.doc_id.in_(ids)
        if urls:
            cond = or_(cond, documents.c.url.in_(urls))
        query = select(documents.c.doc_id, documents.c.url, documents.c.text_hash).where(cond)
        by_id: dict[str, str] = {}
        by_url: dict[str, tuple[str, str]] = {}
        for doc_id, url, digest in conn.execute(query):
            by_id[doc_id] = digest
            if url:
                by_url.setdefault(url, (doc_id, digest))
        todo = []
        for doc in batch:
            digest = text_hash(doc.text)
            if doc.doc_id in by_id:
                known: tuple[str, str] | None = (doc.doc_id, by_id[doc.doc_id])
            else:
                known = by_url.get(doc.url) if doc.url else None
            if known is not None and known[1] == digest:
                if report is not None:
                    report.unchanged += 1
                continue
            todo.append(PendingDoc(doc, digest, known[0] if known else None))
        return todo

    @staticmethod
    def _process_all(
        todo: list[PendingDoc], pipeline: Processor, report: IngestReport
    ) -> list[PendingDoc]:
        """Run the pipeline over a batch; a failing document is reported, not stored."""
        results = _process_batch(pipeline, [p.doc for p in todo])
        done = []
        for pending, result in zip(todo, results, strict=True):
            if isinstance(result, str):
                log.error("%s: extraction failed: %s", pending.doc.doc_id, result)
                report.failed.append((pending.doc.doc_id, result))
            else:
                done.append(SqlStore._accept(pending, result, report))
        return done

    @staticmethod
    def _accept(pending: PendingDoc, result: DocResult, report: IngestReport) -> PendingDoc:
        if result.skipped is not None:
            reason = result.skipped.reason
            report.skipped[reason] = report.skipped.get(reason, 0) + 1
        pending.events = list(result.events)
        for event in pending.events:
            if not event.event_id:
                event.assign_id()
        return pending

    # -- reading ------------------------------------------------------------------------

    def query_events(
        self, filters: EventFilter, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        total, rows = self._page_rows(filters, limit, offset)
        return total, [_record(r.record, r.updated_at) for r in rows]

    def query_events_json(
        self, filters: EventFilter, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[str]]:
        """``query_events`` with each record as its JSON text, never parsed: the API writes
        them into its answer as they are. On SQLite a page asked again while the database is
        unchanged comes from memory (``pagecache``)."""

        def compute() -> tuple[int, list[str]]:
            if self.reader is not None:
                try:
                    return self._page_json_sqlite(self.reader, filters, limit, offset)
                except sqlite3.Error as exc:
                    # Said once; the SQLAlchemy path then answers (or raises the real error).
                    log.warning("direct SQLite reads off: %s", exc)
                    self.reader = None
            total, rows = self._page_rows(filters, limit, offset)
            return total, [_record_json(r.record, r.updated_at) for r in rows]

        if self.pages is None:
            return compute()
        return self.pages.get((filters, limit, offset), compute)

    def _page_json_sqlite(
        self, reader: SqliteReader, filters: EventFilter, limit: int, offset: int
    ) -> tuple[int, list[str]]:
        """``compute`` of ``query_events_json`` through ``sqlite3``: the same statements as
        ``_page_rows``, compiled once per filter shape."""
        limit, offset = check_page(max(0, limit), max(0, offset))
        values = bind_values(filters)
        scan = is_scan(values)
        shape = (tuple(values), crosses_180(values), scan)
        sql = self._compiled.get(shape)
        if sql is None:
            cond = conditions(values)
            dialect = sqlite.dialect(paramstyle="named")
            page = _page(cond, bindparam("limit"), bindparam("offset"), scan)
            count = select(func.count()).select_from(events).where(*cond)
            sql = str(page.compile(dialect=dialect)), str(count.compile(dialect=dialect))
            self._compiled[shape] = sql
        params = {**values, "limit": limit, "offset": offset}
        # Columns of `_page`: record, event_id, event_date, updated_at[, total].
        total, rows = reader.page(sql[0], sql[1], params, 4 if scan else None)
        return total, [_record_json(row[0], row[3]) for row in rows]

    def _page_rows(self, filters: EventFilter, limit: int, offset: int) -> tuple[int, list[Any]]:
        values = bind_values(filters)
        cond = conditions(values)
        # `actor` and `q` match substrings no index serves: one scan then gives both the page
        # and the total (a window count), where walking the date index for a rare word would
        # visit every row. The other filters have indexes in page order, and a separate count.
        scan = is_scan(values)
        limit, offset = check_page(max(0, limit), max(0, offset))
        with read_connection(self.engine) as conn:
            rows = conn.execute(_page(cond, limit, offset, scan), values).all() if limit else []
            if rows and scan:
                total = int(rows[0].total)
            else:
                count = select(func.count()).select_from(events).where(*cond)
                total = int(conn.execute(count, values).scalar_one())
        return total, list(rows)

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Every matching event, oldest first, streamed (stable order: date, then id)."""
        values = bind_values(filters or EventFilter())
        cond = conditions(values)
        query = (
            _with_record()
            .where(*cond)
            .order_by(events.c.event_date.asc().nulls_last(), events.c.event_id)
        )
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=500).execute(query, values)
            for row in result:
                yield _record(row.record, row.updated_at)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The stored event; a member's own id (before merging) finds its merged event."""
        with read_connection(self.engine) as conn:
            row = conn.execute(_with_record().where(events.c.event_id == event_id)).first()
            if row is None:
                merged = select(claims.c.event_id).where(claims.c.claim_id == event_id)
                row = conn.execute(
                    _with_record().where(events.c.event_id == merged.scalar_subquery())
                ).first()
        return _record(row.record, row.updated_at) if row else None

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with read_connection(self.engine) as conn:
            doc = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
            if doc is None:
                return None
            ids = conn.execute(
                select(claims.c.event_id)
                .where(claims.c.doc_id == doc_id, claims.c.event_id.is_not(None))
                .order_by(claims.c.position)
            ).scalars()
            event_ids = list(dict.fromkeys(ids))
        return {
            "doc_id": doc.doc_id,
            "title": doc.title,
            "url": doc.url,
            "source": doc.source,
            "published": doc.published,
            "text": doc.text,
            "events": event_ids,
        }

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, claims (per-document events), events (merged)."""
        with read_connection(self.engine) as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in (
                    ("documents", documents),
                    ("claims", claims),
                    ("events", events),
                )
            }

    def drop_all(self) -> None:
        """Remove every conflictwire table (tests and `--reset`-style tooling)."""
        drop_store(self.url)

    def close(self) -> None:
        if self.pages is not None:
            self.pages.close()
        if self.reader is not None:
            self.reader.close()
        self.engine.dispose()


def drop_store(url: str) -> None:
    """Remove every conflictwire table at ``url``, whatever schema version it holds."""
    engine = make_engine(url)
    try:
        with write_transaction(engine) as conn:
            metadata.drop_all(conn)
    finally:
        engine.dispose()


_NEWEST_FIRST = (events.c.event_date.desc().nulls_last(), events.c.event_id)


def _page(
    cond: list[ColumnElement[bool]], limit: Any, offset: Any, with_total: bool
) -> Select[Any]:
    """One page of records, newest first: columns record, event_id, event_date, updated_at
    (and total). The page's ids come from the narrow events table and its indexes alone, which
    hold both order columns, so OFFSET skips rows without reading them; only the page's own
    rows are then read for ``updated_at`` and their records."""
    columns: list[ColumnElement[Any]] = [events.c.event_id, events.c.event_date]
    if with_total:
        columns.append(func.count().over().label("total"))
    page = select(*columns).where(*cond).order_by(*_NEWEST_FIRST).limit(limit).offset(offset)
    ids = page.subquery()
    rows = events.alias("page_events")
    total = [ids.c.total] if with_total else []
    return (
        select(event_records.c.record, ids.c.event_id, ids.c.event_date, rows.c.updated_at, *total)
        .select_from(
            ids.join(rows, rows.c.event_id == ids.c.event_id).join(
                event_records, event_records.c.event_id == ids.c.event_id
            )
        )
        .order_by(ids.c.event_date.desc().nulls_last(), ids.c.event_id)
    )


def _with_record() -> Select[Any]:
    """Events with their records (filter with ``_conditions``, which read ``events``)."""
    return select(event_records.c.record, events.c.updated_at).select_from(
        events.join(event_records, event_records.c.event_id == events.c.event_id)
    )


def _record_json(blob: str, updated_at: str | None) -> str:
    """The stored record (JSON without ``updated_at``) with ``updated_at`` added last."""
    stamp = orjson.dumps(updated_at).decode()
    body = blob.rstrip()
    if body == "{}":
        return '{"updated_at":' + stamp + "}"
    return body[:-1] + ',"updated_at":' + stamp + "}"


def _record(blob: str, updated_at: str) -> dict[str, Any]:
    record: dict[str, Any] = orjson.loads(blob)  # ~2x json.loads on a 100-record page
    record["updated_at"] = updated_at
    return record


def _collapse(batch: list[Document]) -> list[Document]:
    """The batch as a one-by-one ingest would leave it: a later document with the doc_id or URL
    of an earlier one replaces it when its text differs, and is dropped when it is the same."""
    kept: dict[str, Document] = {}
    by_url: dict[str, str] = {}
    for doc in batch:
        prior = doc.doc_id if doc.doc_id in kept else by_url.get(doc.url or "")
        if prior is not None:
            if text_hash(kept[prior].text) == text_hash(doc.text):
                continue
            if kept[prior].url:
                by_url.pop(kept[prior].url or "", None)
            del kept[prior]
        kept[doc.doc_id] = doc
        if doc.url:
            by_url[doc.url] = doc.doc_id
    return list(kept.values())


def _process_batch(pipeline: Processor, docs: list[Document]) -> list[DocResult | str]:
    """Results in order (a string: why that document failed). A pipeline that parses batches
    (``process_items``, as ``runner.Pipeline`` and the worker pool have) gets the whole batch;
    if the batch fails, each document is retried alone so one bad document only costs itself."""
    batch = getattr(pipeline, "process_items", None)
    if batch is not None:
        try:
            results = list(batch(docs))
        except Exception:
            log.warning("a batch failed in extraction; retrying its documents one by one")
        else:
            return [_failure(r) if isinstance(r, ReadFailure) else r for r in results]
    return [_process_one(pipeline, doc) for doc in docs]


def _failure(failure: ReadFailure) -> str:
    return f"{failure.name}: {failure.reason}"


def _process_one(pipeline: Processor, doc: Document) -> DocResult | str:
    try:
        return pipeline.process(doc)
    except Exception as exc:  # one bad document must not stop a long ingest
        log.debug("%s: extraction failed", doc.doc_id, exc_info=True)
        return f"{type(exc).__name__}: {exc}"
