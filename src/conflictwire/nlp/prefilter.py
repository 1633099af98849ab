"""Cheap checks before the parse: which stretches of a text can hold an event at all.

Most sentences of general news tell no violent or political happening, and the dependency
parse is by far the costliest step. One regex pass over the analysis text marks *candidate*
sentences: where the extractor's own trigger finder fires (passed in as an extra cue finder,
so the filter follows the extractor's vocabulary) or a cue word of casualties, detentions and
the like appears. Beside them it keeps the sentences that carry their context: the ones before
and after, any "according to ..." (a later "the news pointed out" refers back to it), each
kept paragraph's opening sentence, and the text's opening (title, dateline). Everything else
is blanked with spaces of the same length, so every character offset of the parsed text still
indexes the analysis text; a text with no candidate is not parsed at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from conflictwire.nlp.longdocs import regroup, split_long

__all__ = [
    "DEFAULT_CONTEXT",
    "CueFn",
    "Prefiltered",
    "cue_offsets",
    "has_cue",
    "pipe_texts",
    "prefilter_text",
    "split_units",
]

# A cue finder: the offsets in a text where something that may tell an event starts.
CueFn = Callable[[str], Iterable[int]]

# Units kept either side of a candidate (counts, actors and sources told next to the act).
DEFAULT_CONTEXT = 1

# The extractor's own trigger finder is passed in as an extra cue (see the runner); these
# stems add what tells part of an event without naming the act: a toll told in a sentence of
# its own ("A third died in hospital", "The bodies of two men were found").
_CUE_STEMS = (
    r"dead\b|deaths?\b|died\b|dies\b|dying\b|casualt|fatalit|bod(?:y|ies)\b|corpses?\b"
    r"|succumb|perish|slain\b"
)
_CUE_RE = re.compile(rf"\b(?:{_CUE_STEMS})", re.IGNORECASE)

_NAMED_SOURCE_RE = re.compile(r"\baccording to\b", re.IGNORECASE)
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")

# A sentence ends at . ! ? (and any closing quotes/brackets) before whitespace and an opening
# capital, digit or quote; a line break always ends one. Splits after abbreviations that slip
# through are harmless: neighbouring units are kept as context anyway.
_UNIT_END_RE = re.compile(r"[.!?][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])|(\n+)")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Rev|St|Mt|Ft|Gen|Col|Lt|Sgt|Capt|Cpl|Maj|Adm|Gov|Sen|Rep|Pres|Prof"
    r"|Jr|Sr|Inc|Co|Corp|Ltd|Bros|No|Nos|Vol|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Ave|Blvd|Rd"
    r"|Hwy|Rt|Rte|Fig|Art|Sec|Ch|Pt|vs|etc|approx|est|[A-Z])"
    r"|\b(?:[A-Za-z]+\.)+[A-Za-z]+)$"  # U.S, W.Va, a.m
)
# "No. 5", "Hwy. 61": a short capitalised word before a number is an abbreviation too.
_SHORT_WORD_BEFORE_NUMBER_RE = re.compile(r"\b[A-Z][a-z]{0,3}$")

# Units shorter than this are fragments (abbreviation splits, headings): context reaches
# one unit further across them.
_SHORT_UNIT = 60


@dataclass(frozen=True)
class Prefiltered:
    """The outcome of the cheap checks on one text.

    ``text`` has the analysis text's length; stretches that cannot hold an event are spaces
    (line breaks kept). ``kept`` are the ``(start, end)`` stretches left as they were.
    """

    text: str
    kept: tuple[tuple[int, int], ...]
    blanked: tuple[tuple[int, int], ...] = ()

    @property
    def has_candidates(self) -> bool:
        return bool(self.kept)

    @property
    def kept_chars(self) -> int:
        return sum(end - start for start, end in self.kept)


def split_units(text: str) -> list[tuple[int, int]]:
    """Sentence-like units of ``text`` as ``(start, end)``, covering every non-space char."""
    units: list[tuple[int, int]] = []
    start = 0
    for match in _UNIT_END_RE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        cut, resume = match.start(group), match.end(group)
        if group == 1 and _is_abbreviation(text, max(start, cut - 12), match.start(), resume):
            continue
        if cut > start:
            units.append((start, cut))
        start = resume
    if start < len(text):
        units.append((start, len(text)))
    return [(s, e) for s, e in units if text[s:e].strip()]


def _is_abbreviation(text: str, since: int, period: int, following: int) -> bool:
    if _ABBREVIATION_RE.search(text, since, period):
        return True
    next_char = text[following : following + 1]
    return next_char.isdigit() and bool(_SHORT_WORD_BEFORE_NUMBER_RE.search(text, since, period))


def cue_offsets(text: str, extra: Sequence[CueFn] = ()) -> list[int]:
    """Where in ``text`` a cue word, or a hit of any extra cue finder, starts (sorted)."""
    hits = [m.start() for m in _CUE_RE.finditer(text)]
    for cue in extra:
        hits.extend(cue(text))
    return sorted(hits)


def has_cue(sentence: str, extra: Sequence[CueFn] = ()) -> bool:
    """Whether ``sentence`` could tell an event."""
    return bool(cue_offsets(sentence, extra))


def prefilter_text(
    text: str, extra: Sequence[CueFn] = (), *, context: int = DEFAULT_CONTEXT
) -> Prefiltered:
    """Blank every stretch of ``text`` that neither holds a cue nor gives one its context.

    ``extra`` finders return the offsets of their hits in the whole text (one pass per text,
    not per sentence); ``context`` is how many units either side of a candidate are kept.
    """
    units = split_units(text)
    candidates = _candidates(units, cue_offsets(text, extra))
    if not candidates:
        return Prefiltered(" " * len(text) if text else text, ())
    keep = _with_context(text, units, candidates, context)
    kept = _merge([units[i] for i in sorted(keep)])
    blanked = [(s, e) for s, e in _gaps(kept, len(text)) if text[s:e].strip()]
    return Prefiltered(_blank_outside(text, kept), tuple(kept), tuple(blanked))


def _candidates(units: list[tuple[int, int]], hits: list[int]) -> set[int]:
    starts = [start for start, _ in units]
    found: set[int] = set()
    for hit in hits:
        i = bisect.bisect_right(starts, hit) - 1
        if i >= 0 and hit < units[i][1]:
            found.add(i)
    return found


def _with_context(
    text: str, units: list[tuple[int, int]], candidates: set[int], context: int
) -> set[int]:
    keep = {0}  # the opening unit: title or dateline, anchors dates and places
    for i in candidates:
        keep.update(_neighbours(units, i, context))
    # A source named anywhere is what a later "the news pointed out" refers back to.
    keep.update(i for i, (s, e) in enumerate(units) if _NAMED_SOURCE_RE.search(text[s:e]))
    # A paragraph's opening sentence sets whose account the paragraph is.
    keep.update(_paragraph_openers(text, units, keep))
    return keep


def _paragraph_openers(text: str, units: list[tuple[int, int]], keep: set[int]) -> set[int]:
    breaks = [m.end() for m in _PARAGRAPH_BREAK_RE.finditer(text)]
    if not breaks:
        return set()
    para_of = [bisect.bisect_right(breaks, start) for start, _ in units]
    opener: dict[int, int] = {}
    for i, para in enumerate(para_of):
        opener.setdefault(para, i)
    return {opener[para_of[i]] for i in keep}


def _neighbours(units: list[tuple[int, int]], i: int, context: int) -> list[int]:
    found = [i]
    for step in (-1, 1):
        j, taken = i + step, 0
        while 0 <= j < len(units) and taken < context:
            found.append(j)
            start, end = units[j]
            # A fragment (heading, abbreviation split) does not count against the reach.
            taken += int(end - start >= _SHORT_UNIT)
            j += step
    return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _gaps(kept: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    starts = [0] + [end for _, end in kept]
    ends = [start for start, _ in kept] + [length]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]


def _blank_outside(text: str, kept: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end in kept:
        parts.append(_blank(text[pos:start]))
        parts.append(text[start:end])
        pos = end
    parts.append(_blank(text[pos:]))
    return "".join(parts)


def _blank(stretch: str) -> str:
    # Line breaks stay so paragraph structure survives; everything else becomes a space.
    return re.sub(r"[^\n]", " ", stretch)


def pipe_texts(
    nlp: Language,
    jobs: Sequence[tuple[str, Sequence[tuple[int, int]]]],
    *,
    components: Collection[str] | None = None,
    batch_size: int = 64,
) -> Iterator[Doc]:
    """``nlp.pipe`` over ``(text, blanked spans)`` pairs, each blanked stretch its own sentence.

    Left to itself the parser glues a blank stretch onto the sentence before it, whose span
    would then reach over text that was never analysed. ``components`` (names) limits the
    pipeline to what the caller reads. With neither, this is exactly ``nlp.pipe``.
    """
    pieces = [split_long(text, blanked, nlp.max_length) for text, blanked in jobs]
    flat = [piece for parts in pieces for piece in parts]
    docs: Iterable[Doc] = (_isolate(nlp.make_doc(text), blanked) for text, blanked in flat)
    for name, component in nlp.pipeline:
        if components is not None and name not in components:
            continue
        pipe = getattr(component, "pipe", None)
        docs = pipe(docs, batch_size=batch_size) if pipe is not None else map(component, docs)
    return regroup(iter(docs), [len(parts) for parts in pieces])


def _isolate(doc: Doc, blanked: Sequence[tuple[int, int]]) -> Doc:
    if not blanked:
        return doc
    ends = [end for _, end in blanked]
    for token in doc:
        if not token.is_space:
            continue
        k = bisect.bisect_right(ends, token.idx)
        if k < len(blanked) and blanked[k][0] < token.idx + len(token):
            token.is_sent_start = True
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
    return doc
