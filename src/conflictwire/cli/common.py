"""Helpers shared by the commands: input reading with error reporting, output opening."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import typer

from conflictwire.records import Document, ReadFailure

__all__ = ["RunStats", "open_output", "report_failure", "validate_date"]


@dataclass
class RunStats:
    documents: int = 0
    events: int = 0
    failures: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def summary(self) -> str:
        parts = [f"{self.documents} documents", f"{self.events} events"]
        if self.failures:
            parts.append(f"{self.failures} unreadable")
        for reason, count in sorted(self.skipped.items()):
            parts.append(f"{count} skipped ({reason})")
        return ", ".join(parts)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def report_failure(failure: ReadFailure, stats: RunStats) -> None:
    stats.failures += 1
    typer.echo(f"conflictwire: {failure.name}: {failure.reason}", err=True)


def count_documents(items: Iterator[Document | ReadFailure], stats: RunStats) -> Iterator[Document]:
    for item in items:
        if isinstance(item, ReadFailure):
            report_failure(item, stats)
        else:
            stats.documents += 1
            yield item


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def validate_date(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from None


def model_option(value: Path | None) -> str | None:
    """``--model DIR``: a model folder from ``conflictwire train``, checked before any work."""
    if value is None:
        return None
    if not (value / "meta.json").is_file() or not (value / "model.onnx").is_file():
        raise typer.BadParameter(f"{value}: not a model folder (no meta.json and model.onnx)")
    return str(value)
