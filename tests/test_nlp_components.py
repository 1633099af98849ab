"""The faster attribute ruler, lemmatizer and token vectors annotate exactly as spaCy's own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from thinc.api import NumpyOps

from conflictwire.nlp import MODEL_PACKAGE, load_nlp
from conflictwire.nlp.blas import BlasOps
from conflictwire.nlp.components import CompiledAttributeRuler, MemoLemmatizer, speed_up

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

# Own sentences that reach the ruler's rarer patterns: "ain't" and "y'all" (two-token
# patterns with regular expressions), "nothin'", "there is" (expletive + verb), "gets"/"got"
# (a lemma set by the ruler, which the lemmatizer must then leave alone), blank stretches.
ODD = [
    "They ain't coming back, y'all, and there is nothin' left of the market.",
    "He gets paid and got out.   \n\n  Then the mortar rounds fell on the depot.",
    "Does the militia have any chance? Did they have weapons? I'd say they did.",
    "That was what remained; those who fled said this.",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] + ODD


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.lemma_, str(t.morph)) for t in doc]


@pytest.fixture(scope="module")
def plain() -> Language:
    return spacy.load(MODEL_PACKAGE)


def test_load_nlp_uses_the_fast_components_under_the_same_names() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    assert nlp.pipe_names == spacy.load(MODEL_PACKAGE).pipe_names


def test_same_annotations_as_spacy_on_own_articles(plain: Language) -> None:
    texts = _texts()
    assert len(texts) > 10
    fast = load_nlp()
    for ours, theirs in zip(fast.pipe(texts), plain.pipe(texts), strict=True):
        assert _annotations(ours) == _annotations(theirs)


def test_same_annotations_when_words_come_back(plain: Language) -> None:
    # The second sight of a word comes from the memo, which must not drift from the first.
    fast = load_nlp()
    texts = ODD * 3
    for ours, theirs in zip(fast.pipe(texts), plain.pipe(texts), strict=True):
        assert _annotations(ours) == _annotations(theirs)


def test_ruler_patterns_that_need_the_next_word(plain: Language) -> None:
    doc = load_nlp()("They ain't here and y'all know it.")
    expected = plain("They ain't here and y'all know it.")
    assert _annotations(doc) == _annotations(expected)
    ai = next(t for t in doc if t.lower_ == "ai")
    assert ai.lemma_ == "be"  # set by a two-token pattern ("ai" + "n't")


def test_a_pattern_it_cannot_compile_keeps_spacys_ruler() -> None:
    nlp = spacy.load(MODEL_PACKAGE)
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"SHAPE": "dddd"}]], {"POS": "NUM"})  # SHAPE: no key the fast ruler reads
    speed_up(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    assert nlp("In 2014 they fled.")[1].pos_ == "NUM"


def test_a_lookup_lemmatizer_is_only_memoised() -> None:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert isinstance(lemmatizer, Lemmatizer)
    lemmatizer.lookups.add_table("lemma_lookup", {"fled": "flee", "shells": "shell"})
    lemmatizer._validated = True
    fast = MemoLemmatizer(lemmatizer)
    doc = fast(nlp.make_doc("They fled the shells and fled again"))
    assert [t.lemma_ for t in doc] == ["They", "flee", "the", "shell", "and", "flee", "again"]


def test_load_nlp_puts_the_token_vectors_on_numpys_blas() -> None:
    nlp = load_nlp()
    assert all(isinstance(n.ops, BlasOps) for n in nlp.get_pipe("tok2vec").model.walk())
    # The parser keeps thinc's own ops (its products ran slower on these).
    assert not isinstance(nlp.get_pipe("parser").model.ops, BlasOps)


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_blas_gemm_matches_thincs(trans1: bool, trans2: bool) -> None:
    rng = np.random.default_rng(7)
    x = rng.random((5, 3) if trans1 else (3, 5), dtype=np.float32)
    y = rng.random((4, 5) if trans2 else (5, 4), dtype=np.float32)
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (3, 4) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-5)
    out = np.zeros((3, 4), dtype=np.float32)
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    np.testing.assert_allclose(out, expected, rtol=1e-5)


def test_blas_gemm_leaves_other_dtypes_to_thinc() -> None:
    # thinc's gemm takes float32 only, and says so: so does this one.
    x = np.arange(6, dtype=np.float64).reshape(2, 3)
    y = np.arange(12, dtype=np.float64).reshape(3, 4)
    with pytest.raises(ValueError, match="float32"):
        BlasOps().gemm(x, y)
