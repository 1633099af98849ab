"""Measure event coding on ACLED dev notes: type, sub-type, actor1, extra events per note.

Usage: python bench/acled_events.py ../shared/eval/acled/ukraine-dev.csv [--limit N] [--show K]
Input = each row's ``notes`` as a document (no publication date); gold = the other columns.
For measuring only: nothing from the rows is kept.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections import Counter

from conflictwire import Pipeline
from conflictwire.records import Document, Event


def _base(actor: str | None) -> str:
    return re.split(r"\s*\(\d{4}-", actor or "")[0].strip()


def _best(events: list[Event], row: dict[str, str]) -> Event | None:
    def score(e: Event) -> int:
        return (
            (e.sub_event_type == row["sub_event_type"]) * 2
            + (e.event_type == row["event_type"])
            + (_base(e.actor1) == _base(row["actor1"]))
        )

    return max(events, key=score) if events else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--field", default="sub_event_type")
    args = ap.parse_args()
    with open(args.csv, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if args.limit:
        rows = random.Random(args.seed).sample(rows, min(args.limit, len(rows)))
    pipe = Pipeline()
    hits: Counter[str] = Counter()
    extra = 0
    fat_rows = fat_ok = nz_rows = nz_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    wrong: list[tuple[str, str, str]] = []
    for i, row in enumerate(rows):
        doc = Document(doc_id=f"row{i}", text=row["notes"], language="en")
        events = pipe.process(doc).events
        extra += max(0, len(events) - 1)
        best = _best(events, row)
        got = {
            "event_type": best.event_type if best else "-",
            "sub_event_type": best.sub_event_type if best else "-",
            "actor1": _base(best.actor1) if best else "-",
        }
        fat_rows += 1
        fat_ok += best is not None and best.fatalities == int(row["fatalities"] or 0)
        if int(row["fatalities"] or 0):
            nz_rows += 1
            nz_ok += best is not None and best.fatalities == int(row["fatalities"])
        gold = {
            "event_type": row["event_type"],
            "sub_event_type": row["sub_event_type"],
            "actor1": _base(row["actor1"]),
        }
        for key in got:
            hits[key] += got[key] == gold[key]
        if got["sub_event_type"] != gold["sub_event_type"]:
            confusion[(gold["sub_event_type"], got["sub_event_type"])] += 1
        if got[args.field] != gold[args.field]:
            wrong.append((gold[args.field], got[args.field], row["notes"][:260]))
    n = len(rows)
    for key in ("event_type", "sub_event_type", "actor1"):
        print(f"{key:16s} {hits[key] / n:.3f}")
    print(f"extra/note       {extra / n:.3f}   (n={n})")
    print(
        f"fatalities       {fat_ok / max(fat_rows, 1):.3f}   non-zero {nz_ok / max(nz_rows, 1):.3f}"
    )
    print("confusion (gold -> got):")
    for (g, p), c in confusion.most_common(15):
        print(f"  {c:4d}  {g} -> {p}")
    random.Random(1).shuffle(wrong)
    for g, p, note in wrong[: args.show]:
        print(f"- gold={g} | got={p}\n    {note}")


if __name__ == "__main__":
    main()
