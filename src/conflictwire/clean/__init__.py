"""Cleaning: furniture masked, text normalized on an analysis copy with an offset map.

Also language identification (bundled model only) and near-duplicate detection (MinHash LSH).
"""

from conflictwire.clean.cleaner import clean_document
from conflictwire.clean.dedupe import NearDuplicateFilter, drop_near_duplicates
from conflictwire.clean.language import detect_language

__all__ = ["NearDuplicateFilter", "clean_document", "detect_language", "drop_near_duplicates"]
