"""The orchestrator: each document through clean → language → parse → events, in order."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from conflictwire.clean import clean_document, detect_language
from conflictwire.events import extract_events
from conflictwire.geo import Geocoder, get_geocoder
from conflictwire.nlp import load_nlp
from conflictwire.records import Document, Event, ReadFailure, Skipped

__all__ = ["DocResult", "Pipeline", "extract", "extract_document"]

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = frozenset({"en"})
# Language detection on fewer characters than this is guesswork (short notes full of
# place names look foreign), so such texts are taken as English.
MIN_CHARS_FOR_LANGUAGE_ID = 200


@dataclass
class DocResult:
    doc: Document
    events: list[Event] = field(default_factory=list)
    skipped: Skipped | None = None


class Pipeline:
    """Holds the models (loaded lazily, once) and runs documents through the stages."""

    def __init__(self, nlp: Language | None = None, geocoder: Geocoder | None = None) -> None:
        self._nlp = nlp
        self._geocoder = geocoder

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:
            self._geocoder = get_geocoder()
        return self._geocoder

    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        if not doc.text.strip():
            return DocResult(doc)
        cleaned = clean_document(doc)
        language = doc.language or _language_of(cleaned.analysis)
        if language is not None and language.lower()[:2] not in SUPPORTED_LANGUAGES:
            return DocResult(doc, skipped=Skipped(doc.doc_id, f"language '{language}'"))
        parsed = self.nlp(cleaned.analysis)
        events = extract_events(doc, cleaned, parsed, self.geocoder)
        stamp = now or utc_now()
        for event in events:
            event.updated_at = stamp
            event.assign_id()
        return DocResult(doc, events)

    def run(self, items: Iterable[Document | ReadFailure]) -> Iterator[DocResult | ReadFailure]:
        stamp = utc_now()
        for item in items:
            if isinstance(item, ReadFailure):
                yield item
            else:
                yield self.process(item, now=stamp)


def _language_of(text: str) -> str | None:
    if len(text.strip()) < MIN_CHARS_FOR_LANGUAGE_ID:
        return None
    return detect_language(text)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


_DEFAULT: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract_document(doc: Document) -> list[Event]:
    """Events of one ``Document`` (empty when it is skipped)."""
    return _default_pipeline().process(doc).events


def extract(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    doc_id: str = "text",
) -> list[Event]:
    """Events reported in ``text``, as ``conflictwire extract`` gives them."""
    return extract_document(
        Document(doc_id=doc_id, text=text, published=published, source=source)
    )
