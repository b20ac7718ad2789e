"""``launch(argv) -> int``: open the window (the GUI face of ``readinglist``).

* No display: one line on stderr and exit 2 (instead of Qt aborting).
* A library we must not open: one clear message and exit 2.
* One instance per data dir: a second start asks the first to raise its window, exits 0.
* SIGTERM/SIGINT close the window like Ctrl+Q (note saved, sync stopped), exit 0.
* ``READINGLIST_NO_SYNC_ON_START=1`` skips the sync at start (tests, benchmarks).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist import APP_NAME
from readinglist.model.errors import ReadingListError
from readinglist.services import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QWidget

NO_DISPLAY = "readinglist: no display available; use the command line (readinglist --help)"
NO_SYNC_ENV = "READINGLIST_NO_SYNC_ON_START"
HEADLESS_PLATFORMS = {
    "offscreen",
    "minimal",
    "vnc",
    "eglfs",
    "linuxfb",
    "vkkhrdisplay",
    "minimalegl",
}


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return True  # macOS and Windows always have their window system
    platform = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if platform in HEADLESS_PLATFORMS:
        return True
    if platform == "wayland":
        return bool(environ.get("WAYLAND_DISPLAY"))
    if platform == "xcb":
        return bool(environ.get("DISPLAY"))
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def instance_name(data_dir: Path) -> str:
    """The local-server name for one library: two checksums (64 bits) of its resolved
    path. Not a cryptographic hash: it only tells libraries apart, and hashlib would
    load OpenSSL at every start."""
    path = str(data_dir.resolve()).encode("utf-8")
    return f"{APP_NAME}-{zlib.crc32(path):08x}{zlib.adler32(path):08x}"


def data_dir_argument(argv: Sequence[str]) -> str | None:
    """The value of ``--data-dir DIR`` or ``--data-dir=DIR`` (the last one wins)."""
    value = None
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--data-dir" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--data-dir="):
            value = arg.split("=", 1)[1]
    return value


def launch(argv: Sequence[str]) -> int:
    data_dir = data_dir_argument(argv)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    resume_gc = _pause_gc()
    early_signals, restore_signals = _note_early_signals()
    try:
        return _launch(data_dir, resume_gc, early_signals)
    finally:
        restore_signals()
        resume_gc()


def _missing_system_libraries() -> str | None:
    """One line naming the libraries Qt's xcb plugin lacks, or None when it loads.

    Qt would otherwise abort (exit 134) with a misleading hint about xcb-cursor.
    """
    from readinglist.gui import system_libraries as syslibs

    if not syslibs.xcb_plugin_expected():
        return None
    plugin = syslibs.qt_platform_plugin("xcb")
    missing = syslibs.missing_for_plugin(plugin) if plugin else None
    return syslibs.describe_missing(missing) if missing else None


def _import_failure(exc: ImportError) -> int:
    from readinglist.gui import system_libraries as syslibs

    names = syslibs.missing_library_names(str(exc))
    if not names:
        raise exc
    print(syslibs.describe_missing(syslibs.MissingLibraries(names)), file=sys.stderr)
    return 2


def _note_early_signals() -> tuple[list[int], Callable[[], None]]:
    """Remember a SIGTERM/SIGINT that comes before the window can take it.

    The real handlers (a socket pair that wakes the Qt loop) are installed after the
    first paint. Until then a logout or a Ctrl+C would kill the process with the
    default action (or a KeyboardInterrupt traceback); instead it is noted here and the
    window closes like Ctrl+Q as soon as it is up: exit code 0.
    """
    noted: list[int] = []

    def note(signum: int, _frame: object) -> None:
        noted.append(signum)

    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return noted, restore


def _launch(
    data_dir_arg: str | None, resume_gc: Callable[[], None], early_signals: list[int]
) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    missing = _missing_system_libraries()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:  # QtGui itself lacks a library (libEGL, fontconfig …)
        return _import_failure(exc)

    from readinglist.gui import theme

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setDesktopFileName(APP_NAME)
    theme.apply_theme(app)

    data_dir = paths.data_dir(data_dir_arg)
    name = instance_name(data_dir)
    if _ask_running_instance(name):
        return 0

    # A thread peeks at the feed list (plain SQLite, read-only) while this one loads the
    # window's modules: SQLite works without the GIL, imports need it. With the feed
    # rows in hand the window paints first and the library (peewee and the rest of
    # storage/) is opened on the next turn of the event loop, on this thread: a thread
    # importing during the paint would hold the GIL the paint's model calls wait for.
    # Without them (a new file, one to migrate, one that is not right) the library is
    # opened first, and Library.open says what is wrong.
    from readinglist.gui.background import HeadStart

    peek = HeadStart(_peek_root_nodes, data_dir, name="readinglist-peek")
    from readinglist.gui.main_window import MainWindow

    try:
        root_nodes = peek.result()
    except Exception:  # the peek is only a head start: open the library the usual way
        root_nodes = None
    library: Any = None
    if root_nodes is None:
        try:
            library = _open_library(data_dir)
        except (ReadingListError, OSError) as exc:
            return _refuse(data_dir, exc)
    exit_code = 0
    leave_now = False
    try:
        window = MainWindow(library, data_dir=data_dir, root_nodes=root_nodes)
        window.show()
        servers: list[Any] = []
        undo: list[_SignalHandlers] = []

        def after_first_paint() -> None:
            nonlocal library, exit_code
            if window.is_closed():
                return
            if early_signals:  # asked to leave while starting: leave like Ctrl+Q
                QTimer.singleShot(0, window.close)
                return
            if library is None:
                try:
                    library = _open_library(data_dir)
                except (ReadingListError, OSError) as exc:
                    exit_code = _refuse(data_dir, exc)
                    window.close()
                    return
                window.attach(library)
            window.start(sync_on_start=os.environ.get(NO_SYNC_ENV, "") not in ("1", "true", "yes"))
            resume_gc()
            undo.append(_install_signal_handlers(window))
            if early_signals:  # came while the library opened, before the handlers above
                QTimer.singleShot(0, window.close)
                return
            servers.append(_listen(name, window))

        _after_first_paint(window.tree.viewport(), after_first_paint)
        app.exec()
        window.shutdown()
        if not window.threads_stopped:
            leave_now = True  # after the library is closed, below
            return exit_code
        for restore in undo:
            restore()
        for server in servers:
            server.close()
        _dispose(window, *(restore.notifier for restore in undo))
        theme.icon.cache_clear()  # icons hold the SVG plugin: free them while Qt is up
    finally:
        if library is not None:
            library.close()
        if leave_now:
            _leave_now(exit_code)
    return exit_code


def _leave_now(exit_code: int) -> None:
    """End the process without Qt's teardown, once everything is saved and closed.

    Only when a background thread would not stop (see ``TaskManager.shutdown``): at
    interpreter exit PySide deletes every Qt object, and deleting a ``QThread`` (or the
    worker its ``finished`` signal is about to reach) under a running thread crashes the
    process after the user's data was safe, with exit code -11 instead of 0.
    """
    import logging

    print("readinglist: a background task did not stop; leaving without waiting", file=sys.stderr)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exit_code)


def _peek_root_nodes(data_dir: Path) -> Any:
    """The tree's top rows from a read-only look at the file, or None (see fast_start)."""
    from readinglist.gui.tree_nodes import root_nodes
    from readinglist.services.fast_start import peek_feeds

    feeds = peek_feeds(data_dir)
    return None if feeds is None else root_nodes(feeds)


