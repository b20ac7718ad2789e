"""The window paints before the library opens: the feed-list peek and the two-step window.

``feed_list.peek_feeds`` reads the feed rows through a read-only connection; the window
paints them (``MainWindow(None, data_dir=..., root_nodes=...)``) and ``attach`` brings
the library right after. These tests pin what the peek may return, that it never
changes the file, and that the window does nothing with the store until attached.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from helpers import entry, incoming
from readinglist.services.paths import database_path
from readinglist.storage import db as dbmod
from readinglist.storage.feed_list import peek_feeds
from readinglist.storage.layout import APPLICATION_ID, CURRENT_SCHEMA
from readinglist.storage.store import Store


def fill(store: Store) -> dict[str, int]:
    """Two feeds (one failing) with a series and standalone posts; a third unsubscribed."""
    alpha = store.add_feed("https://alpha.example/feed", title="Alpha Blog")
    beta = store.add_feed("https://beta.example/feed", title="beta notes")
    gone = store.add_feed("https://gone.example/feed", title="Gone")
    store.upsert_entries(
        alpha.id,
        [
            incoming(entry("a1", "NLP Part 1", day=1), "nlp", 1),
            incoming(entry("a2", "NLP Part 2", day=2), "nlp", 2),
            incoming(entry("a3", "Standalone", day=3)),
        ],
    )
    store.upsert_entries(beta.id, [incoming(entry("b1", "Only post", day=4))])
    store.upsert_entries(gone.id, [incoming(entry("g1", "Kept for its star", day=5))])
    ids = {a.guid: a.id for a in store.list_articles()}
    store.mark_read([ids["a1"]])
    store.set_starred([ids["g1"]])
    store.record_fetch_error(beta.id, "HTTP 500 from beta.example")
    assert store.remove_feed(gone.id) == 1  # kept, marked unsubscribed: not listed
    return ids


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_current_schema_is_the_number_of_migrations() -> None:
    assert CURRENT_SCHEMA == len(dbmod.MIGRATIONS) == dbmod.SCHEMA_VERSION


def test_peek_reads_what_the_store_lists(store: Store) -> None:
    fill(store)
    expected = store.list_feeds()
    store.checkpoint()
    feeds = peek_feeds(store.path)
    assert feeds == expected
    assert [f.title for f in feeds] == ["Alpha Blog", "beta notes"]  # case-folded order
    assert [(f.article_count, f.unread_count) for f in feeds] == [(3, 2), (1, 1)]
    assert feeds[1].last_error == "HTTP 500 from beta.example"


def test_peek_changes_nothing_in_the_file(data_dir: Path) -> None:
    """Not a byte of the library changes. A reader of a WAL-mode file makes SQLite's
    empty -wal/-shm companions; the library's next open and close removes them."""
    store = Store(database_path(data_dir))
    fill(store)
    store.close()  # the last connection checkpoints and removes the WAL
    path = database_path(data_dir)
    before = digest(path)
    assert peek_feeds(path) is not None
    assert digest(path) == before
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    Store(path).close()
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == [path.name]


def _foreign(path: Path, app_id: int, version: int) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.execute(f"PRAGMA application_id = {app_id}")
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: None, id="no file"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty file"),
        pytest.param(lambda p: p.write_bytes(b"a shopping list\n" * 100), id="not sqlite"),
        pytest.param(lambda p: _foreign(p, 0, 0), id="another program's database"),
        pytest.param(lambda p: _foreign(p, APPLICATION_ID, CURRENT_SCHEMA - 1), id="to migrate"),
        pytest.param(lambda p: _foreign(p, APPLICATION_ID, CURRENT_SCHEMA + 1), id="newer"),
        pytest.param(lambda p: p.mkdir(), id="a directory"),
    ],
)
def test_peek_declines_anything_but_a_current_library(data_dir: Path, make) -> None:
    """None means "open it the usual way first", where Library.open says what is wrong."""
    path = database_path(data_dir)
    make(path)
    before = digest(path) if path.is_file() else None
    assert peek_feeds(path) is None
    assert (digest(path) if path.is_file() else None) == before


def test_peek_declines_a_damaged_library(store: Store) -> None:
    fill(store)
    store.close()
    path = store.path
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a b-tree page overwritten
    path.write_bytes(bytes(data))
    assert peek_feeds(path) is None


# --- the window in two steps ----------------------------------------------------------


@pytest.fixture
def shell(qtbot, data_dir):
    """A window built from the peeked rows, shown, not yet attached; and its library."""
    from PySide6.QtWidgets import QApplication

    from readinglist.gui.main_window import MainWindow
    from readinglist.gui.tree_nodes import root_nodes
    from readinglist.services.library import Library

    made: list[tuple[object, object]] = []

    def make(prepare=None):
        if prepare is not None:
            with Library.open(data_dir) as library:
                prepare(library.store)
        feeds = peek_feeds(database_path(data_dir))
        assert feeds is not None
        window = MainWindow(None, data_dir=data_dir, root_nodes=root_nodes(feeds))
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        library = Library.open(data_dir)
        made.append((window, library))
        return window, library

    yield make
    for window, library in made:
        window.close()
        library.close()


