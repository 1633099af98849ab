"""RSS/Atom feeds: each item a document, its URL the id, full content when the feed has it.

XML from the open web may be hostile: entity declarations (billion laughs, external entities)
are refused before any parser sees the bytes, and defusedxml vets what remains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from xml.sax import SAXException

from conflictwire.inputs.dates import iso_day
from conflictwire.inputs.html import fragment_to_text
from conflictwire.inputs.options import ReadOptions
from conflictwire.inputs.text import decode_noted
from conflictwire.records import Document, ReadFailure

__all__ = ["hostile_xml_reason", "read_feed"]

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def hostile_xml_reason(data: bytes) -> str | None:
    """Why ``data`` must not be parsed (entity declarations, external references), or None."""
    if _ENTITY_DECL.search(data):
        return "XML entity declarations are refused (entity expansion / external entities)"
    import defusedxml
    import defusedxml.ElementTree as safe_et

    try:
        safe_et.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        return f"unsafe XML refused ({type(exc).__name__})"
    except Exception:
        # Not well-formed: feedparser's lenient parser copes, and entities were ruled out above.
        return None
    return None


def read_feed(name: str, data: bytes, opts: ReadOptions) -> Iterator[Document | ReadFailure]:
    """Each item of an RSS/Atom feed as a ``Document``."""
    reason = hostile_xml_reason(data)
    if reason is not None:
        yield ReadFailure(name, reason)
        return
    import feedparser

    decode_noted(name, data)  # notes invalid UTF-8; feedparser decodes by the declared charset
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries: list[Any] = list(parsed.get("entries") or [])
    if not entries and parsed.get("bozo"):
        yield ReadFailure(name, f"not a readable feed: {parsed.get('bozo_exception')}")
        return
    channel = parsed.get("feed", {})
    feed_title = _text(channel.get("title"))
    feed_language = _text(channel.get("language"))
    for index, entry in enumerate(entries, start=1):
        doc = _entry_document(name, index, entry, feed_title or opts.source, opts.published)
        doc.language = doc.language or feed_language
        yield doc
    fault = parsed.get("bozo_exception")
    if entries and isinstance(fault, SAXException):
        # The lenient parser kept what came before the fault; what followed may be gone.
        yield ReadFailure(
            name,
            f"not well-formed XML ({fault}): {len(entries)} items read, later ones may be lost",
        )


def _entry_document(
    name: str, index: int, entry: Any, source: str | None, published: str | None
) -> Document:
    url = _text(entry.get("link")) or _text(entry.get("id"))
    doc_id = url or f"{name}#{index}"
    item_source = entry.get("source") or {}
    return Document(
        doc_id=doc_id,
        text=_entry_text(entry),
        title=_text(entry.get("title")),
        url=url,
        source=_text(item_source.get("title")) or source,
        published=_entry_day(entry) or published,
        language=_language(entry),
        metadata={"feed": name},
    )


def _entry_text(entry: Any) -> str:
    """The full content when the feed has it (the longest), else the summary."""
    candidates = list(entry.get("content") or [])
    if not candidates and entry.get("summary_detail"):
        candidates = [entry["summary_detail"]]
    elif not candidates and entry.get("summary"):
        candidates = [{"value": entry["summary"], "type": "text/html"}]
    texts = [_detail_text(c) for c in candidates]
    return max(texts, key=len, default="")


def _detail_text(detail: Any) -> str:
    value = str(detail.get("value") or "")
    kind = str(detail.get("type") or "text/html").lower()
    if kind.startswith(_HTML_TYPES):
        return fragment_to_text(value)
    blocks = (" ".join(block.split()) for block in value.split("\n\n"))
    return "\n\n".join(block for block in blocks if block)


def _entry_day(entry: Any) -> str | None:
    # The entry's own keys only: feedparser's get("updated") falls back to "published" with
    # a DeprecationWarning per entry; the order here already tries "published" first.
    own = dict.get if isinstance(entry, dict) else type(entry).get
    for key in ("published", "updated", "created"):
        day = iso_day(own(entry, key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        stamp = own(entry, key)
        if stamp:
            return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
    return None


def _language(entry: Any) -> str | None:
    for detail in [*(entry.get("content") or []), entry.get("summary_detail") or {}]:
        lang = detail.get("language")
        if isinstance(lang, str) and lang.strip():
            return lang.strip()
    return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
