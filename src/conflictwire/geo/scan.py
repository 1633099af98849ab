"""Finding toponym candidates: a longest-match scan of capitalized n-grams against the index.

No tagger is needed: a span is a candidate when its folded text is an index key, it starts
and ends with a capitalized word (or a region word: "Kharkiv region"), and it does not look
like part of a person's name ("Gov. Bobby Jindal", "Chiquita Henry") or a common word at the
start of a sentence.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from conflictwire.geo.katottg import LOOSE_PREFIX, loose_key
from conflictwire.geo.lexicon import (
    AREA_AFTER,
    MACRO_FCODES,
    first_names,
    names_a_storm_or_disease,
    office_of_acronym,
    unknown_feature_end,
    words,
)
from conflictwire.geo.normalize import fold
from conflictwire.geo.store import IndexView

__all__ = ["Candidate", "scan"]

_TOKEN = re.compile(
    r"(?:[A-Z][a-z]?\.){2,}|[A-Z][a-z]{1,4}\.(?=\s+[A-Z0-9(])|\w+(?:['’](?![sS]\b)\w+)*"
)
_JOINABLE_GAP = re.compile(r"^(?:\s{1,2}|-|\.\s|\s-\s|'\s)$")
_KEEP_BEFORE_FEATURE = ("country", "admin1")
_POSTAL_GAP = re.compile(r"^,\s?$")
_POSTAL_END = re.compile(r"^(?:$|[\s,;:)]|\.(?:\s|$))")
_FIRM = re.compile(r"^\s*&|&\s*$")
_LONG_WORD_STOP = re.compile(r"^\w{5,}$")  # "Center. City" spans two sentences
_MAX_TOKENS = 6

_CONTRACTION = re.compile(r"['’](?:ll|re|ve|d|m|t|s)$")
_CONNECTORS = words("connectors")
_REGION_WORDS = words("region_words")
_TITLES = words("titles")
_NOT_PLACES = words("not_places")
_ORG_WORDS = words("org_words")
_FEATURE_WORDS = words("feature_words")
_SETTLEMENT_WORDS = words("settlement_words")
_PLACE_CUES = words("place_cues")  # see data/geo/lexicon.txt for what each list is for
_ATTRIBUTIVE = words("attributive_words")
# Cues strong enough to make a surname of the text a place after all ("Paris Hilton ... in Paris").
_LOCATIVE = frozenset({"in", "near", "outside", "into", "across", "around", "through", "via"})
_COMPASS = frozenset(w.capitalize() for w in words("compass_words"))
_LINKED_NAME = re.compile(r"\w-[a-z]{1,3}-\w")
_COMBINING_FORMS = frozenset(
    {"Afro", "Anglo", "Austro", "Euro", "Franco", "Greco", "Hispano", "Indo", "Italo"}
    | {"Judeo", "Luso", "Russo", "Serbo", "Sino", "Turco"}
)
# Words that open the name of a water body: "Gulf of ...", "Bay of ...".


# "St. Peter's Square", "Brigham's Hospital": a landmark named after a person or saint, not a
# place of that name.
_NAMED_AFTER = re.compile(
    r"^['’]s\s+(?:Square|Basilica|Cathedral|Church|Chapel|Abbey|Hospital|College|University|"
    r"Park|Palace|Castle|Bridge|Tower|Gate|Hall|Island|Bay|Point|Well|Mill)\b"
)
_PERSON_AFTER = re.compile(
    r"^(?:\s+(?:said|says|told|added|wrote|asked|explained|noted|continued|replied|stated"
    r"|commented|insisted|admitted|recalled|warned|argued|concluded)\b|,\s+\d{1,3},)"
)
_SAINTS_FACILITY = re.compile(
    r"^(?:St\.?|Saint|Ste\.?|Sainte)\s[^,.;]*?\s(?:hospital|church|cathedral|school|college"
    r"|university|clinic|basilica|chapel|academy|prep|preparatory)\b", re.IGNORECASE)  # fmt: skip


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    key: str
    codes: list[int]  # 2 * place id + is_alternate
    # Maybe no place of its own: the tail of a longer name the index lacks, right after a
    # capitalized compass word ("West Midlands", "Central Plateau"), or a given name ("Paul",
    # "Mary"). Kept only when other names of the text lie in the same country.
    doubtful: bool = False


_BIG_CITY = 100_000
_WORLD_CITY = 250_000  # a city the press names bare worldwide ("Juba", "Buffalo")
_ELIDED = re.compile(r"^[dl]['’][A-Z]")  # "Côte d'Ivoire", "Val d'Oise"


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or _ELIDED.match(token) is not None


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def _surnames(text: str, tokens: list[tuple[int, int, str]], index: IndexView) -> set[str]:
    """Words the text uses as surnames: after a given name or a title ("President Barack Obama").

    Region and country names are never taken for surnames ("Gov. ... of Indiana").
    """
    names = first_names()
    out = set()
    for k, (_, _, word) in enumerate(tokens):
        low = word.lower().rstrip(".")
        if not _is_cap(word) or (low not in names and low not in _TITLES):
            continue
        for m in range(k + 1, min(k + 4, len(tokens))):
            start, _, nxt = tokens[m]
            gap = text[tokens[m - 1][1] : start]
            if not _is_cap(nxt) or not (gap == " " or (gap == ". " and len(tokens[m - 1][2]) <= 4)):
                break
            key = nxt.lower()
            if len(nxt) > 2 and not any(
                index.kind(c // 2) in ("admin1", "country") for c in index.ids(key)
            ):
                out.add(key)
    return out


def _lowercase_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\b[a-z]{3,}\b", text)}


def scan(text: str, index: IndexView) -> list[Candidate]:
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    surnames = _surnames(text, tokens, index)
    common_words = index.common_words
    common = _lowercase_words(text)
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        start, _, word = tokens[i]
        if not _is_cap(word) or word.isdigit():
            i += 1
            continue
        best: Candidate | None = None
        best_j = i
        for j in range(i, min(i + _MAX_TOKENS, len(tokens))):
            if j > i and not _joinable(text, tokens[j - 1], tokens[j]):
                break
            last = tokens[j][2]
            end = tokens[j][1]
            key = fold(text[start:end])
            if not index.has_prefix(key):
                break
            closes = _is_cap(last) or last.lower() in _REGION_WORDS
            if closes and (codes := index.ids(key)):
                best, best_j = Candidate(start, end, text[start:end], key, codes), j
            elif not (
                _is_cap(last)
                or last.lower() in _CONNECTORS
                or last.lower() in _REGION_WORDS
                or _possessive(text, tokens[j])  # "St. Peter's Square" goes on
            ):
                break
        best, best_j = _with_loose(text, tokens, i, best, best_j, index)
        feature_end = unknown_feature_end(text, tokens, i, best_j if best else i, _is_cap)
        if feature_end:  # "the Gulf of Alaska", "Lake Vermont": no Gulf, no Vermont
            i = feature_end
            continue
        if (
            best is not None
            and _acceptable(text, tokens, i, best_j, best, (surnames, common), index)
            and _not_a_common_word(text, best, common_words, index)
        ):
            state = _postal_state(text, tokens, best_j, best, index)
            best.doubtful = _doubtful(text, tokens, i, best_j, best, index)
            found.append(_without_full_stop(best))
            i = best_j + 1
            if state is not None:  # "Springfield, IL": the code is the town's state
                found.append(state)
                i += 1
        elif best is not None and _part_of_feature(text, tokens, best_j, best, index):
            i = best_j + 1 + _feature_length(text, tokens, best_j + 1)  # past "National Park"
        else:
            i += 1
    return found


def _possessive(text: str, token: tuple[int, int, str]) -> bool:
    return token[2] in ("s", "S") and text[token[0] - 1 : token[0]] in ("'", "’")


def _feature_length(text: str, tokens: list[tuple[int, int, str]], k: int) -> int:
    """How many tokens the feature word at ``k`` takes: "River" 1, "National Park" 2."""
    return 2 if tokens[k][2] == "National" and k + 1 < len(tokens) else 1


def _doubtful(
    text: str, tokens: list[tuple[int, int, str]], i: int, j: int, cand: Candidate, index: IndexView
) -> bool:
    """A name that may be no place of its own (see ``Candidate.doubtful``): after a compass
    word, a given name, a saint's name before a hospital or school ("the St. Nicolas hospital"
    of a Haitian town, no Belgian one; "St. Cloud Hospital" in a Minnesotan story stays), or a
    word before another capitalized word that is no place ("a Toyota Camry", "a Ford
    Bronco"). Countries are never doubted ("Chad", "Jordan")."""
    if any(index.kind(c // 2) == "country" for c in cand.codes):
        return False
    if i > 0 and _compass_before(text, tokens[i - 1], cand.start):
        return True
    if cand.key in first_names() or _SAINTS_FACILITY.match(text[cand.start : cand.end + 14]):
        return True
    if " " in cand.key or j + 1 >= len(tokens) or text[cand.end : tokens[j + 1][0]] != " ":
        return False
    nxt = tokens[j + 1][2]
    known = _ATTRIBUTIVE | _REGION_WORDS | _ORG_WORDS | _FEATURE_WORDS | _SETTLEMENT_WORDS
    return nxt[:1].isupper() and nxt.lower() not in known and not index.has_prefix(fold(nxt))


def _compass_before(text: str, prev: tuple[int, int, str], start: int) -> bool:
    return prev[2] in _COMPASS and text[prev[1] : start] == " "


def _without_full_stop(cand: Candidate) -> Candidate:
    """ "... in Rome. Kyiv ...": the tokenizer reads a short word before a full stop like an
    abbreviation ("Ala."); the place's span ends before the stop."""
    last = cand.text.rsplit(" ", 1)[-1]
    if re.fullmatch(r"[A-Z][a-z]{3,4}\.", last):
        cand.text = cand.text[:-1]
        cand.end -= 1
    return cand


def _postal_state(
    text: str, tokens: list[tuple[int, int, str]], j: int, cand: Candidate, index: IndexView
) -> Candidate | None:
    """The state of "Springfield, IL" or "Portland, ME" (postal codes are words elsewhere)."""
    if j + 1 >= len(tokens) or not any(index.cc(c // 2) == "US" for c in cand.codes):
        return None
    start, end, code = tokens[j + 1]
    if not _POSTAL_GAP.match(text[cand.end : start]) or not _POSTAL_END.match(text[end:]):
        return None
    name = _us_state_name(code)
    if name is None:
        return None
    codes = [
        c
        for c in index.ids(fold(name))
        if index.kind(c // 2) == "admin1" and index.cc(c // 2) == "US"
    ]
    return Candidate(start, end, code, fold(code), codes) if codes else None


@functools.lru_cache(maxsize=64)
def _us_state_name(code: str) -> str | None:
    import pycountry  # only when a town is followed by a two-letter code

    if len(code) != 2 or not code.isupper():
        return None
    state = pycountry.subdivisions.get(code=f"US-{code}")  # type: ignore[no-untyped-call]
    return str(state.name) if state is not None else None


def _joinable(text: str, prev: tuple[int, int, str], nxt: tuple[int, int, str]) -> bool:
    gap = text[prev[1] : nxt[0]]
    if gap.startswith(".") and _LONG_WORD_STOP.match(prev[2]):
        return False
    if gap in ("'", "’") and nxt[2] in ("s", "S"):
        return True  # "St. Peter's Square": the possessive is part of the name
    return _JOINABLE_GAP.match(gap) is not None


def _with_loose(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    best: Candidate | None,
    best_j: int,
    index: IndexView,
) -> tuple[Candidate | None, int]:
    """Add spelling-blind matches (Ukrainian villages spelt another way) to the exact ones."""
    start = tokens[i][0]
    if best is not None:
        extra = index.ids(LOOSE_PREFIX + loose_key(best.key))
        best.codes = best.codes + [
            c for c in extra if c not in best.codes and c - 1 not in best.codes
        ]
        return best, best_j
    for j in range(min(i + 2, len(tokens) - 1), i - 1, -1):
        span = tokens[i : j + 1]
        if not all(_is_cap(t[2]) for t in span):
            continue
        if any(not _joinable(text, a, b) for a, b in itertools.pairwise(span)):
            continue
        end = tokens[j][1]
        key = fold(text[start:end])
        if len(key) >= 5 and (codes := index.ids(LOOSE_PREFIX + loose_key(key))):
            return Candidate(start, end, text[start:end], key, codes), j
    return None, best_j


def _not_a_common_word(
    text: str, cand: Candidate, common_words: frozenset[str], index: IndexView
) -> bool:
    """A one-word name that is also an ordinary word ("Tank", "Blast") opening a sentence, or
    found only among a place's alternate names, is not a place on that evidence alone."""
    if " " in cand.key or "." in cand.text:
        return True
    kinds = {index.kind(c // 2) for c in cand.codes}
    if kinds & {"country", "admin1"}:
        return True
    only_alternate = all(c % 2 for c in cand.codes)
    initial = _sentence_start(text, cand.start)
    if not initial and any(index.get("fcode", c // 2) in MACRO_FCODES for c in cand.codes):
        return True  # "the EU", "the Pacific" mid-sentence
    # A big city's alternate name is often its English one ("Acapulco" for Acapulco de Juárez).
    big = any(index.pop[c // 2] >= _BIG_CITY for c in cand.codes)
    if only_alternate and not big and (initial or cand.key in common_words):
        return False
    if cand.key not in common_words:
        return True
    if not initial and any(index.pop[c // 2] >= _WORLD_CITY for c in cand.codes):
        return True  # "from the capital, Juba,": a rare word capitalized mid-sentence
    # An ordinary word needs a cue: "in Reading", "Mobile, Ala.".
    before = text[max(0, cand.start - 12) : cand.start].split()
    cue = bool(before) and before[-1].lower() in _PLACE_CUES and not initial
    qualified = re.match(r"^,\s+[A-Z]", text[cand.end : cand.end + 4]) is not None
    return cue or qualified or _attributive(text, cand.end)


def _attributive(text: str, end: int) -> bool:
    """Whether the name is followed by an office or people it is the place of ("Salem
    Police", "a Salem resident") or by "area" ("the Fife area")."""
    nxt = re.match(r"^ ([A-Za-z]+)", text[end : end + 20])
    area = AREA_AFTER.match(text[end:]) is not None
    return area or (nxt is not None and nxt.group(1).lower() in _ATTRIBUTIVE)


def _hyphen_piece(
    text: str, tokens: list[tuple[int, int, str]], i: int, j: int, index: IndexView
) -> bool:
    """A piece of a hyphenated name whose other half is no place ("Wal-Mart", not "Egyptian-US")."""
    neighbours = []
    if j + 1 < len(tokens) and text[tokens[j][1] : tokens[j + 1][0]] == "-":
        neighbours.append(tokens[j + 1][2])
    if i > 0 and text[tokens[i - 1][1] : tokens[i][0]] == "-":
        neighbours.append(tokens[i - 1][2])
    if tokens[j][2] in _COMBINING_FORMS and neighbours[:1] and _is_cap(neighbours[0]):
        return True  # "Franco-German", "Sino-Indian": a combining form, not Franco, Mexico
    if i > 0 and tokens[i - 1][2].lower() == "anti" and text[tokens[i - 1][1]] == "-":
        return True  # "anti-Balaka militias": a movement against, not Balaka, Malawi
    # "Dasht-e-Barchi", "Deh-i-Sabz": a longer name the index lacks, joined by "-e-"; its
    # pieces are no places of their own (the index's "Mazar-i-Sharif" matched whole already).
    if any(n in _CONNECTORS for n in neighbours) and _LINKED_NAME.search(
        text[max(0, tokens[i][0] - 6) : tokens[j][1] + 6]
    ):
        return True
    # "Nikolaev-Krivoy Rog": a neighbour that opens a place name is a place too.
    return any(_is_cap(n) and not index.has_prefix(fold(n)) for n in neighbours)


def _part_of_feature(
    text: str, tokens: list[tuple[int, int, str]], j: int, cand: Candidate, index: IndexView
) -> bool:
    """ "Zion National Park", "Dnipro River": the first words of a feature the index lacks."""
    if j + 1 >= len(tokens) or text[cand.end : tokens[j + 1][0]] != " ":
        return False
    nxt = tokens[j + 1][2]
    park = nxt == "National" and text[tokens[j + 1][1] :].startswith((" Park", " Forest"))
    if _is_cap(nxt) and nxt.lower() in _SETTLEMENT_WORDS:
        return True  # "Tennessee Colony", "Ohio City": a town the index lacks, named after it
    if not park and (not _is_cap(nxt) or nxt.lower() not in _FEATURE_WORDS):
        return False
    return not any(index.kind(c // 2) in _KEEP_BEFORE_FEATURE for c in cand.codes)


def _region_like(cand: Candidate, index: IndexView, city: int = 0) -> bool:
    """A country, region or world area; with ``city``, a town of that many people instead."""
    return any(
        (index.pop[c // 2] >= city)
        if city
        else index.kind(c // 2) in ("country", "admin1")
        or index.get("fcode", c // 2) in MACRO_FCODES
        for c in cand.codes
        if not c % 2
    )


def _acceptable(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    j: int,
    cand: Candidate,
    names_and_words: tuple[set[str], set[str]],
    index: IndexView,
) -> bool:
    words = cand.key.split()
    prev = tokens[i - 1][2] if i > 0 else ""
    gap = text[tokens[i - 1][1] : tokens[i][0]] if i > 0 else ""
    if prev.lower().rstrip(".") in _TITLES and gap.strip() in ("", "."):
        return False
    if len(words) == 1 and cand.key in _NOT_PLACES:
        return False
    acronym = cand.text.isalpha() and cand.text.isupper() and 3 <= len(cand.text) <= 5
    if acronym and not _acronym_kept(text, cand, index):
        return False
    if _CONTRACTION.search(cand.text) or _NAMED_AFTER.match(text[cand.end : cand.end + 24]):
        return False
    if names_a_storm_or_disease(text, cand.start, cand.end):
        return False
    if _part_of_feature(text, tokens, j, cand, index):
        return False
    if len(words) > 1 or "." in cand.text:
        return True
    return _single_word_acceptable(text, tokens, i, j, cand, names_and_words, index)


def _used_otherwise(
    text: str, cand: Candidate, prev: str, names_and_words: tuple[set[str], set[str]]
) -> bool:
    """A word the text uses as a surname ("Rev. Dale Lacey" makes "told Lacey", "of Lacey's"
    a person; only a locative cue makes it a place) or in lower case (an ordinary word)."""
    surnames, common = names_and_words
    if cand.key in surnames and prev.lower() not in _LOCATIVE:
        return not _attributive(text, cand.end)
    return cand.key in common and prev.lower() not in _PLACE_CUES


def _acronym_kept(text: str, cand: Candidate, index: IndexView) -> bool:
    """An acronym ("NISA", "SNA") is no place unless a dateline, a region's or country's code,
    or a big city's short form ("NYC")."""
    # A dateline opens a sentence ("KYIV, March 3"); "living with HIV, and" is none.
    dateline = (
        _sentence_start(text, cand.start)
        and re.match(r"^\s*[,(—–:-]", text[cand.end : cand.end + 3]) is not None
    )
    kinds = {index.kind(c // 2) for c in cand.codes}
    big = any(index.pop[c // 2] >= 1_000_000 for c in cand.codes if not c % 2)
    return dateline or big or bool(kinds & {"country", "admin1"} and len(cand.text) <= 4)


def _single_word_acceptable(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    j: int,
    cand: Candidate,
    names_and_words: tuple[set[str], set[str]],
    index: IndexView,
) -> bool:
    """One capitalized word: a person's name, a firm's or an ordinary word, or a place."""
    prev = tokens[i - 1][2] if i > 0 else ""
    gap = text[tokens[i - 1][1] : tokens[i][0]] if i > 0 else ""
    if _hyphen_piece(text, tokens, i, j, index):
        return False
    if _FIRM.search(text[max(0, cand.start - 3) : cand.start]) or _FIRM.match(
        text[cand.end : cand.end + 3]
    ):
        return False  # "Stevens & Wilkinson": a firm of partners' names
    if (
        _PERSON_AFTER.match(text[cand.end : cand.end + 12])
        and not _region_like(cand, index)
        and prev.lower() not in _PLACE_CUES  # "officials in London said"
    ):
        return False  # "Wong said", but "Mexico said" and "the EU said" are the state speaking
    nxt = tokens[j + 1][2] if j + 1 < len(tokens) else ""
    next_gap = text[cand.end : tokens[j + 1][0]] if nxt else ""
    if nxt.lower() in _ORG_WORDS and next_gap == " ":
        return any(index.kind(c // 2) in ("country", "admin1") for c in cand.codes)
    if cand.key in first_names() and _is_cap(nxt) and next_gap == " ":
        # "Andrew Kummer" is a person; "Henry County", "Georgia Department of ..." are not.
        return nxt.lower() in _REGION_WORDS or nxt.lower() in _ATTRIBUTIVE
    if _used_otherwise(text, cand, prev, names_and_words):
        return False
    if prev.lower() in first_names() and _is_cap(prev) and gap == " ":
        return False  # "Michael Jordan", also opening a sentence
    # A single capitalized word right after another, mid-sentence, is a surname ("Raquel Henry").
    after_stop = prev.endswith(".") and len(prev) >= 5  # "Rome. Kyiv", not "Gov. Smith"
    if (
        prev
        and _is_cap(prev)
        and gap == " "
        and not after_stop
        and not _sentence_start(text, tokens[i - 1][0])
    ):
        # A country or state after an organisation's name ("Pizza Hut Canada") is the place,
        # so is a world city after an acronym ("CDC Atlanta"); after a given name ("Michael
        # Jordan") it is the person.
        country_after_org = _region_like(cand, index) and prev.lower() not in first_names()
        office = office_of_acronym(text, prev, cand.end) and _region_like(cand, index, _WORLD_CITY)
        return prev.lower() in _PLACE_CUES or country_after_org or office
    return True
