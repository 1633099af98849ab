"""The orchestrator: each document through clean → language → parse → events, in order."""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

from conflictwire.backend import Backend
from conflictwire.clean import clean_document, detect_language
from conflictwire.clean.dateline import read_dateline
from conflictwire.events import extract_events
from conflictwire.events.candidates.layout import heading_date
from conflictwire.events.classify.blend import proposed_kind
from conflictwire.events.classify.model import ModelError, TextClassifier, load_classifier
from conflictwire.events.classify.verdicts import SHORT_TEXT_SENTENCES
from conflictwire.geo import Geocoder, get_geocoder
from conflictwire.nlp import load_nlp
from conflictwire.nlp.prefilter import DEFAULT_CONTEXT, CueFn, pipe_texts, prefilter_text
from conflictwire.nlp.windows import owned_events, plan_windows, window_texts
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
# A text with no cue word this short is read whole by the classifier before it is dropped.
CLASSIFY_WHOLE_CHARS = 1200
# ... and only if it may be short enough to be read as a snippet (verdicts.py): in a longer
# text the classifier reads only cued sentences, so a cue-less one could give no happening
# and reading it whole would be time for nothing. Sentence ends are counted roughly (an
# abbreviation counts too), hence the margin over SHORT_TEXT_SENTENCES.
_SENTENCE_END = re.compile(r"[.!?][\"')\u201d]?\s+(?=[A-Z\"\u201c])")
_MAX_SENTENCE_ENDS = SHORT_TEXT_SENTENCES + 2
_KEEPS_TOKENS = 64
# Language detection on fewer characters than this is guesswork (short notes full of
# place names look foreign), so such texts are taken as English.
MIN_CHARS_FOR_LANGUAGE_ID = 200
# What the stages read from a parse (sentences, tags, POS, dependencies, lemmas; not
# entities): with the cheap checks on, the other components are not run. The run with
# ``prefilter=False`` keeps every component, and tests hold the two to the same events, so
# a stage that starts reading ``doc.ents`` must add "ner" here.
PARSE_COMPONENTS = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})
# A batch of long texts (a long document's windows) holds about this many characters: parse
# memory follows the batch's tokens. Short articles go 64 to a batch, as spaCy's default.
_BATCH_CHARS = 50_000
_SHORT = 5_000


