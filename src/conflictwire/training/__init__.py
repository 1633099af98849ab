"""Training the coder's learned classifier (``conflictwire train``).

``train_model`` reads labelled files (the project's corpus, an ACLED export, or a user's TSV/CSV
of text and label), fine-tunes the sentence encoder with a classification head, and writes a
self-contained model folder that ``events.classify.model`` loads offline. Fine-tuning needs the
``[train]`` extra (PyTorch and transformers); running a trained model does not.
"""

from conflictwire.training.build import TrainOptions, train_model
from conflictwire.training.corpus import CORPUS_DIR, corpus_files, load_examples

__all__ = ["CORPUS_DIR", "TrainOptions", "corpus_files", "load_examples", "train_model"]
