"""Schema migrations: a version-1 store (records inline in ``cw_events``) opened by this version
is upgraded in place, on SQLite and PostgreSQL, with its data intact and every filter right."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, Table, inspect, select

from conflictwire.store import EventFilter
from conflictwire.store.engine import make_engine, write_transaction
from conflictwire.store.schema import (
    SCHEMA_VERSION,
    claims,
    documents,
    event_records,
    events,
    meta,
    migrate,
)
from conflictwire.store.sql import SqlStore
from conflictwire.store.synthetic import PreparedPipeline

from .store_support import comparable, fixture_docs

PIPE = PreparedPipeline()
FILTERS = [
    EventFilter(),
    EventFilter(country="UKRAINE"),  # exact-match filters ignore case
    EventFilter(admin1="kharkiv", country="ukraine"),
    EventFilter(event_type="explosions/remote violence", since="2022-06-01"),
    EventFilter(sub_event_type="Shelling/artillery/missile attack"),
    EventFilter(actor="RUSSIA"),
    EventFilter(q="zolochiv"),
    EventFilter(bbox=(30.0, 50.0, 31.0, 51.0)),
    EventFilter(until="2022-05-31", country="Belarus"),
]


def _write_v1_store(url: str, source: SqlStore) -> None:
    """A version-1 store at ``url`` holding ``source``'s rows, as version 1 laid them out."""
    engine = make_engine(url)
    with write_transaction(engine) as conn, source.engine.connect() as src:
        assert migrate(conn, target=1) == 1
        old_events = Table("cw_events", MetaData(), autoload_with=conn)
        assert "record" in old_events.c and "country_key" not in old_events.c
        for table in (documents, claims):
            conn.execute(table.insert(), [dict(r._mapping) for r in src.execute(select(table))])
        joined = events.join(event_records, events.c.event_id == event_records.c.event_id)
        rows = src.execute(select(events, event_records.c.record).select_from(joined))
        keep = set(old_events.c.keys())
        conn.execute(
            old_events.insert(),
            [{k: v for k, v in r._mapping.items() if k in keep} for r in rows],
        )
    engine.dispose()


def _schema(engine: Any) -> dict[str, Any]:
    """Columns and index names of the events tables (what must match a store made new)."""
    found = inspect(engine)
    return {
        name: (
            {c["name"] for c in found.get_columns(name)},
            {i["name"] for i in found.get_indexes(name)},
        )
        for name in ("cw_events", "cw_event_records")
    }


def _pages(store: SqlStore, filters: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    return store.query_events(filters, limit=100)


def test_version_1_store_is_upgraded_in_place(store_url: str, tmp_path: Path) -> None:
    reference = SqlStore(f"sqlite:///{tmp_path / 'reference.db'}")
    reference.ingest(fixture_docs("reports.jsonl"), PIPE)
    _write_v1_store(store_url, reference)

    upgraded = SqlStore(store_url)
    with upgraded.engine.connect() as conn:
        version = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version"))
        assert int(version.scalar_one()) == SCHEMA_VERSION
    assert _schema(upgraded.engine) == _schema(reference.engine)
    # Data intact, updated_at included, and every filter answers as in a store made new.
    assert list(upgraded.iter_events()) == list(reference.iter_events())
    assert upgraded.counts() == reference.counts()
    for filters in FILTERS:
        assert _pages(upgraded, filters) == _pages(reference, filters), filters
    assert _pages(upgraded, EventFilter(country="UKRAINE"))[0] > 0
    # The upgraded store keeps working: revisions and new documents fuse as in the reference.
    more = fixture_docs("revision.jsonl") + fixture_docs("chain.jsonl")
    upgraded.ingest(more, PIPE)
    reference.ingest(more, PIPE)
    assert comparable(upgraded) == comparable(reference)
    upgraded.close()
    assert SqlStore(store_url).counts() == reference.counts()  # reopening migrates nothing


def test_filter_keys_fold_beyond_ascii(store: SqlStore) -> None:
    doc = fixture_docs("reports.jsonl")[0]
    events_in = [dict(e, admin1="Équateur") for e in doc.metadata["events"]]
    store.ingest([dataclasses.replace(doc, metadata={**doc.metadata, "events": events_in})], PIPE)
    for name in ("ÉQUATEUR", "équateur", "Équateur"):
        total, found = store.query_events(EventFilter(admin1=name))
        assert total == len(found) > 0 and {e["admin1"] for e in found} == {"Équateur"}
    assert store.query_events(EventFilter(admin1="equateur"))[0] == 0


@pytest.mark.parametrize("offset", [0, 1, 3])
def test_pages_read_only_their_records(store: SqlStore, offset: int) -> None:
    store.ingest(fixture_docs("reports.jsonl") + fixture_docs("chain.jsonl"), PIPE)
    total, every = store.query_events(EventFilter(), limit=100)
    _, page = store.query_events(EventFilter(), limit=2, offset=offset)
    assert page == every[offset : offset + 2] and total == len(every)
    assert store.query_events(EventFilter(), limit=0) == (total, [])


@pytest.mark.parametrize("filters", [EventFilter(q="chuhuiv"), EventFilter(actor="russia")])
def test_text_filters_count_and_page_together(store: SqlStore, filters: EventFilter) -> None:
    store.ingest(fixture_docs("reports.jsonl") + fixture_docs("chain.jsonl"), PIPE)
    total, every = store.query_events(filters, limit=100)
    assert total == len(every) >= 2
    for offset in range(total + 2):  # past the end the page is empty but the total stays
        assert store.query_events(filters, limit=1, offset=offset) == (total, every[offset:][:1])
    assert store.query_events(filters, limit=0) == (total, [])
