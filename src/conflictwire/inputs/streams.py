"""Byte streams with bounded reads: gzip layers, capped reads, capped lines, content sniffing.

Every reader works on a binary stream rather than on a whole file's bytes, so a 50 MB
single-line file is refused after reading at most the size cap, and a WARC or JSONL file of any
size is read one record at a time.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

__all__ = [
    "GZIP_MAGIC",
    "HEAD_BYTES",
    "STREAM_ERRORS",
    "iter_capped_lines",
    "looks_binary",
    "open_layers",
    "read_capped",
    "sniff_kind",
]

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 8192
_CHUNK = 1 << 20

# What a truncated or corrupt compressed stream raises while it is being read.
STREAM_ERRORS: tuple[type[BaseException], ...] = (EOFError, gzip.BadGzipFile, zlib.error)

_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


class _Stream(io.BufferedIOBase):
    """A buffered reader that hands out every byte decoded before a stream error.

    ``io.BufferedReader`` drops what one ``read`` call had gathered when the raw stream
    raises (a truncated gzip member raises only once its good bytes are consumed), which
    would lose the last documents before the cut. Here the error is kept and raised on the
    first read that finds the buffer empty.
    """

    def __init__(self, source: BinaryIO | gzip.GzipFile) -> None:
        self._source = source
        self._buffer = bytearray()
        self._eof = False
        self._error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def _fill(self, size: int) -> None:
        while len(self._buffer) < size and not self._eof and self._error is None:
            try:
                # read1: one underlying read, so a gzip layer returns its good bytes before
                # it raises for the missing ones
                chunk = self._read_some(max(size - len(self._buffer), _CHUNK))
            except STREAM_ERRORS as exc:
                self._error = exc
                return
            if chunk:
                self._buffer += chunk
            else:
                self._eof = True

    def _read_some(self, size: int) -> bytes:
        read1 = getattr(self._source, "read1", None)
        return bytes(read1(size) if read1 is not None else self._source.read(size))

    def _take(self, size: int) -> bytes:
        if not self._buffer and self._error is not None:
            raise self._error
        data = bytes(self._buffer[:size])
        del self._buffer[:size]  # cheap: bytearray drops from the front without copying
        return data

    def peek(self, size: int = HEAD_BYTES) -> bytes:
        self._fill(size)
        return bytes(self._buffer[:size])

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            parts = []
            while chunk := self.read(_CHUNK):
                parts.append(chunk)
            return b"".join(parts)
        self._fill(size)
        return self._take(size)

    def read1(self, size: int = -1) -> bytes:
        return self.read(size if size >= 0 else _CHUNK)

    def readline(self, size: int | None = -1) -> bytes:
        limit = size if size is not None and size >= 0 else None
        scanned = 0
        while True:
            newline = self._buffer.find(b"\n", scanned)
            if newline >= 0:
                end = newline + 1
                break
            if limit is not None and len(self._buffer) >= limit:
                end = limit
                break
            scanned = len(self._buffer)
            before = len(self._buffer)
            self._fill(before + _CHUNK)
            if len(self._buffer) == before:
                end = len(self._buffer)
                break
        return self._take(end if limit is None else min(end, limit))


def _with_head(source: BinaryIO | gzip.GzipFile) -> tuple[bytes, BinaryIO]:
    stream = _Stream(source)
    return stream.peek(HEAD_BYTES), stream  # type: ignore[return-value]


def open_layers(stream: BinaryIO) -> tuple[bytes, BinaryIO, bool]:
    """Peel a gzip layer if there is one: (first bytes, the readable stream, was compressed).

    The gzip layer is decompressed as it is read; a truncated member raises one of
    ``STREAM_ERRORS`` where the data runs out, after every byte before the cut was read.
    """
    head, buffered = _with_head(stream)
    if not head.startswith(GZIP_MAGIC):
        return head, buffered, False
    inner = gzip.GzipFile(fileobj=buffered, mode="rb")
    inner_head, inner_stream = _with_head(inner)
    return inner_head, inner_stream, True


def read_capped(stream: BinaryIO, cap: int) -> bytes | None:
    """All of ``stream`` if it holds at most ``cap`` bytes, else ``None`` (read stops at cap+1)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > cap:
            return None
        chunks.append(chunk)


def iter_capped_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line) for each line; a line over ``cap`` bytes gives its length instead.

    A line over the cap is skipped chunk by chunk and never held whole, so memory stays
    bounded by the cap whatever the line's length.
    """
    lineno = 0
    while True:
        chunks: list[bytes] = []
        total = 0
        overflow = False
        while True:
            piece = stream.readline(_CHUNK)
            if not piece:
                break
            total += len(piece)
            if not overflow and total > cap + 1:
                overflow = True
                chunks.clear()
            if not overflow:
                chunks.append(piece)
            if piece.endswith(b"\n"):
                break
        if total == 0:
            return
        lineno += 1
        if overflow:
            yield lineno, total
        else:
            yield lineno, b"".join(chunks)


def looks_binary(head: bytes) -> bool:
    """True for content that is not text: known binary signatures, NUL bytes, many controls."""
    if not head:
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text, but not ours to guess
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > len(head) * 0.1


_EXTENSION_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}


def sniff_kind(name: str, head: bytes) -> str:
    """text | html | jsonl | feed | warc | binary, by extension (a ``.gz`` dropped) or content."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    dot = lowered.rfind(".")
    slash = max(lowered.rfind("/"), lowered.rfind("\\"))
    kind = _EXTENSION_KINDS.get(lowered[dot:]) if dot > slash else None
    # A WARC holds binary payloads (images, fonts) between its headers: not "binary" itself.
    if kind == "warc" or head.startswith(b"WARC/"):
        return "warc"
    if looks_binary(head):
        return "binary"
    return kind or _sniff_content(head)


def _sniff_content(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512]
    lowered = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lowered.startswith(b"<?xml") or lowered.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        probe = head[:4096].lower()
        if b"<rss" in probe or b"<feed" in probe or b"<rdf:rdf" in probe:
            return "feed"
        return "html" if b"<html" in probe else "feed"
    return "text"
