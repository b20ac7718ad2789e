"""Library operations: the one door both faces (CLI and GUI) go through.

Anything the window can do to the library, a script can do through ``Library`` too,
and neither face touches ``storage/``. ``Library`` owns a ``Store`` and is composed of:

* ``services.reads.LibraryReads``: the plain reads, delegated to the store;
* ``services.reading.ReadingVerbs``: read/unread, stars, notes, page word counts;
* ``services.series_edits.SeriesEdits``: the user's series corrections;
* ``services.highlights.HighlightVerbs``: highlights, anchored in the article's text;
* ``services.fulltext.FullTextVerbs``: the full text from the article's own page;
* this module: subscribing (with feed discovery), sync, import/export, page fetches,
  backfill, the sample library.

Every write verb returns what it changed (``model.changes.Changes``, or a small result
from ``services.results`` carrying it), so the window can broadcast one change signal.
``library.store`` is there for tests and benchmarks that build or inspect a library
directly; the faces never use it (``tests/test_layers.py`` checks that).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from readinglist.model.changes import Changes
from readinglist.model.errors import (
    DiscoveryError,
    FeedExistsError,
    UnsupportedURLError,
)
from readinglist.model.records import Feed, FetchResult, SyncSummary
from readinglist.services import paths
from readinglist.services.account.verbs import AccountVerbs
from readinglist.services.fulltext import FullTextVerbs
from readinglist.services.highlights import HighlightVerbs
from readinglist.services.image_cache import ImageCache
from readinglist.services.reading import ReadingVerbs
from readinglist.services.results import FeedRemoved, Subscription
from readinglist.services.series_edits import SeriesEdits
from readinglist.storage.heap import bound_malloc
from readinglist.storage.store import Store

if TYPE_CHECKING:
    # Fetching, parsing and discovery (httpx, feedparser, ...) are imported by the verbs
    # that use them: the window opens a Library long before it syncs anything.
    from readinglist.feeds.fetch import Fetcher
    from readinglist.services.account.client import GReaderClient
    from readinglist.services.backfill.run import BackfillLimits, BackfillReport
    from readinglist.services.backfill.series_index import SeriesIndexReport
    from readinglist.services.sync import ProgressCallback, ResultCallback


#: The range ``set_download_timeout`` accepts, in seconds: below 5 s a slow but healthy
#: server fails; above 10 minutes one stuck feed would hold a sync for too long.
MIN_DOWNLOAD_TIMEOUT = 5.0
MAX_DOWNLOAD_TIMEOUT = 600.0


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[Feed, ...]
    already_subscribed: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def changes(self) -> Changes:
        """The feeds it added (the feed list changed when there are any)."""
        return Changes.of(feeds=(f.id for f in self.added), feed_list=bool(self.added))


def check_feed_url(url: str) -> str:
    """Accept only absolute http(s) URLs; everything else is refused before any I/O."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UnsupportedURLError(f"not an http or https address: {url!r}")
    return url


