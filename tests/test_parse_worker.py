"""The parse worker process: its frames, what it sends back, and the bundle's way to start it."""

from __future__ import annotations

import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedgen import Item, article_html, atom, rss
from readinglist.model.records import Feed
from readinglist.services import parse_pool
from readinglist.services.parse_worker import receive, send
from readinglist.services.prepare import Fetched, for_writer, prepare
from readinglist.storage.codec import unpack, unpack_summary

ROOT = Path(__file__).resolve().parents[1]
FEED = Feed(1, "https://blog.example/feed.xml", "", *[None] * 9)


def _doc(kind=rss) -> bytes:
    return kind(
        [
            Item(f"g{i}", f"Part {i} of Things", f"https://blog.example/p{i}/", article_html(i), i)
            for i in range(1, 8)
        ]
    )


@pytest.mark.parametrize("kind", [rss, atom])
def test_for_writer_drops_only_html_that_is_packed(kind) -> None:
    full = prepare(FEED, _doc(kind), FEED.url, None)
    slim = for_writer(full)
    assert full.parsed is not None and slim.parsed is not None
    for a, b, (summary, content) in zip(
        full.parsed.entries, slim.parsed.entries, slim.stored_html, strict=True
    ):
        assert (b.summary_html, b.content_html) == ("", "")
        assert (a.guid, a.title, a.link, a.published, a.categories, a.word_count) == (
            b.guid,
            b.title,
            b.link,
            b.published,
            b.categories,
            b.word_count,
        )
        assert unpack(content) == a.content_html
        assert unpack_summary(summary, a.content_html) == a.summary_html
    same = [f for f in full.__dataclass_fields__ if f != "parsed"]
    assert all(getattr(full, f) == getattr(slim, f) for f in same)
    assert len(pickle.dumps(slim)) < len(pickle.dumps(full)) * 0.7


def test_for_writer_leaves_records_without_packed_html_alone() -> None:
    failed = prepare(FEED, b"", FEED.url, None)
    assert for_writer(failed) is failed


def _start(argv: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def _ask(process: subprocess.Popen[bytes], function, *args):
    assert process.stdin is not None and process.stdout is not None
    send(process.stdin, (function, args))
    return receive(process.stdout)


@pytest.mark.parametrize(
    "argv",
    [
        parse_pool.worker_command(),
        # what a bundle runs: its entry script with the worker's argument
        [sys.executable, str(ROOT / "packaging" / "entry_readinglist.py"), "--parse-worker"],
        [sys.executable, str(ROOT / "packaging" / "entry_readinglist_gui.py"), "--parse-worker"],
    ],
    ids=["python", "bundle-cli", "bundle-gui"],
)
def test_a_worker_answers_jobs_until_its_input_ends(argv: list[str]) -> None:
    process = _start(argv)
    try:
        doc = _doc()
        ok, fetched = _ask(process, prepare, FEED, doc, FEED.url, None, None)
        assert ok and isinstance(fetched, Fetched)
        assert fetched == for_writer(prepare(FEED, doc, FEED.url, None))
        ok, error = _ask(process, int, "not a number")  # an exception comes back
        assert not ok and isinstance(error, ValueError)
        process.send_signal(signal.SIGINT)  # Ctrl+C is the parent's to handle
        time.sleep(0.2)
        ok, again = _ask(process, prepare, FEED, doc, FEED.url, None, None)
        assert ok and again == fetched
    finally:
        assert process.stdin is not None
        process.stdin.close()
    assert process.wait(10) == 0


def test_a_frozen_bundle_starts_itself_as_the_worker(monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert parse_pool.worker_command() == [sys.executable, parse_pool.FROZEN_WORKER_ARG]
    for entry in ("entry_readinglist.py", "entry_readinglist_gui.py"):
        text = (ROOT / "packaging" / entry).read_text(encoding="utf-8")
        assert f'== ["{parse_pool.FROZEN_WORKER_ARG}"]' in text
