"""Document context and precision rules of the geocoder, on short sentences of our own."""

from __future__ import annotations

from conflictwire.geo import Geocoder
from conflictwire.geo.katottg import haversine_km
from conflictwire.records import EventLocation, Place
from tests.geo_support import places_named as _places


def _locate(geocoder: Geocoder, text: str) -> EventLocation:
    return geocoder.locate(text, 0, len(text), geocoder.geoparse(text))


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude or 0, a.longitude or 0, b.latitude or 0, b.longitude or 0)


def test_region_names_mean_the_region_not_a_small_namesake(geocoder: Geocoder) -> None:
    text = (
        "Lawmakers in Oregon and Kansas debated the bill on Tuesday, while a guard unit "
        "came home from Italy."
    )
    places = _places(geocoder, text)
    for state in ("Oregon", "Kansas"):
        place = places[state]
        assert place is not None and place.kind == "admin1" and place.admin1 == state
    italy = places["Italy"]
    assert italy is not None and italy.kind == "country" and italy.country_code == "IT"


def test_a_qualified_namesake_still_wins(geocoder: Geocoder) -> None:
    places = _places(geocoder, "The fair opened in Paris, Texas, on Saturday.")
    paris = places["Paris"]
    assert paris is not None and paris.country_code == "US" and paris.admin1 == "Texas"


def test_a_named_county_holds_its_towns(geocoder: Geocoder) -> None:
    text = "Walker County commissioners met in Huntsville on Monday to discuss the burn ban."
    places = _places(geocoder, text)
    county, town = places["Walker County"], places["Huntsville"]
    assert county is not None and town is not None
    assert town.admin1 == county.admin1 and town.admin2 == county.admin2
    assert _km(town, county) < 60


def test_partners_of_a_firm_are_not_places(geocoder: Geocoder) -> None:
    text = "The design firm Stevens & Wilkinson sued the city of Columbia, S.C., on Monday."
    places = _places(geocoder, text)
    assert "Stevens" not in places and "Wilkinson" not in places
    columbia = places["Columbia"]
    assert columbia is not None and columbia.admin1 == "South Carolina"


def test_names_do_not_run_across_sentences(geocoder: Geocoder) -> None:
    text = "The meeting was held at the Civic Center. City officials said little."
    assert not any("." in m.text for m in geocoder.geoparse(text))


def test_the_first_words_of_a_natural_feature_are_not_a_town(geocoder: Geocoder) -> None:
    text = "Hikers were rescued in Zion National Park, and orcas returned to Puget Sound."
    names = {m.text for m in geocoder.geoparse(text)}
    assert not names & {"Zion", "Puget"}


def test_a_street_or_river_named_after_a_place_is_not_the_scene(geocoder: Geocoder) -> None:
    street = _locate(geocoder, "A missile hit Shevchenko Boulevard in Kharkiv overnight.")
    assert street.place is not None and street.place.name == "Kharkiv"
    river = _locate(geocoder, "Russian forces shelled boats on the Dnipro River near Kherson.")
    assert river.place is not None and river.place.name == "Kherson"


def test_a_capital_standing_for_its_government_is_not_the_scene(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, "Two fighters were killed in Kiev forces' shelling of Horlivka.")
    assert loc.place is not None and loc.place.name == "Horlivka"
    source = _locate(geocoder, "Seven soldiers killed in the east in past day: Kiev")
    assert source.place is None or source.place.name != "Kyiv"
    plain = _locate(geocoder, "A drone hit a power plant in Kyiv on Monday.")
    assert plain.place is not None and plain.place.name == "Kyiv" and plain.precision == 1


def test_self_proclaimed_republics_are_their_regions(geocoder: Geocoder) -> None:
    for text, region in [
        ("Shelling was reported across the LPR on Sunday.", "Luhansk"),
        ("A militia member was killed in the Donetsk Republic.", "Donetsk"),
    ]:
        loc = _locate(geocoder, text)
        assert loc.place is not None and loc.place.admin1 == region, text
        assert loc.precision == 3, text


def test_a_postal_code_after_a_town_is_its_state(geocoder: Geocoder) -> None:
    places = _places(
        geocoder, "The plant in Springfield, IL closed, and one in Portland, ME opened."
    )
    springfield, portland = places["Springfield"], places["Portland"]
    assert springfield is not None and springfield.admin1 == "Illinois"
    assert portland is not None and portland.admin1 == "Maine"
    state = places["IL"]
    assert state is not None and state.kind == "admin1"
    # Without a town before it, a capitalized "IN" or "OR" is a word, not a state.
    assert "OR" not in _places(geocoder, "VOTE YES OR NO ON THE LEVY")


def test_saint_and_mount_are_read_in_their_short_forms(geocoder: Geocoder) -> None:
    places = _places(geocoder, "Deputies in St. Tammany Parish searched the marsh.")
    parish = places["St. Tammany Parish"]
    assert parish is not None and parish.kind == "admin2" and parish.admin1 == "Louisiana"
