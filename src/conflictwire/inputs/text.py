"""Plain text documents."""

from __future__ import annotations

from conflictwire.records import Document

__all__ = ["decode_bytes", "text_document"]


def decode_bytes(data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (BOM dropped); invalid bytes become U+FFFD. Returns (text, replaced)."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), True


def text_document(
    doc_id: str, text: str, published: str | None, source: str | None
) -> Document:
    return Document(doc_id=doc_id, text=text, published=published, source=source)
