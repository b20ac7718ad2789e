"""Test-wide setup: Qt offscreen, no network beyond loopback, a fresh library per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("READINGLIST_DATA_DIR", None)

import pytest

TESTS_DIR = Path(__file__).parent
sys.path.insert(0, str(TESTS_DIR))

pytest_plugins = ("loopback",)

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
    from readinglist.paths import database_path
    from readinglist.storage import Store

    opened = Store(database_path(data_dir))
    yield opened
    opened.close()
