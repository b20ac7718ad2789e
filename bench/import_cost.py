"""What a module costs to import in a fresh interpreter: the fast start's module map.

The window paints its feed rows before the library opens (``services/fast_start.py``):
everything that first paint imports is on the start-up path, so a module that exists
only to keep something off that path must earn its place. This script measures it:
for each module, N fresh interpreters run ``python -X importtime -c "import MOD"`` and
the median of the module's cumulative import time is printed, beside the floor of the
same run (``dataclasses`` + ``datetime``, which every model needs anyway).

The first question it answers (issue #10): ``model/feed_row.py`` keeps ``Feed`` apart
from the other records; folding it back is worth it only when the records cost the
first paint 5 ms or less.

Usage: python bench/import_cost.py [--runs 15] [MODULE ...]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

FLOOR = "dataclasses, datetime"
DEFAULT_MODULES = (
    "readinglist.model.feed_row",
    "readinglist.model.records",
    "readinglist.services.fast_start",
    "readinglist.gui.main_window",
)


def cumulative_us(module: str) -> int:
    """The cumulative import time of ``module`` (µs) in a fresh interpreter."""
    statement = f"import {module}"
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    for line in out.splitlines():
        fields = line.split("|")
        if len(fields) == 3 and fields[2].strip() == module:
            return int(fields[1])
    raise SystemExit(f"{module} was already imported at start-up: nothing to measure")


def median_ms(module: str, runs: int) -> float:
    return statistics.median(cumulative_us(module) for _ in range(runs)) / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("modules", nargs="*", default=list(DEFAULT_MODULES))
    args = parser.parse_args()
    floor = sum(median_ms(m.strip(), args.runs) for m in FLOOR.split(","))
    print(f"floor ({FLOOR}): {floor:6.1f} ms  (median of {args.runs} fresh interpreters)")
    results = {m: median_ms(m, args.runs) for m in args.modules}
    for module, ms in results.items():
        print(f"{module:40s} {ms:6.1f} ms  ({ms - floor:+6.1f} ms over the floor)")
    row, records = "readinglist.model.feed_row", "readinglist.model.records"
    if row in results and records in results:
        extra = results[records] - results[row]
        verdict = "keep feed_row apart" if extra > 5 else "fold Feed back into records"
        print(f"records cost the first paint {extra:.1f} ms more than feed_row: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
