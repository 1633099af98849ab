"""The geocoder: the process-wide gazetteer index and the three questions asked of it.

``geoparse`` finds and resolves every toponym of a text; ``resolve`` looks one name up;
``locate`` says where the event told in a span happened. The index is built once into the
cache folder (``CONFLICTWIRE_CACHE`` or ``~/.cache/conflictwire``) and loaded in well under a
second afterwards.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from conflictwire.geo.countries import CountryInfo, country_info, country_table, data_lines
from conflictwire.geo.locate import LocateContext, locate_event
from conflictwire.geo.normalize import fold
from conflictwire.geo.resolve import _prior, resolve_candidates
from conflictwire.geo.scan import scan
from conflictwire.geo.store import Gazetteer, IndexView, cache_dir, index_path
from conflictwire.records import EventLocation, Place, PlaceMention

__all__ = ["CountryInfo", "Geocoder", "build_index", "country_info", "get_geocoder", "imports_dir"]

log = logging.getLogger(__name__)
_BUILD_LOCK = threading.Lock()


def imports_dir() -> Path:
    return cache_dir() / "imports"


def build_index(path: Path | None = None) -> Path:
    """Build the index from the bundled sources and the user's imports; replace it atomically."""
    from conflictwire.geo.build import build_gazetteer

    target = path or index_path()
    gaz = build_gazetteer(imports_dir())
    gaz.save(target)
    log.warning("gazetteer index ready: %d places in %s", len(gaz), target)
    return target


def _load_or_build(path: Path) -> IndexView:
    try:
        return Gazetteer.load(path)
    except (OSError, ValueError, EOFError, TypeError) as exc:
        log.debug("no usable index at %s (%s)", path, exc)
        # Said where a user sees it: the first run pauses for this, once per cache.
        log.warning("building the gazetteer index once, into %s (about a minute)", path.parent)
    with _BUILD_LOCK:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _build_lock(path):
                # Another process may have built it while this one waited for the lock.
                if not _loads(path):
                    build_index(path)
        except OSError as exc:  # an unwritable cache folder must not stop the run
            fallback = Path(tempfile.gettempdir()) / f"conflictwire-{os.getuid()}" / path.name
            log.warning("cannot write %s (%s); using %s", path, exc, fallback)
            if not _loads(fallback):
                build_index(fallback)
            path = fallback
    return Gazetteer.load(path)


def _loads(path: Path) -> bool:
    try:
        Gazetteer.load(path)
    except (OSError, ValueError, EOFError, TypeError):
        return False
    return True


@contextlib.contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One builder at a time across processes (workers starting together wait, then load)."""
    with open(path.with_suffix(".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Geocoder:
    def __init__(self, view: IndexView) -> None:
        self.view = view
        self._countries = {code: str(entry["name"]) for code, entry in country_table().items()}
        self._demonyms = frozenset(
            fold(d)
            for row in data_lines("demonyms.tsv")
            for d in row[1].split("|")
            if fold(d) not in {fold(self._countries.get(row[0], "")), "us", "usa", "uk"}
        )

    def _place(self, pid: int) -> Place:
        return self.view.place(pid, self._countries.get(self.view.cc(pid)))

    def geoparse(self, text: str) -> list[PlaceMention]:
        """Every toponym mention of ``text`` with the place it resolves to (None if unknown)."""
        if not text:
            return []
        cands = scan(text, self.view)
        resolution = resolve_candidates(text, cands, self.view)
        return [
            PlaceMention(c.start, c.end, c.text, self._place(pid) if pid is not None else None)
            for i, (c, pid) in enumerate(zip(cands, resolution.pids, strict=True))
            if i not in resolution.dropped
        ]

    def resolve(
        self, name: str, *, country_code: str | None = None, admin1: str | None = None
    ) -> Place | None:
        """The most likely place called ``name``, optionally within a country and region."""
        codes = self.view.ids(fold(name))
        want_a1 = fold(admin1) if admin1 else None
        region = (
            self._region_pid(admin1, country_code.upper() if country_code else None)
            if admin1
            else None
        )
        region_code = self.view.get("a1code", region) if region is not None else None
        best: tuple[float, int] | None = None
        for code in codes:
            pid = code // 2
            if country_code and self.view.cc(pid) != country_code.upper():
                continue
            if (
                want_a1
                and fold(self.view.get("admin1", pid) or "") != want_a1
                and (region_code is None or self.view.get("a1code", pid) != region_code)
            ):
                continue
            score = _prior(self.view, code)
            if best is None or score > best[0]:
                best = (score, pid)
        return self._place(best[1]) if best else None

    def locate(
        self, text: str, start: int, end: int, mentions: list[PlaceMention]
    ) -> EventLocation:
        """Where the event told in ``text[start:end]`` happened, at ACLED's precision."""
        named = {
            m.place.country_code
            for m in mentions
            if m.place is not None
            and m.place.kind == "country"
            and m.place.country_code
            and fold(m.text) not in self._demonyms
        }
        ctx = LocateContext(
            self._demonyms, self._dominant_country(mentions), self._region_named, named
        )
        return locate_event(text, start, end, mentions, ctx)

    def _dominant_country(self, mentions: list[PlaceMention]) -> str | None:
        """The country most place names point to (demonyms like "Russian forces" left out);
        on a tie, the one of the bigger places ("Neptune pool in Mariupol")."""
        counts: Counter[str] = Counter()
        sizes: Counter[str] = Counter()
        for m in mentions:
            if m.place is not None and m.place.country and fold(m.text) not in self._demonyms:
                counts[m.place.country] += 1
                if m.place.kind == "settlement":
                    size = max(sizes[m.place.country], m.place.population or 0)
                    sizes[m.place.country] = size
        if not counts:
            return None
        return max(counts, key=lambda country: (counts[country], sizes[country]))

    def _region_pid(self, name: str, country_code: str | None) -> int | None:
        key = fold(name)
        for candidate in (key, f"{key} region", f"{key} oblast"):
            for code in self.view.ids(candidate):
                pid = code // 2
                if self.view.kind(pid) == "admin1" and (
                    country_code is None or self.view.cc(pid) == country_code
                ):
                    return pid
        return None

    def _region_named(self, name: str, country_code: str | None) -> Place | None:
        pid = self._region_pid(name, country_code)
        return self._place(pid) if pid is not None else None


@functools.lru_cache(maxsize=1)
def get_geocoder() -> Geocoder:
    """The process-wide geocoder; the first call loads (or once builds) the index."""
    return Geocoder(_load_or_build(index_path()))
