"""Crash safety: an ingest killed with SIGKILL at any moment, run again, ends as a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conflictwire.store.sql import SqlStore
from conflictwire.store.synthetic import PreparedPipeline, synthetic_reports

from .store_support import comparable

N_DOCS = 1500
WORKER = """
import sys
from conflictwire.store.sql import SqlStore
from conflictwire.store.synthetic import PreparedPipeline, synthetic_reports
store = SqlStore(sys.argv[1])
store.ingest(synthetic_reports(int(sys.argv[2])), PreparedPipeline(delay=0.002), batch_size=40)
"""


def _ingest_until_killed(url: str, store: SqlStore, at_least: int) -> int:
    """Start an ingest in a child process, SIGKILL it once ``at_least`` documents are stored."""
    child = subprocess.Popen([sys.executable, "-c", WORKER, url, str(N_DOCS)])
    deadline = time.monotonic() + 120
    try:
        while store.counts()["documents"] < at_least:
            assert child.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest made no progress"
            time.sleep(0.01)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    return store.counts()["documents"]


def test_killed_ingest_rerun_equals_a_clean_run(store_url: str, tmp_path: Path) -> None:
    clean = SqlStore(f"sqlite:///{tmp_path / 'clean.db'}")
    clean.ingest(synthetic_reports(N_DOCS), PreparedPipeline(), batch_size=500)
    store = SqlStore(store_url)
    first = _ingest_until_killed(store_url, store, 300)
    # Killed again while resuming: the second run starts from what the first committed.
    second = _ingest_until_killed(store_url, store, first + 300)
    assert 300 <= first < second < N_DOCS
    report = store.ingest(synthetic_reports(N_DOCS), PreparedPipeline(), batch_size=64)
    assert report.unchanged == second
    assert report.documents == N_DOCS - second
    assert store.counts() == clean.counts()
    assert comparable(store) == comparable(clean)
