"""Name keys and Ukraine's 2010 transliteration."""

from __future__ import annotations

import pytest

from conflictwire.geo.katottg import loose_key
from conflictwire.geo.normalize import fold, ru_style_variants, translit_uk


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Бердичі", "Berdychi"),
        ("Десна", "Desna"),
        ("Їжакевич", "Yizhakevych"),
        ("Згурівка", "Zghurivka"),
        ("Андріївка", "Andriivka"),
        ("Харків", "Kharkiv"),
        ("Щербинівка", "Shcherbynivka"),
        ("Юрій", "Yurii"),
        ("Мар'їнка", "Marinka"),
        ("Бахмутський", "Bakhmutskyi"),
    ],
)
def test_translit_follows_the_2010_table(ukrainian: str, latin: str) -> None:
    assert translit_uk(ukrainian) == latin


def test_fold_meets_spellings() -> None:
    assert fold("Kharkivs’ka Oblast'") == fold("KHARKIVSKA oblast") == "kharkivska oblast"
    assert fold("St. Louis") == fold("St Louis")
    assert fold("Ivano-Frankivsk") == "ivano frankivsk"
    assert fold("Gülbahçe") == "gulbahce"


def test_russian_style_variants_of_a_village() -> None:
    assert "pokrovskoye" in ru_style_variants("pokrovske")
    assert "pervomaiskiy" not in ru_style_variants("andriivka")


def test_loose_key_bridges_transliterations() -> None:
    assert loose_key("scherbynivka") == loose_key("shcherbynivka")
    assert loose_key("novomykhaylivka") == loose_key("novomykhailivka")
    assert loose_key("andriyivka") == loose_key("andriivka")
    assert loose_key("kharkiv") != loose_key("kherson")
