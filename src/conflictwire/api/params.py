"""Query parameters of ``GET /api/events``: parsed and checked before the store sees them.

Every rejection names the parameter, the value and what was expected, so a caller can fix the
request from the error alone.
"""

from __future__ import annotations

import datetime as dt
import math

from conflictwire.store import EventFilter

__all__ = ["MAX_LIMIT", "ParamError", "build_filter", "parse_bbox", "parse_date"]

MAX_LIMIT = 1000
# A free-text parameter longer than this is a mistake or an attack, never a real query.
MAX_TEXT = 500


class ParamError(ValueError):
    """A query parameter that cannot be used; ``param`` names it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def parse_date(param: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ParamError(param, f"{value!r} is not a YYYY-MM-DD date") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise ParamError("bbox", f"{value!r} is not four numbers west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ParamError("bbox", f"{value!r} holds a value that is not a number") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ParamError("bbox", f"{value!r} holds a value that is not a finite number")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ParamError("bbox", "west and east must lie within -180..180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ParamError("bbox", "south and north must lie within -90..90")
    if south > north:
        raise ParamError("bbox", f"south ({south}) is above north ({north})")
    if west > east:
        raise ParamError(
            "bbox", f"west ({west}) is east of east ({east}); boxes across 180° are not supported"
        )
    return west, south, east, north


def _text(param: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise ParamError(param, f"longer than {MAX_TEXT} characters")
    return value


def build_filter(
    *,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    bbox: str | None = None,
    q: str | None = None,
) -> EventFilter:
    """An ``EventFilter`` from raw query strings, or ``ParamError`` naming what is wrong."""
    start = parse_date("since", since)
    end = parse_date("until", until)
    if start is not None and end is not None and start > end:
        raise ParamError("since", f"{start} is after until ({end})")
    return EventFilter(
        since=start,
        until=end,
        event_type=_text("event_type", event_type),
        sub_event_type=_text("sub_event_type", sub_event_type),
        actor=_text("actor", actor),
        country=_text("country", country),
        admin1=_text("admin1", admin1),
        bbox=parse_bbox(bbox),
        q=_text("q", q),
    )
