"""Faster drop-in equivalents of the bundled pipeline's attribute ruler and lemmatizer.

Profiles of the whole run put the two rule components at about a seventh of its time, more
than the parser: spaCy's attribute ruler runs its Matcher's 179 patterns over every token and
builds a ``Span`` per match, and its English lemmatizer caches only the words its rules
change, so every singular noun, punctuation mark and article is analysed again each time.
Both components' outputs are pure functions of a few token attributes, so each is replaced by
one that computes the same function once per distinct input and remembers it.

The replacements give the same annotations as the originals, token for token (tested on
the project's fixtures and measured on the dev corpora); a pattern this module does not
understand keeps spaCy's own component in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.pipeline.attributeruler import set_token_attrs  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

__all__ = [
    "ATTRIBUTE_RULER_FACTORY",
    "LEMMATIZER_FACTORY",
    "CompiledAttributeRuler",
    "MemoLemmatizer",
    "speed_up",
]

log = logging.getLogger(__name__)

ATTRIBUTE_RULER_FACTORY = "conflictwire_attribute_ruler_v1"
LEMMATIZER_FACTORY = "conflictwire_lemmatizer_v1"

# What a token is matched on: (TAG, LOWER, DEP, IS_SPACE), the only keys the model's
# patterns use. A pattern with any other key leaves spaCy's component in place. The word
# itself is reduced to what the patterns can see of it: the word if some pattern names it,
# else None, with whether each of the patterns' regular expressions finds it.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_Word = tuple[str | None, tuple[bool, ...]]
_Features = tuple[str, _Word, str, bool]
_Test = Callable[[_Features], bool]


class UnsupportedPattern(ValueError):
    """A pattern this module cannot compile; the original component is kept."""


def _getter(position: int) -> Callable[[_Features], Any]:
    if position == 1:
        return lambda f: f[1][0]  # the word, if a pattern names it
    return lambda f: f[position]


class _Compiler:
    """Turns the ruler's token specs into tests on ``_Features``, collecting the words and
    regular expressions the LOWER tests need."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []

    def token_test(self, token_spec: dict[str, Any]) -> _Test:
        tests = []
        for key, spec in token_spec.items():
            if key not in _KEYS:
                raise UnsupportedPattern(f"key {key}")
            tests.append(self._value_test(_KEYS.index(key), spec))
        return lambda f: all(test(f) for test in tests)

    def _value_test(self, position: int, spec: Any) -> _Test:
        get = _getter(position)
        if isinstance(spec, dict) and set(spec) in ({"IN"}, {"NOT_IN"}):
            values = frozenset(next(iter(spec.values())))
            if position == 1:
                self.words.update(values)
            if "IN" in spec:
                return lambda f: get(f) in values
            return lambda f: get(f) not in values
        if isinstance(spec, dict) and set(spec) == {"REGEX"} and isinstance(spec["REGEX"], str):
            regex = re.compile(spec["REGEX"])  # the Matcher searches, it does not anchor
            if position != 1:
                return lambda f: regex.search(str(f[position])) is not None
            self.regexes.append(regex)
            k = len(self.regexes) - 1
            return lambda f: f[1][1][k]
        if isinstance(spec, (str, bool)):
            if position == 1 and isinstance(spec, str):
                self.words.add(spec)
            return lambda f: get(f) == spec
        raise UnsupportedPattern(f"spec {spec!r}")


