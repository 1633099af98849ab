"""Measure dates, admin1 and death counts on UCDP GED Ukraine events (issue 6).

Input: each event's ``source_headline`` (its ``;``-joined wire headlines, one a line) as one
document, published on the earliest of its ``source_date`` values (``YYYY-MM-DD`` or
``DD/MM/YYYY``). Gold: ``date_start``/``date_end`` (month-first timestamps), ``adm_1``, and the
death counts ``low``/``best``. The extracted date counts as right within
[date_start - 1 day, date_end]; admin1 is compared as CONTRACT.md says, on events with ``adm_1``.
The figures are printed three ways: over all documents, over the documents that state a
happening (``EVENT_CUE``: a violence or casualty word, read from the text alone), and over the
documents where the extractor found an event. ``ceiling_admin1_named_in_text`` is the share of
events whose text names any place inside UCDP's admin1 at all: no extractor reading only the
text can do better. ``document_level_fallback`` scores, for documents with no event, the
document's own day and most-named region.

    python bench/ucdp_eval.py [--csv PATH] [--limit N] [--json OUT]

UCDP data: CC BY 4.0 (Sundberg & Melander 2013); read from ../shared, never copied here.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflictwire.evaluation.compare import admin1_equal
from conflictwire.events.fields.counts import find_casualties
from conflictwire.events.fields.dates import find_event_date
from conflictwire.records import Document
from conflictwire.runner import Pipeline

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared/eval/ucdp-ged-ukraine/UCDP-Ukraine.csv"
# UCDP's names where the English conventional name differs by more than spelling drift.
UCDP_ADMIN1 = {
    "kiev special republican city": "Kyiv City",
    "kiev oblast": "Kyiv",
    "sevastopol special republican city": "Sevastopol",
}


@dataclass
class UcdpEvent:
    row_id: str
    text: str
    published: str
    date_start: dt.date
    date_end: dt.date
    admin1: str | None
    low: int
    best: int


def _source_day(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _gold_day(value: str) -> dt.date:
    """UCDP timestamps are month first: ``1/22/2014 12:00:00 AM``."""
    return dt.datetime.strptime(value.split()[0], "%m/%d/%Y").date()


def _document_text(headlines: str) -> str:
    lines = [h.strip() for h in headlines.split(";") if h.strip()]
    return "\n".join(line if line[-1] in ".!?" else line + "." for line in lines)


def read_events(path: Path, limit: int | None) -> list[UcdpEvent]:
    events: list[UcdpEvent] = []
    with path.open(encoding="cp1252", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            days = [d for d in map(_source_day, row["source_date"].split(";")) if d is not None]
            if not days or not row["source_headline"].strip():
                continue
            adm1 = row["adm_1"].strip()
            events.append(
                UcdpEvent(
                    row_id=row["id"],
                    text=_document_text(row["source_headline"]),
                    published=min(days).isoformat(),
                    date_start=_gold_day(row["date_start"]),
                    date_end=_gold_day(row["date_end"]),
                    admin1=UCDP_ADMIN1.get(adm1.lower(), adm1) or None,
                    low=int(row["low"] or 0),
                    best=int(row["best"] or 0),
                )
            )
            if limit is not None and len(events) >= limit:
                break
    return events


def _date_ok(value: str | None, gold: UcdpEvent) -> bool:
    if not value:
        return False
    day = dt.date.fromisoformat(value)
    return gold.date_start - dt.timedelta(days=1) <= day <= gold.date_end


def _best(records: list[dict[str, Any]], gold: UcdpEvent) -> dict[str, Any] | None:
    """The extracted event that agrees best (date, then admin1, then deaths)."""
    if not records:
        return None
    return max(
        records,
        key=lambda r: (
            _date_ok(r.get("event_date"), gold),
            admin1_equal(r.get("admin1"), gold.admin1),
            int(r.get("fatalities") or 0) == gold.best,
        ),
    )


# A document "states a happening" when a violence or casualty word occurs in it. This is read
# from the text alone, independent of the extractor, so the figures over such documents are an
# honest denominator: bare place names ("Debaltseve.") hold no event and fall outside it.
EVENT_CUE = re.compile(
    r"\b(?:kill\w*|dead|died|dies|death\w*|wound\w*|injur\w*|casualt\w*|shell\w*|strik\w*"
    r"|struck|attack\w*|assault\w*|clash\w*|fight\w*|battle\w*|combat|explo\w*|blast\w*"
    r"|bomb\w*|missile\w*|rocket\w*|drone\w*|artillery|mortar\w*|shot|shoot\w*|fire[ds]?"
    r"|firing|gunfire|ambush\w*|sniper\w*|grenade\w*|mine[sd]?|storm\w*|raid\w*|eliminat\w*"
    r"|destroy\w*|knock\w*\s+out|captur\w*|seiz\w*|liberat\w*|repel\w*|repuls\w*|offensive"
    r"|loss(?:es)?|lost|perish\w*|murder\w*|execut\w*|hit|hits)\b",
    re.IGNORECASE,
)


@dataclass
class Outcome:
    """One document's result against its UCDP event."""

    cue: bool
    extracted: bool
    extra: int
    date: bool
    with_admin1: bool
    admin1: bool
    deaths: int
    low: int
    best: int
    fn_date: bool
    fn_deaths: int
    named_admin1: bool  # the text names some place inside the gold admin1 (the ceiling)
    doc_admin1: bool  # the document's most-named admin1 is the gold one


