"""Throughput and memory of end-to-end extraction against plain spaCy, in one run.

    python bench/throughput.py                 # LGL + ACLED notes + UCDP headlines
    python bench/throughput.py --lgl 200 --runs 1 --stream-mb 100,400
    python bench/throughput.py --articles      # whole news articles (throughput_articles.py)

On the same articles it times plain ``nlp.pipe`` of the bundled en_core_web_sm, then
conflictwire end to end (cheap checks on) in one process and with a pool of 2 workers (median
of ``--runs``), and once with the cheap checks off (every document parsed whole, every spaCy
component). It prints documents/s, words/s, the ratio to plain spaCy, scaling from 1 to 2
workers, peak RSS of the largest process, whether 1 and 2 workers give identical output, and
how many events the cheap checks lose against the full parse. ``--stream-mb`` streams generated
JSONL files of those sizes through ``conflictwire extract --workers 2`` and prints each run's
peak RSS: flat memory means it does not grow with the input.

The corpus is read from ../shared/eval (measurement data, never copied into the project).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import spacy

from conflictwire import Document, Pipeline, ReadFailure
from conflictwire.nlp import MODEL_PACKAGE
from conflictwire.nlp.prefilter import DEFAULT_CONTEXT
from conflictwire.runner import PipelineOptions, utc_now
from conflictwire.scale import WorkerPool

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def build_corpus(lgl: int, notes: int) -> list[Document]:
    """General local news (LGL, mostly no conflict) with a share of conflict notes/headlines."""
    docs: list[Document] = []
    root = ET.parse(EVAL / "geo" / "lgl" / "lgl.xml").getroot()
    for article in root.findall("article")[:lgl]:
        docs.append(Document(f"lgl-{article.get('docid')}", article.findtext("text") or ""))
    for name in ("ukraine-dev.csv", "somalia-dev.csv"):
        with open(EVAL / "acled" / name, encoding="utf-8") as handle:
            for i, row in zip(range(notes), csv.DictReader(handle), strict=False):
                docs.append(Document(f"acled-{name[:3]}-{i}", row["notes"]))
    with open(EVAL / "ucdp-ged-ukraine" / "UCDP-Ukraine.csv", encoding="cp1252") as handle:
        for i, row in zip(range(notes), csv.DictReader(handle), strict=False):
            docs.append(Document(f"ucdp-{i}", row["source_headline"].replace(";", ". ")))
    random.Random(9).shuffle(docs)  # conflict texts spread through the stream, as in a feed
    return docs


class RssSampler:
    """Peak RSS per process of this process tree, sampled every ``interval`` seconds."""

    def __init__(self, root: int | None = None, interval: float = 0.2) -> None:
        self.root = psutil.Process(root or os.getpid())
        self.interval = interval
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for proc in procs:
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), rss)
            self._stop.wait(self.interval)

    @property
    def largest_mb(self) -> float:
        return max(self.peak.values(), default=0) / 2**20

    @property
    def largest_child_mb(self) -> float:
        children = [rss for pid, rss in self.peak.items() if pid != self.root.pid]
        return max(children, default=0) / 2**20

    @property
    def root_mb(self) -> float:
        return self.peak.get(self.root.pid, 0) / 2**20


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def outcome(results: list[Any]) -> list[Any]:
    shown = []
    for r in results:
        if isinstance(r, ReadFailure):
            shown.append(("failure", r.name))
        else:
            events = [{k: v for k, v in e.to_dict().items() if k != "updated_at"} for e in r.events]
            shown.append((r.doc.doc_id, r.skipped, events))
    return shown


def event_keys(results: list[Any]) -> dict[tuple[Any, ...], dict[str, Any]]:
    """Events by what makes them the same happening: document, sub-type, first evidence span."""
    keys = {}
    for r in results:
        for e in getattr(r, "events", ()):
            first = e.evidence[0] if e.evidence else None
            key = (e.doc_id, e.sub_event_type, first.start if first else None)
            keys[key] = {
                k: v for k, v in e.to_dict().items() if k not in ("updated_at", "event_id")
            }
    return keys


def line(label: str, docs: int, words: int, wall: float, base: float | None = None) -> str:
    ratio = f"  x{base / wall:5.2f} vs plain spaCy" if base else ""
    rate = f"{docs / wall:7.1f} docs/s {words / wall:8.0f} words/s"
    return f"{label:<32} {rate} {wall:7.1f} s{ratio}"


def cpu_line(cpu: float, base: float) -> str:
    # On a shared machine wall time moves with the neighbours; a process's CPU time does not.
    return f"{'':32} CPU {cpu:7.1f} s   x{base / cpu:5.2f} vs plain spaCy's CPU time"


def run_local(pipeline: Pipeline, docs: list[Document]) -> list[Any]:
    return list(pipeline.run(docs))


def run_pool(pool: WorkerPool, docs: list[Document]) -> list[Any]:
    return list(pool.run(docs, now=utc_now()))


def children_cpu() -> float:
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def median_run(fn: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    walls, cpus, out = [], [], []
    for _ in range(runs):
        wall, cpu, out = timed(fn)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), out


def throughput(args: argparse.Namespace) -> None:
    docs = build_corpus(args.lgl, args.notes)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(docs)} documents, {words} words, {sum(map(len, texts)) / 1e6:.1f} MB")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    digest = source_digest()
    # A pipeline of its own, stock components and all: the one the pipeline loads has faster
    # equivalents of two of them, and sharing it would also warm the pipeline's caches on
    # the very texts it is then timed on.
    nlp = spacy.load(MODEL_PACKAGE)
    list(nlp.pipe(texts[:20]))
    spacy_wall, spacy_cpu, _ = median_run(lambda: deque(nlp.pipe(texts), maxlen=0), args.runs)
    print(line("plain en_core_web_sm nlp.pipe", len(docs), words, spacy_wall))
    print(f"{'':32} CPU {spacy_cpu:7.1f} s")

    local = Pipeline(context=args.context)
    local.process_items(docs[:20], now="warm")
    wall1, cpu1, out1 = median_run(lambda: run_local(local, docs), args.runs)
    print(line("conflictwire, 1 process", len(docs), words, wall1, spacy_wall))
    print(cpu_line(cpu1, spacy_cpu))

    with (
        RssSampler() as rss,
        WorkerPool(args.workers, PipelineOptions(context=args.context)) as pool,
    ):
        pool.warm()
        before = children_cpu()
        wall2, _, out2 = median_run(lambda: run_pool(pool, docs), args.runs)
        workers_cpu = (children_cpu() - before) / args.runs
    print(line(f"conflictwire, {args.workers} workers", len(docs), words, wall2, spacy_wall))
    print(f"scaling 1 -> {args.workers} workers: x{wall1 / wall2:.2f} (wall)")
    # On a loaded machine the workers get less than their cores; what they did need tells
    # how the work splits: equal CPU in all means no parallel overhead.
    share = workers_cpu / (wall2 * args.workers)
    print(
        f"{'':32} workers' CPU {workers_cpu:.1f} s in all vs {cpu1:.1f} s in one process; "
        f"they got {share:.0%} of {args.workers} cores; with free cores: "
        f"x{args.workers * cpu1 / workers_cpu:.2f}"
    )
    print(
        f"peak RSS with {args.workers} workers: largest worker {rss.largest_child_mb:.0f} MB "
        f"(this bench process, which also holds plain spaCy and every result: {rss.root_mb:.0f} MB)"
    )
    report_identity(outcome(out1), outcome(out2), args.workers, digest != source_digest())

    if not args.skip_full:
        full = Pipeline(prefilter=False)
        wall_full, cpu_full, out_full = timed(lambda: run_local(full, docs))
        print(line("conflictwire, no cheap checks", len(docs), words, wall_full, spacy_wall))
        print(cpu_line(cpu_full, spacy_cpu))
        compare_full(out1, out_full)


def source_digest() -> str:
    """The package's code as this process would import it now (workers import it later)."""
    import conflictwire

    digest = hashlib.sha256()
    for path in sorted(Path(conflictwire.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def report_identity(one: list[Any], many: list[Any], workers: int, code_moved: bool) -> None:
    same = one == many
    print(f"output identical, 1 process vs {workers} workers: {same}")
    if code_moved:
        print("  (the package's source changed during the run: the workers run other code)")
    for a, b in zip(one, many, strict=True):
        if a != b:
            fields = sorted(
                {k for e, f in zip(a[2], b[2], strict=False) for k in e if e[k] != f.get(k)}
            )
            print(f"  first difference: document {a[0]}: {len(a[2])}/{len(b[2])} events {fields}")
            break


def compare_full(fast: list[Any], full: list[Any]) -> None:
    a, b = event_keys(fast), event_keys(full)
    lost = [k for k in b if k not in a]
    extra = [k for k in a if k not in b]
    differing = [k for k in b if k in a and a[k] != b[k]]
    identical = outcome(fast) == outcome(full)
    print(
        f"cheap checks vs full parse: {len(b)} events in full, {len(a)} with checks, "
        f"{len(lost)} lost, {len(extra)} extra, {len(differing)} with other fields; "
        f"identical output: {identical}"
    )
    for key in lost[:5]:
        print(f"  lost: {key}")


QUIET = (
    "The {org} met on {day} to discuss the budget for the coming year.",
    "Residents can comment on the plan at a public meeting at {place} Hall.",
    "{name} said the new library would open in the spring after long delays.",
    "Temperatures will climb into the {n}s on {day}, forecasters said.",
    "The high school team won {n} to {m} in the final game of the season.",
    "Volunteers planted {n} trees along the river trail on {day}.",
)
EVENTFUL = (
    "Gunmen attacked a police post near {place} on {day}, killing {n} officers.",
    "Police arrested {n} people after a protest outside {place} Hall turned violent.",
)


def generated_docs(rng: random.Random) -> Iterator[dict[str, str]]:
    names = ("Jane Doe", "Tom Brown", "Maria Lopez", "Ahmed Ali", "Olena Koval")
    places = ("Riverside", "Marion", "Kismayo", "Kharkiv", "Monroe")
    days = ("Monday", "Tuesday", "Friday", "Saturday")
    i = 0
    while True:
        sentences = []
        for _ in range(rng.randint(6, 14)):
            pool = EVENTFUL if rng.random() < 0.02 else QUIET
            sentences.append(
                rng.choice(pool).format(
                    org="council",
                    day=rng.choice(days),
                    place=rng.choice(places),
                    name=rng.choice(names),
                    n=rng.randint(2, 90),
                    m=rng.randint(2, 90),
                )
            )
        yield {"id": f"gen-{i}", "text": " ".join(sentences), "language": "en"}
        i += 1


def write_jsonl(path: Path, size_mb: int) -> int:
    target, written, count = size_mb * 2**20, 0, 0
    with open(path, "w", encoding="utf-8") as handle:
        for doc in generated_docs(random.Random(size_mb)):
            data = json.dumps(doc) + "\n"
            handle.write(data)
            written += len(data)
            count += 1
            if written >= target:
                return count
    return count


def stream(sizes: list[int], workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"stream-{size}.jsonl"
            count = write_jsonl(path, size)
            cmd = [
                sys.executable,
                "-c",
                "from conflictwire.cli import main; main()",
                "extract",
                str(path),
                "--workers",
                str(workers),
                "-o",
                os.devnull,
            ]
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
            with RssSampler(proc.pid, interval=0.5) as rss:
                _, err = proc.communicate()
            wall = time.perf_counter() - start
            path.unlink()
            print(
                f"stream {size:5d} MB ({count} docs): {wall:6.1f} s, {size / wall:5.2f} MB/s, "
                f"peak RSS largest process {rss.largest_mb:.0f} MB, "
                f"sum {sum(rss.peak.values()) / 2**20:.0f} MB; {err.strip().splitlines()[-1]}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lgl", type=int, default=588, help="LGL articles (588 in all)")
    parser.add_argument("--notes", type=int, default=40, help="ACLED notes per file, UCDP rows")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--context", type=int, default=DEFAULT_CONTEXT, help="prefilter context")
    parser.add_argument("--skip-full", action="store_true", help="skip the no-checks run")
    parser.add_argument("--stream-mb", default="", help="sizes to stream, e.g. 100,400,1024")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--articles", action="store_true", help="whole news articles (issue 18)")
    parser.add_argument("--no-mix", action="store_true", help="with --articles: skip the old mix")
    parser.add_argument("--save-events", default="", help="with --articles: write the events")
    parser.add_argument("--compare-events", default="", help="with --articles: hold to saved")
    parser.add_argument("--dask-docs", type=int, default=0, help="with --articles: Dask run")
    parser.add_argument("--limit", type=int, default=0, help="with --articles: a spread sample")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"bench: {EVAL} is absent; it holds the corpus")
    if args.articles:
        from throughput_articles import run_articles

        run_articles(args)
        return
    if not args.no_throughput:
        throughput(args)
    if args.stream_mb:
        stream([int(s) for s in args.stream_mb.split(",")], args.workers)


if __name__ == "__main__":
    main()
