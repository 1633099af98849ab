"""Start-up: spaCy imported without PyTorch.

thinc, spaCy's machine-learning layer, imports PyTorch at import time whenever it is
installed (to offer GPU and PyTorch layers). The bundled pipeline uses neither, and the
learned classifier runs on onnxruntime, yet with the ``train`` extra installed that import
cost every process and every worker about 1.3 s and 180 MB. So spaCy is imported here, first,
with PyTorch hidden; ``conflictwire train`` imports PyTorch itself later and gets it whole.
"""

from __future__ import annotations

import sys

__all__ = ["import_spacy_without_torch"]


def import_spacy_without_torch() -> None:
    """Import spaCy (and thinc) with ``import torch`` failing, then let it succeed again."""
    if "torch" in sys.modules or "thinc" in sys.modules:
        return  # already imported by the caller: nothing to save, nothing to change
    sys.modules["torch"] = None  # type: ignore[assignment]  # None: the import fails
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get("torch", True) is None:
            del sys.modules["torch"]
