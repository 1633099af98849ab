"""Cleaning: furniture masked, text normalized on an analysis copy with an offset map."""

from conflictwire.clean.cleaner import clean_document
from conflictwire.clean.language import detect_language

__all__ = ["clean_document", "detect_language"]
