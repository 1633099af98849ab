"""Datelines: "KYIV, June 26 (Reuters) -", "KABUL, Afghanistan (Jan. 25, 2013) –".

The dateline's day anchors relative dates ("yesterday", "on Monday") better than the
publication day, which may be a day later. Press releases put a header above it (a title, "NEWS
RELEASE", a reference number "2011-02-S-143", "For Immediate Release"), so the dateline is looked
for at any line start of the opening, or at an upper-case city anywhere in it. A dateline without
a year takes it from the header (a reference number, an ISO day, a dated title line), or from a
reference number printed below it, else the year that puts it on or just before the
publication day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from conflictwire.inputs.dates import iso_day, valid_day

__all__ = ["Dateline", "find_dateline", "is_press_release", "read_dateline"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Blanks within a line: U+2028/U+2029 end a line like "\n" does.
_BREAKS = "\n\r\u2028\u2029"
_H = r"[^\S\n\r\u2028\u2029]"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR = rf"(?:,?{_H}+(?P<y{{n}}>(?:19|20)\d\d)(?!\d))?"
_DATE = (
    rf"(?:(?P<m1>{_MONTH}){_H}+(?P<d1>{_DAY}){_YEAR.format(n=1)}"
    rf"|(?P<d2>{_DAY}){_H}+(?P<m2>{_MONTH}){_YEAR.format(n=2)})"
)
_WEEKDAY = rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?{_H}+)?"
# Place words are capitalised (the rest of the pattern ignores case); a sentence's opening
# preposition ("On June 26 - ...") is no place.
_WORD = r"(?-i:[A-Z])[\w'’.\-]*"
_NOT_PLACE = r"(?!(?-i:On|In|At|By|From|Since|Until|Between|During|Before|After|Updated|Posted)\b)"
_PLACE = rf"{_NOT_PLACE}{_WORD}(?:{_H}+(?:(?-i:of|the|de|du|al|el){_H}+)?{_WORD}){{0,4}}"
_CORE = (
    rf"(?P<place>{_PLACE}(?:,{_H}*{_PLACE}){{0,2}})?(?P<comma>,)?(?:{_H}*|\s{{1,3}}(?=\())"
    rf"(?P<open>\()?{_H}*{_WEEKDAY}(?P<date>{_DATE}){_H}*(?P<close>\))?\.?{_H}*"
    rf"(?:(?P<dash>(?:\([A-Za-z][\w .&-]{{0,30}}\))?{_H}*(?:(?:-{{1,3}}|:)(?=\s)|[–—−‒―]))"
    r"|(?P<wire>/[^/\n]{1,40}/\.?)(?=\s)"
    rf"|(?P<eol>(?=[{_BREAKS}]|$))"
    r"|(?P<cap>(?=(?-i:[A-Z]))))"
)
# Every start of a word is tried (zero-width, so candidates may overlap).
_CANDIDATE = re.compile(rf"(?<!\S)(?=(?P<all>{_CORE}))", re.IGNORECASE)
# Header lines the dateline may share: a release number or an ISO day before the city.
_REFERENCE = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-[A-Z]{1,4}-\d{1,4}(?!\d)")
_ISO = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
_LINE_PREFIX = re.compile(
    rf"{_H}*(?:(?:(?:19|20)\d\d-[01]\d-(?:[A-Z]{{1,4}}-\d{{1,4}}|[0-3]\d)){_H}+)?"
)
_PARAGRAPH_BREAK = re.compile(r"(?:[\n\u2028][^\S\n\u2028\u2029]*){2,}|\u2029")
_DATED = re.compile(_DATE, re.IGNORECASE)
# A release's own header: its number ("2011-07-S-003"), "For Immediate Release", "NEWS
# RELEASE", an operational update's title, or a dateline with the day in brackets.
_RELEASE_HEADER = re.compile(
    r"(?<![\w-])(?:19|20)\d\d-[01]\d-[A-Z]{1,4}-\d{1,4}(?!\d)|\bfor\s+immediate\s+release\b"
    r"|\bnews\s+release\b|\boperational\s+update\b",
    re.IGNORECASE,
)
# The day in the dateline's brackets: "(Oct. 5", "(Sunday, Oct. 5".
_BRACKETED = re.compile(r"\(\s*(?:[a-z]+day,?\s+)?$", re.IGNORECASE)
_OPENING = 600  # how far into the text a dateline may start
# How far past the publication day a dateline may fall (time zones, early editions).
_SLACK = dt.timedelta(days=2)


@dataclass(frozen=True)
class Dateline:
    """A dateline: its day (``None`` when no year can be known), its span and its date's span.

    ``end`` is past the dash and the blanks after it: where the story's first sentence starts.
    """

    date: str | None
    start: int
    end: int
    date_start: int
    date_end: int


def find_dateline(text: str, published: str | None = None) -> str | None:
    """The day (YYYY-MM-DD) the dateline near the start of ``text`` gives."""
    found = read_dateline(text, published)
    return found.date if found else None


def is_press_release(text: str) -> bool:
    """Whether ``text`` opens like an official press release: its header carries a release
    number, "For Immediate Release", "NEWS RELEASE" or an operational update's title, or its
    dateline brackets the day ("KABUL, Afghanistan (Oct. 5, 2011)")."""
    if _RELEASE_HEADER.search(text[:_OPENING]):
        return True
    found = read_dateline(text)
    return found is not None and _BRACKETED.search(text, found.start, found.date_start) is not None


# A document's dateline is asked for by the cleaner, the place and date readers and the
# press-release check, each with the same text: the last few answers are kept.
@functools.lru_cache(maxsize=16)
def read_dateline(text: str, published: str | None = None) -> Dateline | None:
    """The dateline of ``text``: an upper-case city's or a line-opening one in the first
    ~600 characters, else a date opening one of the first two paragraphs ("June 26 (Wire) -")."""
    placed: list[re.Match[str]] = []
    bare: list[re.Match[str]] = []
    for match in _CANDIDATE.finditer(text[: _OPENING + 200]):
        if match.start() > _OPENING:
            break
        if not _plausible(match):
            continue
        if match["place"] and (_upper_city(match["place"]) or _opens_line(text, match.start())):
            placed.append(match)
        elif not match["place"] and _opens_paragraph(text, match.start()):
            bare.append(match)
    ranked = [m for m in placed if _upper_city(m["place"])] or placed or bare
    if not ranked:
        return None
    match = ranked[0]
    end = match.end("all")
    while end < len(text) and text[end].isspace():
        end += 1
    date = _resolve(match, text[: match.start()], text[end:], published)
    return Dateline(date, match.start(), end, match.start("date"), match.end("date"))


def _plausible(match: re.Match[str]) -> bool:
    """A dash or a wire's name ends a dateline; a line end or the sentence after a
    parenthesised date only when a place is set off ("KABUL, Afghanistan (Jan. 25, 2013)")."""
    if match["dash"] or match["wire"]:
        return True
    set_off = bool(match["place"]) and bool(match["comma"] or match["open"])
    if match["cap"] is not None:
        return set_off and bool(match["open"] and match["close"])
    return set_off and bool(match["open"]) == bool(match["close"])


def _upper_city(place: str) -> bool:
    first = place.split(",")[0].split()[0]
    letters = [c for c in first if c.isalpha()]
    return len(letters) >= 3 and first.isupper()


def _line_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in _BREAKS) + 1


def _opens_line(text: str, pos: int) -> bool:
    """At a line's start, or after the release number or ISO day that opens it."""
    prefix = text[_line_start(text, pos) : pos]
    return _LINE_PREFIX.fullmatch(prefix) is not None


