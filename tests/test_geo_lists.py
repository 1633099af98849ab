"""Lists and addresses in the geocoder's reading, on short sentences of our own: a list that
ends in "counties" is counties, a list of cities is no address, "located in" names the region
that holds a place. Each sentence was read wrong before its rule."""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from conflictwire.records import Place


def _places(geocoder: Geocoder, text: str) -> list[tuple[str, Place | None]]:
    return [(m.text, m.place) for m in geocoder.geoparse(text)]


@pytest.mark.parametrize(
    ("text", "names", "state"),
    [
        (
            "Plows from Albany and St. Cloud cleared drifts in Becker, Douglas, Grant and "
            "Wilkin counties, the Minnesota patrol said.",
            ("Becker", "Douglas", "Wilkin"),
            "Minnesota",
        ),
        (
            "Voters in Jackson, Madison and Oglethorpe counties backed the levy. Athens "
            "schools will get most of it.",
            ("Jackson", "Madison", "Oglethorpe"),
            "Georgia",
        ),
        (
            "Layoffs hit Clarke, Madison, Oconee and Oglethorpe counties, the Georgia labor "
            "office said.",
            ("Clarke", "Madison", "Oconee", "Oglethorpe"),
            "Georgia",
        ),
    ],
)
def test_a_list_ending_in_counties_is_counties(
    geocoder: Geocoder, text: str, names: tuple[str, ...], state: str
) -> None:
    places = dict(_places(geocoder, text))
    for name in names:
        place = places.get(name)
        assert place is not None and place.kind == "admin2", name
        assert place.admin1 == state, name


def test_a_region_before_counties_stays_the_region(geocoder: Geocoder) -> None:
    places = dict(
        _places(geocoder, "At 7 percent, Boone County is near the middle of Indiana counties.")
    )
    indiana = places.get("Indiana")
    assert indiana is not None and indiana.kind == "admin1"


def test_a_town_bare_in_a_list_keeps_its_address(geocoder: Geocoder) -> None:
    text = (
        "Louisville, Ky., Bardstown, Ky., and New Haven, Conn., were named. Louisville, "
        "New Haven and Bardstown were finalists in 2007 too."
    )
    readings = [place for name, place in _places(geocoder, text) if name == "New Haven"]
    assert len(readings) == 2
    assert all(p is not None and p.admin1 == "Connecticut" for p in readings)


@pytest.mark.parametrize("verb", ["located in", "situated in"])
def test_located_in_names_the_region_that_holds_it(geocoder: Geocoder, verb: str) -> None:
    text = (
        f"Ducks found in Crawford County {verb} Pennsylvania tested positive; Ohio and "
        "Michigan officials are watching."
    )
    places = dict(_places(geocoder, text))
    county = places.get("Crawford County")
    assert county is not None and county.kind == "admin2" and county.admin1 == "Pennsylvania"


def test_a_state_abbreviation_makes_an_address_inside_a_list(geocoder: Geocoder) -> None:
    text = (
        "Buyers came from as far as Texas and Washington, D.C., and from Rock Hill, Augusta "
        "and North Carolina."
    )
    washington = dict(_places(geocoder, text))["Washington"]
    assert washington is not None and washington.kind == "settlement"
    assert washington.admin1 == "District of Columbia"


def test_a_country_abbreviation_in_a_list_is_no_address(geocoder: Geocoder) -> None:
    places = dict(_places(geocoder, "Talks between China, U.S. and Japan resumed in Geneva."))
    china = places["China"]
    assert china is not None and china.kind == "country" and china.country_code == "CN"
