"""Press-release places ("X district, Y province"), English region names, and Russian-spelt
or ambiguous Ukrainian names, on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwire.geo import Geocoder
from conflictwire.geo.katottg import adjective_forms
from conflictwire.geo.normalize import plain_admin_name, ru_style_variants
from conflictwire.records import EventLocation
from tests.geo_support import places_named as _places

_FIXTURE = Path(__file__).parent / "fixtures" / "geo" / "press_releases.txt"
_AFGHAN_PROVINCES = [
    "Badakhshan",
    "Badghis",
    "Baghlan",
    "Balkh",
    "Bamyan",
    "Daykundi",
    "Farah",
    "Faryab",
    "Ghazni",
    "Ghor",
    "Helmand",
    "Herat",
    "Jowzjan",
    "Kabul",
    "Kandahar",
    "Kapisa",
    "Khost",
    "Kunar",
    "Kunduz",
    "Laghman",
    "Logar",
    "Nangarhar",
    "Nimroz",
    "Nuristan",
    "Paktika",
    "Paktiya",
    "Panjshir",
    "Parwan",
    "Samangan",
    "Sar-e-Pul",
    "Takhar",
    "Uruzgan",
    "Wardak",
    "Zabul",
]


def _locate(geocoder: Geocoder, text: str) -> EventLocation:
    return geocoder.locate(text, 0, len(text), geocoder.geoparse(text))


def _releases() -> list[tuple[str, str]]:
    lines = _FIXTURE.read_text("utf-8").splitlines()
    return [(t, p) for t, p in (ln.split("\t") for ln in lines if ln and ln[0] != "#")]


@pytest.mark.parametrize(("text", "province"), _releases())
def test_a_press_release_is_coded_inside_its_named_province(
    geocoder: Geocoder, text: str, province: str
) -> None:
    loc = _locate(geocoder, text)
    assert loc.place is not None
    assert loc.place.country_code == "AF"
    assert loc.place.admin1 == province
    assert loc.place.name != "Kabul"  # the dateline is where it was filed, not the scene
    assert loc.place.name.isascii()  # "Pul-e Alam", not GeoNames' "Pul-e ‘Alam"


def test_a_district_unknown_in_its_province_falls_back_to_the_province(
    geocoder: Geocoder,
) -> None:
    # GeoNames has a Nawa in Côte d'Ivoire, not one in Helmand.
    loc = _locate(geocoder, "Troops detained a suspect in Nawa district, Helmand province.")
    assert loc.place is not None and loc.place.kind == "admin1"
    assert (loc.place.name, loc.precision) == ("Helmand", 3)
    assert loc.place.latitude is not None and 31 < loc.place.latitude < 32.5  # Lashkar Gah
    assert _places(geocoder, "in Nawa district, Helmand province")["Nawa district"] is None


def test_a_known_district_is_read_inside_the_named_province(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, "A force killed two fighters in Andar district, Ghazni province.")
    assert loc.place is not None
    assert (loc.place.admin1, loc.place.admin2, loc.precision) == ("Ghazni", "Andar", 2)


def test_a_small_namesake_abroad_loses_to_the_named_country(geocoder: Geocoder) -> None:
    text = "KABUL, Afghanistan (Reuters) – Gunmen attacked a checkpoint in Chapa on Monday."
    loc = _locate(geocoder, text)
    assert loc.place is None or loc.place.country_code == "AF"
    assert loc.country == "Afghanistan"


@pytest.mark.parametrize("name", _AFGHAN_PROVINCES)
def test_afghan_provinces_have_their_english_names(geocoder: Geocoder, name: str) -> None:
    place = _places(geocoder, f"Clashes were reported in {name} province.")[f"{name} province"]
    assert place is not None and place.kind == "admin1" and place.country_code == "AF"
    assert place.admin1 == name and place.name == name


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Paktya province", "Paktiya"),
        ("Oruzgan province", "Uruzgan"),
        ("Nineveh governorate", "Ninewa"),
        ("Aleppo governorate", "Aleppo"),
        ("Hodeidah governorate", "Al Hudaydah"),
        ("North Kivu province", "North Kivu"),
        ("Tombouctou region", "Timbuktu"),
    ],
)
def test_region_spellings_come_out_in_common_english(
    geocoder: Geocoder, text: str, admin1: str
) -> None:
    place = _places(geocoder, f"Fighting was reported in {text} on Monday.")[text]
    assert place is not None and place.admin1 == admin1


def test_admin_names_of_troubled_countries_are_plain_ascii(geocoder: Geocoder) -> None:
    view = geocoder.view
    countries = {"AF", "IQ", "SY", "YE", "NG", "CD", "SD", "MM", "SO", "UA"}
    names = [
        view.name(pid)
        for pid in range(len(view))
        if view.kind(pid) in ("admin1", "admin2") and view.cc(pid) in countries
    ]
    assert len(names) > 300
    assert [n for n in names if not n.isascii()] == []


def test_only_romanization_marks_are_folded() -> None:
    assert plain_admin_name("Ghaznī") == "Ghazni"
    assert plain_admin_name("Şabarī") == "Sabari"
    assert plain_admin_name("Kunaṟ") == "Kunar"
    assert plain_admin_name("Ḩalab") == "Halab"
    # A language written in Latin letters keeps its accents.
    assert plain_admin_name("Île-de-France") == "Île-de-France"
    assert plain_admin_name("Jihočeský") == "Jihočeský"


@pytest.mark.parametrize(
    "text", ["Russian forces continued the shelling of Donetsk.", "Donetsk reports two dead."]
)
def test_a_big_city_beats_a_village_of_a_similar_name(geocoder: Geocoder, text: str) -> None:
    place = _places(geocoder, text)["Donetsk"]
    assert place is not None and place.name == "Donetsk" and place.kind == "settlement"
    assert (place.population or 0) > 500_000


def test_a_bare_city_name_is_the_city_not_its_region(geocoder: Geocoder) -> None:
    city = _locate(geocoder, "Russian troops shelled Kherson on Monday.")
    assert city.place is not None and city.place.kind == "settlement" and city.precision == 1
    for text in (
        "Russian troops shelled the Kherson region on Monday.",
        "Russian troops shelled Kherson oblast on Monday.",
        "Russian troops shelled Kherson and Mykolaiv regions on Monday.",
    ):
        loc = _locate(geocoder, text)
        assert loc.place is not None and loc.place.kind == "admin1", text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting continued in the Krasnolimansk direction.", "Lyman"),
        ("Russian forces attacked Novodarovka in Zaporizhzhia region.", "Novodarivka"),
        ("Strikes hit the Nikolaev-Krivoy Rog direction.", "Mykolaiv"),
        ("Strikes hit the Nikolaev-Krivoy Rog direction.", "Kryvyi Rih"),
    ],
)
def test_russian_spellings_reach_the_ukrainian_place(
    geocoder: Geocoder, text: str, expected: str
) -> None:
    found = [p for p in _places(geocoder, text).values() if p is not None]
    assert any(p.name == expected and p.country_code == "UA" for p in found)


def test_russian_variant_patterns() -> None:
    assert "avdeevka" in ru_style_variants("avdiivka")
    assert "novodarovka" in ru_style_variants("novodarivka")
    assert {"krasnoliman", "krasnolimansk"} <= set(adjective_forms("krasny liman"))
    assert "krivorog" in adjective_forms("krivoy rog")


def test_a_district_belongs_to_the_province_its_paragraph_names(geocoder: Geocoder) -> None:
    text = (
        "In Ghazni province, a force detained a suspect.\n\n"
        "In Helmand province, troops killed an insurgent. In Nawa district, they seized opium."
    )
    place = _places(geocoder, text)["Nawa district"]
    # GeoNames knows a Nawa district in Ghazni and one in Côte d'Ivoire, none in Helmand.
    assert place is None or place.admin1 == "Helmand"


def test_a_direction_is_near_its_towns(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, "Russian forces attacked in the Nikolaev-Krivoy Rog direction.")
    assert loc.place is not None and loc.precision == 2
