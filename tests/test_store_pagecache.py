"""Pages answered from memory (SQLite) stay exactly what the database says, whoever commits."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from fastapi.testclient import TestClient

from conflictwire.api import create_app
from conflictwire.store import EventFilter, open_store
from conflictwire.store.sql import SqlStore

from .test_api_fakes import FixturePipeline, StubPipeline, fixture_documents, load_fixture


def _store(path: Path) -> SqlStore:
    store = open_store(f"sqlite:///{path}")
    assert isinstance(store, SqlStore)
    return store


def _filled(path: Path) -> SqlStore:
    store = _store(path)
    docs = fixture_documents()
    store.ingest(docs[:-1], FixturePipeline(load_fixture("events.json")))
    return store


def test_a_page_asked_again_comes_from_memory_and_equals_the_database(tmp_path: Path) -> None:
    store = _filled(tmp_path / "a.db")
    first = store.query_events_json(EventFilter(), limit=10)
    again = store.query_events_json(EventFilter(), limit=10)
    assert store.pages is not None and store.pages.hits == 1
    assert again == first
    # The JSON text is the record query_events gives, updated_at included.
    total, records = store.query_events(EventFilter(), limit=10)
    assert first[0] == total
    assert [json.loads(t) for t in first[1]] == records
    store.close()


def test_a_commit_by_another_connection_is_seen_at_once(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    server = _filled(path)
    before = server.query_events_json(EventFilter(), limit=100)
    server.query_events_json(EventFilter(), limit=100)  # now cached
    # Another store object: its own engine and connections, as an `ingest` beside `serve`.
    other = _store(path)
    other.ingest(fixture_documents()[-1:], FixturePipeline(load_fixture("events.json")))
    other.close()
    after = server.query_events_json(EventFilter(), limit=100)
    expected = server.query_events(EventFilter(), limit=100)
    assert after != before
    assert (after[0], [json.loads(t) for t in after[1]]) == expected
    server.close()


def test_posted_documents_show_in_the_next_page(tmp_path: Path) -> None:
    store = _filled(tmp_path / "c.db")
    client = TestClient(create_app(store, token="t", pipeline=StubPipeline()))
    first = client.get("/api/events").json()
    assert client.get("/api/events").json() == first  # from memory
    doc = {"id": "late/1", "text": "Hundreds joined a protest in Sample on Sunday."}
    posted = client.post("/api/documents", json=doc, headers={"Authorization": "Bearer t"})
    assert posted.status_code == 200, posted.text
    later = client.get("/api/events").json()
    assert later["total"] == first["total"] + 1
    store.close()


def test_concurrent_readers_get_the_same_answers(tmp_path: Path) -> None:
    store = _filled(tmp_path / "d.db")
    filters = [EventFilter(), EventFilter(country="Ukraine"), EventFilter(q="kyiv")]
    expected = {f: store.query_events(f, limit=50) for f in filters}
    wrong: list[str] = []

    def read() -> None:
        for _ in range(20):
            for f in filters:
                total, texts = store.query_events_json(f, limit=50)
                if (total, [json.loads(t) for t in texts]) != expected[f]:
                    wrong.append(repr(f))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not wrong
    store.close()


def test_an_unwritable_version_probe_falls_back_to_the_database(tmp_path: Path) -> None:
    store = _filled(tmp_path / "e.db")
    assert store.pages is not None
    store.pages._database = str(tmp_path / "missing" / "nope.db")  # probe cannot open
    total, texts = store.query_events_json(EventFilter(), limit=5)
    assert total > 0 and len(texts) == min(5, total)
    assert store.pages.hits == 0
    store.close()
