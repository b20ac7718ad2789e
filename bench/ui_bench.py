"""UI benchmark: the window on a 100k-article library, against a bare-Qt floor.

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
            with the feeds in the tree and the tree painted. The last app run then
            selects 200 articles through the tree's selection model (as a click does)
            waiting until the article body has painted, toggles read 200 times (the
            window's "m" command) waiting until the tree row has repainted, runs a few
            filter queries (text set, debounce bypassed, until the results list has
            painted) plus the raw ``store.list_articles(ArticleQuery(search=...))``,
            and reports RSS at the end.

Goals (from the issue): start <= 1.5x floor; select and toggle p95 <= 16 ms; a filter
query <= 100 ms; RSS <= 1.5x the floor's.

Usage: python bench/ui_bench.py [--library DIR] [--repeat 3] [--samples 200]
Children: --floor / --app (internal). Times are wall-clock from the moment the parent
spawned the child (``--spawned``); a cross-check from /proc/self/stat is reported too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FEEDS = 200
SERIES_PER_FEED = 10
PARTS = 50
ARTICLES = 100_000
SEED = 20240601
LIBRARY_MARK = "ui-bench-library.json"
LIBRARY_VERSION = 2  # bump when the generator changes
WINDOW_SIZE = (1200, 760)

GOAL_START_RATIO = 1.5
EXPAND_SAMPLES = 30
GOAL_FRAME_MS = 16.0
GOAL_FILTER_MS = 100.0
GOAL_RSS_RATIO = 1.5

# Narrow to broad: a topic word, two words, a rarer word, two rarer words, a very common one.
FILTER_QUERIES = ("attention", "gradient descent", "kubernetes", "tokenizer benchmark", "data")


# --------------------------------------------------------------------------------------
# shared by the children
# --------------------------------------------------------------------------------------


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
            return False

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


def _emit_result(path: str, data: dict[str, object]) -> None:
    Path(path).write_text(json.dumps(data), encoding="utf-8")


# --------------------------------------------------------------------------------------
# floor child: bare QMainWindow + QTreeView (custom model, 200 rows) + QTextBrowser
# --------------------------------------------------------------------------------------


def run_floor(spawned: float, out: str) -> int:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

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

    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(*WINDOW_SIZE)
    tree = QTreeView()
    tree.setObjectName("floorTree")
    tree.setUniformRowHeights(True)
    model = FeedModel([(f"Blog {i:03d} — engineering notes", 500) for i in range(FEEDS)])
    tree.setModel(model)
    browser = QTextBrowser()
    splitter = QSplitter()
    splitter.addWidget(tree)
    splitter.addWidget(browser)
    splitter.setSizes([380, 820])
    window.setCentralWidget(splitter)
    window.show()
    result: dict[str, object] = {}

    def measure() -> None:
        wait_until(lambda: watcher.first_paint is not None, 30)
        shown = time.time()
        result["start_s"] = shown - spawned
        result["first_paint_s"] = (watcher.first_paint or shown) - spawned
        result["start_proc_s"] = since_proc_start()
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
    if not wait_until(lambda: watcher.first_paint is not None, 60):
        raise RuntimeError("the tree never painted")
    shown = time.time()
    result["start_s"] = shown - spawned
    result["first_paint_s"] = (watcher.first_paint or shown) - spawned
    result["start_proc_s"] = since_proc_start()
    result["top_rows"] = window.model.rowCount()
    app.removeEventFilter(watcher)
    result["rss_start_kib"] = rss_kib()["VmRSS"]
    if startup_only:
        result.update(rss_kib())
        return

    from readinglist.storage import ArticleQuery

    store, tree, model, pane = window.store, window.tree, window.model, window.article_pane
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

    rows = store.db.execute_sql(
        "SELECT id, read FROM article WHERE hidden = 0 ORDER BY id"
    ).fetchall()
    picked = rng.sample(rows, samples)
    del rows
    initial_read = {aid: bool(read) for aid, read in picked}

    select_ms: list[float] = []
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
        select_ms.append((time.perf_counter() - t0) * 1000)
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
    result["toggle_ms"] = _percentiles(toggle_ms)
    result["timeouts"] = timeouts
    result["select_samples_ms"] = select_ms
    result["toggle_samples_ms"] = toggle_ms
    result["rss_after_select_kib"] = rss_kib()["VmRSS"]

    # Filter: text set, the 250 ms debounce bypassed, until the results list painted.
    bar = window.filter_bar
    filters = []
    for query in FILTER_QUERIES:
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
        shown_ms = (time.perf_counter() - t0) * 1000
        filters.append(
            {
                "query": query,
                "shown_ms": shown_ms,
                "shown_rows": len(window.results_model.articles),
                "ok": ok,
            }
        )
        drain()
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

    # Leave the library as it was (it may be reused): read state back, no saved selection.
    for aid in toggled:
        store.mark_read([aid], initial_read[aid])
    tree.selectionModel().clearSelection()


# --------------------------------------------------------------------------------------
# the library
# --------------------------------------------------------------------------------------

# Series topics and the words their posts keep using.
TOPICS: dict[str, tuple[str, ...]] = {
    "Transfer Learning": ("pretrained", "finetuning", "backbone", "domain"),
    "Time Series Forecasting": ("seasonality", "forecast", "arima", "horizon"),
    "Linear Algebra for ML": ("matrix", "eigenvalue", "vector", "decomposition"),
    "Compilers": ("parser", "lexer", "codegen", "ssa"),
    "Rust Async": ("future", "tokio", "executor", "waker"),
    "Transformers from Scratch": ("attention", "transformer", "softmax", "encoder"),
    "Kubernetes Operators": ("kubernetes", "controller", "reconcile", "crd"),
    "Postgres Internals": ("postgres", "mvcc", "vacuum", "btree"),
    "Bayesian Methods": ("prior", "posterior", "likelihood", "mcmc"),
    "Reinforcement Learning": ("reward", "policy", "agent", "qlearning"),
    "Graph Neural Networks": ("graph", "message", "node", "aggregation"),
    "NLP": ("tokenizer", "corpus", "embedding", "attention"),
    "Computer Vision Basics": ("convolution", "pixel", "image", "augmentation"),
    "Distributed Systems": ("replication", "partition", "quorum", "clock"),
    "Database Indexing": ("index", "btree", "lsm", "page"),
    "Go Concurrency": ("goroutine", "channel", "mutex", "select"),
    "WebAssembly": ("wasm", "module", "sandbox", "linear"),
    "Functional Programming": ("monad", "functor", "immutable", "closure"),
    "Type Theory": ("lambda", "inference", "polymorphism", "judgement"),
    "Embedded Rust": ("microcontroller", "interrupt", "hal", "firmware"),
    "Diffusion Models": ("diffusion", "noise", "denoising", "sampler"),
    "Feature Engineering": ("feature", "encoding", "scaling", "leakage"),
    "MLOps in Practice": ("pipeline", "registry", "deployment", "monitoring"),
    "Vector Databases": ("embedding", "ann", "hnsw", "similarity"),
    "Stream Processing": ("stream", "window", "watermark", "kafka"),
    "Raft Consensus": ("raft", "leader", "term", "log"),
    "CUDA Programming": ("cuda", "kernel", "warp", "gpu"),
    "Probabilistic Programming": ("sampler", "prior", "stan", "inference"),
    "Tokenizers": ("tokenizer", "bpe", "vocabulary", "unicode"),
    "Recommender Systems": ("recommendation", "ranking", "collaborative", "implicit"),
    "Causal Inference": ("causal", "confounder", "treatment", "counterfactual"),
    "SQL Performance": ("query", "planner", "index", "join"),
    "Zig for C Programmers": ("zig", "comptime", "allocator", "pointer"),
    "Haskell Monads": ("monad", "haskell", "typeclass", "effect"),
    "Operating Systems": ("scheduler", "syscall", "process", "paging"),
    "Networking 101": ("tcp", "packet", "latency", "congestion"),
    "Quantization": ("quantization", "int8", "calibration", "precision"),
    "LLM Fine-Tuning": ("lora", "finetuning", "attention", "instruction"),
    "Information Retrieval": ("ranking", "bm25", "retrieval", "query"),
    "Cryptography Basics": ("cipher", "hash", "signature", "key"),
    "Data Structures": ("heap", "trie", "hashmap", "tree"),
    "Numerical Methods": ("solver", "precision", "iteration", "convergence"),
    "Signal Processing": ("fourier", "filter", "frequency", "sampling"),
    "Kafka Deep Dive": ("kafka", "broker", "partition", "consumer"),
    "Terraform Patterns": ("terraform", "module", "state", "provider"),
    "Observability": ("tracing", "metrics", "logging", "span"),
    "Garbage Collectors": ("collector", "heap", "generational", "pause"),
    "Query Planners": ("planner", "cardinality", "join", "cost"),
    "Speech Recognition": ("audio", "phoneme", "acoustic", "decoder"),
    "Anomaly Detection": ("anomaly", "outlier", "threshold", "isolation"),
    "Optimization Algorithms": ("gradient", "descent", "momentum", "adam"),
    "Search Engines": ("crawler", "index", "ranking", "query"),
    "Elixir and OTP": ("elixir", "supervisor", "genserver", "beam"),
    "Lisp Interpreters": ("lisp", "eval", "macro", "environment"),
    "Game Engines": ("ecs", "render", "physics", "frame"),
    "Ray Tracing": ("ray", "shading", "bvh", "light"),
    "Category Theory": ("category", "morphism", "functor", "composition"),
    "Static Analysis": ("lint", "dataflow", "ast", "soundness"),
    "Fuzzing": ("fuzzer", "coverage", "corpus", "crash"),
    "Rust Macros": ("macro", "syntax", "proc", "hygiene"),
}
COMMON = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "we",
    "it",
    "for",
    "this",
    "with",
    "as",
    "on",
    "be",
    "are",
    "can",
    "by",
    "an",
    "not",
    "but",
    "from",
    "or",
    "have",
    "which",
    "when",
    "how",
    "what",
    "all",
    "one",
    "more",
    "if",
    "so",
    "about",
    "into",
    "then",
    "than",
    "there",
    "our",
    "each",
    "only",
    "also",
    "some",
    "these",
    "other",
    "would",
    "like",
    "just",
    "first",
    "new",
    "make",
    "time",
    "use",
    "way",
    "work",
    "look",
    "need",
    "because",
    "before",
    "after",
    "while",
    "where",
    "still",
    "even",
    "much",
    "many",
    "most",
    "very",
    "well",
    "here",
    "now",
    "next",
    "part",
    "again",
    "same",
    "different",
    "small",
    "large",
    "simple",
    "hard",
    "easy",
    "good",
    "better",
    "best",
    "fast",
    "slow",
    "why",
    "every",
    "both",
    "between",
    "through",
    "without",
    "under",
    "over",
    "few",
    "last",
    "right",
    "wrong",
    "real",
]
TECH = [
    "data",
    "model",
    "code",
    "function",
    "test",
    "system",
    "value",
    "type",
    "memory",
    "performance",
    "result",
    "error",
    "library",
    "api",
    "design",
    "problem",
    "state",
    "example",
    "loop",
    "call",
    "thread",
    "request",
    "file",
    "version",
    "user",
    "server",
    "cache",
    "input",
    "output",
    "array",
    "string",
    "number",
    "buffer",
    "batch",
    "update",
    "config",
    "build",
    "runtime",
    "compiler",
    "network",
    "latency",
    "throughput",
    "benchmark",
    "profile",
    "algorithm",
    "training",
    "learning",
    "gradient",
    "descent",
    "loss",
    "layer",
    "weight",
    "bias",
    "optimizer",
    "dataset",
    "validation",
    "metric",
    "schema",
    "table",
    "row",
    "column",
    "transaction",
    "lock",
    "disk",
    "storage",
    "container",
    "cluster",
    "service",
    "endpoint",
    "client",
    "protocol",
    "message",
    "event",
    "queue",
    "worker",
    "scheduler",
    "task",
    "job",
    "retry",
    "timeout",
    "parser",
    "token",
    "syntax",
    "tree",
    "graph",
    "node",
    "edge",
    "path",
    "search",
    "sort",
    "hash",
    "map",
    "set",
    "list",
    "stack",
    "pointer",
    "reference",
    "allocation",
    "garbage",
    "struct",
    "trait",
    "interface",
    "generic",
    "closure",
    "lambda",
    "iterator",
    "stream",
    "channel",
    "future",
    "promise",
    "callback",
    "handler",
    "middleware",
    "router",
    "template",
    "renderer",
    "shader",
    "texture",
    "pixel",
    "vertex",
    "matrix",
    "vector",
    "tensor",
    "kernel",
    "device",
    "driver",
    "firmware",
    "sensor",
    "signal",
    "filter",
    "frequency",
    "sample",
    "noise",
    "distribution",
    "probability",
    "estimate",
    "regression",
    "classification",
    "clustering",
    "embedding",
    "tokenizer",
    "attention",
    "transformer",
    "encoder",
    "decoder",
    "pretraining",
    "finetuning",
    "inference",
    "deployment",
    "monitoring",
    "logging",
    "tracing",
    "alert",
    "dashboard",
    "incident",
    "rollback",
    "migration",
    "backup",
    "snapshot",
    "replica",
    "shard",
    "partition",
    "consensus",
    "leader",
    "election",
    "heartbeat",
    "quorum",
    "kubernetes",
    "docker",
    "terraform",
    "ansible",
    "cloud",
    "bucket",
    "region",
    "zone",
    "pricing",
    "budget",
    "security",
    "certificate",
    "encryption",
    "signature",
    "permission",
    "audit",
    "compliance",
    "refactoring",
    "review",
    "commit",
    "branch",
    "merge",
    "release",
    "changelog",
    "documentation",
    "tutorial",
    "workshop",
    "conference",
]
SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "ta",
    "vo",
    "zen",
    "pri",
    "stel",
    "quo",
    "dra",
    "fin",
    "gor",
    "hul",
    "jex",
    "bri",
    "cal",
    "dum",
    "pex",
)
SHORT_KINDS = (
    "Getting Started",
    "The Basics",
    "Going Deeper",
    "A Worked Example",
    "Pitfalls",
    "Performance",
    "Testing",
    "In Production",
    "Wrapping Up",
    "Revisited",
    "Under the Hood",
    "Edge Cases",
    "Benchmarks",
    "A Case Study",
    "Design Notes",
    "Q&A",
)


class _Text:
    """Article bodies: common English words, a Zipf-distributed technical vocabulary with
    a long tail of rare terms, and the keywords of the post's series topic."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        tail = {
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(6000)
        }
        words = list(dict.fromkeys([*TECH, *sorted(tail)]))
        cum, total = [], 0.0
        for rank, _ in enumerate(words, 1):
            total += 1.0 / rank
            cum.append(total)
        self.tech, self.tech_cum = words, cum
        cum_c, total_c = [], 0.0
        for rank, _ in enumerate(COMMON, 1):
            total_c += 1.0 / rank**0.8
            cum_c.append(total_c)
        self.common_cum = cum_c

    def body(self, keywords: tuple[str, ...]) -> tuple[str, str]:
        """(html, plain text) of 1-3 KB."""
        rng = self.rng
        n = rng.randint(1000, 3000) // 7  # about 7 characters per word with its space
        n_tech = int(n * 0.4)
        common = rng.choices(COMMON, cum_weights=self.common_cum, k=n - n_tech)
        tech = rng.choices(self.tech, cum_weights=self.tech_cum, k=n_tech)
        words = common + tech
        rng.shuffle(words)
        if keywords:
            for i in range(0, len(words), 14):
                words[i] = rng.choice(keywords)
        paragraphs, texts, i = [], [], 0
        while i < len(words):
            sentences = []
            for _ in range(rng.randint(3, 6)):
                k = rng.randint(8, 20)
                chunk = words[i : i + k]
                i += k
                if chunk:
                    sentences.append(" ".join(chunk).capitalize() + ".")
            text = " ".join(sentences)
            if text:
                texts.append(text)
                paragraphs.append(f"<p>{text}</p>")
        if rng.random() < 0.3:
            paragraphs.insert(1, f"<pre><code>fn step_{rng.randint(0, 9999)}() {{ }}</code></pre>")
        return "\n".join(paragraphs), "\n".join(texts)


