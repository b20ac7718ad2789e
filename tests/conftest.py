"""Test-wide setup: Qt offscreen, no network beyond loopback, a fresh library per test."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("READINGLIST_DATA_DIR", None)
# No test writes a password into the developer's own keyring: keyring's "fail" backend
# makes the account keep it in the library's private file, the path CI takes anyway.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import pytest

TESTS_DIR = Path(__file__).parent
sys.path.insert(0, str(TESTS_DIR))

pytest_plugins = ("loopback", "freshrss")

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = Path(os.environ.get("READINGLIST_CORPORA", SHARED / "corpora"))


@pytest.fixture
def corpora_dir() -> Path:
    """The shared corpora directory; tests that need it skip when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not present at {CORPORA}")
    return CORPORA


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty library folder for this test only."""
    directory = tmp_path / "library"
    directory.mkdir()
    return directory


@pytest.fixture
def store(data_dir: Path):
    from readinglist.services.paths import database_path
    from readinglist.storage.store import Store

    opened = Store(database_path(data_dir))
    yield opened
    opened.close()


@pytest.fixture
def library(store):
    """A ``Library`` over this test's store; its HTTP client (if one was made) closed after."""
    from readinglist.services.library import Library

    lib = Library(store)
    yield lib
    if lib._fetcher is not None:
        lib._fetcher.close()


@pytest.fixture
def open_window(qtbot, data_dir: Path):
    """``open_window(prepare=None, library_hook=None)``: a shown, active main window over
    this test's library. ``prepare(store)`` fills the library first; ``library_hook``
    may replace library verbs (a fake backfill) before the window takes the library.
    Every window opened is closed, and its library with it, after the test."""
    from PySide6.QtWidgets import QApplication

    from readinglist.gui.main_window import MainWindow
    from readinglist.services.library import Library

    opened: list[tuple[MainWindow, Library]] = []

    def make(prepare=None, library_hook=None) -> MainWindow:
        library = Library.open(data_dir)
        if prepare is not None:
            prepare(library.store)
        if library_hook is not None:
            library_hook(library)
        window = MainWindow(library)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        opened.append((window, library))
        return window

    yield make
    for window, library in opened:
        window.close()
        library.close()


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``readinglist ARGS --data-dir <the test's library>``; returns (exit, out, err).
    ``stdin=`` feeds text to commands that read it (``note ID -``)."""
    from readinglist.cli.commands import run

    def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            code = run([*args, "--data-dir", str(data_dir)])
        finally:
            sys.stdin = sys.__stdin__
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def runner(qtbot):
    """A background lane for widgets that read or fetch off the GUI thread; joined after."""
    from readinglist.gui.background import BackgroundRunner

    made = BackgroundRunner()
    yield made
    assert made.shutdown(5000)
