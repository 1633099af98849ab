"""The gazetteer index in memory: columns of places and a key -> places table.

Built by ``conflictwire.geo.build``; saved with ``marshal`` (plain lists, dicts and strings load
several times faster than pickle) and replaced atomically, so processes starting together never
read half a file.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import logging
import marshal
import os
import tempfile
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictwire.records import Place

__all__ = ["COARSE", "FORMAT_VERSION", "Gazetteer", "IndexView", "cache_dir", "index_path"]

log = logging.getLogger(__name__)

# Bump when the layout or the build rules change, so an old cache is rebuilt.
FORMAT_VERSION = 45

# Precision of a district placed only at its region's point (no town of it is known).
COARSE = 3

_CATEGORICAL = ("cc", "admin1", "admin2", "admin3", "fcode", "kind", "a1code", "a2code")
_SEP = "\x1f"


_NOTED: set[Path] = set()


def cache_dir() -> Path:
    """``CONFLICTWIRE_CACHE``, else the first writable of ``~/.cache/conflictwire``,
    ``$XDG_CACHE_HOME/conflictwire`` and a temporary folder of this user's: a service account
    or a container without a writable (or any) home still runs, with a note where it caches."""
    env = os.environ.get("CONFLICTWIRE_CACHE")
    if env:
        return Path(env)
    candidates = []
    with contextlib.suppress(RuntimeError, KeyError):  # no HOME and no passwd entry for us
        candidates.append(Path.home() / ".cache" / "conflictwire")
    if os.environ.get("XDG_CACHE_HOME"):
        candidates.append(Path(os.environ["XDG_CACHE_HOME"]) / "conflictwire")
    fallback = Path(tempfile.gettempdir()) / f"conflictwire-{os.getuid()}"
    for folder in [*candidates, fallback]:
        if _writable(folder):
            if candidates and folder != candidates[0] and folder not in _NOTED:
                _NOTED.add(folder)
                log.warning("%s is not writable; caching in %s", candidates[0].parent, folder)
            return folder
    return candidates[0] if candidates else fallback  # reading an existing index may still work


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def index_path() -> Path:
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}.marshal"


@dataclass
class Gazetteer:
    """Places as parallel columns; ``keys`` maps a folded name to ``2 * pid + is_alternate``."""

    name: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    admin2: list[str | None] = field(default_factory=list)
    admin3: list[str | None] = field(default_factory=list)
    gid: list[int] = field(default_factory=list)
    fcode: list[str | None] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    prec: list[int] = field(default_factory=list)  # 2: at a hromada/district centre; 3: COARSE
    a1code: list[str] = field(default_factory=list)  # "UA.07": the region it lies in
    a2code: list[str] = field(default_factory=list)
    keys: dict[str, list[int]] = field(default_factory=dict)
    meta: dict[str, object] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.name)

    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        cc: str,
        *,
        admin1: str | None = None,
        admin2: str | None = None,
        admin3: str | None = None,
        gid: int = 0,
        fcode: str | None = None,
        pop: int = 0,
        kind: str = "settlement",
        prec: int = 1,
        a1code: str = "",
        a2code: str = "",
    ) -> int:
        self.name.append(name)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.cc.append(cc)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.admin3.append(admin3)
        self.gid.append(gid)
        self.fcode.append(fcode)
        self.pop.append(pop)
        self.kind.append(kind)
        self.prec.append(prec)
        self.a1code.append(a1code)
        self.a2code.append(a2code)
        return len(self.name) - 1

    def add_key(self, key: str, pid: int, *, alternate: bool = False) -> None:
        if not key or not key.isascii():
            return
        code = 2 * pid + int(alternate)
        bucket = self.keys.setdefault(key, [])
        if code in bucket:
            return
        if not alternate and 2 * pid + 1 in bucket:
            bucket.remove(2 * pid + 1)
        elif alternate and 2 * pid in bucket:
            return
        bucket.append(code)

    def save(self, path: Path) -> None:
        """Write atomically: a temporary file in the same folder, then rename."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(self._pack(), handle)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _pack(self) -> dict[str, object]:
        # Flat bytes and arrays only: marshal reads them with a copy, so the index loads in a
        # fraction of a second and costs little more memory than its file.
        payload: dict[str, object] = {"meta": self.meta, "version": FORMAT_VERSION}
        payload["name"] = _blob([n.encode("utf-8") for n in self.name])
        payload["lat"] = array("d", self.lat).tobytes()
        payload["lon"] = array("d", self.lon).tobytes()
        payload["gid"] = array("q", self.gid).tobytes()
        payload["pop"] = array("q", self.pop).tobytes()
        payload["prec"] = bytes(self.prec)
        for col in _CATEGORICAL:
            values: list[str | None] = getattr(self, col)
            table = sorted({v or "" for v in values})
            position = {v: i for i, v in enumerate(table)}
            payload[col] = (table, array("i", [position[v or ""] for v in values]).tobytes())
        items = sorted((k.encode("ascii", "ignore"), v) for k, v in self.keys.items())
        payload["keys"] = _blob([k for k, _ in items])
        payload["ids"] = _blob_ints([v for _, v in items])
        return payload

    @staticmethod
    def load(path: Path) -> IndexView:
        with open(path, "rb") as handle:
            payload = marshal.load(handle)
        if not isinstance(payload, dict) or payload.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: not a conflictwire gazetteer index of this version")
        return IndexView(payload)


