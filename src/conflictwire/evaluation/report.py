"""Per-field accuracies, the sub-type confusion table and the worst rows of an evaluation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from conflictwire.evaluation.acled import GoldRow

__all__ = ["FIELDS", "EvalReport", "RowResult"]

FIELDS: tuple[str, ...] = (
    "event_type",
    "sub_event_type",
    "fatalities",
    "event_date",
    "actor1",
    "admin1",
    "within_25km",
)
NO_EVENT = "(no event)"


@dataclass
class RowResult:
    """One note: its gold row, the best-matching extracted event and the field verdicts."""

    gold: GoldRow
    event: dict[str, Any] | None
    matches: dict[str, bool]
    n_events: int

    @property
    def misses(self) -> int:
        return sum(not ok for ok in self.matches.values())


@dataclass
class EvalReport:
    """Aggregates over rows; every figure is a share of notes."""

    rows: list[RowResult] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        if not self.rows:
            return 0.0
        return sum(r.matches.get(name, False) for r in self.rows) / len(self.rows)

    def fatalities_nonzero(self) -> float:
        rows = [r for r in self.rows if r.gold.fatalities > 0]
        return sum(r.matches["fatalities"] for r in rows) / len(rows) if rows else 0.0

    def extra_per_note(self) -> float:
        if not self.rows:
            return 0.0
        return sum(max(0, r.n_events - 1) for r in self.rows) / len(self.rows)

    def no_event_share(self) -> float:
        if not self.rows:
            return 0.0
        return sum(r.n_events == 0 for r in self.rows) / len(self.rows)

    def summary(self) -> dict[str, float]:
        out = {name: round(self.accuracy(name), 4) for name in FIELDS}
        out["fatalities_nonzero"] = round(self.fatalities_nonzero(), 4)
        out["extra_events_per_note"] = round(self.extra_per_note(), 4)
        out["notes_without_event"] = round(self.no_event_share(), 4)
        out["notes"] = len(self.rows)
        return out

    def confusion(self) -> Counter[tuple[str, str]]:
        """(gold sub-type, extracted sub-type) counts."""
        return Counter(
            (r.gold.sub_event_type, (r.event or {}).get("sub_event_type") or NO_EVENT)
            for r in self.rows
        )

    def worst(self, k: int) -> list[RowResult]:
        return sorted(self.rows, key=lambda r: -r.misses)[:k]

    def render(self, console: Console, *, worst: int = 10) -> None:
        console.print(self._summary_table())
        console.print(self._confusion_table())
        if worst > 0:
            console.print(self._worst_table(worst))

    def _summary_table(self) -> Table:
        table = Table(title=f"Field accuracy over {len(self.rows)} notes")
        table.add_column("field")
        table.add_column("value", justify="right")
        for name, value in self.summary().items():
            table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
        return table

    def _confusion_table(self) -> Table:
        table = Table(title="Sub-event types: gold -> extracted (off-diagonal)")
        table.add_column("gold")
        table.add_column("total", justify="right")
        table.add_column("right", justify="right")
        table.add_column("most common confusions")
        counts = self.confusion()
        golds = Counter(r.gold.sub_event_type for r in self.rows)
        for gold, total in golds.most_common():
            right = counts[(gold, gold)]
            wrong = Counter({p: n for (g, p), n in counts.items() if g == gold and p != gold})
            shown = ", ".join(f"{p} ({n})" for p, n in wrong.most_common(3))
            table.add_row(gold, str(total), str(right), shown)
        return table

    def _worst_table(self, k: int) -> Table:
        table = Table(title=f"The {k} worst rows", show_lines=True)
        table.add_column("row")
        table.add_column("wrong fields")
        table.add_column("gold -> extracted")
        table.add_column("notes", max_width=70)
        for r in self.worst(k):
            event = r.event or {}
            wrong = [n for n, ok in r.matches.items() if not ok]
            diffs = "; ".join(
                f"{n}: {_gold_value(r.gold, n)} -> {event.get(n)}" for n in wrong if n in _SHOWN
            )
            table.add_row(r.gold.row_id, ", ".join(wrong), diffs, r.gold.notes[:300])
        return table


_SHOWN = ("event_type", "sub_event_type", "fatalities", "event_date", "actor1", "admin1")


def _gold_value(gold: GoldRow, name: str) -> object:
    return getattr(gold, name, None)
