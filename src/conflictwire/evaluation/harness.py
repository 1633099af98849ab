"""Running the pipeline on ACLED notes and scoring the best-matching event of each note."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from conflictwire.evaluation.acled import GoldRow
from conflictwire.evaluation.compare import field_matches
from conflictwire.evaluation.report import FIELDS, EvalReport, RowResult
from conflictwire.records import Document
from conflictwire.runner import Pipeline

__all__ = ["best_event", "evaluate_rows", "score_row"]

# The best event is the one agreeing on most fields; ties go to the event type, then text order.
_TIE_ORDER = ("event_type", "sub_event_type", "event_date", "actor1")


def best_event(
    events: list[dict[str, Any]], gold: GoldRow
) -> tuple[dict[str, Any] | None, dict[str, bool]]:
    if not events:
        return None, dict.fromkeys(FIELDS, False)
    scored = []
    for i, event in enumerate(events):
        matches = field_matches(event, gold)
        key = (sum(matches.values()), *(matches[f] for f in _TIE_ORDER), -i)
        scored.append((key, event, matches))
    _, event, matches = max(scored, key=lambda s: s[0])
    return event, matches


def score_row(gold: GoldRow, events: list[dict[str, Any]]) -> RowResult:
    event, matches = best_event(events, gold)
    return RowResult(gold=gold, event=event, matches=matches, n_events=len(events))


def evaluate_rows(
    rows: Iterable[GoldRow],
    *,
    pipeline: Pipeline | None = None,
    on_row: Callable[[RowResult], None] | None = None,
) -> EvalReport:
    """Extract events from each row's notes (no publication date, as the contract says)."""
    pipe = pipeline or Pipeline()
    report = EvalReport()
    for gold in rows:
        doc = Document(doc_id=gold.row_id, text=gold.notes)
        events = [e.to_dict() for e in pipe.process(doc).events]
        result = score_row(gold, events)
        report.rows.append(result)
        if on_row is not None:
            on_row(result)
    return report
