"""Ingest throughput of the event store on SQLite and PostgreSQL.

    python bench/ingest_bench.py [--docs 10000] [--real 200] [--pg-url postgresql://...]

Generated short reports (``conflictwire.store.synthetic``) with their events prepared, so the
first figures measure the store alone: storing, fusing and committing. A second figure runs the
real NLP pipeline on fewer documents. PostgreSQL is measured when ``--pg-url`` or
``CONFLICTWIRE_TEST_PG_URL`` names a reachable server (``.ci/postgres.sh`` starts one).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

from conflictwire.records import Document
from conflictwire.runner import Pipeline
from conflictwire.store.base import Processor
from conflictwire.store.sql import SqlStore, drop_store
from conflictwire.store.synthetic import PreparedPipeline, synthetic_reports


def _fresh(url: str) -> SqlStore:
    if url.startswith("postgresql"):
        drop_store(url)
    return SqlStore(url)


def _run(label: str, url: str, docs: list[Document], pipeline: Processor, batch: int) -> None:
    store = _fresh(url)
    start, cpu = time.perf_counter(), time.process_time()
    report = store.ingest(docs, pipeline, batch_size=batch)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    counts = store.counts()
    again = time.perf_counter()
    store.ingest(docs, pipeline, batch_size=batch)
    rerun = time.perf_counter() - again
    print(
        f"{label:<26} {len(docs):>6} docs {took:7.2f} s {len(docs) / took:7.0f} docs/s"
        f" (this process's CPU: {len(docs) / cpu:5.0f} docs/s)"
        f"  | {report.events} events -> {counts['events']} merged"
        f"  | re-ingest (unchanged) {len(docs) / rerun:8.0f} docs/s"
    )
    store.close()


def _pg_url(arg: str | None) -> str | None:
    url = arg or os.environ.get("CONFLICTWIRE_TEST_PG_URL")
    if not url:
        return None
    try:
        SqlStore(url).close()
    except Exception as exc:
        print(f"PostgreSQL at {url} unreachable ({type(exc).__name__}); skipped", file=sys.stderr)
        return None
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--real", type=int, default=200, help="documents for the NLP figure")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--pg-url")
    args = parser.parse_args()
    docs = list(synthetic_reports(args.docs))
    plain = [dataclasses.replace(d, metadata={}) for d in docs[: args.real]]
    pg = _pg_url(args.pg_url)
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}")]
        if pg:
            targets.append(("postgresql", pg))
        for name, url in targets:
            _run(f"{name}, store alone", url, docs, PreparedPipeline(), args.batch_size)
        targets[0] = ("sqlite", f"sqlite:///{Path(tmp) / 'bench-nlp.db'}")
        if args.real:
            pipeline = Pipeline()
            pipeline.process(plain[0])  # load the models outside the timing
            start = time.perf_counter()
            for first in range(0, len(plain), args.batch_size):  # batched, as ingest runs it
                pipeline.process_items(plain[first : first + args.batch_size])
            took = time.perf_counter() - start
            print(f"{'NLP pipeline alone':<26} {len(plain):>6} docs {took:7.2f} s "
                  f"{len(plain) / took:7.0f} docs/s")  # fmt: skip
            for name, url in targets:
                _run(f"{name}, real pipeline", url, plain, pipeline, args.batch_size)
        if pg:
            drop_store(pg)


if __name__ == "__main__":
    main()
