"""Tables of the event store and their versioned migrations.

Three kinds of rows: ``documents`` (as read, keyed by doc_id, with a hash of the text),
``claims`` (one extracted event of one document: that document's evidence, figures, certainty,
keyed by the extractor's content-hash event_id, pointing at the merged event it belongs to) and
``events`` (the merged events, with the columns the API filters on). Records are stored as JSON
text so SQLite and PostgreSQL hold exactly the same bytes.

Since version 2 a merged event's record lives in ``event_records``: the filter columns of
``events`` stay narrow, so a scan for ``actor``/``q`` and a ``count(*)`` read a few hundred
bytes per event instead of the 1-2 KB record. Filters compare case-folded ``*_key`` copies
(Python's ``casefold``: SQLite's ``lower`` folds ASCII only), each indexed together with the
page order (``event_date DESC NULLS LAST, event_id``) so a filtered page reads only its rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import (
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)
from sqlalchemy.engine import Connection

__all__ = [
    "EVENT_KEYS",
    "SCHEMA_VERSION",
    "SchemaError",
    "claims",
    "documents",
    "event_records",
    "events",
    "fold",
    "meta",
    "metadata",
    "migrate",
]

log = logging.getLogger(__name__)

metadata = MetaData()

meta = Table(
    "cw_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "cw_documents",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("url", Text, index=True),
    Column("title", Text),
    Column("source", Text),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False),
    Column("metadata", Text, nullable=False, default="{}"),
    Column("ingested_at", String(32), nullable=False),
)

claims = Table(
    "cw_claims",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("doc_id", Text, nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("event_id", String(64), index=True),  # the merged event; null until clustered
    Column("family", String(96), nullable=False),
    Column("country", Text),
    Column("day", Integer),  # days since 1970-01-01 of event_date, for blocking
    Column("tol", Integer, nullable=False),  # days this claim's date may be off (precision)
    Column("lat", Float),  # coordinates and folded admin1, for finding nearby claims
    Column("lon", Float),
    Column("admin1_key", Text),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),  # the toll this document states, null when it gives none
    Column("record", Text, nullable=False),
    # Covering the place columns lets a neighbourhood scan filter without reading records.
    Index("ix_cw_claims_block", "family", "country", "day", "lat", "lon"),
    Index("ix_cw_claims_loose", "family", "country", "tol", "day"),
)

events = Table(
    "cw_events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("event_date", String(10)),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("actors", Text, nullable=False),  # lower-cased actor names, for `actor` filters
    Column("search", Text, nullable=False),  # lower-cased notes, places, evidence, for `q`
    Column("content_hash", String(64), nullable=False),
    Column("updated_at", String(32), nullable=False),
    # Case-folded copies of the exact-match filter columns (see EVENT_KEYS).
    Column("type_key", Text),
    Column("sub_type_key", Text),
    Column("country_key", Text),
    Column("admin1_key", Text),
)

event_records = Table(
    "cw_event_records",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("record", Text, nullable=False),
)

# Filter key column -> the column it folds.
EVENT_KEYS = {
    "type_key": "event_type",
    "sub_type_key": "sub_event_type",
    "country_key": "country",
    "admin1_key": "admin1",
}
# Index name -> leading columns; each ends with the page order. Written as DDL because the
# order needs NULLS LAST on PostgreSQL, which SQLite rejects in an index (and has by default).
_EVENT_INDEXES = {
    "ix_cw_events_order": (),
    **{f"ix_cw_events_{key}": (key,) for key in EVENT_KEYS},
}
_COPY_ROWS = 2000  # events copied per statement when a migration rebuilds the table
_V1_EVENT_INDEXES = ("ix_cw_events_event_date", "ix_cw_events_event_type", "ix_cw_events_country")


def _v1_events(name: str = "cw_events") -> Table:
    """``cw_events`` as version 1 created it (with the record inline), frozen for migrations."""
    return Table(
        name,
        MetaData(),
        Column("event_id", String(64), primary_key=True),
        Column("event_date", String(10), index=True),
        Column("event_type", Text, index=True),
        Column("sub_event_type", Text),
        Column("country", Text, index=True),
        Column("admin1", Text),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("fatalities", Integer, nullable=False),
        Column("n_sources", Integer, nullable=False),
        Column("actors", Text, nullable=False),
        Column("search", Text, nullable=False),
        Column("content_hash", String(64), nullable=False),
        Column("updated_at", String(32), nullable=False),
        Column("record", Text, nullable=False),
    )


class SchemaError(RuntimeError):
    """The database holds a schema this version of conflictwire cannot use."""


def fold(value: object) -> str | None:
    """The filter key of a column value (and of a filter's value)."""
    return str(value).casefold() if value else None


def _create_event_indexes(conn: Connection) -> None:
    nulls_last = " NULLS LAST" if conn.dialect.name == "postgresql" else ""
    for name, leading in _EVENT_INDEXES.items():
        columns = ", ".join([*leading, f"event_date DESC{nulls_last}", "event_id"])
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON cw_events ({columns})"))
    # bbox filters: a latitude range, then longitude checked in the index.
    conn.execute(
        text("CREATE INDEX IF NOT EXISTS ix_cw_events_geo ON cw_events (latitude, longitude)")
    )


def _create_current(conn: Connection) -> None:
    """A new store: the latest schema directly, without replaying the migrations."""
    metadata.create_all(conn, tables=[documents, claims, events, event_records])
    _create_event_indexes(conn)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[documents, claims])
    _v1_events().create(conn)


