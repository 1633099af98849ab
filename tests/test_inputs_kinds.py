"""Every input kind carries the same article to the same document text, cleaning and events."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conflictwire.clean import clean_document
from conflictwire.inputs import ReadOptions, read_inputs
from conflictwire.records import Document, ReadFailure

from .fixtures.inputs import builders

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "inputs"


def _docs(paths: list[Path | str], **opts: Any) -> list[Document]:
    items = list(read_inputs([str(p) for p in paths], ReadOptions(**opts)))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert not failures, failures
    return [i for i in items if isinstance(i, Document)]


def _one(path: Path, **opts: Any) -> Document:
    docs = _docs([path], **opts)
    assert len(docs) == 1, docs
    return docs[0]


def _seed_kinds(text: str, folder: Path) -> dict[str, Path]:
    page = builders.article_html(text).encode()
    files = {
        "txt": ("article.txt", text.encode()),
        "txt.gz": ("article.txt.gz", builders.gz(text.encode())),
        "html": ("page.html", page),
        "html.gz": ("page.htm.gz", builders.gz(page)),
        "rss": ("feed.rss", builders.article_rss(text).encode()),
        "warc": ("crawl.warc", builders.warc_bytes(_crawl(page))),
        "warc.gz": ("crawl.warc.gz", builders.warc_bytes(_crawl(page), compress=True)),
    }
    out = {}
    for kind, (name, data) in files.items():
        (folder / name).write_bytes(data)
        out[kind] = folder / name
    return out


def _crawl(page: bytes) -> list[tuple[str, str, bytes]]:
    return [
        ("https://news.example.org/static/site.css", "text/css", b"body { margin: 0 }"),
        (builders.PAGE_URL, "text/html; charset=utf-8", page),
        ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ]


def _comparable(event: Any) -> dict[str, Any]:
    record = dict(event.to_dict())
    for key in ("event_id", "doc_id", "updated_at"):
        record.pop(key)
    return record


@pytest.fixture(scope="module")
def seed_kinds(seed_article: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _seed_kinds(seed_article.read_text(encoding="utf-8"), tmp_path_factory.mktemp("kinds"))


@pytest.mark.parametrize("kind", ["txt.gz", "html", "html.gz", "rss", "warc", "warc.gz"])
def test_seed_in_every_kind_gives_the_same_text_and_cleaning(
    seed_kinds: dict[str, Path], kind: str
) -> None:
    plain = _one(seed_kinds["txt"], published="2022-06-26")
    other = _one(seed_kinds[kind], published="2022-06-26")
    assert other.text == plain.text
    ours, theirs = clean_document(plain), clean_document(other)
    assert theirs.analysis == ours.analysis
    assert theirs.cited_source == ours.cited_source == "CCTV News"
    assert other.published == "2022-06-26"


@pytest.mark.parametrize("kind", ["txt.gz", "html", "rss", "warc.gz"])
def test_seed_in_every_kind_gives_the_same_events(
    seed_kinds: dict[str, Path], kind: str, pipeline: Any
) -> None:
    plain = _one(seed_kinds["txt"], published="2022-06-26")
    other = _one(seed_kinds[kind], published="2022-06-26")
    stamp = "2026-01-01T00:00:00Z"
    ours = pipeline.process(plain, now=stamp)
    theirs = pipeline.process(other, now=stamp)
    assert ours.skipped is None and theirs.skipped is None
    assert [_comparable(e) for e in theirs.events] == [_comparable(e) for e in ours.events]
    for event in theirs.events:
        for span in event.evidence:
            assert other.text[span.start : span.end] == span.text


def test_feed_and_warc_documents_keep_their_url_as_id(seed_kinds: dict[str, Path]) -> None:
    for kind in ("rss", "warc", "warc.gz"):
        doc = _one(seed_kinds[kind])
        assert doc.doc_id == builders.PAGE_URL
        assert doc.url == builders.PAGE_URL
        assert doc.title == "Missiles hit Kiev overnight"
    assert _one(seed_kinds["txt"]).doc_id == str(seed_kinds["txt"])


def test_html_page_metadata_and_clutter_left_out() -> None:
    text = (FIXTURES / "wire_dateline.txt").read_text(encoding="utf-8")
    page = builders.article_html(text, title="Shelling hits Kharkiv depot", published="2021-09-14")
    from conflictwire.inputs.html import extract_page

    result = extract_page(page)
    assert result.title == "Shelling hits Kharkiv depot"
    assert result.published == "2021-09-14"
    assert result.source == "The Daily Dispatch"
    assert result.url == builders.PAGE_URL
    for clutter in ("cookies", "Privacy policy", "Most read", "Business", "All rights reserved"):
        assert clutter not in result.text
    assert result.text.split("\n\n")[0].startswith("KHARKIV, Ukraine, Sept 14")


def test_page_dates_win_over_defaults_and_defaults_fill_gaps(tmp_path: Path) -> None:
    text = (FIXTURES / "syndicated_a.txt").read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(builders.article_html(text, published="2023-03-03"), encoding="utf-8")
    plain = tmp_path / "note.txt"
    plain.write_text(text, encoding="utf-8")
    docs = _docs([page, plain], published="2030-01-01", source="Desk")
    assert [d.published for d in docs] == ["2023-03-03", "2030-01-01"]
    assert [d.source for d in docs] == ["The Daily Dispatch", "Desk"]


def test_jsonl_fields_html_field_and_metadata(tmp_path: Path) -> None:
    text = (FIXTURES / "syndicated_a.txt").read_text(encoding="utf-8")
    rows = [
        {"id": "n1", "text": "Police fired tear gas at protesters in Lagos.", "extra": 7},
        {"id": "n2", "html": builders.article_html(text, published="2023-03-04")},
        {"id": "n3", "text": "x", "published": "2023-03-05T22:10:00+01:00", "language": "fr"},
    ]
    path = tmp_path / "docs.ndjson"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    n1, n2, n3 = _docs([path], published="2020-01-01")
    assert n1.metadata == {"extra": 7} and n1.published == "2020-01-01"
    assert n2.text == text.strip() and n2.published == "2023-03-04"
    assert n2.title == "Missiles hit Kiev overnight"
    assert n3.published == "2023-03-05" and n3.language == "fr"


def test_atom_feed_summary_when_no_content_and_item_dates(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Monitor</title>
<id>urn:sahel</id><updated>2024-02-02T10:00:00Z</updated>
<entry><title>Attack near Gao</title><link href="https://sahel.example.net/a/1"/>
<id>urn:a1</id><published>2024-02-01T23:30:00-01:00</published>
<summary type="html">&lt;p&gt;Gunmen killed four herders near Gao on Wednesday.&lt;/p&gt;</summary>
</entry>
<entry><title>Curfew in Mopti</title><link href="https://sahel.example.net/a/2"/>
<id>urn:a2</id><updated>2024-02-02T08:00:00Z</updated>
<content type="text">Authorities declared a night curfew in Mopti.</content></entry>
</feed>"""
    path = tmp_path / "sahel.atom"
    path.write_text(atom, encoding="utf-8")
    first, second = _docs([path])
    assert first.doc_id == "https://sahel.example.net/a/1"
    assert first.text == "Gunmen killed four herders near Gao on Wednesday."
    assert first.published == "2024-02-01"  # the day as the outlet wrote it, not UTC
    assert first.source == "Sahel Monitor"
    assert second.text == "Authorities declared a night curfew in Mopti."
    assert second.published == "2024-02-02"


