"""``Feed``, on its own module: import it from ``readinglist.model.records`` like the others.

Why apart: the window paints its feed rows before the rest of the library code loads
(``storage/feed_list.peek_feeds``), and building a frozen dataclass compiles its methods
at import (about a millisecond each); the first paint needs this one only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The offline sample library's feeds live under this scheme: never fetched, never
# searched online, never asked for a page.
LOCAL_SCHEME = "sample:"


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str
    site_url: str | None
    folder: str | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    last_checked: datetime | None
    last_success: datetime | None
    last_error: str | None
    retry_after: datetime | None
    article_count: int = 0
    unread_count: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.url

    @property
    def offline(self) -> bool:
        """One of the sample library's feeds (shipped with the app, not on the web)."""
        return self.url.startswith(LOCAL_SCHEME)
