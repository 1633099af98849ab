"""Fixtures and helpers shared by the store tests: a store on each back end, prepared documents.

PostgreSQL tests read ``CONFLICTWIRE_TEST_PG_URL`` (``.ci/postgres.sh`` sets it) and skip with the
reason when it is unset or no server answers there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conflictwire.inputs import ReadOptions, read_inputs
from conflictwire.records import Document
from conflictwire.store.sql import SqlStore, drop_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"
PG_ENV = "CONFLICTWIRE_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set (run .ci/postgres.sh to start a server)")
    from sqlalchemy import text

    from conflictwire.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        pytest.skip(f"no PostgreSQL server reachable at {PG_ENV}: {type(exc).__name__}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store: a fresh SQLite file, or the test PostgreSQL database wiped."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    url = pg_url()
    drop_store(url)
    yield url
    drop_store(url)


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    opened = SqlStore(store_url)
    yield opened
    opened.close()


def fixture_docs(name: str) -> list[Document]:
    items = list(read_inputs([str(FIXTURES / name)], ReadOptions()))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) == len(items), f"{name}: unreadable lines"
    return docs


def comparable(store: SqlStore) -> list[str]:
    """The store's export as lines, without updated_at (comparisons of stores ignore it)."""
    return [
        json.dumps({k: v for k, v in e.items() if k != "updated_at"}, sort_keys=True)
        for e in store.iter_events()
    ]


def by_location(store: SqlStore, location: str) -> list[dict[str, Any]]:
    return [e for e in store.iter_events() if e["location"] == location]
