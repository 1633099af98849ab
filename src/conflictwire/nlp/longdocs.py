"""Texts longer than the parser's ``max_length``: parsed in pieces, joined into one Doc.

spaCy refuses a text over ``nlp.max_length`` (1M characters) outright, yet the contract
accepts documents up to 20 MB. Such a text is cut at line breaks into pieces under the limit,
each piece parsed on its own, and the pieces joined with ``Doc.from_docs`` without added
whitespace, so the joined Doc's text is exactly the input and every offset still holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

__all__ = ["join_pieces", "regroup", "split_long"]

Blanked = Sequence[tuple[int, int]]


def split_long(text: str, blanked: Blanked, limit: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """``text`` cut into pieces of at most ``limit`` characters, preferring line breaks.

    Each piece carries the blanked spans that fall in it, shifted to the piece's offsets.
    """
    pieces: list[tuple[str, list[tuple[int, int]]]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut != -1 else end
        spans = [
            (max(a, start) - start, min(b, end) - start)
            for a, b in blanked
            if a < end and b > start
        ]
        pieces.append((text[start:end], spans))
        start = end
    return pieces


def join_pieces(docs: Sequence[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(list(docs), ensure_whitespace=False)


def regroup(docs: Iterator[Doc], sizes: Sequence[int]) -> Iterator[Doc]:
    """Joins consecutive piece Docs back into one Doc per text (``sizes``: pieces per text)."""
    for size in sizes:
        yield join_pieces([next(docs) for _ in range(size)])