def _open_library(data_dir: Path) -> Any:
    from readinglist.services.library import Library

    return Library.open(data_dir)


def _refuse(data_dir: Path, exc: BaseException) -> int:
    """A library we must not open: one line on stderr (and a dialog on a screen); 2."""
    message = f"readinglist: cannot open the library in {data_dir}: {exc}"
    print(message, file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in HEADLESS_PLATFORMS:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "readinglist", message.removeprefix("readinglist: "))
    return 2


def _after_first_paint(widget: Any, callback: Callable[[], None], fallback_ms: int = 500) -> None:
    """Call ``callback`` once, on the event-loop turn after ``widget`` first paints (or
    after ``fallback_ms`` when it never does: a window started minimised)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = [False]

    def fire() -> None:
        if not done[0]:
            done[0] = True
            widget.removeEventFilter(watcher)
            callback()

    class PaintWatcher(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not done[0]:
                QTimer.singleShot(0, fire)
            return False

    watcher = PaintWatcher(widget)
    widget.installEventFilter(watcher)
    QTimer.singleShot(fallback_ms, fire)


def _pause_gc() -> Callable[[], None]:
    """Hold the cyclic GC while the window's modules load and it is built.

    A start allocates hundreds of thousands of objects that all live as long as the
    window, and the collector would walk them again and again (~20 ms). Resuming
    freezes them (``gc.freeze``), so later collections skip them too.
    """
    if not gc.isenabled():
        return lambda: None
    gc.disable()

    def resume() -> None:
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    return resume


def _dispose(*objects: object) -> None:
    """Delete Qt objects now, in order, instead of at interpreter exit (where the order
    of finalization is arbitrary and can crash)."""
    import gc

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    for obj in objects:
        if isinstance(obj, shiboken6.Object) and shiboken6.isValid(obj):
            shiboken6.delete(obj)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _ask_running_instance(name: str) -> bool:
    """True when another window has this library open (it was asked to raise itself)."""
    from readinglist.gui.single_instance import ask_running_instance

    return ask_running_instance(name)


def _listen(name: str, window: QWidget) -> Any:
    from readinglist.gui.single_instance import InstanceServer

    return InstanceServer(name, lambda: _raise(window))


def _raise(window: QWidget) -> None:
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class _SignalHandlers:
    """What ``_install_signal_handlers`` set up; calling it puts things back. Holds the
    socket notifier (it must live as long as the handlers)."""

    def __init__(self, notifier: QSocketNotifier, restore: Callable[[], None]) -> None:
        self.notifier = notifier
        self._restore = restore

    def __call__(self) -> None:
        self._restore()


def _install_signal_handlers(window: QWidget) -> _SignalHandlers:
    """SIGTERM/SIGINT close the window like Ctrl+Q (a socketpair wakes the Qt loop)."""
    import socket

    from PySide6.QtCore import QSocketNotifier, QTimer

    rsock, wsock = socket.socketpair()
    rsock.setblocking(False)
    wsock.setblocking(False)
    old_fd = signal.set_wakeup_fd(wsock.fileno())
    notifier = QSocketNotifier(rsock.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        try:
            while rsock.recv(64):
                pass
        except OSError:
            pass

    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    notifier.activated.connect(drain)
    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        notifier.setEnabled(False)
        for sig, previous in old.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(old_fd)
        rsock.close()
        wsock.close()

    return _SignalHandlers(notifier, restore)
