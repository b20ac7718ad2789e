"""A series' feed read past its first page.

WordPress sends a feed's newest ten posts (its "Syndication feeds show the most recent"
setting), a series' feed included: a series of fourteen parts comes as parts 5–14, so
its first four never joined it and its places could not be trusted (a list of exactly
a usual cap's length may be a window). WordPress serves the older posts of the same
feed at ``?paged=2``, ``?paged=3``, … (the ``paged`` query every archive takes), so a
feed of a cap's length is asked for its next page until a page comes back short, empty
or not found: then the list is whole. A site that ignores the query (a static host)
sends the first page again, which adds nothing, and the list stays a window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from readinglist.model.urls import normalize_url
from readinglist.services.backfill.client import Answer

__all__ = ["MAX_FEED_PAGES", "Paged", "paged_url", "read_later_pages"]

MAX_FEED_PAGES = 10
"""Pages asked of one series' feed, the first included: 100 posts at WordPress' ten a
page, half of what a series keeps (``declared.MAX_MEMBERS``)."""

_NOT_FOUND = re.compile(r"\bHTTP (?:404|410)\b")

Listed = list[tuple[str, str | None]]
"""(post link, its date as the feed gives it), newest first as feeds list them."""


@dataclass(frozen=True, slots=True)
class Paged:
    """A series' posts from every page read, and whether the last page said it was the
    last (then the list is the whole series, not a window on its newest posts)."""

    posts: Listed
    whole: bool


def paged_url(url: str, page: int) -> str:
    """``url`` asking for page ``page`` (``?paged=N``, any other query kept)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "paged"]
    query.append(("paged", str(page)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def read_later_pages(
    fetch: Callable[[str], Answer], url: str, first: Listed, belongs: Callable[[str], bool]
) -> Paged:
    """The posts of ``first`` (a feed's first page) and of the pages after it.

    ``fetch`` asks one address (through the site's polite client); ``belongs`` says
    whether an answer's final address is still the series' (a page redirected to the
    whole site's feed lists every post, no series). A request the client refused (the
    budget, robots.txt) or a page that fails otherwise ends the reading with what was
    read, not whole.
    """
    posts = list(first)
    seen = {normalize_url(link) for link, _when in posts}
    size = len(first)
    for page in range(2, MAX_FEED_PAGES + 1):
        answer = fetch(paged_url(url, page))
        if not answer.ok:
            gone = answer.error is not None and _NOT_FOUND.search(answer.error) is not None
            return Paged(posts, whole=gone and not answer.refused)
        if not belongs(answer.final_url or answer.url):
            return Paged(posts, whole=False)
        entries = answer.summary.get("entries", [])
        listed = [(str(e["link"]), e.get("published")) for e in entries if e.get("link")]
        fresh = [(link, when) for link, when in listed if normalize_url(link) not in seen]
        if not listed:
            return Paged(posts, whole=True)  # past the last page: an empty feed
        if not fresh:
            return Paged(posts, whole=False)  # the first page again: no paging here
        posts += fresh
        seen.update(normalize_url(link) for link, _when in fresh)
        if len(listed) < size:
            return Paged(posts, whole=True)
    return Paged(posts, whole=False)
