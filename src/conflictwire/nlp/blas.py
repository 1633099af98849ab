"""The shared token-to-vector layer's matrix products on numpy's BLAS instead of blis.

thinc's ``NumpyOps`` multiplies with blis. On the project's machines the blis wheel ran a
single-threaded product of the size the tok2vec's maxout layers make (8,000 tokens x 288 by
288 x 288) at about a third of the speed of the OpenBLAS that numpy's wheels bundle (31 against
94 GFLOPS), and those products are a third of the parse. Only the ``tok2vec`` component's
layers get these ops: the parser's precomputed layer ran slower with them (its products are
small and many). The tagger and parser read the same vectors, so the annotations are spaCy's
own (token for token on the 133,750 tokens the whole-article bench parses; tested on the
project's fixtures).

Each product runs on one BLAS thread, as every other model here does: the pipeline's workers
are the parallelism, and a BLAS pool per worker would fight them for the cores. The limit is
set around each product, so nothing else in the process has its threads changed.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

__all__ = ["BlasOps", "blas_tok2vec"]

log = logging.getLogger(__name__)

_THREADS = ThreadpoolController()


class BlasOps(NumpyOps):  # type: ignore[misc]  # thinc's Cython class: Any to mypy
    """``NumpyOps`` whose float32 ``gemm`` is numpy's ``matmul`` on one BLAS thread."""

    name = "conflictwire_blas"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        if x.dtype != np.float32 or y.dtype != np.float32:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        with _THREADS.limit(limits=1, user_api="blas"):
            if out is None:
                return np.matmul(a, b)
            np.matmul(a, b, out=out)
        return out


def blas_tok2vec(nlp: Language) -> Language:
    """``nlp`` with its ``tok2vec`` component's layers on ``BlasOps`` (a pipeline without
    one is returned as it is)."""
    if "tok2vec" not in nlp.pipe_names:
        log.debug("no tok2vec component: thinc's own ops kept")
        return nlp
    ops = BlasOps()
    tok2vec: Any = nlp.get_pipe("tok2vec")
    for node in tok2vec.model.walk():
        node.ops = ops
    return nlp
