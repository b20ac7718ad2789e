"""The series-heldout corpus file: parses, has enough blogs and posts, every label
well-formed, and shares no blog or host with the unseen corpus or the shared one."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from series_corpus import DATA, assert_labels_well_formed, read_records

CORPUS = DATA / "series-heldout" / "corpus.jsonl"
UNSEEN = DATA / "series-unseen" / "corpus.jsonl"


def records(path: Path = CORPUS) -> list[dict[str, object]]:
    return read_records(path)


def blogs_and_hosts(path: Path) -> tuple[set[str], set[str]]:
    rs = records(path)
    return {str(r["blog"]) for r in rs}, {urlsplit(str(r["url"])).hostname or "" for r in rs}


def test_corpus_parses_and_has_five_blogs() -> None:
    rs = records()
    assert len(rs) >= 800
    assert len({r["blog"] for r in rs}) >= 5
    assert any(r["series"] is None for r in rs)  # standalone posts too, not only series


def test_every_label_is_well_formed() -> None:
    assert_labels_well_formed(records())


def test_no_blog_or_host_of_the_unseen_corpus() -> None:
    blogs, hosts = blogs_and_hosts(CORPUS)
    unseen_blogs, unseen_hosts = blogs_and_hosts(UNSEEN)
    assert not blogs & unseen_blogs
    assert not hosts & unseen_hosts


def test_no_blog_or_host_of_the_shared_corpus(corpora_dir: Path) -> None:
    shared = corpora_dir / "series-eval" / "corpus.jsonl"
    if not shared.is_file():
        pytest.skip(f"shared series corpus not present at {shared}")
    blogs, hosts = blogs_and_hosts(CORPUS)
    shared_blogs, shared_hosts = blogs_and_hosts(shared)
    assert not blogs & shared_blogs
    assert not hosts & shared_hosts
