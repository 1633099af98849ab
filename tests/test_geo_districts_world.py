"""World news, fourth round of issue 16: districts GeoNames places only through their region,
world cities against villages of their name, England's regions, former countries and mines.

Short sentences of our own in the style of wire reports; the real index is used.
"""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from conflictwire.geo.build import clean_region_name
from tests.geo_support import place_named as _place
from tests.geo_support import places_named as _places


@pytest.mark.parametrize(
    ("raw", "bare"),
    [
        ("Kabupaten Karo", "Karo"),
        ("Amphoe Rueso", "Rueso"),
        ("Shahrestān-e Zahedan", "Zahedan"),
        ("Markaz Mallawi", "Mallawi"),
        ("Kota Medan", "Medan"),
    ],
)
def test_a_local_word_for_district_is_left_out_of_its_name(raw: str, bare: str) -> None:
    assert clean_region_name(raw) == bare


def test_a_district_no_town_places_is_named_beside_its_neighbours(geocoder: Geocoder) -> None:
    """Kenya's Suba district: GeoNames links no town to it, so it sits at its county's point;
    beside Migori and Homa Bay it is Kenya's, not Suva, the capital of Fiji."""
    text = "Polling stations in Suba, Migori and Homa Bay opened late, Kenyan officials said."
    place = _place(geocoder, text, "Suba")
    assert (place.country_code, place.kind) == ("KE", "admin2")


def test_an_indonesian_regency_is_its_bare_name(geocoder: Geocoder) -> None:
    text = "Three children from the Karo district of North Sumatra were taken to Medan."
    place = _place(geocoder, text, "Karo district")
    assert (place.country_code, place.kind) == ("ID", "admin2")


@pytest.mark.parametrize(
    "text",
    [
        "One KIA, two WIA amid shelling in Donbas, the JFO said.",
        "A shell hit a school in Kirovsky district of Donetsk on Monday.",
    ],
)
def test_a_district_placed_only_by_its_region_needs_its_country_named(
    geocoder: Geocoder, text: str
) -> None:
    """An acronym or a city's district is no district of the Solomon Islands or Russia placed
    at its region's point; and it does not pull Donetsk to Russia's town of that name."""
    places = _places(geocoder, text)
    assert all(p is None or p.country_code == "UA" for p in places.values()), places


def test_a_world_city_beats_a_village_of_its_name_in_a_named_state(geocoder: Geocoder) -> None:
    text = "The mayor of Boston declared a flu emergency as New York's governor asked for vaccine."
    place = _place(geocoder, text, "Boston")
    assert (place.country_code, place.admin1) == ("US", "Massachusetts")


def test_an_address_still_names_the_village(geocoder: Geocoder) -> None:
    place = _place(geocoder, "A barn burned in Boston, N.Y., on Tuesday.", "Boston")
    assert (place.country_code, place.admin1) == ("US", "New York")


@pytest.mark.parametrize(
    ("text", "name", "code", "country"),
    [
        ("Floods closed roads across South West England.", "South West England", "RGN", "GB"),
        ("Police in the West Midlands made two arrests.", "West Midlands", "RGN", "GB"),
        ("Wolves were seen in Hedmark last winter.", "Hedmark", "ADMH", "NO"),
        ("The Soviet Union tested the weapon in 1961.", "Soviet Union", "PCLH", None),
    ],
)
def test_regions_and_former_countries_are_areas_not_towns(
    geocoder: Geocoder, text: str, name: str, code: str, country: str | None
) -> None:
    place = _place(geocoder, text, name)
    assert place.feature_code == code
    assert place.country_code == country


