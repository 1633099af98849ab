"""World news, fifth round of issue 16: names romanized from Arabic, a town abroad known only
by another spelling, an office's city after an acronym, "the X area" and bays named after towns.

Short sentences of our own in the style of wire reports; the real index is used.
"""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from conflictwire.geo.keys import arabic_forms
from tests.geo_support import place_named as _place
from tests.geo_support import places_named as _places


def test_arabic_forms_drop_the_article_and_the_final_h() -> None:
    forms = arabic_forms("ad daqahliyah")
    assert {"daqahliyah", "daqahliya", "daqahlia"} <= forms
    assert "ad daqahliyah" not in forms
    assert arabic_forms("asyut") == set()  # no article, no "-iyah": nothing to add
    assert arabic_forms("al bab") == set()  # a bare name of under four letters is no key


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Two clinics in Daqahliya closed after the outbreak.", "Daqahliya", "EG"),
        ("Farmers in Qalyubiya reported dead poultry to the ministry.", "Qalyubiya", "EG"),
        ("Police in Sharqiya arrested three men, the governorate said.", "Sharqiya", "EG"),
    ],
)
def test_an_arab_region_is_found_without_its_article(
    geocoder: Geocoder, text: str, name: str, code: str
) -> None:
    """GeoNames files Egypt's governorates as "Ad Daqahliyah", "Al Qalyubiyah": news prints
    them without the article and often with "-iya"."""
    place = _place(geocoder, text, name)
    assert (place.country_code, place.kind) == (code, "admin1")


def test_a_spelling_of_a_town_abroad_is_no_place_where_the_text_puts_it(
    geocoder: Geocoder,
) -> None:
    """The index knows "Kalam" only as another spelling of Kallam, a town in Maharashtra; the
    text puts it in Pakistan's Swat Valley, so it is a town the index lacks, not Kallam."""
    text = "Flood relief reached Kalam in the Swat Valley on Friday, Pakistani officials said."
    places = _places(geocoder, text)
    assert all(p is None or p.country_code != "IN" for p in places.values()), places
    assert places["Swat Valley"] is not None and places["Swat Valley"].country_code == "PK"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A Ukrainian village in its Russian spelling stays, whatever other country is named.
        (
            "A depot near Stepanovka was destroyed by gunners of the Russian Federation.",
            "Stepanovka",
        ),
        ("Shells hit Stepanovka, Kherson region, on Monday.", "Stepanovka"),
    ],
)
def test_a_spelling_of_a_town_stays_where_the_text_agrees(
    geocoder: Geocoder, text: str, name: str
) -> None:
    assert _place(geocoder, text, name).country_code == "UA"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "The samples were flown to CDC Atlanta for tests, the health ministry said.",
            "Atlanta",
            "US",
        ),
        ("According to UNICEF Nairobi, the convoy left at dawn.", "Nairobi", "KE"),
    ],
)
def test_a_world_city_after_an_acronym_is_the_office_city(
    geocoder: Geocoder, text: str, name: str, code: str
) -> None:
    """ "CDC Atlanta": an agency's office in the city, not a person called Atlanta."""
    assert _place(geocoder, text, name).country_code == code


@pytest.mark.parametrize(
    "text",
    [
        # A precinct's name: the city names the unit.
        "Reporters asked the NYPD Brooklyn precinct chief about the arrests.",
        # A surname after a given name stays a person.
        "Coach Raquel Atlanta said the team would travel on Sunday.",
    ],
)
def test_a_city_inside_a_unit_or_a_person_name_is_no_office(geocoder: Geocoder, text: str) -> None:
    places = _places(geocoder, text)
    assert "Brooklyn" not in places and "Atlanta" not in places, places


def test_an_ordinary_word_before_area_is_the_place(geocoder: Geocoder) -> None:
    """ "fife" is a word (a small flute); "the Fife area" in a Scottish story is the county."""
    text = "Swans found dead in the Fife area tested positive, officials in Edinburgh said."
    place = _place(geocoder, text, "Fife")
    assert place.country_code == "GB"


def test_an_ordinary_word_opening_a_sentence_still_needs_a_cue(geocoder: Geocoder) -> None:
    places = _places(geocoder, "Fife players led the parade through the town.")
    assert "Fife" not in places, places


def test_a_bay_the_index_lacks_is_not_the_town_it_is_named_after(geocoder: Geocoder) -> None:
    """Islington Bay lies off Auckland, far from any town called Islington."""
    text = "Kayakers camped overnight at Islington Bay, near Auckland, on Sunday."
    places = _places(geocoder, text)
    assert "Islington" not in places and "Islington Bay" not in places, places
    assert places["Auckland"] is not None and places["Auckland"].country_code == "NZ"


def test_a_town_whose_name_ends_in_bay_is_still_the_town(geocoder: Geocoder) -> None:
    place = _place(geocoder, "A Green Bay man was charged on Tuesday, police said.", "Green Bay")
    assert (place.country_code, place.admin1) == ("US", "Wisconsin")
