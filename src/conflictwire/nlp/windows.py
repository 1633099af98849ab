"""Long documents in bounded windows, so time grows linearly with length and memory stays flat.

A document's analysis text over ``WINDOW_FROM`` characters is cut into *cores* of about
``WINDOW_CHARS`` characters, ending at paragraph breaks where there are any (else at sentence
ends, else at spaces). Each window is its core plus ``OVERLAP_CHARS`` of context either side,
so a happening told across a core's edge is seen whole by the window that owns its start; the
window also opens with the document's dateline, which anchors its dates as it anchors the
whole document's. The extractor runs on each window as on a document of its own; a window
*owns* the events whose first evidence starts in its core, and only those are kept, so each
happening is reported once. Evidence offsets go through the window's map back to the
document's text, exactly as the whole document's would.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from conflictwire.records import CleanedText, Event

__all__ = [
    "OVERLAP_CHARS",
    "WINDOW_CHARS",
    "WINDOW_FROM",
    "Window",
    "WindowText",
    "owned_events",
    "plan_windows",
    "window_texts",
]

# Shorter texts (nearly every news article) are processed whole, exactly as before.
WINDOW_FROM = 30_000
WINDOW_CHARS = 20_000
OVERLAP_CHARS = 2_500
# What the window puts between the document's dateline and its own text.
_SEPARATOR = "\n\n"
# A dateline longer than this is not one (the head is repeated in every window).
_MAX_HEAD = 600

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE = re.compile(r"[.!?][\"')\]]*\s+|\n\s*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Window:
    """Analysis offsets: the window's text is ``[start, end)``, it owns ``[core_start,
    core_end)``."""

    start: int
    end: int
    core_start: int
    core_end: int


@dataclass
class WindowText(CleanedText):
    """A window's analysis text: the document's head (``head`` characters), a separator, then
    the document's analysis text from ``shift`` on. Offsets map through ``whole``."""

    whole: CleanedText | None = None
    head: int = 0
    shift: int = 0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._point(start), self._point(end)

    def _point(self, index: int) -> int:
        assert self.whole is not None
        if index < self.head:
            at = index
        elif index < self.head + self._gap:
            at = self.head  # the separator stands for the end of the head
        else:
            at = index - self.head - self._gap + self.shift
        return self.whole.to_original(at, at)[0]

    @property
    def _gap(self) -> int:
        return len(_SEPARATOR) if self.head else 0


def plan_windows(text: str, size: int | None = None, overlap: int | None = None) -> list[Window]:
    """The windows of ``text``: one covering all of it when it is short enough. Sizes default
    to the module's settings, read at each call."""
    size = size or WINDOW_CHARS
    overlap = OVERLAP_CHARS if overlap is None else overlap
    if len(text) <= max(size, WINDOW_FROM):
        return [Window(0, len(text), 0, len(text))]
    paragraphs = _starts(_PARAGRAPH, text)
    sentences = sorted(set(paragraphs) | set(_starts(_SENTENCE, text)))
    windows: list[Window] = []
    core_start = 0
    while core_start < len(text):
        core_end = _core_end(text, core_start, size, paragraphs, sentences)
        start = _at_or_before(sentences, max(0, core_start - overlap))
        end = _at_or_after(sentences, min(len(text), core_end + overlap), len(text))
        windows.append(Window(start, end, core_start, core_end))
        core_start = core_end
    return windows


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.end() for m in pattern.finditer(text) if 0 < m.end() < len(text)]


def _core_end(text: str, start: int, size: int, paragraphs: list[int], units: list[int]) -> int:
    """The last paragraph start in the second half of the core's room, else the last sentence
    start, else the last space, else ``size`` characters on."""
    limit = start + size
    if limit >= len(text):
        return len(text)
    floor = start + size // 2
    for cuts in (paragraphs, units):
        i = bisect.bisect_right(cuts, limit) - 1
        if i >= 0 and cuts[i] > floor:
            return cuts[i]
    spaces = [m.end() for m in _SPACE.finditer(text, floor, limit)]
    return spaces[-1] if spaces else limit


def _at_or_before(cuts: list[int], pos: int) -> int:
    i = bisect.bisect_right(cuts, pos) - 1
    return cuts[i] if i >= 0 else 0


def _at_or_after(cuts: list[int], pos: int, length: int) -> int:
    i = bisect.bisect_left(cuts, pos)
    return cuts[i] if i < len(cuts) else length


def window_texts(
    cleaned: CleanedText, head: int, windows: list[Window]
) -> list[tuple[CleanedText, tuple[int, int]]]:
    """Each window's cleaned text and its core in original offsets (``head``: where the
    document's dateline ends, 0 for none)."""
    if len(windows) == 1:
        return [(cleaned, (0, len(cleaned.original) + 1))]
    head = head if 0 < head <= _MAX_HEAD else 0
    out: list[tuple[CleanedText, tuple[int, int]]] = []
    for window in windows:
        lead = head if window.start >= head else 0
        body = cleaned.analysis[window.start : window.end]
        analysis = cleaned.analysis[:lead] + _SEPARATOR + body if lead else body
        text = WindowText(
            original=cleaned.original,
            analysis=analysis,
            offsets=None,
            cited_source=cleaned.cited_source,
            dateline_date=cleaned.dateline_date,
            masked=cleaned.masked,
            whole=cleaned,
            head=lead,
            shift=window.start,
        )
        first = window.core_start == 0
        core_start = 0 if first else cleaned.to_original(window.core_start, window.core_start)[0]
        last = window.core_end >= len(cleaned.analysis)
        core_end = (
            len(cleaned.original) + 1
            if last
            else cleaned.to_original(window.core_end, window.core_end)[0]
        )
        out.append((text, (core_start, core_end)))
    return out


def owned_events(events: list[Event], core: tuple[int, int], first: bool) -> list[Event]:
    """The events a window owns: those whose first evidence starts in its core (an event with
    no evidence belongs to the first window)."""
    start, end = core
    kept = []
    for event in events:
        if not event.evidence:
            if first:
                kept.append(event)
        elif start <= min(span.start for span in event.evidence) < end:
            kept.append(event)
    return kept
