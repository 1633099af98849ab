"""Site furniture: footers, credits, share/subscribe lines, cookie notices, copied leads.

Everything here finds spans (original offsets) to blank; nothing edits text. Patterns describe
the common phrasing of scraped and machine-translated pages, not one site's exact strings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

__all__ = ["duplicate_paragraphs", "furniture_lines", "paragraph_spans", "reference_sources"]

# A whole line that is one of these is furniture (only short lines: an article paragraph
# that mentions cookies or a newsletter is not).
_LINE_PATTERNS = [
    r"if (?:there is |there are )?any (?:infringement|copyright (?:issue|problem)s?)\b.*",
    r"(?:if|in case|should)\b.{0,40}\binfringe(?:ment|s)?\b.*",
    r".{0,80}\ball rights reserved\b.*",
    r"(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?\d{4}\b.*",
    r"copyright\s+\d{4}\b.*",
    r"(?:click|tap) here\b.*",
    r"(?:sign up|subscribe)\b.*",
    r".*\bsubscribe\b.*\bnewsletter\b.*",
    r"follow us\b.*",
    r"share (?:this|on|via)\b.*",
    r"(?:read|see) (?:more|also)\s*(?:[:：>»].*)?",
    r"(?:related|recommended|most read|most popular)"
    r"(?: articles| stories| news| reading)?\s*[:：]?",
    r"advertisement|sponsored content|back to top|print this (?:page|article)",
    r"(?:we|this (?:site|website)) uses? cookies\b.*",
    r"(?:accept|reject|manage) (?:all )?cookies\b.*",
    r".*\bcookie (?:policy|settings|preferences)\b.*",
    r"(?:responsible |executive )?editor\s*[:：].*",
    r"(?:edited|proofread|translated|compiled|reviewed) by\s*[:：]?.*",
    r"\(?(?:reporting|writing|editing|additional reporting) by\b.*",
    r"this article (?:is|was) (?:reproduced|reprinted|republished|transferred|from)\b.*",
    r"(?:disclaimer|statement|declaration)\s*[:：].*",
    r"(?:photo|image|picture|video) (?:source|credit)s?\s*[:：].*",
    r"(?:tags?|keywords?)\s*[:：].*",
    r"(?:previous|next) (?:article|post|story)\b.*",
    r".{0,40}\bthe views expressed\b.*\bnot (?:necessarily )?reflect\b.*",
    r"please (?:contact|inform) us\b.*\b(?:delete|deletion|remove|removal)\b.*",
]
_LINE_RE = re.compile(r"^\s*(?:" + "|".join(_LINE_PATTERNS) + r")\s*$", re.IGNORECASE)
_MAX_FURNITURE_LINE = 300
# The same footers glued to the end of the last paragraph ("...to control. If there is any
# infringement, please contact us.")
_TRAILER_RE = re.compile(
    r"(?<=[.!?。\"”])[ \t]+((?:if (?:there is |there are )?any infringement|all rights reserved"
    r"|this article (?:is|was) (?:reproduced|reprinted|republished)|(?:click|tap) here\b"
    r"|subscribe (?:to|for)\b)[^\n]{0,200})$",
    re.IGNORECASE | re.MULTILINE,
)

# "Reference source for some information on : CCTV News" (the colon may sit on its own
# paragraph), "Source: Xinhua", "(Source: Reuters)": the original reporter the page cites.
_NAME = r"(?P<name>[^\n:：()]{2,60}?)"
_REFERENCE_RES = (
    # after a sentence or at a line's start, and may run over a paragraph break
    re.compile(
        r"(?:(?<=[.!?。\"”])|^)[ \t]*\(?(?P<lead>"
        r"(?:reference sources?|sources? of reference|information sources?)"
        r"(?:[ \t]+(?:for|of)[ \t]+(?:some|part of the|the)[ \t]+information"
        r"(?:[ \t]+(?:on|from))?)?)"
        r"\s*[:：]\s*" + _NAME + r"[ \t]*\)?[ \t]*\.?[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
    # a line of its own: "Source: Xinhua", "(Source: Reuters)"
    re.compile(
        r"^[ \t]*\(?(?P<lead>sources?|via)[ \t]*[:：][ \t]*" + _NAME + r"[ \t]*\)?[ \t]*\.?[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
)
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
# Paragraphs shorter than this (datelines, bylines, one-line quotes) may repeat legitimately.
_MIN_WORDS = 8
# How many paragraphs back a near copy is looked for.
_NEAR_WINDOW = 4


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, surrounding space trimmed.

    Scraped and extracted text carries one paragraph a line, so a line is the unit a copied
    lead or a repeated paragraph occupies (a headline just above a copied lead is its own).
    """
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        block = match.group()
        lead = len(block) - len(block.lstrip())
        trail = len(block) - len(block.rstrip())
        if block.strip():
            spans.append((match.start() + lead, match.end() - trail))
    return spans


def furniture_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of lines that are furniture as a whole, and footers pasted onto a paragraph."""
    for match in _TRAILER_RE.finditer(text):
        yield match.start(1), match.end(1)
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and len(body) <= _MAX_FURNITURE_LINE and _LINE_RE.match(body):
            lead = len(body) - len(body.lstrip())
            yield pos + lead, pos + len(body.rstrip())
        pos += len(line)


def reference_sources(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, cited name) of each source credit: "Reference source ...: NAME"."""
    for pattern in _REFERENCE_RES:
        for match in pattern.finditer(text):
            name = match["name"].strip(" \t.;,")
            if name and len(name.split()) <= 6:
                start = match.start()
                while text[start] in " \t":
                    start += 1
                yield start, match.end(), name


def duplicate_paragraphs(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Paragraphs that repeat another: exact repeats and truncated or reworded copies.

    Exact repeats are found anywhere (the later copy goes). Near copies are looked for among
    neighbouring paragraphs only, where scrapers put them, so long texts stay linear: of two
    the shorter goes (a truncated copy of the lead, "...the two sides ha"). The lead gets a
    looser test because sites paste a reworded summary of it on top.
    """
    words = [_WORD.findall(text[s:e].lower()) for s, e in spans]
    bigrams = [set(itertools.pairwise(w)) for w in words]
    first_seen: dict[tuple[str, ...], int] = {}
    dropped: set[int] = set()
    for i, tokens in enumerate(words):
        if len(tokens) < _MIN_WORDS:
            continue
        if tuple(tokens) in first_seen:
            dropped.add(i)
            continue
        first_seen[tuple(tokens)] = i
        for j in range(max(0, i - _NEAR_WINDOW), i):
            if j in dropped or len(words[j]) < _MIN_WORDS:
                continue
            threshold = 0.7 if j < 3 and i - j <= 2 else 0.85
            victim = _near_copy(j, i, words, bigrams, threshold)
            if victim is not None:
                dropped.add(victim)
                if victim == i:
                    break
    for i in sorted(dropped):
        yield spans[i]


def _near_copy(
    i: int,
    j: int,
    words: list[list[str]],
    bigrams: list[set[tuple[str, str]]],
    threshold: float,
) -> int | None:
    shorter, longer = (i, j) if len(words[i]) < len(words[j]) else (j, i)
    if not bigrams[shorter]:
        return None
    contained = len(bigrams[shorter] & bigrams[longer]) / len(bigrams[shorter])
    return shorter if contained >= threshold else None
