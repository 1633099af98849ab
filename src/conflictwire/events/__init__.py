"""Event extraction: from analysed text to ACLED-style ``Event`` records.

``extract_events(doc, cleaned, nlp_doc, geocoder)`` is the stage's entry point.
"""

from conflictwire.events.assemble.extractor import extract_events

__all__ = ["extract_events"]
