"""Labelled snippets (CONTRACT.md, "Labelled snippets"): reading them and scoring predictions.

A snippet file is a CSV or TSV with a header: an ACLED export (``notes`` and
``sub_event_type``) or ``id``, ``text`` and ``label`` columns (CASE-2021's ``id``,
``EventSnippet`` and ``SubType`` are the same). TSV is read without quote processing, since
news text holds quote characters. Each snippet is one document; the prediction is the sub-event
type of its first event in output order, or "no event".
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from conflictwire.events.classify.labels import LabelError, canonical_label, in_scope
from conflictwire.records import Document
from conflictwire.runner import Pipeline

__all__ = [
    "NO_EVENT",
    "LabelledRow",
    "SnippetScores",
    "predict_snippets",
    "read_labelled",
    "score_snippets",
]

log = logging.getLogger(__name__)

NO_EVENT = "no event"
_TEXT_COLUMNS = ("text", "eventsnippet", "notes", "snippet", "sentence")
_LABEL_COLUMNS = ("label", "subtype", "sub_event_type")
_ID_COLUMNS = ("id", "event_id_cnty", "event_id")


@dataclass(frozen=True)
class LabelledRow:
    """One labelled snippet: its id, text, and label in the model's spelling."""

    row_id: str
    text: str
    label: str

    @property
    def gold(self) -> str:
        """What the scorer expects: the sub-event type, or "no event" for out-of-scope."""
        return self.label if in_scope(self.label) else NO_EVENT


def _column(header: list[str], names: tuple[str, ...]) -> str | None:
    folded = {h.strip().casefold(): h for h in header}
    return next((folded[n] for n in names if n in folded), None)


def read_labelled(path: Path, problems: list[str] | None = None) -> Iterator[LabelledRow]:
    """Rows of ``path``; a row with no text or an unknown label is named in ``problems``
    (and logged) and skipped, never silently dropped."""
    tsv = path.suffix.lower() in (".tsv", ".tab") or _sniff_tab(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = (
            csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if tsv
            else csv.DictReader(handle)
        )
        header = list(reader.fieldnames or [])
        text_col = _column(header, _TEXT_COLUMNS)
        label_col = _column(header, _LABEL_COLUMNS)
        id_col = _column(header, _ID_COLUMNS)
        if text_col is None or label_col is None:
            raise ValueError(f"{path}: needs a text column and a label column, found {header}")
        for n, row in enumerate(reader, start=2):
            text = (row.get(text_col) or "").strip()
            raw = (row.get(label_col) or "").strip()
            row_id = (row.get(id_col) or "").strip() if id_col else ""
            try:
                label = canonical_label(raw)
            except LabelError as exc:
                _note(problems, f"{path}:{n}: {exc}; row skipped")
                continue
            if not text:
                _note(problems, f"{path}:{n}: empty text; row skipped")
                continue
            yield LabelledRow(row_id or f"row-{n}", text, label)


def _note(problems: list[str] | None, message: str) -> None:
    log.warning("%s", message)
    if problems is not None:
        problems.append(message)


def _sniff_tab(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return first.count("\t") > first.count(",")


@dataclass
class SnippetScores:
    """The contract's figures over (gold, predicted) pairs, with the confusion counts."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, gold: str, predicted: str) -> None:
        self.pairs.append((gold, predicted))

    @property
    def accuracy(self) -> float:
        return _share(sum(g == p for g, p in self.pairs), len(self.pairs))

    @property
    def no_event_right(self) -> float:
        gold_none = [p for g, p in self.pairs if g == NO_EVENT]
        return _share(sum(p == NO_EVENT for p in gold_none), len(gold_none))

    @property
    def macro_f1(self) -> float:
        classes = sorted({g for g, _ in self.pairs})
        f1s = [_f1(self.pairs, c) for c in classes]
        return sum(f1s) / len(f1s) if f1s else 0.0

    @property
    def weighted_f1(self) -> float:
        """Over the ACLED-labelled snippets only; a "no event" prediction is a miss."""
        acled = [(g, p) for g, p in self.pairs if g != NO_EVENT]
        support = Counter(g for g, _ in acled)
        total = sum(support.values())
        return _share(sum(n * _f1(acled, c) for c, n in support.items()), total)

    def per_class(self) -> dict[str, tuple[int, float]]:
        """Each gold class: its support and F1."""
        support = Counter(g for g, _ in self.pairs)
        return {c: (n, _f1(self.pairs, c)) for c, n in sorted(support.items())}

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter(self.pairs)

    def summary(self) -> dict[str, float | int]:
        return {
            "snippets": len(self.pairs),
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "weighted_f1_acled": round(self.weighted_f1, 4),
            "no_event_right": round(self.no_event_right, 4),
        }


def _share(n: float, d: int) -> float:
    return n / d if d else 0.0


def _f1(pairs: list[tuple[str, str]], cls: str) -> float:
    tp = sum(g == cls and p == cls for g, p in pairs)
    predicted = sum(p == cls for _, p in pairs)
    actual = sum(g == cls for g, _ in pairs)
    if tp == 0:
        return 0.0
    precision, recall = tp / predicted, tp / actual
    return 2 * precision * recall / (precision + recall)


def score_snippets(rows: list[LabelledRow], predictions: list[str]) -> SnippetScores:
    """Scores for ``predictions`` (a sub-event type or ``NO_EVENT`` per row, in order)."""
    if len(rows) != len(predictions):
        raise ValueError(f"{len(rows)} rows but {len(predictions)} predictions")
    scores = SnippetScores()
    for row, predicted in zip(rows, predictions, strict=True):
        scores.add(row.gold, predicted)
    return scores


def predict_snippets(
    rows: list[LabelledRow],
    pipeline: Pipeline,
    on_row: Callable[[str], None] | None = None,
) -> list[str]:
    """The sub-event type of each snippet's first event in output order, or ``NO_EVENT``;
    each snippet is one document ``{"id", "text"}`` with no publication date."""
    found = []
    for row in rows:
        events = pipeline.process(Document(doc_id=row.row_id, text=row.text)).events
        found.append(events[0].sub_event_type if events else NO_EVENT)
        if on_row is not None:
            on_row(found[-1])
    return found
