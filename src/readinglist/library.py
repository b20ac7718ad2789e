"""Library operations: the one set of verbs behind both faces (CLI and GUI).

Anything the window can do to the library, a script can do through ``Library`` too.
It owns a ``Store`` and knows how to subscribe (with feed discovery), sync, import and
export; the plain reads and user-state verbs are the store's own, reached as
``library.store``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from readinglist import paths
from readinglist.errors import DiscoveryError, FeedExistsError, UnsupportedURLError
from readinglist.feeds.discover import discover_feeds, looks_like_feed
from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.opml import parse_opml
from readinglist.models import Feed, SyncSummary
from readinglist.storage import Store
from readinglist.sync import (
    LOCAL_SCHEME,
    ProgressCallback,
    ResultCallback,
    ingest_document,
    sync_feeds,
)


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[Feed, ...]
    already_subscribed: tuple[str, ...]
    problems: tuple[str, ...]


def check_feed_url(url: str) -> str:
    """Accept only absolute http(s) URLs; everything else is refused before any I/O."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UnsupportedURLError(f"not an http or https address: {url!r}")
    return url


class Library:
    def __init__(self, store: Store, *, fetcher: Fetcher | None = None) -> None:
        self.store = store
        self._fetcher = fetcher

    @classmethod
    def open(cls, data_dir: str | Path | None = None, **kwargs: object) -> Library:
        directory = paths.data_dir(data_dir)
        directory.mkdir(parents=True, exist_ok=True)
        return cls(Store(paths.database_path(directory)), **kwargs)  # type: ignore[arg-type]

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    # --- subscribing ---------------------------------------------------------------

    def resolve_feed_url(self, url: str) -> str:
        """The feed behind ``url``: itself when it is a feed, else the page's advertised feed."""
        url = check_feed_url(url)
        result = self.fetcher.fetch(url)
        content = result.content or b""
        if looks_like_feed(content, result.content_type):
            return result.permanent_url or url
        found = discover_feeds(content, result.final_url)
        if not found:
            raise DiscoveryError(f"{url} is neither a feed nor a page that names one")
        return found[0].url

    def subscribe(
        self, url: str, *, folder: str | None = None, sync: bool = True
    ) -> tuple[Feed, SyncSummary | None]:
        """Add a feed (a feed URL, or a web page that links to its feed).

        With ``sync`` the address is checked first (discovery) and the feed is synced at
        once; without it the URL is stored as given and fetched on the next sync.
        """
        url = check_feed_url(url)
        if sync:
            url = self.resolve_feed_url(url)
        existing = self.store.find_feed(url)
        if existing is not None and existing.id in {f.id for f in self.store.list_feeds()}:
            raise FeedExistsError(f"already subscribed to {url} (feed {existing.id})")
        feed = self.store.add_feed(url, folder=folder)
        summary = self.sync([feed.id]) if sync else None
        return self.store.get_feed(feed.id), summary

    def unsubscribe(self, feed_id: int, *, keep_annotated: bool = True) -> int:
        """Remove a feed; articles with notes or stars stay unless told otherwise."""
        return self.store.remove_feed(feed_id, keep_annotated=keep_annotated)

    # --- syncing ----------------------------------------------------------------------

    def sync(
        self,
        feed_ids: Sequence[int] | None = None,
        *,
        cancel: threading.Event | None = None,
        on_result: ResultCallback | None = None,
        on_progress: ProgressCallback | None = None,
        respect_retry_after: bool = True,
    ) -> SyncSummary:
        return sync_feeds(
            self.store,
            feed_ids,
            fetcher=self.fetcher,
            cancel=cancel,
            on_result=on_result,
            on_progress=on_progress,
            respect_retry_after=respect_retry_after,
        )

    # --- the offline sample library ----------------------------------------------------

    def load_sample_library(self) -> list[Feed]:
        """Subscribe to the sample feeds shipped in ``resources/sample`` (no network).

        They are stored under ``sample:`` URLs, which sync never fetches, so a first-time
        user can explore series, gaps and notes offline.
        """
        folder = resources.files("readinglist.resources") / "sample"
        added = []
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if not item.name.endswith(".xml"):
                continue
            url = f"{LOCAL_SCHEME}{item.name.removesuffix('.xml')}"
            feed = self.store.find_feed(url)
            if feed is None:
                feed = self.store.add_feed(url, folder="Samples")
            ingest_document(self.store, feed.id, item.read_bytes(), url=url)
            added.append(self.store.get_feed(feed.id))
        return added

    # --- OPML import ------------------------------------------------------------------

    def import_opml(self, content: bytes) -> ImportReport:
        """Subscribe to every feed of an OPML file (no fetching: the next sync does that)."""
        parsed = parse_opml(content)
        added: list[Feed] = []
        already: list[str] = []
        problems = list(parsed.problems)
        active = {f.url for f in self.store.list_feeds()}
        for outline in parsed.feeds:
            if outline.url in active:
                already.append(outline.url)
                continue
            try:
                feed = self.store.add_feed(
                    outline.url,
                    title=outline.title or "",
                    site_url=outline.site_url,
                    folder=outline.folder,
                )
            except FeedExistsError:
                already.append(outline.url)
                continue
            added.append(feed)
            active.add(outline.url)
        return ImportReport(tuple(added), tuple(already), tuple(problems))
