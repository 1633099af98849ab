"""A small thread-safe memo that forgets its oldest entries: the stages' per-process caches."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

__all__ = ["BoundedMemo"]

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    """Up to ``size`` remembered values; past that the oldest stored goes first. Reads take no
    lock (a dict lookup is atomic); writes do, since the API's threads share one model."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        return self._data.get(key)

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.pop(next(iter(self._data)))

    def __len__(self) -> int:
        return len(self._data)
