"""The JSON endpoints of CONTRACT.md ("serve"), over the ``Store`` interface only."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from conflictwire.api.params import MAX_LIMIT, ParamError, build_filter
from conflictwire.api.schemas import (
    DocumentIn,
    DocumentOut,
    ErrorOut,
    EventOut,
    EventPage,
    IngestOut,
)
from conflictwire.api.security import require_token
from conflictwire.inputs import DEFAULT_MAX_DOC_BYTES
from conflictwire.inputs.jsonl import document_from_mapping
from conflictwire.records import Document, ReadFailure
from conflictwire.runner import Pipeline
from conflictwire.store import MAX_ROW_NUMBER, EventFilter, Store

__all__ = ["MAX_BODY_BYTES", "FastJSON", "router"]

log = logging.getLogger(__name__)

# Generous next to the 20 MB per-document cap, small enough that one request cannot exhaust memory.
MAX_BODY_BYTES = 64 * 1024 * 1024

try:  # orjson is several times faster on 100-record pages; the stdlib is the fallback.
    import orjson

    def _dumps(content: Any) -> bytes:
        return orjson.dumps(content)

except ImportError:  # pragma: no cover - depends on the environment

    def _dumps(content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


class FastJSON(Response):
    """JSON of plain dicts, without FastAPI's per-field ``jsonable_encoder`` pass."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return _dumps(content)


router = APIRouter(prefix="/api", default_response_class=FastJSON)
_BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "a parameter is malformed"}
}


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


class EventQuery(BaseModel):
    """The query of ``GET /api/events``: one model, validated in one pass, costs FastAPI
    0.05-0.1 ms less per request than eleven separate parameters (of ~0.8 ms under load)."""

    since: str | None = Field(None, description="first day, YYYY-MM-DD (inclusive)")
    until: str | None = Field(None, description="last day, YYYY-MM-DD (inclusive)")
    event_type: str | None = Field(None, description="ACLED event type, exact")
    sub_event_type: str | None = Field(None, description="ACLED sub-event type, exact")
    actor: str | None = Field(None, description="substring of actor1/actor2/associated actors")
    country: str | None = None
    admin1: str | None = None
    bbox: str | None = Field(None, description="west,south,east,north in degrees")
    q: str | None = Field(None, description="text in notes, location and evidence")
    limit: int = Field(100, ge=0, le=MAX_LIMIT)
    # Bounded by the store's integers: past them SQL overflows (a 500, not the caller's 400).
    offset: int = Field(0, ge=0, le=MAX_ROW_NUMBER)


@router.get("/events", response_model=None, responses={200: {"model": EventPage}, **_BAD})
async def list_events(request: Request, query: Annotated[EventQuery, Query()]) -> Response:
    """Stored events matching every given filter, a page at a time."""
    try:
        filters = build_filter(
            since=query.since,
            until=query.until,
            event_type=query.event_type,
            sub_event_type=query.sub_event_type,
            actor=query.actor,
            country=query.country,
            admin1=query.admin1,
            bbox=query.bbox,
            q=query.q,
        )
    except ParamError as err:
        raise HTTPException(400, str(err)) from None
    limit, offset = query.limit, query.offset
    store = _store(request)
    # A store that answers inside this process (SQLite) is read here, on the event loop: a
    # page costs a millisecond or so of CPU either way, and a thread pool would add a thread
    # switch per request and let its threads contend for the GIL, so that under load some
    # requests wait far longer than others. A store across the network is read in a thread.
    if getattr(store, "reads_in_process", False):
        return _page_response(store, filters, limit, offset)
    return await run_in_threadpool(_page_response, store, filters, limit, offset)


