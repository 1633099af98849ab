"""A WARC stream cut into records without trusting each record's ``Content-Length``.

A record whose length is wrong would, read blindly, take the following record into its body
(too long) or leave its tail to be misread as the next header (too short); either way a record
is lost without a word. Here every record's end is checked: the two line breaks after the body
must be followed by the next ``WARC/1.x`` line or the end of the stream. A record that fails
the check is named as a failure, and reading resumes at the next record header found in the
bytes, so the records after it are read as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["RawRecord", "SplitFailure", "split_records"]

_CHUNK = 1 << 20
_MAX_HEADER = 64 * 1024
_HEAD_KEEP = 64 * 1024  # of a body over the cap: enough to read its HTTP status and type
_VERSION = re.compile(rb"WARC/1\.[01]\r?\n")
# The start of a record inside bytes that were taken for a body (a length too long).
_NEXT_RECORD = re.compile(rb"\r?\n\r?\nWARC/1\.[01]\r?\n")
_MARKER_MAX = 14  # the longest match of _NEXT_RECORD
_LENGTH = re.compile(rb"^content-length:[ \t]*(\d{1,18})[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_TARGET = re.compile(rb"^warc-target-uri:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class RawRecord:
    """A record whose length checked out. ``body`` is None when over the cap (``head`` is its
    first 64 KB then)."""

    header: bytes
    body: bytes | None
    head: bytes
    length: int

    @property
    def uri(self) -> str | None:
        match = _TARGET.search(self.header)
        return match[1].decode("utf-8", "replace") if match else None


@dataclass(frozen=True)
class SplitFailure:
    """A stretch of the stream that is no well-formed record: where it is and why."""

    where: str
    reason: str


class _Pushback:
    """A binary stream that can take bytes back (read too far looking for a record's end)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._buffer = bytearray()
        self.offset = 0  # bytes handed out so far, net of those taken back

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            chunk = self._stream.read(max(size - len(self._buffer), _CHUNK))
            if not chunk:
                break
            self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        self.offset += len(data)
        return data

    def readline(self, limit: int) -> bytes:
        line = bytearray()
        while len(line) < limit:
            piece = self.read(min(4096, limit - len(line)))
            if not piece:
                break
            newline = piece.find(b"\n")
            if newline >= 0:
                self.unread(piece[newline + 1 :])
                line += piece[: newline + 1]
                break
            line += piece
        return bytes(line)

    def unread(self, data: bytes) -> None:
        self._buffer[:0] = data
        self.offset -= len(data)


def split_records(name: str, stream: BinaryIO, cap: int) -> Iterator[RawRecord | SplitFailure]:
    """Each record of ``stream`` in order, or a ``SplitFailure`` for each damaged stretch."""
    reader = _Pushback(stream)
    quiet = False  # junk right after a record already named as damaged is that record's tail
    while True:
        start = reader.offset
        skipped, more = _skip_to_record(reader)
        if skipped and not quiet:
            yield SplitFailure(
                f"{name} @{start}", f"{skipped} bytes outside any WARC record skipped"
            )
        if not more:
            return
        at = reader.offset
        item = _read_record(name, reader, cap)
        quiet = isinstance(item, SplitFailure)
        if isinstance(item, SplitFailure) and item.where == "":
            item = SplitFailure(f"{name} @{at}", item.reason)
        yield item


def _skip_to_record(reader: _Pushback) -> tuple[int, bool]:
    """Consume everything up to the next ``WARC/1.x`` line: (bytes skipped that were not
    blank lines, whether a record follows)."""
    skipped = 0
    while True:
        line = reader.readline(_MAX_HEADER)
        if not line:
            return skipped, False
        if _VERSION.fullmatch(line):
            reader.unread(line)
            return skipped, True
        if line.strip():
            skipped += len(line)


def _read_record(name: str, reader: _Pushback, cap: int) -> RawRecord | SplitFailure:
    header = _read_header(reader)
    if header is None:
        return SplitFailure("", f"record header unreadable or over {_MAX_HEADER} bytes")
    uri = _TARGET.search(header)
    where = f"{name}: {uri[1].decode('utf-8', 'replace')}" if uri else ""
    length_match = _LENGTH.search(header)
    if length_match is None:
        return SplitFailure(where, "record without a Content-Length")
    length = int(length_match[1])
    body, kept, got, cut = _read_body(reader, length, cap)
    if cut is not None:
        return SplitFailure(
            where, f"Content-Length {length} is wrong: the next record starts after {cut} bytes"
        )
    if got < length:
        return SplitFailure(where, f"record cut short: {got} of {length} bytes")
    trailer = reader.read(4)
    if trailer not in (b"\r\n\r\n", b"") and not trailer.startswith(b"\n\n"):
        reader.unread(trailer)
        return SplitFailure(where, f"Content-Length {length} is wrong: the body runs on past it")
    if trailer.startswith(b"\n\n"):
        reader.unread(trailer[2:])
    return RawRecord(header, body, kept, length)


def _read_header(reader: _Pushback) -> bytes | None:
    lines: list[bytes] = []
    size = 0
    while True:
        line = reader.readline(_MAX_HEADER)
        size += len(line)
        if not line or size > _MAX_HEADER:
            return None
        lines.append(line)
        if line in (b"\r\n", b"\n"):
            return b"".join(lines)


def _read_body(
    reader: _Pushback, length: int, cap: int
) -> tuple[bytes | None, bytes, int, int | None]:
    """(body or None over the cap, its first bytes, bytes read, where a next record cut it).

    Read in chunks and never held whole past the cap; each chunk is searched for the start of
    a record (with an overlap across chunk edges), which a correct length never contains.
    """
    parts: list[bytes] = []
    head = b""
    got = 0
    tail = b""
    keep = length <= cap
    while got < length:
        chunk = reader.read(min(_CHUNK, length - got))
        if not chunk:
            break
        window = tail + chunk
        found = _NEXT_RECORD.search(window)
        if found is not None:
            cut = got - len(tail) + found.start()
            version = _VERSION.search(window, found.start())
            assert version is not None  # _NEXT_RECORD ends with a version line
            reader.unread(window[version.start() :])  # the next record is read from there
            return None, head, got, cut
        if keep:
            parts.append(chunk)
        if len(head) < _HEAD_KEEP:
            head += chunk[: _HEAD_KEEP - len(head)]
        got += len(chunk)
        tail = window[-_MARKER_MAX:]
    body = b"".join(parts) if keep else None
    return body, head, got, None
