"""Pages of a SQLite store read straight through ``sqlite3``, for the API's hot path.

A page through SQLAlchemy costs about three times what SQLite itself spends on it (building the
statement, its cache key, the execution context and row objects). Here each thread keeps one
read-only connection (``mode=ro`` and ``query_only``: this path can never write) with the
database memory-mapped, and runs SQL that ``SqlStore`` compiled once per filter shape from its
own SQLAlchemy statements, so the two paths cannot drift apart.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["SqliteReader"]

log = logging.getLogger(__name__)

# Address space only: pages are shared with the OS cache, so a small store maps what it has.
MMAP_BYTES = 256 * 1024 * 1024


class SqliteReader:
    """One read-only ``sqlite3`` connection per thread, opened on first use."""

    def __init__(self, database: str) -> None:
        self._uri = Path(database).expanduser().resolve().as_uri() + "?mode=ro"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[sqlite3.Connection] = []

    def page(
        self, page_sql: str, count_sql: str, params: Mapping[str, Any], total_column: int | None
    ) -> tuple[int, list[tuple[Any, ...]]]:
        """(total, rows of ``page_sql``) from one snapshot of the database.

        With ``total_column`` the page's rows carry the total (a window count) and
        ``count_sql`` runs only for an empty page; without it, ``count_sql`` always runs.
        """
        conn = self._connection()
        # One read transaction: the page and its total see the same commit.
        conn.execute("BEGIN")
        try:
            rows = conn.execute(page_sql, params).fetchall() if params["limit"] else []
            if rows and total_column is not None:
                total = int(rows[0][total_column])
            else:
                total = int(conn.execute(count_sql, params).fetchone()[0])
        finally:
            conn.execute("COMMIT")
        return total, rows

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self._uri, uri=True, check_same_thread=False, isolation_level=None, timeout=60
            )
            conn.execute("PRAGMA query_only=1")
            conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            with self._lock:
                self._opened.append(conn)
            self._local.conn = conn
            log.debug("read-only connection opened for thread %s", threading.get_ident())
        return conn

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()
