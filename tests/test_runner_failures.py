"""An unexpected error on one document names that document; the run goes on with the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import conflictwire.runner as runner
from conflictwire import Document, Pipeline
from conflictwire.cli import app
from conflictwire.records import DocResult, ReadFailure

GOOD = "KYIV, May 3, 2024 (Wire) - Russian forces shelled Kupiansk overnight, killing two people."
POISON = "KYIV, May 3, 2024 (Wire) - POISON: Russian forces shelled Izium, killing one person."


@pytest.fixture()
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor fails (as a bug or an exhausted resource would) on one document."""
    real = runner.extract_events

    def extract(doc: Document, *args: Any, **kwargs: Any) -> Any:
        if "POISON" in doc.text:
            raise MemoryError("numpy could not allocate an array")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(runner, "extract_events", extract)


@pytest.mark.usefixtures("poisoned")
def test_the_failing_document_is_named_and_the_others_get_their_events(
    pipeline: Pipeline,
) -> None:
    docs = [Document("a.txt", GOOD), Document("bad.txt", POISON), Document("c.txt", GOOD)]
    results = list(pipeline.run(docs))
    assert [type(r).__name__ for r in results] == ["DocResult", "ReadFailure", "DocResult"]
    failure = results[1]
    assert isinstance(failure, ReadFailure) and failure.name == "bad.txt"
    assert "MemoryError" in failure.reason and "numpy" in failure.reason
    assert all(isinstance(r, DocResult) and r.events for r in (results[0], results[2]))


@pytest.mark.usefixtures("poisoned")
def test_one_document_alone_raises_for_its_caller(pipeline: Pipeline) -> None:
    with pytest.raises(MemoryError):
        pipeline.process(Document("bad.txt", POISON))


@pytest.mark.usefixtures("poisoned")
def test_the_command_names_the_document_and_exits_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(POISON, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'b.txt'}: processing failed: MemoryError" in result.stderr
    assert '"doc_id": "' + str(tmp_path / "a.txt") in result.stdout
