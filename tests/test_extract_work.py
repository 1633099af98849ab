"""Work the extractor and classifier skip without changing a result: a document told wholly
out of ACLED's scope is not geocoded, and a text read once is not read again."""

from __future__ import annotations

from typing import Any

import pytest

from conflictwire import Document, Pipeline
from conflictwire.events.classify.model import TextClassifier, load_classifier
from conflictwire.geo import get_geocoder

# Own texts, long enough not to be read as snippets. The blast is an accident: the classifier
# vetoes its trigger sentence, so nothing in the story is an event of ACLED's.
ACCIDENT = (
    "A gas cylinder exploded at a restaurant in Springfield on Monday, killing three diners "
    "and injuring five. Firefighters said a leaking pipe was to blame. The council met on "
    "Tuesday to discuss the parks budget for the coming year. Residents said the new library "
    "would open in the spring after long delays. The mayor opened a school in Shelbyville."
)
ATTACK = "Gunmen attacked a police station in Shelbyville on Tuesday, leaving two officers dead."


class _Counting:
    def __init__(self) -> None:
        self.real = get_geocoder()
        self.asked: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.asked.append(name)
        return getattr(self.real, name)


def test_a_story_wholly_out_of_scope_is_not_geocoded() -> None:
    counting = _Counting()
    pipeline = Pipeline(prefilter=False, geocoder=counting)  # type: ignore[arg-type]
    assert pipeline.process(Document("blast", ACCIDENT)).events == []
    assert counting.asked == []


def test_a_vetoed_sentence_beside_an_event_is_still_evidence() -> None:
    # With a real happening in the story, the vetoed sentence is described as before
    # (placed, its doers named) and the event comes out placed.
    counting = _Counting()
    pipeline = Pipeline(prefilter=False, geocoder=counting)  # type: ignore[arg-type]
    events = pipeline.process(Document("both", f"{ACCIDENT} {ATTACK}")).events
    assert len(events) == 1  # the attack; the blast stays out
    assert events[0].location == "Shelbyville"
    assert "geoparse" in counting.asked


@pytest.fixture(scope="module")
def model() -> TextClassifier:
    return TextClassifier(load_classifier().folder)  # its own memory, empty


def test_a_text_read_again_comes_from_memory(
    model: TextClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Police fired tear gas at hundreds of students marching on the ministry."
    read: list[list[str]] = []
    real = model.probabilities

    def spy(texts: list[str], max_tokens: int | None = None) -> Any:
        read.append(list(texts))
        return real(texts, max_tokens)

    monkeypatch.setattr(model, "probabilities", spy)
    first = model.classify([text, text])
    again = model.classify([text])
    cut = model.classify([text], max_tokens=8)  # another reading: not the remembered one
    assert read == [[text], [text]]
    assert first[0] == first[1] == again[0]
    assert cut[0] != again[0]


def test_a_sentence_searched_again_for_actors_comes_from_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conflictwire.events.fields.actors import get_actor_dictionary

    actors = get_actor_dictionary()
    text = "Al-Shabaab fighters ambushed Somali National Army troops near a village on Sunday."
    searched: list[tuple[str, str | None]] = []
    real = actors._find

    def spy(t: str, country: str | None) -> Any:
        searched.append((t, country))
        return real(t, country)

    monkeypatch.setattr(actors, "_find", spy)
    first = actors.find_actors(text, country="Somalia")
    again = actors.find_actors(text, country="Somalia")
    elsewhere = actors.find_actors(text, country="Kenya")  # another country: another search
    assert first == again and first  # the same actors, and some were found
    assert searched == [(text, "Somalia"), (text, "Kenya")]
    assert [m.text for m in elsewhere][:1] == [m.text for m in first][:1]


QUIET = "The council met on Tuesday to discuss the parks budget for the coming year."


def test_an_article_cut_down_by_the_prefilter_is_not_read_as_a_snippet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conflictwire.events.assemble import extractor
    from conflictwire.events.classify.verdicts import sentence_verdicts

    seen: list[tuple[int, bool | None]] = []
    real = sentence_verdicts

    def spy(sentences: Any, classifier: Any, short: bool | None = None) -> Any:
        seen.append((len(sentences), short))
        return real(sentences, classifier, short)

    monkeypatch.setattr(extractor, "sentence_verdicts", spy)
    article = " ".join([QUIET] * 20 + [ATTACK] + [QUIET] * 5)
    assert len(article) > 1200
    Pipeline(prefilter=True).process(Document("cut", article))
    Pipeline(prefilter=True).process(Document("snippet", f"{ATTACK} {QUIET}"))
    (kept, as_article), (_, as_snippet) = seen
    assert kept <= 4  # what the prefilter left of the article: few sentences...
    assert as_article is False  # ...yet it is an article, its sentences read one by one
    assert as_snippet is True


def test_a_bounded_memo_forgets_its_oldest_entries_first() -> None:
    from conflictwire._memo import BoundedMemo

    memo: BoundedMemo[str, int] = BoundedMemo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    memo.put("c", 3)
    assert (memo.get("a"), memo.get("b"), memo.get("c"), len(memo)) == (None, 2, 3, 2)
