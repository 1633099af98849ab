"""Dispatch inputs (files, folders, standard input) to the reader for their kind.

A kind is told by extension (a ``.gz`` suffix dropped) or, failing that, by sniffing the
first bytes; gzip layers are peeled by their magic number, whatever the name says.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from conflictwire.inputs.feed import read_feed
from conflictwire.inputs.html import extract_page
from conflictwire.inputs.jsonl import read_jsonl_stream
from conflictwire.inputs.options import DEFAULT_MAX_DOC_BYTES, ReadOptions
from conflictwire.inputs.streams import STREAM_ERRORS, open_layers, read_capped, sniff_kind
from conflictwire.inputs.text import decode_noted, text_document
from conflictwire.inputs.warc import read_warc
from conflictwire.records import Document, ReadFailure

__all__ = ["DEFAULT_MAX_DOC_BYTES", "ReadOptions", "normalize_doc_path", "read_inputs"]

log = logging.getLogger(__name__)

# Kinds whose whole input is one parse: their size is capped before anything is read.
_WHOLE_KINDS = frozenset({"text", "html", "feed"})
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def normalize_doc_path(path: str) -> str:
    """``./a.txt`` and ``a.txt`` are one document."""
    return os.path.normpath(path)


def read_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Document | ReadFailure]:
    """A ``Document`` per readable document, a ``ReadFailure`` per unreadable input, in order."""
    opts = options or ReadOptions()
    seen: set[str] = set()  # a file named twice (``./a.txt a.txt``, or in a walked folder too)
    for name in inputs:
        if name == "-":
            yield from _read_stream("-", "-", sys.stdin.buffer, opts, size=None)
            continue
        path = Path(name)
        if path.is_dir():
            for child in _walk(path):
                if isinstance(child, ReadFailure):
                    yield child
                elif _first_time(child, seen):
                    yield from _read_file(child, opts)
        elif path.is_file():
            if _first_time(path, seen):
                yield from _read_file(path, opts)
        elif path.exists():
            yield ReadFailure(name, "not a regular file or folder")
        else:
            yield ReadFailure(name, "no such file or folder")


def _first_time(path: Path, seen: set[str]) -> bool:
    """One document per file, however many times the command line reaches it."""
    key = os.path.realpath(path)
    if key in seen:
        log.info("%s: named again; read once", path)
        return False
    seen.add(key)
    return True


def _walk(folder: Path) -> Iterator[Path | ReadFailure]:
    """Files under ``folder`` in sorted order; hidden entries and symlinked folders left out.

    A folder that cannot be listed (permissions, vanished mid-walk) is a ``ReadFailure`` in
    its place: ``os.walk`` alone skips it without a word.
    """
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _walk_failures(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for linked in [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            # Not followed (a link can loop back up the tree); said, so it is no silent loss.
            log.warning("%s: a linked folder, not walked; name it to read it", Path(root, linked))
        for file in sorted(files):
            if not file.startswith("."):
                yield Path(root) / file
    yield from _walk_failures(errors)


def _walk_failures(errors: list[OSError]) -> Iterator[ReadFailure]:
    for exc in errors:
        yield ReadFailure(str(exc.filename or "?"), f"cannot list folder: {exc.strerror or exc}")
    errors.clear()


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Document | ReadFailure]:
    name = str(path)
    try:
        handle = path.open("rb")
        size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        yield ReadFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from _read_stream(name, normalize_doc_path(name), handle, opts, size=size)


def _read_stream(
    name: str, doc_id: str, raw: BinaryIO, opts: ReadOptions, size: int | None
) -> Iterator[Document | ReadFailure]:
    try:
        head, stream, compressed = open_layers(raw)
        kind = sniff_kind(name, head)
        if kind == "binary":
            yield ReadFailure(name, "binary content, not text: refused")
            return
        if (
            kind in _WHOLE_KINDS
            and not compressed
            and size is not None
            and size > opts.max_doc_bytes
        ):
            yield ReadFailure(name, f"over the size cap ({size} > {opts.max_doc_bytes} bytes)")
            return
        yield from _read_kind(kind, name, doc_id, stream, opts)
    except STREAM_ERRORS as exc:
        yield ReadFailure(name, f"truncated or corrupt compressed data: {exc}")
    except OSError as exc:
        yield ReadFailure(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser's own bug: this input is named, the run goes on
        log.debug("%s: reading failed", name, exc_info=True)
        yield ReadFailure(name, f"reading failed: {type(exc).__name__}: {exc}")


def _read_kind(
    kind: str, name: str, doc_id: str, stream: BinaryIO, opts: ReadOptions
) -> Iterator[Document | ReadFailure]:
    cap = opts.max_doc_bytes
    if kind == "jsonl":
        yield from read_jsonl_stream(name, stream, opts)
        return
    if kind == "warc":
        yield from read_warc(name, stream, opts)
        return
    data = read_capped(stream, cap)
    if data is None:
        yield ReadFailure(name, f"over the size cap (more than {cap} bytes)")
        return
    if kind == "feed":
        yield from read_feed(name, data, opts)
    elif kind == "html":
        yield _html_document(name, doc_id, data, opts)
    else:
        yield text_document(doc_id, decode_noted(name, data), opts.published, opts.source)


def _html_document(name: str, doc_id: str, data: bytes, opts: ReadOptions) -> Document:
    declared = _META_CHARSET.search(data[:4096])
    charset = declared[1].decode("ascii") if declared else None
    page = extract_page(decode_noted(name, data, charset))
    return Document(
        doc_id=doc_id,
        text=page.text,
        title=page.title,
        url=page.url,
        source=page.source or opts.source,
        published=page.published or opts.published,
    )
