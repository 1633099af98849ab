"""`conflictwire gazetteer` commands (registered by their owning stage)."""

from __future__ import annotations

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    return None
