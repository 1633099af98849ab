"""The FastAPI application: JSON API, dashboard and offline API docs, from one process."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from conflictwire.api.routes import router
from conflictwire.api.security import SecurityHeaders
from conflictwire.store import Store

__all__ = ["STATIC_DIR", "create_app"]

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

# Swagger UI from the vendored swagger-ui-dist; its start-up lives in docs.js because the
# Content-Security-Policy forbids inline script.
_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>conflictwire API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui-dist/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head><body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body></html>
"""


def create_app(store: Store, token: str | None = None, pipeline: Any = None) -> FastAPI:
    """The app serving ``store``; ``token`` enables ``POST /api/documents``.

    ``pipeline`` is what ingests posted documents (a ``runner.Pipeline``, built on first use
    when ``None``); tests pass a light stand-in.
    """
    app = FastAPI(
        title="conflictwire",
        summary="ACLED-style conflict events extracted from news, with their sources.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=_frozen_startup_objects,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.pipeline = pipeline
    app.state.ingest_lock = threading.Lock()
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(RequestValidationError, _bad_request)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_DOCS_PAGE)

    return app


@asynccontextmanager
async def _frozen_startup_objects(app: FastAPI) -> AsyncIterator[None]:
    """While serving, the objects start-up made (the package's modules and tables, some 130,000)
    are left out of the garbage collector's full passes: they live as long as the process, and
    each full pass over them took ~100 ms, a pause for every request in flight at the time."""
    gc.collect()
    gc.freeze()
    log.debug("%d start-up objects frozen out of garbage collection", gc.get_freeze_count())
    try:
        yield
    finally:
        gc.unfreeze()


async def _bad_request(request: Request, exc: Exception) -> JSONResponse:
    """Parameter errors as 400 with one readable line, e.g. ``limit: Input should be ...``."""
    assert isinstance(exc, RequestValidationError)
    lines = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        lines.append(f"{where}: {error.get('msg', 'invalid')}")
    return JSONResponse({"detail": "; ".join(lines) or "invalid request"}, status_code=400)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("conflictwire")
    except PackageNotFoundError:
        return "0"
