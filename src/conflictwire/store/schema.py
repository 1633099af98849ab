"""Tables of the event store and their versioned migrations.

Three kinds of rows: ``documents`` (as read, keyed by doc_id, with a hash of the text),
``claims`` (one extracted event of one document: that document's evidence, figures, certainty,
keyed by the extractor's content-hash event_id, pointing at the merged event it belongs to) and
``events`` (the merged events, with the columns the API filters on). Records are stored as JSON
text so SQLite and PostgreSQL hold exactly the same bytes.
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
)
from sqlalchemy.engine import Connection

__all__ = [
    "SCHEMA_VERSION",
    "SchemaError",
    "claims",
    "documents",
    "events",
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
    Column("event_date", String(10), index=True),
    Column("event_type", Text, index=True),
    Column("sub_event_type", Text),
    Column("country", Text, index=True),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("actors", Text, nullable=False),  # lower-cased actor names, for `actor` filters
    Column("search", Text, nullable=False),  # lower-cased notes, places, evidence, for `q`
    Column("content_hash", String(64), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("record", Text, nullable=False),
)


class SchemaError(RuntimeError):
    """The database holds a schema this version of conflictwire cannot use."""


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[documents, claims, events])


# Version n is reached by running MIGRATIONS[n - 1]; append, never edit, once released.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)


def _current_version(conn: Connection) -> int:
    metadata.create_all(conn, tables=[meta])
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Bring the schema up to ``SCHEMA_VERSION`` inside the caller's transaction."""
    version = _current_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this conflictwire "
            f"understands ({SCHEMA_VERSION}); upgrade conflictwire"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        log.info("migrating the store schema to version %d", number)
        MIGRATIONS[number - 1](conn)
    if version == 0:
        conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    elif version < SCHEMA_VERSION:
        conn.execute(
            meta.update().where(meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION))
        )
    return SCHEMA_VERSION
