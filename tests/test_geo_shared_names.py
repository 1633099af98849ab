"""Country and region names world news prints that the gazetteer's own names lack, on short
sentences of our own: "Congo" (two countries; the text's places decide, else the DRC, as wire
services use it), "Korea", and regions such as Nagorno-Karabakh."""

from __future__ import annotations

import pytest

from conflictwire.geo import Geocoder
from tests.geo_support import places_named as _places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Fighting between rebels and the army in eastern Congo displaced thousands near "
            "Goma, the capital of North Kivu province.",
            "CD",
        ),
        ("Congo's army said on Sunday that the rebels had withdrawn.", "CD"),
        (
            "Health workers in Brazzaville said the outbreak in Congo's Cuvette-Ouest region "
            "had slowed.",
            "CG",
        ),
    ],
)
def test_congo_is_the_congo_the_text_tells(geocoder: Geocoder, text: str, country: str) -> None:
    congo = _places(geocoder, text)["Congo"]
    assert congo is not None and congo.kind == "country" and congo.country_code == country


def test_korea_is_the_country_not_a_town(geocoder: Geocoder) -> None:
    korea = _places(geocoder, "Exports from Korea rose in May, the trade ministry said.")["Korea"]
    assert korea is not None and korea.kind == "country" and korea.country_code == "KR"


@pytest.mark.parametrize(
    ("name", "country"),
    [("Nagorno-Karabakh", "AZ"), ("Baluchistan", "PK"), ("Donbass", "UA")],
)
def test_regions_of_conflict_news(geocoder: Geocoder, name: str, country: str) -> None:
    place = _places(geocoder, f"Clashes were reported in {name} on Monday, officials said.")[name]
    assert place is not None and place.country_code == country
    assert place.kind in ("admin1", "other")


def test_the_levant_is_a_region(geocoder: Geocoder) -> None:
    levant = _places(geocoder, "Drought has spread across the Levant this year.")["Levant"]
    assert levant is not None and levant.feature_code == "RGN"


def test_the_gulf_is_the_persian_gulf_not_a_province(geocoder: Geocoder) -> None:
    gulf = _places(geocoder, "Tankers in the Gulf were attacked, Iran said.")["Gulf"]
    assert gulf is not None and gulf.feature_code == "GULF" and gulf.kind == "other"
    province = _places(geocoder, "Floods hit Gulf Province in Papua New Guinea.")["Gulf Province"]
    assert province is not None and province.kind == "admin1" and province.country_code == "PG"


@pytest.mark.parametrize(
    "text",
    ["Oil spread across the Gulf of Alaska on Monday.", "Yachts anchored in the Bay of Islands."],
)
def test_an_unknown_gulf_or_bay_is_none_of_its_words(geocoder: Geocoder, text: str) -> None:
    # Neither "Gulf" (a province of Papua New Guinea) nor the place the water is named after.
    assert _places(geocoder, text) == {}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Warships crossed the Taiwan Strait on Monday.", "Taiwan Strait", "STRT"),
        ("Houthi drones targeted ships in the Bab el-Mandeb.", "Bab el-Mandeb", "STRT"),
        ("Migrants tried to cross the English Channel in small boats.", "English Channel", "SEA"),
        ("Air defences were reinforced in the Baltics.", "Baltics", "RGN"),
    ],
)
def test_straits_seas_and_regions_named_after_a_place(
    geocoder: Geocoder, text: str, name: str, code: str
) -> None:
    # Not Taiwan the country, Bab in Slovakia or the United Kingdom through "English".
    place = _places(geocoder, text)[name]
    assert place is not None and place.feature_code == code and place.kind == "other"
