"""`conflictwire serve` as a user runs it: a real process on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

SERVE = [sys.executable, "-m", "conflictwire", "serve"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(db: Path, env_token: str | None, *extra: str) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "CONFLICTWIRE_TOKEN"}
    if env_token:
        env["CONFLICTWIRE_TOKEN"] = env_token
    cmd = [*SERVE, "--db", f"sqlite:///{db}", "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                httpx.get(base + "/api/events", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "serve did not answer in 60 s"
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_binds_loopback_and_takes_its_token_from_the_environment(tmp_path: Path) -> None:
    with serving(tmp_path / "a.db", "env-token") as base:
        assert base.startswith("http://127.0.0.1:")
        assert httpx.get(base + "/api/events").json() == {"total": 0, "events": []}
        assert httpx.get(base + "/").status_code == 200
        assert httpx.get(base + "/openapi.json").status_code == 200
        wrong = httpx.post(
            base + "/api/documents",
            json={"id": "a", "text": ""},
            headers={"Authorization": "Bearer other"},
        )
        assert wrong.status_code == 401
        # An id with a percent sign and slashes: decoded once, by the server, not twice.
        odd = "notes/50%25 sure?/a.txt"
        empty = httpx.post(
            base + "/api/documents",
            json={"id": odd, "text": ""},
            headers={"Authorization": "Bearer env-token"},
        )
        assert empty.status_code == 200 and empty.json()["doc_ids"] == [odd]
        stored = httpx.get(base + "/api/documents/" + quote(odd, safe="")).json()
        assert stored["doc_id"] == odd and stored["events"] == []


def test_serve_without_a_token_refuses_writes_and_two_workers_share_the_store(
    tmp_path: Path,
) -> None:
    with serving(tmp_path / "b.db", None, "--workers", "2") as base:
        for _ in range(6):  # whichever worker answers, the same store and settings
            assert httpx.post(base + "/api/documents", json={"text": "x"}).status_code == 403
            assert httpx.get(base + "/api/events?limit=1").status_code == 200
        assert httpx.get(base + "/api/events?since=bad").status_code == 400


def test_serve_runs_on_the_standard_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # uvloop, if installed, would be taken by uvicorn by itself; under load with several
    # workers it left connections unaccepted for seconds, so serve names its loop.
    import uvicorn
    from typer.testing import CliRunner

    from conflictwire.cli import app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append(kwargs))
    db = f"sqlite:///{tmp_path / 'events.db'}"
    for workers in ("1", "2"):
        result = CliRunner().invoke(app, ["serve", "--db", db, "--workers", workers])
        assert result.exit_code == 0, result.output
    assert [c.get("loop") for c in calls] == ["asyncio", "asyncio"]
