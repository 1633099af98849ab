"""The Typer application; each command group lives in its own module."""

from __future__ import annotations

import logging

import typer

from conflictwire.cli import (
    eval_cmd,
    extract_cmd,
    gazetteer_cmd,
    geoparse_cmd,
    serve_cmd,
    store_cmd,
    train_cmd,
)

__all__ = ["app", "main"]

app = typer.Typer(
    name="conflictwire",
    help="Raw news about armed conflict in; sourced, geocoded ACLED-style events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Raw news about armed conflict in; sourced, geocoded ACLED-style events out."""


for module in (
    extract_cmd,
    geoparse_cmd,
    gazetteer_cmd,
    eval_cmd,
    train_cmd,
    store_cmd,
    serve_cmd,
):
    module.register(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="conflictwire: %(message)s")
    app()
