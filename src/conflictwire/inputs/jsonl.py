"""JSONL documents: one JSON object a line (CONTRACT.md, "A JSONL document")."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from conflictwire.inputs.dates import iso_day
from conflictwire.inputs.options import ReadOptions
from conflictwire.inputs.streams import iter_capped_lines
from conflictwire.inputs.text import decode_noted
from conflictwire.records import Document, ReadFailure

__all__ = ["document_from_mapping", "read_jsonl_stream"]

log = logging.getLogger(__name__)

_KNOWN = {"id", "text", "html", "url", "title", "published", "source", "language"}
_STRING_FIELDS = ("text", "html", "url", "title", "source", "language")


def read_jsonl_stream(
    name: str, stream: BinaryIO, opts: ReadOptions
) -> Iterator[Document | ReadFailure]:
    """One document per line, read line by line; a bad line is a failure named ``file:line``."""
    cap = opts.max_doc_bytes
    for lineno, line in iter_capped_lines(stream, cap):
        where = f"{name}:{lineno}"
        if isinstance(line, int):
            yield ReadFailure(where, f"over the size cap ({line} > {cap} bytes)")
            continue
        if not line.strip():
            continue
        yield _parse_line(where, line, opts.published, opts.source)


def _parse_line(
    where: str, line: bytes, published: str | None, source: str | None
) -> Document | ReadFailure:
    try:
        obj = json.loads(decode_noted(where, line))
    except ValueError as exc:
        return ReadFailure(where, f"malformed JSON: {exc}")
    if not isinstance(obj, dict):
        return ReadFailure(where, "a JSONL line must be a JSON object")
    return document_from_mapping(obj, where, published, source)


def document_from_mapping(
    obj: dict[str, Any], where: str, published: str | None, source: str | None
) -> Document | ReadFailure:
    """Build a ``Document`` from a contract-shaped mapping (JSONL line, API body).

    The mapping's own fields win; an ``html`` field lends what its page says (title, day,
    outlet) to fields the mapping leaves empty, and ``published``/``source`` fill the rest.
    """
    for key in _STRING_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return ReadFailure(where, f"'{key}' must be a string or null")
    text: str | None = obj.get("text")
    title, url, src = obj.get("title"), obj.get("url"), obj.get("source")
    pub = iso_day(obj.get("published"))
    if obj.get("published") is not None and pub is None:
        log.warning("%s: 'published' %r is not a date; ignored", where, obj.get("published"))
    if text is None and obj.get("html") is not None:
        from conflictwire.inputs.html import extract_page

        page = extract_page(obj["html"], url=url)
        text = page.text
        title, pub, src = title or page.title, pub or page.published, src or page.source
        url = url or page.url
    raw_id = obj.get("id")
    doc_id = raw_id if raw_id not in (None, "") else (url or where)
    meta = {k: v for k, v in obj.items() if k not in _KNOWN}
    return Document(
        doc_id=str(doc_id),
        text=text or "",
        title=title,
        url=url,
        source=src or source,
        published=pub or published,
        language=obj.get("language") or None,
        metadata=meta,
    )
