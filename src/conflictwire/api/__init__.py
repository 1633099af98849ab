"""``conflictwire serve``: the JSON API of CONTRACT.md and an offline dashboard.

``create_app(store, token=None)`` builds the FastAPI application over any ``Store``.
"""

from conflictwire.api.app import create_app

__all__ = ["create_app"]
