"""Name keys: one folded form per spelling, Ukrainian 2010 transliteration and its variants.

Every name in the index and every n-gram of a text is turned into a key by ``fold``, so that
"Kharkivs’ka", "Kharkivs'ka" and "KHARKIVSKA" meet, and "St. Louis" meets "St Louis".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "is_romanized", "plain_admin_name", "ru_style_variants", "translit_uk"]

_APOSTROPHES = "'’ʼ`´‘ʻ"
_DROP = str.maketrans(dict.fromkeys(_APOSTROPHES, ""))
_SPACE = str.maketrans({"-": " ", ".": " ", ",": " ", "/": " ", "(": " ", ")": " "})
# Letters NFKD does not take apart.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ł": "l",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
    }
)
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """The matching key of a name: lower case, no diacritics or apostrophes, single spaces."""
    text = name.lower().translate(_SPECIAL).translate(_DROP)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.translate(_SPACE)).strip()


# Marks of scholarly romanization (Arabic, Persian, Pashto, Burmese...): macron, dot below,
# macron and breve below. A name carrying one is a transliteration, not a local spelling.
_TRANSLIT_MARKS = frozenset("\u0304\u0323\u0331\u032e")
_TRANSLIT_LETTERS = frozenset("ḩḨḑḐ")  # h and d with a cedilla: Arabic only
_PLAIN_QUOTES = str.maketrans(dict.fromkeys("ʻʼ‘’`´", ""))


def is_romanized(name: str) -> bool:
    """Whether a name carries a mark of scholarly romanization."""
    return plain_admin_name(name) != name


def plain_admin_name(name: str, *, romanized: bool = False) -> str:
    """ "Ghaznī" -> "Ghazni", "Şabarī" -> "Sabari", "Kunaṟ" -> "Kunar"; "Île-de-France" kept.

    Only names with a romanization mark are folded (or every name of a country whose names
    are ``romanized``), so that languages written in Latin letters keep their own accents.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    if (
        not romanized
        and not any(ch in _TRANSLIT_MARKS for ch in decomposed)
        and not (_TRANSLIT_LETTERS & set(name))
    ):
        return name
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", plain.translate(_PLAIN_QUOTES))


# Ukraine's official romanization (Cabinet of Ministers resolution 55, 2010).
_UK = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
    "ʼ": "",
}
# At the start of a word these letters take their "y" forms.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def translit_uk(name: str) -> str:
    """Ukrainian by the 2010 table: "Бердичі" -> "Berdychi", "Їжакевич" -> "Yizhakevych"."""
    out: list[str] = []
    prev_letter = False
    for i, ch in enumerate(name):
        low = ch.lower()
        if low in _UK:
            if low == "г" and i > 0 and name[i - 1].lower() == "з":
                piece = "gh"  # "зг" is "zgh", so it is not read as "zh"
            elif not prev_letter and low in _UK_INITIAL:
                piece = _UK_INITIAL[low]
            else:
                piece = _UK[low]
            if ch != low and piece:
                piece = piece[0].upper() + piece[1:]
            out.append(piece)
            prev_letter = low not in "'’ʼ" or prev_letter
        else:
            out.append(ch)
            prev_letter = ch.isalpha()
    return "".join(out)


_RU_SUFFIXES = (
    ("iivka", "eevka"),  # Avdiivka -> Avdeevka
    ("iivka", "eyevka"),
    ("ivka", "ovka"),
    ("ivske", "ovskoye"),
    ("ivske", "ovskoe"),
    ("ske", "skoye"),
    ("ske", "skoe"),
    ("kyi", "kiy"),
    ("skyi", "sky"),
    ("ne", "noye"),
    ("ka", "ka"),
)


def ru_style_variants(key: str) -> set[str]:
    """Russian-style spellings of a folded Ukrainian name that English news also prints."""
    variants: set[str] = set()
    words = key.split(" ")
    last = words[-1]
    for old, new in _RU_SUFFIXES:
        if last.endswith(old) and old != new:
            variants.add(" ".join([*words[:-1], last[: -len(old)] + new]))
    if "h" in key and "kh" not in key and "zh" not in key and "sh" not in key:
        variants.add(key.replace("h", "g"))
    variants.discard(key)
    return variants