def _v2(conn: Connection) -> None:
    """Records to their own table, case-folded filter keys, indexes in page order.

    ``cw_events`` is rebuilt rather than altered: dropping the record column in place leaves
    SQLite's pages three-quarters empty, and every filter scan would read them all.
    """
    for name in _V1_EVENT_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    conn.execute(text("ALTER TABLE cw_events RENAME TO cw_events_v1"))
    if conn.dialect.name == "postgresql":  # its primary key index keeps the name the new one needs
        conn.execute(text("ALTER INDEX cw_events_pkey RENAME TO cw_events_v1_pkey"))
    # A version-1 store has no records table; one left by a newer version it was downgraded
    # from holds stale rows.
    conn.execute(text("DROP TABLE IF EXISTS cw_event_records"))
    metadata.create_all(conn, tables=[events, event_records])
    old = _v1_events("cw_events_v1")
    last = ""
    while chunk := conn.execute(
        select(old).where(old.c.event_id > last).order_by(old.c.event_id).limit(_COPY_ROWS)
    ).all():
        rows = [dict(row._mapping) for row in chunk]
        conn.execute(
            event_records.insert(), [{k: r[k] for k in ("event_id", "record")} for r in rows]
        )
        for row in rows:
            del row["record"]
            row.update({key: fold(row[column]) for key, column in EVENT_KEYS.items()})
        conn.execute(events.insert(), rows)
        last = rows[-1]["event_id"]
    old.drop(conn)
    _create_event_indexes(conn)
    if conn.dialect.name == "postgresql":  # plan with the new tables' statistics right away
        conn.execute(text("ANALYZE cw_events"))


# Version n is reached by running MIGRATIONS[n - 1]; append, never edit, once released.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


def _current_version(conn: Connection) -> int:
    metadata.create_all(conn, tables=[meta])
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target`` (tests build older versions) in the caller's transaction.

    A new store gets the latest schema at once; an older one runs each missing migration.
    """
    version = _current_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this conflictwire "
            f"understands ({SCHEMA_VERSION}); upgrade conflictwire"
        )
    if version == 0 and target == SCHEMA_VERSION:
        _create_current(conn)
    else:
        for number in range(version + 1, target + 1):
            log.info("migrating the store schema to version %d", number)
            MIGRATIONS[number - 1](conn)
    if version == 0:
        conn.execute(meta.insert().values(key="schema_version", value=str(target)))
    elif version < target:
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(target)))
    return max(version, target)
