"""`conflictwire serve`: the JSON API and the dashboard over a store, with uvicorn."""

from __future__ import annotations

import os

import typer

__all__ = ["register"]

DEFAULT_DB = "sqlite:///conflictwire.db"
TOKEN_ENV = "CONFLICTWIRE_TOKEN"
# The standard event loop, even where uvloop is installed (uvicorn would take it by itself):
# under 200 concurrent clients with several workers, uvloop left new connections unaccepted
# for seconds (measured with bench/api_load.py).
_LOOP = "asyncio"

# How the parent hands the store URL to uvicorn's worker processes (each opens its own store).
_DB_ENV = "CONFLICTWIRE_SERVE_DB"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="sqlite:///PATH or postgresql://..."),
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind (loopback by default)"),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar=TOKEN_ENV,
        show_envvar=True,
        help="bearer token that enables POST /api/documents (off without one)",
    ),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="uvicorn worker processes"),
) -> None:
    """Serve the JSON API (/api/...), its docs (/docs) and the dashboard (/)."""
    import uvicorn

    from conflictwire.store import open_store

    try:
        store = open_store(db)
    except Exception as err:  # any backend's failure to open is a usage error here
        typer.echo(f"conflictwire: cannot open store {db}: {err}", err=True)
        raise typer.Exit(2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"conflictwire: serving on {host}, reachable beyond this machine", err=True)
    if token:
        os.environ[TOKEN_ENV] = token
    if workers == 1:
        from conflictwire.api import create_app

        uvicorn.run(
            create_app(store, token=token),
            host=host,
            port=port,
            loop=_LOOP,
            log_level="warning",
            access_log=False,
        )
        return
    store.close()
    os.environ[_DB_ENV] = db
    uvicorn.run(
        "conflictwire.cli.serve_cmd:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop=_LOOP,
        log_level="warning",
        access_log=False,
    )


def worker_app() -> object:
    """The app of one uvicorn worker process: its own store, settings from the environment."""
    from conflictwire.api import create_app
    from conflictwire.store import open_store

    store = open_store(os.environ.get(_DB_ENV, DEFAULT_DB))
    return create_app(store, token=os.environ.get(TOKEN_ENV) or None)
