"""WARC archives, streamed record by record: each HTTP response with an HTML body a document.

Only one record's body is in memory at a time, and a body over the size cap is skipped
unkept, so a crawl of any size is read in bounded memory. Records are cut by ``warcsplit``
(which checks each record's length against where the next one starts) and each is then read
by warcio (HTTP headers, chunked and compressed bodies).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from conflictwire.inputs.html import extract_page
from conflictwire.inputs.options import ReadOptions
from conflictwire.inputs.streams import read_capped
from conflictwire.inputs.text import decode_noted
from conflictwire.inputs.warcsplit import RawRecord, SplitFailure, split_records
from conflictwire.records import Document, ReadFailure

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_HTTP_STATUS = re.compile(rb"\AHTTP/[\d.]+ +(\d{3})")
_HTTP_TYPE = re.compile(rb"^content-type:[ \t]*([^\r\n]*)", re.IGNORECASE | re.MULTILINE)
_RESPONSE = re.compile(rb"^warc-type:[ \t]*response\b", re.IGNORECASE | re.MULTILINE)


def read_warc(name: str, stream: BinaryIO, opts: ReadOptions) -> Iterator[Document | ReadFailure]:
    """Documents of the HTML responses in a WARC stream; failures name the record's URI."""
    seen_record = False
    for raw in split_records(name, stream, opts.max_doc_bytes):
        if isinstance(raw, SplitFailure):
            if not seen_record and "outside any WARC record" in raw.reason:
                yield ReadFailure(name, f"not a readable WARC archive: {raw.reason}")
            else:
                yield ReadFailure(raw.where, raw.reason)
            continue
        seen_record = True
        item = _raw_document(name, raw, opts)
        if item is not None:
            yield item


def _raw_document(name: str, raw: RawRecord, opts: ReadOptions) -> Document | ReadFailure | None:
    if raw.body is None:
        # Over the cap: named only when it is a page we would have read.
        if _is_html_response(raw):
            where = f"{name}: {raw.uri or '?'}"
            return ReadFailure(where, f"HTML body over the size cap ({opts.max_doc_bytes} bytes)")
        return None
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(raw.header + raw.body + b"\r\n\r\n")):
            return _record_document(name, record, opts)
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        return ReadFailure(f"{name}: {raw.uri or '?'}", f"unreadable WARC record: {exc}")
    return ReadFailure(f"{name}: {raw.uri or '?'}", "unreadable WARC record")


def _is_html_response(raw: RawRecord) -> bool:
    status = _HTTP_STATUS.match(raw.head)
    kind = _HTTP_TYPE.search(raw.head.split(b"\r\n\r\n", 1)[0])
    return (
        _RESPONSE.search(raw.header) is not None
        and status is not None
        and status[1].startswith(b"2")
        and kind is not None
        and kind[1].decode("latin-1").lower().lstrip().startswith(_HTML_TYPES)
    )


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
