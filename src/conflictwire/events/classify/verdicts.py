"""Which sentences the classifier reads, and its verdicts on them, in one batch per document.

A candidate is a sentence where the rules' trigger finder fires, or where a broader cue of a
happening appears that the rules have no trigger for: a crowd that "filled the square", arms
"recovered", a truce "signed". In a short text (a note, a snippet, a headline pair) every
sentence is a candidate. Reading every sentence of a long article would cost the classifier's
time on background and quotes; where it looks is a recall/speed trade-off measured in
``bench/case2021.py`` and ``bench/throughput.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflictwire.events.candidates.triggers import find_triggers
from conflictwire.events.classify.model import Prediction, TextClassifier

__all__ = [
    "NO_VERDICTS",
    "SHORT_TEXT_CHARS",
    "SHORT_TEXT_SENTENCES",
    "Verdicts",
    "broad_cue_offsets",
    "is_candidate",
    "lead_start",
    "sentence_verdicts",
]

SHORT_TEXT_SENTENCES = 4
# A long article's sentences are read up to this many tokens (about 45 words): the
# classifier's time grows with every token, and the cut changed the events of 3 of 908
# mixed and press-release documents (the happening is told early in its sentence).
LONG_TEXT_TOKENS = 64

# Words that tell a happening without any of the rules' triggers. A crowd's words matter in
# any text (class 8 of the real-news issue: the keyword-less march); the others only in a
# short text, where the classifier reads the main sentence whole (in a long one a lone
# sentence may propose only a demonstration, so reading them there would cost time for nothing).
_CROWD = re.compile(
    r"\b(?:fill(?:ed|ing)|gather(?:ed|ing)|march(?:ed|es|ing)?|walk(?:ed|ing) (?:from|to)"
    r"|rall(?:y|ied|ies)|chant(?:ed|ing)?|banners?|placards?|slogans?|sit-ins?"
    r"|picket\w*|boycott\w*|took to the streets|crowds?|mobs?|walkout|hunger strike|vigil"
    r"|lynch\w*)\b",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"\b(?:squares?|demand(?:ed|ing)|blocked|strik(?:e|es|ing)|petition\w*"
    r"|recover(?:ed|ing)|defus\w+|caches?|stockpiles?|confiscat\w+|intercept\w*|seiz\w+"
    r"|ceasefire|truce|accord|agreement|deal|signed|swap|exchange"
    r"|bases?|headquarters|outposts?|checkpoints?|camps?|command post"
    r"|withdr[ae]w\w*|pull(?:ed)? out|handed over|took (?:over|control)|retook|recaptur\w+"
    r"|liberat\w+|overran|captur\w+|merg\w+|formed|pledg\w+|defect\w+|split|renam\w+"
    r"|burn(?:t|ed|ing)|torch\w*|loot\w*|demolish\w*|razed|set (?:ablaze|on fire)|vandal\w+"
    r"|abduct\w*|kidnap\w*|disappear\w*|rap(?:e|ed)|sexual\w*|grenades?"
    r"|curfew|martial law)\b",
    re.IGNORECASE,
)
# A text this short (a note, a snippet, a headline pair) is read with the wider cues.
SHORT_TEXT_CHARS = 1200


def broad_cue_offsets(text: str) -> list[int]:
    """Offsets of the broad cues in ``text`` (the prefilter keeps those sentences too)."""
    found = [m.start() for m in _CROWD.finditer(text)]
    if len(text) <= SHORT_TEXT_CHARS:
        found += [m.start() for m in _OTHER.finditer(text)]
    return sorted(found)


def is_candidate(text: str, short: bool = True) -> bool:
    """Whether the classifier reads ``text`` (a sentence of a short text when ``short``)."""
    if _CROWD.search(text) or (short and _OTHER.search(text)):
        return True
    return bool(find_triggers(text, 0))


# A header or dateline left as a "sentence" of its own ("MOGADISHU (Ministry of Defence) -",
# "UPDATE:"): no happening's sentence, so not the one the whole text's verdict speaks for.
def _fragment(text: str) -> bool:
    text = text.strip()
    if text.endswith(("-", "\u2013", "\u2014", ":")):
        return True
    return len(text.split()) <= 2 and not text.endswith((".", "!", "?"))


def lead_start(sentences: Sequence[tuple[int, str]]) -> int:
    """Where a short text's main sentence starts (the first that is not a header fragment),
    or -1 for no sentences."""
    for start, text in sentences:
        if not _fragment(text):
            return start
    return sentences[0][0] if sentences else -1


class Verdicts:
    """The classifier's verdicts on a document's candidate sentences, keyed by start offset,
    each read when first asked for: a sentence the rules set aside (a plan, a profile, a
    negation) is never asked about, so its reading would be time for nothing. Each text is
    read alone, so a verdict never depends on which other sentences share the document."""

    def __init__(
        self,
        texts: dict[int, str],
        classifier: TextClassifier | None,
        max_tokens: int | None = None,
    ) -> None:
        self._texts = texts
        self._classifier = classifier
        self._max_tokens = max_tokens
        self._read: dict[int, Prediction] = {}

    def get(self, start: int) -> Prediction | None:
        """The verdict on the candidate starting at ``start``; None if it is no candidate."""
        found = self._read.get(start)
        if found is None and start in self._texts and self._classifier is not None:
            text = " ".join(self._texts[start].split())
            found = self._classifier.classify([text], max_tokens=self._max_tokens)[0]
            self._read[start] = found
        return found


NO_VERDICTS = Verdicts({}, None)


def sentence_verdicts(
    sentences: Sequence[tuple[int, str]], classifier: TextClassifier, short: bool | None = None
) -> tuple[Verdicts, frozenset[int]]:
    """The classifier's verdicts on the candidate sentences, keyed by start offset, and the
    starts of those that may open a happening of their own: the ones with a cue, and a text's
    first sentence. A bare "There were no casualties." is read (it may veto) but never made an
    event by itself. ``short``: whether the text is a note or snippet (by default, whether it
    has at most ``SHORT_TEXT_SENTENCES`` sentences)."""
    if short is None:
        short = len(sentences) <= SHORT_TEXT_SENTENCES
    cued = {start for start, text in sentences if is_candidate(text, short)}
    # A sentence with no cue can neither make a happening nor, lacking a rule cue, be vetoed:
    # reading it would change nothing. A short text (a note, a snippet) is read whole for its
    # first sentence, as the classifier was trained: "took control ... No clash was
    # reported" is no battle.
    texts = {start: text for start, text in sentences if start in cued}
    lead = lead_start(sentences)
    if short and sentences:
        texts[lead] = " ".join(text for _, text in sentences)
    verdicts = Verdicts(texts, classifier, None if short else LONG_TEXT_TOKENS)
    first = {lead} if sentences else set()
    return verdicts, frozenset(cued | first)
