"""Labelled examples for training: the project's corpus and users' own label files."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path

from conflictwire.evaluation.snippets import LabelledRow, read_labelled

__all__ = ["CORPUS_DIR", "corpus_digest", "corpus_files", "load_examples"]

log = logging.getLogger(__name__)

# The repository's own labelled corpus (never shipped in the wheel: only the model built from it).
CORPUS_DIR = Path(__file__).resolve().parents[3] / "corpus" / "train"


def corpus_files(folder: Path = CORPUS_DIR) -> list[Path]:
    """The corpus files in a stable order (the order decides nothing but the digest)."""
    return sorted(p for p in folder.glob("*.tsv") if p.is_file())


def load_examples(paths: Iterable[Path], problems: list[str] | None = None) -> list[LabelledRow]:
    """Every usable row of ``paths``; bad rows are named in ``problems`` and skipped. Exact
    duplicates (same text, same label) are kept once so that no file outweighs the rest."""
    seen: set[tuple[str, str]] = set()
    rows: list[LabelledRow] = []
    for path in paths:
        for row in read_labelled(path, problems):
            key = (" ".join(row.text.split()), row.label)
            if key in seen:
                continue
            seen.add(key)
            rows.append(row)
    return rows


def corpus_digest(rows: Iterable[LabelledRow]) -> str:
    """A content hash of the training rows: the same corpus gives the same model identity."""
    h = hashlib.sha256()
    for row in rows:
        h.update(row.label.encode("utf-8") + b"\t" + row.text.encode("utf-8") + b"\n")
    return h.hexdigest()
