"""Score whole ordinary-outlet articles against their hand-written events (issue 14).

Each ``tests/fixtures/articles/NAME.txt`` has ``NAME.json`` beside it: ``published`` and the
``events`` a coder should give (sub-type, date, location, admin1, fatalities), written before
the tool was run on them, plus ``allowed`` events that are neither required nor wrong (a
suspect's arrest ACLED may or may not code). An extracted event answers an expected one of
the same event type in the same admin1; the best answer counts (same sub-type, then date,
then place); a second answer to the same happening is a duplicate; an event answering nothing
(expected or allowed) is a false event. Duplicates count against precision, as CONTRACT.md's
scorers count extra events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictwire import Pipeline
from conflictwire.evaluation.compare import EVENT_RADIUS_KM, admin1_equal, distance_km
from conflictwire.events.classify.taxonomy import event_type_of
from conflictwire.records import Document, Event

__all__ = ["ARTICLES", "ArticleScore", "Totals", "score_all", "score_article"]

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


@dataclass
class ArticleScore:
    name: str
    expected: int
    predicted: int
    matched: int = 0
    duplicates: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    fields: dict[str, int] = field(default_factory=dict)  # field -> right answers

    @property
    def counted(self) -> int:
        """Predictions that count for precision (an allowed event counts neither way)."""
        return self.matched + self.duplicates + len(self.false)


@dataclass
class Totals:
    articles: list[ArticleScore]

    def _sum(self, attr: str) -> int:
        return sum(int(getattr(a, attr)) for a in self.articles)

    @property
    def precision(self) -> float:
        counted = self._sum("counted")
        return self._sum("matched") / counted if counted else 1.0

    @property
    def recall(self) -> float:
        expected = self._sum("expected")
        return self._sum("matched") / expected if expected else 1.0

    @property
    def duplicates_per_article(self) -> float:
        return self._sum("duplicates") / len(self.articles)

    def field_rate(self, name: str) -> float:
        matched = self._sum("matched")
        right = sum(a.fields.get(name, 0) for a in self.articles)
        return right / matched if matched else 0.0

    def summary(self) -> dict[str, float]:
        out = {
            "articles": float(len(self.articles)),
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "duplicates_per_article": round(self.duplicates_per_article, 3),
            "false_events": float(sum(len(a.false) for a in self.articles)),
        }
        for name in ("sub_event_type", "event_date", "place_25km", "fatalities"):
            out[name] = round(self.field_rate(name), 3)
        return out


def _answers(event: Event, want: dict[str, Any]) -> bool:
    if event_type_of(want["sub_event_type"]) != event.event_type:
        return False
    return admin1_equal(event.admin1, want["admin1"])


def _place_right(event: Event, want: dict[str, Any], pipe: Pipeline) -> bool:
    if want.get("location") is None:
        return True  # only the region is known; admin1 already agreed
    if event.latitude is None or event.longitude is None:
        return False
    found = [m.place for m in pipe.geocoder.geoparse(want["location"]) if m.place is not None]
    here = found[0] if found else None
    if here is None or here.latitude is None or here.longitude is None:
        return bool(event.location == want["location"])
    gap = distance_km(event.latitude, event.longitude, here.latitude, here.longitude)
    return gap <= EVENT_RADIUS_KM


def _closeness(event: Event, want: dict[str, Any]) -> tuple[bool, bool, bool]:
    return (
        event.sub_event_type == want["sub_event_type"],
        event.event_date == want["event_date"],
        event.fatalities == want["fatalities"],
    )


def _label(event: Event) -> str:
    return f"{event.sub_event_type} {event.event_date} {event.location} ({event.admin1})"


def score_article(name: str, pipe: Pipeline) -> tuple[ArticleScore, list[Event]]:
    case = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    doc = Document(doc_id=name, text=text, published=case["published"], language="en")
    events = pipe.process(doc).events
    expected: list[dict[str, Any]] = case["events"]
    score = ArticleScore(name, len(expected), len(events))
    left = list(events)
    for want in expected:
        options = [e for e in left if _answers(e, want)]
        if not options:
            score.missed.append(f"{want['sub_event_type']} {want['event_date']} {want['admin1']}")
            continue
        best = max(options, key=lambda e: _closeness(e, want))
        left.remove(best)
        score.matched += 1
        same, day, toll = _closeness(best, want)
        for key, right in (
            ("sub_event_type", same),
            ("event_date", day),
            ("fatalities", toll),
            ("place_25km", _place_right(best, want, pipe)),
        ):
            score.fields[key] = score.fields.get(key, 0) + int(right)
    for event in left:
        if any(_answers(event, want) for want in expected):
            score.duplicates += 1
        elif not any(
            event.sub_event_type == a["sub_event_type"] and admin1_equal(event.admin1, a["admin1"])
            for a in case.get("allowed", [])
        ):
            score.false.append(_label(event))
    return score, events


def score_all(pipe: Pipeline) -> tuple[Totals, dict[str, list[Event]]]:
    names = sorted(p.stem for p in ARTICLES.glob("*.txt") if p.with_suffix(".json").is_file())
    scores, events = [], {}
    for name in names:
        score, found = score_article(name, pipe)
        scores.append(score)
        events[name] = found
    return Totals(scores), events
