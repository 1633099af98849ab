"""Clauses: separate happenings told in one sentence ("shelled X on Monday and struck Y")."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from spacy.tokens import Span

from conflictwire.records import PlaceMention

__all__ = ["split_clauses"]


def _places_in(piece: Span, places: list[PlaceMention]) -> set[str]:
    return {
        p.place.name
        for p in places
        if p.place is not None
        and p.place.kind != "country"
        and piece.start_char <= p.start < piece.end_char
    }


def split_clauses(sent: Span, places_of_doc: Callable[[], list[PlaceMention]]) -> list[Span]:
    """The sentence cut at coordinated main verbs when each part has a place of its own.

    "Russian forces shelled Orikhiv and struck Sumy" tells two happenings; "Russian forces
    shelled and assaulted positions near Orikhiv" tells one and stays whole. The document's
    places are asked for only when there is a cut to judge (geocoding is costly).
    """
    root = sent.root
    conjs = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if not conjs:
        return [sent]
    doc = sent.doc
    cuts = [c.left_edge.i for c in conjs]
    bounds = [sent.start, *cuts, sent.end]
    pieces = []
    for a, end in itertools.pairwise(bounds):
        b = end
        while b > a + 1 and doc[b - 1].dep_ in ("cc", "punct") and doc[b - 1].i < sent.end - 1:
            b -= 1  # "shelled Orikhiv and | struck Sumy": the "and" belongs to neither
        if b > a:
            pieces.append(doc[a:b])
    places = places_of_doc()
    seen: set[str] = set()
    for piece in pieces:
        own = _places_in(piece, places)
        if not own or own & seen:
            return [sent]
        seen |= own
    if _nested(pieces, places):
        return [sent]
    return pieces


_REGIONS = frozenset({"admin1", "admin2"})


def _nested(pieces: list[Span], places: list[PlaceMention]) -> bool:
    """One part names a region the other's place lies in ("killed two insurgents in Khost
    province and detained one in Sabari district"): one operation told in steps."""
    regions = [
        [
            p.place
            for p in places
            if p.place is not None and piece.start_char <= p.start < piece.end_char
        ]
        for piece in pieces
    ]
    for mine, theirs in itertools.combinations(regions, 2):
        for a, b in itertools.product(mine, theirs):
            if a.admin1 and a.admin1 == b.admin1 and (a.kind in _REGIONS or b.kind in _REGIONS):
                return True
    return False