def _outcome(gold: UcdpEvent, pipeline: Pipeline) -> Outcome:
    doc = Document(doc_id=gold.row_id, text=gold.text, published=gold.published)
    records = [e.to_dict() for e in pipeline.process(doc).events]
    event = _best(records, gold)
    # The date and count functions alone, on the whole document.
    found = find_event_date(gold.text, published=gold.published, default_to_anchor=True)
    regions = [
        m.place.admin1
        for m in pipeline.geocoder.geoparse(gold.text)
        if m.place is not None and m.place.kind != "country" and m.place.admin1
    ]
    main_region = Counter(regions).most_common(1)[0][0] if regions else None
    return Outcome(
        cue=bool(EVENT_CUE.search(gold.text)),
        extracted=event is not None,
        extra=max(0, len(records) - 1),
        date=_date_ok(event.get("event_date") if event else None, gold),
        with_admin1=gold.admin1 is not None,
        admin1=event is not None and admin1_equal(event.get("admin1"), gold.admin1),
        deaths=int(event.get("fatalities") or 0) if event else 0,
        low=gold.low,
        best=gold.best,
        fn_date=_date_ok(found.date if found else None, gold),
        fn_deaths=find_casualties(gold.text).fatalities or 0,
        named_admin1=any(admin1_equal(r, gold.admin1) for r in regions),
        doc_admin1=admin1_equal(main_region, gold.admin1),
    )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summarize(rows: list[Outcome]) -> dict[str, Any]:
    """The figures over one set of documents."""
    n = len(rows)
    adm = [r for r in rows if r.with_admin1]
    return {
        "documents": n,
        "date_within_window": _share(sum(r.date for r in rows), n),
        "admin1_right_of_those_with_adm_1": _share(sum(r.admin1 for r in adm), len(adm)),
        "with_adm_1": len(adm),
        "deaths_equal_low": _share(sum(r.deaths == r.low for r in rows), n),
        "deaths_equal_best": _share(sum(r.deaths == r.best for r in rows), n),
        "deaths_within_low_best": _share(
            sum(r.low <= r.deaths <= max(r.best, r.low) for r in rows), n
        ),
        "documents_without_event": _share(sum(not r.extracted for r in rows), n),
        "ceiling_admin1_named_in_text": _share(sum(r.named_admin1 for r in adm), len(adm)),
        "extra_events_per_document": _share(sum(r.extra for r in rows), n),
    }


def measure(events: list[UcdpEvent], pipeline: Pipeline) -> dict[str, Any]:
    rows: list[Outcome] = []
    for i, gold in enumerate(events, start=1):
        rows.append(_outcome(gold, pipeline))
        if i % 250 == 0:
            print(f"... {i}/{len(events)}", file=sys.stderr)
    n = len(rows)
    return {
        "all_documents": summarize(rows),
        "documents_stating_a_happening (event cue in text)": summarize([r for r in rows if r.cue]),
        "documents_with_an_extracted_event": summarize([r for r in rows if r.extracted]),
        # A document with no event still has a day (its dateline's or publication's) and a
        # main place (the region it names most): what a reader of headline lists falls back to.
        "document_level_fallback": {
            "date_within_window": _share(
                sum(r.date if r.extracted else r.fn_date for r in rows), n
            ),
            "admin1_right_of_those_with_adm_1": _share(
                sum(r.admin1 if r.extracted else r.doc_admin1 for r in rows if r.with_admin1),
                sum(r.with_admin1 for r in rows),
            ),
            # Where the text does name a place inside UCDP's region: the reachable part.
            "admin1_right_where_the_text_names_it": _share(
                sum(r.admin1 if r.extracted else r.doc_admin1 for r in rows if r.named_admin1),
                sum(r.named_admin1 for r in rows),
            ),
        },
        "functions_only": {
            "date_within_window (day before publication when no date is written)": _share(
                sum(r.fn_date for r in rows), n
            ),
            "deaths_equal_low": _share(sum(r.fn_deaths == r.low for r in rows), n),
            "deaths_equal_best": _share(sum(r.fn_deaths == r.best for r in rows), n),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the figures here too")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"ucdp_eval: {args.csv}: no such file", file=sys.stderr)
        return 2
    events = read_events(args.csv, args.limit)
    result = measure(events, Pipeline())
    text = json.dumps(result, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
