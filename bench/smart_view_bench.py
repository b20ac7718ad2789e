"""Opening "All unread" over the 100k-article UI-bench library: how soon its first rows
show, and that it then rests (no more reads, bounded memory) until the reader scrolls.

Runs the real window offscreen over the library ``ui_bench.py`` generates (made here
when absent), expands the "All unread" view and reports, against a floor measured in
the same run (the raw SQL of that first page, read by sqlite3 alone):

* time from the expand to its first rows in the model (median of ``--repeat``);
* rows loaded and the view's reads two seconds later (a resting view holds one page);
* resident memory then.

The library is left as it was (no selection is saved, nothing is marked read).

Usage: python bench/smart_view_bench.py [--library DIR] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ui_bench_library import generate_library, library_ready  # noqa: E402

REST_SECONDS = 2.0
FIRST_PAGE_SQL = (
    "SELECT id FROM article WHERE hidden = 0 AND read = 0"
    " ORDER BY COALESCE(published, first_seen) DESC, id DESC LIMIT 200"
)


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def floor_ms(library: Path, repeat: int) -> float:
    db = sqlite3.connect(f"file:{library / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            db.execute(FIRST_PAGE_SQL).fetchall()
            times.append((time.perf_counter() - t0) * 1000)
        return statistics.median(times)
    finally:
        db.close()


def open_window(library: Path):  # type: ignore[no-untyped-def]
    """The real window over ``library``, offscreen, no sync; (app, library, window)
    once it has run its event loop for 5 s. The caller ends with ``window.shutdown()``
    and ``lib.close()``."""
    os.environ["READINGLIST_NO_SYNC_ON_START"] = "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from readinglist.gui.main_window import MainWindow
    from readinglist.services.library import Library

    app = QApplication.instance() or QApplication([sys.argv[0]])
    lib = Library.open(library)
    window = MainWindow(lib, data_dir=library)
    window.resize(1200, 800)
    window.show()
    window.start(sync_on_start=False)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return app, lib, window


def measure(library: Path, repeat: int) -> dict[str, float]:
    from readinglist.gui.tree_nodes import NodeType

    app, lib, window = open_window(library)
    model, tree = window.model, window.tree
    node = next(n for n in model.root.children if n.type is NodeType.SMART)
    index = model.index_of(node)
    reads = [0]
    loader = model.loader
    children = loader.children

    def counted(*args: object, **kwargs: object) -> object:
        if args and args[0] == node.key:
            reads[0] += 1
        return children(*args, **kwargs)  # type: ignore[arg-type]

    loader.children = counted  # type: ignore[method-assign]
    firsts = []
    try:
        for _ in range(repeat):
            tree.collapse(index)
            model.unload(node)
            app.processEvents()
            reads[0] = 0
            t0 = time.perf_counter()
            tree.expand(index)
            while not node.children:
                app.processEvents()
                time.sleep(0.0005)
            firsts.append((time.perf_counter() - t0) * 1000)
        reads[0] = 0  # from here on the view should read nothing
        rest_until = time.monotonic() + REST_SECONDS
        while time.monotonic() < rest_until:
            app.processEvents()
            time.sleep(0.01)
        return {
            "first_rows_ms": statistics.median(firsts),
            "rows_after_rest": float(len(node.children)),
            "reads_during_rest": float(reads[0]),
            "rss_mib": rss_mib(),
        }
    finally:
        loader.children = children  # type: ignore[method-assign]
        tree.selectionModel().clearSelection()
        window.shutdown()
        lib.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, help="library dir (generated when absent)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    library: Path = args.library or Path(tempfile.mkdtemp(prefix="smart-view-bench-"))
    library.mkdir(parents=True, exist_ok=True)
    if not library_ready(library):
        print(f"library: generating the 100k-article library into {library} …", flush=True)
        generate_library(library)
    (library / "gui-settings.ini").unlink(missing_ok=True)
    floor = floor_ms(library, args.repeat)
    got = measure(library, args.repeat)
    (library / "gui-settings.ini").unlink(missing_ok=True)
    print(f"floor: the first page's SQL alone (median)   {floor:8.2f} ms")
    print(f"'All unread' expanded -> first rows (median) {got['first_rows_ms']:8.2f} ms")
    print(
        f"rows loaded after {REST_SECONDS:.0f} s at rest             {got['rows_after_rest']:8.0f}"
    )
    print(f"reads of the view during that rest          {got['reads_during_rest']:8.0f}")
    print(f"resident memory then                         {got['rss_mib']:8.0f} MiB")
    print(
        "RATIOS first_rows_ms={:.1f} floor_ms={:.2f} rows_at_rest={:.0f} rss_mib={:.0f}".format(
            got["first_rows_ms"], floor, got["rows_after_rest"], got["rss_mib"]
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
