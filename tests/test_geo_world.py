"""World news (issue 16): countries, regions, seas, world cities, landmarks and people.

Short sentences of our own in the style of wire reports; the real index is used.
"""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from conflictwire.records import PlaceMention
from tests.geo_support import place_named as _place
from tests.geo_support import places_named as _places


def test_a_country_is_the_country_not_its_capital_or_state(geocoder: Geocoder) -> None:
    text = "Flu cases rose in Mexico, above all in Guerrero and Oaxaca."
    place = _place(geocoder, text, "Mexico")
    assert (place.kind, place.country_code, place.feature_code) == ("country", "MX", "PCLI")


def test_a_demonym_is_its_country(geocoder: Geocoder) -> None:
    text = "Canadian officials kept the border open, a spokesman in Dallas said."
    place = _place(geocoder, text, "Canadian")
    assert (place.kind, place.country_code) == ("country", "CA")


def test_a_province_beats_a_town_abroad(geocoder: Geocoder) -> None:
    text = "Babies may be flown out of the province of Ontario to hospitals in Buffalo, New York."
    place = _place(geocoder, text, "Ontario")
    assert (place.kind, place.country_code, place.feature_code) == ("admin1", "CA", "ADM1")


def test_a_list_of_states_is_a_list_of_states(geocoder: Geocoder) -> None:
    text = "Cases were confirmed in Alaska, California, Missouri, Nevada and Ohio."
    for name in ("California", "Missouri", "Nevada"):
        place = _place(geocoder, text, name)
        assert (place.kind, place.name) == ("admin1", name)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Aid agencies in the Middle East warned of a measles outbreak.", "Middle East", "RGN"),
        ("Floods hit towns across West Africa this year.", "West Africa", "RGN"),
        ("The tanker sank in the Indian Ocean on Sunday.", "Indian Ocean", "OCN"),
        ("A freighter sank in the Red Sea, an Egyptian official said.", "Red Sea", "SEA"),
        ("Volcanic ash fell on villages in Java overnight.", "Java", "ISL"),
    ],
)
def test_world_regions_and_seas_are_no_towns(
    geocoder: Geocoder, text: str, name: str, code: str
) -> None:
    place = _place(geocoder, text, name)
    assert (place.kind, place.feature_code) == ("other", code)
    assert place.latitude is not None


def test_a_world_region_is_no_event_point(geocoder: Geocoder) -> None:
    text = "Clashes were reported across the Middle East on Friday."
    location = geocoder.locate(text, 0, len(text), geocoder.geoparse(text))
    assert location.place is None


def test_world_cities_beat_small_namesakes_without_evidence(geocoder: Geocoder) -> None:
    text = "Rome's mayor greeted pilgrims; flights from Lisbon and Madrid were full."
    for name, country in (("Rome", "IT"), ("Lisbon", "PT"), ("Madrid", "ES")):
        assert _place(geocoder, text, name).country_code == country


def test_one_capital_per_country(geocoder: Geocoder) -> None:
    place = _place(geocoder, "A Washington-based group released the report.", "Washington")
    assert place.feature_code == "PPLC" and (place.population or 0) > 500_000
    town = geocoder.resolve("Washington", country_code="US", admin1="Pennsylvania")
    assert town is not None and town.feature_code == "PPL"


def test_a_landmark_named_after_a_saint_is_no_place(geocoder: Geocoder) -> None:
    # One the landmark table lacks: a known one is at its place (test_geo_landmarks.py).
    mentions = geocoder.geoparse("Pilgrims waited in St. Anne's Square in Rome for the blessing.")
    assert [m.text for m in mentions] == ["Rome"]


def test_a_place_before_a_full_stop_keeps_the_next_sentence(geocoder: Geocoder) -> None:
    mentions: list[PlaceMention] = geocoder.geoparse(
        "Talks ended in Rome. Kyiv said it would wait."
    )
    assert [m.text for m in mentions] == ["Rome", "Kyiv"]


def test_a_place_before_its_office_or_people(geocoder: Geocoder) -> None:
    text = "A Concord resident reported the theft to Concord Police."
    assert [m.text for m in geocoder.geoparse(text)] == ["Concord", "Concord"]


def test_a_person_before_said_is_no_place_but_a_country_is(geocoder: Geocoder) -> None:
    names = [m.text for m in geocoder.geoparse("Lin said the farm was closed. Mexico said so.")]
    assert names == ["Mexico"]


def test_the_tail_of_a_longer_name_abroad_is_dropped(geocoder: Geocoder) -> None:
    text = "Storm damage was worst in the South Midlands, officials in London said."
    assert [m.text for m in geocoder.geoparse(text)] == ["London"]
    # A compass-led name the index knows whole is that region (England's West Midlands).
    region = _place(geocoder, text.replace("South", "West"), "West Midlands")
    assert (region.feature_code, region.country_code) == ("RGN", "GB")
    texan = _place(geocoder, "Storms hit North Texas; Dallas lost power.", "Texas")
    assert (texan.kind, texan.name) == ("admin1", "Texas")


