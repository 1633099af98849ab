"""User imports merged into the index: GeoNames dumps a user downloaded and their own CSV.

``import_file`` checks a file and copies its usable rows, normalized, into the imports folder
beside the cache; every build re-applies that folder, so an import survives a rebuild.
Accepted: a GeoNames dump (``UA.zip``, ``allCountries.zip``, ``cities500.txt``...: tab-separated,
19 columns), the ``alternateNamesV2`` file (extra names for known GeoNames ids), and a CSV with
a header holding ``name, lat, lon, country`` and optionally ``admin1, admin2``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from conflictwire.geo.keys import add_city_keys, is_latin_key
from conflictwire.geo.normalize import fold
from conflictwire.geo.store import Gazetteer

__all__ = ["ImportReport", "apply_imports", "import_file"]

log = logging.getLogger(__name__)

# GeoNames feature classes kept from a dump: populated places, admin areas, spots, land.
_KEEP_CLASSES = {"P", "A", "L", "S", "T", "H"}


@dataclass
class ImportReport:
    kind: str = ""
    rows: int = 0
    errors: list[str] = field(default_factory=list)


def _text_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [
                n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()
            ]
            for member in members:
                with archive.open(member) as handle:
                    yield from io.TextIOWrapper(handle, encoding="utf-8")
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield from handle


def _sniff(path: Path) -> str:
    for line in _text_lines(path):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 19:
            return "geonames"
        if 4 <= len(cols) <= 10 and cols[0].isdigit() and cols[1].isdigit():
            return "alternates"
        return "csv"
    return "empty"


def _float(value: str, what: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a number") from None
    if not low <= number <= high:
        raise ValueError(f"{what} {value!r} is out of range")
    return number


def _read_geonames(path: Path, report: ImportReport) -> Iterator[dict[str, object]]:
    for line_no, line in enumerate(_text_lines(path), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 19:
            report.errors.append(f"{path.name}:{line_no}: expected 19 tab-separated columns")
            continue
        if cols[6] not in _KEEP_CLASSES:
            continue
        try:
            yield {
                "name": cols[1],
                "lat": _float(cols[4], "latitude", -90, 90),
                "lon": _float(cols[5], "longitude", -180, 180),
                "country": cols[8],
                "gid": int(cols[0]),
                "fcode": cols[7] or None,
                "pop": int(cols[14] or 0),
                "alternates": cols[3].split(",") if cols[3] else [],
                "a1code": f"{cols[8]}.{cols[10]}" if cols[10] else "",
            }
        except ValueError as exc:
            report.errors.append(f"{path.name}:{line_no}: {exc}")


def _read_alternates(path: Path, report: ImportReport) -> Iterator[dict[str, object]]:
    for line_no, line in enumerate(_text_lines(path), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit():
            report.errors.append(f"{path.name}:{line_no}: not an alternateNames row")
            continue
        if cols[2] in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc"):
            continue
        yield {"alias_of": int(cols[1]), "name": cols[3]}


def _read_csv(path: Path, report: ImportReport) -> Iterator[dict[str, object]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = {f.strip().lower() for f in reader.fieldnames or []}
        missing = {"name", "lat", "lon", "country"} - fields
        if missing:
            report.errors.append(f"{path.name}: header lacks {', '.join(sorted(missing))}")
            return
        for line_no, raw in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
            try:
                if not row["name"]:
                    raise ValueError("empty name")
                country = row["country"].upper()
                if len(country) != 2 or not country.isalpha():
                    raise ValueError(f"country {row['country']!r} is not an ISO alpha-2 code")
                yield {
                    "name": row["name"],
                    "lat": _float(row["lat"], "latitude", -90, 90),
                    "lon": _float(row["lon"], "longitude", -180, 180),
                    "country": country,
                    "admin1": row.get("admin1") or None,
                    "admin2": row.get("admin2") or None,
                }
            except (ValueError, KeyError) as exc:
                report.errors.append(f"{path.name}:{line_no}: {exc}; row skipped")


def import_file(path: Path, imports_dir: Path) -> ImportReport:
    """Validate ``path`` and store its usable rows for the next build; bad rows are named."""
    report = ImportReport(kind=_sniff(path))
    readers = {"geonames": _read_geonames, "alternates": _read_alternates, "csv": _read_csv}
    reader = readers.get(report.kind)
    if reader is None:
        report.errors.append(f"{path.name}: no rows")
        return report
    imports_dir.mkdir(parents=True, exist_ok=True)
    target = imports_dir / f"{path.stem}.{report.kind}.jsonl"
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for row in reader(path, report):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            report.rows += 1
    tmp.replace(target)
    return report


def apply_imports(gaz: Gazetteer, imports_dir: Path) -> None:
    """Merge every stored import into the index (GeoNames rows replace same-id entries)."""
    if not imports_dir.is_dir():
        return
    by_gid = {gid: pid for pid, gid in enumerate(gaz.gid) if gid}
    region_names = {
        code: gaz.admin1[pid] for pid, code in enumerate(gaz.a1code) if gaz.kind[pid] == "admin1"
    }
    for path in sorted(imports_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if "alias_of" in row:
                    pid = by_gid.get(int(row["alias_of"]))
                    key = fold(str(row["name"]))
                    if pid is not None and is_latin_key(key):
                        gaz.add_key(key, pid, alternate=True)
                    continue
                _add_row(gaz, row, by_gid, region_names)


def _alternates(row: dict[str, object]) -> list[str]:
    values = row.get("alternates")
    return [str(v) for v in values] if isinstance(values, list) else []


def _region_code(gaz: Gazetteer, row: dict[str, object]) -> str:
    """The region code of a CSV row's admin1 name ("Donetsk", "Donetsk Oblast"), if known."""
    name = row.get("admin1")
    if not name:
        return ""
    key = fold(str(name))
    for candidate in (key, f"{key} region", f"{key} oblast"):
        for code in gaz.keys.get(candidate, []):
            pid = code // 2
            if gaz.kind[pid] == "admin1" and gaz.cc[pid] == row["country"]:
                return gaz.a1code[pid]
    return ""


def _add_row(
    gaz: Gazetteer,
    row: dict[str, object],
    by_gid: dict[int, int],
    region_names: dict[str, str | None],
) -> None:
    gid = int(str(row.get("gid") or 0))
    if gid and gid in by_gid:
        add_city_keys(gaz, by_gid[gid], str(row["name"]), _alternates(row))
        return
    fcode = row.get("fcode")
    a1code = str(row.get("a1code") or "") or _region_code(gaz, row)
    kind = "settlement"
    if isinstance(fcode, str) and fcode.startswith("ADM"):
        kind = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}.get(fcode, "other")
    elif isinstance(fcode, str) and not fcode.startswith("PP"):
        kind = "other"
    pid = gaz.add(
        str(row["name"]),
        float(str(row["lat"])),
        float(str(row["lon"])),
        str(row["country"]),
        admin1=region_names.get(a1code) or (str(row["admin1"]) if row.get("admin1") else None),
        admin2=str(row["admin2"]) if row.get("admin2") else None,
        gid=gid,
        fcode=fcode if isinstance(fcode, str) else None,
        pop=int(str(row.get("pop") or 0)),
        kind=kind,
        a1code=a1code,
    )
    if gid:
        by_gid[gid] = pid
    add_city_keys(gaz, pid, str(row["name"]), _alternates(row))
