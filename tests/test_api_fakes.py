"""An in-memory stand-in for ``conflictwire.store.Store`` and a stub pipeline, for API tests.

It implements the store's public methods over a list of event records, so the API and dashboard
tests do not depend on the real store or the event extractor. (No tests here; pytest collects
this module because of its name and finds none.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from conflictwire.records import Document, Event, Span, Weapon
from conflictwire.runner import DocResult
from conflictwire.store import EventFilter, IngestReport

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"


def load_fixture(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def _matches(event: dict[str, Any], f: EventFilter) -> bool:
    date = event.get("event_date")
    if f.since and (date is None or date < f.since):
        return False
    if f.until and (date is None or date > f.until):
        return False
    for name in ("event_type", "sub_event_type"):
        wanted = getattr(f, name)
        if wanted and event.get(name) != wanted:
            return False
    for name in ("country", "admin1"):
        wanted = getattr(f, name)
        if wanted and (event.get(name) or "").lower() != wanted.lower():
            return False
    if f.actor:
        actors = " | ".join(
            event.get(k) or "" for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        )
        if f.actor.lower() not in actors.lower():
            return False
    if f.bbox:
        west, south, east, north = f.bbox
        lat, lon = event.get("latitude"), event.get("longitude")
        if lat is None or lon is None or not (west <= lon <= east and south <= lat <= north):
            return False
    if f.q:
        spans = [s["text"] for src in event.get("sources", []) for s in src["evidence"]]
        hay = " ".join([event.get("notes") or "", event.get("location") or "", *spans])
        if f.q.lower() not in hay.lower():
            return False
    return True


class FakeStore:
    """The ``Store`` methods over in-memory records; ``ingest`` runs the given pipeline."""

    def __init__(self, events: list[dict[str, Any]], documents: list[dict[str, Any]]) -> None:
        self.events = {e["event_id"]: e for e in events}
        self.documents = {d["doc_id"]: d for d in documents}
        self.ingested: list[Document] = []

    def query_events(
        self, filters: EventFilter, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        found = [e for e in self._ordered() if _matches(e, filters)]
        return len(found), found[offset : offset + limit]

    def _ordered(self) -> list[dict[str, Any]]:
        return sorted(self.events.values(), key=lambda e: (e["event_date"] or "", e["event_id"]))

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        return self.events.get(event_id)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        doc = self.documents.get(doc_id)
        if doc is None:
            return None
        ids = [
            e["event_id"]
            for e in self._ordered()
            if any(s["doc_id"] == doc_id for s in e.get("sources", []))
        ]
        keys = ("doc_id", "title", "url", "source", "published", "text")
        return {**{k: doc.get(k) for k in keys}, "events": ids}

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        yield from (e for e in self._ordered() if _matches(e, filters or EventFilter()))

    def ingest(self, documents: Iterable[Document], pipeline: Any) -> IngestReport:
        report = IngestReport()
        for doc in documents:
            self.ingested.append(doc)
            self.documents[doc.doc_id] = doc.to_dict()
            result: DocResult = pipeline.process(doc)
            for event in result.events:
                record = event.to_dict()
                record["sources"] = [{"doc_id": doc.doc_id, "evidence": record["evidence"]}]
                self.events[event.event_id] = record
            report.documents += 1
            report.events += len(result.events)
            report.doc_ids.append(doc.doc_id)
        return report

    def close(self) -> None:
        return None


class StubPipeline:
    """One protest event per document whose text says "protest", evidence on that word."""

    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        at = doc.text.lower().find("protest")
        if at < 0:
            return DocResult(doc)
        event = Event(
            doc_id=doc.doc_id,
            event_type="Protests",
            sub_event_type="Peaceful protest",
            disorder_type="Demonstrations",
            event_date=doc.published,
            country="Ukraine",
            updated_at=now or "2022-01-01T00:00:00Z",
            evidence=[Span(at, at + 7, doc.text[at : at + 7])],
            notes="A protest.",
        )
        event.assign_id()
        return DocResult(doc, [event])

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield self.process(item) if isinstance(item, Document) else item


def fixture_store() -> FakeStore:
    return FakeStore(load_fixture("events.json"), load_fixture("documents.json"))


def _event_from_claim(record: dict[str, Any], source: dict[str, Any]) -> Event:
    """The ``Event`` one source document reports, as the extractor would have given it."""
    fields = {k: v for k, v in record.items() if k in Event.__dataclass_fields__}
    fields.update(
        doc_id=source["doc_id"],
        fatalities=source["fatalities"] or 0,
        injuries=source.get("injuries"),
        certainty=source.get("certainty") or record["certainty"],
        attribution=list(source.get("attribution") or []),
        evidence=[Span(s["start"], s["end"], s["text"]) for s in source["evidence"]],
        weapons=[Weapon(w["type"], w.get("count")) for w in record.get("weapons") or []],
    )
    event = Event(**fields)
    event.assign_id()
    return event


class FixturePipeline:
    """Gives, for each fixture document, the events its claims in ``events.json`` describe."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.by_doc: dict[str, list[Event]] = {}
        for record in records:
            for source in record["sources"]:
                event = _event_from_claim(record, source)
                self.by_doc.setdefault(source["doc_id"], []).append(event)

    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        events = self.by_doc.get(doc.doc_id, [])
        for event in events:
            event.updated_at = now or "2022-07-15T00:00:00Z"
        return DocResult(doc, list(events))


def fixture_documents() -> list[Document]:
    keys = ("doc_id", "text", "title", "url", "source", "published")
    return [Document(**{k: d[k] for k in keys}) for d in load_fixture("documents.json")]