class CompiledAttributeRuler:
    """spaCy's ``AttributeRuler`` semantics (every pattern matched against the unchanged Doc,
    then the matches applied in pattern order, later ones winning) without its Matcher: the
    patterns that hit a token depend only on its reduced features, so they are worked out
    once per distinct feature tuple."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.name = ruler.name
        compiler = _Compiler()
        self._single: list[tuple[int, _Test]] = []  # (pattern order, test)
        self._multi: list[tuple[int, list[_Test], int]] = []  # (order, tests, target index)
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        for order, index in enumerate(ruler.indices):
            key = ruler.vocab.strings[str(order)]
            for pattern in ruler.matcher.get(key)[1]:
                tests = [compiler.token_test(spec) for spec in pattern]
                if len(tests) == 1:
                    self._single.append((order, tests[0]))
                else:
                    target = index if index >= 0 else len(tests) + index
                    self._multi.append((order, tests, target))
        self._known_words = frozenset(compiler.words)
        self._regexes = tuple(compiler.regexes)
        self._words: dict[str, _Word] = {}
        self._hits: dict[_Features, tuple[int, ...]] = {}
        self._first: dict[_Features, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _features(self, token: Token) -> _Features:
        lower = token.lower_
        word = self._words.get(lower)
        if word is None:
            named = lower if lower in self._known_words else None
            word = (named, tuple(r.search(lower) is not None for r in self._regexes))
            self._words[lower] = word
        return (token.tag_, word, token.dep_, token.is_space)

    def _single_hits(self, features: _Features) -> tuple[int, ...]:
        found = self._hits.get(features)
        if found is None:
            found = tuple(order for order, test in self._single if test(features))
            self._hits[features] = found
        return found

    def _merge(self, orders: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(orders)
        if merged is None:
            merged = {}
            for order in sorted(orders):  # a later pattern's attributes win
                merged.update(self._attrs[order])
            self._merged[orders] = merged
        return merged

    def _starts(self, features: _Features) -> tuple[int, ...]:
        """The multi-token patterns (by position in ``_multi``) whose first token fits."""
        found = self._first.get(features)
        if found is None:
            found = tuple(k for k, (_, tests, _) in enumerate(self._multi) if tests[0](features))
            self._first[features] = found
        return found

    def _multi_hits(self, feats: list[_Features]) -> dict[int, list[int]]:
        extra: dict[int, list[int]] = {}
        for start, features in enumerate(feats):
            for k in self._starts(features):
                order, tests, target = self._multi[k]
                if start + len(tests) > len(feats):
                    continue
                if all(test(feats[start + j]) for j, test in enumerate(tests[1:], 1)):
                    extra.setdefault(start + target, []).append(order)
        return extra

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        feats = [self._features(token) for token in tokens]
        extra = self._multi_hits(feats) if self._multi else {}
        for i, token in enumerate(tokens):
            orders = self._single_hits(feats[i])
            if i in extra:
                orders = tuple(sorted(set(orders) | set(extra[i])))
            if orders:
                set_token_attrs(token, self._merge(orders))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class MemoLemmatizer:
    """spaCy's rule lemmatizer with every answer remembered. Its own cache skips the words
    it returns unchanged (most of them); an answer is a function of the word, its POS and its
    morphology alone, the key spaCy's cache already uses. A word's first sight is also
    cheaper: whether a POS has any rules and whether a (POS, morphology) pair is a base form
    are worked out once, not once per word."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.name = lemmatizer.name
        self._lemmatizer = lemmatizer
        self._overwrite = bool(lemmatizer.overwrite)
        self._known: dict[tuple[int, int, int], int] = {}  # key -> the lemma's string hash
        # The shortcuts copy rule_lemmatize's first steps, so only for the classes whose
        # rule_lemmatize and is_base_form this module was checked against.
        self._shortcuts = lemmatizer.mode == "rule" and type(lemmatizer) in (
            Lemmatizer,
            EnglishLemmatizer,
        )
        self._base: dict[tuple[int, int], bool] = {}
        self._by_pos: dict[str, tuple[frozenset[str], dict[str, list[str]], list[list[str]]]] = {}

    def _tables(self, pos: str) -> tuple[frozenset[str], dict[str, list[str]], list[list[str]]]:
        """The POS's word index (a set: spaCy keeps it as a list of up to 57,000 words and
        tests membership in it, about 0.5 ms a word), exceptions and suffix rules."""
        found = self._by_pos.get(pos)
        if found is None:
            lookups = self._lemmatizer.lookups
            index = lookups.get_table("lemma_index", {}).get(pos, ())
            exceptions = lookups.get_table("lemma_exc", {}).get(pos, {})
            rules = lookups.get_table("lemma_rules", {}).get(pos, [])
            found = self._by_pos[pos] = (frozenset(index), exceptions, rules)
        return found

    def _is_base(self, token: Token) -> bool:
        key = (token.pos, token.morph.key)  # type: ignore[attr-defined]
        found = self._base.get(key)
        if found is None:
            found = self._base[key] = bool(self._lemmatizer.is_base_form(token))
        return found

    def _lemma(self, token: Token) -> str:
        """``Lemmatizer.rule_lemmatize``'s first answer, step for step."""
        pos = token.pos_.lower()
        if not self._shortcuts or pos == "":  # "" makes spaCy warn: let it
            return str(self._lemmatizer.lemmatize(token)[0])
        text = token.text
        if pos in ("eol", "space") or self._is_base(token):
            return text.lower()
        index, exceptions, rules = self._tables(pos)
        if not (index or exceptions or rules):
            return text if pos == "propn" else text.lower()
        string = text.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [text])[0]

    def __call__(self, doc: Doc) -> Doc:
        known = self._known
        strings = doc.vocab.strings
        for token in doc:
            if self._overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
                lemma = known.get(key)
                if lemma is None:
                    lemma = known[key] = strings.add(self._lemma(token))
                token.lemma = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    ATTRIBUTE_RULER_FACTORY,
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep"],
    requires=["token.tag", "token.dep"],
)
def _make_attribute_ruler(nlp: Language, name: str) -> CompiledAttributeRuler:
    original = nlp.get_pipe("attribute_ruler")
    assert isinstance(original, AttributeRuler)
    return CompiledAttributeRuler(original)


@Language.factory(
    LEMMATIZER_FACTORY, assigns=["token.lemma"], requires=["token.pos", "token.morph"]
)
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    original = nlp.get_pipe("lemmatizer")
    assert isinstance(original, Lemmatizer)
    return MemoLemmatizer(original)


def _swap(nlp: Language, name: str, kind: type, factory: str) -> None:
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), kind):
        return
    try:
        nlp.add_pipe(factory, name=f"{name}_fast", after=name)
    except UnsupportedPattern as exc:
        log.info("keeping spaCy's %s: %s", name, exc)
        return
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{name}_fast", name)


def speed_up(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer swapped for the equivalents above,
    under the same names (a component it does not recognise stays as it is)."""
    _swap(nlp, "attribute_ruler", AttributeRuler, ATTRIBUTE_RULER_FACTORY)
    _swap(nlp, "lemmatizer", Lemmatizer, LEMMATIZER_FACTORY)
    return nlp