def _blob(items: list[bytes]) -> tuple[bytes, bytes]:
    offsets = array("q", [0, *itertools.accumulate(len(i) for i in items)])
    return b"".join(items), offsets.tobytes()


def _blob_ints(groups: list[list[int]]) -> tuple[bytes, bytes]:
    offsets = array("q", [0, *itertools.accumulate(len(g) for g in groups)])
    return array("i", [c for g in groups for c in g]).tobytes(), offsets.tobytes()


def _array(code: str, raw: bytes) -> array[Any]:
    column = array(code)
    column.frombytes(raw)
    return column


class IndexView:
    """The loaded, read-only index: columns are read on demand from flat arrays."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.meta: dict[str, object] = payload["meta"]
        self._names, noff = payload["name"]
        self._name_off = _array("q", noff)
        self.lat = _array("d", payload["lat"])
        self.lon = _array("d", payload["lon"])
        self.gid = _array("q", payload["gid"])
        self.pop = _array("q", payload["pop"])
        self.prec: bytes = payload["prec"]
        self._tables: dict[str, list[str | None]] = {}
        self._cols: dict[str, array[int]] = {}
        for col in _CATEGORICAL:
            table, raw = payload[col]
            self._tables[col] = [v or None for v in table]
            self._cols[col] = _array("i", raw)
        self._keys, koff = payload["keys"]
        self._key_off = _array("q", koff)
        ids, ioff = payload["ids"]
        self._ids = _array("i", ids)
        self._ids_off = _array("q", ioff)
        self.n_keys = len(self._key_off) - 1
        common = self.meta.get("common_words")
        self.common_words = frozenset(common if isinstance(common, list) else [])

    def __len__(self) -> int:
        return len(self.lat)

    def name(self, pid: int) -> str:
        raw: bytes = self._names[self._name_off[pid] : self._name_off[pid + 1]]
        return raw.decode("utf-8")

    def get(self, col: str, pid: int) -> str | None:
        return self._tables[col][self._cols[col][pid]]

    def cc(self, pid: int) -> str:
        return self.get("cc", pid) or ""

    def kind(self, pid: int) -> str:
        return self.get("kind", pid) or "settlement"

    def _key_at(self, slot: int) -> bytes:
        key: bytes = self._keys[self._key_off[slot] : self._key_off[slot + 1]]
        return key

    def ids(self, key: str) -> list[int]:
        """The place codes (``2 * pid + is_alternate``) filed under a folded key."""
        target = key.encode("ascii", "ignore")
        slot = bisect.bisect_left(range(self.n_keys), target, key=self._key_at)
        if slot >= self.n_keys or self._key_at(slot) != target:
            return []
        return list(self._ids[self._ids_off[slot] : self._ids_off[slot + 1]])

    def has_prefix(self, key: str) -> bool:
        """Whether some key starts with ``key`` (lets the scanner stop growing an n-gram)."""
        target = key.encode("ascii", "ignore")
        slot = bisect.bisect_left(range(self.n_keys), target, key=self._key_at)
        return slot < self.n_keys and self._key_at(slot).startswith(target)

    def place(self, pid: int, country_name: str | None = None) -> Place:
        return Place(
            name=self.name(pid),
            latitude=self.lat[pid],
            longitude=self.lon[pid],
            country=country_name,
            country_code=self.cc(pid) or None,
            admin1=self.get("admin1", pid),
            admin2=self.get("admin2", pid),
            admin3=self.get("admin3", pid),
            geonames_id=self.gid[pid] or None,
            feature_code=self.get("fcode", pid),
            population=self.pop[pid],
            kind=self.kind(pid),
        )
