"""JSONL documents: one JSON object a line (CONTRACT.md, "A JSONL document")."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from conflictwire.records import Document, ReadFailure

__all__ = ["document_from_mapping", "read_jsonl_lines"]

log = logging.getLogger(__name__)

_KNOWN = {"id", "text", "html", "url", "title", "published", "source", "language"}


def read_jsonl_lines(
    name: str,
    data: bytes,
    published: str | None,
    source: str | None,
    max_doc_bytes: int,
) -> Iterator[Document | ReadFailure]:
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        if len(raw) > max_doc_bytes:
            yield ReadFailure(where, f"over the size cap ({len(raw)} > {max_doc_bytes} bytes)")
            continue
        try:
            obj = json.loads(raw.decode("utf-8", errors="replace"))
        except ValueError as exc:
            yield ReadFailure(where, f"malformed JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            yield ReadFailure(where, "a JSONL line must be a JSON object")
            continue
        yield document_from_mapping(obj, where, published, source)


def document_from_mapping(
    obj: dict[str, Any], where: str, published: str | None, source: str | None
) -> Document | ReadFailure:
    """Build a ``Document`` from a contract-shaped mapping (JSONL line, API body)."""
    text = obj.get("text")
    html = obj.get("html")
    if text is None and html is not None:
        from conflictwire.inputs.html import html_to_document_text

        text = html_to_document_text(str(html))
    if text is not None and not isinstance(text, str):
        return ReadFailure(where, "'text' must be a string or null")
    doc_id = obj.get("id") or obj.get("url") or where
    meta = {k: v for k, v in obj.items() if k not in _KNOWN}
    pub = obj.get("published") or published
    if isinstance(pub, str) and len(pub) > 10 and pub[4:5] == "-":
        pub = pub[:10]
    return Document(
        doc_id=str(doc_id),
        text=text or "",
        title=obj.get("title"),
        url=obj.get("url"),
        source=obj.get("source") or source,
        published=pub,
        language=obj.get("language"),
        metadata=meta,
    )
