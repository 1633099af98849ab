"""`conflictwire geoparse` writes one JSON line per place mention, per CONTRACT."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conflictwire.cli.app import app

FIELDS = [
    "doc_id",
    "start",
    "end",
    "text",
    "name",
    "geonames_id",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "feature_code",
]


def test_geoparse_writes_mentions_with_spans(tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    text = "Russian forces shelled Kharkiv and Sumy; residents fled to Poltava."
    doc.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["geoparse", str(doc)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [list(line) for line in lines] == [FIELDS] * len(lines)
    by_text = {line["text"]: line for line in lines}
    for name in ("Kharkiv", "Sumy", "Poltava"):
        line = by_text[name]
        assert text[line["start"] : line["end"]] == name
        assert line["country"] == "Ukraine" and line["latitude"] is not None


def test_geoparse_reports_unreadable_input_and_exits_1(tmp_path: Path) -> None:
    doc = tmp_path / "ok.jsonl"
    doc.write_text(
        json.dumps({"id": "d1", "text": "Clashes in Baidoa (Bay)."}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["geoparse", str(doc), str(tmp_path / "missing.txt"), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {line["doc_id"] for line in lines} == {"d1"}
    assert any(line["text"] == "Baidoa" and line["admin1"] == "Bay" for line in lines)


def test_geoparse_says_what_kind_of_place_each_mention_is(tmp_path: Path) -> None:
    doc = tmp_path / "world.txt"
    doc.write_text(
        "Ships in the Red Sea turned back; Egypt closed ports in Alexandria and Ontario "
        "hospitals sent aid to the Middle East.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["geoparse", str(doc)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    codes = {line["text"]: line["feature_code"] for line in lines}
    assert codes == {
        "Red Sea": "SEA",
        "Egypt": "PCLI",
        "Alexandria": "PPL",
        "Ontario": "ADM1",
        "Middle East": "RGN",
    }
