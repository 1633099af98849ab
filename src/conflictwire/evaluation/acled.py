"""Reading ACLED CSV exports: both date styles, inter codes as numbers or labels."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["INTER_LABELS", "GoldRow", "parse_acled_date", "read_acled_csv"]

INTER_LABELS: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
REQUIRED = ("notes", "event_date", "event_type", "sub_event_type", "fatalities")


@dataclass(frozen=True)
class GoldRow:
    """One ACLED row: the input (``notes``) and the fields the evaluation compares."""

    row_id: str
    notes: str
    event_date: str | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    inter1: int | None
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    fatalities: int


def parse_acled_date(value: str) -> str | None:
    """``2025-04-01``, ``04/04/2024 00:00:00`` (day first) or ``4 April 2024`` to ISO."""
    text = value.strip().split(" 00:00")[0].strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _inter(value: str) -> int | None:
    text = value.strip()
    if text.isdigit():
        return int(text) or None
    return INTER_LABELS.get(text.lower())


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def read_acled_csv(path: Path, *, limit: int | None = None) -> Iterator[GoldRow]:
    """ACLED rows of ``path``; a row without the needed columns is named and refused."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: not an ACLED export (no column {', '.join(missing)})")
        for n, row in enumerate(reader, start=1):
            if limit is not None and n > limit:
                return
            fatalities = _int(row.get("fatalities", ""))
            if fatalities is None:
                raise ValueError(f"{path}: row {n}: fatalities {row.get('fatalities')!r}")
            yield GoldRow(
                row_id=row.get("event_id_cnty") or row.get("id") or f"row{n}",
                notes=row["notes"],
                event_date=parse_acled_date(row["event_date"]),
                time_precision=_int(row.get("time_precision", "")),
                event_type=row["event_type"],
                sub_event_type=row["sub_event_type"],
                actor1=row.get("actor1", ""),
                actor2=row.get("actor2", ""),
                inter1=_inter(row.get("inter1", "")),
                country=row.get("country", ""),
                admin1=row.get("admin1", ""),
                latitude=_float(row.get("latitude", "")),
                longitude=_float(row.get("longitude", "")),
                fatalities=fatalities,
            )
