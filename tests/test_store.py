"""The store on SQLite and PostgreSQL: idempotent ingest, fusion across documents, revisions,
order and batch independence, reads. Events come prepared with the documents (PreparedPipeline),
so these tests measure the store, not the extractor."""

from __future__ import annotations

import dataclasses
import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import update

from conflictwire.store import EventFilter
from conflictwire.store.schema import SCHEMA_VERSION, SchemaError, meta
from conflictwire.store.sql import SqlStore
from conflictwire.store.synthetic import PreparedPipeline, synthetic_reports

from .store_support import by_location, comparable, fixture_docs

PIPE = PreparedPipeline()


def test_second_outlet_merges_into_one_kyiv_event(store: SqlStore) -> None:
    docs = fixture_docs("reports.jsonl")
    store.ingest(docs[:1], PIPE)
    store.ingest(docs[1:2], PIPE)
    (kyiv,) = by_location(store, "Kyiv")
    assert kyiv["n_sources"] == 2
    assert sorted(s["fatalities"] for s in kyiv["sources"]) == [2, 3]
    assert kyiv["fatalities"] == 2  # ACLED: the lowest figure a source states
    assert kyiv["fatalities_max"] == 3
    assert {s["source"] for s in kyiv["sources"]} == {"Wire A", "Outlet B"}
    member_ids = {e.event_id for d in docs[:2] for e in PIPE.process(d).events if e.location}
    assert kyiv["event_id"] == min(member_ids)
    # The Belarus shelling in the first report is another happening and stays apart.
    assert store.counts()["events"] == 2


def test_silent_source_never_lowers_the_toll(store: SqlStore) -> None:
    docs = fixture_docs("reports.jsonl")
    store.ingest(docs[:3], PIPE)
    (kyiv,) = by_location(store, "Kyiv")
    assert kyiv["n_sources"] == 3
    silent = next(s for s in kyiv["sources"] if s["source"] == "Outlet C")
    assert silent["fatalities"] is None
    assert kyiv["fatalities"] == 2
    assert kyiv["injuries"] == 5


def test_same_day_shelling_of_two_towns_stays_two(store: SqlStore) -> None:
    store.ingest(fixture_docs("reports.jsonl"), PIPE)
    (zolochiv,) = by_location(store, "Zolochiv")
    (derhachi,) = by_location(store, "Derhachi")
    assert zolochiv["n_sources"] == 2 and derhachi["n_sources"] == 2
    assert zolochiv["fatalities"] == 1 and derhachi["fatalities"] == 0
    assert derhachi["injuries"] == 2


def test_chain_of_daily_reports_does_not_fuse_end_to_end(store: SqlStore) -> None:
    store.ingest(fixture_docs("chain.jsonl"), PIPE)
    events = by_location(store, "Chuhuiv")
    assert sorted(e["n_sources"] for e in events) == [1, 2]
    for event in events:  # every pair inside an event is within a day
        days = {s["published"] for s in event["sources"]}
        assert len(days) <= 2


def test_reingest_changes_nothing(store: SqlStore) -> None:
    docs = fixture_docs("reports.jsonl")
    store.ingest(docs, PIPE)
    before = list(store.iter_events())
    report = store.ingest(docs, PIPE)
    assert report.unchanged == len(docs) and report.documents == 0
    assert list(store.iter_events()) == before  # updated_at included: nothing was touched


def test_revision_replaces_the_documents_claims(store: SqlStore) -> None:
    store.ingest(fixture_docs("reports.jsonl"), PIPE)
    (before,) = by_location(store, "Kyiv")
    report = store.ingest(fixture_docs("revision.jsonl"), PIPE)
    assert report.documents == 1 and report.replaced == 1
    (after,) = by_location(store, "Kyiv")
    assert after["n_sources"] == 3
    assert sorted(s["fatalities"] for s in after["sources"] if s["fatalities"]) == [2, 4]
    assert after["fatalities_max"] == 4
    assert after["updated_at"] >= before["updated_at"]
    assert store.counts()["claims"] == 8  # the old version's claim is gone, not kept beside


def test_revision_found_by_url_under_a_new_id(store: SqlStore) -> None:
    docs = fixture_docs("reports.jsonl")
    store.ingest(docs, PIPE)
    revised = fixture_docs("revision.jsonl")[0]
    revised.doc_id = "outlet-b/renamed"
    store.ingest([revised], PIPE)
    assert store.get_document("outlet-b/2022-06-26-kyiv") is None
    doc = store.get_document("outlet-b/renamed")
    assert doc is not None and "Four people" in doc["text"]
    assert store.counts()["documents"] == len(docs)


def test_removing_a_bridge_splits_the_event_again(store: SqlStore) -> None:
    docs = fixture_docs("reports.jsonl")
    store.ingest(docs[:2], PIPE)
    assert by_location(store, "Kyiv")[0]["n_sources"] == 2
    emptied = fixture_docs("revision.jsonl")[0]
    emptied.metadata = {"events": []}  # the revised story no longer reports the strike
    store.ingest([emptied], PIPE)
    (kyiv,) = by_location(store, "Kyiv")
    assert kyiv["n_sources"] == 1 and kyiv["fatalities"] == 2 and kyiv["fatalities_max"] == 2
    assert store.get_document(emptied.doc_id)["events"] == []  # type: ignore[index]


