"""`gazetteer import`: GeoNames dumps and user CSVs merged into the index; bad rows named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwire.cli.app import app
from conflictwire.geo.geocoder import Geocoder
from conflictwire.geo.imports import apply_imports, import_file
from conflictwire.geo.store import Gazetteer

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


def _mini_gazetteer() -> Gazetteer:
    """A few regions, as the full build makes them, for imports to attach to."""
    gaz = Gazetteer()
    kherson = gaz.add(
        "Kherson", 46.64, 32.62, "UA", admin1="Kherson", kind="admin1", a1code="UA.08"
    )
    gaz.add_key("kherson", kherson)
    shabelle = gaz.add(
        "Lower Shabelle", 1.72, 44.77, "SO", admin1="Lower Shabelle", kind="admin1", a1code="SO.14"
    )
    gaz.add_key("lower shabelle", shabelle)
    banadir = gaz.add("Banadir", 2.04, 45.34, "SO", admin1="Banadir", kind="admin1", a1code="SO.02")
    gaz.add_key("banadir", banadir)
    return gaz


def _geocoder(tmp_path: Path, imports: Path) -> Geocoder:
    gaz = _mini_gazetteer()
    apply_imports(gaz, imports)
    gaz.save(tmp_path / "index.marshal")
    return Geocoder(Gazetteer.load(tmp_path / "index.marshal"))


def test_geonames_dump_rows_are_imported_and_bad_rows_named(tmp_path: Path) -> None:
    report = import_file(FIXTURES / "XX_sample.txt", tmp_path / "imports")
    assert report.kind == "geonames"
    assert report.rows == 2
    assert any(":3:" in e and "latitude" in e for e in report.errors)
    assert any(":4:" in e for e in report.errors)
    geocoder = _geocoder(tmp_path, tmp_path / "imports")
    place = geocoder.resolve("Zolotaya Balka Test")
    assert place is not None
    assert (place.name, place.admin1, place.geonames_id) == (
        "Zolota Balka Test",
        "Kherson",
        9990001,
    )
    mogadishu_quarter = geocoder.resolve("Hamar Weyne Test", country_code="SO")
    assert mogadishu_quarter is not None and mogadishu_quarter.admin1 == "Banadir"


def test_user_csv_malformed_rows_are_skipped_with_their_line(tmp_path: Path) -> None:
    report = import_file(FIXTURES / "user_places.csv", tmp_path / "imports")
    assert report.kind == "csv"
    assert report.rows == 2
    assert len(report.errors) == 3
    assert any("user_places.csv:4:" in e and "lat" in e for e in report.errors)
    assert any("user_places.csv:5:" in e and "country" in e for e in report.errors)
    assert any("user_places.csv:6:" in e and "out of range" in e for e in report.errors)
    geocoder = _geocoder(tmp_path, tmp_path / "imports")
    text = "Shelling hit Bilohirka Nova, Kherson, on Monday."
    mentions = geocoder.geoparse(text)
    village = next(m for m in mentions if m.text == "Bilohirka Nova")
    assert village.place is not None and village.place.admin1 == "Kherson"
    location = geocoder.locate(text, 0, len(text), mentions)
    assert location.place is not None and location.place.name == "Bilohirka Nova"


def test_cli_import_names_bad_rows_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONFLICTWIRE_CACHE", str(tmp_path / "cache"))
    csv_copy = tmp_path / "mine.csv"
    shutil.copy(FIXTURES / "user_places.csv", csv_copy)
    result = CliRunner().invoke(app, ["gazetteer", "import", str(csv_copy), "--no-rebuild"])
    assert result.exit_code == 0, result.output
    assert "mine.csv:4:" in result.stderr
    assert "2 csv rows imported, 3 skipped" in result.stdout
    assert (tmp_path / "cache" / "imports" / "mine.csv.jsonl").is_file()


def test_csv_without_required_columns_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("place,latitude\nX,1\n", encoding="utf-8")
    report = import_file(bad, tmp_path / "imports")
    assert report.rows == 0
    assert report.errors and "header lacks" in report.errors[0]
