"""Prepared events and generated reports, to exercise and measure the store without the NLP.

``PreparedPipeline`` stands in for ``runner.Pipeline``: a document carries its events ready-made
under ``metadata["events"]`` (a JSONL document's extra keys land there), so fusion and storage
can be tested and benchmarked independently of extraction. ``synthetic_reports`` writes short
wire-style reports of made-up happenings, each told by one to three outlets with their own tolls.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from typing import Any

from conflictwire.records import DocResult, Document, Event, Span, Weapon

__all__ = ["PreparedPipeline", "event_from_mapping", "synthetic_reports"]

_ROOTS = ("Kam", "Vol", "Ber", "Mykol", "Stav", "Zelen", "Khor", "Pol", "Lys", "Dub", "Sok", "Yar")
_ENDS = ("ivka", "ove", "ynka", "yshche", "ky", "ivske", "any", "enka")
_OUTLETS = ("Wire One", "Daily Front", "Regional Herald", "Evening Post", "Radio Free Plains")
_KINDS = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
    ("Explosions/Remote violence", "Air/drone strike", "hit by a drone strike"),
    ("Battles", "Armed clash", "the scene of clashes"),
)


def event_from_mapping(doc: Document, data: dict[str, Any]) -> Event:
    """An ``Event`` of ``doc`` from a plain mapping; ``evidence`` may be quoted phrases."""
    fields = dict(data)
    spans = []
    for item in fields.pop("evidence", []) or []:
        if isinstance(item, str):
            start = doc.text.find(item)
            if start < 0:
                raise ValueError(f"{doc.doc_id}: evidence {item!r} is not in the text")
            spans.append(Span(start, start + len(item), item))
        else:
            spans.append(Span(int(item["start"]), int(item["end"]), str(item["text"])))
    weapons = [Weapon(w["type"], w.get("count")) for w in fields.pop("weapons", []) or []]
    stated = fields.pop("fatalities_stated", None)
    event = Event(doc_id=doc.doc_id, evidence=spans, weapons=weapons, **fields)
    if event.event_date and event.year is None:
        event.year = int(event.event_date[:4])
    if stated is not None:
        # Same attribute the store reads from a real extractor that can tell "no toll" from 0.
        event.fatalities_stated = bool(stated)  # type: ignore[attr-defined]
    event.assign_id()
    return event


class PreparedPipeline:
    """``process(doc)`` returns the events prepared in ``doc.metadata["events"]``."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay  # seconds per document, to make a long run killable mid-way

    def process(self, doc: Document) -> DocResult:
        if self.delay:
            time.sleep(self.delay)
        prepared = doc.metadata.get("events") or []
        return DocResult(doc, [event_from_mapping(doc, data) for data in prepared])


def _villages(rng: random.Random, count: int) -> list[tuple[str, float, float]]:
    """Made-up villages on a grid ~15 km apart, so no two are one place."""
    names: list[tuple[str, float, float]] = []
    seen: set[str] = set()
    side = int(count**0.5) + 1
    while len(names) < count:
        name = rng.choice(_ROOTS) + rng.choice(_ENDS)
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        row, col = divmod(len(names), side)
        names.append((name, 47.0 + row * 0.14, 33.0 + col * 0.2))
    return names


def _report(rng: random.Random, hap: dict[str, Any], outlet: str, number: int) -> Document:
    toll = hap["toll"] + rng.choice((0, 0, 1, 2)) if hap["toll"] else 0
    says_toll = rng.random() < 0.8
    sentence = f"On {hap['date']:%d %B %Y} {hap['village']} was {hap['verb']}"
    sentence += f", killing {toll} people." if says_toll and toll else "."
    text = f"{sentence} Officials in {hap['admin1']} confirmed the attack to {outlet}."
    event = {
        "event_type": hap["event_type"],
        "sub_event_type": hap["sub_event_type"],
        "disorder_type": "Political violence",
        "event_date": hap["date"].isoformat(),
        "time_precision": 1,
        "actor1": "Military Forces of Russia",
        "inter1": 8,
        "actor2": "Military Forces of Ukraine" if hap["event_type"] == "Battles" else None,
        "country": "Ukraine",
        "iso": 804,
        "admin1": hap["admin1"],
        "location": hap["village"],
        "latitude": hap["lat"],
        "longitude": hap["lon"],
        "geo_precision": 1,
        "fatalities": toll if says_toll else 0,
        "fatalities_stated": bool(says_toll and toll),
        "source": outlet,
        "evidence": [sentence],
        "notes": sentence,
    }
    return Document(
        doc_id=f"synthetic-{number:06d}",
        text=text,
        url=f"https://example.org/{outlet.lower().replace(' ', '-')}/{number}",
        source=outlet,
        published=(hap["date"] + dt.timedelta(days=1)).isoformat(),
        metadata={"events": [event]},
    )


def synthetic_reports(count: int, seed: int = 7) -> Iterator[Document]:
    """``count`` short reports of made-up happenings, deterministic for a given seed.

    A village sees at most one happening of a kind every third day, so the true grouping is
    unambiguous under a one-day date tolerance.
    """
    rng = random.Random(seed)
    villages = _villages(rng, max(20, count // 25))
    start = dt.date(2022, 3, 1)
    used: set[tuple[str, str, int]] = set()
    number = 0
    while number < count:
        name, lat, lon = rng.choice(villages)
        event_type, sub_type, verb = rng.choice(_KINDS)
        day = rng.randrange(0, 120) // 3 * 3
        if (name, event_type, day) in used:
            continue
        used.add((name, event_type, day))
        hap = {
            "village": name, "lat": lat, "lon": lon, "admin1": f"Oblast {int(lat * 2) % 5}",
            "event_type": event_type, "sub_event_type": sub_type, "verb": verb,
            "date": start + dt.timedelta(days=day), "toll": rng.choice((0, 0, 1, 2, 3, 5)),
        }  # fmt: skip
        for outlet in rng.sample(_OUTLETS, rng.choice((1, 1, 2, 2, 3))):
            if number >= count:
                break
            yield _report(rng, hap, outlet, number)
            number += 1
