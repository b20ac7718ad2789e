"""A series' feed read past its first page.

WordPress sends a feed's newest ten posts (its "Syndication feeds show the most recent"
setting), a series' feed included: a series of fourteen parts comes as parts 5–14, so
its first four never joined it and its places could not be trusted (a list of exactly
a usual cap's length may be a window), and "Find missing parts" never saw the older
parts it was looking for. WordPress serves the older posts of the same feed at
``?paged=2``, ``?paged=3``, … (the ``paged`` query every archive takes), so a feed of a
cap's length is asked for its next page until a page comes back short, empty or not
found: then the list is whole. A site that ignores the query (a static host) sends the
first page again, which adds nothing, and the list stays a window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sized
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from readinglist.model.urls import normalize_url
from readinglist.services.backfill.client import Answer

__all__ = ["MAX_FEED_PAGES", "USUAL_FEED_CAPS", "FeedPages", "may_be_cut", "paged_url"]

MAX_FEED_PAGES = 10
"""Pages asked of one feed, the first included: 100 posts at WordPress' ten a page,
half of what a series keeps (``declared.MAX_MEMBERS``)."""

USUAL_FEED_CAPS = frozenset({10, 12, 15, 20, 25, 30, 50, 100})
"""Feed lengths generators cut lists to (WordPress sends the newest 10): a series feed of
exactly that many posts may have lost its first parts, so its order numbers nothing."""

_NOT_FOUND = re.compile(r"\bHTTP (?:404|410)\b")

Entry = dict[str, Any]
"""One feed entry as the site client digests it (``link``, ``published``, ``title``, …)."""


def may_be_cut(listed: Sized) -> bool:
    """A list of exactly a usual cap's length: a window on a longer series."""
    return len(listed) in USUAL_FEED_CAPS


def paged_url(url: str, page: int) -> str:
    """``url`` asking for page ``page`` (``?paged=N``, any other query kept)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "paged"]
    query.append(("paged", str(page)))
    return urlunsplit(parts._replace(query=urlencode(query)))


class FeedPages:
    """The pages after a feed's first, each as the entries no page before it listed.

    ``fetch`` asks one address (through the site's polite client); ``belongs`` says
    whether an answer's final address is still the feed's (a page redirected to the
    whole site's feed lists every post, no series). A request the client refused (the
    budget, robots.txt) or a page that fails otherwise ends the reading with what was
    read. After iterating, ``whole`` says whether the last page said it was the last.
    Nothing is asked unless the first page is of a usual cap's length.
    """

    def __init__(
        self,
        fetch: Callable[[str], Answer],
        url: str,
        first: list[Entry],
        belongs: Callable[[str], bool],
    ) -> None:
        self.fetch = fetch
        self.url = url
        self.size = len(first)
        self.seen = {normalize_url(str(e["link"])) for e in first if e.get("link")}
        self.belongs = belongs
        self.whole = False

    def __iter__(self) -> Iterator[list[Entry]]:
        if self.size not in USUAL_FEED_CAPS:
            return
        for page in range(2, MAX_FEED_PAGES + 1):
            answer = self.fetch(paged_url(self.url, page))
            if not answer.ok:
                gone = answer.error is not None and _NOT_FOUND.search(answer.error) is not None
                self.whole = gone and not answer.refused
                return
            if not self.belongs(answer.final_url or answer.url):
                return
            listed = [e for e in answer.summary.get("entries", []) if e.get("link")]
            fresh = [e for e in listed if normalize_url(str(e["link"])) not in self.seen]
            if not listed:
                self.whole = True  # past the last page: an empty feed
                return
            if not fresh:
                return  # the first page again: this site does not page its feeds
            self.seen.update(normalize_url(str(e["link"])) for e in fresh)
            yield fresh
            if len(listed) < self.size:
                self.whole = True
                return
