"""Attribution and certainty of a claim: who says it, and how firmly.

CONTRACT.md: ``asserted`` (stated as fact), ``attributed`` (a named speaker or outlet),
``unconfirmed`` (hedged or unnamed: "reportedly", "it is reported", "according to reports").
Hedging wins over a name. Sources are listed outermost first. Anaphoric sources ("the news
pointed out", "the report said") resolve to the source named earlier in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Attribution", "AttributionTracker"]

_HEDGES = re.compile(
    r"\b(?:it is (?:reported|said|claimed|alleged|believed)|it was (?:reported|claimed|alleged)"
    r"|according to (?:unconfirmed |local |some |media |news )*reports"
    r"|reportedly|allegedly|purportedly|unconfirmed|rumou?red|there are reports|reports (?:say"
    r"|said|suggest))\b",
    re.I,
)
_ACCORDING = re.compile(
    r"\b[Aa]ccording to (?:the )?((?:[A-Z][\w.&'-]*)(?:\s+(?:of\s+)?[A-Z][\w.&'-]*)*(?:\s+news\b)?)"
)
_UNNAMED_MEDIA = re.compile(
    r"\baccording to ((?:[A-Z]\w+ )?(?:media|local sources|sources|officials|witnesses"
    r"|residents))\b",
    re.I,
)
_ANAPHOR = re.compile(
    r"^\W*(?:the|this|that) (?:news|report|outlet|agency|broadcaster|channel|media)\b", re.I
)
# "Ukrainian forces said they ...", "Separately, the regional governor said ...": a speaker of up
# to five words opening the sentence (after a linking adverbial), then the verb of saying. The
# speaker holds no clause word ("Troops shelled the town and said" is no speaker).
_SAID = re.compile(
    r"^\W*(?:(?:separately|meanwhile|later|earlier|elsewhere|also|in addition|in a statement"
    r"|on \w+(?: \w+)?|overnight),\s+)?"
    r"(?P<speaker>[\w.'-]+(?:\s+[\w.'-]+){0,4}?)\s+"
    r"(?:said|says|stated|claimed|announced|reported|told|added)\b",
    re.I,
)
_NOT_SPEAKER = frozenset(
    {"and", "or", "but", "who", "which", "that", "when", "after", "as", "to", "it", "they"}
    | {"he", "she", "we", "i", "you", "there", "this", "these"}
)
_TRAILING_SAID = re.compile(
    r",\s+((?:the |a )?(?:[\w.'-]+\s+){0,4}?[\w.'-]+)\s+(?:said|says|stated|reported|told \w+"
    r"|claimed|announced)\W*$"
)
_UNNAMED_SPEAKERS = re.compile(
    r"^(?:some |local |unnamed |several )?(?:officials|sources|witnesses|residents|people"
    r"|reports)$",
    re.I,
)
_OUTLET_SUFFIX = re.compile(r"\s+(?:news|media)$", re.I)


@dataclass
class Attribution:
    certainty: str = "asserted"
    sources: list[str] = field(default_factory=list)


def _outlet_name(raw: str) -> str:
    name = " ".join(raw.split())
    if name.isupper() or (name.split() and name.split()[0].isupper()):
        # "CCTV news" -> "CCTV News": an outlet written in capitals keeps its news suffix.
        words = name.split()
        return " ".join(w if w.isupper() else w.capitalize() for w in words)
    return _OUTLET_SUFFIX.sub("", name)


def _leading_speaker(sentence: str) -> str | None:
    said = _SAID.search(sentence)
    if said is None:
        return None
    words = said.group("speaker").split()
    if any(w.lower() in _NOT_SPEAKER for w in words) or words[-1].lower().endswith("ed"):
        return None  # a clause ("they", "forces shelled ... and"), not a speaker
    return re.sub(r"^(?:the|a) ", "", " ".join(words), flags=re.I)


class AttributionTracker:
    """Reads a document's sentences in order and tells each one's attribution.

    A paragraph that opens "According to X," is X's account until the paragraph ends.
    """

    def __init__(self) -> None:
        self.last_named: str | None = None
        self.paragraph_scope: Attribution | None = None

    def new_paragraph(self) -> None:
        self.paragraph_scope = None

    def _own(self, sentence: str) -> Attribution | None:
        hedge = _HEDGES.search(sentence)
        unnamed = _UNNAMED_MEDIA.search(sentence)
        named = _ACCORDING.search(sentence)
        if named and unnamed and unnamed.start() == named.start():
            named = None
        if named and named.group(1).strip().lower() not in ("reports", "report"):
            name = _outlet_name(named.group(1).strip())
            self.last_named = name
            if hedge and hedge.start() != named.start():
                return Attribution("unconfirmed", [name])
            return Attribution("attributed", [name])
        if hedge or unnamed:
            label = unnamed.group(1) if unnamed else "reports"
            return Attribution("unconfirmed", [label])
        if _ANAPHOR.search(sentence) and self.last_named:
            return Attribution("attributed", [self.last_named])
        trailing = _TRAILING_SAID.search(sentence)
        if trailing:
            speaker = trailing.group(1)
            if _UNNAMED_SPEAKERS.match(speaker):
                return Attribution("unconfirmed", [speaker])
            return Attribution("attributed", [re.sub(r"^(?:the|a) ", "", speaker)])
        speaker = _leading_speaker(sentence)
        if speaker is not None:
            if _UNNAMED_SPEAKERS.match(speaker):
                return Attribution("unconfirmed", [speaker])
            return Attribution("attributed", [speaker])
        return None

    def read(self, sentence: str, *, first_in_paragraph: bool) -> Attribution:
        own = self._own(sentence)
        if own is not None and first_in_paragraph:
            self.paragraph_scope = own
        if own is None:
            return self.paragraph_scope or Attribution()
        scope = self.paragraph_scope
        if scope is not None and scope is not own and scope.sources != own.sources:
            # An outlet's account quoting someone: outermost first, hedging wins.
            certainty = (
                "unconfirmed" if "unconfirmed" in (own.certainty, scope.certainty) else "attributed"
            )
            sources = scope.sources + [s for s in own.sources if s not in scope.sources]
            return Attribution(certainty, sources)
        return own