def test_a_known_mine_is_at_its_mine_not_a_village_of_its_name(geocoder: Geocoder) -> None:
    """Yanacocha, Peru's gold mine by Cajamarca, not the hamlet of that name in Pasco."""
    place = _place(geocoder, "Farmers blocked the road to the Yanacocha mine.", "Yanacocha")
    assert (place.feature_code, place.country_code) == ("MN", "PE")
    assert place.latitude is not None and place.latitude > -8.0


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Police in Freiburg arrested two men.", "Freiburg", "Baden-Württemberg"),
        ("Police in Marburg arrested two men.", "Marburg", "Hessen"),
        ("Police in Halle arrested two men.", "Halle", "Sachsen-Anhalt"),
    ],
)
def test_a_city_is_its_short_name_not_a_smaller_namesake(
    geocoder: Geocoder, text: str, name: str, admin1: str
) -> None:
    """Freiburg im Breisgau, Marburg an der Lahn, Halle (Saale): news prints the short name,
    which is theirs, not Fribourg (and its canton), a Queensland hamlet or Halle in Belgium."""
    place = _place(geocoder, text, name)
    assert (place.country_code, place.admin1) == ("DE", admin1)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Marburg virus killed 90 people in Uige province, Angolan officials said.", "Marburg"),
        ("Farmers feared Rift Valley fever after the floods near Garissa.", "Rift Valley"),
        ("About 1 in 200 adults are living with HIV, and many more with hepatitis.", "HIV"),
        ('"We are still counting the sacks," Cordero continued in Caracas.', "Cordero"),
    ],
)
def test_diseases_acronyms_and_speakers_are_no_places(
    geocoder: Geocoder, text: str, word: str
) -> None:
    assert word not in [m.text for m in geocoder.geoparse(text)]


def test_a_dateline_after_a_headline_is_a_place(geocoder: Geocoder) -> None:
    text = "Book sale opens. MALTA – About 5,000 books were stacked on tables."
    assert "MALTA" in [m.text for m in geocoder.geoparse(text)]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Protesters marched past the White House on Sunday.", "White House", "US"),
        ("A drone was seen over Downing Street, police said.", "Downing Street", "GB"),
        ("The envoy was received at the Elysee Palace.", "Elysee Palace", "FR"),
    ],
)
def test_a_seat_of_government_is_in_its_capital(
    geocoder: Geocoder, text: str, name: str, country: str
) -> None:
    """The White House in Washington, not White House, Tennessee."""
    place = _place(geocoder, text, name)
    assert (place.kind, place.country_code) == ("other", country)


def test_a_saints_hospital_abroad_is_no_town_of_the_saints_name(geocoder: Geocoder) -> None:
    text = "Crowds filled the St. Nicolas hospital in Saint-Marc, Haitian officials said."
    assert "St. Nicolas" not in [m.text for m in geocoder.geoparse(text)]
    local = "He was treated at St. Cloud Hospital after a crash near Sauk Rapids, Minnesota."
    assert _place(geocoder, local, "St. Cloud").admin1 == "Minnesota"


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Police in Manchester said two men were held.", "Manchester", "GB", "England"),
        ("Police in Toledo said two men were held.", "Toledo", "US", "Ohio"),
    ],
)
def test_a_city_beats_a_small_countrys_region_of_its_name(
    geocoder: Geocoder, text: str, name: str, country: str, admin1: str
) -> None:
    """Not Jamaica's Manchester parish nor Belize's Toledo District, with nothing else said."""
    place = _place(geocoder, text, name)
    assert (place.country_code, place.admin1) == (country, admin1)


def test_a_list_of_parishes_keeps_a_countrys_first_level(geocoder: Geocoder) -> None:
    """Jamaica's parishes are its first-level regions; the list once raised a KeyError."""
    text = "Heavy rain flooded Manchester and Clarendon parishes, Jamaican police said."
    place = _place(geocoder, text, "Manchester")
    assert (place.country_code, place.kind) == ("JM", "admin1")


def test_a_storms_name_is_no_place(geocoder: Geocoder) -> None:
    storm = "Hurricane Katrina flooded New Orleans; Cyclone Larry later hit Innisfail."
    assert [m.text for m in geocoder.geoparse(storm)] == ["New Orleans", "Innisfail"]
    town = "Deputies and Hurricane police searched the bridge in Hurricane, West Virginia."
    assert [m.text for m in geocoder.geoparse(town)][:2] == ["Hurricane", "Hurricane"]
