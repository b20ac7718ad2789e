"""One window per library: the first listens, a second start asks it to raise itself.

On Linux, the BSDs and macOS the first window listens on a Unix socket
``<temp dir>/<name>`` (the place ``QLocalServer`` used), read through a
``QSocketNotifier`` on the GUI thread. Plain sockets instead of QtNetwork: the bundle
then carries neither QtNetwork nor the Kerberos and Brotli libraries it links (5 MB of
the 100 MB budget), and nothing more is loaded after the first paint. Windows has no
Unix sockets in Python, so there the same two calls use ``QLocalServer``/``QLocalSocket``.

The message is one line, ``raise``; anything else is ignored.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["InstanceServer", "ask_running_instance", "socket_path"]

MESSAGE = b"raise\n"
_MAX_MESSAGE = 64


def socket_path(name: str) -> str:
    """Where the window of library ``name`` listens (as ``QDir::tempPath`` would put it)."""
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", name)


def ask_running_instance(name: str) -> bool:
    """True when another window has this library open (it was asked to raise itself)."""
    if sys.platform == "win32":
        return _ask_with_qt(name)
    path = socket_path(name)
    if not os.path.exists(path):
        return False  # nobody listens: the usual case
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        try:
            sock.connect(path)
            sock.sendall(MESSAGE)
        except OSError:
            return False  # a socket file left by a crash
    return True


class InstanceServer:
    """Listens for ``raise`` from later starts and calls ``on_raise`` on the GUI thread."""

    def __init__(self, name: str, on_raise: Callable[[], None]) -> None:
        self._on_raise = on_raise
        self._clients: dict[int, tuple[socket.socket, Any, bytearray]] = {}
        self._qt_server: Any = None
        self._sock: socket.socket | None = None
        self._notifier: Any = None
        self._path = socket_path(name)
        if sys.platform == "win32":
            self._qt_server = _listen_with_qt(name, on_raise)
            return
        self._listen()

    def _listen(self) -> None:
        from PySide6.QtCore import QSocketNotifier

        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)  # a stale socket left by a crash
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(self._path)
            os.chmod(self._path, 0o600)  # only this user may ask the window anything
            sock.listen(4)
        except OSError:
            sock.close()  # no single-instance guard, but the window still works
            return
        sock.setblocking(False)
        self._sock = sock
        self._notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        from PySide6.QtCore import QSocketNotifier

        assert self._sock is not None
        while True:
            try:
                conn, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            conn.setblocking(False)
            notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read)
            fd = conn.fileno()
            self._clients[fd] = (conn, notifier, bytearray())
            notifier.activated.connect(lambda *_args, fd=fd: self._read(fd))

    def _read(self, fd: int) -> None:
        conn, _notifier, buffer = self._clients[fd]
        try:
            chunk = conn.recv(_MAX_MESSAGE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        buffer += chunk
        if b"\n" in buffer or not chunk or len(buffer) >= _MAX_MESSAGE:
            self._drop(fd)
            if bytes(buffer).strip() == MESSAGE.strip():
                self._on_raise()

    def _drop(self, fd: int) -> None:
        conn, notifier, _ = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        conn.close()

    def close(self) -> None:
        """Stop listening and remove the socket file (the next start listens anew)."""
        for fd in list(self._clients):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
            with contextlib.suppress(OSError):
                os.unlink(self._path)
        if self._qt_server is not None:
            self._qt_server.close()
            self._qt_server = None


def _ask_with_qt(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(500):
        return False
    sock.write(MESSAGE)
    sock.flush()
    sock.waitForBytesWritten(1000)
    sock.disconnectFromServer()
    return True


def _listen_with_qt(name: str, on_raise: Callable[[], None]) -> Any:
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer()
    QLocalServer.removeServer(name)  # a stale pipe left by a crash
    server.listen(name)

    def on_connection() -> None:
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()

            def read(conn: Any = conn) -> None:
                if MESSAGE.strip() in bytes(conn.readAll().data()):
                    on_raise()

            conn.readyRead.connect(read)
            conn.disconnected.connect(conn.deleteLater)

    server.newConnection.connect(on_connection)
    return server
