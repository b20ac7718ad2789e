"""Our side of the issue's 100k table, in one command: a library built from feeds on
loopback, then the window on it.

    python bench/library_bench.py [--feeds 200] [--entries 500] [--keep DIR]

1. **first sync**: 200 feeds x 500 items (1-3 KB of HTML each, varied words as
   ``disk_bench`` writes them: the file's size means something) served on loopback from
   50 hosts, read by ``readinglist sync`` (the CLI) into an empty library: seconds, and
   peak memory across the CLI and its parse workers (the sum of their high-water marks,
   and the largest sum of their resident sizes sampled every 20 ms); beside it the
   floor, plain ``feedparser.parse`` of the same documents (sampled, scaled).
2. **disk**: the library file after the sync (checkpointed), and bytes per article.
3. **start**: spawn -> window with the feeds painted, against a bare Qt window in the
   same run (median of 3 each; the OS page cache is dropped before each start when this
   runs as root, as the issue's table was measured); memory after the start.
4. **all unread**: "All unread" (all 100k) expanded: time to its first rows, rows held
   and reads made after two seconds at rest, memory then (``smart_view_bench``).
5. **browsing**: memory after opening four feeds, a series in each and five articles.

Children run offscreen (``QT_QPA_PLATFORM=offscreen``); each figure comes from this run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(BENCH))

from disk_bench import make_feeds  # noqa: E402
from sync_bench import cli_first_sync, floor_parse, serve  # noqa: E402


def drop_page_cache() -> bool:
    """As the issue measured: each start reads the library from disk. Root only."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def first_sync(urls: dict[str, str], data_dir: Path) -> dict[str, float]:
    """``readinglist import`` then ``readinglist sync`` into ``data_dir``: seconds and the
    memory of every process it ran (``sync_bench.cli_first_sync``)."""
    hwm_sum, rss_sum, seconds, processes = cli_first_sync(urls, data_dir)
    return {
        "seconds": seconds,
        "hwm_sum_mib": hwm_sum,
        "rss_sum_mib": rss_sum,
        "processes": float(processes),
    }


def library_on_disk(data_dir: Path) -> tuple[int, int]:
    """(bytes of the library file after a checkpoint, articles in it)."""
    import sqlite3

    path = data_dir / "library.sqlite3"
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        articles = con.execute("SELECT COUNT(*) FROM article").fetchone()[0]
    finally:
        con.close()
    return path.stat().st_size, int(articles)


def _json_child(args: list[str], timeout: float = 900) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READINGLIST_NO_SYNC_ON_START="1")
    proc = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"child {args[:2]} failed: {proc.stdout[-1500:]}{proc.stderr[-1500:]}")
    return dict(json.loads(lines[-1]))


