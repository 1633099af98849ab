"""Event dates from text: explicit dates, ranges and weeks, and words relative to a known day.

ACLED's conventions: ``time_precision`` 1 is the exact day, 2 a day within a week (ranges of up to
about a week, "around", "week of", "recently"), 3 within a month ("in early May", a month alone).
A range is coded to its first day. Relative words ("yesterday", "on Monday", "overnight") are read
against an anchor: the dateline date when the text has one, else the publication day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from conflictwire.clean.dateline import read_dateline

__all__ = ["EventDate", "find_date_mentions", "find_event_date", "parse_iso_date"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A leading "between"/"from" day joined to the month-day by "and"/"to"/a dash makes a range.
_RANGE_HEAD = r"(?:(?:between|from)\s+)?(?P<day0>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<monn>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "numeric",
        re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<monn>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?:{_RANGE_HEAD})?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b", re.IGNORECASE
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{_MON}\s+{_DAY}(?:\s*(?:-|–|to|and)\s*(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+{_YEAR})?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?P<part>(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
            rf"{_MON}\s+{_YEAR}\b",
            re.IGNORECASE,
        ),
    ),
)

_RELATIVE = re.compile(
    r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|last\s+night|overnight|"
    r"(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|24\s+hours|(?:two|three|four|five|six"
    r"|seven|[2-7])\s+days)|"
    r"earlier\s+(?:today|this\s+week)|this\s+(?:morning|afternoon|evening)|tonight|today|"
    r"that\s+day|on\s+the\s+same\s+day|recently|nowadays|in\s+recent\s+days|"
    r"(?:last|this\s+past)\s+week|(?:on\s+|last\s+|this\s+(?:past\s+)?)?"
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b",
    re.IGNORECASE,
)
_APPROX = re.compile(r"\b(?:around|about|approximately|circa|week\s+of|as\s+reported)\W*$", re.I)
_WEEK_OF_AFTER = re.compile(r"^\s*\(\s*week\s+of\s*\)", re.IGNORECASE)
# "information received as of 19:30, 19 July": the time of a report, not of the event.
_REPORT_TIME = re.compile(r"\b(?:as\s+of|updated|published|posted)\b[^.]*$", re.IGNORECASE)
# A day that dates something else than the clause's happening: the start of a running total
# ("since December 1"), a noun's own day ("Tuesday's attack", "the May 11 insider attack",
# "the suicide attack June 28").
_PERIOD_START = re.compile(r"\bsince\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s\b")
_DETERMINER = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:at|in|on|and|or|to|of|when|while|after|before|by|with|near|from|during|that"
    r"|which|was|were|is|are|has|had)\b)[a-z][\w-]*"
)
_WEEKDAY_IN = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
_LEADING_PREPOSITION = re.compile(r"(?:in|on|over|during|since|from|between|at|by)\b", re.I)
_HAPPENING_NOUN = re.compile(
    r"\b(?:attack|bombing|strike|raid|ambush|assault|blast|explosion|incident|shooting)s?\s+$",
    re.IGNORECASE,
)
# "forces today confirmed", "ISAF announced today": the day of the report, not of the deed.
_REPORT_VERB = r"(?:confirmed|announced|said|reported|stated|disclosed|identified|released)"
_REPORT_BEFORE = re.compile(rf"\b{_REPORT_VERB}\s+$", re.IGNORECASE)
_REPORT_AFTER = re.compile(rf"^\s+{_REPORT_VERB}\b", re.IGNORECASE)


@dataclass(frozen=True)
class EventDate:
    """A date found in text: ISO ``date``, ACLED ``precision`` and the character span."""

    date: str
    precision: int
    start: int
    end: int


def parse_iso_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) to a date; ``None`` when unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year of a year-less date: the latest one not far after the reference day."""
    if ref is None:
        return None
    for year in (ref.year, ref.year - 1):
        candidate = _make_date(year, month, day)
        if candidate is not None and candidate <= ref + dt.timedelta(days=2):
            return year
    return None


