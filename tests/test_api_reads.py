"""What keeps ``GET /api/events`` quick under load: a SQLite store read on the event loop itself
(no thread switch, no threads contending for the GIL), any other store in a worker thread; the
start-up objects out of the garbage collector's full passes while serving."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conflictwire.api import create_app
from conflictwire.store import open_store

from .test_api_fakes import FixturePipeline, fixture_documents, fixture_store, load_fixture


def _spy(monkeypatch: pytest.MonkeyPatch, store: Any, method: str) -> list[str]:
    """Names of the threads that call ``store.method``."""
    seen: list[str] = []
    original = getattr(store, method)

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(store, method, spy)
    return seen


def _loop_thread(client: TestClient) -> str:
    """The name of the thread running the app's event loop."""
    names: list[str] = []

    def probe() -> None:
        names.append(threading.current_thread().name)

    assert client.portal is not None
    client.portal.call(_async_call, probe)
    return names[0]


async def _async_call(fn: Any) -> None:
    fn()


def test_a_sqlite_page_is_read_on_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    store.ingest(fixture_documents(), FixturePipeline(load_fixture("events.json")))
    seen = _spy(monkeypatch, store, "query_events_json")
    with TestClient(create_app(store)) as client:
        loop = _loop_thread(client)
        queries: list[dict[str, str | int]] = [
            {},
            {"country": "Ukraine"},
            {"q": "kyiv", "limit": 2},
        ]
        for params in queries:
            response = client.get("/api/events", params=params)
            assert response.status_code == 200, response.text
    assert len(seen) == 3
    assert set(seen) == {loop}
    store.close()


def test_a_store_without_in_process_reads_is_read_in_a_worker_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = fixture_store()  # stands for a store across the network: no `reads_in_process`
    assert not getattr(store, "reads_in_process", False)
    seen = _spy(monkeypatch, store, "query_events")
    with TestClient(create_app(store)) as client:  # type: ignore[arg-type]
        loop = _loop_thread(client)
        response = client.get("/api/events", params={"limit": 2})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == len(load_fixture("events.json"))
    assert len(seen) == 1 and seen[0] != loop


def test_start_up_objects_are_frozen_out_of_full_collections_while_serving() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    with TestClient(create_app(fixture_store())) as client:  # type: ignore[arg-type]
        frozen = gc.get_freeze_count()
        assert client.get("/api/events").status_code == 200
    # The modules and tables loaded so far are all long-lived: thousands of objects at least.
    assert frozen > 10_000
    assert gc.get_freeze_count() == 0  # given back when the app stops


def test_the_events_query_is_documented_parameter_by_parameter() -> None:
    client = TestClient(create_app(fixture_store()))  # type: ignore[arg-type]
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert list(params) == [
        *("since", "until", "event_type", "sub_event_type", "actor", "country", "admin1"),
        *("bbox", "q", "limit", "offset"),
    ]
    assert all(p["in"] == "query" and not p["required"] for p in params.values())
    assert params["since"]["description"] == "first day, YYYY-MM-DD (inclusive)"
    assert params["limit"]["schema"]["maximum"] == 1000
    assert params["offset"]["schema"]["maximum"] == 2**63 - 1
