"""A press release's heading read as a happening takes the day of the lead under it (issue 15).

Older releases open with a dated title line ("Mar. 4: Afghan, ISAF Operations in ...") that the
dateline reader takes as the release's day, so the title itself sits in the body; header lines
(the release number, "For Immediate Release") follow, then the lead with its own day word. The
texts are written for this project in the style of those releases (invented places' details,
real provinces).
"""

from __future__ import annotations

from typing import Any

from conflictwire.clean.dateline import read_dateline
from conflictwire.events.fields.release_days import release_day
from conflictwire.records import Document

TITLED = (
    "Mar. 4: Afghan, ISAF Operations in Zabul, Kunduz\n"
    "NEWS RELEASE\u2028ISAF Joint Command - Afghanistan\u2028\u20282010-03-CA-012\u2028"
    "For Immediate Release\n\n"
    " In Zabul province last night, a joint security force searched a compound near the "
    "village of Sar Kalay after tips from residents. During the search the force detained "
    "four suspected militants and found two rifles.\n"
    " Women and children were protected during the search.."
)


def _release_day(text: str, at: str) -> tuple[str, int]:
    dateline = read_dateline(text)
    assert dateline is not None and dateline.date == "2010-03-04"
    found = release_day(text, dateline.end, text.index(at), dateline.date)
    assert found is not None
    return found.date, found.precision


def test_a_heading_takes_the_day_of_the_lead_under_it() -> None:
    # The title tells no day; the header lines under it neither; the lead says "last night".
    assert _release_day(TITLED, "Afghan, ISAF Operations") == ("2010-03-03", 1)


def test_a_sentence_of_the_story_does_not_look_ahead_for_its_day() -> None:
    # The lead's own day still governs the sentence after it; only a heading reads forward.
    assert _release_day(TITLED, "During the search") == ("2010-03-03", 1)
    text = TITLED.replace(" last night,", ",") + "\n The search was carried out on Tuesday."
    assert _release_day(text, "During the search") == ("2010-03-04", 2)


def test_a_heading_over_an_undated_lead_keeps_the_release_s_own_day() -> None:
    text = TITLED.replace(" last night,", ",")
    assert _release_day(text, "Afghan, ISAF Operations") == ("2010-03-04", 2)


def test_a_titled_release_s_events_are_the_night_before(pipeline: Any) -> None:
    result = pipeline.process(Document(doc_id="t", text=TITLED, language="en"))
    days = {e.event_date for e in result.events}
    assert days == {"2010-03-03"}, [(e.event_date, e.sub_event_type) for e in result.events]


def test_a_list_item_without_a_stop_keeps_the_day_told_before_it() -> None:
    # Only a heading that opens the body reads forward: an item further down, written without
    # a stop, belongs to the day the story told above it.
    text = (
        TITLED.replace(" Women and children", " Later that week two more searches followed:\n")
        + "\n- two suspected militants detained in Kunduz province\n"
        + " A third search on Tuesday found nothing."
    )
    assert _release_day(text, "two suspected militants detained") == ("2010-03-03", 1)
