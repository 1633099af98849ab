"""`conflictwire ingest` and `conflictwire export` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conflictwire.cli import app
from conflictwire.output.writers import ACLED_COLUMNS
from conflictwire.store.sql import SqlStore
from conflictwire.store.synthetic import PreparedPipeline

from .store_support import FIXTURES, comparable, fixture_docs

ARTICLE = (
    "MYKOLAIV, April 9 - Russian rockets struck the port area of Mykolaiv on Saturday, "
    "killing one dock worker, the city's mayor said.\n"
)


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    store.ingest(fixture_docs("reports.jsonl"), PreparedPipeline())
    return store


def test_ingest_is_idempotent_and_reports_on_stderr(tmp_path: Path) -> None:
    article = tmp_path / "mykolaiv.txt"
    article.write_text(ARTICLE)
    db = f"sqlite:///{tmp_path / 'sub' / 'cw.db'}"  # the folder is created on first use
    first = _run("ingest", str(article), "--db", db, "--published", "2022-04-09")
    assert first.exit_code == 0, first.stderr
    assert "1 documents stored" in first.stderr
    second = _run("ingest", str(article), "--db", db, "--published", "2022-04-09")
    assert second.exit_code == 0
    assert "0 documents stored, 1 unchanged" in second.stderr
    doc = SqlStore(db).get_document(str(article))
    assert doc is not None and doc["text"] == ARTICLE and doc["published"] == "2022-04-09"


def test_ingest_names_unreadable_inputs_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(ARTICLE)
    missing = tmp_path / "missing.txt"
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    result = _run("ingest", str(good), str(missing), "--db", db)
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert SqlStore(db).counts()["documents"] == 1  # the readable one is stored


def test_ingest_rejects_an_unknown_database_url(tmp_path: Path) -> None:
    result = _run("ingest", str(FIXTURES / "chain.jsonl"), "--db", "mysql://nowhere/db")
    assert result.exit_code == 2


def test_export_jsonl_is_the_stored_events(filled: SqlStore) -> None:
    result = _run("export", "--db", filled.url)
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == list(filled.iter_events())
    assert all({"sources", "n_sources", "fatalities_max"} <= set(e) for e in lines)


def test_export_filters(filled: SqlStore) -> None:
    result = _run("export", "--db", filled.url, "--bbox", "30,50,31,51", "--since", "2022-06-01")
    locations = [json.loads(line)["location"] for line in result.stdout.splitlines()]
    assert locations == ["Kyiv"]
    result = _run("export", "--db", filled.url, "--admin1", "Kharkiv", "--actor", "russia")
    assert len(result.stdout.splitlines()) == 2


def test_export_csv_starts_with_acled_columns(filled: SqlStore) -> None:
    result = _run("export", "--db", filled.url, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert "n_sources" in rows[0] and len(rows) == 1 + filled.counts()["events"]


def test_export_geojson_keeps_located_events(filled: SqlStore) -> None:
    result = _run("export", "--db", filled.url, "--format", "geojson")
    features = json.loads(result.stdout)["features"]
    located = [e for e in filled.iter_events() if e["latitude"] is not None]
    assert len(features) == len(located) == 3


def test_export_parquet_reads_back(filled: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = _run("export", "--db", filled.url, "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(out)
    assert table.num_rows == filled.counts()["events"]
    assert b"geo" in (table.schema.metadata or {})
    rows = {r["event_id"]: r for r in table.to_pylist()}
    for event in filled.iter_events():
        row = rows[event["event_id"]]
        assert row["n_sources"] == event["n_sources"]
        assert [s["fatalities"] for s in row["sources"]] == [
            s["fatalities"] for s in event["sources"]
        ]
        assert (row["geometry"] is None) == (event["latitude"] is None)
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(out)
    assert len(frame) == table.num_rows


def test_export_from_a_missing_store_fails(tmp_path: Path) -> None:
    result = _run("export", "--db", f"sqlite:///{tmp_path / 'absent.db'}")
    assert result.exit_code == 1
    assert "no store" in result.stderr
    assert not (tmp_path / "absent.db").exists()


def test_export_rejects_a_bad_bbox(filled: SqlStore) -> None:
    assert _run("export", "--db", filled.url, "--bbox", "1,2,3").exit_code == 2


def test_ingest_with_workers_equals_one_process(tmp_path: Path) -> None:
    docs = str(FIXTURES / "reports.jsonl")
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert _run("ingest", docs, "--db", one).exit_code == 0
    assert _run("ingest", docs, "--db", two, "--workers", "2").exit_code == 0
    assert comparable(SqlStore(one)) == comparable(SqlStore(two))
