"""Datelines: "KYIV, June 26 (Reuters) -", "KABUL, Afghanistan (Jan. 25, 2013) –".

The dateline's day anchors relative dates ("yesterday", "on Monday") better than the
publication day, which may be a day later. A dateline without a year takes the year that puts
it on or just before the publication day.
"""

from __future__ import annotations

import datetime as dt
import re

from conflictwire.inputs.dates import iso_day, valid_day

__all__ = ["find_dateline"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y{n}>\d{{4}}))?"
_DATE = (
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_YEAR.format(n=1)}"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}){_YEAR.format(n=2)})"
)
# Place words are capitalised (the rest of the pattern ignores case).
_PLACE = (
    r"(?-i:[A-Z])[\w'’.\-]*"
    r"(?:[ \t]+(?:(?-i:of|the|de|du|al|el)[ \t]+)?(?-i:[A-Z])[\w'’.\-]*){0,4}"
)
_DATELINE = re.compile(
    rf"^\s*(?:{_PLACE}(?:,[ \t]*{_PLACE}){{0,2}},?[ \t]*)?"
    rf"\(?[ \t]*{_DATE}[ \t]*\)?\.?[ \t]*"
    r"(?:(?:\([A-Za-z][\w .&-]{0,30}\))?[ \t]*(?:-{1,3}|[–—:])|/[^/\n]{1,40}/\.?)\s",
    re.IGNORECASE,
)
# How far past the publication day a dateline may fall (time zones, early editions).
_SLACK = dt.timedelta(days=2)


def find_dateline(text: str, published: str | None = None) -> str | None:
    """The day (YYYY-MM-DD) a dateline at the start of ``text``'s first paragraphs gives."""
    for paragraph in text.lstrip().split("\n\n", 2)[:2]:
        match = _DATELINE.match(paragraph[:200])
        if match:
            return _resolve(match, published)
    return None


def _resolve(match: re.Match[str], published: str | None) -> str | None:
    n = "1" if match["m1"] else "2"
    month = _MONTHS[match[f"m{n}"][:3].lower()]
    day = int(re.sub(r"\D", "", match[f"d{n}"]))
    year_text = match[f"y{n}"]
    if year_text:
        return valid_day(int(year_text), month, day)
    pub_day = iso_day(published)
    if pub_day is None:
        return None
    pub = dt.date.fromisoformat(pub_day)
    for year in (pub.year, pub.year - 1):
        candidate = valid_day(year, month, day)
        if candidate and dt.date.fromisoformat(candidate) <= pub + _SLACK:
            return candidate
    return None
