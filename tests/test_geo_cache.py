"""Where the gazetteer index is cached when HOME cannot take it (issue 17, defect 6)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from conflictwire.geo import store


@pytest.fixture()
def no_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME below a plain file: nothing can be created there (root included)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.delenv("CONFLICTWIRE_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(blocker / "home"))
    monkeypatch.setattr(store.tempfile, "tempdir", str(tmp_path / "tmp"))
    store._NOTED.clear()
    return tmp_path


def test_an_unwritable_home_falls_back_to_xdg_cache_home_with_a_note(
    no_home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(no_home / "xdg"))
    with caplog.at_level(logging.WARNING, logger="conflictwire.geo.store"):
        folder = store.cache_dir()
    assert folder == no_home / "xdg" / "conflictwire"
    assert folder.is_dir() and os.access(folder, os.W_OK)
    assert "not writable" in caplog.text and str(folder) in caplog.text
    assert store.index_path().parent == folder


def test_then_a_temporary_folder_of_this_user(no_home: Path) -> None:
    folder = store.cache_dir()
    assert folder == no_home / "tmp" / f"conflictwire-{os.getuid()}"
    assert folder.is_dir()


def test_no_home_at_all_is_no_traceback(no_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(store.Path, "home", staticmethod(homeless))
    assert store.cache_dir() == no_home / "tmp" / f"conflictwire-{os.getuid()}"


def test_a_writable_home_and_the_explicit_setting_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONFLICTWIRE_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert store.cache_dir() == tmp_path / "home" / ".cache" / "conflictwire"
    monkeypatch.setenv("CONFLICTWIRE_CACHE", str(tmp_path / "mine"))
    assert store.cache_dir() == tmp_path / "mine"
