"""Score the project's own ordinary-outlet articles (tests/fixtures/articles/, issue 14).

Event precision, recall and duplicates per article, and the sub-type, date, place (25 km) and
toll of the matched events; ``--verbose`` lists each article's events, misses and false ones.

    python bench/articles.py [--verbose] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.articles_score import score_all

from conflictwire import Pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    totals, events = score_all(Pipeline())
    if args.verbose:
        for art in totals.articles:
            print(f"== {art.name}: {art.matched}/{art.expected} matched, {art.duplicates} dup")
            for e in events[art.name]:
                print(
                    f"   {e.sub_event_type} | {e.event_date} | {e.location} ({e.admin1}) "
                    f"| k={e.fatalities} | {e.evidence[0].text[:90]!r}"
                )
            for miss in art.missed:
                print(f"   MISSED {miss}")
            for false in art.false:
                print(f"   FALSE  {false}")
    summary = totals.summary()
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
