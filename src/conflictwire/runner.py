"""The orchestrator: each document through clean → language → parse → events, in order."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

from conflictwire.clean import clean_document, detect_language
from conflictwire.events import extract_events
from conflictwire.geo import Geocoder, get_geocoder
from conflictwire.nlp import load_nlp
from conflictwire.nlp.prefilter import DEFAULT_CONTEXT, CueFn, pipe_texts, prefilter_text
from conflictwire.records import (
    CleanedText,
    DocResult,
    Document,
    Event,
    ReadFailure,
    Skipped,
    utc_now,
)
from conflictwire.scale.chunks import chunked
from conflictwire.scale.pool import run_parallel

# DocResult and utc_now live with the records (the backends and the store use them without
# importing the runner); they are named here too for callers that import them from here.
__all__ = ["DocResult", "Pipeline", "PipelineOptions", "extract", "extract_document", "utc_now"]

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = frozenset({"en"})
# Language detection on fewer characters than this is guesswork (short notes full of
# place names look foreign), so such texts are taken as English.
MIN_CHARS_FOR_LANGUAGE_ID = 200
# What the stages read from a parse (sentences, tags, POS, dependencies, lemmas; not
# entities): with the cheap checks on, the other components are not run. The run with
# ``prefilter=False`` keeps every component, and tests hold the two to the same events, so
# a stage that starts reading ``doc.ents`` must add "ner" here.
PARSE_COMPONENTS = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})


@dataclass(frozen=True)
class PipelineOptions:
    """What a worker needs to build a pipeline equal to the caller's (picklable); calling it
    builds one, so it is the ``ProcessorFactory`` the backends take."""

    prefilter: bool = True
    context: int = DEFAULT_CONTEXT

    def build(self) -> Pipeline:
        return Pipeline(prefilter=self.prefilter, context=self.context)

    def __call__(self) -> Pipeline:
        return self.build()


class Pipeline:
    """Holds the models (loaded lazily, once) and runs documents through the stages."""

    def __init__(
        self,
        nlp: Language | None = None,
        geocoder: Geocoder | None = None,
        *,
        prefilter: bool = True,
        context: int = DEFAULT_CONTEXT,
    ) -> None:
        self._nlp = nlp
        self._geocoder = geocoder
        # Off: every document is parsed whole (the reference the cheap checks are held to).
        self.prefilter = prefilter
        self.context = context  # sentences kept either side of a candidate sentence

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

    def warm(self) -> None:
        """Load the models now rather than on the first document (worker start-up)."""
        self.nlp  # noqa: B018 - loading is the point
        self.geocoder  # noqa: B018

    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        result = self.process_items([doc], now=now)[0]
        assert isinstance(result, DocResult)
        return result

    def process_items(
        self, items: Sequence[Document | ReadFailure], *, now: str | None = None
    ) -> list[DocResult | ReadFailure]:
        """Results for ``items`` in order; the parses of the batch go through one ``nlp.pipe``."""
        stamp = now or utc_now()
        staged = [item if isinstance(item, ReadFailure) else self._prepare(item) for item in items]
        jobs = [(s.parse_text, s.blanked) for s in staged if isinstance(s, _Prepared)]
        todo = [(text, blanked) for text, blanked in jobs if text is not None]
        components = PARSE_COMPONENTS if self.prefilter else None
        parsed = pipe_texts(self.nlp, todo, components=components) if todo else iter(())
        results: list[DocResult | ReadFailure] = []
        for item in staged:
            if not isinstance(item, _Prepared):
                results.append(item)
            elif item.parse_text is None:
                results.append(DocResult(item.doc))  # nothing an event could be told in
            else:
                results.append(self._finish(item, next(parsed), stamp))
        return results

    def _prepare(self, doc: Document) -> DocResult | _Prepared:
        if not doc.text.strip():
            return DocResult(doc)
        cleaned = clean_document(doc)
        language = doc.language or _language_of(cleaned.analysis)
        if language is not None and language.lower()[:2] not in SUPPORTED_LANGUAGES:
            return DocResult(doc, skipped=Skipped(doc.doc_id, f"language '{language}'"))
        if not self.prefilter:
            return _Prepared(doc, cleaned, cleaned.analysis)
        kept = prefilter_text(cleaned.analysis, _event_cues(), context=self.context)
        if not kept.has_candidates:
            return _Prepared(doc, cleaned, None)
        return _Prepared(doc, cleaned, kept.text, kept.blanked)

    def _finish(self, prepared: _Prepared, parsed: SpacyDoc, stamp: str) -> DocResult:
        doc = prepared.doc
        events = extract_events(doc, prepared.cleaned, parsed, self.geocoder)
        for event in events:
            event.updated_at = stamp
            event.assign_id()
        return DocResult(doc, events)

    def run(
        self,
        items: Iterable[Document | ReadFailure],
        *,
        workers: int = 1,
        scheduler: str | None = None,
    ) -> Iterator[DocResult | ReadFailure]:
        """Results in input order, whatever runs them: this process, a pool of ``workers``
        processes, or a Dask ``scheduler`` ("local" for a local cluster of ``workers``).
        Workers build their own default models; the output is the same in every case.
        """
        stamp = utc_now()
        options = PipelineOptions(prefilter=self.prefilter, context=self.context)
        if scheduler is not None:
            from conflictwire.distributed import dask_client, run_dask

            with dask_client(scheduler, workers) as client:
                yield from run_dask(items, client, now=stamp, factory=options)
            return
        if workers > 1:
            yield from run_parallel(items, workers, now=stamp, factory=options)
            return
        for chunk in chunked(items):
            yield from self.process_items(chunk, now=stamp)


@dataclass
class _Prepared:
    """A document cleaned and ready to parse; ``parse_text`` None means nothing to parse."""

    doc: Document
    cleaned: CleanedText
    parse_text: str | None
    blanked: tuple[tuple[int, int], ...] = ()


@functools.lru_cache(maxsize=1)
def _event_cues() -> tuple[CueFn, ...]:
    """The extractor's own trigger finder, so the cheap checks keep whatever it can code."""
    try:
        from conflictwire.events.candidates.triggers import find_triggers, note_label
    except ImportError:  # the prefilter's own cue words still apply
        log.warning("event triggers unavailable; the prefilter uses its own cue words only")
        return ()

    def cue(text: str) -> list[int]:
        # A leading ACLED label ("Movement of forces: ...") makes the note an event as a whole.
        hits = [0] if note_label(text) is not None else []
        return hits + [trigger.start for trigger in find_triggers(text)]

    return (cue,)


def _language_of(text: str) -> str | None:
    if len(text.strip()) < MIN_CHARS_FOR_LANGUAGE_ID:
        return None
    return detect_language(text)


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
    return extract_document(Document(doc_id=doc_id, text=text, published=published, source=source))