def starts(data_dir: Path, feeds: int, per_feed: int, repeat: int) -> dict[str, object]:
    """Window starts against bare-window starts, alternated, each after a cold cache."""
    from ui_bench import _child

    work = Path(tempfile.mkdtemp(prefix="library-bench-"))
    floors, apps, cold = [], [], True
    try:
        for _ in range(repeat):
            cold = drop_page_cache() and cold
            floors.append(
                _child(
                    "--floor", ["--feeds", str(feeds), "--articles", str(feeds * per_feed)], work
                )
            )
            (data_dir / "gui-settings.ini").unlink(missing_ok=True)
            cold = drop_page_cache() and cold
            apps.append(_child("--app", ["--library", str(data_dir), "--startup-only"], work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "floor_s": statistics.median(float(f["start_s"]) for f in floors),  # type: ignore[arg-type]
        "app_s": statistics.median(float(a["start_s"]) for a in apps),  # type: ignore[arg-type]
        "app_rss_mib": statistics.median(float(a["rss_start_kib"]) for a in apps) / 1024,  # type: ignore[arg-type]
        "cold": cold,
    }


def child_view(data_dir: Path) -> int:
    """All unread, then browsing four feeds (a series and five articles each)."""
    from smart_view_bench import measure, open_window, rss_mib

    view = measure(data_dir, 3)
    from readinglist.gui.tree_nodes import NodeType

    app, lib, window = open_window(data_dir)

    def settle(seconds: float, until=lambda: False) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not until():
            app.processEvents()
            time.sleep(0.005)

    model, tree = window.model, window.tree
    feeds = [n for n in model.root.children if n.type is NodeType.FEED][:4]
    for feed in feeds:
        tree.expand(model.index_of(feed))
        settle(5, lambda f=feed: bool(f.children))
        series = next(n for n in feed.children if n.type is NodeType.SERIES)
        tree.expand(model.index_of(series))
        settle(5, lambda s=series: bool(s.children))
        for part in series.children[:5]:
            if part.type is NodeType.ARTICLE:
                tree.setCurrentIndex(model.index_of(part))
                settle(0.2)
    browsed = rss_mib()
    tree.selectionModel().clearSelection()
    window.shutdown()
    lib.close()
    (data_dir / "gui-settings.ini").unlink(missing_ok=True)
    print(json.dumps({**view, "browsed_rss_mib": browsed}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="starts of each window")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    parser.add_argument("--child-view", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_view:
        return child_view(args.child_view)

    docs = make_feeds(args.feeds, args.entries)
    print(
        f"{args.feeds} feeds x {args.entries} items, {sum(map(len, docs.values())) / 1e6:.0f} MB"
        " of feeds on loopback (50 hosts)",
        flush=True,
    )
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="library-bench-"))
    if args.keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    ctx = mp.get_context("spawn")
    ready, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(docs, 0.0, 50, ready, stop), daemon=True)
    server.start()
    try:
        urls = ready.get(timeout=120)
        sync = first_sync(urls, data_dir)
    finally:
        stop.set()
        server.join(10)
    print(f"first sync done in {sync['seconds']:.1f} s; the parse floor …", flush=True)
    floor = floor_parse(docs, sample=max(1, args.feeds // 10))
    size, articles = library_on_disk(data_dir)
    print("starts …", flush=True)
    start = starts(data_dir, args.feeds, args.entries, args.repeat)
    print("all unread, browsing …", flush=True)
    view = _json_child([str(Path(__file__).resolve()), "--child-view", str(data_dir)])

    def row(name: str, value: str, note: str = "") -> None:
        print(f"{name:<52} {value:>16}  {note}")

    print()
    row(f"{articles:,} articles", "readinglist", "")
    print("-" * 92)
    ratio = float(start["app_s"]) / float(start["floor_s"])  # type: ignore[arg-type]
    row(
        "window visible (median)",
        f"{float(start['app_s']):.2f} s",  # type: ignore[arg-type]
        f"bare window {float(start['floor_s']):.2f} s: {ratio:.2f}x"  # type: ignore[arg-type]
        + ("" if start["cold"] else " (page cache not dropped: not root)"),
    )
    row(
        "memory after start / after browsing 4 feeds",
        f"{float(start['app_rss_mib']):.0f} / {float(view['browsed_rss_mib']):.0f} MiB",  # type: ignore[arg-type]
    )
    row(
        "open the view of all unread: first rows",
        f"{float(view['first_rows_ms']):.0f} ms",  # type: ignore[arg-type]
        f"then at rest: {float(view['rows_after_rest']):.0f} rows held, "  # type: ignore[arg-type]
        f"{float(view['reads_during_rest']):.0f} reads, "  # type: ignore[arg-type]
        f"{float(view['rss_mib']):.0f} MiB",  # type: ignore[arg-type]
    )
    row(
        f"first sync of the {args.feeds} feeds",
        f"{sync['seconds']:.1f} s",
        f"parse floor {floor:.1f} s: {sync['seconds'] / floor:.2f}x; "
        f"memory {sync['hwm_sum_mib']:.0f} MiB over {sync['processes']:.0f} processes "
        f"(sampled {sync['rss_sum_mib']:.0f})",
    )
    row(
        "library on disk",
        f"{size / 1e6:.0f} MB",
        f"{size / max(1, articles):,.0f} bytes an article",
    )
    if not args.keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
