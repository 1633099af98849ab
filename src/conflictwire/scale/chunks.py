"""Cutting a document stream into work units of bounded size."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from conflictwire.backend import Item
from conflictwire.records import Document

__all__ = ["DEFAULT_CHUNK_CHARS", "DEFAULT_CHUNK_DOCS", "Item", "chunked"]

# A chunk is the unit handed to a worker and to ``nlp.pipe``: large enough that batching and
# inter-process traffic pay off, small enough that the chunks in flight stay a few MB.
DEFAULT_CHUNK_DOCS = 32
DEFAULT_CHUNK_CHARS = 400_000


def chunked(
    items: Iterable[Item],
    max_docs: int = DEFAULT_CHUNK_DOCS,
    max_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[list[Item]]:
    """Consecutive runs of ``items``, each closed at ``max_docs`` items or ``max_chars`` of text.

    The cut depends on the input alone (never on timing or the number of workers), so every
    run batches the same documents together and gives the same output.
    """
    chunk: list[Item] = []
    chars = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            chars += len(item.text)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk
