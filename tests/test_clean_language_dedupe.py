"""Language identification (bundled model, offline) and near-duplicate documents."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwire.clean import NearDuplicateFilter, detect_language, drop_near_duplicates
from conflictwire.clean.language import _detector, bundled_model_path
from conflictwire.records import Document, Skipped

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "inputs"


def _doc(name: str, doc_id: str | None = None) -> Document:
    return Document(doc_id or name, (FIXTURES / name).read_text(encoding="utf-8"))


def test_languages_of_fixture_articles() -> None:
    assert detect_language(_doc("wire_dateline.txt").text) == "en"
    assert detect_language(_doc("french_note.txt").text) == "fr"
    assert detect_language("") is None


def test_the_detector_can_only_load_the_bundled_lite_model() -> None:
    path = bundled_model_path()
    assert path is not None and path.name == "lid.176.ftz"
    assert _detector().config.custom_model_path == str(path)


def test_detection_works_with_the_network_cut(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not available")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot create a network namespace here")
    code = (
        "import sys\nfrom conflictwire.clean.language import detect_language\n"
        "print(detect_language(sys.stdin.read()))\n"
    )
    env = {"FTLANG_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code],
        input=_doc("french_note.txt").text,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stdout.strip() == "fr"
    assert not (tmp_path / "cache").exists()  # nothing was downloaded or cached


def test_foreign_document_is_skipped_with_its_language(pipeline: Any) -> None:
    result = pipeline.process(_doc("french_note.txt"))
    assert result.skipped is not None and "fr" in result.skipped.reason
    assert result.events == []


def test_syndicated_copy_is_a_near_duplicate() -> None:
    dedupe = NearDuplicateFilter()
    assert dedupe.seen(_doc("syndicated_a.txt")) is None
    assert dedupe.seen(_doc("different_story.txt")) is None
    assert dedupe.seen(_doc("syndicated_b.txt")) == "syndicated_a.txt"
    assert dedupe.seen(_doc("syndicated_a.txt", "https://mirror.example/a")) == "syndicated_a.txt"
    assert dedupe.seen(Document("short-1", "Clashes in Beni.")) is None
    assert dedupe.seen(Document("short-2", "Clashes in  Beni.")) == "short-1"
    assert dedupe.seen(Document("short-3", "Clashes in Butembo.")) is None


def test_drop_near_duplicates_reports_each_skip() -> None:
    skipped: list[Skipped] = []
    docs = [_doc("syndicated_b.txt"), _doc("syndicated_a.txt"), _doc("different_story.txt")]
    kept = list(drop_near_duplicates(docs, skipped.append))
    assert [d.doc_id for d in kept] == ["syndicated_b.txt", "different_story.txt"]  # type: ignore[union-attr]
    assert skipped == [Skipped("syndicated_a.txt", "near-duplicate of syndicated_b.txt")]


def test_extract_dedupe_counts_duplicates_as_skipped(tmp_path: Path) -> None:
    from conflictwire.cli import app

    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in ("syndicated_a.txt", "syndicated_b.txt", "different_story.txt"):
        shutil.copy(FIXTURES / name, inbox / name)
    documents = tmp_path / "docs.jsonl"
    args = ["extract", str(inbox), "--documents", str(documents), "-o", str(tmp_path / "ev")]
    result = CliRunner().invoke(app, [*args, "--dedupe"])
    assert result.exit_code == 0, result.output
    assert "1 skipped (near-duplicate)" in result.stderr
    ids = [Path(json.loads(line)["doc_id"]).name for line in documents.read_text().splitlines()]
    assert ids == ["different_story.txt", "syndicated_a.txt"]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 0 and "near-duplicate" not in plain.stderr
