"""Throughput on whole news articles (issue 18): ``python bench/throughput.py --articles``.

The corpus is every LGL and GeoVirus article over 300 characters and the real ISAF press
releases in ../shared/eval, each once (about 1,000 documents; no notes, no headlines). In one
run it times plain spaCy (``spacy.load`` of the bundled model with all its components,
``nlp.pipe(texts, n_process=N, batch_size=64)``, N the number of workers) and conflictwire
end to end (the learned classifier in when a model is shipped): in one process the two take
turns over ten slices of the corpus, and with N workers plain spaCy runs before and after
conflictwire, so that a shared machine's changing load falls on both sides alike. It prints
articles/s, the ratio to plain spaCy, 1 -> N scaling, peak RSS of the largest process,
start-up (import and model load in a fresh process, warm cache), whether 1 and N workers give
identical output, and the old mix (notes, headlines) as a second line. Use ``--runs 1``: the
workers of later runs remember verdicts of the first.

``--save-events FILE`` writes the events (without ``updated_at``) and ``--compare-events FILE``
holds this run's events to a saved run's: a speed change must leave them as they were.
``--dask-docs N`` runs N documents made by cycling the corpus under new ids on a Dask
``LocalCluster`` of N workers (100,000 in the issue: about half an hour on two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy

from conflictwire import Document, Pipeline
from conflictwire.events.candidates.triggers import _sentence_triggers
from conflictwire.nlp import MODEL_PACKAGE
from conflictwire.runner import PipelineOptions
from conflictwire.scale import WorkerPool
from throughput import (
    EVAL,
    RssSampler,
    build_corpus,
    children_cpu,
    median_run,
    outcome,
    report_identity,
    run_local,
    run_pool,
    source_digest,
    timed,
)

MIN_CHARS = 300

STARTUP = """
import time
t0 = time.perf_counter()
from conflictwire.runner import Pipeline
t1 = time.perf_counter()
p = Pipeline()
p.warm()
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {p.classifier is not None}")
"""


def build_articles() -> list[Document]:
    """LGL and GeoVirus articles over ``MIN_CHARS`` characters, then the ISAF releases."""
    docs: list[Document] = []
    for folder, name, prefix in (("lgl", "lgl.xml", "lgl"), ("geovirus", "GeoVirus.xml", "gv")):
        root = ET.parse(EVAL / "geo" / folder / name).getroot()
        for i, article in enumerate(root.iter("article")):
            text = article.findtext("text") or ""
            if len(text) > MIN_CHARS:
                docs.append(Document(f"{prefix}-{article.get('docid') or i}", text))
    releases = EVAL / "isaf-press-releases" / "isaf-dev.jsonl"
    with releases.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if raw.strip():
                docs.append(Document(f"isaf-{lineno:04d}", json.loads(raw)["text"]))
    return docs


def startup() -> str:
    """Import and model load of a fresh process, the second of two runs (a warm cache)."""
    out = ""
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True
        )
        out = done.stdout.strip()
    imported, loaded, classifier = out.split()
    return (
        f"start-up (fresh process, warm cache): import {float(imported):.2f} s, "
        f"models load {float(loaded):.2f} s (classifier loaded: {classifier})"
    )


def rate(label: str, docs: int, words: int, wall: float, base: float | None = None) -> str:
    ratio = f"  x{base / wall:5.2f} vs plain spaCy" if base else ""
    return f"{label:<34} {docs / wall:7.1f} articles/s {words / wall:8.0f} words/s{ratio}"


SLICES = 10


def fresh_pipeline() -> Pipeline:
    """A pipeline with its models loaded and nothing remembered: a second run over the same
    texts must not read the first run's verdicts and triggers from memory."""
    _sentence_triggers.cache_clear()
    local = Pipeline()
    local.warm()
    local.process_items([Document("warm", "Police said two people were injured.")], now="warm")
    return local


def interleaved_one(
    nlp: Any, docs: list[Document], runs: int
) -> tuple[dict[str, float], list[Any], bool]:
    """Plain ``nlp.pipe`` and conflictwire in one process, taking turns slice by slice (every
    ``SLICES``-th document in each): a neighbour's load that comes and goes over a run then
    falls on both sides alike, where two whole runs one after the other can differ by a third
    on a shared machine. Returns summed wall and CPU seconds and conflictwire's results in
    input order."""
    totals = dict.fromkeys(("spacy_one", "spacy_cpu", "wall1", "cpu1"), 0.0)
    results: list[Any] = [None] * len(docs)
    for _ in range(runs):
        local = fresh_pipeline()
        for k in range(SLICES):
            part = docs[k::SLICES]
            texts = [d.text for d in part]
            wall, cpu, _ = timed(lambda: deque(nlp.pipe(texts, batch_size=64), maxlen=0))  # noqa: B023
            totals["spacy_one"] += wall / runs
            totals["spacy_cpu"] += cpu / runs
            wall, cpu, out = timed(lambda: run_local(local, part))  # noqa: B023 (run now)
            totals["wall1"] += wall / runs
            totals["cpu1"] += cpu / runs
            results[k::SLICES] = out
    return totals, results, local.classifier is not None


