"""A store filter as SQL: its values by parameter name, and the WHERE that names them.

The names present (and, for a box, whether it crosses the antimeridian) decide the SQL, so
the statement of a filter shape can be compiled once and run with each filter's values.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, or_
from sqlalchemy.sql.elements import ColumnElement

from conflictwire.store.base import EventFilter
from conflictwire.store.schema import events, fold

__all__ = ["FILTER_KEYS", "bind_values", "conditions", "crosses_180", "is_scan", "substring"]

# Folded filter columns, in the order of EventFilter's exact-match fields.
FILTER_KEYS = ("type_key", "sub_type_key", "country_key", "admin1_key")


def bind_values(f: EventFilter) -> dict[str, Any]:
    """The values of ``f``'s conditions, by the parameter names ``conditions`` gives them."""
    values: dict[str, Any] = {}
    if f.since:
        values["since"] = f.since
    if f.until:
        values["until"] = f.until
    keyed = (f.event_type, f.sub_event_type, f.country, f.admin1)
    for name, value in zip(FILTER_KEYS, keyed, strict=True):
        if value:
            values[name] = fold(value)
    if f.actor:
        values["actor"] = substring(f.actor)
    if f.q:
        values["q"] = substring(f.q)
    if f.bbox:
        values["west"], values["south"], values["east"], values["north"] = f.bbox
    return values


def substring(text: str) -> str:
    """A LIKE pattern (escape '/') matching ``text`` case-folded anywhere, wildcards literal."""
    escaped = text.casefold().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def is_scan(values: dict[str, Any]) -> bool:
    return "actor" in values or "q" in values


def crosses_180(values: dict[str, Any]) -> bool:
    return "west" in values and values["west"] > values["east"]


def conditions(values: dict[str, Any]) -> list[ColumnElement[bool]]:
    """The WHERE of ``_bind_values``'s filter, with its values as named parameters."""
    c = events.c
    cond: list[ColumnElement[bool]] = []
    if "since" in values:
        cond.append(c.event_date >= bindparam("since"))
    if "until" in values:
        cond.append(c.event_date <= bindparam("until"))
    for name in FILTER_KEYS:
        if name in values:
            cond.append(c[name] == bindparam(name))
    if "actor" in values:
        cond.append(c.actors.like(bindparam("actor"), escape="/"))
    if "q" in values:
        cond.append(c.search.like(bindparam("q"), escape="/"))
    if "west" in values:
        cond.append(c.latitude.between(bindparam("south"), bindparam("north")))
        if not crosses_180(values):
            cond.append(c.longitude.between(bindparam("west"), bindparam("east")))
        else:  # the box crosses the antimeridian
            cond.append(or_(c.longitude >= bindparam("west"), c.longitude <= bindparam("east")))
    return [and_(*cond)] if cond else []
