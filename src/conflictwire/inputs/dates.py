"""Publication dates as inputs carry them, to ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

__all__ = ["iso_day", "valid_day"]

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def iso_day(value: object) -> str | None:
    """The calendar day of an ISO date/time or an RFC 822 date, as written (local day kept).

    The day the outlet printed is the anchor for "yesterday" in its text, so a time zone
    offset is not converted to UTC.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DAY.match(value)
    if match:
        return valid_day(int(match[1]), int(match[2]), int(match[3]))
    parsed = email.utils.parsedate_tz(value)
    if parsed is not None:
        return valid_day(parsed[0], parsed[1], parsed[2])
    return None


def valid_day(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or None for a day the calendar does not have."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
