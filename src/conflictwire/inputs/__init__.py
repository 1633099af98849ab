"""Readers: files, folders and standard input to ``Document`` records.

``read_inputs(paths, ...)`` yields a ``Document`` per readable document and a ``ReadFailure``
per unreadable input (named, with the reason); it never raises for bad input. Kinds: plain
text, HTML pages, JSONL, RSS/Atom feeds, WARC archives, each optionally gzip-compressed.
"""

from conflictwire.inputs.options import DEFAULT_MAX_DOC_BYTES, ReadOptions
from conflictwire.inputs.reader import normalize_doc_path, read_inputs

__all__ = ["DEFAULT_MAX_DOC_BYTES", "ReadOptions", "normalize_doc_path", "read_inputs"]
