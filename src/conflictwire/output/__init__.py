"""Writers for event records: JSONL, ACLED-ordered CSV, GeoJSON."""

from conflictwire.output.writers import (
    FORMATS,
    CsvWriter,
    EventWriter,
    GeoJsonWriter,
    JsonlWriter,
    make_writer,
)

__all__ = ["FORMATS", "CsvWriter", "EventWriter", "GeoJsonWriter", "JsonlWriter", "make_writer"]
