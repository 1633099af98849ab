"""Cleaning: furniture masked, offsets honest, datelines read, language and duplicates found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conflictwire.clean import clean_document
from conflictwire.clean.cleaner import build_analysis
from conflictwire.clean.dateline import find_dateline
from conflictwire.records import CleanedText, Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "inputs"
_ASCII = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _clean(text: str, published: str | None = None) -> CleanedText:
    return clean_document(Document("doc", text, published=published))


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _assert_offsets_honest(cleaned: CleanedText) -> None:
    """Every analysis token and line maps back to exactly the same original text."""
    for pattern in (r"\S+", r"[^\n]+", r"[^.!?\n]+[.!?]"):
        for match in re.finditer(pattern, cleaned.analysis):
            span = cleaned.original_span(match.start(), match.end())
            assert span.text.translate(_ASCII) == match.group(), (span, match.group())


def test_seed_masks_only_furniture(seed_article: Path) -> None:
    text = seed_article.read_text(encoding="utf-8")
    cleaned = _clean(text, "2022-06-26")
    paragraphs = text.split("\n\n")
    masked = [m.text for m in cleaned.masked]
    assert masked == [
        paragraphs[0],  # the truncated copy of the lead
        "Reference source for some information on\n\n: CCTV News",
        "If there is any infringement, please contact and inform",
    ]
    for span in cleaned.masked:
        assert text[span.start : span.end] == span.text
    assert cleaned.cited_source == "CCTV News"
    assert cleaned.analysis.startswith(paragraphs[1])  # the fuller lead is kept
    assert cleaned.analysis.endswith("then the situation will be difficult to control.")
    for paragraph in paragraphs[2:-3]:
        assert paragraph in cleaned.analysis
    _assert_offsets_honest(cleaned)


def test_seed_analysis_span_never_reaches_into_the_footer(seed_article: Path) -> None:
    text = seed_article.read_text(encoding="utf-8")
    cleaned = _clean(text)
    end = len(cleaned.analysis)
    last = cleaned.original_span(end - 8, end)
    assert last.text == "control."
    assert "Reference" not in text[last.end : last.end + 2]


def test_scraped_page_lead_copy_repeat_and_footers() -> None:
    cleaned = _clean(_fixture("scraped_footer.txt"))
    analysis = cleaned.analysis
    assert cleaned.cited_source == "Xinhua"
    assert analysis.startswith(
        "Fighting in Mogadishu: three killed as militants attack checkpoint\n\n"
    )
    assert "the militants fled the sce\n" not in analysis  # truncated lead gone
    assert analysis.count("three people were killed") == 1
    assert analysis.count("Residents said that the sound of gunfire") == 1
    for gone in ("Xinhua", "Responsible editor", "Disclaimer", "infringement"):
        assert gone not in analysis
    assert analysis.endswith("for most of the evening.")
    _assert_offsets_honest(cleaned)


def test_wire_story_credit_line_and_quotes() -> None:
    cleaned = _clean(_fixture("wire_dateline.txt"), published="2021-09-15")
    assert "Reporting by" not in cleaned.analysis
    assert '"The strike came just after the morning shift started,"' in cleaned.analysis
    assert cleaned.dateline_date == "2021-09-14"
    _assert_offsets_honest(cleaned)
    quote = cleaned.analysis.index('"The strike')
    span = cleaned.original_span(quote, quote + len('"The strike'))
    assert span.text == "“The strike"


def test_article_text_that_looks_like_furniture_is_kept() -> None:
    text = (
        "Soldiers took cookies and bread from the bakery and did not accept payment, "
        "the owner said.\n\n"
        "A security source said: three soldiers were killed in the ambush.\n\n"
        "Share prices in Kyiv fell after the strike.\n\n"
        "Copyright disputes aside, the broadcaster kept airing the footage."
    )
    cleaned = _clean(text)
    assert cleaned.masked == []
    assert cleaned.analysis == text and cleaned.offsets is None
    assert cleaned.cited_source is None


def test_masks_never_merge_sentences() -> None:
    text = "Two soldiers died.\nShare this article\nThe army said so.  Click here to subscribe"
    cleaned = _clean(text)
    assert cleaned.analysis == "Two soldiers died.\n\nThe army said so."
    _assert_offsets_honest(cleaned)


def test_footer_glued_to_a_paragraph_is_cut_at_the_sentence() -> None:
    text = "Two people died in the blast. If there is any infringement, please contact us."
    cleaned = _clean(text)
    assert cleaned.analysis == "Two people died in the blast."
    assert [m.text for m in cleaned.masked] == ["If there is any infringement, please contact us."]


def test_whitespace_quotes_and_invisible_characters() -> None:
    text = (
        "\ufeff  “Shelling”\u00a0\u00a0hit\u200b Izium ,\r\n\r\n\r\nsaid  the ‘mayor’ ：  Ihor. \n"
    )
    analysis, offsets = build_analysis(text, [])
    assert analysis == "\"Shelling\" hit Izium ,\n\nsaid the 'mayor' : Ihor."
    assert len(offsets) == len(analysis) + 1
    cleaned = CleanedText(original=text, analysis=analysis, offsets=offsets)
    start = analysis.index("hit")
    assert cleaned.original_span(start, start + 3).text == "hit"
    start = analysis.index("said")
    assert cleaned.original_span(start, len(analysis)).text == "said  the ‘mayor’ ：  Ihor."
    first = cleaned.original_span(0, len('"Shelling"'))
    assert first.text == "“Shelling”"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("KYIV, June 26 (Reuters) - Russian missiles struck", "2022-06-27", "2022-06-26"),
        ("KABUL, Afghanistan (Jan. 25, 2013) – Afghan and coalition forces", None, "2013-01-25"),
        ("MOSCOW, June 26. /TASS/. The Russian army", "2022-06-28", "2022-06-26"),
        ("GOMA, Democratic Republic of Congo, 3 February (AFP) - M23", "2024-02-04", "2024-02-03"),
        ("KYIV, Dec 30 (Reuters) - Air raid", "2023-01-02", "2022-12-30"),
        ("KYIV, June 26 (Reuters) - No year and no publication day", None, None),
        ("Headline here\n\nKHARTOUM, Sept. 9 (Wire) -- Shelling", "2023-09-10", "2023-09-09"),
        ("On June 26 Russian missiles struck Kyiv.", "2022-06-27", None),
        ("Russian forces shelled Kharkiv - officials", "2022-06-27", None),
        ("Fighting broke out June 26 - officials said", "2022-06-27", None),
        ("KYIV, February 30 (Reuters) - Bad day", "2022-03-01", None),
    ],
)
def test_datelines(text: str, published: str | None, expected: str | None) -> None:
    assert find_dateline(text, published) == expected


def test_dateline_read_after_a_masked_lead() -> None:
    lead = "BEIRUT, Oct 3 (Wire) - Israeli strikes hit the southern suburbs of Beirut overnight"
    text = f"{lead[:60]}\n\n{lead}, killing four people, the health ministry said."
    cleaned = _clean(text, published="2024-10-04")
    assert cleaned.analysis.startswith("BEIRUT, Oct 3")
    assert cleaned.dateline_date == "2024-10-03"