def _explicit(text: str, ref: dt.date | None) -> list[EventDate]:
    found: list[EventDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            date = _explicit_one(kind, m, ref)
            if date is None:
                continue
            precision = _explicit_precision(kind, m, text)
            taken.append((m.start(), m.end()))
            found.append(EventDate(date.isoformat(), precision, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _explicit_one(kind: str, m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    groups = m.groupdict()
    if kind in ("iso", "numeric"):
        return _make_date(int(groups["year"]), int(groups["monn"]), int(groups["day"]))
    month = MONTHS[groups["mon"].lower().rstrip(".")]
    if kind == "month_year":
        part = (groups.get("part") or "").lower()
        day = 21 if part.startswith("late") or "end" in part else 11 if "mid" in part else 1
        return _make_date(int(groups["year"]), month, day)
    day = int(groups["day0"]) if groups.get("day0") else int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else _infer_year(month, day, ref)
    if year is None:
        return None
    return _make_date(year, month, day)


def _explicit_precision(kind: str, m: re.Match[str], text: str) -> int:
    if kind == "month_year":
        return 3
    groups = m.groupdict()
    is_range = bool(groups.get("day0") or groups.get("day1"))
    if is_range:
        first = int(groups.get("day0") or groups["day"])
        last = int(groups.get("day1") or groups["day"])
        return 2 if last - first <= 7 else 3
    before = text[max(0, m.start() - 30) : m.start()]
    if _APPROX.search(before) or _WEEK_OF_AFTER.match(text[m.end() : m.end() + 20]):
        return 2
    return 1


def _relative(text: str, anchor: dt.date | None) -> list[EventDate]:
    if anchor is None:
        return []
    found: list[EventDate] = []
    for m in _RELATIVE.finditer(text):
        rel = " ".join(m.group("rel").lower().split())
        result = _resolve_relative(rel, m.group("wd"), anchor)
        if result is not None:
            day, precision = result
            found.append(EventDate(day.isoformat(), precision, m.start(), m.end()))
    return found


def _resolve_relative(rel: str, weekday: str | None, anchor: dt.date) -> tuple[dt.date, int] | None:
    one = dt.timedelta(days=1)
    if weekday:
        back = (anchor.weekday() - WEEKDAYS[weekday.lower()]) % 7
        if rel.startswith("last ") and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back), 1
    if rel.endswith(" days"):
        # "during the past two days": a range, coded to its first day (ACLED, precision 2).
        count = rel.split()[-2]
        back = int(count) if count.isdigit() else _SMALL[count]
        return anchor - back * one, 2
    if rel == "the day before yesterday":
        return anchor - 2 * one, 1
    if rel in ("yesterday", "last night", "overnight") or rel.endswith(
        (" past day", " last day", " hours")
    ):
        return anchor - one, 1
    if rel in ("recently", "nowadays", "in recent days", "earlier this week"):
        return anchor - 7 * one if rel != "earlier this week" else anchor - 3 * one, 2
    if rel in ("last week", "this past week"):
        return anchor - 7 * one, 2
    # "today", "that day", "this morning", "tonight", "on the same day": the anchor itself.
    return anchor, 1


def find_date_mentions(
    text: str, *, published: str | None = None, anchor: str | None = None
) -> list[EventDate]:
    """Every date expression in ``text``, in text order (relative ones need an anchor)."""
    ref = parse_iso_date(anchor) or parse_iso_date(published)
    explicit = _explicit(text, ref)
    relative = [
        r
        for r in _relative(text, ref)
        if not any(e.start < r.end and r.start < e.end for e in explicit)
    ]
    return sorted(explicit + relative, key=lambda d: d.start)


def find_event_date(
    text: str,
    *,
    published: str | None,
    anchor: str | None = None,
    default_to_anchor: bool = False,
) -> EventDate | None:
    """The day the event in ``text`` happened, or ``None`` when the text cannot tell.

    An explicit date wins over relative words; a dateline date is only the anchor of relative
    words ("KABUL (Jan. 25, 2013) – ... yesterday" is 24 January), and the dates of a press
    release's header above it (title, reference number) are not the event's. With no date at
    all, a text that speaks of the past tense about a known publication day is not dated here,
    unless ``default_to_anchor``: then the day before the anchor (or publication day), precision
    2, with an empty span at 0 - a wire report without a date most often tells of the day before it
    (measured on UCDP's Ukraine headlines: 0.91 of undated events, against 0.79 for the day itself).
    """
    found = read_dateline(text, published) if anchor is None else None
    dateline = None
    if found is not None and found.date is not None:
        dateline = EventDate(found.date, 1, found.date_start, found.date_end)
        anchor = found.date
    mentions = find_date_mentions(text, published=published, anchor=anchor)
    if found is not None:
        # A press release's header (title, reference number) sits above the dateline.
        mentions = [m for m in mentions if m.start >= found.end]
    mentions = [
        m for m in mentions if not _REPORT_TIME.search(text[max(0, m.start - 30) : m.start])
    ]
    mentions = _own_days(text, mentions)
    explicit = [m for m in mentions if _is_explicit_at(text, m)]
    relative = [m for m in mentions if m not in explicit]
    if explicit:
        return explicit[0]
    if relative:
        return relative[0]
    if dateline is not None:
        return dateline
    if default_to_anchor:
        ref = parse_iso_date(anchor) or parse_iso_date(published)
        if ref is not None:
            return EventDate((ref - dt.timedelta(days=1)).isoformat(), 2, 0, 0)
    return None


def _own_days(text: str, mentions: list[EventDate]) -> list[EventDate]:
    """The day expressions that can date the text's own happening: not a noun's day, not the
    start of a running total, and not the day of the report when another day is told."""
    own = [m for m in mentions if _governs(text, m)]
    deeds = [m for m in own if not _report_day(text, m)]
    return deeds or own


def _governs(text: str, mention: EventDate) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 40]
    if _PERIOD_START.search(before) or _POSSESSIVE.match(after):
        return False
    # "during an overnight operation" still dates the operation; "the Tuesday night attack"
    # dates its attack.
    named_day = _is_explicit_at(text, mention) or _WEEKDAY_IN.search(
        text[mention.start : mention.end]
    )
    if named_day and _DETERMINER.search(before) and _NOUN_AFTER.match(after):
        return False
    # "the attack June 28" (no preposition between): the attack's day.
    bare = not _LEADING_PREPOSITION.match(text, mention.start)
    return not (bare and _is_explicit_at(text, mention) and _HAPPENING_NOUN.search(before))


def _report_day(text: str, mention: EventDate) -> bool:
    if text[mention.start : mention.end].lower() != "today":
        return False
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_REPORT_BEFORE.search(before) or _REPORT_AFTER.match(text[mention.end :]))


def _is_explicit_at(text: str, mention: EventDate) -> bool:
    return any(ch.isdigit() for ch in text[mention.start : mention.end])
