"""conflictwire: raw news about armed conflict in, ACLED-style sourced, geocoded events out.

The library comes first; the ``conflictwire`` command is a thin layer over it::

    import conflictwire
    events = conflictwire.extract(text, published="2022-06-26", source="CCTV News")
"""

from conflictwire.records import (
    CleanedText,
    Document,
    Event,
    EventLocation,
    Place,
    PlaceMention,
    ReadFailure,
    Skipped,
    Span,
    Weapon,
)
from conflictwire.runner import Pipeline, extract, extract_document

__all__ = [
    "CleanedText",
    "Document",
    "Event",
    "EventLocation",
    "Pipeline",
    "Place",
    "PlaceMention",
    "ReadFailure",
    "Skipped",
    "Span",
    "Weapon",
    "extract",
    "extract_document",
]

__version__ = "0.1.0"
