"""The series-heldout corpus file: parses, has enough blogs and posts, every label
well-formed, and shares no blog or host with the unseen corpus or the shared one."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
CORPUS = DATA / "series-heldout" / "corpus.jsonl"
UNSEEN = DATA / "series-unseen" / "corpus.jsonl"
COMMON = {"blog", "title", "url", "url_source", "categories", "published", "series", "part"}
SIGNALS = {"title_number", "title_shared", "url_number", "metadata_only"}


def records(path: Path = CORPUS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def blogs_and_hosts(path: Path) -> tuple[set[str], set[str]]:
    rs = records(path)
    return {str(r["blog"]) for r in rs}, {urlsplit(str(r["url"])).hostname or "" for r in rs}


def test_corpus_parses_and_has_five_blogs() -> None:
    rs = records()
    assert len(rs) >= 800
    assert len({r["blog"] for r in rs}) >= 5
    assert any(r["series"] is None for r in rs)  # standalone posts too, not only series


def test_every_label_is_well_formed() -> None:
    kinds: dict[tuple[object, object], set[object]] = defaultdict(set)
    for r in records():
        assert COMMON | {"source"} <= r.keys(), r
        assert isinstance(r["title"], str) and r["title"].strip()
        assert isinstance(r["url"], str) and r["url"].startswith(("http://", "https://"))
        assert isinstance(r["categories"], list)
        assert r["published"] is None or len(str(r["published"])) == 10
        if r["series"] is None:
            assert r["part"] is None and isinstance(r["hard_negative"], bool)
            assert "series_kind" not in r and "signal" not in r
        else:
            assert isinstance(r["series"], str) and r["series"]
            assert r["part"] is None or isinstance(r["part"], int)
            assert r["series_kind"] in {"multipart", "recurring"}
            assert r["signal"] in SIGNALS
            assert "hard_negative" not in r
            kinds[(r["blog"], r["series"])].add(r["series_kind"])
    assert all(len(k) == 1 for k in kinds.values())


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
