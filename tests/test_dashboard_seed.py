"""Done-when of issue 8: the seed article and a hostile document, ingested by the real pipeline,
served by the API and shown by the dashboard (the Kyiv strike on the map and in the table)."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from conflictwire.api import create_app
from conflictwire.records import EVENT_FIELDS, Document

from .test_api_fakes import FIXTURES

KYIV = (50.45, 30.52)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seeded(
    seed_article: Path, pipeline: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    from conflictwire.inputs.jsonl import document_from_mapping
    from conflictwire.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}")
    seed = Document(
        doc_id="corpus/seed/article.txt",
        text=seed_article.read_text(encoding="utf-8"),
        published="2022-06-26",
    )
    hostile = document_from_mapping(
        json.loads((FIXTURES / "hostile.jsonl").read_text(encoding="utf-8")), "hostile", None, None
    )
    assert isinstance(hostile, Document)
    store.ingest([seed, hostile], pipeline)
    yield store
    store.close()


def _kyiv_strike(events: list[dict[str, Any]]) -> dict[str, Any]:
    near = [
        e
        for e in events
        if e["latitude"] is not None and _km(e["latitude"], e["longitude"], *KYIV) < 25
    ]
    assert near, [(e["event_type"], e["location"]) for e in events]
    return near[0]


def test_every_endpoint_answers_for_the_seed(seeded: Any) -> None:
    client = TestClient(create_app(seeded))
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["events"]) >= 2
    for event in body["events"]:
        assert set(EVENT_FIELDS) <= set(event)
    kyiv = _kyiv_strike(body["events"])
    assert kyiv["event_type"] == "Explosions/Remote violence"
    one = client.get("/api/events/" + kyiv["event_id"]).json()
    doc = client.get("/api/documents/" + quote(one["sources"][0]["doc_id"], safe="")).json()
    assert kyiv["event_id"] in doc["events"]
    for span in one["sources"][0]["evidence"]:
        assert doc["text"][span["start"] : span["end"]] == span["text"]
    hostile = client.get("/api/documents/" + quote("hostile/<svg onload=alert(1)>.html")).json()
    assert hostile["title"].startswith("<script>")
    assert client.get("/api/events", params={"bbox": "30,50,31,51"}).json()["total"] >= 1
    assert client.get("/api/events", params={"country": "Ukraine"}).json()["total"] >= 2


@pytest.mark.browser
def test_dashboard_shows_the_kyiv_strike_and_keeps_hostile_text_inert(seeded: Any) -> None:
    from .test_dashboard import CHROMIUM, CHROMIUM_ARGS, _free_port, sync_api, uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(seeded), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive()
        time.sleep(0.05)
    dialogs: list[str] = []
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"http://127.0.0.1:{port}/")
            row = page.locator("#events-table tbody tr", has_text="Kyiv City")
            sync_api.expect(row).to_have_count(1)
            assert page.locator("#map circle.point", has_text="Kyiv").count() >= 1
            row.click()
            page.wait_for_selector("#event-view li.source button")
            page.click("#event-view li.source button")
            page.wait_for_selector("#doc-view mark.evidence")
            assert "Kiev" in page.inner_text("#doc-view mark.evidence")
            page.locator("#events-table tbody tr", has_text="Kharkiv").first.click()
            page.wait_for_selector("#event-view li.source button")
            page.click("#event-view li.source button")
            page.wait_for_selector("#doc-view .doc-title")
            assert page.inner_text("#doc-view .doc-title").startswith("<script>window.__pwned")
            assert page.locator("#detail script, #detail img, #detail svg").count() == 0
            assert page.evaluate("window.__pwned") is None
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not dialogs
