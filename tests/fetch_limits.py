"""Shared by the fetcher tests: a tiny feed, its validators, and limits short enough for
a loopback server (a slow reply fails in seconds, a big one at 64 KiB)."""

from __future__ import annotations

from readinglist.feeds.fetch import FetchLimits

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>"""
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"

FAST = FetchLimits(
    connect_timeout=2.0,
    read_timeout=2.0,
    deadline=5.0,
    max_bytes=64 * 1024,
    max_decompressed_bytes=256 * 1024,
    max_redirects=5,
)
