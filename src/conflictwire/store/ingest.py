"""The write path: store one batch of processed documents and re-cluster what it touched.

Everything here runs inside one write transaction per batch, so a killed ingest leaves either
the whole batch or none of it. Re-clustering recomputes, from scratch, every connected component
of the compatibility graph that a new or removed claim belongs to (loading the stretch of the
claims table those components can reach), so the stored clusters are always the clustering of
the full set of claims, whatever the order or batching that brought them in.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, and_, bindparam, delete, or_, select, union_all, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql import CompoundSelect, Select
from sqlalchemy.sql.elements import ColumnElement

from conflictwire.records import Document, Event
from conflictwire.store.fusion import (
    KM_REGION,
    Claim,
    cluster,
    compatible,
    components,
    merge_claims,
)
from conflictwire.store.schema import EVENT_KEYS, claims, documents, event_records, events, fold

__all__ = ["PendingDoc", "claim_from_event", "store_batch", "text_hash"]

Probe = Select[Any] | CompoundSelect[Any]


@dataclass
class PendingDoc:
    """A document to store, the id of the stored version it replaces, and its events."""

    doc: Document
    digest: str
    replaces: str | None
    events: list[Event] = field(default_factory=list)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stated_fatalities(event: Event) -> int | None:
    """The toll a document states for the event, None when it gives none.

    ``Event.fatalities`` is 0 both for "no toll given" and "nobody died"; an extractor that can
    tell them apart sets ``fatalities_stated``. Without it only a positive figure counts as stated,
    so a silent report never lowers a merged event's toll.
    """
    flag = getattr(event, "fatalities_stated", None)
    if flag is not None:
        return int(event.fatalities) if flag else None
    return int(event.fatalities) if event.fatalities > 0 else None


def claim_from_event(event: Event, doc: Document) -> Claim:
    record = event.to_dict()
    record["updated_at"] = None  # a claim's content does not depend on when it was extracted
    return Claim(
        claim_id=event.event_id,
        doc_id=doc.doc_id,
        record=record,
        fatalities=stated_fatalities(event),
        url=doc.url,
        source=doc.source,
        published=doc.published,
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _claim_row(claim: Claim, position: int) -> dict[str, Any]:
    return {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        "position": position,
        "event_id": None,
        "family": claim.family,
        "country": claim.country,
        "day": claim.day,
        "tol": claim.tol,
        "lat": claim.lat,
        "lon": claim.lon,
        "admin1_key": claim.admin1,
        "geo_precision": claim.record.get("geo_precision"),
        "fatalities": claim.fatalities,
        "record": _dumps(claim.record),
    }


def _doc_row(doc: Document, digest: str, now: str) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "language": doc.language,
        "text": doc.text,
        "text_hash": digest,
        "metadata": _dumps(doc.metadata),
        "ingested_at": now,
    }


def _claims_select() -> Select[Any]:
    """Claims with their documents' metadata and the event they currently belong to."""
    return select(
        claims.c.claim_id,
        claims.c.doc_id,
        claims.c.event_id,
        claims.c.fatalities,
        claims.c.record,
        documents.c.url,
        documents.c.source,
        documents.c.published,
    ).select_from(claims.join(documents, claims.c.doc_id == documents.c.doc_id))


def _claim_of(row: Row[Any]) -> tuple[Claim, str | None]:
    claim = Claim(
        claim_id=row.claim_id,
        doc_id=row.doc_id,
        record=json.loads(row.record),
        fatalities=row.fatalities,
        url=row.url,
        source=row.source,
        published=row.published,
    )
    return claim, row.event_id


def _load_claims(
    conn: Connection, where: ColumnElement[bool]
) -> dict[str, tuple[Claim, str | None]]:
    return {row.claim_id: _claim_of(row) for row in conn.execute(_claims_select().where(where))}


def _remove_documents(conn: Connection, doc_ids: set[str]) -> dict[str, tuple[Claim, str | None]]:
    """Delete stored versions of documents; returns their claims as they were."""
    if not doc_ids:
        return {}
    removed = _load_claims(conn, claims.c.doc_id.in_(sorted(doc_ids)))
    conn.execute(delete(claims).where(claims.c.doc_id.in_(sorted(doc_ids))))
    conn.execute(delete(documents).where(documents.c.doc_id.in_(sorted(doc_ids))))
    return removed