def test_warc_keeps_only_html_responses(tmp_path: Path) -> None:
    page = builders.article_html((FIXTURES / "syndicated_a.txt").read_text(encoding="utf-8"))
    other = ("https://other.example.com/b", "application/xhtml+xml", page.encode())
    crawl = [*_crawl(page.encode()), other]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(builders.warc_bytes(crawl, compress=True))
    docs = _docs([path])
    assert [d.doc_id for d in docs] == [builders.PAGE_URL, "https://other.example.com/b"]
    assert docs[0].metadata["crawled"]


def test_sniffing_without_extension_and_doc_id_normalized(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (FIXTURES / "syndicated_a.txt").read_text(encoding="utf-8")
    (tmp_path / "page").write_text(builders.article_html(text), encoding="utf-8")
    (tmp_path / "rows").write_text(json.dumps({"id": "r1", "text": "Clash in Beni."}) + "\n")
    (tmp_path / "crawl").write_bytes(builders.warc_bytes(_crawl(b"<html><p>x</p></html>")))
    (tmp_path / "feed").write_text(builders.article_rss(text), encoding="utf-8")
    (tmp_path / "note").write_bytes(builders.gz(text.encode()))
    monkeypatch.chdir(tmp_path)
    docs = _docs(["./crawl", "feed", "note", "page", "./rows"])
    assert [d.doc_id for d in docs] == [
        builders.PAGE_URL,
        builders.PAGE_URL,
        "note",
        "page",
        "r1",
    ]
    assert docs[2].text == text and docs[3].text == text.strip()


def test_folder_walk_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", "sub/.cache/d.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Report {name}.", encoding="utf-8")
    docs = _docs([tmp_path])
    assert [Path(d.doc_id).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
    ]


def test_stdin_is_sniffed() -> None:
    text = (FIXTURES / "syndicated_a.txt").read_text(encoding="utf-8")
    payload = builders.gz(builders.article_rss(text).encode())
    code = (
        "from conflictwire.inputs import read_inputs\n"
        "for d in read_inputs(['-']): print(d.doc_id, len(d.text))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=payload, capture_output=True, check=True
    ).stdout.decode()
    assert out.split() == [builders.PAGE_URL, str(len(text.strip()))]


def test_empty_file_gives_an_empty_document_and_no_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "empty.txt.gz").write_bytes(gzip.compress(b""))
    docs = _docs([tmp_path])
    assert [d.text for d in docs] == ["", ""]


def test_invalid_utf8_is_replaced_and_noted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Explosion near the café in Gao.".encode("latin-1"))
    with caplog.at_level("WARNING"):
        (doc,) = _docs([path])
    assert doc.text == "Explosion near the caf\ufffd in Gao."
    assert any(str(path) in r.getMessage() for r in caplog.records)


def test_declared_charset_of_a_page_is_honoured(tmp_path: Path) -> None:
    page = builders.article_html("Обстріл Харкова: двоє загиблих.").replace(
        'charset="utf-8"', 'charset="windows-1251"'
    )
    path = tmp_path / "uk.html"
    path.write_bytes(page.encode("cp1251"))
    (doc,) = _docs([path])
    assert doc.text == "Обстріл Харкова: двоє загиблих."


def test_gzip_layer_is_found_by_magic_not_by_name() -> None:
    from conflictwire.inputs.streams import open_layers

    head, stream, compressed = open_layers(io.BytesIO(builders.gz(b"plain words")))
    assert compressed and head == b"plain words" and stream.read() == b"plain words"


def test_utf16_with_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    path = tmp_path / "note"
    path.write_bytes("Shelling in Kherson killed one man.".encode("utf-16"))
    (doc,) = _docs([path])
    assert doc.text == "Shelling in Kherson killed one man."
