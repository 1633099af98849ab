"""Country names, codes and ACLED regions."""

from __future__ import annotations

from conflictwire.geo import country_info


def test_country_info_by_name_code_and_demonym() -> None:
    ukraine = country_info("Ukraine")
    assert ukraine is not None
    assert (ukraine.iso2, ukraine.iso_numeric, ukraine.region) == ("UA", 804, "Europe")
    somalia = country_info("SO")
    assert somalia is not None
    assert (somalia.name, somalia.iso_numeric, somalia.region) == ("Somalia", 706, "Eastern Africa")
    syria = country_info("Syrian")
    assert syria is not None and syria.name == "Syria" and syria.region == "Middle East"


def test_conventional_names_and_unknowns() -> None:
    russia = country_info("Russian Federation")
    assert russia is not None and russia.name == "Russia"
    congo = country_info("COD")
    assert congo is not None and congo.name == "Democratic Republic of Congo"
    assert country_info("Atlantis") is None
    assert country_info("") is None
