"""Writers: ACLED column order, spreadsheet-safe cells, GeoJSON of located events only."""

from __future__ import annotations

import csv
import io
import json

from conflictwire.output import make_writer
from conflictwire.output.writers import ACLED_COLUMNS, interaction_label
from conflictwire.records import Event, Span, Weapon


def _event(**overrides: object) -> Event:
    event = Event(
        doc_id="wire/a.txt",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        disorder_type="Political violence",
        event_date="2022-06-26",
        time_precision=1,
        year=2022,
        actor1="Military Forces of Russia",
        inter1=8,
        actor2="Civilians (Ukraine)",
        inter2=7,
        interaction=78,
        country="Ukraine",
        latitude=50.45,
        longitude=30.52,
        fatalities=2,
        weapons=[Weapon("cruise missile", 48)],
        evidence=[Span(3, 9, "struck")],
        updated_at="2022-06-26T10:00:00Z",
        notes='=HYPERLINK("http://evil")',
    )
    for key, value in overrides.items():
        setattr(event, key, value)
    event.assign_id()
    return event


def _write(fmt: str, events: list[Event]) -> str:
    out = io.StringIO()
    writer = make_writer(fmt, out)
    for event in events:
        writer.write(event.to_dict())
    writer.close()
    return out.getvalue()


def test_csv_starts_with_acled_columns_and_labels_inter_codes() -> None:
    rows = list(csv.reader(io.StringIO(_write("csv", [_event()]))))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert "evidence" in header and "weapons" in header
    assert row["inter1"] == "External/Other forces"
    assert row["interaction"] == "Civilians-External/Other forces"
    assert row["timestamp"] == "1656237600"
    assert row["event_id_cnty"].startswith("cw-")


def test_csv_cells_cannot_become_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(_write("csv", [_event(location="-Kyiv")]))))
    assert rows[0]["notes"].startswith("'=")
    assert rows[0]["location"] == "'-Kyiv"


def test_negative_numbers_stay_numbers_while_text_is_neutralized() -> None:
    # West of Greenwich, south of the equator: plain numbers a spreadsheet reads as such.
    event = _event(latitude=-34.6, longitude=-58.38, location="-Sur", admin1="+Norte")
    rows = list(csv.DictReader(io.StringIO(_write("csv", [event]))))
    assert (rows[0]["latitude"], rows[0]["longitude"]) == ("-34.6", "-58.38")
    assert float(rows[0]["longitude"]) == -58.38
    assert rows[0]["location"] == "'-Sur"
    assert rows[0]["admin1"] == "'+Norte"


def test_interaction_labels_follow_acled() -> None:
    assert interaction_label(80) == "External/Other forces only"
    assert interaction_label(17) == "State forces-Civilians"
    assert interaction_label(None) == ""


def test_geojson_holds_only_located_events() -> None:
    located, unlocated = _event(), _event(latitude=None, longitude=None, fatalities=0)
    data = json.loads(_write("geojson", [located, unlocated]))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 1
    assert data["features"][0]["geometry"]["coordinates"] == [30.52, 50.45]


def test_event_id_depends_on_document_and_content_only() -> None:
    first, again = _event(), _event(updated_at="2030-01-01T00:00:00Z")
    other_doc = _event(doc_id="wire/b.txt")
    assert first.event_id == again.event_id
    assert first.event_id != other_doc.event_id