def store_batch(conn: Connection, pending: list[PendingDoc], now: str) -> int:
    """Write a batch of new or revised documents and re-cluster; returns the claims stored."""
    stale_ids = {p.doc.doc_id for p in pending} | {p.replaces for p in pending if p.replaces}
    removed = _remove_documents(conn, stale_ids)
    conn.execute(documents.insert(), [_doc_row(p.doc, p.digest, now) for p in pending])
    new_claims: dict[str, Claim] = {}
    rows = []
    for p in pending:
        for position, event in enumerate(p.events):
            if event.event_id in new_claims:
                continue  # one document stating one event twice: its content hash repeats
            claim = claim_from_event(event, p.doc)
            new_claims[claim.claim_id] = claim
            rows.append(_claim_row(claim, position))
    if rows:
        conn.execute(claims.insert(), rows)
    gone = [claim for cid, (claim, _) in removed.items() if cid not in new_claims]
    stale_events = {eid for _, eid in removed.values() if eid}
    _recluster(conn, list(new_claims.values()), gone, stale_events, now)
    return len(rows)


@functools.cache
def _probe_query(dated: bool, located: bool, country: bool, admin1: bool) -> Probe:
    """Stored claims that may be compatible with one probe claim, given as bound parameters.

    A superset, narrowed in Python by ``compatible``; one cached statement per shape, so each
    probe costs one execution and no SQL building. Two index range scans: claims within the
    probe's own date tolerance, and the (rarer) looser claims whose tolerance reaches it.
    """
    c = claims.c
    cond = [
        c.family == bindparam("family"),
        c.country == bindparam("country") if country else c.country.is_(None),
    ]
    if located:
        near = and_(
            c.lat.between(bindparam("lat0"), bindparam("lat1")),
            c.lon.between(bindparam("lon0"), bindparam("lon1")),
        )
        if admin1:  # at region precision, the same admin1 is close enough at any distance
            region = or_(c.geo_precision == 3, bindparam("coarse") == 1)
            near = or_(near, and_(c.admin1_key == bindparam("admin1"), region))
        cond.append(near)
    else:
        cond.append(c.lat.is_(None))
    if not dated:
        return _claims_select().where(*cond, c.day.is_(None))
    day, own = bindparam("day", type_=Integer), bindparam("own", type_=Integer)
    tight = _claims_select().where(*cond, c.day.between(day - own, day + own))
    # No plain range on day here, so the planner scans the (family, country, tol) index.
    loose = _claims_select().where(*cond, c.tol > own, c.day + c.tol >= day, c.day - c.tol <= day)
    return union_all(tight, loose)


def _probe_params(probe: Claim) -> tuple[Probe, dict[str, Any]]:
    params: dict[str, Any] = {"family": probe.family, "country": probe.country}
    params.update(day=probe.day, own=probe.tol)
    if probe.lat is not None and probe.lon is not None:
        dlat = KM_REGION / 111.0 * 1.1
        dlon = dlat / max(math.cos(math.radians(min(abs(probe.lat), 85.0))), 0.087)
        params.update(lat0=probe.lat - dlat, lat1=probe.lat + dlat)
        params.update(lon0=probe.lon - dlon, lon1=probe.lon + dlon)
        params.update(admin1=probe.admin1, coarse=int(probe.record.get("geo_precision") == 3))
    query = _probe_query(
        probe.day is not None, probe.lat is not None, probe.country is not None, bool(probe.admin1)
    )
    return query, {k: v for k, v in params.items() if v is not None}


def _load_neighbourhoods(
    conn: Connection, probes: list[Claim], loaded: dict[str, tuple[Claim, str | None]]
) -> None:
    for probe in probes:
        query, params = _probe_params(probe)
        for row in conn.execute(query, params):
            if row.claim_id not in loaded:
                loaded[row.claim_id] = _claim_of(row)


