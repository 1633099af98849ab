"""Index keys of a city: shared by the index build (geo/build) and user imports (geo/imports)."""

from __future__ import annotations

import re

from conflictwire.geo.normalize import fold
from conflictwire.geo.store import Gazetteer

__all__ = ["ARABIC_COUNTRIES", "add_city_keys", "arabic_forms", "is_latin_key"]

_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
# A town's official name with the river or region that tells it from namesakes ("Frankfurt am
# Main", "Freiburg im Breisgau", "Halle (Saale)"): news prints the first part alone.
_QUALIFIED = re.compile(r"^(\w[\w.'’-]*(?: \w[\w.'’-]*)?) (?:\(|an der |am |im |ob der |in der )")


# Countries whose names GeoNames romanizes from Arabic with the article and a final "h" ("Ad
# Daqahliyah", "Ash Sharqiyah"), where news prints "Daqahliya", "Sharqia".
ARABIC_COUNTRIES = frozenset(
    {
        "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY",
        "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE",
    }
)  # fmt: skip
# The article, as GeoNames assimilates it ("Ad", "Ash", "Az"), before a name of 4+ letters.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[ -](?=[a-z]{4})")


def arabic_forms(key: str) -> set[str]:
    """Other forms of a name romanized from Arabic: without the article, and with "-iyah"
    printed "-iya" or "-ia" ("ad daqahliyah": "daqahliyah", "daqahliya", "daqahlia", ...)."""
    bare = _ARABIC_ARTICLE.sub("", key)
    forms = {bare}
    for form in (key, bare):
        if form.endswith("iyah"):
            forms.update((form[:-1], form[:-3] + "a"))
    forms.discard(key)
    return {form for form in forms if len(form) >= 4}


def is_latin_key(key: str) -> bool:
    return bool(key) and _LATIN_KEY.match(key) is not None


def add_city_keys(
    gaz: Gazetteer, pid: int, name: str, alternates: list[str], *, population: int = 0
) -> None:
    from rapidfuzz.fuzz import ratio

    primary = fold(name)
    gaz.add_key(primary, pid)
    qualified = _QUALIFIED.match(name)
    if qualified:  # "Halle (Saale)", "Marburg an der Lahn": the name news prints, no alternate
        gaz.add_key(fold(qualified.group(1)), pid)
    for long, short in _SHORT_FORMS:  # "Saint Petersburg" is printed "St. Petersburg"
        if primary.startswith(long):
            gaz.add_key(short + primary[len(long) :], pid)
    for alt in alternates:
        key = fold(alt)
        if (
            not is_latin_key(key)
            or key.isdigit()
            or len(key) < 4
            or (alt.isupper() and len(alt) < 6)
        ):
            continue  # codes (IATA "CAN", "ARB") are not names
        # A small town's names in other languages are rarely printed in English news, while
        # spelling variants ("Kismaayo" for Kismayo) are: keep those.
        if population < _ALL_ALTERNATES_FROM and ratio(primary, key) < 70:
            continue
        gaz.add_key(key, pid, alternate=True)


_ALL_ALTERNATES_FROM = 100_000
_SHORT_FORMS = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "))
