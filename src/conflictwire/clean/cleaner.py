"""Document cleaning: furniture blanked, whitespace and quotes normalized, offsets kept.

The document's own text is never edited (evidence spans index it). The analysis copy is built
character by character with ``offsets[i]`` = the original index of ``analysis[i]``:

* furniture (footers, credits, a truncated copy of the lead, repeated paragraphs) becomes
  blank, with its line breaks kept, so the sentences around it never merge;
* each run of blanks becomes one space, one newline, or a paragraph break (a U+2028 line
  separator counts as a newline, a U+2029 paragraph separator as a paragraph break), and maps
  to the run's first original index, so an analysis span that ends before a run maps to an
  original span that ends before it too;
* curly quotes and full-width punctuation become their ASCII forms, one for one;
* zero-width characters and soft hyphens are dropped.
"""

from __future__ import annotations

import re

from conflictwire.clean.dateline import find_dateline
from conflictwire.clean.furniture import (
    duplicate_paragraphs,
    furniture_lines,
    paragraph_spans,
    reference_sources,
)
from conflictwire.records import CleanedText, Document, Span

__all__ = ["build_analysis", "clean_document", "furniture_spans"]

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\uff0c": ",", "\uff1a": ":", "\uff1b": ";", "\uff08": "(", "\uff09": ")",
    "\uff01": "!", "\uff1f": "?", "\u3002": ".",
}  # fmt: skip
# A line separator ends a line as "\n" does; a paragraph separator is a paragraph break.
_LINE_BREAKS = {"\n": 1, "\u2028": 1, "\u2029": 2}
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")


def clean_document(doc: Document) -> CleanedText:
    """The analysis copy of ``doc.text``, its offset map, cited source and dateline day."""
    text = doc.text
    masks, cited = furniture_spans(text)
    analysis, offsets = build_analysis(text, masks)
    identity = analysis == text
    return CleanedText(
        original=text,
        analysis=analysis,
        offsets=None if identity else offsets,
        cited_source=cited,
        dateline_date=find_dateline(analysis, doc.published),
        masked=[Span(s, e, text[s:e]) for s, e in masks],
    )


def furniture_spans(text: str) -> tuple[list[tuple[int, int]], str | None]:
    """Merged spans to blank (original offsets) and the source a credit line cites, if any."""
    spans: list[tuple[int, int]] = list(furniture_lines(text))
    cited: str | None = None
    for start, end, name in reference_sources(text):
        spans.append((start, end))
        cited = cited or name
    paragraphs = [p for p in paragraph_spans(text) if not _covered(p, spans)]
    spans.extend(duplicate_paragraphs(text, paragraphs))
    return _merge(spans), cited


def _covered(span: tuple[int, int], masks: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in masks)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def build_analysis(text: str, masks: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The analysis string and its offset map (one extra entry for the end)."""
    blank = _blank_flags(text, masks)
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if not blank[i]:
            char = text[i]
            if char not in _DROPPED:
                out.append(_CHAR_MAP.get(char, char))
                offsets.append(i)
            i += 1
            continue
        start = i
        newlines = 0
        while i < n and blank[i]:
            newlines += _LINE_BREAKS.get(text[i], 0)
            i += 1
        if out and i < n:  # a run at either end of the text is dropped
            filler = "\n\n" if newlines >= 2 else "\n" if newlines else " "
            out.append(filler)
            offsets.extend([start] * len(filler))
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return "".join(out), offsets


def _blank_flags(text: str, masks: list[tuple[int, int]]) -> list[bool]:
    flags = [char.isspace() for char in text]
    for start, end in masks:
        flags[start:end] = [True] * (end - start)
    # An invisible character at a word's edge joins the blank run beside it, so a span ending
    # at that word maps to an original span that ends at the word; inside a word it is dropped.
    invisible = [m.start() for m in _DROPPED_RE.finditer(text)]
    for i in reversed(invisible):
        if i + 1 == len(text) or flags[i + 1]:
            flags[i] = True
    for i in invisible:
        if i == 0 or flags[i - 1]:
            flags[i] = True
    return flags
