"""Response shapes, for the OpenAPI description only.

Handlers return the store's dicts as they are (validating 100 records a request would cost more
than the query); these models document what those dicts hold, per CONTRACT.md.
"""

from __future__ import annotations

import dataclasses
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

from conflictwire.records import EVENT_FIELDS, Event

__all__ = [
    "DocumentIn",
    "DocumentOut",
    "ErrorOut",
    "EventOut",
    "EventPage",
    "IngestOut",
    "SourceOut",
    "SpanOut",
]


class SpanOut(BaseModel):
    start: int = Field(description="offset in the document's text, in Unicode code points")
    end: int
    text: str = Field(description="exactly text[start:end]")


def _event_model() -> type[BaseModel]:
    """``EventOut`` from ``records.Event`` itself, so the documented record never drifts."""
    hints = get_type_hints(Event)
    fields: dict[str, Any] = {}
    by_name = {f.name: f for f in dataclasses.fields(Event)}
    for f in (by_name[name] for name in EVENT_FIELDS):  # the contract's order
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=f.default_factory)
        else:
            default = ...
        fields[f.name] = (hints[f.name], default)
    return create_model(
        "EventOut",
        __config__=ConfigDict(extra="allow"),
        __doc__="The contract's event record, plus the merged store's source fields.",
        **fields,
        sources=(list[SourceOut], []),
        n_sources=(int, 1),
        fatalities_max=(int, 0),
    )


class SourceOut(BaseModel):
    doc_id: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    evidence: list[SpanOut] = []
    fatalities: int | None = Field(None, description="null when this document gives no toll")
    injuries: int | None = None
    certainty: str | None = None
    attribution: list[str] = []


EventOut = _event_model()


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, whatever limit and offset")
    events: list[EventOut]  # type: ignore[valid-type]


class DocumentOut(BaseModel):
    doc_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    text: str
    events: list[str] = Field(description="ids of the stored events this document reports")


class DocumentIn(BaseModel):
    """One document as in a JSONL line; send one object or a list of them."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None


class IngestOut(BaseModel):
    doc_ids: list[str]
    documents: int
    unchanged: int
    events: int
    failed: list[dict[str, str]] = Field(description="doc_id and reason, for each not stored")
    skipped: dict[str, int] = Field(description="reason -> count of documents stored, no events")


class ErrorOut(BaseModel):
    detail: str | list[dict[str, Any]]
