"""Document cleaning (placeholder: the analysis copy is the text itself)."""

from __future__ import annotations

from conflictwire.records import CleanedText, Document

__all__ = ["clean_document"]


def clean_document(doc: Document) -> CleanedText:
    return CleanedText(original=doc.text, analysis=doc.text)
