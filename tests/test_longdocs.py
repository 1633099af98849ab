"""Texts over the parser's length limit are parsed in pieces with every offset kept."""

from __future__ import annotations

import itertools

from conflictwire.nlp import load_nlp
from conflictwire.nlp.longdocs import split_long
from conflictwire.nlp.prefilter import pipe_texts

PARAGRAPH = (
    "Russian forces shelled the village of Tsyrkuny overnight, killing two civilians, "
    "the governor said.\n\nThe city council met on Tuesday to discuss the budget.\n\n"
)


def test_split_long_cuts_at_line_breaks_and_keeps_every_character() -> None:
    text = PARAGRAPH * 50
    pieces = split_long(text, [(10, 5000)], 1000)
    assert "".join(piece for piece, _ in pieces) == text
    assert all(len(piece) <= 1000 for piece, _ in pieces)
    assert all(piece.endswith("\n") for piece, _ in pieces[:-1])
    covered: list[tuple[int, int]] = []
    offset = 0
    for piece, spans in pieces:
        covered += [(offset + a, offset + b) for a, b in spans]
        offset += len(piece)
    assert covered[0][0] == 10 and covered[-1][1] == 5000
    assert all(prev[1] == nxt[0] for prev, nxt in itertools.pairwise(covered))


def test_text_over_max_length_parses_to_one_doc_with_the_same_text() -> None:
    nlp = load_nlp()
    text = PARAGRAPH * 40
    saved = nlp.max_length
    nlp.max_length = 2000  # force several pieces without a megabyte of text
    try:
        (doc,) = list(pipe_texts(nlp, [(text, ())]))
    finally:
        nlp.max_length = saved
    assert doc.text == text
    killing = [t for t in doc if t.text == "killing"]
    assert len(killing) == 40
    assert all(text[t.idx : t.idx + len(t)] == "killing" for t in killing)
    assert all(t.head.i != t.i or t.dep_ == "ROOT" for t in doc)
    assert len(list(doc.sents)) >= 80
