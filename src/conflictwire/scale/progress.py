"""A progress line on standard error: documents/s, events, skipped (only on a terminal)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TextIO, TypeVar

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from conflictwire.records import ReadFailure

__all__ = ["ProgressBar"]

T = TypeVar("T")


class ProgressBar:
    """Counts documents, events and skips; draws them on ``stream`` when it is a terminal.

    Off a terminal (a pipe, a log file, CI) it draws nothing, so captured stderr holds only
    the run's real messages.
    """

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self._stream = stream or sys.stderr
        self.enabled = _is_tty(self._stream) if enabled is None else enabled
        self.documents = 0
        self.events = 0
        self.skipped = 0
        self.unreadable = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = time.monotonic()

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            self._start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._refresh()
            self._progress.stop()
            self._progress = None

    def track(self, results: Iterable[T]) -> Iterator[T]:
        """Yield ``results`` (pipeline results) unchanged, counting them on the way."""
        with self:
            for result in results:
                if isinstance(result, ReadFailure):
                    self.unreadable += 1
                else:
                    skipped = getattr(result, "skipped", None) is not None
                    self.advance(events=len(getattr(result, "events", ())), skipped=skipped)
                yield result

    def advance(self, *, events: int = 0, skipped: bool = False) -> None:
        self.documents += 1
        self.events += events
        self.skipped += int(skipped)
        if self._progress is not None:
            self._refresh()

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self._started
        return self.documents / elapsed if elapsed > 0 else 0.0

    def describe(self) -> str:
        return (
            f"{self.documents} documents ({self.rate:.1f}/s), "
            f"{self.events} events, {self.skipped} skipped"
            + (f", {self.unreadable} unreadable" if self.unreadable else "")
        )

    def _start(self) -> None:
        console = Console(file=self._stream, stderr=self._stream is sys.stderr)
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        progress.start()
        self._task = progress.add_task(self.describe(), total=None)
        self._progress = progress

    def _refresh(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=self.describe())


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
