"""``launch(argv) -> int``: open the window (the GUI face of ``readinglist``).

* No display: one line on stderr and exit 2 (instead of Qt aborting).
* A library we must not open: one clear message and exit 2.
* One instance per data dir: a second start asks the first to raise its window, exits 0.
* SIGTERM/SIGINT close the window like Ctrl+Q (note saved, sync stopped), exit 0.
* ``READINGLIST_NO_SYNC_ON_START=1`` skips the sync at start (tests, benchmarks).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from readinglist import APP_NAME, paths
from readinglist.errors import ReadingListError

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
    """The local-server name for one library (hash of its resolved path)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{APP_NAME}-{digest}"


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=APP_NAME, add_help=False)
    parser.add_argument("--data-dir", default=None)
    args, _unknown = parser.parse_known_args(list(argv))
    return args


def launch(argv: Sequence[str]) -> int:
    args = _parse(argv)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    resume_gc = _pause_gc()
    try:
        return _launch(args, resume_gc)
    finally:
        resume_gc()


def _launch(args: argparse.Namespace, resume_gc: Callable[[], None]) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from readinglist.gui import theme

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setDesktopFileName(APP_NAME)
    theme.apply_theme(app)

    data_dir = paths.data_dir(args.data_dir)
    name = instance_name(data_dir)
    if _ask_running_instance(name):
        return 0

    # The library is opened and the tree's top rows read on a thread while this one
    # loads the window's modules: SQLite works without the GIL, imports need it.
    opening = _Opening(data_dir)
    from readinglist.gui.main_window import MainWindow

    try:
        library, root_nodes = opening.result()
    except (ReadingListError, OSError) as exc:
        message = f"readinglist: cannot open the library in {data_dir}: {exc}"
        print(message, file=sys.stderr)
        if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in HEADLESS_PLATFORMS:
            QMessageBox.critical(None, "readinglist", message.removeprefix("readinglist: "))
        return 2

    try:
        window = MainWindow(library, root_nodes=root_nodes)
        restore = _install_signal_handlers(window)
        window.show()
        window.start(sync_on_start=os.environ.get(NO_SYNC_ENV, "") not in ("1", "true", "yes"))
        servers: list[object] = []

        def after_first_paint() -> None:
            resume_gc()
            servers.append(_listen(name, window))  # QtNetwork loads only now

        # Two turns of the event loop: the first exposes and paints the window.
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, after_first_paint))
        app.exec()
        window.shutdown()
        restore()
        for server in servers:
            server.close()  # type: ignore[attr-defined]
        _dispose(window, *servers, restore.notifier)  # type: ignore[attr-defined]
        theme.icon.cache_clear()  # icons hold the SVG plugin: free them while Qt is up
    finally:
        library.close()
    return 0


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


class _Opening:
    """``Library.open`` plus the tree's top rows, on a thread of its own."""

    def __init__(self, data_dir: Path) -> None:
        from readinglist.gui.tree_nodes import TreeLoader
        from readinglist.library import Library

        self._open, self._loader = Library.open, TreeLoader
        self._data_dir = data_dir
        self._out: tuple[Any, Any] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="readinglist-open", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            library = self._open(self._data_dir)
        except BaseException as exc:  # handed to the GUI thread
            self._error = exc
            return
        root = None
        try:
            # On failure the model reads them itself, on the GUI thread, and reports.
            with contextlib.suppress(Exception):
                root = self._loader(library.store).root_children()
        finally:
            library.store.close()  # this thread's connection; the GUI opens its own
        self._out = (library, root)

    def result(self) -> tuple[Any, Any]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._out is not None
        return self._out


def _dispose(*objects: object) -> None:
    """Delete Qt objects now, in order, instead of at interpreter exit (where the order
    of finalization is arbitrary and can crash)."""
    import gc

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    for obj in objects:
        if shiboken6.isValid(obj):
            shiboken6.delete(obj)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _ask_running_instance(name: str) -> bool:
    """True when another window has this library open (it was asked to raise itself)."""
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        # QLocalServer listens on <temp dir>/<name>; a plain socket asks without loading
        # QtNetwork before the window is up.
        path = os.path.join(os.environ.get("TMPDIR") or "/tmp", name)  # as QDir::tempPath
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1.0)
            try:
                sock.connect(path)
                sock.sendall(b"raise\n")
            except OSError:
                return False
        return True
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(500):
        return False
    sock.write(b"raise\n")
    sock.flush()
    sock.waitForBytesWritten(1000)
    sock.disconnectFromServer()
    return True


def _listen(name: str, window: object) -> object:
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer()
    QLocalServer.removeServer(name)  # a stale socket left by a crash
    server.listen(name)

    def on_connection() -> None:
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()

            def read(conn: object = conn) -> None:
                if b"raise" in bytes(conn.readAll().data()):  # type: ignore[attr-defined]
                    _raise(window)

            conn.readyRead.connect(read)
            conn.disconnected.connect(conn.deleteLater)

    server.newConnection.connect(on_connection)
    return server


def _raise(window: object) -> None:
    from PySide6.QtCore import Qt

    window.setWindowState(  # type: ignore[attr-defined]
        window.windowState() & ~Qt.WindowState.WindowMinimized  # type: ignore[attr-defined]
    )
    window.show()  # type: ignore[attr-defined]
    window.raise_()  # type: ignore[attr-defined]
    window.activateWindow()  # type: ignore[attr-defined]


def _install_signal_handlers(window: object) -> object:
    """SIGTERM/SIGINT close the window like Ctrl+Q (a socketpair wakes the Qt loop)."""
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
        QTimer.singleShot(0, window.close)  # type: ignore[attr-defined]

    notifier.activated.connect(drain)
    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        notifier.setEnabled(False)
        for sig, previous in old.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(old_fd)
        rsock.close()
        wsock.close()

    restore.notifier = notifier  # type: ignore[attr-defined]  # keep it alive
    return restore
