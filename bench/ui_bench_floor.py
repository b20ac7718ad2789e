"""UI benchmark, part 3: the memory floor the issue names, "a custom-model floor".

The start-up floor (``ui_bench_app.run_floor``) is a bare window with 200 rows. For
memory the issue asks for a custom-model floor of "about 150 MB" at 1.5x, i.e. a floor
near 100 MB: the least a tree *over this library* holds. This child is that program,
written the plain way: one ``QAbstractItemModel`` over the whole tree (200 feeds, their
2,000 series and standalone groups, every article's title and read flag as a tuple) read once with
``sqlite3``, a ``QTextBrowser`` beside it, shown and painted. Its RSS is the floor.

readinglist itself loads children on demand, so it holds far fewer rows than this
floor until the user has opened most of the library; the bare-window figure stays in
the report beside this one.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from ui_bench_app import _emit_result, _qt_helpers, rss_kib, show_floor_window


class _Root:
    __slots__ = ()


class _FeedNode:
    __slots__ = ("row", "series", "title")

    def __init__(self, row: int, title: str) -> None:
        self.row, self.title, self.series = row, title, []


class _SeriesNode:
    __slots__ = ("articles", "feed", "row", "title")

    def __init__(self, feed: _FeedNode, row: int, title: str) -> None:
        self.feed, self.row, self.title = feed, row, title
        self.articles: list[tuple[str, bool]] = []


def load_tree(db: Path) -> list[_FeedNode]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    feeds: dict[int, _FeedNode] = {}
    for fid, title in con.execute("SELECT id, title FROM feed ORDER BY LOWER(title)"):
        feeds[fid] = _FeedNode(len(feeds), title)
    series: dict[int, _SeriesNode] = {}
    for sid, fid, name in con.execute(
        "SELECT id, feed_id, COALESCE(user_name, detected_name) FROM series ORDER BY id"
    ):
        feed = feeds[fid]
        node = _SeriesNode(feed, len(feed.series), name)
        feed.series.append(node)
        series[sid] = node
    for sid, title, read in con.execute(
        "SELECT series_id, title, read FROM article WHERE series_id IS NOT NULL AND hidden = 0"
        " ORDER BY series_id, COALESCE(part_override, detected_part)"
    ):
        if sid in series:
            series[sid].articles.append((title, bool(read)))
    standalone: dict[int, _SeriesNode] = {}
    for fid, title, read in con.execute(
        "SELECT feed_id, title, read FROM article WHERE series_id IS NULL AND hidden = 0"
        " ORDER BY feed_id, published DESC"
    ):
        if fid not in standalone:
            feed = feeds[fid]
            standalone[fid] = _SeriesNode(feed, len(feed.series), "Standalone")
            feed.series.append(standalone[fid])
        standalone[fid].articles.append((title, bool(read)))
    con.close()
    return list(feeds.values())


def run_library_floor(spawned: float, out: str, library: str) -> int:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    PaintWatcher, wait_until, _drain, _keep = _qt_helpers()
    watcher = PaintWatcher("floorTree")
    app.installEventFilter(watcher)
    root = _Root()
    feeds = load_tree(Path(library) / "library.sqlite3")

    class LibraryModel(QAbstractItemModel):
        def index(self, row, column, parent=QModelIndex()):  # noqa: B008
            if not parent.isValid():
                return self.createIndex(row, column, root)
            ptr = parent.internalPointer()
            if ptr is root:
                return self.createIndex(row, column, feeds[parent.row()])
            return self.createIndex(row, column, ptr.series[parent.row()])

        def parent(self, index=QModelIndex()):  # noqa: B008
            if not index.isValid():
                return QModelIndex()
            ptr = index.internalPointer()
            if ptr is root:
                return QModelIndex()
            if isinstance(ptr, _FeedNode):
                return self.createIndex(ptr.row, 0, root)
            return self.createIndex(ptr.row, 0, ptr.feed)

        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            if not parent.isValid():
                return len(feeds)
            if parent.column() != 0:
                return 0
            ptr = parent.internalPointer()
            if ptr is root:
                return len(feeds[parent.row()].series)
            if isinstance(ptr, _FeedNode):
                return len(ptr.series[parent.row()].articles)
            return 0

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 2

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
                return None
            ptr, row = index.internalPointer(), index.row()
            if ptr is root:
                node = feeds[row]
                return node.title if index.column() == 0 else str(len(node.series))
            if isinstance(ptr, _FeedNode):
                node = ptr.series[row]
                return node.title if index.column() == 0 else str(len(node.articles))
            title, read = ptr.articles[row]
            return title if index.column() == 0 else ("read" if read else "")

    model = LibraryModel()
    window = show_floor_window(model)
    result: dict[str, object] = {"articles": sum(len(s.articles) for f in feeds for s in f.series)}

    def measure() -> None:
        wait_until(lambda: watcher.painted is not None, 60)
        result["start_s"] = time.time() - spawned
        result.update(rss_kib())
        _emit_result(out, result)
        window.close()

    QTimer.singleShot(0, measure)
    app.exec()
    return 0
