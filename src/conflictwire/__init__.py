"""conflictwire: raw news about armed conflict in, ACLED-style sourced, geocoded events out.

The library comes first; the ``conflictwire`` command is a thin layer over it::

    import conflictwire
    events = conflictwire.extract(text, published="2022-06-26", source="CCTV News")
"""

from conflictwire._startup import import_spacy_without_torch

import_spacy_without_torch()  # before any module imports spaCy (see _startup.py)

from conflictwire.records import (  # noqa: E402
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
from conflictwire.runner import Pipeline, extract, extract_document  # noqa: E402

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
