"""One window per library: the listening side, in process, with real Unix sockets."""

from __future__ import annotations

import os
import socket
import sys

import pytest

pytest.importorskip("PySide6")

from readinglist.gui.single_instance import InstanceServer, ask_running_instance, socket_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")


@pytest.fixture
def name(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    return "readinglist-test-instance"


def test_a_second_start_makes_the_first_raise(qtbot, name: str) -> None:
    raised: list[int] = []
    server = InstanceServer(name, lambda: raised.append(1))
    try:
        assert oct(os.stat(socket_path(name)).st_mode & 0o777) == "0o600"
        assert ask_running_instance(name) is True
        qtbot.waitUntil(lambda: raised == [1])
    finally:
        server.close()
    assert not os.path.exists(socket_path(name))
    assert ask_running_instance(name) is False


def test_anything_but_raise_is_ignored(qtbot, name: str) -> None:
    raised: list[int] = []
    server = InstanceServer(name, lambda: raised.append(1))
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(socket_path(name))
            sock.sendall(b"x" * 200)
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(socket_path(name))  # connects and says nothing
        assert ask_running_instance(name)
        qtbot.waitUntil(lambda: raised == [1])
        qtbot.wait(50)
        assert raised == [1]
    finally:
        server.close()


def test_a_stale_socket_from_a_crash_is_replaced(qtbot, name: str) -> None:
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(socket_path(name))
    stale.close()  # the file stays, nobody listens
    assert ask_running_instance(name) is False
    raised: list[int] = []
    server = InstanceServer(name, lambda: raised.append(1))
    try:
        assert ask_running_instance(name)
        qtbot.waitUntil(lambda: raised == [1])
    finally:
        server.close()
