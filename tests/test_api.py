"""The JSON API of CONTRACT.md ("serve") over an in-memory store: shapes, filters, errors, auth."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from conflictwire.api import create_app
from conflictwire.records import EVENT_FIELDS

from .test_api_fakes import FakeStore, StubPipeline, fixture_store

TOKEN = "s3cret-token"
KYIV = "cw-0a1b2c3d4e5f6071"
HOSTILE_DOC = "hostile/<img src=x onerror=alert(1)>.txt"


@pytest.fixture()
def store() -> FakeStore:
    return fixture_store()


@pytest.fixture()
def client(store: FakeStore) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, pipeline=StubPipeline()))


def _ids(body: dict[str, Any]) -> set[str]:
    return {e["event_id"] for e in body["events"]}


def test_events_page_has_total_and_full_records(client: TestClient) -> None:
    response = client.get("/api/events")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 5 and len(body["events"]) == 5
    for event in body["events"]:
        assert set(EVENT_FIELDS) <= set(event)
        assert event["sources"], event["event_id"]


def test_limit_and_offset_page_through_all_events(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 5, 2):
        body = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert body["total"] == 5
        seen += [e["event_id"] for e in body["events"]]
    assert len(seen) == len(set(seen)) == 5
    assert client.get("/api/events", params={"limit": 0}).json() == {"total": 5, "events": []}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"since": "2022-06-27"},
            {"cw-2c3d4e5f60718293", "cw-3d4e5f6071829304", "cw-4e5f607182930415"},
        ),
        ({"until": "2022-06-25"}, {"cw-1b2c3d4e5f607182"}),
        ({"event_type": "Protests"}, {"cw-3d4e5f6071829304"}),
        ({"sub_event_type": "Armed clash"}, {"cw-2c3d4e5f60718293"}),
        ({"actor": "al shabaab"}, {"cw-2c3d4e5f60718293"}),
        ({"actor": "civilians (ukraine)"}, {KYIV, "cw-4e5f607182930415"}),
        ({"country": "Somalia"}, {"cw-2c3d4e5f60718293"}),
        ({"admin1": "Kyiv City"}, {KYIV}),
        ({"bbox": "30,50,31,51"}, {KYIV}),
        ({"q": "bomb shelters"}, {"cw-3d4e5f6071829304"}),
        ({"country": "Ukraine", "since": "2022-06-26", "until": "2022-06-26"}, {KYIV}),
    ],
)
def test_filters_select_the_matching_events(
    client: TestClient, params: dict[str, str], expected: set[str]
) -> None:
    body = client.get("/api/events", params=params).json()
    assert _ids(body) == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"since": "2022-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2022-07-01", "until": "2022-06-01"}, "since"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "30,51,31,50"}, "bbox"),
        ({"bbox": "0,0,200,10"}, "bbox"),
        ({"bbox": "nan,0,1,1"}, "bbox"),
        ({"limit": "1001"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-5"}, "offset"),
        ({"offset": str(2**63)}, "offset"),
        ({"offset": "1" + "0" * 40}, "offset"),
        ({"q": "x" * 501}, "q"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(
    client: TestClient, params: dict[str, str], names: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith(names + ":"), response.json()


def test_one_event_carries_every_source_with_its_claims(client: TestClient) -> None:
    event = client.get(f"/api/events/{KYIV}").json()
    assert event["n_sources"] == 2 and event["fatalities"] == 2
    claims = {s["doc_id"]: s["fatalities"] for s in event["sources"]}
    assert claims == {"news/2022-06-26/kyiv-strike.txt": 2, "feeds/other-outlet/kyiv-0626": 3}
    assert client.get("/api/events/cw-nope").status_code == 404


@pytest.mark.parametrize(
    "doc_id",
    ["news/2022-06-26/kyiv-strike.txt", "feeds/other-outlet/kyiv-0626", HOSTILE_DOC],
)
def test_documents_are_addressable_even_with_slashes(client: TestClient, doc_id: str) -> None:
    for path in (quote(doc_id, safe=""), quote(doc_id, safe="/")):
        response = client.get(f"/api/documents/{path}")
        assert response.status_code == 200, (path, response.text)
        doc = response.json()
        assert doc["doc_id"] == doc_id
        assert set(doc) == {"doc_id", "title", "url", "source", "published", "text", "events"}
        for event_id in doc["events"]:
            event = client.get(f"/api/events/{event_id}").json()
            spans = [
                s for src in event["sources"] if src["doc_id"] == doc_id for s in src["evidence"]
            ]
            assert spans and all(doc["text"][s["start"] : s["end"]] == s["text"] for s in spans)


@pytest.mark.parametrize(
    "doc_id", ["/var/news/a.txt", "https://example.org/news/a?id=3#top", "dir//a b.txt"]
)
def test_odd_document_ids_survive_the_url(
    store: FakeStore, client: TestClient, doc_id: str
) -> None:
    store.documents[doc_id] = {"doc_id": doc_id, "text": "x"}
    response = client.get("/api/documents/" + quote(doc_id, safe=""))
    assert response.status_code == 200 and response.json()["doc_id"] == doc_id
    assert client.get("/api/documents/no/such/doc").status_code == 404


def test_posting_documents_needs_the_right_token(client: TestClient, store: FakeStore) -> None:
    doc = {"id": "post/1", "text": "A protest in Lviv.", "published": "2022-07-03"}
    assert client.post("/api/documents", json=doc).status_code == 401
    wrong = client.post("/api/documents", json=doc, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "WWW-Authenticate" in wrong.headers
    assert store.ingested == []
    ok = client.post("/api/documents", json=doc, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["doc_ids"] == ["post/1"] and ok.json()["events"] == 1
    assert [d.doc_id for d in store.ingested] == ["post/1"]
    assert client.get("/api/documents/post/1").json()["events"]


def test_posting_a_list_and_documents_without_ids(client: TestClient, store: FakeStore) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    docs = [{"text": "Quiet day."}, {"url": "https://example.org/p", "html": "<p>protest</p>"}]
    first = client.post("/api/documents", json=docs, headers=auth).json()
    again = client.post("/api/documents", json=docs, headers=auth).json()
    assert first["doc_ids"] == again["doc_ids"]
    assert first["doc_ids"][1] == "https://example.org/p"
    assert first["doc_ids"][0].startswith("api-")


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "not JSON"),
        (b"[]", "empty"),
        (b"[1]", "document 0"),
        (b'{"text": 5}', "document 0"),
    ],
)
def test_bad_bodies_are_refused_whole(
    client: TestClient, store: FakeStore, body: bytes, fragment: str
) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = client.post("/api/documents", content=body, headers=headers)
    assert response.status_code == 400 and fragment in response.json()["detail"]
    assert store.ingested == []


def test_without_a_configured_token_posting_is_forbidden() -> None:
    client = TestClient(create_app(fixture_store(), token=None, pipeline=StubPipeline()))
    response = client.post(
        "/api/documents", json={"id": "x", "text": "protest"}, headers={"Authorization": "Bearer "}
    )
    assert response.status_code == 403
    assert client.get("/api/events").status_code == 200


def test_every_answer_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api/events", "/static/app.js", "/api/events/cw-nope"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_dashboard_and_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/", "/docs"):
        page = client.get(path)
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert (
            "http://" not in page.text and "https://" not in page.text and "//cdn" not in page.text
        )
    spec = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents/{doc_id}",
        "/api/documents",
    } <= set(spec["paths"])
    for asset in (
        "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
        "/static/vendor/world-atlas/countries-50m.json",
        "/static/vendor/world-atlas/LICENSE",
    ):
        assert client.get(asset).status_code == 200, asset


def test_oversized_documents_and_bodies_are_refused(
    client: TestClient, store: FakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conflictwire.api import routes

    monkeypatch.setattr(routes, "DEFAULT_MAX_DOC_BYTES", 100)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = client.post("/api/documents", json={"id": "big", "text": "x" * 101}, headers=auth)
    assert big.status_code == 413 and "document 0" in big.json()["detail"]
    monkeypatch.setattr(routes, "MAX_BODY_BYTES", 50)
    body = client.post("/api/documents", json={"id": "b", "text": "y" * 60}, headers=auth)
    assert body.status_code == 413
    assert store.ingested == []
