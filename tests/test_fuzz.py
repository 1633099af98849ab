"""Random inputs through every reader and the pipeline: never an exception, always a reason.

Property-based (hypothesis): random bytes under every input kind's name, generated HTML, feeds,
WARC archives (with broken lengths), JSONL and Unicode text. A reader yields ``Document``s and
``ReadFailure``s (a name and a reason) and nothing else; the pipeline gives each document a
result or a named failure, with every evidence span indexing the document's text. The examples
are derandomized (the same ones each run) and bounded so the whole module runs in well under
two minutes: about 2,400 generated inputs.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictwire.inputs import ReadOptions, read_inputs
from conflictwire.records import DocResult, Document, ReadFailure
from conflictwire.runner import Pipeline

pytestmark = pytest.mark.fuzz

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
KINDS = [".txt", ".html", ".xml", ".rss", ".atom", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ""]
SMALL = ReadOptions(max_doc_bytes=20_000)


@pytest.fixture(scope="module")
def where(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the module: each example overwrites its input file there."""
    return tmp_path_factory.mktemp("fuzz")


def _read(where: Path, name: str, data: bytes) -> list[Document | ReadFailure]:
    path = where / name
    path.write_bytes(data)
    items = list(read_inputs([str(path)], SMALL))
    for item in items:
        if isinstance(item, ReadFailure):
            assert item.name and item.reason, item
        else:
            assert isinstance(item, Document), item
            assert isinstance(item.text, str) and isinstance(item.doc_id, str) and item.doc_id
    return items


@settings(parent=FUZZ, max_examples=700)
@given(data=st.binary(max_size=3_000), kind=st.sampled_from(KINDS))
def test_random_bytes_under_every_kinds_name(where: Path, data: bytes, kind: str) -> None:
    _read(where, f"input{kind}", gzip.compress(data, mtime=0) if kind.endswith(".gz") else data)


@settings(parent=FUZZ, max_examples=200)
@given(data=st.binary(max_size=2_000), cut=st.integers(0, 200))
def test_truncated_and_garbled_gzip(where: Path, data: bytes, cut: int) -> None:
    packed = gzip.compress(data, mtime=0)
    _read(where, "cut.txt.gz", packed[: max(0, len(packed) - cut)])


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF), max_size=300
)
_WORDS = st.lists(
    st.sampled_from(
        [
            "Russian", "forces", "shelled", "Kharkiv", "killing", "two", "civilians", ".",
            "police", "arrested", "protesters", "in", "Mogadishu", "on", "Monday", ",",
            "\n\n", "KYIV,", "May", "3", "(Wire)", "-", "said", "drone", "\u2028", "\u00a0",
        ]
    ),
    max_size=60,
).map(" ".join)  # fmt: skip
_PROSE = st.one_of(_TEXT, _WORDS)
_TAGS = st.sampled_from(["p", "div", "article", "script", "style", "h1", "title", "span", "x:y"])


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = ["<html><head><title>", draw(_PROSE), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(_TAGS)
        attr = draw(st.sampled_from(["", ' class="x"', " data-a='<>'", ' charset="bogus"']))
        parts += [f"<{tag}{attr}>", draw(_PROSE), draw(st.sampled_from([f"</{tag}>", "", "<"]))]
    parts.append(draw(st.sampled_from(["</body></html>", "", "<!--", "<![CDATA["])))
    return "".join(parts)


@settings(parent=FUZZ, max_examples=250)
@given(page=html_pages(), encoding=st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_generated_html(where: Path, page: str, encoding: str) -> None:
    _read(where, "page.html", page.encode(encoding, "replace"))


@st.composite
def feeds(draw: st.DrawFn) -> str:
    items = []
    for _ in range(draw(st.integers(0, 5))):
        items.append(
            "<item><title>{}</title><link>{}</link><pubDate>{}</pubDate>"
            "<description>{}</description></item>".format(
                draw(_PROSE),
                draw(st.sampled_from(["https://a.example/1", "", "javascript:x", "::"])),
                draw(st.sampled_from(["Mon, 03 Jun 2024 10:00:00 GMT", "yesterday", ""])),
                draw(html_pages()),
            )
        )
    head = draw(
        st.sampled_from(['<?xml version="1.0"?>', "", '<?xml version="1.0" encoding="x"?>'])
    )
    tail = draw(st.sampled_from(["</channel></rss>", "", "</rss"]))
    return f'{head}<rss version="2.0"><channel><title>t</title>{"".join(items)}{tail}'


@settings(parent=FUZZ, max_examples=250)
@given(feed=feeds())
def test_generated_feeds(where: Path, feed: str) -> None:
    _read(where, "feed.rss", feed.encode("utf-8", "surrogatepass"))


def _warc_record(uri: str, body: bytes, declared: int | None, kind: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + kind.encode() + b"\r\n\r\n" + body
    length = len(http) if declared is None else declared
    header = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 10**8}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    return header.encode() + http + b"\r\n\r\n"


@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    records = []
    for i in range(draw(st.integers(0, 5))):
        body = draw(html_pages()).encode("utf-8", "replace")
        declared = draw(st.one_of(st.none(), st.integers(0, len(body) + 400)))
        kind = draw(st.sampled_from(["text/html", "image/png", "text/html; charset=koi8-r"]))
        records.append(_warc_record(f"https://w.example/{i}", body, declared, kind))
        if draw(st.booleans()):
            records.append(draw(st.binary(max_size=40)))  # junk between records
    return b"".join(records)


@settings(parent=FUZZ, max_examples=250)
@given(archive=warcs(), compress=st.booleans())
def test_generated_warc_with_wrong_lengths_and_junk(
    where: Path, archive: bytes, compress: bool
) -> None:
    items = _read(where, "crawl.warc.gz" if compress else "crawl.warc", archive)
    if compress:
        return
    # Each well-formed HTML record is a document, whatever its neighbours did.
    docs = {i.doc_id for i in items if isinstance(i, Document)}
    assert docs <= {f"https://w.example/{n}" for n in range(5)}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _PROSE,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "text", "html", "url", "published", "language", "x"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=8,
)


@settings(parent=FUZZ, max_examples=300)
@given(
    lines=st.lists(
        st.one_of(_JSON.map(json.dumps), st.text(max_size=40), st.just('{"id": 1, "text": "a"}')),
        max_size=6,
    )
)
def test_generated_jsonl(where: Path, lines: list[str]) -> None:
    _read(where, "docs.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))


@pytest.fixture(scope="module")
def fuzz_pipeline() -> Iterator[Pipeline]:
    yield Pipeline()


@settings(parent=FUZZ, max_examples=300)
@given(texts=st.lists(_PROSE, min_size=1, max_size=3), language=st.sampled_from([None, "en"]))
def test_the_pipeline_gives_a_result_or_a_named_failure(
    fuzz_pipeline: Pipeline, texts: list[str], language: str | None
) -> None:
    docs = [Document(f"fuzz/{i}", t, language=language) for i, t in enumerate(texts)]
    results = fuzz_pipeline.process_items(docs, now="2024-01-01T00:00:00Z")
    assert len(results) == len(docs)
    for doc, result in zip(docs, results, strict=True):
        if isinstance(result, ReadFailure):
            assert result.name == doc.doc_id and result.reason
            continue
        assert isinstance(result, DocResult) and result.doc is doc
        for event in result.events:
            for span in event.evidence:
                assert doc.text[span.start : span.end] == span.text
