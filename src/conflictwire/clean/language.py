"""Language identification (placeholder: unknown)."""

from __future__ import annotations

__all__ = ["detect_language"]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when the text is too short to judge."""
    return None
