"""The process pool: same output as one process, input order kept, bounded work in flight."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conflictwire import Document, Pipeline, ReadFailure
from conflictwire.cli.app import app
from conflictwire.runner import PipelineOptions
from conflictwire.scale import ProgressBar, chunked, run_parallel
from conflictwire.scale.chunks import Item

FIXTURE = Path(__file__).parent / "fixtures" / "scale_articles.jsonl"
QUIET = "The council met on Tuesday to discuss the parks budget for the coming year."


def fixture_items() -> list[Item]:
    items: list[Item] = []
    for i, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        items.append(Document(row["id"], row["text"], published=row.get("published")))
        if i == 3:
            items.append(ReadFailure("broken.jsonl:5", "malformed JSON"))
    return items


def outcome(results: list[Any]) -> list[Any]:
    """What a run shows the user, timestamps aside."""
    shown = []
    for r in results:
        if isinstance(r, ReadFailure):
            shown.append(("failure", r.name, r.reason))
            continue
        events = [{k: v for k, v in e.to_dict().items() if k != "updated_at"} for e in r.events]
        shown.append(("doc", r.doc.to_dict(), r.skipped, events))
    return shown


def test_chunks_depend_on_the_input_only() -> None:
    docs = [Document(f"d{i}", "x" * 100) for i in range(10)]
    by_count = [[d.doc_id for d in c] for c in chunked(docs, max_docs=4, max_chars=10**6)]  # type: ignore[union-attr]
    assert by_count == [["d0", "d1", "d2", "d3"], ["d4", "d5", "d6", "d7"], ["d8", "d9"]]
    by_size = [len(c) for c in chunked(docs, max_docs=100, max_chars=250)]
    assert by_size == [3, 3, 3, 1]
    assert list(chunked([], 4, 100)) == []


def test_two_workers_give_the_output_of_one_process() -> None:
    items = fixture_items()
    serial = list(Pipeline().run(items))
    parallel = list(
        run_parallel(
            items,
            2,
            now="2026-01-01T00:00:00Z",
            factory=PipelineOptions(),
            chunk_docs=2,
            max_in_flight=3,
        )
    )
    assert any(not isinstance(r, ReadFailure) and r.events for r in serial)
    assert any(not isinstance(r, ReadFailure) and r.skipped for r in serial)  # the French one
    assert outcome(parallel) == outcome(serial)


def test_work_in_flight_is_bounded() -> None:
    consumed = 0

    def source() -> Iterator[Document]:
        nonlocal consumed
        for i in range(400):
            consumed += 1
            yield Document(f"q{i}", QUIET)

    results = run_parallel(
        source(), 2, now="t", factory=PipelineOptions(), chunk_docs=5, max_in_flight=2
    )
    first = next(results)
    # Two chunks out, the first collected: nothing more than those ten has been read.
    assert consumed <= 10
    assert first.doc.doc_id == "q0"  # type: ignore[union-attr]
    rest = list(results)
    assert [r.doc.doc_id for r in rest] == [f"q{i}" for i in range(1, 400)]  # type: ignore[union-attr]


def test_progress_counts_and_stays_silent_off_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    items = fixture_items()
    results = list(bar.track(Pipeline().run(items)))
    assert not bar.enabled and stream.getvalue() == ""
    docs = [r for r in results if not isinstance(r, ReadFailure)]
    assert bar.documents == len(docs)
    assert bar.events == sum(len(r.events) for r in docs)
    assert bar.skipped == sum(r.skipped is not None for r in docs)
    assert bar.unreadable == 1
    assert f"{bar.events} events" in bar.describe()


def test_progress_draws_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = ProgressBar(stream)
    assert bar.enabled
    list(bar.track([ReadFailure("a", "b")]))
    assert "unreadable" in stream.getvalue()


def test_cli_workers_output_equals_one_process(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        result = runner.invoke(app, ["extract", str(FIXTURE), "--workers", workers, "-o", str(out)])
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        outputs.append([{k: v for k, v in e.items() if k != "updated_at"} for e in lines])
    assert outputs[0] and outputs[0] == outputs[1]
