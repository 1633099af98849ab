"""Training the classifier: reproducible, self-contained, and what the shipped model is."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conflictwire.events.classify.labels import LABELS
from conflictwire.events.classify.model import DEFAULT_MODEL, TextClassifier
from conflictwire.training import corpus_files, load_examples
from conflictwire.training.corpus import corpus_digest
from conflictwire.training.finetune import training_available

needs_training = pytest.mark.skipif(
    not training_available(), reason='needs the training extra: pip install -e ".[train]"'
)
SHIPPED = Path(__file__).resolve().parents[1] / "src" / "conflictwire" / "data" / "models"
DEFAULT = SHIPPED / DEFAULT_MODEL
TEACHER = SHIPPED / "coder-v2"  # the 6-layer model the shipped one learned from
PROBES = Path(__file__).parent / "fixtures" / "classifier" / "probes.json"


def _slice() -> list:
    rows = load_examples(corpus_files())
    by_label: dict[str, list] = {}
    for row in rows:
        by_label.setdefault(row.label, []).append(row)
    # Two rows of each of six labels: small enough for a test, varied enough to learn from.
    return [r for label in sorted(by_label)[:6] for r in by_label[label][:2]]


def test_corpus_has_every_label_and_reads_without_problems() -> None:
    problems: list[str] = []
    rows = load_examples(corpus_files(), problems)
    assert not problems
    counts = {label: sum(r.label == label for r in rows) for label in LABELS}
    assert min(counts.values()) >= 50, counts


@needs_training
@pytest.mark.slow
def test_training_twice_gives_the_same_model(tmp_path: Path) -> None:
    from conflictwire.training import TrainOptions, train_model
    from conflictwire.training.finetune import FineTuneConfig

    rows = _slice()
    options = TrainOptions(finetune=FineTuneConfig(epochs=1, batch_size=4, max_length=48))
    probes = [r.text for r in rows[:6]] + ["Police fired tear gas at the marchers."]
    runs = []
    for name in ("a", "b"):
        folder = train_model(rows, tmp_path / name, options)
        runs.append(TextClassifier(folder).probabilities(probes))
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        assert meta["corpus_digest"] == corpus_digest(rows)
        assert meta["labels"] == list(LABELS)
    assert np.abs(runs[0] - runs[1]).max() < 1e-6
    assert (runs[0].argmax(axis=1) == runs[1].argmax(axis=1)).all()
    # Training moved it: the slice's own labels are now likelier than before (uniform).
    assert runs[0].max(axis=1).mean() > 1.5 / len(LABELS)


@needs_training
@pytest.mark.slow
def test_a_student_learns_the_teachers_readings(tmp_path: Path) -> None:
    """``--teacher``: trained on a teacher's probabilities as well as the gold labels, a small
    model reads the training texts more like the teacher than one trained on the labels alone,
    and its folder names the teacher."""
    from conflictwire.training import TrainOptions, train_model
    from conflictwire.training.finetune import FineTuneConfig

    rows = _slice()
    teacher = TextClassifier(TEACHER)
    texts = [r.text for r in rows]
    wanted = teacher.probabilities(texts)
    gaps = {}
    for name, options in (
        (
            "alone",
            TrainOptions(finetune=FineTuneConfig(epochs=2, batch_size=4, max_length=48, layers=2)),
        ),
        (
            "taught",
            TrainOptions(
                finetune=FineTuneConfig(
                    epochs=2, batch_size=4, max_length=48, layers=2, distill=1.0
                ),
                teacher=TEACHER,
            ),
        ),
    ):
        folder = train_model(rows, tmp_path / name, options)
        got = TextClassifier(folder).probabilities(texts)
        gaps[name] = float(np.abs(got - wanted).sum(axis=1).mean())
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        assert (meta["teacher"] is not None) == (name == "taught")
    assert gaps["taught"] < gaps["alone"], gaps


@pytest.mark.parametrize("folder", sorted({DEFAULT, TEACHER}), ids=lambda f: f.name)
def test_shipped_models_were_built_from_this_corpus(folder: Path) -> None:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["corpus_digest"] == corpus_digest(load_examples(corpus_files()))
    assert meta["labels"] == list(LABELS)
    if meta.get("teacher"):  # a student names the shipped model it learned from
        assert meta["teacher"] == TextClassifier(TEACHER).identity


def test_shipped_model_gives_its_recorded_predictions() -> None:
    """The probes' labels and confidences as the build command's model gave them when it was
    built (tests/fixtures/classifier/probes.json, written by bench/classifier_probes.py)."""
    recorded = json.loads(PROBES.read_text(encoding="utf-8"))
    model = TextClassifier(DEFAULT)
    assert recorded["model"] == model.identity
    got = model.classify([p["text"] for p in recorded["probes"]])
    for probe, pred in zip(recorded["probes"], got, strict=True):
        assert pred.label == probe["label"], probe["text"]
        assert abs(pred.confidence - probe["confidence"]) < 1e-4, probe["text"]


def test_shipped_model_knows_the_projects_own_probe_sentences() -> None:
    """Hand-labelled sentences of our own, one or two per class and hard negatives: the
    shipped model gets nearly all of them (a model that learned the corpus's style only, or a
    broken export, would not)."""
    import csv

    with (PROBES.parent / "probe_sentences.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    got = TextClassifier(DEFAULT).classify([r["text"] for r in rows])
    right = sum(r["label"] == p.label for r, p in zip(rows, got, strict=True))
    assert right >= len(rows) - 3, f"{right}/{len(rows)}"


def test_a_cut_text_reads_as_its_opening_words() -> None:
    """``max_tokens`` keeps a text's first tokens and its end token: a long sentence cut to
    the length of its opening clause reads exactly as that clause alone."""
    model = TextClassifier(DEFAULT)
    opening = "Gunmen stormed a village market and shot dead four traders"
    whole = opening + ", the district governor told reporters by telephone on Sunday evening."
    width = len(model._tokenizer.encode(opening).ids)
    cut = model.probabilities([whole], max_tokens=width)[0]
    assert np.abs(cut - model.probabilities([opening])[0]).max() < 1e-6
    # (in log space: a confident model's probabilities move by less than 1e-4 anywhere)
    assert np.abs(np.log(cut) - np.log(model.probabilities([whole])[0])).max() > 1e-2


def test_a_text_reads_the_same_alone_and_among_others() -> None:
    """A verdict is the text's own: int8 activations quantized over a batch would let a
    sentence's neighbours (longer ones, other documents') move its probabilities."""
    model = TextClassifier(DEFAULT)
    text = "It is unclear whether anyone was hurt, but shooting followed the blasts."
    others = [
        "Hundreds of farmers blocked the highway with tractors for a second day, demanding "
        "higher grain prices, and police in riot gear later cleared the road with batons.",
        "Talks resume next week.",
    ]
    alone = model.probabilities([text])[0]
    among = model.probabilities([*others, text])[2]
    assert np.array_equal(alone, among)


def test_transfer_sentences_are_the_sentences_of_longer_texts() -> None:
    """What a student reads besides the corpus rows: each sentence of a multi-sentence row
    once (the pipeline reads an article's sentences alone), never a row itself, never a
    fragment too short to tell anything."""
    from conflictwire.training.build import transfer_sentences

    texts = [
        'Gunmen shot dead two traders in the market. Police said "they fled on motorbikes." '
        "Ok. Residents closed their shops for the rest of the day.",
        "Troops retook the town on Sunday.",
        "Troops retook the town on Sunday. Gunmen shot dead two traders in the market.",
        "Lt. Gen. Ahmed Noor said the U.S. Embassy was shut. It reopened on Monday morning.",
    ]
    assert transfer_sentences(texts) == [
        "Gunmen shot dead two traders in the market.",
        'Police said "they fled on motorbikes."',
        "Residents closed their shops for the rest of the day.",
        "Lt. Gen. Ahmed Noor said the U.S. Embassy was shut.",
        "It reopened on Monday morning.",
    ]


def test_a_teacher_without_a_distillation_weight_is_refused(tmp_path: Path) -> None:
    from conflictwire.training import TrainOptions, train_model

    with pytest.raises(ValueError, match="E104"):
        train_model(_slice(), tmp_path / "m", TrainOptions(teacher=TEACHER))
    assert not (tmp_path / "m").exists()