def test_a_surname_of_the_text_stays_a_person(geocoder: Geocoder) -> None:
    text = (
        "The Rev. Dale Lacey was named chaplain in Lufkin. The mayor spoke of Lacey's "
        "appointment and said he talked to Dale on Monday."
    )
    assert [m.text for m in geocoder.geoparse(text)] == ["Lufkin"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Cases were confirmed in Côte d'Ivoire and Ghana.", "Côte d'Ivoire", "CI"),
        ("Aid flights landed in Port-au-Prince on Friday.", "Port-au-Prince", "HT"),
        ("Gunmen attacked a hotel in Acapulco, the Pacific port, at dawn.", "Acapulco", "MX"),
        ("A clinic in Flint, Michigan, USA closed for a week.", "USA", "US"),
        ("The franchise Pizza Hut Canada closed two outlets.", "Canada", "CA"),
        ("The band moved to L.A. after the tour.", "L.A.", "US"),
        ("Tourists in NYC queued for hours.", "NYC", "US"),
        ("Troops left Bosnia and Herzegovina in May.", "Bosnia and Herzegovina", "BA"),
    ],
)
def test_names_the_scanner_used_to_miss(
    geocoder: Geocoder, text: str, name: str, country: str
) -> None:
    assert _place(geocoder, text, name).country_code == country


def test_a_given_name_opening_a_sentence_makes_a_person(geocoder: Geocoder) -> None:
    assert geocoder.geoparse("Michael Jordan scored forty points in Chicago.")[0].text == "Chicago"


def test_a_place_before_the_people_it_is_home_to(geocoder: Geocoder) -> None:
    mentions = geocoder.geoparse("A Reading man was charged with theft in Pennsylvania.")
    assert [m.text for m in mentions] == ["Reading", "Pennsylvania"]


def test_a_town_the_index_lacks_in_a_full_address_stays_unresolved(geocoder: Geocoder) -> None:
    places = _places(geocoder, "The bus broke down in Brighton, Ontario, Canada on Friday.")
    assert places["Brighton"] is None  # not Brighton, England
    assert places["Ontario"] is not None and places["Ontario"].kind == "admin1"


def test_a_feature_the_index_lacks_is_no_town(geocoder: Geocoder) -> None:
    text = "Rangers closed trails in Zion National Park in Utah on Monday."
    assert [m.text for m in geocoder.geoparse(text)] == ["Utah"]  # not National Park, N.J.


def test_a_state_abbreviated_with_a_space_qualifies_its_town(geocoder: Geocoder) -> None:
    places = _places(geocoder, "The mill in Springfield, W. Va., reopened on Monday.")
    assert places["Springfield"] is None  # the West Virginia one the index lacks, not Missouri's
    state = _place(geocoder, "He lives in Wheeling, W. Va., with his wife.", "W. Va")
    assert state.name == "West Virginia"


def test_saint_printed_short_is_the_city_of_that_name(geocoder: Geocoder) -> None:
    place = _place(
        geocoder, "Tourists flocked to St. Petersburg for the White Nights.", "St. Petersburg"
    )
    assert place.country_code == "RU"


def test_a_given_name_with_nothing_near_its_namesake_is_dropped(geocoder: Geocoder) -> None:
    text = "Volunteers in Kentucky thanked Paul and Mary for the trivia night."
    assert [m.text for m in geocoder.geoparse(text)] == ["Kentucky"]


def test_a_university_named_after_a_state_names_no_region(geocoder: Geocoder) -> None:
    text = "Florida State University lost. In Kentucky, the Laurel County team won the bee."
    county = _place(geocoder, text, "Laurel County")
    assert (county.kind, county.admin1) == ("admin2", "Kentucky")


def test_a_town_named_after_a_state_the_index_lacks_is_not_the_state(geocoder: Geocoder) -> None:
    text = "The prison at Tennessee Colony, a Texas hamlet, was locked down."
    assert [m.text for m in geocoder.geoparse(text)] == ["Texas"]


def test_a_brand_named_like_a_town_abroad_is_no_place(geocoder: Geocoder) -> None:
    text = "A Toyota Corolla and a pickup collided near Dallas on Friday."
    assert [m.text for m in geocoder.geoparse(text)] == ["Dallas"]


def test_the_district_of_columbia_is_no_columbia(geocoder: Geocoder) -> None:
    place = _place(geocoder, "A Columbia woman was sentenced on Monday.", "Columbia")
    assert place.kind == "settlement"
    capital = _place(geocoder, "He moved to Washington, D.C. in May.", "Washington")
    assert capital.admin1 == "District of Columbia"


def test_a_country_name_before_its_people_is_a_town(geocoder: Geocoder) -> None:
    place = _place(geocoder, "A Lebanon woman was charged in Indiana on Friday.", "Lebanon")
    assert (place.kind, place.country_code) == ("settlement", "US")
    assert _place(geocoder, "A Lebanese man was hurt.", "Lebanese").kind == "country"
