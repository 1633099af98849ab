"""HTML pages (placeholder until the HTML reader lands: tags stripped)."""

from __future__ import annotations

import re

__all__ = ["html_to_document_text"]


def html_to_document_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)
