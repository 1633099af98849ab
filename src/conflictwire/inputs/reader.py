"""Dispatch inputs to the reader for their kind."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from conflictwire.inputs.jsonl import read_jsonl_lines
from conflictwire.inputs.text import decode_bytes, text_document
from conflictwire.records import Document, ReadFailure

__all__ = ["DEFAULT_MAX_DOC_BYTES", "ReadOptions", "read_inputs"]

log = logging.getLogger(__name__)

DEFAULT_MAX_DOC_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadOptions:
    published: str | None = None
    source: str | None = None
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES


def normalize_doc_path(path: str) -> str:
    """``./a.txt`` and ``a.txt`` are one document."""
    return os.path.normpath(path)


def read_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Document | ReadFailure]:
    opts = options or ReadOptions()
    for name in inputs:
        if name == "-":
            yield from _read_stdin(opts)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _read_file(child, opts)
        elif path.is_file():
            yield from _read_file(path, opts)
        else:
            yield ReadFailure(name, "no such file or folder")


def _read_stdin(opts: ReadOptions) -> Iterator[Document | ReadFailure]:
    data = sys.stdin.buffer.read()
    yield from _read_bytes("-", "-", data, opts)


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Document | ReadFailure]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_doc_bytes and path.suffix.lower() in (".txt", ""):
            yield ReadFailure(name, f"over the size cap ({size} > {opts.max_doc_bytes} bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(name, normalize_doc_path(name), data, opts)


def _read_bytes(
    name: str, doc_id: str, data: bytes, opts: ReadOptions
) -> Iterator[Document | ReadFailure]:
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".ndjson") or (suffix not in (".txt",) and _looks_like_jsonl(data)):
        yield from read_jsonl_lines(name, data, opts.published, opts.source, opts.max_doc_bytes)
        return
    if b"\x00" in data[:4096]:
        yield ReadFailure(name, "binary content, not text")
        return
    if len(data) > opts.max_doc_bytes:
        yield ReadFailure(name, f"over the size cap ({len(data)} > {opts.max_doc_bytes} bytes)")
        return
    text, replaced = decode_bytes(data)
    if replaced:
        log.warning("%s: invalid UTF-8 bytes replaced", name)
    yield text_document(doc_id, text, opts.published, opts.source)


def _looks_like_jsonl(data: bytes) -> bool:
    head = data.lstrip()[:1]
    return head == b"{"
