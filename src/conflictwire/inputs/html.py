"""HTML pages and fragments to document text.

A page's main text is found by trafilatura (navigation, cookie banners, related links and
footers left out) and written one paragraph a block, blocks separated by a blank line, the way
a plain-text article is laid out, so a page and the same article saved as text give the same
document text. Fragments (a feed item's content) are flattened by their block structure alone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from conflictwire.inputs.dates import iso_day

__all__ = ["Page", "extract_page", "fragment_to_text", "html_to_document_text", "meta_published"]

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "hr",
        "main",
        "nav",
        "form",
        "address",
    }
)
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
    }
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_META_SCAN = 200_000
_META_TAG = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_DATE_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "article:published",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
    }
)


@dataclass(frozen=True)
class Page:
    """What a page says about itself, besides its main text."""

    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


def html_to_document_text(html: str) -> str:
    """The main text of a page (or of a fragment), one paragraph a block."""
    return extract_page(html).text


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text, title, publication day, outlet and canonical URL of an HTML page."""
    if not html.strip():
        return Page("")
    try:
        import trafilatura

        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        log.debug("trafilatura failed (%s); flattening the markup instead", exc)
        result = None
    body = getattr(result, "text", None)
    if not isinstance(body, str) or not body.strip():
        return Page(fragment_to_text(html), url=url)
    title = _clean_line(getattr(result, "title", None))
    text = _paragraphs(body, title)
    source = _clean_line(getattr(result, "sitename", None)) or _clean_line(
        getattr(result, "hostname", None)
    )
    return Page(
        text=text,
        title=title,
        published=meta_published(html) or iso_day(getattr(result, "date", None)),
        source=source,
        url=_clean_line(getattr(result, "url", None)) or url,
    )


def meta_published(html: str) -> str | None:
    """The publication day a page's meta tags state (the outlet's own claim wins over guesses
    from the URL or the text, which is what trafilatura's date search falls back to)."""
    for tag in _META_TAG.findall(html[:_META_SCAN]):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _DATE_META:
            day = iso_day(attrs.get("content"))
            if day:
                return day
    return None


def _paragraphs(text: str, title: str | None) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    # trafilatura repeats the page's headline as the first line; it is the title, not body.
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _clean_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def fragment_to_text(markup: str) -> str:
    """Flatten HTML by its blocks: each paragraph a line, blank lines between paragraphs."""
    if "<" not in markup:
        return _join_blocks(markup.split("\n\n"))
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS or not tag:
                skipping += 1
            elif not skipping:
                if tag in _BLOCK_TAGS:
                    parts.append("\n\n")
                if element.text:
                    parts.append(element.text)
            continue
        if tag in _SKIP_TAGS or not tag:
            skipping -= 1
        elif not skipping and tag in _BLOCK_TAGS:
            parts.append("\n\n")
        if not skipping and element.tail and element is not root:
            parts.append(element.tail)
    return _join_blocks("".join(parts).split("\n\n"))


def _join_blocks(blocks: list[str]) -> str:
    cleaned = (_SPACES.sub(" ", block.replace("\n", " ")).strip() for block in blocks)
    return "\n\n".join(block for block in cleaned if block)
