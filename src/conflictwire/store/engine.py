"""Engines for the store's two back ends, and write transactions that serialize ingests.

SQLite runs in WAL mode so readers (the API) are never blocked by an ingest; its write
transactions start with ``BEGIN IMMEDIATE`` so the clustering an ingest computes is based on the
rows it then writes. PostgreSQL ingests take a transaction-scoped advisory lock for the same
reason: two concurrent ingests must not cluster against each other's half-written state.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url

__all__ = ["StoreURLError", "make_engine", "read_connection", "write_transaction"]

_INGEST_LOCK = 0x43574952  # "CWIR": one advisory lock for every conflictwire ingest


class StoreURLError(ValueError):
    """The --db URL names no store conflictwire can open."""


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    if backend in ("postgresql", "postgres"):
        # psycopg 3 is the driver the `postgres` extra installs; a bare postgresql:// URL
        # would make SQLAlchemy look for psycopg2.
        if parsed.get_driver_name() in ("psycopg2", "", "postgresql") or "+" not in url:
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreURLError(f"--db {url!r}: use sqlite:///PATH or postgresql://USER@HOST/DB")


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # Sized for the API's thread pool (40 threads): with SQLAlchemy's default of 5 + 10
    # connections, concurrent readers beyond 15 would wait for one another's connection.
    engine = create_engine(url, connect_args={"timeout": 60}, pool_size=8, max_overflow=40)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (see _on_begin); pysqlite's implicit one would defer it.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("cw_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's write lock until it commits or rolls back."""
    with engine.connect() as conn:
        conn = conn.execution_options(cw_write=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INGEST_LOCK})
            yield conn


@contextmanager
def read_connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn
