"""Pages of events already answered, kept until the store changes (SQLite).

A dashboard and its users ask the same pages again and again (the first page, a country, an
event type); each costs one or two SQL queries and, for ``actor`` and ``q``, a scan of every
event. Here a page is answered from memory while the database is unchanged: SQLite's
``PRAGMA data_version``, read on a connection of its own that never writes, changes whenever
any other connection, in this process or another (an ``ingest`` beside ``serve``), commits.
The version is read before the page is computed, so a page computed across a commit is filed
under the older version and never served after it. PostgreSQL has no such cheap signal:
there every page goes to the database.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["PageCache"]

log = logging.getLogger(__name__)

Page = tuple[int, list[str]]

# Bytes of record JSON kept per process: about a hundred pages of a hundred records.
DEFAULT_BUDGET = 32 * 1024 * 1024


class PageCache:
    """Answers ``compute()`` for a key from memory while the database's version holds."""

    def __init__(self, database: str, budget: int = DEFAULT_BUDGET) -> None:
        self._database = database
        self._budget = budget
        self._lock = threading.Lock()
        self._pages: OrderedDict[Any, tuple[Page, int]] = OrderedDict()
        self._size = 0
        self._version: int | None = None
        self._conn: sqlite3.Connection | None = None
        self._off = False
        self.hits = 0
        self.misses = 0

    def get(self, key: Any, compute: Callable[[], Page]) -> Page:
        version = self._current_version()
        if version is None:  # the version cannot be read: never serve from memory
            return compute()
        with self._lock:
            if version != self._version:
                self._pages.clear()
                self._size = 0
                self._version = version
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
                self.hits += 1
                return found[0]
            self.misses += 1
        page = compute()
        self._keep(key, page, version)
        return page

    def _keep(self, key: Any, page: Page, version: int) -> None:
        size = sum(len(text) for text in page[1]) + 64
        if size > self._budget // 4:
            return  # one huge page would push out every other
        with self._lock:
            if version != self._version or key in self._pages:
                return
            self._pages[key] = (page, size)
            self._size += size
            while self._size > self._budget and self._pages:
                _, (_, dropped) = self._pages.popitem(last=False)
                self._size -= dropped

    def _current_version(self) -> int | None:
        with self._lock:
            if self._off:
                return None
            try:
                if self._conn is None:
                    uri = Path(self._database).expanduser().resolve().as_uri() + "?mode=ro"
                    self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                row = self._conn.execute("PRAGMA data_version").fetchone()
                return int(row[0])
            except sqlite3.Error as exc:
                # Said once; from then on every page goes to the database.
                log.warning("page cache off: cannot read the database version (%s)", exc)
                self._conn = None
                self._off = True
                return None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._pages.clear()
            self._size = 0