@dataclass(frozen=True)
class PipelineOptions:
    """What a worker needs to build a pipeline equal to the caller's (picklable); calling it
    builds one, so it is the ``ProcessorFactory`` the backends take."""

    prefilter: bool = True
    context: int = DEFAULT_CONTEXT
    model: str | None = None  # a model folder from ``conflictwire train``; None: the shipped one

    def build(self) -> Pipeline:
        return Pipeline(prefilter=self.prefilter, context=self.context, model=self.model)

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
        model: str | None = None,
        learned: bool = True,
    ) -> None:
        self._nlp = nlp
        self._geocoder = geocoder
        self.model = model
        self._classifier: TextClassifier | None = None
        self._rules_only = not learned  # off: the rules code alone (a baseline to compare)
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

    @property
    def classifier(self) -> TextClassifier | None:
        """The learned classifier: ``model``'s, else the shipped one; without a shipped one
        (a source tree whose model is not built) the rules code alone, and say so."""
        if self._classifier is None and not self._rules_only:
            try:
                self._classifier = load_classifier(Path(self.model) if self.model else None)
            except ModelError:
                if self.model:
                    raise
                log.warning("no shipped classifier model; coding with the rules alone")
                self._rules_only = True
        return self._classifier

    def warm(self) -> None:
        """Load the models now rather than on the first document (worker start-up)."""
        self.nlp  # noqa: B018 - loading is the point
        self.geocoder  # noqa: B018
        self.classifier  # noqa: B018

    def process(self, doc: Document, *, now: str | None = None) -> DocResult:
        """One document's result; an error while processing it is raised, not reported."""
        result = self._process_batch([doc], now or utc_now())[0]
        assert isinstance(result, DocResult)
        return result

    def process_items(
        self, items: Sequence[Document | ReadFailure], *, now: str | None = None
    ) -> list[DocResult | ReadFailure]:
        """Results for ``items`` in order; the parses of the batch go through one ``nlp.pipe``.

        A document whose processing raises is retried alone; if it fails alone it becomes a
        ``ReadFailure`` naming it and the error, and the other documents still get theirs.
        """
        stamp = now or utc_now()
        try:
            return self._process_batch(items, stamp)
        except Exception as exc:
            if len(items) == 1:
                return [_failed(items[0], exc)]
            log.warning("a batch failed (%s); processing its documents one by one", exc)
            return [self.process_items([item], now=stamp)[0] for item in items]

    def _process_batch(
        self, items: Sequence[Document | ReadFailure], stamp: str
    ) -> list[DocResult | ReadFailure]:
        staged = [item if isinstance(item, ReadFailure) else self._prepare(item) for item in items]
        parts = [part for s in staged if isinstance(s, list) for part in s]
        todo = [(p.parse_text, p.blanked) for p in parts if p.parse_text is not None]
        components = PARSE_COMPONENTS if self.prefilter else None
        # Long documents' windows are parsed a few at a time: memory follows the batch's text.
        longest = max((len(text) for text, _ in todo), default=1)
        batch = 64 if longest <= _SHORT else max(1, _BATCH_CHARS // longest)
        parsed = (
            pipe_texts(self.nlp, todo, components=components, batch_size=batch)
            if todo
            else iter(())
        )
        results: list[DocResult | ReadFailure] = []
        for item in staged:
            if not isinstance(item, list):
                results.append(item)
                continue
            events: list[Event] = []
            for i, part in enumerate(item):
                if part.parse_text is not None:  # else nothing an event could be told in
                    found = self._extract(part, next(parsed))
                    events += found if len(item) == 1 else owned_events(found, part.core, i == 0)
            results.append(self._finish(item[0].doc, events, stamp))
        return results

    def _prepare(self, doc: Document) -> DocResult | list[_Prepared]:
        if not doc.text.strip():
            return DocResult(doc)
        cleaned = clean_document(doc)
        language = doc.language or _language_of(cleaned.analysis)
        if language is not None and language.lower()[:2] not in SUPPORTED_LANGUAGES:
            return DocResult(doc, skipped=Skipped(doc.doc_id, f"language '{language}'"))
        windows = plan_windows(cleaned.analysis)
        head = 0
        if len(windows) > 1:
            # What the whole document gives every window: its dateline (repeated at each
            # window's top) and, without one, the day its heading names.
            found = read_dateline(cleaned.analysis, doc.published)
            head = found.end if found else 0
            if cleaned.dateline_date is None and doc.published is None:
                day = heading_date(cleaned.analysis, None)
                cleaned = dataclasses.replace(cleaned, dateline_date=day)
        return [self._part(doc, text, core) for text, core in window_texts(cleaned, head, windows)]

    def _part(self, doc: Document, cleaned: CleanedText, core: tuple[int, int]) -> _Prepared:
        if not self.prefilter:
            return _Prepared(doc, cleaned, cleaned.analysis, core=core)
        kept = prefilter_text(cleaned.analysis, _event_cues(), context=self.context)
        if not kept.has_candidates:
            if self._classifier_keeps(cleaned.analysis):
                return _Prepared(doc, cleaned, cleaned.analysis, core=core)
            return _Prepared(doc, cleaned, None, core=core)
        return _Prepared(doc, cleaned, kept.text, kept.blanked, core)

    def _classifier_keeps(self, text: str) -> bool:
        """A short text with no cue word is parsed when the classifier reads a happening in
        it ("Turkish forces have set up a new observation post ..."); a long one is not
        read whole (the recall/speed trade-off the CASE and throughput benches measure)."""
        if len(text) > CLASSIFY_WHOLE_CHARS or not text.strip():
            return False
        if len(_SENTENCE_END.findall(text)) > _MAX_SENTENCE_ENDS:
            return False
        classifier = self.classifier
        if classifier is None:
            return False
        # Only the text's opening is read: a snippet tells its happening first, and on the
        # throughput mix 69 of 75 cue-less texts read here are local news with none to tell.
        opening = classifier.classify([" ".join(text.split())], max_tokens=_KEEPS_TOKENS)
        return proposed_kind(opening[0]) is not None

    def _extract(self, prepared: _Prepared, parsed: SpacyDoc) -> list[Event]:
        return extract_events(
            prepared.doc, prepared.cleaned, parsed, self.geocoder, self.classifier
        )

    def _finish(self, doc: Document, events: list[Event], stamp: str) -> DocResult:
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
        # What a backend gets: the items and a picklable factory each worker builds its own
        # pipeline from (backend.py); no backend imports this module.
        options = PipelineOptions(prefilter=self.prefilter, context=self.context, model=self.model)
        if scheduler is not None:
            from conflictwire.distributed import dask_client, run_dask

            with dask_client(scheduler, workers) as client:
                on_dask: Backend = functools.partial(run_dask, client=client)
                yield from on_dask(items, now=stamp, factory=options)
            return
        if workers > 1:
            pool: Backend = functools.partial(run_parallel, workers=workers)
            yield from pool(items, now=stamp, factory=options)
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
    core: tuple[int, int] = (0, 0)  # original offsets of what this window owns (windows.py)


@functools.lru_cache(maxsize=1)
def _event_cues() -> tuple[CueFn, ...]:
    """The extractor's own trigger finder, so the cheap checks keep whatever it can code."""
    try:
        from conflictwire.events.candidates.triggers import find_triggers, note_label
        from conflictwire.events.classify.verdicts import broad_cue_offsets
    except ImportError:  # the prefilter's own cue words still apply
        log.warning("event triggers unavailable; the prefilter uses its own cue words only")
        return ()

    def cue(text: str) -> list[int]:
        # A leading ACLED label ("Movement of forces: ...") makes the note an event as a whole.
        hits = [0] if note_label(text) is not None else []
        return hits + [trigger.start for trigger in find_triggers(text)]

    # The classifier's wider cues: a march told with no protest word must reach it.
    return (cue, broad_cue_offsets)


def _failed(item: Document | ReadFailure, exc: Exception) -> ReadFailure:
    if isinstance(item, ReadFailure):
        return item
    log.debug("%s: processing failed", item.doc_id, exc_info=True)
    return ReadFailure(item.doc_id, f"processing failed: {type(exc).__name__}: {exc}")


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
