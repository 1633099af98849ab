"""Near-duplicate documents (syndicated copies, one wire story on ten sites) by MinHash LSH.

Documents are compared on their cleaned analysis text, so copies that differ only in site
furniture, quotes or whitespace still match. The first document seen is kept; later ones
name it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator

from conflictwire.clean.cleaner import clean_document
from conflictwire.records import Document, ReadFailure, Skipped

__all__ = ["NearDuplicateFilter", "drop_near_duplicates"]

_WORD = re.compile(r"\w+")
# Word shingles this long tell a rewritten story from a copied one.
_SHINGLE = 3
# Texts with fewer shingles than this are too short for a Jaccard estimate: exact match only.
_MIN_SHINGLES = 8


class NearDuplicateFilter:
    """Remembers documents; ``seen(doc)`` names an earlier near-copy of ``doc``, or None."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, object] = {}
        self._exact: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def seen(self, doc: Document) -> str | None:
        """The doc_id ``doc`` duplicates, else None (and ``doc`` is remembered)."""
        words = _WORD.findall(clean_document(doc).analysis.lower())
        if not words:
            return None
        fingerprint = hashlib.sha1(" ".join(words).encode()).hexdigest()
        if fingerprint in self._exact:
            return self._exact[fingerprint]
        if doc.doc_id in self._order:
            return doc.doc_id
        shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
        self._exact[fingerprint] = doc.doc_id
        self._order[doc.doc_id] = len(self._order)
        if len(shingles) < _MIN_SHINGLES:
            return None
        minhash = self._minhash(shingles)
        match = self._best_match(minhash)
        if match is not None:
            return match
        self._lsh.insert(doc.doc_id, minhash)
        self._hashes[doc.doc_id] = minhash
        return None

    def _minhash(self, shingles: set[str]) -> object:
        from datasketch import MinHash

        minhash = MinHash(num_perm=self.num_perm)
        minhash.update_batch([s.encode() for s in sorted(shingles)])
        return minhash

    def _best_match(self, minhash: object) -> str | None:
        candidates = [
            key
            for key in self._lsh.query(minhash)
            if self._hashes[key].jaccard(minhash) >= self.threshold  # type: ignore[attr-defined]
        ]
        return min(candidates, key=self._order.__getitem__, default=None)


def drop_near_duplicates(
    items: Iterable[Document | ReadFailure],
    on_skip: Callable[[Skipped], None],
    dedupe: NearDuplicateFilter | None = None,
) -> Iterator[Document | ReadFailure]:
    """``items`` without near-duplicate documents; each one dropped is passed to ``on_skip``."""
    seen = dedupe or NearDuplicateFilter()
    for item in items:
        if isinstance(item, Document):
            original = seen.seen(item)
            if original is not None:
                on_skip(Skipped(item.doc_id, f"near-duplicate of {original}"))
                continue
        yield item
