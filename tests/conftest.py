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

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = Path(os.environ.get("READINGLIST_CORPORA", SHARED / "corpora"))


@pytest.fixture
def corpora_dir() -> Path:
    """The shared corpora directory; tests that need it skip when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not present at {CORPORA}")
    return CORPORA
