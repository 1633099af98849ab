"""The learned happening classifier at run time: an ONNX model folder, loaded offline.

A model folder (``conflictwire train`` writes one; the default ships in the package under
``data/models/``) holds ``model.onnx``, ``tokenizer.json`` and ``meta.json``. ``classify``
takes texts (a sentence with its context) and returns, for each, the most likely label of
``labels.LABELS`` with its probability. Each text is read alone: its verdict is its own.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from conflictwire._memo import BoundedMemo
from conflictwire.events.classify.labels import in_scope

__all__ = [
    "DEFAULT_MODEL",
    "ModelError",
    "Prediction",
    "TextClassifier",
    "coder_version",
    "load_classifier",
]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "coder-v3"
_MEMO_SIZE = 4096  # verdicts remembered per loaded model (a few hundred kB)


class ModelError(RuntimeError):
    """A model folder that cannot be used (missing files, unreadable meta)."""


@dataclass(frozen=True)
class Prediction:
    """The classifier's verdict on one text: its top label and that label's probability, plus
    the best in-scope sub-type (what a rule-found event would be coded as)."""

    label: str
    confidence: float
    best_event: str
    best_event_confidence: float
    probabilities: dict[str, float]

    def probability(self, label: str) -> float:
        return self.probabilities.get(label, 0.0)

    @property
    def is_event(self) -> bool:
        return in_scope(self.label)

    @property
    def out_of_scope(self) -> float:
        """The probability that the text tells no ACLED event, whatever the reason."""
        return sum(p for label, p in self.probabilities.items() if not in_scope(label))


class TextClassifier:
    """One loaded model; thread-safe (onnxruntime sessions are)."""

    def __init__(self, folder: Path) -> None:
        meta_path = folder / "meta.json"
        try:
            self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"E101 {folder}: no readable meta.json ({exc})") from exc
        for needed in ("model.onnx", "tokenizer.json"):
            if not (folder / needed).is_file():
                raise ModelError(f"E102 {folder}: missing {needed}")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        # One thread per session: the pipeline's workers are the parallelism.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=int(self.meta.get("max_length", 128)))
        self._lock = threading.Lock()  # tokenizers' settings are per object
        self.labels: list[str] = list(self.meta["labels"])
        self._event_columns = np.array([in_scope(label) for label in self.labels])
        self._memo: BoundedMemo[tuple[str, int | None], Prediction] = BoundedMemo(_MEMO_SIZE)
        self.folder = folder

    @property
    def identity(self) -> str:
        """Name, version and a short corpus digest: what ``coder_version`` records."""
        digest = str(self.meta.get("corpus_digest", ""))[:12]
        return f"{self.meta.get('name', 'model')}-{self.meta.get('version', '?')}+{digest}"

    def probabilities(self, texts: list[str], max_tokens: int | None = None) -> np.ndarray:
        """Softmax probabilities, one row per text, columns in ``self.labels`` order.
        ``max_tokens`` cuts each text shorter than the model's own limit (its end token kept)."""
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        if not texts:
            return out
        with self._lock:
            encoded = [_cut(e.ids, max_tokens) for e in self._tokenizer.encode_batch(texts)]
        # One text per run: int8 activations are quantized over the whole input, so in a batch
        # a text's verdict moves with its neighbours (a sentence seen reading "plan or threat"
        # beside its own document's others and "Other" alone). Alone, a text has one reading;
        # with no padding to its longest neighbour it costs about what per-document batches did.
        for row, ids in enumerate(encoded):
            batch = np.asarray([ids], dtype=np.int64)
            feed = {"input_ids": batch, "attention_mask": np.ones_like(batch)}
            logits = self._session.run(["logits"], feed)[0]
            shifted = logits - logits.max(axis=1, keepdims=True)
            probs = np.exp(shifted)
            out[row] = (probs / probs.sum(axis=1, keepdims=True))[0]
        return out

    def classify(self, texts: list[str], max_tokens: int | None = None) -> list[Prediction]:
        """One prediction per text. Each text is read alone, so a verdict depends on the text
        only and the last few thousand are remembered: a short text is read whole before it is
        parsed (is it worth parsing?) and again as its main sentence's context, and wires
        repeat each other's sentences."""
        known = {t: p for t in texts if (p := self._memo.get((t, max_tokens))) is not None}
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        read = dict(zip(todo, self._predict(todo, max_tokens), strict=True)) if todo else {}
        for text, prediction in read.items():
            self._memo.put((text, max_tokens), prediction)
        return [known[t] if t in known else read[t] for t in texts]

    def _predict(self, texts: list[str], max_tokens: int | None) -> list[Prediction]:
        probs = self.probabilities(texts, max_tokens)
        found = []
        for row in probs:
            top = int(row.argmax())
            masked = np.where(self._event_columns, row, -1.0)
            best = int(masked.argmax())
            found.append(
                Prediction(
                    self.labels[top],
                    float(row[top]),
                    self.labels[best],
                    float(row[best]),
                    dict(zip(self.labels, row.tolist(), strict=True)),
                )
            )
        return found


def _cut(ids: list[int], max_tokens: int | None) -> list[int]:
    if max_tokens is None or len(ids) <= max_tokens:
        return ids
    return ids[: max_tokens - 1] + ids[-1:]


def _default_folder() -> Path:
    return Path(str(resources.files("conflictwire").joinpath(f"data/models/{DEFAULT_MODEL}")))


@functools.lru_cache(maxsize=4)
def load_classifier(folder: Path | None = None) -> TextClassifier:
    """The classifier in ``folder`` (the shipped default when None), loaded once per process."""
    return TextClassifier(folder if folder is not None else _default_folder())


@functools.cache  # metadata lookups read the installed files: once per process, not per event
def _package_version() -> str:
    try:
        return metadata.version("conflictwire")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def coder_version(classifier: TextClassifier | None) -> str:
    """The package version and the model that coded an event (``rules`` without one)."""
    model = classifier.identity if classifier is not None else "rules"
    return f"conflictwire {_package_version()}; {model}"