def generate_library(directory: Path) -> float:
    """Write the benchmark library into ``directory``; returns seconds taken."""
    from datetime import UTC, datetime, timedelta

    from readinglist.models import IncomingArticle, ParsedEntry, SeriesGuess
    from readinglist.paths import database_path
    from readinglist.storage import Store

    directory.mkdir(parents=True, exist_ok=True)
    db_path = database_path(directory)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    (directory / LIBRARY_MARK).unlink(missing_ok=True)
    rng = random.Random(SEED)
    text = _Text(rng)
    per_feed = ARTICLES // FEEDS
    epoch = datetime(2019, 1, 1, tzinfo=UTC)
    topics = list(TOPICS)
    started = time.perf_counter()
    store = Store(db_path)
    missing_total = standalone_total = 0

    def make(
        site: str,
        slug: str,
        title: str,
        day: int,
        guess: SeriesGuess,
        category: str,
        keywords: tuple[str, ...],
    ) -> IncomingArticle:
        html, plain = text.body(keywords)
        link = f"{site}/posts/{slug}/"
        entry = ParsedEntry(
            guid=link,
            title=title,
            link=link,
            author=rng.choice(("Ada", "Grace", "Linus", "Barbara", "Edsger", None)),
            summary_html=html,
            content_html="",
            published=epoch + timedelta(days=day, minutes=rng.randint(0, 1439)),
            updated=None,
            categories=(category,),
            word_count=len(plain.split()),
        )
        return IncomingArticle(entry, guess, f"h{rng.getrandbits(48):x}", plain)

    try:
        for f in range(FEEDS):
            site = f"https://blog{f:03d}.example"
            feed = store.add_feed(
                f"{site}/feed.xml", title=f"Blog {f:03d} — engineering notes", site_url=site
            )
            items: list[IncomingArticle] = []
            day = rng.randint(0, 400)
            for s, topic in enumerate(rng.sample(topics, SERIES_PER_FEED)):
                key = topic.lower().replace(" ", "-")
                style = rng.randrange(3)
                for part in range(1, PARTS + 1):
                    if part > 1 and rng.random() < 0.06:  # a part the feed no longer lists
                        missing_total += 1
                        continue
                    short = f"{rng.choice(SHORT_KINDS)}: {rng.choice(TECH).title()}"
                    title = (
                        f"{topic} ({part}): {short}",
                        f"{topic} Part {part} — {short}",
                        f"{topic} #{part}: {short}",
                    )[style]
                    day += rng.randint(0, 3)
                    guess = SeriesGuess(key, topic, part, short)
                    items.append(
                        make(site, f"s{s}-p{part}", title, day, guess, topic, TOPICS[topic])
                    )
            n = 0
            while len(items) < per_feed:
                n += 1
                standalone_total += 1
                title = f"{rng.choice(TECH).title()} and {rng.choice(TECH)}: notes {f}-{n}"
                day += rng.randint(0, 2)
                guess = SeriesGuess(None, None, None, title)
                items.append(make(site, f"solo-{n}", title, day, guess, "notes", ()))
            rng.shuffle(items)
            store.upsert_entries(feed.id, items)
        store.checkpoint()
    finally:
        store.close()
    took = time.perf_counter() - started
    (directory / LIBRARY_MARK).write_text(
        json.dumps(
            {
                "feeds": FEEDS,
                "series_per_feed": SERIES_PER_FEED,
                "parts": PARTS,
                "articles": ARTICLES,
                "seed": SEED,
                "version": LIBRARY_VERSION,
                "missing_parts": missing_total,
                "standalone": standalone_total,
                "generated_s": took,
            }
        ),
        encoding="utf-8",
    )
    return took


