"""Start-up: a worker imports spaCy without PyTorch, and PyTorch still imports after."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None, reason="PyTorch is not installed"
)

PROBE = """
import sys
import conflictwire
from conflictwire.nlp import load_nlp
load_nlp()("Gunmen attacked a police post near Kismayo on Monday.")
print("torch" in sys.modules)
import torch
print(int(torch.ones(3).sum()))
"""


def test_the_pipeline_loads_without_pytorch_and_training_still_gets_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["False", "3"]


def test_a_caller_that_imported_pytorch_first_keeps_it() -> None:
    probe = "import torch, conflictwire, thinc.compat; print(thinc.compat.has_torch)"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "True"
