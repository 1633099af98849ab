"""Event extraction orchestrator (placeholder: finds nothing yet)."""

from __future__ import annotations

from spacy.tokens import Doc

from conflictwire.geo import Geocoder
from conflictwire.records import CleanedText, Document, Event

__all__ = ["extract_events"]


def extract_events(
    doc: Document, cleaned: CleanedText, parsed: Doc, geocoder: Geocoder
) -> list[Event]:
    """Return the events ``doc`` reports, evidence in ``doc.text`` offsets."""
    return []
