"""Long documents: time and peak memory of `conflictwire extract` on event-dense texts.

    python bench/longdocs.py                     # 60 KB, 600 KB and 1.5 MB
    python bench/longdocs.py --sizes 60 300 --one-line

Each text is the project's own shelling-report paragraphs (four sentences, about 400
characters: a strike with its toll, damage, a repelled attack, an evacuation) with places, days
and figures varied, under one dateline, so every paragraph tells events. Each size runs in a
fresh `conflictwire extract` process (model loading included, as a user sees it); the peak
resident memory is that process's own (``wait4``). Prints time, peak RSS, events and the
growth ratio of each size's time to the first's. Targets (issue 17): 600 KB in at most 15x
the time of 60 KB; the largest process under 1 GB at 1.5 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = [
    ("Tsyrkuny", "Kharkiv"),
    ("Vovchansk", "Kharkiv"),
    ("Kupiansk", "Kharkiv"),
    ("Nikopol", "Dnipropetrovsk"),
    ("Marhanets", "Dnipropetrovsk"),
    ("Kherson", "Kherson"),
    ("Beryslav", "Kherson"),
    ("Orikhiv", "Zaporizhzhia"),
    ("Huliaipole", "Zaporizhzhia"),
    ("Kostiantynivka", "Donetsk"),
    ("Pokrovsk", "Donetsk"),
    ("Sumy", "Sumy"),
    ("Bilopillia", "Sumy"),
    ("Chernihiv", "Chernihiv"),
    ("Ochakiv", "Mykolaiv"),
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "overnight", "on Thursday", "early on Friday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven"]
ACTORS = ["Russian forces", "Russian troops", "The Russian army"]


def paragraph(rnd: random.Random, i: int) -> str:
    (town, region), (other, _) = rnd.sample(PLACES, 2)
    dead, hurt = rnd.sample(NUMBERS, 2)
    return (
        f"{rnd.choice(ACTORS)} shelled {town} in {region} region {rnd.choice(DAYS)}, killing "
        f"{dead} civilians and wounding {hurt} others, the regional governor said. "
        f"The strikes damaged {rnd.randint(3, 40)} houses, a school and a power line on "
        f"street number {i}. "
        f"Ukrainian troops repelled an assault near {other} {rnd.choice(DAYS)}, the General "
        "Staff reported. "
        f"Officials said {rnd.randint(10, 90)} residents were evacuated from the area."
    )


def event_dense_text(size: int, seed: int = 17, one_line: bool = False) -> str:
    """About ``size`` characters of shelling reports under one dateline."""
    rnd = random.Random(seed)
    parts = ["KYIV, March 3, 2024 (Wire) - Daily situation report from the regions."]
    length = len(parts[0])
    i = 0
    while length < size:
        parts.append(paragraph(rnd, i))
        length += len(parts[-1]) + 2
        i += 1
    return (" " if one_line else "\n\n").join(parts)[:size]


def run_one(path: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS in bytes, events) of one `conflictwire extract` process."""
    out = path.with_suffix(".jsonl")
    log = path.with_suffix(".log")
    cmd = [sys.executable, "-m", "conflictwire", "extract", str(path), "-o", str(out)]
    start = time.perf_counter()
    with log.open("wb") as err:  # a file, not a pipe: a chatty child cannot block on it
        proc = subprocess.Popen(cmd, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        print(f"{path.name}: exit {proc.returncode}\n{tail}", file=sys.stderr)
    events = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    return elapsed, usage.ru_maxrss * 1024, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 600, 1500], help="KB")
    parser.add_argument("--one-line", action="store_true", help="the text on a single line")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="cw-longdocs-") as tmp:
        for kb in args.sizes:
            path = Path(tmp) / f"report-{kb}kb.txt"
            path.write_text(event_dense_text(kb * 1000, one_line=args.one_line), encoding="utf-8")
            elapsed, rss, events = run_one(path)
            rows.append((kb, elapsed, rss, events))
            print(
                f"{kb:>6} KB  {elapsed:7.1f} s  peak RSS {rss / 2**20:7.0f} MB  {events:6d} events",
                flush=True,
            )
    base_kb, base_t = rows[0][0], rows[0][1]
    for kb, elapsed, _, _ in rows[1:]:
        print(
            f"time {kb} KB / {base_kb} KB: {elapsed / base_t:.1f}x for {kb / base_kb:.0f}x the text"
        )
    by_kb = {kb: (elapsed, rss) for kb, elapsed, rss, _ in rows}
    ok = True
    if 60 in by_kb and 600 in by_kb:
        ok &= by_kb[600][0] <= 15 * by_kb[60][0]
    if 1500 in by_kb:
        ok &= by_kb[1500][1] < 2**30
    print(f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"targets (600 KB <= 15x 60 KB, 1.5 MB under 1 GB): {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
