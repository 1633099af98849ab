"""SQLite pages read straight through ``sqlite3`` (``store.sqlite_read``) are the pages the
SQLAlchemy path gives, filter by filter, and mean what the filters say."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conflictwire.records import DocResult, Document, Event, Span
from conflictwire.store import EventFilter, open_store
from conflictwire.store.sql import SqlStore, _record_json
from conflictwire.store.sqlite_read import SqliteReader

# (location, admin1, country, iso, latitude, longitude): two of them either side of 180°.
PLACES = [
    ("Kharkiv", "Kharkiv", "Ukraine", 804, 49.99, 36.23),
    ("Kherson", "Kherson", "Ukraine", 804, 46.64, 32.61),
    ("Labasa", "Northern", "Fiji", 242, -16.43, 179.36),
    ("Taveuni", "Northern", "Fiji", 242, -16.85, -179.97),
    ("Baidoa", "Bay", "Somalia", 706, 3.11, 43.65),
]
# Notes with LIKE's wildcards and the escape character, which must match only themselves.
NOTES = [
    "Shelling cut power to 100% of homes in {place}, the mayor said.",
    "A drone struck the rail_yard outside {place}.",
    "Fighters clashed at the north/south checkpoint of {place}.",
    "Residents of {place} marched against the curfew.",
]
KINDS = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Battles", "Armed clash", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
]
ACTORS = ["Military Forces of Russia (2000-)", "Al Shabaab", "Protesters (Fiji)"]


def _events(n: int) -> tuple[list[Document], dict[str, Event]]:
    docs, events = [], {}
    for i in range(n):
        place, admin1, country, iso, lat, lon = PLACES[i % len(PLACES)]
        kind = i % len(NOTES)
        note = NOTES[kind].format(place=place)
        day = f"2023-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
        text = f"{place.upper()} - {note}\n"
        doc = Document(f"reads/{i:03d}.txt", text, title=f"Dispatch {i}", published=day)
        event_type, sub_event_type, disorder = KINDS[kind]
        event = Event(
            doc_id=doc.doc_id,
            event_type=event_type,
            sub_event_type=sub_event_type,
            disorder_type=disorder,
            event_date=day,
            year=2023,
            actor1=ACTORS[i % len(ACTORS)],
            iso=iso,
            country=country,
            admin1=admin1,
            location=place,
            latitude=round(lat + 0.001 * i, 4),
            longitude=lon,
            evidence=[Span(text.index(note), text.index(note) + len(note), note)],
            notes=note,
            updated_at="2023-12-31T00:00:00Z",
        )
        event.assign_id()
        docs.append(doc)
        events[doc.doc_id] = event
    return docs, events


class _Replay:
    def __init__(self, events: dict[str, Event]) -> None:
        self.events = events

    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        return DocResult(doc, [self.events[doc.doc_id]])


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("reads") / "store.db"
    store = open_store(f"sqlite:///{path}")
    assert isinstance(store, SqlStore)
    docs, events = _events(60)
    store.ingest(docs, _Replay(events))
    store.pages = None  # every page computed: the paths compared, not the page cache
    yield store
    store.close()


def _via_sqlalchemy(store: SqlStore, f: EventFilter, limit: int, offset: int) -> Any:
    total, rows = store._page_rows(f, limit, offset)
    return total, [_record_json(r.record, r.updated_at) for r in rows]


FILTERS = [
    EventFilter(),
    EventFilter(country="FIJI"),
    EventFilter(event_type="battles", admin1="kharkiv"),
    EventFilter(since="2023-03-01", until="2023-06-30"),
    EventFilter(actor="shabaab"),
    EventFilter(q="%"),
    EventFilter(q="_"),
    EventFilter(q="h/s"),
    EventFilter(q="100%"),
    EventFilter(q="nowhere at all"),
    EventFilter(bbox=(30.0, 40.0, 40.0, 55.0)),
    EventFilter(bbox=(179.0, -20.0, -179.0, -10.0)),  # across the antimeridian
    EventFilter(country="Ukraine", q="rail_yard", since="2023-02-01"),
]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
@pytest.mark.parametrize(("limit", "offset"), [(100, 0), (7, 3), (0, 0), (5, 1000)])
def test_direct_pages_equal_the_sqlalchemy_path(
    filled: SqlStore, f: EventFilter, limit: int, offset: int
) -> None:
    assert filled.reader is not None
    direct = filled._page_json_sqlite(filled.reader, f, limit, offset)
    assert direct == _via_sqlalchemy(filled, f, limit, offset)
    assert filled.query_events_json(f, limit, offset) == direct
    total, records = filled.query_events(f, limit, offset)
    assert (direct[0], [json.loads(t) for t in direct[1]]) == (total, records)
    assert filled.reader is not None, "the direct path fell back"


def _count(store: SqlStore, keep: Any) -> int:
    return sum(1 for e in store.iter_events() if keep(e))


def test_wildcards_and_the_escape_character_match_only_themselves(filled: SqlStore) -> None:
    assert filled.reader is not None
    for needle in ("%", "_", "/", "100%", "rail_yard", "h/s"):
        total, _ = filled._page_json_sqlite(filled.reader, EventFilter(q=needle), 100, 0)
        assert total == _count(filled, lambda e, n=needle: n in e["notes"]), needle
        assert total > 0, needle


def test_a_box_across_180_degrees_finds_both_sides(filled: SqlStore) -> None:
    assert filled.reader is not None
    f = EventFilter(bbox=(179.0, -20.0, -179.0, -10.0))
    total, texts = filled._page_json_sqlite(filled.reader, f, 100, 0)
    lons = {json.loads(t)["longitude"] for t in texts}
    assert lons == {179.36, -179.97}
    assert total == _count(filled, lambda e: e["country"] == "Fiji")


def test_the_direct_connection_cannot_write(filled: SqlStore, tmp_path: Path) -> None:
    assert filled.reader is not None
    conn = filled.reader._connection()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM cw_events")
    assert filled.query_events(EventFilter(), 0)[0] == 60


def test_a_reader_that_cannot_open_hands_over_to_sqlalchemy_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    assert isinstance(store, SqlStore)
    docs, events = _events(8)
    store.ingest(docs, _Replay(events))
    store.pages = None
    store.reader = SqliteReader(str(tmp_path / "missing" / "nope.db"))
    with caplog.at_level(logging.WARNING, logger="conflictwire.store.sql"):
        total, texts = store.query_events_json(EventFilter(), limit=5)
        again = store.query_events_json(EventFilter(), limit=5)
    assert store.reader is None
    assert (total, texts) == again == _via_sqlalchemy(store, EventFilter(), 5, 0)
    assert total == 8 and len(texts) == 5
    assert sum("direct SQLite reads off" in r.getMessage() for r in caplog.records) == 1
    store.close()


def test_each_thread_reads_through_its_own_connection(tmp_path: Path) -> None:
    import threading

    reader = SqliteReader(str(tmp_path / "c.db"))
    sqlite3.connect(tmp_path / "c.db").close()
    mine = reader._connection()
    other: list[sqlite3.Connection] = []
    thread = threading.Thread(target=lambda: other.append(reader._connection()))
    thread.start()
    thread.join()
    assert reader._connection() is mine and other[0] is not mine
    reader.close()
    with pytest.raises(sqlite3.ProgrammingError):  # closed, every thread's
        other[0].execute("SELECT 1")
