"""WARC archives, streamed record by record: each HTTP response with an HTML body a document.

Only one record's body is in memory at a time, and a body over the size cap is skipped
unread, so a crawl of any size is read in bounded memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from conflictwire.inputs.html import extract_page
from conflictwire.inputs.options import ReadOptions
from conflictwire.inputs.streams import read_capped
from conflictwire.inputs.text import decode_noted
from conflictwire.records import Document, ReadFailure

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(name: str, stream: BinaryIO, opts: ReadOptions) -> Iterator[Document | ReadFailure]:
    """Documents of the HTML responses in a WARC stream; failures name the record's URI."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            item = _record_document(name, record, opts)
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        yield ReadFailure(name, f"not a readable WARC archive: {exc}")


def _record_document(name: str, record: Any, opts: ReadOptions) -> Document | ReadFailure | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{record.rec_headers}"
    where = f"{name}: {uri}"
    body = read_capped(record.content_stream(), opts.max_doc_bytes)
    if body is None:
        return ReadFailure(where, f"HTML body over the size cap ({opts.max_doc_bytes} bytes)")
    charset = _CHARSET.search(content_type)
    page = extract_page(decode_noted(where, body, charset[1] if charset else None), url=uri)
    return Document(
        doc_id=uri,
        text=page.text,
        title=page.title,
        url=uri,
        source=page.source or opts.source,
        published=page.published or opts.published,
        metadata={
            "warc": name,
            "crawled": record.rec_headers.get_header("WARC-Date"),
            "canonical_url": page.url,
        },
    )
