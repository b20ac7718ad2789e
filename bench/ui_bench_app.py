"""UI benchmark, part 2: the measuring children (``--floor`` and ``--app``), in-process.

The floor is a bare ``QMainWindow`` + ``QTreeView`` (tiny custom model, the 200 feed
rows) + ``QTextBrowser``; the app child runs ``readinglist.gui.launch.launch`` on the
library and, in the interaction run, selects, toggles and filters. Each writes its
figures as JSON to ``--out``. See ``ui_bench.py``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from ui_bench_library import FEEDS, SEED

WINDOW_SIZE = (1200, 760)
EXPAND_SAMPLES = 30
# Narrow to broad: a topic word, two words, a rarer word, two rarer words, a very common one.
FILTER_QUERIES = ("attention", "gradient descent", "kubernetes", "tokenizer benchmark", "data")
FILTER_REPEATS = 5  # each filter query is timed this many times; the median is reported


def rss_kib() -> dict[str, int]:
    out = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])
    return out


def since_proc_start() -> float:
    """Seconds since this process started, from /proc/self/stat (10 ms resolution)."""
    with open("/proc/self/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 overall; 20th after "pid (comm)"
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")


def _qt_helpers():
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class PaintWatcher(QObject):
        """Counts Paint events of chosen widgets (or of the first viewport of a view
        named ``view_name``, seen through an application event filter)."""

        def __init__(self, view_name: str | None = None) -> None:
            super().__init__()
            self.view_name = view_name
            self.first_paint: float | None = None  # time.time() of the view's first paint
            # The next event-loop turn after that paint: the frame is drawn and flushed.
            # This is "shown" (an app filter sees the paint first, so this zero-timer is
            # queued before any the program itself starts on that paint).
            self.painted: float | None = None
            self.painted_proc: float | None = None
            self.counts: dict[int, int] = {}
            self.watched: dict[int, QWidget] = {}

        def watch(self, widget: QWidget) -> None:
            self.watched[id(widget)] = widget
            self.counts.setdefault(id(widget), 0)
            widget.installEventFilter(self)

        def count(self, widget: QWidget) -> int:
            return self.counts.get(id(widget), 0)

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                key = id(obj)
                if key in self.counts:
                    self.counts[key] += 1
                    for hook in list(hooks):
                        hook()
                elif self.view_name is not None and self.first_paint is None:
                    parent = obj.parent() if isinstance(obj, QWidget) else None
                    if parent is not None and parent.objectName() == self.view_name:
                        model = parent.model()  # type: ignore[attr-defined]
                        if model is not None and model.rowCount() > 0:
                            self.first_paint = time.time()
                            QTimer.singleShot(0, self._painted)
            return False

        def _painted(self) -> None:
            self.painted = time.time()
            self.painted_proc = since_proc_start()

    hooks: list = []  # called after each counted paint (to end a wait at once)

    def wait_until(cond, timeout: float = 10.0) -> bool:
        """Run a nested event loop (the GIL is free while it sleeps, as in ``app.exec()``)
        until ``cond()`` is true: checked on each watched paint and every millisecond."""
        if cond():
            return True
        loop = QEventLoop()
        done = [False]

        def check() -> None:
            if not done[0] and cond():
                done[0] = True
                loop.quit()

        poll = QTimer()
        poll.setInterval(1)
        poll.timeout.connect(check)
        limit = QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        hooks.append(check)
        poll.start()
        limit.start(int(timeout * 1000))
        try:
            loop.exec()
        finally:
            poll.stop()
            limit.stop()
            hooks.remove(check)
        return done[0] or bool(cond())

    def drain(rounds: int = 3) -> None:
        app = QApplication.instance()
        assert app is not None
        for _ in range(rounds):
            app.processEvents()

    return PaintWatcher, wait_until, drain, hooks


def fulltext_page() -> str:
    """A stored full text the size of a long technical post (~10 KB of HTML): headings,
    paragraphs with links and inline code, code blocks, a table and a (blocked) image."""
    para = (
        "<p>Gradient descent moves the weights against the gradient of the loss; with "
        "<a href='https://bench.example/lr/'>a learning rate</a> too large it diverges, "
        "too small it crawls, and <code>lr = 3e-4</code> is where many start.</p>"
    )
    section = (
        "<h2>Section</h2>"
        + para * 4
        + "<pre>for step in range(steps):\n    loss = model(x).sum()\n    loss.backward()</pre>"
        + "<table><tr><th>optimizer</th><th>steps</th></tr><tr><td>sgd</td><td>9000</td></tr>"
        + "<tr><td>adam</td><td>2500</td></tr></table>"
        + "<p><img src='https://bench.example/plot.png' alt='Loss against steps'></p>"
    )
    return "<h1>A long article</h1>" + section * 8


def _emit_result(path: str, data: dict[str, object]) -> None:
    Path(path).write_text(json.dumps(data), encoding="utf-8")


# --------------------------------------------------------------------------------------
# floor child: bare QMainWindow + QTreeView (custom model, 200 rows) + QTextBrowser
# --------------------------------------------------------------------------------------


def show_floor_window(model):
    """What both floors show: a ``QTreeView`` over ``model`` (object name "floorTree",
    which the paint watcher waits for) beside a ``QTextBrowser``, in a ``QMainWindow``."""
    from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser, QTreeView

    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(*WINDOW_SIZE)
    tree = QTreeView()
    tree.setObjectName("floorTree")
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    splitter = QSplitter()
    splitter.addWidget(tree)
    splitter.addWidget(QTextBrowser())
    splitter.setSizes([380, 820])
    window.setCentralWidget(splitter)
    window.show()
    return window


def run_floor(spawned: float, out: str, feeds: int = FEEDS, per_feed: int = 500) -> int:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    PaintWatcher, wait_until, _drain, _keep = _qt_helpers()
    watcher = PaintWatcher("floorTree")
    app.installEventFilter(watcher)

    class FeedModel(QAbstractItemModel):
        def __init__(self, rows: list[tuple[str, int]]) -> None:
            super().__init__()
            self.rows = rows

        def index(self, row, column, parent=QModelIndex()):  # noqa: B008
            if parent.isValid() or not (0 <= row < len(self.rows)) or column not in (0, 1):
                return QModelIndex()
            return self.createIndex(row, column)

        def parent(self, index=QModelIndex()):  # noqa: B008
            return QModelIndex()

        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 2

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
                return None
            title, unread = self.rows[index.row()]
            return title if index.column() == 0 else str(unread)

    model = FeedModel([(f"Blog {i:03d} — engineering notes", per_feed) for i in range(feeds)])
    window = show_floor_window(model)
    result: dict[str, object] = {}

    def measure() -> None:
        wait_until(lambda: watcher.painted is not None, 30)
        assert watcher.painted is not None and watcher.first_paint is not None
        result["start_s"] = watcher.painted - spawned
        result["first_paint_s"] = watcher.first_paint - spawned
        result["start_proc_s"] = watcher.painted_proc
        result["rows"] = feeds
        app.removeEventFilter(watcher)
        result.update(rss_kib())
        _emit_result(out, result)
        window.close()

    QTimer.singleShot(0, measure)
    app.exec()
    return 0


# --------------------------------------------------------------------------------------
# app child: readinglist's own launch() on the library
# --------------------------------------------------------------------------------------


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {}

    def pct(p: float) -> float:
        k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[k]

    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p95": pct(95),
        "max": ordered[-1],
        "mean": statistics.fmean(ordered),
    }


def run_app(spawned: float, library: str, out: str, *, startup_only: bool, samples: int) -> int:
    os.environ["READINGLIST_NO_SYNC_ON_START"] = "1"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    # launch() creates the QApplication when there is none; creating it here (with the
    # same argv) only lets us queue the measuring callback before app.exec().
    app = QApplication([sys.argv[0]])
    PaintWatcher, wait_until, drain, _keep = _qt_helpers()
    watcher = PaintWatcher("libraryTree")
    app.installEventFilter(watcher)
    result: dict[str, object] = {}

    def measure() -> None:
        try:
            _measure_app(
                app,
                watcher,
                wait_until,
                drain,
                PaintWatcher,
                spawned,
                result,
                startup_only=startup_only,
                samples=samples,
            )
        except Exception as exc:  # report, never hang the parent
            import traceback

            traceback.print_exc()
            result["error"] = repr(exc)
        finally:
            _emit_result(out, result)
            for widget in app.topLevelWidgets():
                if type(widget).__name__ == "MainWindow":
                    widget.close()

    QTimer.singleShot(0, measure)
    from readinglist.gui.launch import launch

    return launch(["--data-dir", library])


def _measure_app(
    app,
    watcher,
    wait_until,
    drain,
    PaintWatcher,
    spawned,
    result,
    *,
    startup_only: bool,
    samples: int,
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    if not windows:
        raise RuntimeError("no MainWindow")
    window = windows[0]
    if not wait_until(lambda: watcher.painted is not None, 60):
        raise RuntimeError("the tree never painted")
    assert watcher.painted is not None and watcher.first_paint is not None
    result["start_s"] = watcher.painted - spawned
    result["first_paint_s"] = watcher.first_paint - spawned
    result["start_proc_s"] = watcher.painted_proc
    # Ready: the library is attached (the window opens it right after its first paint).
    if not wait_until(window.is_attached, 60):
        raise RuntimeError("the library never opened")
    result["ready_s"] = time.time() - spawned
    result["top_rows"] = window.model.rowCount()
    app.removeEventFilter(watcher)
    result["rss_start_kib"] = rss_kib()["VmRSS"]
    if startup_only:
        result.update(rss_kib())
        return

    from readinglist.model.query import ArticleQuery

    store = window.library.store  # the harness reads the file directly; the window never does
    tree, model, pane = window.tree, window.model, window.article_pane
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    paints = PaintWatcher()
    browser_vp = pane.browser().viewport()
    tree_vp = tree.viewport()
    results_vp = window.results.viewport()
    for widget in (browser_vp, tree_vp, results_vp):
        paints.watch(widget)

    rng = random.Random(SEED + 1)

    # Expanding a series (the click on its arrow): rows fetched on the runner, shown.
    series_ids = [
        sid
        for (sid,) in store.db.execute_sql(
            "SELECT id FROM series WHERE merged_into_id IS NULL ORDER BY id"
        ).fetchall()
    ]
    expand_ms: list[float] = []
    for sid in rng.sample(series_ids, min(EXPAND_SAMPLES, len(series_ids))):
        index = model.series_index(sid)  # untimed: loads its feed, so the row exists
        tree.expand(index.parent())
        tree.scrollTo(index)
        drain()
        node = model.node(index)
        before = paints.count(tree_vp)
        t0 = time.perf_counter()
        tree.expand(index)
        wait_until(lambda n=node: n.loaded and not n.loading and paints.count(tree_vp) > before, 5)
        expand_ms.append((time.perf_counter() - t0) * 1000)
        drain()
    result["expand_series_ms"] = _percentiles(expand_ms)
    result["rss_after_expand_kib"] = rss_kib()["VmRSS"]

    # Sampled in SQL: fetching all 100k ids here would add this harness's own memory
    # to the app's RSS figure.
    count = store.db.execute_sql("SELECT COUNT(*) FROM article WHERE hidden = 0").fetchone()[0]
    offsets = sorted(rng.sample(range(count), samples))
    picked = [
        store.db.execute_sql(
            "SELECT id, read FROM article WHERE hidden = 0 ORDER BY id LIMIT 1 OFFSET ?", (n,)
        ).fetchone()
        for n in offsets
    ]
    rng.shuffle(picked)
    initial_read = {aid: bool(read) for aid, read in picked}
    # Every other picked article gets a stored full text first (untimed, as if fetched
    # earlier): selecting one renders a long page instead of a 1-3 KB summary.
    with_fulltext = {aid for aid, _read in picked[::2]}
    page_words: dict[int, int | None] = {}  # to put back afterwards
    for aid in with_fulltext:
        sql = "SELECT page_word_count FROM article WHERE id = ?"
        page_words[aid] = store.db.execute_sql(sql, (aid,)).fetchone()[0]
    page = fulltext_page()
    for aid in with_fulltext:
        store.set_fulltext(aid, page, words=2400, source_url=f"https://bench.example/{aid}/")

    select_ms: list[float] = []
    select_full_ms: list[float] = []
    toggle_ms: list[float] = []
    timeouts = {"select": 0, "toggle": 0}
    toggled: list[int] = []
    for aid, _read in picked:
        # Untimed: make the row exist and visible, as it is when a user clicks it.
        index = model.article_index(aid)
        if not index.isValid():
            raise RuntimeError(f"article {aid} has no row")
        chain = []
        parent = index.parent()
        while parent.isValid():
            chain.append(parent)
            parent = parent.parent()
        for item in reversed(chain):
            tree.expand(item)
        tree.scrollTo(index)
        drain()

        before = paints.count(browser_vp)
        t0 = time.perf_counter()
        tree.selectionModel().setCurrentIndex(index, flags)
        ok = wait_until(
            lambda: pane.current_article_id() == aid and paints.count(browser_vp) > before, 2
        )
        (select_full_ms if aid in with_fulltext else select_ms).append(
            (time.perf_counter() - t0) * 1000
        )
        timeouts["select"] += not ok
        drain()

        before = paints.count(tree_vp)
        t0 = time.perf_counter()
        window.toggle_read()  # what the "m" key runs
        ok = wait_until(lambda: paints.count(tree_vp) > before, 2)
        toggle_ms.append((time.perf_counter() - t0) * 1000)
        timeouts["toggle"] += not ok
        toggled.append(aid)
        drain()

    result["select_ms"] = _percentiles(select_ms)
    result["select_fulltext_ms"] = _percentiles(select_full_ms)
    result["toggle_ms"] = _percentiles(toggle_ms)
    result["timeouts"] = timeouts
    result["select_samples_ms"] = select_ms
    result["select_fulltext_samples_ms"] = select_full_ms
    result["toggle_samples_ms"] = toggle_ms
    result["rss_after_select_kib"] = rss_kib()["VmRSS"]

    # Filter: text set, the 250 ms debounce bypassed, until the results list painted.
    # Each query is timed FILTER_REPEATS times (cleared in between) and reported as its
    # median: one sample of a ~40 ms figure on a busy machine swings by a third.
    bar = window.filter_bar
    filters = []
    for query in FILTER_QUERIES:
        samples_ms: list[float] = []
        complete_ms: list[float] = []
        all_ok = True
        for _ in range(FILTER_REPEATS):
            bar.edit.setText("")
            wait_until(lambda: window.left_stack.currentWidget() is tree, 5)
            drain()
            before = paints.count(results_vp)
            t0 = time.perf_counter()
            bar.edit.setText(query)
            bar._timer.stop()
            bar._emit()
            ok = wait_until(
                lambda q=query: (
                    window.left_stack.currentWidget() is window.results
                    and window.results_model.query == q
                    and paints.count(results_vp) > before
                ),
                30,
            )
            samples_ms.append((time.perf_counter() - t0) * 1000)
            all_ok = all_ok and ok
            wait_until(  # the full list (after a first screen, when there was one)
                lambda q=query: (
                    window.results_model.query == q and not window.results_model.partial
                ),
                30,
            )
            complete_ms.append((time.perf_counter() - t0) * 1000)
            drain()
        filters.append(
            {
                "query": query,
                "shown_ms": statistics.median(samples_ms),
                "shown_samples_ms": samples_ms,
                "complete_ms": statistics.median(complete_ms),
                "shown_rows": len(window.results_model.articles),
                "ok": all_ok,
            }
        )
    bar.edit.setText("")
    drain()
    result["filters"] = filters
    result.update(rss_kib())  # RSS after all the interactions

    # The raw store query, on this thread, after the RSS reading (a 100k-row list is big).
    for f in filters:
        query = str(f["query"])
        t0 = time.perf_counter()
        store.list_articles(ArticleQuery(search=query, limit=500))
        f["raw_limit500_ms"] = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        everything = store.list_articles(ArticleQuery(search=query))
        f["raw_all_ms"] = (time.perf_counter() - t0) * 1000
        f["matches"] = len(everything)
        del everything

    # Leave the library as it was (it may be reused): read state back, no full texts,
    # no saved selection.
    for aid in toggled:
        store.mark_read([aid], initial_read[aid])
    for aid, words in page_words.items():
        store.db.execute_sql("DELETE FROM fulltext WHERE article_id = ?", (aid,))
        store.db.execute_sql("UPDATE article SET page_word_count = ? WHERE id = ?", (words, aid))
    tree.selectionModel().clearSelection()
