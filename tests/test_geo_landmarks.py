"""World news, second round (issue 16): countries at their conventional points, known
landmarks and natural features, world cities over alternate spellings, lists of countries and
a name the text once makes explicit.

Short sentences of our own in the style of wire reports; the real index is used.
"""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from conflictwire.geo.katottg import haversine_km
from conflictwire.records import Place


def _all(geocoder: Geocoder, text: str, name: str) -> list[Place | None]:
    return [m.place for m in geocoder.geoparse(text) if m.text == name]


def _place(geocoder: Geocoder, text: str, name: str) -> Place:
    places = _all(geocoder, text, name)
    assert places and places[0] is not None, name
    return places[0]


def _km(place: Place, lat: float, lon: float) -> float:
    assert place.latitude is not None and place.longitude is not None
    return haversine_km(place.latitude, place.longitude, lat, lon)


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Exports from Canada to Europe fell in March.", "Canada", (60.0, -95.0)),
        ("Trade talks between the United States and Brazil resumed.", "United States", (40, -100)),
        ("Poultry farms in China reported new outbreaks.", "China", (35.0, 103.0)),
    ],
)
def test_a_country_sits_at_its_conventional_point(
    geocoder: Geocoder, text: str, name: str, point: tuple[float, float]
) -> None:
    place = _place(geocoder, text, name)
    assert place.kind == "country"
    assert _km(place, *point) < 30


def test_a_country_keeps_its_geonames_id(geocoder: Geocoder) -> None:
    # Gold that gives GeoNames ids matches a country by it, whatever its point.
    place = _place(geocoder, "Flights to Canada were cancelled.", "Canada")
    assert place.geonames_id == 6251999


@pytest.mark.parametrize(
    ("text", "name", "feature", "near"),
    [
        (
            "The soldier died at his home near Fort Hood military base, the Army said.",
            "Fort Hood",
            "MILB",
            (31.1, -97.8),
        ),
        (
            "The two men met at a sushi bar in Piccadilly on Tuesday.",
            "Piccadilly",
            "ST",
            (51.51, -0.14),
        ),
        (
            "Thousands of pilgrims gathered in St. Peter's Square for the blessing.",
            "St. Peter's Square",
            "SQR",
            (41.9, 12.46),
        ),
        (
            "Samples were flown to Heathrow Airport and then to a laboratory.",
            "Heathrow Airport",
            "AIRP",
            (51.47, -0.45),
        ),
    ],
)
def test_a_known_landmark_is_at_its_place(
    geocoder: Geocoder, text: str, name: str, feature: str, near: tuple[float, float]
) -> None:
    place = _place(geocoder, text, name)
    assert place.feature_code == feature
    assert _km(place, *near) < 10


@pytest.mark.parametrize(
    ("text", "name", "feature", "country"),
    [
        ("Dead swans were found on the shore of Lake Victoria.", "Lake Victoria", "LK", ""),
        ("The virus may cross the Ural Mountains into Russia.", "Ural Mountains", "MTS", "RU"),
        ("Farmers in the Danube Delta culled their flocks.", "Danube Delta", "DLTA", "RO"),
        (
            "Cholera spread through Nyanza Province, Kenya, last week.",
            "Nyanza Province",
            "ADMH",
            "KE",
        ),
    ],
)
def test_a_natural_feature_or_former_province_is_no_town(
    geocoder: Geocoder, text: str, name: str, feature: str, country: str
) -> None:
    place = _place(geocoder, text, name)
    assert place.kind == "other"
    assert (place.feature_code, place.country_code or "") == (feature, country)


def test_a_natural_feature_is_no_event_point(geocoder: Geocoder) -> None:
    text = "Gunmen attacked fishing boats on Lake Victoria on Sunday."
    mentions = geocoder.geoparse(text)
    assert any(m.text == "Lake Victoria" and m.place is not None for m in mentions)
    location = geocoder.locate(text, 0, len(text), mentions)
    assert location.place is None


