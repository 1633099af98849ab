"""Background: sentences that retell an earlier happening rather than report the news.

A news article sets its happening among older ones: "In 2014, gunmen killed nearly 150 people
at the Army Public School", "Last year, two men were shot dead on the same block", "Mamove
had already been targeted by the ADF in 2020", the trial of an old attack, the anniversary of
a massacre. ACLED coded those when they happened; told again they are no new event, and their
tolls are not the new happening's. A mention is background when:

* it speaks of a court, trial or plea (the happening it names is the one being tried), unless
  it reports detentions;
* it dates itself to a past year, "last year", "months ago" and gives no recent day of its own;
* its own date lies more than a month before the report's;
* the learned classifier reads it as background (when it has a verdict) and it has no recent
  day of its own.

The word cues (a past year, "last month", "days after") often belong to a side clause ("mourn
demonstrators killed last month", "days after the government was accused"): in a short text
(a snippet, a headline and its lead), which is by its nature the report of one new happening,
a classifier confident that a sentence tells a happening of its own outweighs them. In a
whole article it does not: there the retellings are many, and the classifier, which reads a
sentence without the report's day, reads "In 2014, gunmen killed 150 people" or "the
deadliest since January, when a suicide bomber killed 80" as a happening too. A court, or a
day of its own a month before the report's, makes background in any text.

Rallies that mark an anniversary are current protests: the year or anniversary they name is
what they commemorate.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from conflictwire.events.assemble.segment import Mention
from conflictwire.events.fields.support import DateRef

__all__ = ["BACKGROUND_LABEL", "background_reason", "is_background", "is_stale", "stale_reason"]

log = logging.getLogger(__name__)

BACKGROUND_LABEL = "Out of scope: background"
_VERDICT_FLOOR = 0.5
_NEWS_FLOOR = 0.8  # the classifier's in-scope probability that outweighs the word cues
_RECENT_DAYS = 31

_COURT = re.compile(
    r"\b(?:trials?|court|courtroom|hearings?|verdict|convicted|sentenced|pleaded|pleads"
    r"|plea|acquitted|indicted|inquest|prosecutors?|arraigned|testified|testimony|jury"
    r"|jurors|judge|appeal)\b",
    re.I,
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# "in 2014", "in February 2021", "since June 5, 2022", "the 2019 Pulwama attack".
_YEAR = re.compile(
    rf"\b(?:in|since|during|of|on|from|by|the|until)\s+(?:(?:early|late|mid)[- ])?"
    rf"(?:{_MONTHS}\s+)?(?:\d{{1,2}},?\s+)?(?P<year>(?:19|20)\d{{2}})\b(?!\s*[-/]\d)",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:last|previous)\s+(?:year|month|summer|winter|spring|autumn|fall|decade)\b"
    r"|\b(?:years?|months?|decades?)\s+(?:ago|earlier|before)\b"
    r"|\b(?:days|weeks|months|years)\s+after\b"
    r"|\bthe\s+(?:previous|past)\s+(?:year|decade)\b"
    # "the deadliest in the city since January, when a suicide bomber killed 80": a yardstick.
    r"|\b(?:deadliest|worst|bloodiest|biggest|largest|most\s+\w+)\b[^.;]{0,60}?\bsince\b"
    r"|^\W*(?:Recall|It\s+(?:may|should|will|is\s+to)\s+be\s+(?:recalled|mentioned|noted"
    r"|remembered))\b",
    re.I,
)
_ANNIVERSARY = re.compile(r"\banniversar(?:y|ies)\b", re.I)
_PROTEST_KINDS = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _recent(date: DateRef | None, anchor: dt.date | None) -> bool:
    """A day of its own within the month before the report (or any day, with no report day)."""
    if date is None or date.precision != 1:
        return False
    day = _day(date.date)
    if anchor is None or day is None:
        return True
    return (anchor - day).days <= _RECENT_DAYS


def _past_year(text: str, anchor: dt.date | None, date: DateRef | None) -> bool:
    now = anchor.year if anchor is not None else None
    if now is None:
        own = _day(date.date) if date is not None else None
        now = own.year if own is not None else None
    if now is None:
        return False
    return any(int(m.group("year")) < now for m in _YEAR.finditer(text))


def _verdict_says(verdict: object | None) -> bool:
    if verdict is None or getattr(verdict, "label", None) != BACKGROUND_LABEL:
        return False
    probability = getattr(verdict, "probability", None)
    if not callable(probability):
        return True
    try:
        return float(probability(BACKGROUND_LABEL)) >= _VERDICT_FLOOR
    except (TypeError, ValueError):
        return True


def _verdict_says_news(verdict: object | None) -> bool:
    if verdict is None or not getattr(verdict, "is_event", False):
        return False
    return float(getattr(verdict, "confidence", 0.0)) >= _NEWS_FLOOR


def background_reason(
    text: str,
    kinds: list[str],
    date: DateRef | None,
    anchor: str | None,
    verdict: object | None = None,
    short: bool = True,
) -> str | None:
    """Why the mention ``text`` retells an older happening, or None when it tells news.

    ``kinds`` are its cues, ``date`` its own day, ``anchor`` the report's day (ISO, or None),
    ``verdict`` the learned classifier's on its sentence (None without one), ``short``
    whether the text is a snippet, where a confident verdict of news outweighs word cues."""
    report = _day(anchor)
    if "Arrests" not in kinds and _COURT.search(text):
        return "a court or trial retelling what happened"
    protest = bool(_PROTEST_KINDS & set(kinds))
    if not _recent(date, report) and not (short and _verdict_says_news(verdict)):
        if _RELATIVE.search(text):
            return "dated to last year, months or years ago"
        if not protest and _past_year(text, report, date):
            return "dated to a past year"
        if not protest and _ANNIVERSARY.search(text):
            return "an anniversary of an older happening"
    own = _day(date.date) if date is not None else None
    if report is not None and own is not None and (report - own).days > _RECENT_DAYS:
        return "dated more than a month before the report"
    # The classifier reads a sentence without the report's day: a day of the mention's own,
    # recent by that day, outweighs its guess ("On 28 January 2021, 1000 traders rallied").
    if _verdict_says(verdict) and not _recent(date, report):
        return "the classifier reads it as background"
    return None


def stale_reason(event_date: str | None, anchor: str | None) -> str | None:
    """Why a coded event is background after all: the day it took (its own, or the story's
    last day named before it) lies more than a month before the report's."""
    day, report = _day(event_date), _day(anchor)
    if day is None or report is None or (report - day).days <= _RECENT_DAYS:
        return None
    return f"dated {event_date}, more than a month before the report ({anchor})"


def is_background(m: Mention, anchor: str | None, doc_id: str, short: bool = True) -> bool:
    """Whether mention ``m`` retells an older happening (the reason is logged); ``short``:
    the text is a snippet (see ``background_reason``)."""
    why = background_reason(m.text, m.kinds, m.date, anchor, m.verdict, short)
    if why is not None:
        log.debug("%s: %d-%d is background: %s", doc_id, m.start, m.end, why)
    return why is not None


def is_stale(event_date: str | None, anchor: str | None, doc_id: str) -> bool:
    """Whether a coded event is background by its day (the reason is logged)."""
    why = stale_reason(event_date, anchor)
    if why is not None:
        log.debug("%s: an event is background: %s", doc_id, why)
    return why is not None
