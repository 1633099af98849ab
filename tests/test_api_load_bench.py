"""``bench/api_load.py`` measures what issue 17 asks: in its closed loop each client sends its next
request when answered, and a latency is the server's time to answer, not a wait in the load
generator's own queue."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import socket
import statistics
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "api_load.py"
DELAY = 0.05  # how long the stand-in server takes to answer each request


@pytest.fixture(scope="module")
def api_load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_load", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _slow_server(in_flight: list[int]) -> asyncio.Server:
    """Answers every GET with a small page after ``DELAY``; records requests in flight."""
    body = b'{"total":0,"events":[]}'
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body)

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                in_flight[0] += 1
                in_flight[1] = max(in_flight[1], in_flight[0])
                await asyncio.sleep(DELAY)
                in_flight[0] -= 1
                writer.write(head + body)
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    return await asyncio.start_server(serve, "127.0.0.1", 0)


def _run(
    api_load: ModuleType, concurrency: int, duration: float
) -> tuple[dict[str, Any], list[int]]:
    async def main() -> tuple[dict[str, Any], list[int]]:
        in_flight = [0, 0]
        server = await _slow_server(in_flight)
        port = server.sockets[0].getsockname()[1]
        async with server:
            result = await api_load.run_load(
                f"http://127.0.0.1:{port}", 0, duration, concurrency, 1000
            )
        return result, in_flight

    return asyncio.run(main())


def test_closed_loop_latency_is_the_servers_time_to_answer(api_load: ModuleType) -> None:
    result, in_flight = _run(api_load, concurrency=8, duration=1.0)
    assert not result["errors"]
    assert in_flight[1] == 8  # every client busy, never more requests than clients
    # Each answer takes DELAY at the server: a client's latency is that, plus loopback noise.
    # (Counting a wait in a queue of the generator's own would make it about twice as long.)
    assert statistics.median(result["latencies"]) < 1.5 * DELAY
    # 8 clients, each about 1 s / DELAY requests.
    assert 0.6 * 8 / DELAY <= result["ok"] <= 8 / DELAY + 8
    assert result["sent"] == result["ok"]


def test_open_loop_holds_the_rate_and_counts_from_when_a_request_was_due(
    api_load: ModuleType,
) -> None:
    async def main() -> dict[str, Any]:
        server = await _slow_server([0, 0])
        port = server.sockets[0].getsockname()[1]
        async with server:
            result: dict[str, Any] = await api_load.run_load(
                f"http://127.0.0.1:{port}", 40, 1.0, 4, 1000
            )
        return result

    result = asyncio.run(main())
    assert not result["errors"]
    assert 38 <= result["sent"] == result["ok"] <= 42  # 40 requests/s for 1 s
    assert min(result["latencies"]) >= DELAY


def test_connections_per_worker_counts_the_servers_side(api_load: ModuleType) -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("needs Linux /proc")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        accepted = [listener.accept()[0] for _ in range(3)]
        try:
            # This process holds both ends; only the accepted ones are on the server's port.
            assert api_load.connections_per_worker(os.getpid(), port) == [3]
        finally:
            for s in clients + accepted:
                s.close()
