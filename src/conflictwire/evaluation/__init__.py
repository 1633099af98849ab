"""Measuring the pipeline against ACLED-coded rows (CONTRACT.md, "How evaluations compare fields").

``read_acled_csv`` reads ACLED exports; ``evaluate_rows`` runs the pipeline on each row's notes
and compares the best-matching event; ``EvalReport`` holds the per-field accuracies.
"""

from conflictwire.evaluation.acled import GoldRow, read_acled_csv
from conflictwire.evaluation.compare import (
    actor_key,
    admin1_equal,
    distance_km,
    field_matches,
    normalize_admin1,
)
from conflictwire.evaluation.harness import evaluate_rows
from conflictwire.evaluation.report import FIELDS, EvalReport, RowResult

__all__ = [
    "FIELDS",
    "EvalReport",
    "GoldRow",
    "RowResult",
    "actor_key",
    "admin1_equal",
    "distance_km",
    "evaluate_rows",
    "field_matches",
    "normalize_admin1",
    "read_acled_csv",
]
