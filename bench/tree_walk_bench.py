"""Memory of a long day in the tree: every series opened, read into and collapsed.

The window reads a branch's rows when it is expanded. Without a ceiling it would keep
every article the user ever opened until it is closed; ``CollapsedBranches`` unloads the
longest-collapsed branches above a row budget. This walks the ui_bench library (100k
articles, 2,000 series, 200 feeds): for every feed, expand it, expand each series, select
its first article, collapse the series; collapse the feed. It prints the rows the tree
holds and the process RSS afterwards, once with the app's budget and once without (each
in its own process, so one run's memory does not count in the other's).

Usage: python bench/tree_walk_bench.py [--library DIR] [--feeds 200]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_bench_library import generate_library, library_ready

UNBOUNDED = 10**9


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def walk(library: Path, budget: int, feeds: int) -> dict[str, float]:
    """One run, in this process: open the library, build the tree, walk it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from readinglist.gui.series_tree import SeriesTree
    from readinglist.gui.tree_model import TreeModel
    from readinglist.gui.tree_nodes import NodeType
    from readinglist.services.library import Library

    app = QApplication([sys.argv[0]])
    lib = Library.open(library)
    model = TreeModel(lib)
    tree = SeriesTree(lib, model)
    tree.resize(400, 800)
    tree.show()
    tree.branches.budget = budget
    app.processEvents()
    start_rss = rss_mib()

    def open_branch(index) -> None:
        if model.canFetchMore(index):
            model.fetchMore(index)  # the view would on paint; synchronous here
        tree.expand(index)
        app.processEvents()  # the budget's trim runs on the turn after an expand

    most, series_opened, started = 0, 0, time.perf_counter()
    collapse_ms: list[float] = []
    first_feed = next(
        r for r in range(model.rowCount()) if model.node(model.index(r, 0)).type is NodeType.FEED
    )
    for row in range(first_feed, min(model.rowCount(), first_feed + feeds)):
        feed = model.index(row, 0)
        open_branch(feed)
        for s in range(model.rowCount(feed)):
            series = model.index(s, 0, feed)
            open_branch(series)
            if model.rowCount(series):
                tree.select_index(model.index(0, 0, series))
            t0 = time.perf_counter()
            tree.collapse(series)
            app.processEvents()  # the turn after: where branches over the budget unload
            collapse_ms.append((time.perf_counter() - t0) * 1000)
            series_opened += 1
            most = max(most, model.row_count)
        tree.collapse(feed)
        app.processEvents()
    took = time.perf_counter() - started
    result = {
        "budget": budget,
        "series_opened": series_opened,
        "rows_held_end": model.row_count,
        "rows_held_most": most,
        "rss_start_mib": start_rss,
        "rss_end_mib": rss_mib(),
        "walk_s": took,
        "collapse_p95_ms": sorted(collapse_ms)[int(0.95 * (len(collapse_ms) - 1))],
        "collapse_max_ms": max(collapse_ms),
    }
    tree.close()
    lib.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", default="/tmp/ui-bench-lib", help="ui_bench library dir")
    parser.add_argument("--feeds", type=int, default=200, help="feeds to walk")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    library = Path(args.library).expanduser().resolve()
    if args.child is not None:
        print(json.dumps(walk(library, args.child, args.feeds)))
        return 0
    if not library_ready(library):
        print(f"generating the ui_bench library into {library} …", flush=True)
        generate_library(library)
    from readinglist.gui.tree_budget import ROW_BUDGET

    runs = []
    for budget in (ROW_BUDGET, UNBOUNDED):
        cmd = [sys.executable, __file__, "--library", str(library), "--feeds", str(args.feeds)]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        proc = subprocess.run(
            [*cmd, "--child", str(budget)], env=env, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(
        "row budget branches   rows held (most)   RSS start   RSS end    walk   collapse p95 (max)"
    )
    for r in runs:
        label = "none" if r["budget"] == UNBOUNDED else f"{r['budget']:,}"
        held = f"{r['rows_held_end']:,} ({r['rows_held_most']:,})"
        print(
            f"{label:<10} {r['series_opened']:>8,}   {held:>16}   "
            f"{r['rss_start_mib']:>5.0f} MiB   {r['rss_end_mib']:>3.0f} MiB   {r['walk_s']:>4.1f} s"
            f"   {r['collapse_p95_ms']:.1f} ms ({r['collapse_max_ms']:.1f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
