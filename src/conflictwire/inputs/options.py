"""What every reader is told: default publication day and outlet, and the size cap."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_DOC_BYTES", "ReadOptions"]

DEFAULT_MAX_DOC_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadOptions:
    """``published``/``source`` apply only to documents that carry none of their own."""

    published: str | None = None
    source: str | None = None
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
