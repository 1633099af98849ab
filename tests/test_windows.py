"""Long documents in windows: cores tile the text, evidence maps back, each happening once."""

from __future__ import annotations

import itertools

import pytest

from conflictwire import Document, Pipeline
from conflictwire.clean import clean_document
from conflictwire.nlp import windows
from conflictwire.nlp.windows import owned_events, plan_windows, window_texts
from conflictwire.records import Event, Span

DATELINE = "KHARKIV, May 14, 2024 (Wire) - "
TOWNS = [
    "Kupiansk", "Vovchansk", "Zolochiv", "Balakliia", "Izium", "Chuhuiv", "Derhachi",
    "Bohodukhiv", "Lozova", "Krasnohrad", "Nikopol", "Marhanets", "Orikhiv", "Huliaipole",
    "Beryslav", "Ochakiv", "Bilopillia", "Kostiantynivka", "Pokrovsk", "Kramatorsk",
    "Sloviansk", "Toretsk", "Kurakhove", "Siversk", "Lyman", "Bakhmut", "Myrnohrad", "Selydove",
]  # fmt: skip


def _report(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (
        f"Russian forces shelled {town} on Monday, killing {i % 5 + 2} civilians, "
        f"the regional governor said. Repair crews restored power to {i + 10} homes."
    )


def test_cores_tile_the_text_and_end_at_paragraph_breaks() -> None:
    text = DATELINE + "\n\n".join(_report(i) for i in range(400))
    plan = plan_windows(text, size=5_000, overlap=600)
    assert len(plan) > 1
    assert plan[0].core_start == 0 and plan[-1].core_end == len(text)
    for before, after in itertools.pairwise(plan):
        assert before.core_end == after.core_start
    for w in plan:
        assert w.start <= w.core_start < w.core_end <= w.end
        assert w.core_end - w.core_start <= 5_000
        assert w.core_end == len(text) or text[w.core_end - 2 : w.core_end] == "\n\n"
        assert w.core_start - w.start >= min(600, w.core_start)  # context before, if any


def test_one_line_text_is_cut_at_sentence_ends() -> None:
    text = " ".join(_report(i) for i in range(300))
    plan = plan_windows(text, size=4_000, overlap=300)
    assert len(plan) > 1
    for w in plan[:-1]:
        assert text[w.core_end - 2 : w.core_end] == ". "  # a sentence's end, never mid-word


def test_text_without_breaks_or_spaces_is_still_bounded() -> None:
    text = "x" * 50_000
    plan = plan_windows(text, size=4_000, overlap=300)
    assert all(w.core_end - w.core_start <= 4_000 for w in plan)
    assert plan[-1].core_end == len(text)


def test_short_texts_are_one_window() -> None:
    assert plan_windows("Troops shelled Sample.") == [windows.Window(0, 22, 0, 22)]


@pytest.mark.usefixtures("small_windows")
def test_window_offsets_map_to_the_documents_text() -> None:
    text = DATELINE + "\n\n".join(_report(i) for i in range(120)) + "\u00a0\n\n  The end."
    cleaned = clean_document(Document("d", text))
    plan = plan_windows(cleaned.analysis, size=3_000, overlap=400)
    parts = window_texts(cleaned, len(DATELINE), plan)
    assert len(parts) == len(plan) > 2
    for (part, _), w in zip(parts[1:], plan[1:], strict=True):
        assert part.analysis.startswith(DATELINE.rstrip())  # every window keeps the dateline
        at = part.analysis.index("Russian forces shelled")
        span = part.original_span(at, at + len("Russian forces shelled"))
        assert text[span.start : span.end] == span.text == "Russian forces shelled"
        assert span.start >= w.start
        head = part.original_span(0, 7)
        assert head.text == "KHARKIV"


def _event(start: int) -> Event:
    span = Span(start, start + 3, "abc")
    return Event("d", "Battles", "Armed clash", "Political violence", evidence=[span])


def test_a_window_keeps_the_events_that_start_in_its_core() -> None:
    bare = Event("d", "Riots", "Mob violence", "Demonstrations")
    found = [_event(5), _event(150), _event(99), bare]
    assert [e.evidence[0].start for e in owned_events(found[:3], (100, 200), first=False)] == [150]
    assert len(owned_events(found, (0, 100), first=True)) == 3  # 5, 99 and the one without evidence


@pytest.fixture()
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows of a few paragraphs, so a test document of some 8,000 characters has several.
    monkeypatch.setattr(windows, "WINDOW_FROM", 2_000)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 1_500)
    monkeypatch.setattr(windows, "OVERLAP_CHARS", 400)


def _story(edge_filler: int) -> str:
    """Paragraph reports, then a happening told over two paragraphs, then more reports."""
    filler = [_report(i) for i in range(edge_filler)]
    story = [
        "Russian forces shelled the village of Tsyrkuny overnight.",
        "The shelling killed three civilians and wounded five others, the governor said.",
    ]
    tail = [_report(i) for i in range(edge_filler, edge_filler + 10)]
    return DATELINE + "\n\n".join(filler + story + tail)


def _straddling() -> str:
    """A story whose second paragraph opens a core: its two paragraphs lie in two windows."""
    for filler in range(len(TOWNS) - 10):
        text = _story(filler)
        edges = {w.core_end for w in plan_windows(clean_document(Document("d", text)).analysis)}
        if text.index("The shelling killed") in edges:
            return text
    raise AssertionError("no filler length puts a core's edge inside the story")


def _key(event: Event) -> tuple[object, ...]:
    starts = tuple(span.start for span in event.evidence)
    return (starts, event.sub_event_type, event.location, event.fatalities, event.injuries)


@pytest.mark.usefixtures("small_windows")
def test_windowed_document_reports_each_happening_once(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _straddling()
    assert len(plan_windows(text)) >= 2
    events = pipeline.process(Document("long/report.txt", text)).events
    tsyrkuny = [e for e in events if e.location == "Tsyrkuny"]
    assert len(tsyrkuny) == 1  # told over two windows, reported once, whole
    assert tsyrkuny[0].fatalities == 3 and tsyrkuny[0].injuries == 5
    assert tsyrkuny[0].event_date == "2024-05-13"  # "overnight" under the dateline's day
    for event in events:
        for span in event.evidence:
            assert text[span.start : span.end] == span.text
    # The same events as the document read whole (each report names its own town).
    monkeypatch.setattr(windows, "WINDOW_FROM", 10**9)
    whole = pipeline.process(Document("long/report.txt", text)).events
    assert sorted(map(_key, events)) == sorted(map(_key, whole))
    assert len(events) >= text.count("Repair crews restored")


@pytest.mark.usefixtures("small_windows")
def test_every_window_dates_from_the_documents_heading(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = "\n\n".join(
        f"Russian forces shelled {town} overnight, killing two civilians. Crews cleared the "
        "rubble from the streets and restored power to the homes by the evening."
        for town in TOWNS
    )
    text = "Operational update, 14 May 2024\n\n" + reports
    plan = plan_windows(text)
    assert len(plan) >= 2
    events = pipeline.process(Document("update.txt", text)).events
    late = [e for e in events if e.evidence[0].start >= plan[1].core_start]
    assert late, "the later windows tell events too"
    assert {e.event_date for e in events} == {"2024-05-13"}  # "overnight" before the heading
    monkeypatch.setattr(windows, "WINDOW_FROM", 10**9)
    whole = pipeline.process(Document("update.txt", text)).events
    assert sorted(map(_key, events)) == sorted(map(_key, whole))
