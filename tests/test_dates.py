"""Event dates (conflictwire.events.fields.dates)."""

from __future__ import annotations

import pytest

from conflictwire.events.fields.dates import find_date_mentions, find_event_date


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        ("On 13 July 2023, forces shelled the town.", None, "2023-07-13", 1),
        ("Shelling reported on 13/07/2023 near the border.", None, "2023-07-13", 1),
        ("On July 13, forces shelled the town.", "2023-07-20", "2023-07-13", 1),
        ("On 1 April 2025, militants attacked a base.", None, "2025-04-01", 1),
        ("Between 1 and 7 April 2025, clashes were reported.", None, "2025-04-01", 2),
        ("Around 15 March 2023 (week of), forces clashed.", None, "2023-03-15", 2),
        ("Around 5 May 2024, a mine exploded.", None, "2024-05-05", 2),
        ("In early May 2024, troops moved in.", None, "2024-05-01", 3),
        ("Rockets hit the city yesterday.", "2022-06-26", "2022-06-25", 1),
        ("Russia launched missiles overnight.", "2022-06-26", "2022-06-25", 1),
        ("That day, a missile hit a building.", "2022-06-26", "2022-06-26", 1),
        ("Recently, the two sides fought in the city.", "2022-06-26", "2022-06-19", 2),
    ],
)
def test_event_dates(text: str, published: str | None, date: str, precision: int) -> None:
    found = find_event_date(text, published=published)
    assert found is not None
    assert (found.date, found.precision) == (date, precision)
    assert text[found.start : found.end].strip()


def test_weekday_is_the_latest_on_or_before_the_anchor() -> None:
    # 2022-06-26 is a Sunday: "on Monday" is the 20th, "on Sunday" the day itself.
    assert find_event_date("Strikes on Monday hit Kharkiv.", published="2022-06-26").date == (
        "2022-06-20"
    )
    assert find_event_date("On Sunday a drone fell.", published="2022-06-26").date == "2022-06-26"


def test_dateline_is_the_anchor_of_relative_words() -> None:
    text = (
        "KABUL, Afghanistan (Jan. 25, 2013) - During an operation in Andar district "
        "yesterday, forces detained two suspects."
    )
    found = find_event_date(text, published=None)
    assert found is not None and found.date == "2013-01-24"


def test_anchor_wins_over_published() -> None:
    found = find_event_date("Shelling last night.", published="2024-03-10", anchor="2024-03-08")
    assert found is not None and found.date == "2024-03-07"


def test_no_date_without_anchor() -> None:
    assert find_event_date("Forces shelled the town yesterday.", published=None) is None
    assert find_event_date("Forces shelled the town.", published="2024-01-01") is None


def test_mentions_keep_different_days_apart() -> None:
    text = "On 3 May 2024 a drone hit Sumy; on 5 May 2024 shelling hit Kherson."
    dates = [m.date for m in find_date_mentions(text)]
    assert dates == ["2024-05-03", "2024-05-05"]


def test_year_is_inferred_before_the_publication_day() -> None:
    found = find_event_date("On 30 December, a strike hit the port.", published="2024-01-02")
    assert found is not None and found.date == "2023-12-30"


def test_undated_text_defaults_to_the_day_before_only_when_asked() -> None:
    text = "Two soldiers killed in shelling near Avdiivka."
    assert find_event_date(text, published="2019-05-02") is None
    found = find_event_date(text, published="2019-05-02", default_to_anchor=True)
    assert found is not None and (found.date, found.precision) == ("2019-05-01", 2)
    assert find_event_date(text, published=None, default_to_anchor=True) is None


def test_report_time_is_not_the_event_date() -> None:
    text = (
        "Based on information received as of 19:30, 19 July 2019. "
        "A civilian was killed on 17 July 2019."
    )
    found = find_event_date(text, published="2019-07-20")
    assert found is not None and found.date == "2019-07-17"


def test_past_day_of_a_daily_report_is_the_day_before() -> None:
    found = find_event_date("Over the past day, troops shelled the town.", published="2024-05-14")
    assert found is not None and (found.date, found.precision) == ("2024-05-13", 1)
    today = find_event_date("Police detained two men today.", published="2024-05-14")
    assert today is not None and today.date == "2024-05-14"
