"""Starting the window as a program: no display, signals, one instance per library."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from readinglist.gui.launch import NO_DISPLAY, instance_name

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland rules")


def env_for(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "READINGLIST_DATA_DIR")
    }
    env.update(extra)
    return env


def start(data_dir: Path, **extra: str) -> subprocess.Popen[str]:
    env = env_for(
        QT_QPA_PLATFORM="offscreen",
        READINGLIST_NO_SYNC_ON_START="1",
        PYTHONFAULTHANDLER="1",
        **extra,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "readinglist", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(proc: subprocess.Popen[str], data_dir: Path, timeout: float = 30) -> None:
    """The window is up once its single-instance server accepts connections."""
    path = os.path.join(tempfile.gettempdir(), instance_name(data_dir))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        with socket.socket(socket.AF_UNIX) as sock:
            try:
                sock.connect(path)
                return
            except OSError:
                time.sleep(0.1)
    raise AssertionError("the window did not start")


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.communicate()


def test_without_a_display_one_line_and_exit_2(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readinglist", "--data-dir", str(data_dir)],
        env=env_for(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [NO_DISPLAY]


def test_a_library_that_is_not_ours_is_refused(data_dir: Path) -> None:
    (data_dir / "library.sqlite3").write_bytes(
        b"this is not a database, it is a shopping list\n" * 20
    )
    proc = start(data_dir)
    try:
        _out, err = proc.communicate(timeout=60)
    finally:
        stop(proc)
    assert proc.returncode == 2
    lines = [line for line in err.splitlines() if line.startswith("readinglist:")]
    assert len(lines) == 1 and "cannot open the library" in lines[0]
    assert (data_dir / "library.sqlite3").read_bytes().startswith(b"this is not a database")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_closes_cleanly(data_dir: Path, sig: signal.Signals) -> None:
    from readinglist.services.library import Library

    with Library.open(data_dir) as library:
        library.load_sample_library()
        article = library.store.list_articles()[0]
        library.store.set_note(article.id, "keep me")
    proc = start(data_dir)
    try:
        wait_ready(proc, data_dir)
        proc.send_signal(sig)  # at once: the window may still be starting
        _out, err = proc.communicate(timeout=30)
    finally:
        stop(proc)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    db = sqlite3.connect(data_dir / "library.sqlite3")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            db.execute("SELECT note FROM article WHERE id = ?", (article.id,)).fetchone()[0]
            == "keep me"
        )
    finally:
        db.close()
    assert (data_dir / "gui-settings.ini").exists()  # the window saved its state on the way out


def test_second_instance_hands_over_and_exits(data_dir: Path) -> None:
    first = start(data_dir)
    try:
        wait_ready(first, data_dir)
        began = time.monotonic()
        second = start(data_dir)
        try:
            _out, err = second.communicate(timeout=30)
        finally:
            stop(second)
        assert second.returncode == 0, err
        assert time.monotonic() - began < 20
        time.sleep(0.5)
        assert first.poll() is None  # the first window stays up
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)
        assert first.returncode == 0
    finally:
        stop(first)
