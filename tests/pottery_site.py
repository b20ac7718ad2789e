"""A loopback pottery blog for the tests of a site's own series (issue #12).

Its feed's titles say nothing of their series; the site's Hugo-style taxonomy (a list of
series at ``/series/index.xml`` and one feed per series) and, where a test adds them, its
posts' series boxes do. Every title and address is invented.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from loopback import LoopbackServer
from readinglist.model.query import ArticleQuery
from readinglist.services.backfill.client import BackfillLimits
from readinglist.services.library import Library

POSTS = [  # (slug, title, date): the feed's window, newest last
    ("why-clay-shrinks", "Why clay shrinks", "2031-01-05"),
    ("studio-notes", "Notes from the studio", "2031-01-09"),
    ("cone-six", "Cone 6 without tears", "2031-01-12"),
    ("loading", "Loading a kiln", "2031-02-02"),
    ("potters-fair", "A visit to the potters' fair", "2031-02-10"),
]
FAST = BackfillLimits(min_interval=0)
FRESH = BackfillLimits(min_interval=0, cache_days=0)  # every answer asked again
KILN = ["what-a-kiln-is", "why-clay-shrinks", "cone-six", "loading"]  # oldest first
OLDER = ("what-a-kiln-is", "What a kiln is", "2030-12-20")  # listed, not in the feed


def rss_document(title: str, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{rfc822(day)}</pubDate></item>"
        for t, link, day in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def rfc822(day: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(day + "T10:00:00+00:00"))


class PotterySite:
    """The blog: its feed, its list of series and each series' feed."""

    def __init__(self, server: LoopbackServer) -> None:
        self.server = server
        self.base = server.url("/").rstrip("/")
        self.feed_url = server.url("/index.xml")
        self.publish(POSTS)

    def publish(self, posts: list[tuple[str, str, str]]) -> None:
        """The blog's own feed carries ``posts`` (oldest first)."""
        items = [(t, self.post(slug), day) for slug, t, day in reversed(posts)]
        self._xml("/index.xml", rss_document("Pottery", items))

    def _xml(self, path: str, body: str) -> None:
        """A feed with an ETag of its text, as static hosts send: asked again
        conditionally, it answers 304 until it changes."""
        etag = '"' + hashlib.sha1(body.encode()).hexdigest()[:16] + '"'
        self.server.route(path, body=body, content_type="application/rss+xml", etag=etag)

    def post(self, slug: str) -> str:
        return f"{self.base}/posts/{slug}/"

    def list_series(self, names: dict[str, str], dated: dict[str, str] | None = None) -> None:
        """/series/index.xml with one item per series (as Hugo writes a taxonomy), each
        dated by ``dated`` (slug -> its newest post's day, as Hugo dates a term)."""
        when = dated or {}
        items = [
            (name, f"{self.base}/series/{slug}/", when.get(slug, "2031-03-01"))
            for slug, name in names.items()
        ]
        self._xml("/series/index.xml", rss_document("Series", items))

    def series_feed(self, slug: str, posts: list[tuple[str, str, str]]) -> None:
        items = [(t, self.post(s), day) for s, t, day in reversed(posts)]
        self._xml(f"/series/{slug}/index.xml", rss_document(slug, items))


def plain_pages(site: PotterySite) -> None:
    """Every post's own page, declaring nothing (as most themes' pages do)."""
    for slug, title, _day in [*POSTS, OLDER]:
        html = f"<html><head><title>{title}</title></head><body><p>{title}.</p></body></html>"
        site.server.route(f"/posts/{slug}/", body=html, content_type="text/html")


def kiln_basics(site: PotterySite) -> None:
    """The site lists one series, Kiln Basics, whose feed holds all four of its posts."""
    site.list_series({"kiln-basics": "Kiln Basics"})
    site.series_feed("kiln-basics", kiln_posts())


def kiln_posts() -> list[tuple[str, str, str]]:
    by_slug = {slug: (slug, t, day) for slug, t, day in [*POSTS, OLDER]}
    return [by_slug[s] for s in KILN]


def subscribed(data_dir: Path, site: PotterySite) -> tuple[Library, int]:
    lib = Library.open(data_dir)
    feed = lib.subscribe(site.feed_url).feed
    return lib, feed.id


def grouping_of(lib: Library, feed_id: int) -> dict[str, tuple[str | None, int | None]]:
    articles = lib.list_articles(ArticleQuery(feed_id=feed_id))
    return {a.title: (a.series_name, a.part) for a in articles}


def read_in_full(lib: Library, *titles: str) -> None:
    """Fetch the full text of the articles with these titles, as "Fetch full text" does."""
    for article in lib.list_articles():
        if article.title in titles:
            lib.fetch_fulltext(article.id)


def status_messages(window: Any) -> list[str]:
    """Every status-bar message the window shows from now on, in order."""
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    return messages


def window_over_kiln_basics(
    site: PotterySite, data_dir: Path, open_window: Any
) -> tuple[Any, int, list[str]]:
    """The site lists Kiln Basics; the feed is subscribed (its site not read yet) and
    a window is open over the library: (window, feed id, status messages)."""
    kiln_basics(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.close()
    window = open_window()
    return window, feed_id, status_messages(window)
