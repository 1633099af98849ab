"""The extract command's contract: inputs, bad input reporting, exit statuses, outputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conflictwire.cli import app

ARTICLE = (
    "KHARKIV, March 3 - Russian forces shelled the village of Tsyrkuny overnight, "
    "killing two civilians and wounding four others, the regional governor said.\n"
)


def _run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


def test_empty_document_gives_no_events_and_no_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _run("extract", str(empty))
    assert result.exit_code == 0
    assert result.stdout.strip() == ""


def test_missing_file_and_bad_jsonl_line_are_named_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "docs.jsonl"
    good.write_text(
        json.dumps({"id": "a", "text": ARTICLE})
        + "\n{not json\n"
        + json.dumps({"id": "b", "text": ""})
        + "\n"
    )
    result = _run(
        "extract",
        str(good),
        str(tmp_path / "missing.txt"),
        "--documents",
        str(tmp_path / "docs-out.jsonl"),
    )
    assert result.exit_code == 1
    assert "docs.jsonl:2" in result.stderr and "malformed JSON" in result.stderr
    assert "missing.txt" in result.stderr
    written = [json.loads(x) for x in (tmp_path / "docs-out.jsonl").read_text().splitlines()]
    assert [d["doc_id"] for d in written] == ["a", "b"]
    assert written[0]["text"] == ARTICLE


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = _run("extract", "--format", "xml", "-")
    assert result.exit_code == 2
    result = _run("extract", "--published", "26/06/2022", "-")
    assert result.exit_code == 2


def test_path_document_ids_are_normalized(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    out_a, out_b = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert _run("extract", "./a.txt", "--documents", str(out_a)).exit_code == 0
    assert _run("extract", "a.txt", "--documents", str(out_b)).exit_code == 0
    assert json.loads(out_a.read_text())["doc_id"] == json.loads(out_b.read_text())["doc_id"]


def test_stdin_is_read_as_one_article() -> None:
    result = _run("extract", "-", stdin=ARTICLE)
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        record = json.loads(line)
        for span in record["evidence"]:
            assert ARTICLE[span["start"] : span["end"]] == span["text"]
