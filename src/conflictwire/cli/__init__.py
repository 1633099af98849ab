"""The ``conflictwire`` command: a thin layer over the library."""

from conflictwire.cli.app import app, main

__all__ = ["app", "main"]
