"""The cheap checks: what they keep, that offsets survive, and that no event is lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conflictwire import Document, Pipeline
from conflictwire.events.classify.model import Prediction
from conflictwire.nlp import load_nlp
from conflictwire.nlp.prefilter import cue_offsets, pipe_texts, prefilter_text, split_units
from conflictwire.runner import _event_cues

FIXTURE = Path(__file__).parent / "fixtures" / "scale_articles.jsonl"

QUIET = "The council met on Tuesday to discuss the parks budget for the coming year."
VIOLENT = "Gunmen attacked a police station in the town, leaving two officers dead."
OTHER = "Residents said the new library would open in the spring after long delays."


def fixture_docs() -> list[Document]:
    docs = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        docs.append(Document(row["id"], row["text"], published=row.get("published")))
    return docs


def comparable(event: Any) -> dict[str, Any]:
    record: dict[str, Any] = event.to_dict()
    record.pop("updated_at")
    return record


def test_units_survive_abbreviations_and_closing_quotes() -> None:
    text = 'He said, "Ask Dr. Smith." Then on Feb. 28 the U.S. Army left. Lt. Col. Hale stayed.'
    units = [text[s:e] for s, e in split_units(text)]
    assert units == [
        'He said, "Ask Dr. Smith."',
        "Then on Feb. 28 the U.S. Army left.",
        "Lt. Col. Hale stayed.",
    ]


def test_units_survive_abbreviations_before_numbers() -> None:
    text = "Slide closes W.Va. 61 near Route No. 5 at 6 a.m. Monday. It was 1950. Then 12 died."
    assert [text[s:e] for s, e in split_units(text)] == [
        "Slide closes W.Va. 61 near Route No. 5 at 6 a.m. Monday.",
        "It was 1950.",
        "Then 12 died.",
    ]


def test_line_breaks_end_units() -> None:
    text = "HEADLINE WITHOUT A STOP\nBody text here.\n\nNext paragraph."
    assert [text[s:e] for s, e in split_units(text)] == [
        "HEADLINE WITHOUT A STOP",
        "Body text here.",
        "Next paragraph.",
    ]


def test_a_text_without_cues_has_no_candidates() -> None:
    text = f"{QUIET} {OTHER}"
    kept = prefilter_text(text)
    assert not kept.has_candidates
    assert kept.text == " " * len(text)


def test_blanking_keeps_every_offset() -> None:
    text = f"{QUIET} {OTHER}\n\n{QUIET} {VIOLENT} {OTHER} {QUIET} {OTHER}\n\n{QUIET}"
    kept = prefilter_text(text, context=0)
    assert len(kept.text) == len(text)
    for start, end in kept.kept:
        assert kept.text[start:end] == text[start:end]
    for start, end in kept.blanked:
        assert kept.text[start:end].strip() == ""
    # Line breaks stay where they were, so paragraphs are still paragraphs.
    assert [i for i, c in enumerate(kept.text) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    start = text.index(VIOLENT)
    assert kept.text[start : start + len(VIOLENT)] == VIOLENT


def test_context_reaches_the_neighbouring_sentences() -> None:
    text = f"{QUIET} {OTHER} {QUIET} {VIOLENT} {OTHER} {QUIET} {QUIET}"
    kept = prefilter_text(text, context=1)
    # Unit 0 (the opening) and the violent sentence with one neighbour on each side.
    kept_text = " ".join(text[s:e] for s, e in kept.kept)
    assert kept_text == f"{QUIET} {QUIET} {VIOLENT} {OTHER}"
    narrow = prefilter_text(text, context=0)
    assert " ".join(text[s:e] for s, e in narrow.kept) == f"{QUIET} {VIOLENT}"


def test_named_sources_and_paragraph_openers_are_kept() -> None:
    source = "According to Radio Hiiraan, the road had been closed since Friday."
    opener = "The district commissioner spoke to elders on Sunday."
    text = f"{QUIET}\n\n{source} {OTHER}\n\n{opener} {OTHER} {QUIET} {VIOLENT}"
    kept_text = [text[s:e] for s, e in prefilter_text(text, context=0).kept]
    assert any(source in part for part in kept_text)
    assert any(opener in part for part in kept_text)


def test_extra_cue_finders_add_candidates() -> None:
    text = f"{QUIET} {OTHER}"
    assert not prefilter_text(text).has_candidates
    kept = prefilter_text(text, (lambda t: [t.index("library")],), context=0)
    assert [text[s:e] for s, e in kept.kept] == [text]  # the opening unit and the hit


def test_every_trigger_of_the_extractor_is_kept() -> None:
    cues = _event_cues()
    assert cues, "the runner must pass the extractor's trigger finder to the prefilter"
    for doc in fixture_docs():
        kept = prefilter_text(doc.text, cues)
        for hit in cue_offsets(doc.text, cues):
            assert any(s <= hit < e for s, e in kept.kept), (doc.doc_id, hit)


def test_a_blanked_stretch_is_its_own_sentence() -> None:
    text = f"{VIOLENT} {QUIET} {OTHER} {QUIET} {VIOLENT}"
    kept = prefilter_text(text, context=0)
    assert kept.blanked
    (parsed,) = pipe_texts(load_nlp(), [(kept.text, kept.blanked)])
    for sent in parsed.sents:
        inside = [any(s <= t.idx < e for s, e in kept.kept) for t in sent if not t.is_space]
        # No sentence mixes analysed and blanked text.
        assert all(inside) or not sent.text.strip()


def test_a_document_without_candidates_is_not_parsed() -> None:
    class NoParser:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"the parser was used ({name})")

    pipeline = Pipeline(nlp=NoParser(), prefilter=True)  # type: ignore[arg-type]
    result = pipeline.process(Document("quiet", f"{QUIET} {OTHER}"))
    assert result.events == [] and result.skipped is None
    with pytest.raises(AssertionError, match="parser was used"):
        Pipeline(nlp=NoParser(), prefilter=False).process(Document("quiet", f"{QUIET} {OTHER}"))


def test_prefiltered_run_gives_the_events_of_a_full_parse() -> None:
    docs = fixture_docs()
    fast = list(Pipeline(prefilter=True).run(docs))
    full = list(Pipeline(prefilter=False).run(docs))
    assert sum(len(r.events) for r in full) > 0  # type: ignore[union-attr]
    for a, b in zip(fast, full, strict=True):
        assert [comparable(e) for e in a.events] == [  # type: ignore[union-attr]
            comparable(e)
            for e in b.events  # type: ignore[union-attr]
        ], a.doc.doc_id  # type: ignore[union-attr]


class _CountingClassifier:
    """Stands in for the model: remembers what it was asked to read, proposes nothing."""

    def __init__(self) -> None:
        self.read: list[str] = []
        self.cuts: list[int | None] = []

    def classify(self, texts: list[str], max_tokens: int | None = None) -> list[Any]:
        self.read += texts
        self.cuts += [max_tokens] * len(texts)
        nothing = "Out of scope: not conflict"
        return [Prediction(nothing, 0.99, "Attack", 0.01, {nothing: 0.99}) for _ in texts]


def test_a_short_cueless_text_is_read_and_a_long_one_is_not() -> None:
    pipeline = Pipeline(prefilter=True)
    spy = _CountingClassifier()
    pipeline._classifier = spy  # type: ignore[assignment]
    snippet = f"{QUIET} {OTHER}"
    assert not pipeline._classifier_keeps(snippet)  # proposes nothing, so dropped...
    assert spy.read == [snippet]  # ...but only after the classifier read it whole
    assert spy.cuts == [64]  # (its opening: a snippet tells its happening first)
    # Eight sentences: in a text this long only cued sentences are read, so none could
    # become a happening and reading it whole would be time for nothing.
    long = " ".join([QUIET, OTHER] * 4)
    assert len(long) < 1200
    assert not pipeline._classifier_keeps(long)
    assert spy.read == [snippet]


def test_a_document_with_no_cue_in_any_sentence_is_not_geocoded() -> None:
    """Sentences that could give no mention are not cut into clauses: cutting asks for the
    document's places, and geocoding a whole document is the costliest step after parsing."""
    from conflictwire.geo import get_geocoder

    real = get_geocoder()
    asked: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> Any:
            asked.append(name)
            return getattr(real, name)

    # Long enough not to be read as a snippet, whose first sentence may always propose.
    text = " ".join(
        [
            QUIET,
            OTHER,
            "The mayor opened a school in Springfield and visited a clinic in Shelbyville.",
            "She then drove to Ogdenville and cut a ribbon at the new library.",
            "The council will meet again next month.",
        ]
    )
    pipeline = Pipeline(prefilter=False, geocoder=Counting())  # type: ignore[arg-type]
    assert pipeline.process(Document("quiet", text)).events == []
    assert "geoparse" not in asked
    assert pipeline.process(Document("loud", f"{text} {VIOLENT}")).events
    assert "geoparse" in asked  # the counter sees a document that does need its places
