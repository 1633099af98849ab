"""Record the shipped classifier's predictions on the project's own probe sentences.

Run after rebuilding the shipped model (README, "The learned classifier"); the fixture it
writes lets `tests/test_training.py` check that the shipped model is the one that was built:
    python bench/classifier_probes.py
It also prints how many probes get their hand label.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conflictwire.events.classify.model import DEFAULT_MODEL, TextClassifier

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "tests" / "fixtures" / "classifier"
MODEL = ROOT / "src" / "conflictwire" / "data" / "models" / DEFAULT_MODEL


def main() -> None:
    with (PROBES / "probe_sentences.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    model = TextClassifier(MODEL)
    preds = model.classify([r["text"] for r in rows])
    probes = [
        {"text": r["text"], "label": p.label, "confidence": round(p.confidence, 6)}
        for r, p in zip(rows, preds, strict=True)
    ]
    out = {"model": model.identity, "probes": probes}
    (PROBES / "probes.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    right = sum(r["label"] == p.label for r, p in zip(rows, preds, strict=True))
    print(f"{model.identity}: {right}/{len(rows)} probes get their hand label")
    for r, p in zip(rows, preds, strict=True):
        if r["label"] != p.label:
            print(f"  {r['label']!r} -> {p.label!r} ({p.confidence:.2f}): {r['text'][:70]}")


if __name__ == "__main__":
    main()