def library_ready(directory: Path) -> bool:
    from readinglist.paths import database_path

    mark = directory / LIBRARY_MARK
    if not mark.is_file() or not database_path(directory).is_file():
        return False
    try:
        info = json.loads(mark.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (info.get("feeds"), info.get("articles"), info.get("seed"), info.get("version")) == (
        FEEDS,
        ARTICLES,
        SEED,
        LIBRARY_VERSION,
    )


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
        if library_ready(library):
            info = json.loads((library / LIBRARY_MARK).read_text(encoding="utf-8"))
            print(f"library: reusing {library} (generated earlier in {info['generated_s']:.1f} s)")
        else:
            print(
                f"library: generating {ARTICLES:,} articles in {FEEDS * SERIES_PER_FEED:,} "
                f"series over {FEEDS} feeds into {library} …",
                flush=True,
            )
            took = generate_library(library)
            info = json.loads((library / LIBRARY_MARK).read_text(encoding="utf-8"))
            print(
                f"library: generated in {took:.1f} s ({info['missing_parts']} missing parts, "
                f"{info['standalone']} standalone posts)"
            )
        db = library / "library.sqlite3"
        print(f"library: {db.stat().st_size / 2**20:.0f} MiB on disk", flush=True)

        work = Path(tempfile.mkdtemp(prefix="ui-bench-out-"))
        floors: list[dict[str, object]] = []
        apps: list[dict[str, object]] = []
        for i in range(args.repeat):
            floors.append(_child("--floor", [], work))
            _reset_gui_state(library)
            apps.append(_child("--app", ["--library", str(library), "--startup-only"], work))
            print(
                f"run {i + 1}/{args.repeat}: floor {floors[-1]['start_s']:.3f} s, "
                f"app {apps[-1]['start_s']:.3f} s",
                flush=True,
            )
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
        report(floors, apps, full)
    finally:
        if tmp is not None and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(floors: list[dict], apps: list[dict], full: dict) -> None:  # type: ignore[type-arg]
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
                f"filter '{f['query']}' -> list shown ({f['shown_rows']})",
                f"{f['shown_ms']:.1f} ms",
                f"<= {GOAL_FILTER_MS:.0f} ms",
                f"{f['shown_ms'] / GOAL_FILTER_MS:.2f}x",
                f["shown_ms"] <= GOAL_FILTER_MS and f["ok"],
            )
        )
        print(
            row(
                f"  raw list_articles: limit 500 | all {f['matches']}",
                f"{f['raw_limit500_ms']:.0f} | {f['raw_all_ms']:.0f} ms",
            )
        )
    print(row("floor RSS (custom-model floor, median)", f"{floor_rss:.0f} MiB"))
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
        f"rss/floor={app_rss / floor_rss:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--library", help="library cache dir (generated when absent)")
    parser.add_argument("--repeat", type=int, default=3, help="startup runs of each process")
    parser.add_argument("--samples", type=int, default=200, help="selects and toggles")
    parser.add_argument("--keep", action="store_true", help="keep the temp library")
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--app", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--startup-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        return run_floor(args.spawned, args.out)
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
