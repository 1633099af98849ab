"""Geocoder behaviour on short sentences of our own: spellings, context, precision, distance.

Uses the real index (built once per machine into the cache folder on first use).
"""

from __future__ import annotations

from pathlib import Path

from conflictwire.geo import Geocoder
from conflictwire.geo.katottg import haversine_km
from conflictwire.records import EventLocation

REPORTS = (Path(__file__).parent / "fixtures" / "geo" / "short_reports.txt").read_text("utf-8")


def _locate(geocoder: Geocoder, text: str) -> EventLocation:
    return geocoder.locate(text, 0, len(text), geocoder.geoparse(text))


def _report(number: int) -> str:
    return REPORTS.splitlines()[number]


def test_historic_and_russian_spellings_meet(geocoder: Geocoder) -> None:
    pairs = [
        ("Kiev", "Kyiv"),
        ("Kharkov", "Kharkiv"),
        ("Lisichansk", "Lysychansk"),
        ("Artemivsk", "Bakhmut"),
        ("Kismaayo", "Kismayo"),
    ]
    for variant, official in pairs:
        a, b = geocoder.resolve(variant), geocoder.resolve(official)
        assert a is not None and b is not None, variant
        assert (
            haversine_km(a.latitude or 0, a.longitude or 0, b.latitude or 0, b.longitude or 0) < 5
        )
    severodonetsk = geocoder.resolve("Severodonetsk")
    assert severodonetsk is not None and severodonetsk.admin1 == "Luhansk"


def test_english_region_names(geocoder: Geocoder) -> None:
    kyiv_city = geocoder.resolve("Kyiv")
    assert kyiv_city is not None and kyiv_city.admin1 == "Kyiv City"
    for text, admin1 in [
        ("Kyiv region", "Kyiv"),
        ("Donetsk oblast", "Donetsk"),
        ("Lower Shabelle", "Lower Shabelle"),
        ("Zaporizhzhia Oblast", "Zaporizhia"),
    ]:
        place = geocoder.resolve(text)
        assert place is not None and place.kind == "admin1" and place.admin1 == admin1, text


def test_katottg_village_gets_its_hierarchy(geocoder: Geocoder) -> None:
    place = geocoder.resolve("Berdychi", country_code="UA")
    assert place is not None
    assert place.admin1 == "Donetsk"
    assert place.admin2 == "Pokrovskyi"


def test_region_next_to_a_place_disambiguates(geocoder: Geocoder) -> None:
    for region in ("Kherson", "Mykolaiv"):
        text = f"Russian forces shelled Mykilske, {region}. Casualties unknown."
        mention = next(m for m in geocoder.geoparse(text) if m.text == "Mykilske")
        assert mention.place is not None and mention.place.admin1 == region


def test_document_country_disambiguates(geocoder: Geocoder) -> None:
    us = "Police in Paris, Texas, arrested a man after a chase through Lamar County."
    paris = next(m for m in geocoder.geoparse(us) if m.text == "Paris")
    assert paris.place is not None and paris.place.country_code == "US"
    fr = "Thousands marched in Paris and Lyon against the French pension reform."
    paris = next(m for m in geocoder.geoparse(fr) if m.text == "Paris")
    assert paris.place is not None and paris.place.country_code == "FR"


def test_demonyms_and_abbreviations_are_mentions(geocoder: Geocoder) -> None:
    text = "The Syrian delegation flew from the U.S. to Albany, N.Y., on Monday."
    found = {m.text: m.place for m in geocoder.geoparse(text)}
    assert found["Syrian"] is not None and found["Syrian"].country_code == "SY"
    assert found["U.S."] is not None and found["U.S."].kind == "country"
    assert found["N.Y."] is not None and found["N.Y."].admin1 == "New York"


def test_person_names_and_common_words_are_not_places(geocoder: Geocoder) -> None:
    text = "Chiquita Raquel Henry said the Wagner Group would meet on Monday in March."
    assert [m.text for m in geocoder.geoparse(text)] == []


def test_unknown_name_stays_unresolved(geocoder: Geocoder) -> None:
    assert geocoder.resolve("Qwxzyvillebergstadt") is None


def test_town_itself_is_precision_1(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, "Protesters gathered in Mogadishu (Banadir) on Friday.")
    assert loc.place is not None and loc.place.name == "Mogadishu" and loc.precision == 1


def test_near_a_town_is_precision_2(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, _report(1))
    assert loc.place is not None and loc.place.name == "Bakhmut"
    assert loc.place.admin1 == "Donetsk" and loc.precision == 2
    outskirts = _locate(geocoder, _report(5))
    assert outskirts.place is not None and outskirts.place.name == "Kharkiv"
    assert outskirts.precision == 2


def test_village_the_gazetteer_lacks_goes_to_its_district(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, _report(4))
    assert loc.place is not None and loc.place.admin1 == "Bay" and loc.precision == 2
    assert loc.location_text == "Daynuunay"


def test_region_only_is_precision_3_at_its_centre(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, "Shelling hit several villages of the Sumy region overnight.")
    assert loc.place is not None and loc.place.admin1 == "Sumy" and loc.precision == 3
    assert haversine_km(loc.place.latitude or 0, loc.place.longitude or 0, 50.91, 34.80) < 15


def test_far_from_the_capital_is_not_coded_to_it(geocoder: Geocoder) -> None:
    loc = _locate(geocoder, _report(2))
    assert loc.place is None and loc.precision is None
    assert loc.location_text is not None and "70 km from the capital" in loc.location_text
    assert loc.country == "Ukraine"
    named = _locate(geocoder, "A drone hit a depot 70 km from Kyiv on Monday.")
    assert named.place is None and named.country == "Ukraine"


def test_country_only_keeps_the_country(geocoder: Geocoder) -> None:
    text = "The ministry said missiles were launched against Ukraine."
    loc = _locate(geocoder, text)
    assert loc.place is None and loc.country == "Ukraine"


def test_locate_keeps_to_its_span(geocoder: Geocoder) -> None:
    text = _report(0) + " " + _report(1)
    mentions = geocoder.geoparse(text)
    first = geocoder.locate(text, 0, len(_report(0)), mentions)
    assert first.place is not None and first.place.admin1 == "Kherson"
    second = geocoder.locate(text, len(_report(0)) + 1, len(text), mentions)
    assert second.place is not None and second.place.admin1 == "Donetsk"


def test_named_district_holds_an_unknown_village(geocoder: Geocoder) -> None:
    text = "Troops shelled the village of Zarichnevo in Bakhmut district, Donetsk region."
    loc = _locate(geocoder, text)
    assert loc.place is not None and loc.place.kind == "admin2"
    assert (loc.place.admin1, loc.place.admin2, loc.precision) == ("Donetsk", "Bakhmutskyi", 2)


def test_a_short_distance_is_near_a_long_one_is_not(geocoder: Geocoder) -> None:
    near = _locate(geocoder, "Militants attacked a checkpoint 8 km north of Baidoa.")
    assert near.place is not None and near.place.name == "Baidoa" and near.precision == 2
    far = _locate(geocoder, "Militants attacked a checkpoint 60 km north of Baidoa.")
    assert far.place is None and far.country == "Somalia"
    assert far.location_text == "60 km north of Baidoa"


def test_sentence_initial_ordinary_words_are_not_places(geocoder: Geocoder) -> None:
    text = "Tank driving over a civilian car. Blast damage to the zoo. Train hit by shell."
    assert geocoder.geoparse(text) == []
