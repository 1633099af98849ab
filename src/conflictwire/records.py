"""The typed records that flow between pipeline stages.

Stages exchange these and nothing else: readers yield ``Document`` or ``ReadFailure``;
the cleaner turns a ``Document`` into a ``CleanedText``; the geocoder returns ``Place`` and
``PlaceMention``; the event stage returns ``Event``; the runner and its backends hand back one
``DocResult`` per document, stamped with ``utc_now()``. The field names of ``Event`` are the
contract's (CONTRACT.md, "The event record"); ``Event.to_dict`` writes them in that order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Certainty = Literal["asserted", "attributed", "unconfirmed"]


@dataclass(frozen=True)
class Span:
    """A character span of a document's text; ``text`` is exactly ``doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Weapon:
    type: str
    count: int | None = None


@dataclass
class Document:
    """One document as read. ``text`` is what evidence offsets index (code points)."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }


@dataclass(frozen=True)
class ReadFailure:
    """An input (file, line, record) that could not be read; reported, never fatal."""

    name: str
    reason: str


@dataclass(frozen=True)
class Skipped:
    """A readable document skipped on purpose (language, near-duplicate, ...)."""

    doc_id: str
    reason: str


@dataclass(frozen=True)
class Place:
    """A gazetteer entry. ``kind`` is country | admin1 | admin2 | admin3 | settlement | other."""

    name: str
    latitude: float | None
    longitude: float | None
    country: str | None = None  # English conventional name, as ACLED writes it
    country_code: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geonames_id: int | None = None
    feature_code: str | None = None
    population: int = 0
    kind: str = "settlement"


@dataclass(frozen=True)
class PlaceMention:
    """A toponym found in text, with the entry it resolves to (``None`` if unresolved)."""

    start: int
    end: int
    text: str
    place: Place | None


@dataclass(frozen=True)
class EventLocation:
    """Where an event is coded: the place, ACLED geo precision and the text that named it."""

    place: Place | None
    precision: int | None
    location_text: str | None
    country: str | None = None  # known country even when ``place`` is None


EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "event_date",
    "time_precision",
    "year",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "location_text",
    "latitude",
    "longitude",
    "geo_precision",
    "geonames_id",
    "fatalities",
    "injuries",
    "weapons",
    "certainty",
    "attribution",
    "source",
    "source_scale",
    "tags",
    "updated_at",
    "evidence",
    "notes",
    "confidence",
    "coder_version",
)


@dataclass
class Event:
    """One happening, in the contract's event record shape."""

    doc_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_id: str = ""
    event_date: str | None = None
    time_precision: int | None = None
    year: int | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_text: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonames_id: int | None = None
    fatalities: int = 0
    injuries: int | None = None
    weapons: list[Weapon] = field(default_factory=list)
    certainty: Certainty = "asserted"
    attribution: list[str] = field(default_factory=list)
    source: str | None = None
    source_scale: str | None = None
    tags: str | None = None
    updated_at: str = ""
    evidence: list[Span] = field(default_factory=list)
    notes: str = ""
    confidence: float | None = None  # the learned classifier's probability for sub_event_type
    coder_version: str = ""  # package version and model identity

    def content_key(self) -> str:
        """What identifies the event within its document (not timestamps, not the id)."""
        payload = {
            k: v
            for k, v in asdict(self).items()
            # The coder's identity is not the event's content: a retrained model that codes
            # the same happening the same way keeps its id.
            if k not in ("event_id", "updated_at", "notes", "confidence", "coder_version")
        }
        return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)

    def assign_id(self) -> None:
        digest = hashlib.sha256(f"{self.doc_id}\x00{self.content_key()}".encode())
        self.event_id = "cw-" + digest.hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        raw = asdict(self)
        return {name: raw[name] for name in EVENT_FIELDS}


@dataclass
class CleanedText:
    """A document's text prepared for analysis, with a map back to the original.

    ``analysis`` is what the NLP stages read: furniture (footers, duplicated leads) blanked,
    whitespace and quotes normalized. ``offsets[i]`` is the original index of ``analysis[i]``
    (``offsets`` has one extra entry for the end); ``None`` means the identity map.
    """

    original: str
    analysis: str
    offsets: list[int] | None = None
    cited_source: str | None = None  # "Reference source ...: CCTV News" -> "CCTV News"
    dateline_date: str | None = None  # YYYY-MM-DD read from a dateline, if any
    masked: list[Span] = field(default_factory=list)  # furniture, in original offsets

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]

    def original_span(self, start: int, end: int) -> Span:
        """The evidence span in the original text for an analysis-text span."""
        ostart, oend = self.to_original(start, end)
        return Span(ostart, oend, self.original[ostart:oend])


@dataclass
class DocResult:
    """A document's outcome: its events, or why it was skipped (``skipped`` None: processed)."""

    doc: Document
    events: list[Event] = field(default_factory=list)
    skipped: Skipped | None = None


def utc_now() -> str:
    """The run's timestamp as events carry it in ``updated_at`` (UTC, seconds, ``Z``)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