def test_order_and_batches_do_not_change_the_result(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = [*fixture_docs("reports.jsonl"), *fixture_docs("chain.jsonl")]
    docs += list(synthetic_reports(300, seed=3))
    reference = SqlStore(f"sqlite:///{tmp_path / 'reference.db'}")
    reference.ingest(docs, PIPE, batch_size=1000)
    shuffled = docs[:]
    random.Random(5).shuffle(shuffled)
    other = SqlStore(store_url)
    other.ingest(shuffled, PIPE, batch_size=7)
    assert comparable(other) == comparable(reference)
    assert other.counts() == reference.counts()


def test_document_and_event_lookup(store: SqlStore) -> None:
    docs = fixture_docs("reports.jsonl")
    store.ingest(docs, PIPE)
    doc = store.get_document("wire-a/kyiv-strike")
    assert doc is not None
    assert set(doc) == {"doc_id", "title", "url", "source", "published", "text", "events"}
    assert len(doc["events"]) == 2
    for event_id in doc["events"]:
        event = store.get_event(event_id)
        assert event is not None and event["event_id"] == event_id
        for source in event["sources"]:
            text = store.get_document(source["doc_id"])["text"]  # type: ignore[index]
            for span in source["evidence"]:
                assert text[span["start"] : span["end"]] == span["text"]
    # A member's own id (as extract gave it) finds the merged event.
    outlet_b = PIPE.process(docs[1]).events[0].event_id
    merged = store.get_event(outlet_b)
    assert merged is not None and merged["n_sources"] == 3
    assert store.get_event("cw-none") is None and store.get_document("nope") is None


@pytest.mark.parametrize(
    ("filters", "locations"),
    [
        (EventFilter(since="2022-06-01"), {"Kyiv", None}),
        (EventFilter(until="2022-05-31"), {"Zolochiv", "Derhachi"}),
        (EventFilter(actor="belarus"), {None}),
        (EventFilter(q="ZOLOCHIV"), {"Zolochiv"}),
        (EventFilter(admin1="kharkiv", country="Ukraine"), {"Zolochiv", "Derhachi"}),
        (EventFilter(bbox=(30.0, 50.0, 31.0, 51.0)), {"Kyiv"}),
        (EventFilter(event_type="Battles"), set()),
        (EventFilter(q="100%_"), set()),  # LIKE wildcards are literal
    ],
)
def test_query_filters(store: SqlStore, filters: EventFilter, locations: set[str | None]) -> None:
    store.ingest(fixture_docs("reports.jsonl"), PIPE)
    total, found = store.query_events(filters, limit=100)
    assert total == len(found)
    assert {e["location"] for e in found} == locations


def test_query_pages_newest_first(store: SqlStore) -> None:
    store.ingest(fixture_docs("reports.jsonl"), PIPE)
    total, first = store.query_events(EventFilter(), limit=2)
    _, rest = store.query_events(EventFilter(), limit=100, offset=2)
    assert total == 4 and len(first) == 2 and len(rest) == 2
    dates = [e["event_date"] for e in first + rest]
    assert dates == sorted(dates, reverse=True)
    assert {e["event_id"] for e in first}.isdisjoint(e["event_id"] for e in rest)


def test_schema_is_versioned(store: SqlStore) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(meta).values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(SchemaError, match="newer"):
        SqlStore(store.url)


def test_a_document_failing_extraction_is_reported_and_not_stored(store: SqlStore) -> None:
    docs = fixture_docs("chain.jsonl")
    docs[1].metadata["events"][0]["evidence"] = ["words that are not in the text"]
    report = store.ingest(docs, PIPE)
    assert [doc_id for doc_id, _ in report.failed] == ["chain-1"]
    assert "not in the text" in report.failed[0][1]
    assert report.documents == 2 and store.get_document("chain-1") is None
    fixed = fixture_docs("chain.jsonl")
    again = store.ingest(fixed, PIPE)  # a rerun retries it
    assert again.documents == 1 and again.unchanged == 2


def test_duplicates_inside_a_batch_end_as_one_by_one(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    base = fixture_docs("chain.jsonl")
    repost = dataclasses.replace(base[0], doc_id="chain-0-repost", url="https://f.example/1")
    first = dataclasses.replace(base[0], url="https://f.example/1")
    edited = dataclasses.replace(repost, doc_id="chain-0-edit", text=repost.text + " Updated.")
    docs = [first, repost, base[1], edited, base[2], base[1]]
    one_by_one = SqlStore(f"sqlite:///{tmp_path / 'one.db'}")
    for doc in docs:
        one_by_one.ingest([doc], PIPE)
    batched = SqlStore(store_url)
    batched.ingest(docs, PIPE, batch_size=10)
    assert comparable(batched) == comparable(one_by_one)
    assert batched.counts() == one_by_one.counts() == {"documents": 3, "claims": 3, "events": 2}


def test_concurrent_ingests_end_as_one(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = list(synthetic_reports(400, seed=11))
    reference = SqlStore(f"sqlite:///{tmp_path / 'reference.db'}")
    reference.ingest(docs, PIPE)
    shared = SqlStore(store_url)
    halves = [docs[0::2], docs[1::2]]
    with ThreadPoolExecutor(2) as pool:  # as the API and a CLI ingest would, on one store
        list(pool.map(lambda part: SqlStore(store_url).ingest(part, PIPE, batch_size=20), halves))
    assert comparable(shared) == comparable(reference)