def _page_response(store: Store, filters: EventFilter, limit: int, offset: int) -> Response:
    as_json = getattr(store, "query_events_json", None)
    if as_json is None:
        total, events = store.query_events(filters, limit=limit, offset=offset)
        return FastJSON({"total": total, "events": events})
    # The records' stored JSON goes out as it is: no parse and re-encode per record.
    total, texts = as_json(filters, limit=limit, offset=offset)
    body = f'{{"total":{int(total)},"events":[{",".join(texts)}]}}'
    # A lone surrogate (from a JSON "\ud800" escape) cannot be UTF-8: "?" keeps the JSON valid.
    return Response(body.encode("utf-8", "replace"), media_type="application/json")


@router.get(
    "/events/{event_id}",
    response_model=None,
    responses={200: {"model": EventOut}, 404: {"model": ErrorOut}},
)
def get_event(request: Request, event_id: str) -> FastJSON:
    """One stored event with every source that reported it."""
    event = _store(request).get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return FastJSON(event)


@router.get(
    "/documents/{doc_id:path}",
    response_model=None,
    responses={200: {"model": DocumentOut}, 404: {"model": ErrorOut}},
)
def get_document(request: Request, doc_id: str) -> FastJSON:
    """A stored document's text and the events it reports. Ids may contain slashes."""
    doc = _store(request).get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return FastJSON(doc)


_DOC_SCHEMA = DocumentIn.model_json_schema()
_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"anyOf": [_DOC_SCHEMA, {"type": "array", "items": _DOC_SCHEMA}]}
            }
        },
    }
}


@router.post(
    "/documents",
    response_model=None,
    dependencies=[Depends(require_token)],
    openapi_extra=_INGEST_BODY,
    responses={
        200: {"model": IngestOut},
        400: {"model": ErrorOut},
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        413: {"model": ErrorOut},
    },
)
async def post_documents(request: Request) -> FastJSON:
    """Ingest one document or a list (JSONL shape); needs ``Authorization: Bearer TOKEN``."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body over {MAX_BODY_BYTES} bytes")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body over {MAX_BODY_BYTES} bytes")
    docs = documents_from_body(body)
    report = await run_in_threadpool(_ingest, request, docs)
    ids = list(dict.fromkeys(d.doc_id for d in docs))
    return FastJSON(
        {
            "doc_ids": ids,
            "documents": len(ids),
            "unchanged": report.unchanged,
            "events": report.events,
            # Documents the pipeline could not process (stored nothing) or skipped on purpose.
            "failed": [
                {"doc_id": doc_id, "reason": reason}
                for doc_id, reason in getattr(report, "failed", [])
            ],
            "skipped": dict(getattr(report, "skipped", {})),
        }
    )


def documents_from_body(body: bytes) -> list[Document]:
    """``Document``s from a JSON object or list, or a 400 naming the item and the reason."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise HTTPException(400, f"body is not JSON: {err}") from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise HTTPException(400, "body is an empty list: send at least one document")
    docs: list[Document] = []
    for i, obj in enumerate(items):
        if not isinstance(obj, dict):
            raise HTTPException(400, f"document {i}: expected a JSON object")
        # A document with neither id nor url is named by its content, so posting it twice
        # stays idempotent and two different ones never replace each other.
        content = str(obj.get("text") or obj.get("html") or "")
        fallback = "api-" + hashlib.sha256(content.encode()).hexdigest()[:16]
        doc = document_from_mapping(obj, fallback, None, None)
        if isinstance(doc, ReadFailure):
            raise HTTPException(400, f"document {i}: {doc.reason}")
        if len(doc.text.encode("utf-8", "replace")) > DEFAULT_MAX_DOC_BYTES:
            raise HTTPException(413, f"document {i}: text over {DEFAULT_MAX_DOC_BYTES} bytes")
        docs.append(doc)
    return docs


def _ingest(request: Request, docs: list[Document]) -> Any:
    state = request.app.state
    # One ingest at a time: the pipeline's models are not shared across threads.
    lock: threading.Lock = state.ingest_lock
    with lock:
        if state.pipeline is None:
            state.pipeline = Pipeline()
        log.info("ingesting %d documents over HTTP", len(docs))
        return _store(request).ingest(docs, state.pipeline)
