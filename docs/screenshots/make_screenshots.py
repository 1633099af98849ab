"""Takes the README's dashboard screenshots with Debian's Chromium (run from the repository root).

    python docs/screenshots/make_screenshots.py

Data: the API test fixtures (tests/fixtures/api: the Kyiv strike told by two outlets, a hostile
document, ...) plus a few hundred synthetic events from bench/api_load.py, in a temporary store.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from tests.test_api_fakes import FixturePipeline, fixture_documents, load_fixture  # noqa: E402
from tests.test_dashboard import CHROMIUM, CHROMIUM_ARGS, _free_port  # noqa: E402

from api_load import ReplayPipeline, synthetic_documents  # noqa: E402
from conflictwire.api import create_app  # noqa: E402
from conflictwire.store import EventFilter, open_store  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'shots.db'}")
        store.ingest(fixture_documents(), FixturePipeline(load_fixture("events.json")))
        docs, events = synthetic_documents(400, seed=3, first_day="2022-05-25", days=45)
        store.ingest(docs, ReplayPipeline(events))
        _, found = store.query_events(EventFilter(admin1="Kyiv City", q="residential"), 1, 0)
        kyiv = found[0]
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store), port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}/?country=Ukraine"
        doc = kyiv["sources"][-1]["doc_id"]
        index = len(kyiv["sources"]) - 1
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                page.goto(base)
                page.wait_for_selector("#map circle.point")
                page.wait_for_timeout(500)
                page.screenshot(path=str(OUT / "dashboard.png"))
                page.goto(f"{base}#event={kyiv['event_id']}&doc={doc}&src={index}")
                page.wait_for_selector("#doc-view mark.evidence")
                # Unfold the scrolling side panel so the picture shows the event and document whole.
                page.evaluate(
                    "() => Object.assign(document.getElementById('detail').style,"
                    " {contain: 'none', overflow: 'visible', maxHeight: 'none'})"
                )
                page.wait_for_timeout(300)
                page.locator("#detail").screenshot(path=str(OUT / "event.png"))
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            store.close()


if __name__ == "__main__":
    main()