def _opens_paragraph(text: str, pos: int) -> bool:
    head = text[:pos]
    if head.strip() == "":
        return True
    paragraphs = _PARAGRAPH_BREAK.split(head.lstrip())
    return len(paragraphs) == 2 and paragraphs[1].strip() == ""


def _month_day(match: re.Match[str]) -> tuple[int, int, str | None]:
    """Month, day and written year (if any) of a ``_DATE`` match."""
    n = "1" if match["m1"] else "2"
    month = _MONTHS[match[f"m{n}"][:3].lower()]
    return month, int(re.sub(r"\D", "", match[f"d{n}"])), match[f"y{n}"]


def _resolve(match: re.Match[str], header: str, body: str, published: str | None) -> str | None:
    month, day, year_text = _month_day(match)
    if year_text:
        return valid_day(int(year_text), month, day)
    # Some copies print the release's number below the dateline: still the release's.
    near = _header_day(header) or _reference_day(body)
    if near is not None:
        return _nearest(month, day, near)
    pub_day = iso_day(published)
    if pub_day is None:
        return None
    pub = dt.date.fromisoformat(pub_day)
    for year in (pub.year, pub.year - 1):
        candidate = valid_day(year, month, day)
        if candidate and dt.date.fromisoformat(candidate) <= pub + _SLACK:
            return candidate
    return None


def _header_day(header: str) -> dt.date | None:
    """About when the header says the release was issued: its reference number's month
    ("2009-12-CA-065", mid-month), an ISO day, or a dated title ("Update Feb. 19, 2011")."""
    ref = _reference_day(header)
    if ref is not None:
        return ref
    days = [(int(m["y"]), int(m["m"]), int(m["d"])) for m in _ISO.finditer(header)]
    for m in _DATED.finditer(header):
        month, day, year_text = _month_day(m)
        if year_text:
            days.append((int(year_text), month, day))
    for year, month, day in days:
        found = valid_day(year, month, day)
        if found:
            return dt.date.fromisoformat(found)
    return None


def _reference_day(text: str) -> dt.date | None:
    """The middle of the month a release number ("2009-12-CA-065") gives."""
    ref = _REFERENCE.search(text)
    if ref and 1 <= int(ref["m"]) <= 12:
        return dt.date(int(ref["y"]), int(ref["m"]), 15)
    return None


def _nearest(month: int, day: int, near: dt.date) -> str | None:
    """The month-day closest to ``near``: a December release numbered for the year may carry a
    January dateline of the next one."""
    options = [valid_day(year, month, day) for year in (near.year - 1, near.year, near.year + 1)]
    days = [dt.date.fromisoformat(o) for o in options if o]
    if not days:
        return None
    return min(days, key=lambda d: abs((d - near).days)).isoformat()