def _recluster(
    conn: Connection, new: list[Claim], gone: list[Claim], stale_events: set[str], now: str
) -> None:
    """Recompute the components around new and removed claims, growing them until closed."""
    if not new and not gone:
        return
    probes = {c.claim_id: c for c in [*new, *gone]}
    probed: set[str] = set()
    loaded: dict[str, tuple[Claim, str | None]] = {}
    comps: list[list[Claim]] = []
    while todo := [p for cid, p in probes.items() if cid not in probed]:
        _load_neighbourhoods(conn, todo, loaded)
        probed.update(p.claim_id for p in todo)
        pool = [claim for claim, _ in loaded.values()]
        seeds = {c.claim_id for c in new}
        # Removing a claim can split its component: every piece holds one of its neighbours.
        seeds |= {c.claim_id for g in gone for c in pool if compatible(g, c) is not None}
        comps = components(pool, seeds)
        for comp in comps:
            for claim in comp:
                probes.setdefault(claim.claim_id, claim)
    members = [c for comp in comps for c in comp]
    old_events = {eid for c in members if (eid := loaded[c.claim_id][1])} | stale_events
    _write_clusters(conn, comps, loaded, old_events, now)


def _event_row(record: dict[str, Any], now: str) -> dict[str, Any]:
    body = {k: v for k, v in record.items() if k != "updated_at"}
    blob = _dumps(body)
    actors = [record.get(k) for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")]
    texts = [record.get("notes"), record.get("location"), record.get("location_text")]
    texts += [span.get("text") for src in record["sources"] for span in src["evidence"]]
    return {
        "event_id": record["event_id"],
        "event_date": record.get("event_date"),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "country": record.get("country"),
        "admin1": record.get("admin1"),
        "latitude": record.get("latitude"),
        "longitude": record.get("longitude"),
        "fatalities": int(record.get("fatalities") or 0),
        "n_sources": int(record["n_sources"]),
        "actors": "\n".join(a for a in actors if a).casefold(),
        "search": "\n".join(t for t in texts if t).casefold(),
        "content_hash": hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest(),
        "updated_at": now,
        **{key: fold(record.get(column)) for key, column in EVENT_KEYS.items()},
        "record": blob,  # goes to event_records
    }


def _write_clusters(
    conn: Connection,
    comps: list[list[Claim]],
    loaded: dict[str, tuple[Claim, str | None]],
    old_events: set[str],
    now: str,
) -> None:
    rows: dict[str, dict[str, Any]] = {}
    moves: list[dict[str, str]] = []
    for comp in comps:
        for group in cluster(comp):
            row = _event_row(merge_claims(group), now)
            rows[row["event_id"]] = row
            moves += [
                {"cid": c.claim_id, "eid": row["event_id"]}
                for c in group
                if loaded[c.claim_id][1] != row["event_id"]
            ]
    if moves:
        conn.execute(
            update(claims).where(claims.c.claim_id == bindparam("cid")),
            [{"cid": m["cid"], "event_id": m["eid"]} for m in moves],
        )
    known = dict(
        conn.execute(
            select(events.c.event_id, events.c.content_hash).where(
                events.c.event_id.in_(sorted(set(rows) | old_events))
            )
        ).all()
    )
    dropped = sorted(old_events - set(rows))
    if dropped:
        conn.execute(delete(events).where(events.c.event_id.in_(dropped)))
        conn.execute(delete(event_records).where(event_records.c.event_id.in_(dropped)))
    inserts = [row for eid, row in rows.items() if eid not in known]
    changed = [
        row for eid, row in rows.items() if eid in known and known[eid] != row["content_hash"]
    ]
    if inserts:
        conn.execute(events.insert(), [_columns(row) for row in inserts])
        conn.execute(event_records.insert(), [_record_row(row) for row in inserts])
    if changed:
        # updated_at moves only when the merged record really changed.
        conn.execute(
            update(events).where(events.c.event_id == bindparam("eid")),
            [{"eid": r["event_id"], **_columns(r, "event_id")} for r in changed],
        )
        conn.execute(
            update(event_records).where(event_records.c.event_id == bindparam("eid")),
            [{"eid": r["event_id"], "record": r["record"]} for r in changed],
        )


def _columns(row: dict[str, Any], *leave: str) -> dict[str, Any]:
    """The ``events`` columns of an event row: all but its record (and ``leave``)."""
    return {k: v for k, v in row.items() if k != "record" and k not in leave}


def _record_row(row: dict[str, Any]) -> dict[str, Any]:
    return {"event_id": row["event_id"], "record": row["record"]}
