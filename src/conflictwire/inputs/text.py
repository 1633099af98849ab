"""Plain text documents and byte decoding."""

from __future__ import annotations

import codecs
import logging

from conflictwire.records import Document

__all__ = ["decode_bytes", "decode_noted", "text_document"]

log = logging.getLogger(__name__)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, bool]:
    """Decode UTF-8 (BOM dropped); invalid bytes become U+FFFD. Returns (text, replaced).

    ``encoding`` (a charset a page or an HTTP header declares) is tried when the bytes are
    not UTF-8; an unknown name is ignored.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 byte-order mark
        return data.decode("utf-16", errors="replace"), False
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    if encoding and _known_codec(encoding) and _known_codec(encoding) != "utf-8":
        try:
            return data.decode(encoding), False
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8-sig", errors="replace"), True


def decode_noted(name: str, data: bytes, encoding: str | None = None) -> str:
    """``decode_bytes``, with a warning naming the input when bytes had to be replaced."""
    text, replaced = decode_bytes(data, encoding)
    if replaced:
        log.warning("%s: invalid UTF-8 bytes replaced with U+FFFD", name)
    return text


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def text_document(doc_id: str, text: str, published: str | None, source: str | None) -> Document:
    return Document(doc_id=doc_id, text=text, published=published, source=source)