def _article(window) -> int | None:
    node = window.tree.current_node()
    return node.article.id if node is not None and node.article is not None else None


def test_the_shell_paints_the_feed_rows_and_ignores_commands_until_attached(qtbot, shell) -> None:
    ids: dict[str, int] = {}
    window, library = shell(lambda s: ids.update(fill(s)))
    model = window.model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Alpha Blog" in titles and "beta notes" in titles and "Gone" not in titles
    assert not window.is_attached()
    alpha = model.feed_index(library.store.list_feeds()[0].id)
    assert model.hasChildren(alpha) and not model.canFetchMore(alpha)  # no store yet
    qtbot.keyClick(window, "j")  # the single-key dispatcher: ignored
    window.run_command("next_article")  # a menu item or toolbar button: ignored
    window.tree.expand(alpha)
    assert _article(window) is None and model.rowCount(alpha) == 0

    window.attach(library)
    window.start(sync_on_start=False)
    assert window.is_attached()
    qtbot.keyClick(window, "j")
    assert _article(window) == ids["a1"]  # NLP Part 1, the first article in part order
    assert window.article_pane.current_article_id() == ids["a1"]


def test_a_click_before_the_library_came_is_honoured(qtbot, shell) -> None:
    window, library = shell(fill)
    beta = library.store.list_feeds()[1]
    window.tree.select_index(window.model.feed_index(beta.id))
    window.attach(library)
    assert window.tree.selected_node().feed_id == beta.id
    assert window.right_stack.currentWidget() is window.empty_state  # the feed's page
    assert window.empty_state.title.text() == "beta notes"
    assert "The last sync failed: HTTP 500 from beta.example" in window.empty_state.text.text()


def test_closing_before_the_library_came_keeps_the_saved_selection(qtbot, shell) -> None:
    ids: dict[str, int] = {}
    window, library = shell(lambda s: ids.update(fill(s)))
    window.attach(library)
    assert window.tree.select_article(ids["a2"])
    window.close()
    early, _ = shell()
    early.close()  # before attach: layout saved, the selection it never had not written
    late, late_library = shell()
    late.attach(late_library)
    assert _article(late) == ids["a2"]


def test_launch_reports_a_library_that_fails_to_open_after_the_paint(
    qtbot, data_dir, monkeypatch, capsys
) -> None:
    """The peek found a current library, the window painted, then the real open failed
    (here: another program holds the lock). One line, the window closed, exit 2."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from readinglist.gui import launch as launch_mod
    from readinglist.model.errors import DatabaseLockedError
    from readinglist.services.library import Library

    with Library.open(data_dir) as library:
        fill(library.store)

    def locked(*_args, **_kwargs):
        raise DatabaseLockedError("the library is in use by another program")

    monkeypatch.setattr(Library, "open", locked)
    monkeypatch.setenv("READINGLIST_NO_SYNC_ON_START", "1")
    monkeypatch.setattr(launch_mod, "_ask_running_instance", lambda _name: False)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)  # never hang the suite
    guard.start(20_000)
    assert launch_mod.launch(["--data-dir", str(data_dir)]) == 2
    assert guard.isActive()
    guard.stop()
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.startswith("readinglist:")] == [
        f"readinglist: cannot open the library in {data_dir}: "
        "the library is in use by another program"
    ]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.parametrize("peeked", [True, False], ids=["painted-first", "opened-first"])
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_signal_while_starting_closes_like_ctrl_q(
    qtbot, data_dir, monkeypatch, request, signame, peeked
) -> None:
    """Logout or Ctrl+C in the first moments, before the window's own handlers are in:
    noted, and the window leaves as soon as it is up — exit 0, layout saved, no
    traceback, the library file intact and closed."""
    import os
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from readinglist.gui import launch as launch_mod
    from readinglist.services.library import Library

    with Library.open(data_dir) as library:
        fill(library.store)
    real_peek = launch_mod._peek_root_nodes

    def peek_then_signal(path):
        os.kill(os.getpid(), getattr(signal, signame))  # while the window's modules load
        return real_peek(path) if peeked else None

    monkeypatch.setattr(launch_mod, "_peek_root_nodes", peek_then_signal)
    monkeypatch.setattr(launch_mod, "_ask_running_instance", lambda _name: False)
    monkeypatch.setenv("READINGLIST_NO_SYNC_ON_START", "1")
    # Stand-ins for the test run's own handlers: were launch not to take the signal, it
    # would land here (rather than end the test run) and the window would stay open.
    missed: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.signal(sig, lambda signum, _frame: missed.append(signum))
        request.addfinalizer(lambda sig=sig, previous=previous: signal.signal(sig, previous))
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)  # never hang the suite
    guard.start(20_000)
    assert launch_mod.launch(["--data-dir", str(data_dir)]) == 0
    assert guard.isActive() and missed == []
    guard.stop()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert {sig: signal.getsignal(sig) for sig in before} == before  # handlers given back
    assert (data_dir / "gui-settings.ini").exists()
    db = sqlite3.connect(database_path(data_dir))
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
