"""Streaming writers: each takes event dicts one at a time, so memory stays flat."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, Protocol, TextIO

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "CsvWriter",
    "EventWriter",
    "GeoJsonWriter",
    "JsonlWriter",
    "interaction_label",
    "make_writer",
]

FORMATS = ("jsonl", "csv", "geojson")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

INTER_LABELS = {
    0: "",
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class EventWriter(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")

    def close(self) -> None:
        self.out.flush()


def interaction_label(code: int | None) -> str:
    if code is None:
        return ""
    first, second = divmod(int(code), 10)
    if first == 0:
        return INTER_LABELS.get(second, "")
    if second == 0:
        return f"{INTER_LABELS.get(first, '')} only"
    return f"{INTER_LABELS.get(first, '')}-{INTER_LABELS.get(second, '')}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number is never a formula: a longitude west of Greenwich stays -0.12, a number a
        # spreadsheet reads as such (CONTRACT.md: only text cells are neutralized).
        return str(value)
    if isinstance(value, list):
        value = "; ".join(_list_item(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if text.startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


def _list_item(value: Any) -> str:
    if isinstance(value, dict):
        if "type" in value and "count" in value:  # a weapon
            return f"{value['type']} ({value['count']})" if value["count"] else str(value["type"])
        if "text" in value:  # an evidence span
            return f"{value.get('start')}-{value.get('end')}: {value['text']}"
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _timestamp(updated_at: Any) -> int | None:
    if not updated_at:
        return None
    stamp = dt.datetime.fromisoformat(str(updated_at).replace("Z", "+00:00"))
    return int(stamp.timestamp())


class CsvWriter:
    """ACLED's export columns in ACLED's order, then the remaining fields."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._writer = csv.writer(out)
        self._extra: list[str] | None = None

    def write(self, record: dict[str, Any]) -> None:
        if self._extra is None:
            acled_sources = {"event_id", "updated_at", *ACLED_COLUMNS}
            self._extra = [k for k in record if k not in acled_sources]
            self._writer.writerow([*ACLED_COLUMNS, *self._extra])
        row = dict(record)
        row["event_id_cnty"] = record.get("event_id")
        row["timestamp"] = _timestamp(record.get("updated_at"))
        for key in ("inter1", "inter2"):
            row[key] = INTER_LABELS.get(record[key], "") if record.get(key) is not None else None
        row["interaction"] = interaction_label(record.get("interaction"))
        self._writer.writerow([_cell(row.get(c)) for c in (*ACLED_COLUMNS, *self._extra)])

    def close(self) -> None:
        if self._extra is None:
            self._writer.writerow(ACLED_COLUMNS)
        self.out.flush()


class GeoJsonWriter:
    """A FeatureCollection of the events that have coordinates, streamed."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._count = 0
        self.out.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, record: dict[str, Any]) -> None:
        lat, lon = record.get("latitude"), record.get("longitude")
        if lat is None or lon is None:
            return
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": record,
        }
        sep = ",\n" if self._count else ""
        self.out.write(sep + json.dumps(feature, ensure_ascii=False, default=str))
        self._count += 1

    def close(self) -> None:
        self.out.write("\n]}\n")
        self.out.flush()


def make_writer(fmt: str, out: TextIO) -> EventWriter:
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "csv":
        return CsvWriter(out)
    if fmt == "geojson":
        return GeoJsonWriter(out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
