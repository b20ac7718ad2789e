"""UI benchmark: the window on a 100k-article (or any size) library, against a bare-Qt floor.

Offscreen (``QT_QPA_PLATFORM=offscreen``). One run does:

  library   generate 200 feeds x 10 series x 50 parts (some parts missing) plus
            standalone posts, 100,000 articles with 1-3 KB summaries, through
            ``Store.add_feed`` + ``Store.upsert_entries`` (no network). Generated
            once into ``--library DIR`` and reused when present (else a temp dir).
  floor     a child process: a bare ``QMainWindow`` with a ``QTreeView`` over a tiny
            custom ``QAbstractItemModel`` (the 200 feed rows) and a ``QTextBrowser``,
            shown and painted. Time from process spawn, and its RSS (the memory floor).
  app       a child process running ``readinglist.gui.launch.launch`` on that library
            (``READINGLIST_NO_SYNC_ON_START=1``): time from spawn to the window shown
            with the feeds in the tree and the tree painted ("shown" in both children
            is the event-loop turn right after that paint, when the frame is out),
            and, reported beside it, to the library open and input taken (the window
            opens it right after its first paint). The last app run then
            selects 200 articles through the tree's selection model (as a click does)
            waiting until the article body has painted, toggles read 200 times (the
            window's "m" command) waiting until the tree row has repainted, runs a few
            filter queries (text set, debounce bypassed, until the results list has
            painted; each timed five times, the median reported) plus the raw
            ``store.list_articles(ArticleQuery(search=...))``, and reports RSS at the end.

Goals (from the issue): start <= 1.5x floor; select and toggle p95 <= 16 ms; a filter
query <= 100 ms; RSS <= 1.5x "a custom-model floor (about 150 MB)": the floor-library
child (``ui_bench_floor.py``: a custom model holding the whole library's tree), with
the bare window's RSS reported beside it as the stricter figure.

Usage: python bench/ui_bench.py [--articles 100000] [--feeds 200] [--library DIR]
                                [--repeat 3] [--samples 200]
``--articles N --feeds M`` measures any size (``--articles 1000000 --feeds 1000`` is the
issue's million: 20 series of 50 parts per feed); the floor window then lists M feeds.
Children: --floor / --app (internal). Times are wall-clock from the moment the parent
spawned the child (``--spawned``); a cross-check from /proc/self/stat is reported too.

Parts: ``ui_bench_library.py`` generates the library, ``ui_bench_app.py`` holds the two
measuring children, this file runs them and prints the table. Before measuring, the
sources are byte-compiled (``compileall``), as an installed copy is: a development
shell with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every edited module on
every start, in the app child only.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ui_bench_app import FILTER_QUERIES, FILTER_REPEATS, run_app, run_floor
from ui_bench_floor import run_library_floor
from ui_bench_library import (
    ARTICLES,
    FEEDS,
    LIBRARY_MARK,
    Shape,
    generate_library,
    library_ready,
)

ROOT = Path(__file__).resolve().parents[1]

GOAL_START_RATIO = 1.5
GOAL_FRAME_MS = 16.0
GOAL_FILTER_MS = 100.0
GOAL_RSS_RATIO = 1.5


def _compile_sources() -> None:
    """Byte-code for the package and these helpers, quietly (see the docstring)."""
    for folder in (ROOT / "src" / "readinglist", Path(__file__).resolve().parent):
        compileall.compile_dir(str(folder), quiet=2)


# --------------------------------------------------------------------------------------
# the parent: run the children, print the table
# --------------------------------------------------------------------------------------


def _child(mode: str, extra: list[str], workdir: Path) -> dict[str, object]:
    out = workdir / f"result-{mode}-{time.monotonic_ns()}.json"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("READINGLIST_DATA_DIR", None)
    env.pop("READINGLIST_THEME", None)
    cmd = [sys.executable, str(Path(__file__).resolve()), mode, "--out", str(out), *extra]
    spawned = time.time()
    proc = subprocess.run(
        [*cmd, "--spawned", repr(spawned)], env=env, capture_output=True, text=True, timeout=1800
    )
    if proc.returncode != 0 or not out.is_file():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"{mode} child failed (exit {proc.returncode})")
    data = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    if proc.stderr.strip():
        data["stderr"] = proc.stderr.strip()[-2000:]
    if "error" in data:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{mode} child error: {data['error']}")
    return data


def _reset_gui_state(library: Path) -> None:
    (library / "gui-settings.ini").unlink(missing_ok=True)


def main_parent(args: argparse.Namespace) -> int:
    tmp = None
    if args.library:
        library = Path(args.library).expanduser().resolve()
    else:
        tmp = tempfile.mkdtemp(prefix="readinglist-ui-bench-")
        library = Path(tmp) / "library"
    try:
        shape = Shape(args.articles, args.feeds)
        if library_ready(library, shape):
            info = json.loads((library / LIBRARY_MARK).read_text(encoding="utf-8"))
            print(f"library: reusing {library} (generated earlier in {info['generated_s']:.1f} s)")
        else:
            print(
                f"library: generating {shape.articles:,} articles in "
                f"{shape.feeds * shape.series_per_feed:,} series over {shape.feeds} feeds "
                f"into {library} …",
                flush=True,
            )
            took = generate_library(library, shape)
            info = json.loads((library / LIBRARY_MARK).read_text(encoding="utf-8"))
            print(
                f"library: generated in {took:.1f} s ({info['missing_parts']} missing parts, "
                f"{info['standalone']} standalone posts)"
            )
        db = library / "library.sqlite3"
        print(f"library: {db.stat().st_size / 2**20:.0f} MiB on disk", flush=True)
        _compile_sources()

        work = Path(tempfile.mkdtemp(prefix="ui-bench-out-"))
        floors: list[dict[str, object]] = []
        apps: list[dict[str, object]] = []
        for i in range(args.repeat):
            floors.append(
                _child(
                    "--floor",
                    ["--feeds", str(shape.feeds), "--articles", str(shape.articles)],
                    work,
                )
            )
            _reset_gui_state(library)
            apps.append(_child("--app", ["--library", str(library), "--startup-only"], work))
            print(
                f"run {i + 1}/{args.repeat}: floor {floors[-1]['start_s']:.3f} s, "
                f"app {apps[-1]['start_s']:.3f} s",
                flush=True,
            )
        library_floors = [
            _child("--floor-library", ["--library", str(library)], work) for _ in range(3)
        ]
        _reset_gui_state(library)
        print(
            f"interaction run ({args.samples} selects, {args.samples} toggles, "
            f"{len(FILTER_QUERIES)} filters) …",
            flush=True,
        )
        full = _child("--app", ["--library", str(library), "--samples", str(args.samples)], work)
        _reset_gui_state(library)
        apps.append(full)
        shutil.rmtree(work, ignore_errors=True)
        report(floors, apps, full, library_floors)
    finally:
        if tmp is not None and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(
    floors: list[dict],  # type: ignore[type-arg]
    apps: list[dict],  # type: ignore[type-arg]
    full: dict,  # type: ignore[type-arg]
    library_floors: list[dict],  # type: ignore[type-arg]
) -> None:
    floor_start = statistics.median(f["start_s"] for f in floors)
    app_start = statistics.median(a["start_s"] for a in apps)
    floor_proc = statistics.median(f["start_proc_s"] for f in floors)
    app_proc = statistics.median(a["start_proc_s"] for a in apps)
    floor_rss = statistics.median(f["VmRSS"] for f in floors) / 1024
    app_rss = full["VmRSS"] / 1024
    app_rss_start = statistics.median(a["rss_start_kib"] for a in apps) / 1024
    sel, tog, exp = full["select_ms"], full["toggle_ms"], full["expand_series_ms"]
    filters = full["filters"]
    filter_worst = max(f["shown_ms"] for f in filters)

    def row(name: str, value: str, goal: str = "", ratio: str = "", ok: bool | None = None) -> str:
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        return f"{name:<46} {value:>17} {goal:>13} {ratio:>7}  {mark}"

    print()
    print(row("measure", "result", "goal", "ratio"))
    print("-" * 92)
    print(row("floor: spawn -> bare window painted (median)", f"{floor_start * 1000:.0f} ms"))
    print(
        row(
            "app: spawn -> window, feeds painted (median)",
            f"{app_start * 1000:.0f} ms",
            f"<= {floor_start * GOAL_START_RATIO * 1000:.0f} ms",
            f"{app_start / floor_start:.2f}x",
            app_start <= GOAL_START_RATIO * floor_start,
        )
    )
    print(row("  runs, floor (s)", " ".join(f"{f['start_s']:.2f}" for f in floors)))
    print(
        row(
            "  runs, app (s; last = interaction run)", " ".join(f"{a['start_s']:.2f}" for a in apps)
        )
    )
    print(
        row(
            "  same, from /proc starttime (floor/app)",
            f"{floor_proc * 1000:.0f}/{app_proc * 1000:.0f} ms",
            "",
            f"{app_proc / floor_proc:.2f}x",
        )
    )
    app_ready = statistics.median(a["ready_s"] for a in apps)
    print(
        row(
            "app: spawn -> library open, input taken",
            f"{app_ready * 1000:.0f} ms",
            "",
            f"{app_ready / floor_start:.2f}x",
        )
    )
    print(row(f"expand a series, p50 (n={exp['n']}, untargeted)", f"{exp['p50']:.1f} ms"))
    print(row("expand a series, p95", f"{exp['p95']:.1f} ms"))
    print(row(f"select article, p50 (n={sel['n']})", f"{sel['p50']:.1f} ms"))
    print(
        row(
            "select article, p95",
            f"{sel['p95']:.1f} ms",
            f"<= {GOAL_FRAME_MS:.0f} ms",
            f"{sel['p95'] / GOAL_FRAME_MS:.2f}x",
            sel["p95"] <= GOAL_FRAME_MS,
        )
    )
    print(row("select article, max", f"{sel['max']:.1f} ms"))
    full_sel = full["select_fulltext_ms"]
    print(
        row(f"select article with full text, p50 (n={full_sel['n']})", f"{full_sel['p50']:.1f} ms")
    )
    print(
        row(
            "select article with full text, p95",
            f"{full_sel['p95']:.1f} ms",
            f"<= {GOAL_FRAME_MS:.0f} ms",
            f"{full_sel['p95'] / GOAL_FRAME_MS:.2f}x",
            full_sel["p95"] <= GOAL_FRAME_MS,
        )
    )
    print(row(f"toggle read, p50 (n={tog['n']})", f"{tog['p50']:.1f} ms"))
    print(
        row(
            "toggle read, p95",
            f"{tog['p95']:.1f} ms",
            f"<= {GOAL_FRAME_MS:.0f} ms",
            f"{tog['p95'] / GOAL_FRAME_MS:.2f}x",
            tog["p95"] <= GOAL_FRAME_MS,
        )
    )
    print(row("toggle read, max", f"{tog['max']:.1f} ms"))
    if any(full["timeouts"].values()):
        print(
            row(
                "  waits that timed out (select/toggle)",
                f"{full['timeouts']['select']}/{full['timeouts']['toggle']}",
            )
        )
    for f in filters:
        print(
            row(
                f"filter '{f['query']}' -> first rows shown, median of {FILTER_REPEATS}",
                f"{f['shown_ms']:.1f} ms",
                f"<= {GOAL_FILTER_MS:.0f} ms",
                f"{f['shown_ms'] / GOAL_FILTER_MS:.2f}x",
                f["shown_ms"] <= GOAL_FILTER_MS and f["ok"],
            )
        )
        print(row("  the full list shown (first 500), median", f"{f['complete_ms']:.1f} ms"))
        print(
            row(
                f"  raw list_articles: limit 500 | all {f['matches']}",
                f"{f['raw_limit500_ms']:.0f} | {f['raw_all_ms']:.0f} ms",
            )
        )
    lib_floor_rss = statistics.median(f["VmRSS"] for f in library_floors) / 1024
    rows = floors[0].get("rows", FEEDS)
    print(row(f"floor RSS: bare window, {rows} rows (median)", f"{floor_rss:.0f} MiB"))
    print(
        row(
            f"floor RSS: custom model over the library ({library_floors[0]['articles']:,})",
            f"{lib_floor_rss:.0f} MiB",
        )
    )
    print(
        row(
            "app RSS: started | +30 series | +200 selects",
            f"{app_rss_start:.0f} | {full['rss_after_expand_kib'] / 1024:.0f} | "
            f"{full['rss_after_select_kib'] / 1024:.0f}",
        )
    )
    print(
        row(
            "app RSS after all interactions",
            f"{app_rss:.0f} MiB",
            f"<= {lib_floor_rss * GOAL_RSS_RATIO:.0f} MiB",
            f"{app_rss / lib_floor_rss:.2f}x",
            app_rss <= GOAL_RSS_RATIO * lib_floor_rss,
        )
    )
    print(
        row(
            "  against the bare-window floor (stricter)",
            f"{app_rss:.0f} MiB",
            f"<= {floor_rss * GOAL_RSS_RATIO:.0f} MiB",
            f"{app_rss / floor_rss:.2f}x",
            app_rss <= GOAL_RSS_RATIO * floor_rss,
        )
    )
    print(
        row(
            "  against the issue's 'about 150 MB'",
            f"{app_rss:.0f} MiB",
            "<= 150 MiB",
            f"{app_rss / 150:.2f}x",
            app_rss <= 150,
        )
    )
    print(row("app peak RSS (VmHWM, before raw queries)", f"{full['VmHWM'] / 1024:.0f} MiB"))
    print()
    print(
        f"RATIOS start/floor={app_start / floor_start:.2f} select_p95_ms={sel['p95']:.1f} "
        f"toggle_p95_ms={tog['p95']:.1f} filter_ms={filter_worst:.1f} "
        f"rss/library_floor={app_rss / lib_floor_rss:.2f} rss/bare_floor={app_rss / floor_rss:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=ARTICLES, help="library size")
    parser.add_argument("--feeds", type=int, default=FEEDS, help="feeds it is spread over")
    parser.add_argument("--library", help="library cache dir (generated when absent)")
    parser.add_argument("--repeat", type=int, default=3, help="startup runs of each process")
    parser.add_argument("--samples", type=int, default=200, help="selects and toggles")
    parser.add_argument("--keep", action="store_true", help="keep the temp library")
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--app", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor-library", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--startup-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        return run_floor(args.spawned, args.out, args.feeds, args.articles // args.feeds)
    if args.floor_library:
        return run_library_floor(args.spawned, args.out, args.library)
    if args.app:
        return run_app(
            args.spawned,
            args.library,
            args.out,
            startup_only=args.startup_only,
            samples=args.samples,
        )
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return main_parent(args)


if __name__ == "__main__":
    sys.exit(main())
