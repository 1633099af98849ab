"""The default run works with the network cut: nothing is fetched at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

ARTICLE = (
    "ODESA, July 2 (Reuters) - A Russian missile struck an apartment building in the "
    "Odesa region overnight, killing 21 people, officials said.\n"
)


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="cannot make a network namespace here")
def test_extract_runs_without_network() -> None:
    cmd = ["unshare", "-n", sys.executable, "-m", "conflictwire", "extract", "-"]
    done = subprocess.run(cmd, input=ARTICLE, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