def test_a_big_city_beats_a_town_that_has_its_name_only_as_a_spelling(
    geocoder: Geocoder,
) -> None:
    # Pittsburg, Calif. lists "Pittsburgh" among its other spellings; the text's Californian
    # places do not make the Pennsylvanian city's name mean it.
    text = (
        "Clinics in San Diego and Los Angeles, California, ran out of vaccine. A doctor at "
        "the Children's Hospital of Pittsburgh said demand had doubled."
    )
    place = _place(geocoder, text, "Pittsburgh")
    assert (place.name, place.admin1) == ("Pittsburgh", "Pennsylvania")


def test_a_town_named_outright_keeps_its_chance(geocoder: Geocoder) -> None:
    text = "A refinery fire in Pittsburg, California, sent smoke over Antioch."
    place = _place(geocoder, text, "Pittsburg")
    assert (place.name, place.admin1) == ("Pittsburg", "California")


def test_two_countries_in_a_row_are_a_list(geocoder: Geocoder) -> None:
    text = "Several governments, among them China, Japan and Britain, issued travel warnings."
    place = _place(geocoder, text, "China")
    assert (place.kind, place.country_code) == ("country", "CN")


def test_a_name_the_text_once_makes_explicit_keeps_that_reading(geocoder: Geocoder) -> None:
    text = (
        "Hospitals in Ontario are full. Patients may be sent elsewhere in the province of "
        "Ontario, or to Buffalo, New York, across the border. Doctors in New York said "
        "they could take some women from Ontario."
    )
    places = _all(geocoder, text, "Ontario")
    assert len(places) == 3
    assert all(p is not None and (p.kind, p.country_code) == ("admin1", "CA") for p in places)


def test_a_former_country_name_is_the_country(geocoder: Geocoder) -> None:
    place = _place(geocoder, "The strain was first isolated in Zaire in 1976.", "Zaire")
    assert (place.kind, place.country_code) == ("country", "CD")
    province = _place(geocoder, "Angola reported cases in Zaire province.", "Zaire province")
    assert (province.kind, province.country_code) == ("admin1", "AO")


def test_a_world_city_named_like_a_rare_word_mid_sentence(geocoder: Geocoder) -> None:
    text = "The aid workers drove from the capital, Juba, towards the border."
    place = _place(geocoder, text, "Juba")
    assert (place.country_code, place.feature_code) == ("SS", "PPLC")
    # The ordinary word stays a word.
    assert geocoder.geoparse("A herd of buffalo crossed the river at dawn.") == []


def test_two_regions_joined_by_and_in_are_a_list(geocoder: Geocoder) -> None:
    # Wales is also a village in England; listed beside England it is the nation.
    text = "Hospitals in Wales and in England cancelled routine surgery."
    place = _place(geocoder, text, "Wales")
    assert (place.kind, place.country_code) == ("admin1", "GB")


def test_a_former_province_by_its_other_names(geocoder: Geocoder) -> None:
    text = "Measles spread in the province of West Kasai, in the Democratic Republic of Congo."
    place = _place(geocoder, text, "West Kasai")
    assert (place.name, place.feature_code, place.country_code) == (
        "Kasai-Occidental",
        "ADMH",
        "CD",
    )


def test_a_world_region_by_its_full_name_is_never_a_town(geocoder: Geocoder) -> None:
    # Middle East is also a hamlet in Maryland; the Maryland places beside it do not matter.
    text = "Troops in the Middle East were put on alert, an official in Baltimore, Maryland, said."
    place = _place(geocoder, text, "Middle East")
    assert (place.kind, place.feature_code) == ("other", "RGN")


def test_a_dateline_names_a_town_not_a_state(geocoder: Geocoder) -> None:
    text = "Senate delays vote on farm bill. WASHINGTON — Senators put off a vote on Tuesday."
    place = _place(geocoder, text, "WASHINGTON")
    assert (place.kind, place.feature_code, place.country_code) == ("settlement", "PPLC", "US")


def test_a_city_of_millions_whose_country_is_named_beats_a_namesake_abroad(
    geocoder: Geocoder,
) -> None:
    # The story names the United States and its towns more often than Russia; Russia and
    # Moscow still make St. Petersburg Russia's.
    text = (
        "An American collector from Tulsa, Oklahoma, bought the painting in New York. The "
        "U.S. dealer said the work was shown in Moscow and St. Petersburg before it left Russia."
    )
    place = _place(geocoder, text, "St. Petersburg")
    assert place.country_code == "RU"
