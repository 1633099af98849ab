"""Field comparison as CONTRACT.md fixes it ("How evaluations compare fields")."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz

from conflictwire.evaluation.acled import GoldRow

__all__ = [
    "EVENT_RADIUS_KM",
    "actor_key",
    "admin1_equal",
    "distance_km",
    "field_matches",
    "normalize_admin1",
]

EVENT_RADIUS_KM = 25.0
# "Zaporizhzhia Oblast" ~ "Zaporizhia": small spelling drift is allowed.
ADMIN1_MIN_SIMILARITY = 85.0
_ADMIN_WORDS = re.compile(
    r"\b(?:oblast|region|province|state|governorate|county|district)\b", re.IGNORECASE
)
_DATES = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\).*$")


def actor_key(name: str | None) -> str:
    """The actor's name before any parenthesized dates, e.g. ``Military Forces of Russia``."""
    if not name:
        return ""
    return _DATES.sub("", name).strip().casefold()


def normalize_admin1(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ADMIN_WORDS.sub(" ", text.casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def admin1_equal(predicted: str | None, gold: str | None) -> bool:
    a, b = normalize_admin1(predicted), normalize_admin1(gold)
    if not a or not b:
        return a == b
    return a == b or fuzz.ratio(a, b) >= ADMIN1_MIN_SIMILARITY


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _near(event: dict[str, Any], gold: GoldRow) -> bool:
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is None or lon is None or gold.latitude is None or gold.longitude is None:
        return False
    return distance_km(float(lat), float(lon), gold.latitude, gold.longitude) <= EVENT_RADIUS_KM


def field_matches(event: dict[str, Any], gold: GoldRow) -> dict[str, bool]:
    """Which compared fields of one extracted event (a record dict) agree with ``gold``."""
    return {
        "event_type": event.get("event_type") == gold.event_type,
        "sub_event_type": event.get("sub_event_type") == gold.sub_event_type,
        "event_date": event.get("event_date") == gold.event_date,
        "fatalities": int(event.get("fatalities") or 0) == gold.fatalities,
        "actor1": actor_key(event.get("actor1")) == actor_key(gold.actor1),
        "admin1": admin1_equal(event.get("admin1"), gold.admin1),
        "within_25km": _near(event, gold),
    }