def measure(docs: list[Document], workers: int, runs: int) -> dict[str, Any]:
    """Plain spaCy and conflictwire over ``docs``: seconds, outputs and peak RSS. With
    ``workers``, plain spaCy runs before and after conflictwire (their mean is the base), for
    the reason ``interleaved_one`` gives."""
    texts = [d.text for d in docs]
    nlp = spacy.load(MODEL_PACKAGE)
    deque(nlp.pipe(texts[:20]), maxlen=0)
    m: dict[str, Any] = {}
    totals, m["out1"], m["classifier"] = interleaved_one(nlp, docs, runs)
    m.update(totals)

    def plain_many() -> float:
        pipe = lambda: deque(nlp.pipe(texts, n_process=workers, batch_size=64), maxlen=0)  # noqa: E731
        return median_run(pipe, runs)[0]

    before = plain_many()
    with RssSampler() as rss, WorkerPool(workers, PipelineOptions()) as pool:
        pool.warm()
        cpu_before = children_cpu()
        m["wall_n"], _, m["out_n"] = median_run(lambda: run_pool(pool, docs), runs)
        m["workers_cpu"] = (children_cpu() - cpu_before) / runs
    m["spacy_many"] = (before + plain_many()) / 2
    m["largest_worker_mb"] = rss.largest_child_mb
    m["bench_mb"] = rss.root_mb
    return m


def report(name: str, docs: list[Document], workers: int, m: dict[str, Any]) -> None:
    words = sum(len(d.text.split()) for d in docs)
    n = len(docs)
    print(f"{name}: {n} documents, {words} words ({words / n:.0f} a document)")
    print(rate("plain spaCy, 1 process", n, words, m["spacy_one"]))
    print(rate(f"plain spaCy, n_process={workers}", n, words, m["spacy_many"]))
    print(rate("conflictwire, 1 process", n, words, m["wall1"], m["spacy_one"]))
    print(rate(f"conflictwire, {workers} workers", n, words, m["wall_n"], m["spacy_many"]))
    print(
        f"CPU time, one process: plain spaCy {m['spacy_cpu']:.1f} s, conflictwire "
        f"{m['cpu1']:.1f} s: x{m['spacy_cpu'] / m['cpu1']:.2f}; {workers} workers' CPU "
        f"{m['workers_cpu']:.1f} s in all (with free cores: scaling "
        f"x{workers * m['cpu1'] / m['workers_cpu']:.2f})"
    )
    print(
        f"scaling 1 -> {workers} workers: conflictwire x{m['wall1'] / m['wall_n']:.2f}, "
        f"plain spaCy x{m['spacy_one'] / m['spacy_many']:.2f} (wall)"
    )
    print(
        f"peak RSS: largest worker {m['largest_worker_mb']:.0f} MB (bench process, which also "
        f"holds plain spaCy and every result: {m['bench_mb']:.0f} MB); "
        f"classifier in: {m['classifier']}"
    )


def event_lines(results: list[Any]) -> list[str]:
    return [json.dumps(row, sort_keys=True, default=str) for row in outcome(results)]


def check_events(args: argparse.Namespace, results: list[Any]) -> None:
    lines = event_lines(results)
    if args.save_events:
        Path(args.save_events).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"events saved to {args.save_events}")
    if args.compare_events:
        saved = Path(args.compare_events).read_text(encoding="utf-8").splitlines()
        differing = [a for a, b in zip(lines, saved, strict=False) if a != b]
        same = not differing and len(lines) == len(saved)
        print(
            f"events identical to {args.compare_events}: {same} ({len(differing)} documents differ)"
        )
        for row in differing[:3]:
            print(f"  now: {row[:300]}")


def cycled(docs: list[Document], total: int) -> Iterator[Document]:
    """``total`` documents made by cycling ``docs`` under new ids."""
    for i in range(total):
        doc = docs[i % len(docs)]
        yield Document(f"{doc.doc_id}#{i // len(docs)}", doc.text)


def dask_run(docs: list[Document], total: int, workers: int) -> None:
    pipeline = Pipeline()
    start = time.perf_counter()
    events = 0
    with RssSampler(interval=1.0) as rss:
        for result in pipeline.run(cycled(docs, total), workers=workers, scheduler="local"):
            events += len(getattr(result, "events", ()))
    wall = time.perf_counter() - start
    print(
        f"Dask LocalCluster, {workers} workers, {total} documents: {total / wall:.1f} "
        f"articles/s, {wall:.0f} s, {events} events, peak RSS largest process "
        f"{rss.largest_mb:.0f} MB"
    )


def run_articles(args: argparse.Namespace) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print(startup())
    docs = build_articles()
    if args.limit:  # a quick look: a sample spread over the three sources
        docs = docs[:: max(1, len(docs) // args.limit)][: args.limit]
    digest = source_digest()
    m = measure(docs, args.workers, args.runs)
    report("whole articles (LGL, GeoVirus, ISAF)", docs, args.workers, m)
    report_identity(
        outcome(m["out1"]), outcome(m["out_n"]), args.workers, digest != source_digest()
    )
    check_events(args, m["out1"])
    if not args.no_mix:
        mix = build_corpus(args.lgl, args.notes)
        mixed = measure(mix, args.workers, 1)
        words = sum(len(d.text.split()) for d in mix)
        print(
            rate(
                f"old mix ({len(mix)} docs), {args.workers} workers",
                len(mix),
                words,
                mixed["wall_n"],
                mixed["spacy_many"],
            )
        )
    if args.dask_docs:
        dask_run(docs, args.dask_docs, args.workers)
    print(f"wall times: median of {args.runs} runs")
