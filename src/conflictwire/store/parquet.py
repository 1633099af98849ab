"""Stored events to (Geo)Parquet: typed columns pandas and DuckDB read as they are, plus a WKB
point ``geometry`` column with GeoParquet 1.0 metadata so QGIS/GDAL open it as a point layer."""

from __future__ import annotations

import datetime as dt
import json
import struct
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from conflictwire.records import EVENT_FIELDS

__all__ = ["PARQUET_SCHEMA", "ParquetWriter"]

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_SOURCE = pa.struct(
    [
        ("doc_id", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("published", pa.string()),
        ("evidence", pa.list_(_SPAN)),
        ("fatalities", pa.int64()),
        ("injuries", pa.int64()),
        ("certainty", pa.string()),
        ("attribution", pa.list_(pa.string())),
    ]
)
_TYPES: dict[str, pa.DataType] = {
    "event_date": pa.date32(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "confidence": pa.float64(),
    "weapons": pa.list_(pa.struct([("type", pa.string()), ("count", pa.int64())])),
    "attribution": pa.list_(pa.string()),
    "evidence": pa.list_(_SPAN),
    "updated_at": pa.timestamp("s", tz="UTC"),
    "sources": pa.list_(_SOURCE),
}
_INTS = {
    "time_precision", "year", "inter1", "inter2", "interaction", "iso", "geo_precision",
    "geonames_id", "fatalities", "injuries", "n_sources", "fatalities_max",
}  # fmt: skip
COLUMNS = (*EVENT_FIELDS, "sources", "n_sources", "fatalities_max")
PARQUET_SCHEMA = pa.schema(
    [(name, _TYPES.get(name, pa.int64() if name in _INTS else pa.string())) for name in COLUMNS]
    + [("geometry", pa.binary())],
    metadata={
        b"geo": json.dumps(
            {
                "version": "1.0.0",
                "primary_column": "geometry",
                "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}},
            }
        ).encode()
    },
)


def _point(record: dict[str, Any]) -> bytes | None:
    lat, lon = record.get("latitude"), record.get("longitude")
    if lat is None or lon is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))  # little-endian WKB Point


def _row(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in COLUMNS}
    row["event_date"] = _parse(dt.date.fromisoformat, row["event_date"], 10)
    row["updated_at"] = _parse(dt.datetime.fromisoformat, row["updated_at"], None)
    row["geometry"] = _point(record)
    return row


def _parse(parse: Any, value: Any, width: int | None) -> Any:
    """A typed date or time; a value that does not parse is written as null, not fatal."""
    if not value:
        return None
    try:
        return parse(str(value)[:width])
    except ValueError:
        return None


class ParquetWriter:
    """Streams records into a Parquet file in row groups of ``batch`` events."""

    def __init__(self, where: str | IO[bytes], batch: int = 5000) -> None:
        self._writer = pq.ParquetWriter(where, PARQUET_SCHEMA, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._batch = batch

    def write(self, record: dict[str, Any]) -> None:
        self._rows.append(_row(record))
        if len(self._rows) >= self._batch:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = pa.Table.from_pylist(self._rows, schema=PARQUET_SCHEMA)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
