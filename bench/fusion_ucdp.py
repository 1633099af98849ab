"""How well the store fuses reports of one happening, measured on UCDP GED (../shared/eval).

    python bench/fusion_ucdp.py [--events 150] [--db sqlite:///...]

Each source headline of a UCDP event becomes a document (published on its source date); the
UCDP event is the gold cluster. The real pipeline extracts, the store fuses, and pairs of
documents are scored: merged into one stored event and one UCDP event (right), merged but two
UCDP events (wrong), one UCDP event but kept apart (missed). UCDP sometimes files one headline
under several events, so "wrong" counts some merges that are right; recall is bounded by what
the extractor finds in a headline (type, place, date must agree).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import tempfile
import time
from pathlib import Path

from conflictwire.records import Document
from conflictwire.runner import Pipeline
from conflictwire.store.sql import SqlStore

UCDP = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval"
    / "ucdp-ged-ukraine"
    / "UCDP-Ukraine.csv"
)


def headlines(path: Path, events: int, seed: int) -> tuple[list[Document], dict[str, str]]:
    with open(path, encoding="cp1252", errors="replace", newline="") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["year"] in ("2022", "2023") and int(r["number_of_sources"] or 0) >= 2
        ]
    random.Random(seed).shuffle(rows)
    docs: list[Document] = []
    gold: dict[str, str] = {}
    for row in rows[:events]:
        parts = [row[k].split(";") for k in ("source_headline", "source_date", "source_office")]
        if len({len(p) for p in parts}) != 1:
            continue  # a headline with a ';' in it: the columns no longer line up
        for i, (text, day, office) in enumerate(zip(*parts, strict=True)):
            if text.strip():
                doc_id = f"ucdp-{row['id']}-{i}"
                docs.append(
                    Document(doc_id, text.strip(), source=office or None, published=day[:10])
                )
                gold[doc_id] = row["id"]
    return docs, gold


def score(store: SqlStore, gold: dict[str, str]) -> tuple[int, int, int]:
    stored = {}
    for doc_id in gold:
        doc = store.get_document(doc_id)
        if doc and doc["events"]:
            stored[doc_id] = set(doc["events"])
    right = wrong = missed = 0
    for a, b in itertools.combinations(sorted(stored), 2):
        same_gold, merged = gold[a] == gold[b], bool(stored[a] & stored[b])
        right += same_gold and merged
        wrong += merged and not same_gold
        missed += same_gold and not merged
    return right, wrong, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ucdp", type=Path, default=UCDP)
    args = parser.parse_args()
    docs, gold = headlines(args.ucdp, args.events, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = SqlStore(f"sqlite:///{Path(tmp) / 'fusion.db'}")
        start = time.perf_counter()
        report = store.ingest(docs, Pipeline())
        print(f"{len(docs)} headlines of {len(set(gold.values()))} UCDP events: "
              f"{report.summary()} in {time.perf_counter() - start:.1f} s")  # fmt: skip
        right, wrong, missed = score(store, gold)
        print(f"pairs merged right {right}, wrong {wrong}, missed {missed}: "
              f"precision {right / max(right + wrong, 1):.2f}, "
              f"recall {right / max(right + missed, 1):.2f}; {store.counts()}")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
