"""Shared fixtures. Real third-party data stays in ../shared; tests that read it skip without it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

# The store's fixtures (a store on SQLite and on PostgreSQL) live beside its tests.
pytest_plugins = ["tests.store_support"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / "seed" / "article.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/seed/article.txt is absent")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from conflictwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def geocoder():  # type: ignore[no-untyped-def]
    """The real gazetteer index, loaded once."""
    from conflictwire.geo import get_geocoder

    return get_geocoder()


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """``bench/press_releases.py`` as a module: its scorer is what the press tests measure."""
    spec = importlib.util.spec_from_file_location(
        "press_releases", ROOT / "bench" / "press_releases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["press_releases"] = module
    spec.loader.exec_module(module)
    return module