class Library(ReadingVerbs, SeriesEdits, HighlightVerbs, FullTextVerbs, AccountVerbs):
    """The library: reads, user verbs (from the mixins) and the verbs that fetch."""

    def __init__(self, store: Store, *, fetcher: Fetcher | None = None) -> None:
        self.store = store
        self._fetcher = fetcher
        self._fetcher_lock = threading.Lock()
        self._download_timeout: float | None = None  # None: FetchLimits' default
        self._image_cache: ImageCache | None = None
        self._account_lock = threading.Lock()
        self._greader: GReaderClient | None = None

    @classmethod
    def open(cls, data_dir: str | Path | None = None, **kwargs: object) -> Library:
        directory = paths.data_dir(data_dir)
        directory.mkdir(parents=True, exist_ok=True)
        bound_malloc()  # before the lanes and fetch threads allocate (see there)
        return cls(Store(paths.database_path(directory)), **kwargs)  # type: ignore[arg-type]

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    def close(self) -> None:
        with self._account_lock:
            self._drop_client()
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def image_cache(self) -> ImageCache:
        """Remote images the reader loaded, kept on disk for offline reading."""
        with self._fetcher_lock:
            if self._image_cache is None:
                self._image_cache = ImageCache(self.data_dir / "images")
            return self._image_cache

    def set_image_cache_budget(self, megabytes: int) -> None:
        """How much disk the kept images may take (0: keep none); shrinks at once."""
        if isinstance(megabytes, bool) or not isinstance(megabytes, int) or megabytes < 0:
            raise ValueError(f"the image cache size is a whole number of MB, not {megabytes!r}")
        self.image_cache.set_budget(megabytes * 1024 * 1024)

    def page_fetcher(self) -> Fetcher:
        return self.fetcher

    @property
    def fetcher(self) -> Fetcher:
        with self._fetcher_lock:  # the sync thread and the GUI may ask at the same moment
            if self._fetcher is None:
                from readinglist.feeds.fetch import Fetcher, FetchLimits

                limits = FetchLimits()
                if self._download_timeout is not None:
                    limits = FetchLimits(deadline=self._download_timeout)
                self._fetcher = Fetcher(limits)
            return self._fetcher

    @property
    def download_timeout(self) -> float:
        """Seconds one download (a feed, a page, a discovery probe) may take in all."""
        with self._fetcher_lock:
            if self._fetcher is not None:
                return self._fetcher.limits.deadline
            if self._download_timeout is not None:
                return self._download_timeout
        from readinglist.feeds.fetch import FetchLimits

        return FetchLimits().deadline

    def set_download_timeout(self, seconds: float) -> None:
        """Let every download that starts from now take at most ``seconds`` in all.

        Applies to sync, discovery, backfill and page fetches alike (they share the
        library's fetcher); downloads already under way keep their deadline. Raises
        ``ValueError`` with a readable sentence outside 5–600 s. Safe to call from any
        thread, before or after the fetcher is first made.
        """
        not_a_number = ValueError(
            f"the download timeout must be a number of seconds, not {seconds!r}"
        )
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise not_a_number
        value = float(seconds)
        if not math.isfinite(value):
            raise not_a_number
        if not MIN_DOWNLOAD_TIMEOUT <= value <= MAX_DOWNLOAD_TIMEOUT:
            raise ValueError(
                f"the download timeout must be between {MIN_DOWNLOAD_TIMEOUT:g} and "
                f"{MAX_DOWNLOAD_TIMEOUT:g} seconds, not {value:g}"
            )
        with self._fetcher_lock:
            self._download_timeout = value
            if self._fetcher is not None:
                self._fetcher.set_deadline(value)

    # --- subscribing ---------------------------------------------------------------

    def _probe(self, url: str) -> tuple[str, FetchResult]:
        """Fetch ``url``; when it is a web page, follow its ``<link rel="alternate">``."""
        from readinglist.feeds.discover import discover_feeds, looks_like_feed

        url = check_feed_url(url)
        result = self.fetcher.fetch(url)
        if looks_like_feed(result.content or b"", result.content_type):
            return result.permanent_url or url, result
        found = discover_feeds(result.content or b"", result.final_url)
        if not found:
            raise DiscoveryError(f"{url} is neither a feed nor a page that names one")
        feed_url = found[0].url
        feed_result = self.fetcher.fetch(feed_url)
        if not looks_like_feed(feed_result.content or b"", feed_result.content_type):
            raise DiscoveryError(f"{url} names {feed_url} as its feed, but that is not a feed")
        return feed_result.permanent_url or feed_url, feed_result

    def subscribe(self, url: str, *, folder: str | None = None, sync: bool = True) -> Subscription:
        """Add a feed (a feed URL, or a web page that links to its feed).

        With ``sync`` the address is fetched first (with discovery) and the document that
        came back is stored at once — no second download. Without it the URL is stored
        as given and fetched on the next sync. Returns ``Subscription`` (unpacks as
        ``feed, summary``; ``.changes`` names the new feed and what its sync stored).
        """
        url = check_feed_url(url)
        probe: FetchResult | None = None
        if sync:
            url, probe = self._probe(url)
        if any(f.url == url for f in self.store.list_feeds()):
            existing = self.store.find_feed(url)
            raise FeedExistsError(
                f"already subscribed to {url} (feed {existing.id if existing else '?'})"
            )
        feed = self.store.add_feed(url, folder=folder)
        summary = None
        if probe is not None:
            from readinglist.services.sync import ingest_document

            result = ingest_document(
                self.store,
                feed.id,
                probe.content or b"",
                url=probe.final_url,
                content_type=probe.content_type,
                fetched=probe,
            )
            summary = SyncSummary((result,))
        return Subscription(self.store.get_feed(feed.id), summary)

    def remove_feed(self, feed_id: int, *, keep_annotated: bool = True) -> FeedRemoved:
        """Unsubscribe. Articles with notes or stars stay unless ``keep_annotated`` is
        False; ``kept`` says how many. ``changes``: the feed, and the feed list."""
        kept = self.store.remove_feed(feed_id, keep_annotated=keep_annotated)
        return FeedRemoved(kept, Changes.of(feeds=(feed_id,), feed_list=True))

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
        """Fetch and store new articles of ``feed_ids`` (all feeds when None).

        ``SyncSummary.changes`` (and each ``FeedSyncResult.changes`` passed to
        ``on_result``) names the feeds whose articles came or changed, their series and
        the new articles.

        With a sync account the server is synced instead (it fetches the feeds), whatever
        ``feed_ids`` says; ``SyncSummary.account_error`` says why it could not be."""
        from readinglist.services.regroup import regroup_stale

        if self.store.get_account() is not None:
            summary = self.sync_account(
                cancel=cancel,
                on_result=on_result,
                on_progress=on_progress,
                respect_retry_after=respect_retry_after,
            )
        else:
            from readinglist.services.sync import sync_feeds

            summary = sync_feeds(
                self.store,
                feed_ids,
                fetcher=self.fetcher,
                cancel=cancel,
                on_result=on_result,
                on_progress=on_progress,
                respect_retry_after=respect_retry_after,
            )
        # then the feeds still grouped by older rules: the quiet ones (a feed that sent
        # something was grouped by these rules as it was stored, and is not done twice)
        summary = replace(summary, regrouped=regroup_stale(self.store, cancel))
        return self._follow_site_series(summary, cancel)

    def _follow_site_series(
        self, summary: SyncSummary, cancel: threading.Event | None
    ) -> SyncSummary:
        """New posts of feeds that follow their site's series, filed as the site says
        (``services.backfill.site_follow``); nothing is asked for a feed that got none."""
        if summary.cancelled or not summary.new_count:
            return summary
        following = self.store.feeds_following_site_series()
        new = {
            r.feed_id: r.new_article_ids
            for r in summary.results
            if r.new_article_ids and r.feed_id in following
        }
        if not new:
            return summary
        from readinglist.services.backfill.site_follow import follow_site_series

        followed = follow_site_series(self.store, new, fetcher=self.fetcher, cancel=cancel)
        return replace(
            summary, site_series=followed.changes, site_series_problems=followed.problems
        )

    # --- reading time from the page ("Fetch full length") ----------------------------------

    # --- the offline sample library ----------------------------------------------------

    def load_sample_library(self) -> list[Feed]:
        """Subscribe to the sample feeds shipped in ``resources/sample`` (no network).

        They are stored under ``sample:`` URLs, which sync never fetches, so a first-time
        user can explore series, gaps and notes offline.
        """
        from importlib import resources

        from readinglist.model.feed_row import LOCAL_SCHEME
        from readinglist.services.sync import ingest_document

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

    # --- JSON backup -----------------------------------------------------------------

    def restore_backup(self, data: dict[str, object]) -> dict[str, int]:
        """Restore a JSON backup (``export json``) into this empty library."""
        from readinglist.feeds.sanitize import html_to_text

        counts = self.store.restore(data)
        texts = self.store.article_texts([a.id for a in self.store.list_articles()])
        titles = {a.id: a.title for a in self.store.list_articles()}
        self.store.index_search_text(
            [(aid, titles.get(aid, ""), html_to_text(html)) for aid, html in texts.items()]
        )
        return counts

    # --- export ---------------------------------------------------------------------

    def export_opml(self) -> bytes:
        """The subscriptions as OPML."""
        from readinglist.services.export import export_opml

        return export_opml(self.store)

    def export_markdown(self, *, series_id: int | None = None) -> str:
        """Every note and highlight, grouped by feed and series, as Markdown (one
        series' only, in part order, with ``series_id``)."""
        from readinglist.services.export import export_markdown

        if series_id is not None:
            self.store.get_series(series_id)  # an unknown id is an error, not "nothing"
        return export_markdown(self.store, series_id=series_id)

    def export_readwise(self, *, series_id: int | None = None) -> str:
        """Every highlight (of one series, with ``series_id``) as Readwise's CSV."""
        from readinglist.services.export import export_readwise

        if series_id is not None:
            self.store.get_series(series_id)
        return export_readwise(self.store, series_id=series_id)

    def export_epub(self, series_id: int) -> bytes:
        """One series, in part order, with its texts, notes and highlights, as an EPUB 3
        e-book (pictures the image cache holds go in; the rest become their alt text)."""
        from readinglist.services.epub import export_epub

        return export_epub(self.store, series_id, images=self.image_cache.get)

    def export_json(self) -> str:
        """The whole library as a JSON backup (``import`` restores it)."""
        from readinglist.services.export import export_json

        return export_json(self.store)

    # --- OPML import ------------------------------------------------------------------

    def import_opml(self, content: bytes) -> ImportReport:
        """Subscribe to every feed of an OPML file (no fetching: the next sync does that)."""
        from readinglist.feeds.opml import parse_opml

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

    # --- finding missing parts on the site (appended for "Find missing parts") ------

    def backfill(
        self,
        series_ids: Sequence[int] | None = None,
        *,
        feed_id: int | None = None,
        cancel: threading.Event | None = None,
        on_progress: ProgressCallback | None = None,
        limits: BackfillLimits | None = None,
    ) -> list[BackfillReport]:
        """Find series' missing parts on their site (see ``readinglist.services.backfill.run``).

        ``series_ids`` None with ``feed_id``: every series of that feed; both None:
        every series with a gap. Unknown ids raise ``NotFoundError`` before any request.
        Series of the offline sample library are never searched online. Each report's
        ``changes`` names the articles it added with their series and feed.
        """
        # the fetch/parse stack loads on the first backfill, not with the window
        from readinglist.services.backfill.run import BackfillLimits, backfill_series

        if series_ids is None:
            if feed_id is not None:
                self.store.get_feed(feed_id)
            found = self.store.list_series(feed_id=feed_id)
            series_ids = [s.id for s in found if feed_id is not None or s.missing]
        offline = {f.id for f in self.store.list_feeds() if f.offline}
        if offline:
            series_ids = [
                sid for sid in series_ids if self.store.get_series(sid).feed_id not in offline
            ]
        return backfill_series(
            self.store,
            series_ids,
            fetcher=self.fetcher,
            cancel=cancel,
            on_progress=on_progress,
            limits=limits or BackfillLimits(),
        )

    def read_series_index(
        self,
        feed_id: int,
        *,
        cancel: threading.Event | None = None,
        limits: BackfillLimits | None = None,
        list_only: bool = False,
    ) -> SeriesIndexReport:
        """File a feed's posts in the series its site lists (``/series/``: see
        ``readinglist.services.backfill.series_index``); the feed regroups at once.

        ``list_only``: where the site has no list, read no post pages either (a few
        requests, as when a feed was just added; the pages are read when asked).

        An unknown id raises ``NotFoundError`` before any request. The offline sample
        library's feeds are never asked online: their report says so.
        """
        from readinglist.services.backfill.series_index import (
            INDEX_LIMITS,
            SeriesIndexReport,
            read_series_index,
        )

        feed = self.store.get_feed(feed_id)
        if feed.offline:
            return SeriesIndexReport(feed_id, None, (), (), 0, 0, ("an offline sample feed",))
        report = read_series_index(
            self.store,
            feed_id,
            fetcher=self.fetcher,
            cancel=cancel,
            limits=limits or INDEX_LIMITS,
            pages=() if list_only else None,
        )
        if report.found_series:
            # the site declares its series, and the reader asked for them: later posts
            # are filed the same way, at the sync that brings them (until told to stop)
            self.store.set_follow_site_series(feed_id, True)
        return report

    def follows_site_series(self, feed_id: int) -> bool:
        """Whether each sync that brings ``feed_id`` new posts reads their series from its
        site again (set by a "Read series from the site" that found some)."""
        return self.store.follows_site_series(feed_id)

    def set_follow_site_series(self, feed_id: int, follow: bool) -> Changes:
        """Start or stop reading new posts' series from the feed's site at each sync.
        What was read before stays: stopping only stops asking."""
        self.store.set_follow_site_series(feed_id, follow)
        return Changes.of(feeds=(feed_id,))
