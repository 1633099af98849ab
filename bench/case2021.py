"""CASE-2021 task 2 (the dev half in ../shared/eval/case2021), scored as CONTRACT.md says.

Prints three coders side by side on the same snippets: the rules alone, the learned
classifier alone (its top label on the whole snippet), and the pipeline as shipped (rules and
classifier combined, `events/classify/blend.py`), then the shipped pipeline's confusions.
    python bench/case2021.py [--model DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rich.console import Console

from conflictwire.cli.eval_snippets import render_scores
from conflictwire.evaluation.snippets import (
    NO_EVENT,
    predict_snippets,
    read_labelled,
    score_snippets,
)
from conflictwire.events.classify.model import load_classifier
from conflictwire.runner import Pipeline

DEV = (
    Path(__file__).resolve().parents[2] / "shared" / "eval" / "case2021" / "case2021-task2-dev.tsv"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None, help="a model folder (default: the shipped one)")
    parser.add_argument("--file", type=Path, default=DEV)
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args()
    rows = list(read_labelled(args.file))
    figures = {}
    started = time.perf_counter()
    rules = Pipeline(learned=False)  # the rules alone, as main coded before the classifier
    figures["rules alone"] = score_snippets(rows, predict_snippets(rows, rules)).summary()
    model = load_classifier(Path(args.model) if args.model else None)
    alone = [p.label if p.is_event else NO_EVENT for p in model.classify([r.text for r in rows])]
    figures["classifier alone"] = score_snippets(rows, alone).summary()
    shipped = predict_snippets(rows, Pipeline(model=args.model))
    scores = score_snippets(rows, shipped)
    figures["pipeline (shipped)"] = scores.summary()
    console = Console()
    for name, summary in figures.items():
        console.print(f"{name:>20}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    console.print(f"model {model.identity}; {time.perf_counter() - started:.0f} s")
    render_scores(scores, console)
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
