"""Readers: files, folders and standard input to ``Document`` records.

``read_inputs(paths, ...)`` yields a ``Document`` per readable document and a ``ReadFailure``
per unreadable input (named, with the reason); it never raises for bad input.
"""

from conflictwire.inputs.reader import DEFAULT_MAX_DOC_BYTES, ReadOptions, read_inputs

__all__ = ["DEFAULT_MAX_DOC_BYTES", "ReadOptions", "read_inputs"]
