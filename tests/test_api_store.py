"""The API over the real store (SQLite; PostgreSQL when CI runs one): merged events, sources,
documents, ingest over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from conflictwire.api import create_app
from conflictwire.records import EVENT_FIELDS, Document
from conflictwire.runner import DocResult

from .store_support import store_url  # noqa: F401  (the fixture: SQLite, PostgreSQL)
from .test_api_fakes import FixturePipeline, StubPipeline, fixture_documents, load_fixture

TOKEN = "tok-123"


@pytest.fixture()
def client(store_url: str) -> Iterator[TestClient]:  # noqa: F811
    """The fixtures ingested into a fresh store on each back end (PostgreSQL when CI has one)."""
    from conflictwire.store import open_store

    store = open_store(store_url)
    store.ingest(fixture_documents(), FixturePipeline(load_fixture("events.json")))
    yield TestClient(create_app(store, token=TOKEN, pipeline=StubPipeline()))
    store.close()


def _events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_merged_event_keeps_every_source_and_the_lowest_toll(client: TestClient) -> None:
    body = _events(client, admin1="Kyiv City")
    assert body["total"] == 1
    kyiv = body["events"][0]
    assert set(EVENT_FIELDS) <= set(kyiv)
    assert abs(kyiv["latitude"] - 50.45) < 0.05 and abs(kyiv["longitude"] - 30.52) < 0.05
    assert kyiv["fatalities"] == 2 and kyiv["fatalities_max"] == 3 and kyiv["n_sources"] == 2
    same = client.get(f"/api/events/{kyiv['event_id']}").json()
    assert {s["doc_id"] for s in same["sources"]} == {
        "news/2022-06-26/kyiv-strike.txt",
        "feeds/other-outlet/kyiv-0626",
    }


@pytest.mark.parametrize(
    ("params", "locations"),
    [
        ({}, {"Kyiv", "Lviv", "Kharkiv", "Mogadishu - Hodan", None}),
        ({"country": "Somalia"}, {"Mogadishu - Hodan"}),
        ({"event_type": "Protests"}, {"Lviv"}),
        ({"actor": "SHABAAB"}, {"Mogadishu - Hodan"}),
        ({"bbox": "22,44,41,53"}, {"Kyiv", "Lviv", "Kharkiv"}),
        ({"since": "2022-06-28", "until": "2022-07-02"}, {"Kharkiv", "Lviv"}),
        ({"q": "cruise missiles"}, {None}),
    ],
)
def test_filters_reach_the_store(
    client: TestClient, params: dict[str, str], locations: set[str | None]
) -> None:
    body = _events(client, **params)
    assert {e["location"] for e in body["events"]} == locations
    assert body["total"] == len(body["events"])


def test_pages_of_the_real_store_do_not_overlap(client: TestClient) -> None:
    first = _events(client, limit=3)
    rest = _events(client, limit=3, offset=3)
    ids = [e["event_id"] for e in first["events"] + rest["events"]]
    assert first["total"] == rest["total"] == 5 and len(set(ids)) == 5


def test_documents_with_slashes_and_markup_in_their_ids(client: TestClient) -> None:
    for doc in load_fixture("documents.json"):
        response = client.get("/api/documents/" + quote(doc["doc_id"], safe=""))
        assert response.status_code == 200, doc["doc_id"]
        body = response.json()
        assert body["text"] == doc["text"] and body["title"] == doc["title"]
        assert body["events"], doc["doc_id"]


def test_posted_documents_are_stored_and_served(client: TestClient) -> None:
    doc = {
        "id": "post/odesa",
        "text": "Dockers held a protest in Odesa.",
        "published": "2022-08-01",
    }
    auth = {"Authorization": f"Bearer {TOKEN}"}
    answer = client.post("/api/documents", json=doc, headers=auth)
    assert answer.status_code == 200, answer.text
    assert answer.json()["doc_ids"] == ["post/odesa"]
    assert _events(client)["total"] == 6
    stored = client.get("/api/documents/post/odesa").json()
    assert stored["text"] == doc["text"] and len(stored["events"]) == 1
    again = client.post("/api/documents", json=doc, headers=auth).json()
    assert again["unchanged"] == 1 and _events(client)["total"] == 6


class _Exploding(StubPipeline):
    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        if "boom" in doc.text:
            raise RuntimeError("extractor crashed")
        return super().process(doc, now=now)


def test_a_document_the_pipeline_cannot_process_is_named_in_the_answer(tmp_path: Path) -> None:
    from conflictwire.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'f.db'}")
    client = TestClient(create_app(store, token=TOKEN, pipeline=_Exploding()))
    docs = [{"id": "ok", "text": "A protest."}, {"id": "bad", "text": "boom"}]
    answer = client.post("/api/documents", json=docs, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["doc_ids"] == ["ok", "bad"]
    assert [f["doc_id"] for f in body["failed"]] == ["bad"]
    assert "extractor crashed" in body["failed"][0]["reason"]
    assert client.get("/api/documents/bad").status_code == 404
    store.close()


@pytest.mark.parametrize("offset", [2**63 - 1, 2**63, 10**30])
def test_offsets_at_and_past_the_stores_integers(client: TestClient, offset: int) -> None:
    response = client.get("/api/events", params={"offset": offset})
    if offset < 2**63:
        assert response.status_code == 200, response.text
        assert response.json()["events"] == [] and response.json()["total"] > 0
    else:
        assert response.status_code == 400, response.text
        assert response.json()["detail"].startswith("offset:")


def test_the_store_refuses_an_offset_past_its_integers(store_url: str) -> None:  # noqa: F811
    from conflictwire.store import EventFilter, open_store

    store = open_store(store_url)
    try:
        with pytest.raises(ValueError, match="offset"):
            store.query_events(EventFilter(), offset=2**63)
    finally:
        store.close()
