"""Labelled snippets: reading label files and the contract's figures (CONTRACT.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwire.evaluation.snippets import NO_EVENT, read_labelled, score_snippets
from conflictwire.events.classify.labels import (
    CASE_CODES,
    LABELS,
    LabelError,
    canonical_label,
    in_scope,
)

FIXTURE = Path(__file__).parent / "fixtures" / "snippets" / "labelled.tsv"


def test_every_case_code_maps_into_the_label_set() -> None:
    assert set(CASE_CODES.values()) <= set(LABELS)
    assert canonical_label("GOV_REGAINS_TERIT") == "Government regains territory"
    assert canonical_label(" air/drone strike ") == "Air/drone strike"
    assert not in_scope(canonical_label("DIPLO"))
    with pytest.raises(LabelError, match="SHELLING"):
        canonical_label("SHELLING")


def test_tsv_keeps_quotes_and_names_bad_rows() -> None:
    problems: list[str] = []
    rows = list(read_labelled(FIXTURE, problems))
    assert [r.row_id for r in rows] == ["s1", "s2", "s3", "s4"]
    assert '"several"' in rows[1].text  # no quote processing: the text is as written
    assert rows[2].gold == NO_EVENT and rows[0].gold == "Attack"
    assert len(problems) == 2
    assert "NOT_A_LABEL" in problems[0] and ":6:" in problems[0]
    assert "empty text" in problems[1] and ":7:" in problems[1]


def test_acled_export_columns_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        'event_id_cnty,event_date,sub_event_type,notes\nX1,2024-01-02,Grenade,"On 2 January, a'
        ' grenade was thrown at a bar."\n',
        encoding="utf-8",
    )
    (row,) = read_labelled(path)
    assert (row.row_id, row.label) == ("X1", "Grenade")
    assert row.text.startswith("On 2 January")


def test_figures_by_hand() -> None:
    rows = list(read_labelled(FIXTURE))  # gold: Attack, Armed clash, no event, Peaceful protest
    scores = score_snippets(rows, ["Attack", "Attack", "Attack", NO_EVENT])
    assert scores.accuracy == pytest.approx(1 / 4)
    assert scores.no_event_right == 0.0
    # ACLED-labelled rows: Attack (P 1/2, R 1, F1 2/3), Armed clash 0, Peaceful protest 0.
    assert scores.weighted_f1 == pytest.approx((2 / 3) / 3)
    # Over all snippets and gold classes: Attack is predicted three times (P 1/3, F1 1/2).
    assert scores.macro_f1 == pytest.approx((1 / 2) / 4)
    assert scores.confusion()[("Armed clash", "Attack")] == 1
    with pytest.raises(ValueError, match="4 rows but 3"):
        score_snippets(rows, ["Attack"] * 3)
