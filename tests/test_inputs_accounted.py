"""Every input is accounted for: unreadable folders and damaged WARC records are named,
the records around them still read, a file named twice is one document (issue 17)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwire.cli import app
from conflictwire.inputs import ReadOptions, read_inputs
from conflictwire.records import Document, ReadFailure

from .fixtures.inputs import builders


def _split(names: list[str]) -> tuple[list[Document], list[ReadFailure]]:
    items = list(read_inputs(names, ReadOptions()))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, ReadFailure)],
    )


def _pages(n: int) -> list[tuple[str, str, bytes]]:
    return [
        (
            f"https://wire.example/report-{i}",
            "text/html; charset=utf-8",
            f"<html><body><article><p>Report {i}: troops shelled the village of Sample "
            f"{i} overnight, the governor said.</p></article></body></html>".encode(),
        )
        for i in range(n)
    ]


def _set_length(warc: bytes, uri: str, change: Callable[[int], int]) -> bytes:
    """The WARC with the response record of ``uri`` declaring a wrong Content-Length."""
    for header in re.finditer(rb"WARC/1\.[01]\r\n.*?\r\n\r\n", warc, re.DOTALL):
        block = header[0]
        if b"WARC-Type: response" in block and f"WARC-Target-URI: {uri}\r".encode() in block:
            length = re.search(rb"Content-Length: (\d+)", block)
            assert length is not None
            start, end = header.start() + length.start(1), header.start() + length.end(1)
            return warc[:start] + str(change(int(length[1]))).encode() + warc[end:]
    raise AssertionError(f"no response record for {uri}")


@pytest.mark.parametrize("change", [lambda n: n + 300, lambda n: n - 40], ids=["long", "short"])
def test_a_wrong_content_length_loses_only_its_own_record(
    tmp_path: Path, change: Callable[[int], int]
) -> None:
    warc = builders.warc_bytes(_pages(4))
    path = tmp_path / "crawl.warc"
    path.write_bytes(_set_length(warc, "https://wire.example/report-1", change))
    docs, failures = _split([str(path)])
    # The record after the damaged one is read; the damaged one is named with its reason.
    assert [d.doc_id for d in docs] == [
        "https://wire.example/report-0",
        "https://wire.example/report-2",
        "https://wire.example/report-3",
    ]
    assert len(failures) == 1
    assert failures[0].name == f"{path}: https://wire.example/report-1"
    assert "Content-Length" in failures[0].reason


def test_a_correct_warc_reads_whole_and_without_failures(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(builders.warc_bytes(_pages(5), compress=True))
    docs, failures = _split([str(path)])
    assert len(docs) == 5 and not failures
    assert "Report 4: troops shelled" in docs[4].text


def test_junk_between_records_is_named_and_the_rest_read(tmp_path: Path) -> None:
    warc = builders.warc_bytes(_pages(3))
    second = warc.index(b"WARC/1.", warc.index(b"report-1") - 600)
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc[:second] + b"garbage line\r\n" * 3 + warc[second:])
    docs, failures = _split([str(path)])
    assert len(docs) == 3
    assert len(failures) == 1 and "outside any WARC record" in failures[0].reason


@pytest.fixture()
def locked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A folder with a readable file and a sub-folder that cannot be listed."""
    root = tmp_path / "inbox"
    locked = root / "private"
    locked.mkdir(parents=True)
    (root / "a.txt").write_text("Troops shelled Sample overnight.", encoding="utf-8")
    (locked / "b.txt").write_text("Hidden from the reader.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        # chmod 000 does not stop root (CI runs as root): refuse the listing itself.
        if Path(os.fsdecode(path)) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return root, locked


def test_an_unreadable_folder_inside_a_walked_one_is_named(
    locked_folder: tuple[Path, Path],
) -> None:
    root, locked = locked_folder
    docs, failures = _split([str(root)])
    assert [d.doc_id for d in docs] == [str(root / "a.txt")]
    assert failures == [ReadFailure(str(locked), "cannot list folder: Permission denied")]


def test_an_unreadable_folder_sets_exit_status_one(locked_folder: tuple[Path, Path]) -> None:
    root, locked = locked_folder
    result = CliRunner().invoke(app, ["geoparse", str(root)])
    assert result.exit_code == 1
    assert str(locked) in result.stderr and "cannot list folder" in result.stderr


def test_one_file_named_twice_is_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Troops shelled Sample overnight.", encoding="utf-8")
    Path("more").mkdir()
    Path("more/b.txt").write_text("Police detained two men in Sample.", encoding="utf-8")
    docs, failures = _split(["./a.txt", "a.txt", "more", "more/b.txt", str(tmp_path / "a.txt")])
    assert [d.doc_id for d in docs] == ["a.txt", "more/b.txt"]
    assert not failures


def test_a_feed_cut_off_mid_item_keeps_its_items_and_is_named(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Report {i}</title><link>https://feed.example/{i}</link>"
        f"<description>Troops shelled Sample {i} overnight.</description></item>"
        for i in range(4)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}'
    path = tmp_path / "wire.rss"
    path.write_text(feed[: feed.rindex("<item>") + 30], encoding="utf-8")  # cut in the 4th
    docs, failures = _split([str(path)])
    assert [d.doc_id for d in docs][:3] == [f"https://feed.example/{i}" for i in range(3)]
    assert len(failures) == 1 and failures[0].name == str(path)
    assert "not well-formed" in failures[0].reason


def test_a_linked_folder_is_said_not_silently_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("Troops shelled Sample overnight.", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "linked").symlink_to(real, target_is_directory=True)
    with caplog.at_level("WARNING", logger="conflictwire.inputs.reader"):
        docs, failures = _split([str(inbox)])
    assert not docs and not failures
    assert f"{inbox / 'linked'}: a linked folder, not walked" in caplog.text


def test_a_readers_own_error_names_the_input_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conflictwire.inputs import reader

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise AttributeError("'NoneType' object has no attribute 'text'")

    monkeypatch.setattr(reader, "extract_page", broken)
    (tmp_path / "a.html").write_text("<html><p>Troops shelled Sample.</p></html>", "utf-8")
    (tmp_path / "b.txt").write_text("Troops shelled Sample overnight.", encoding="utf-8")
    docs, failures = _split([str(tmp_path)])
    assert [d.doc_id for d in docs] == [str(tmp_path / "b.txt")]
    assert failures == [
        ReadFailure(
            str(tmp_path / "a.html"),
            "reading failed: AttributeError: 'NoneType' object has no attribute 'text'",
        )
    ]
