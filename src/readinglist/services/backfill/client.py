"""Polite, cached, budgeted GETs for "find missing parts" (no Qt, no peewee).

Why a layer between the service and ``Fetcher``: a series' gaps are filled by asking
the site's pages, sitemaps and section feeds, and a reader may press "Find missing
parts" often. Every answer is digested (title, links, feed entries, sitemap URLs) and
remembered in the library, so a second run inside ``cache_days`` sends nothing and a
later one asks conditionally. Requests are counted against a per-run and a per-host
budget, spaced by ``min_interval`` per host, checked against robots.txt, and only ever
sent to the one host the series lives on. Failures come back as readable text; only
cancellation raises.

A page's digest carries what the page declares about its series (``"declared"``: a
``DeclaredSeries.to_json()`` object, or None when it declares nothing). A page digest
cached before declarations were read has no such key: it is read again (in full, not
conditionally, since a 304 would leave nothing to read the declaration from) instead of
being taken for a page that declares nothing.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from readinglist.feeds.discover import looks_like_feed
from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.parse import parse_feed
from readinglist.feeds.sanitize import html_to_text
from readinglist.feeds.site.declared import parse_declared_series
from readinglist.feeds.site.index_sections import parse_index_sections, parse_listed_posts
from readinglist.feeds.site.links import parse_page, site_of
from readinglist.feeds.site.series_index import parse_index_page
from readinglist.feeds.site.sitemap import RobotsRules, parse_robots, parse_sitemap
from readinglist.model.errors import (
    FetchCancelledError,
    FetchError,
    HTTPStatusError,
    ParseError,
    ReadingListError,
)
from readinglist.storage.backfill_store import CachedFetch
from readinglist.storage.store import Store

Site = tuple[str, int]
SUMMARY_HTML_CHARS = 20_000
_GONE = frozenset({404, 410})


@dataclass(frozen=True, slots=True)
class BackfillLimits:
    """How much one run may ask a site, and how long answers are trusted."""

    max_requests: int = 60  # per run, all series and hosts together
    max_requests_per_host: int = 30
    cache_days: float = 7.0  # a cached answer younger than this is used without asking
    error_cache_hours: float = 12.0  # failures other than 404/410 are retried sooner
    max_sitemap_urls: int = 5000  # per sitemap document; reading stops there
    max_sitemaps: int = 4  # sitemap documents read per host (index children included)
    max_feed_guesses: int = 3  # guessed section-feed URLs tried per series
    max_page_fetches: int = 20  # article pages fetched per series (titles, prev/next)
    min_interval: float = 0.2  # seconds between two requests to one host
    respect_robots: bool = True


@dataclass(slots=True)
class Tally:
    """What one series' search cost: requests sent, answers from the cache, errors."""

    requests: int = 0
    cached: int = 0
    errors: list[str] = field(default_factory=list)
    budget_spent: bool = False

    def error(self, text: str) -> None:
        if text not in self.errors:
            self.errors.append(text)


@dataclass(frozen=True, slots=True)
class Answer:
    """A digested response (or its failure) for one URL."""

    url: str
    summary: dict[str, Any]
    error: str | None = None
    final_url: str | None = None
    refused: bool = False  # not asked on purpose (robots.txt, budget): not a failure
    new: bool = False  # read from the site just now, and not as it was (no 304, no cache)

    @property
    def ok(self) -> bool:
        return self.error is None


class SiteClient:
    """Cached GETs for one run; one instance serves every series of the run."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        limits: BackfillLimits,
        cancel: threading.Event | None = None,
        *,
        revalidate: frozenset[str] = frozenset(),
    ) -> None:
        self.store = store
        # kinds whose cached answers are asked again, conditionally, however young: a
        # site's lists when a new post may have joined them (a 304 costs the site little)
        self.revalidate = revalidate
        self.fetcher = fetcher
        self.limits = limits
        self.cancel = cancel
        self.requests = 0
        self.host_requests: Counter[Site] = Counter()
        self._memo: dict[str, Answer] = {}
        self._last_at: dict[Site, float] = {}
        self._robots: dict[Site, RobotsRules] = {}

    # --- public ------------------------------------------------------------------

    def get(
        self, url: str, kind: str, site: Site, tally: Tally, *, revalidate: bool = True
    ) -> Answer:
        """The digest of ``url`` (kind: page, feed, sitemap, robots, index, term), cached when
        fresh; ``revalidate=False`` takes a fresh cached answer even of a kind the
        client asks again (a list the caller knows has not changed)."""
        if site_of(url) != site:
            return Answer(url, {}, f"{url}: not on the series' site; not requested")
        if url in self._memo:
            tally.cached += 1
            return self._memo[url]
        stored = self.store.get_cached_fetch(url)
        if (
            stored is not None
            and stored.kind == kind
            and self._fresh(stored)
            and _current(stored)
            and not (revalidate and kind in self.revalidate and stored.error is None)
        ):
            tally.cached += 1
            answer = Answer(url, stored.summary, stored.error, stored.final_url)
            self._memo[url] = answer
            return answer
        if kind != "robots" and not self._allowed(url, site, tally):
            answer = Answer(url, {}, f"{url}: robots.txt asks not to fetch it", refused=True)
            self._memo[url] = answer
            return answer
        if not self._spend(site, tally):
            return Answer(url, {}, "request limit reached", refused=True)
        answer = self._fetch(url, kind, site, stored)
        tally.requests += 1
        self._memo[url] = answer
        return answer

    def robots_sitemaps(self, site: Site, scheme: str, tally: Tally) -> tuple[str, ...]:
        return self._rules(site, scheme, tally).sitemaps

    # --- budget, politeness, robots ----------------------------------------------

    def _spend(self, site: Site, tally: Tally) -> bool:
        lim = self.limits
        if self.requests >= lim.max_requests or self.host_requests[site] >= (
            lim.max_requests_per_host
        ):
            if not tally.budget_spent:
                tally.budget_spent = True
                tally.error(
                    f"stopped at the request limit ({lim.max_requests} per run, "
                    f"{lim.max_requests_per_host} per site)"
                )
            return False
        self.requests += 1
        self.host_requests[site] += 1
        last = self._last_at.get(site)
        if last is not None and lim.min_interval > 0:
            wait = last + lim.min_interval - time.monotonic()
            if wait > 0 and self.cancel is not None and self.cancel.wait(wait):
                raise FetchCancelledError("cancelled")
            if wait > 0 and self.cancel is None:
                time.sleep(wait)
        self._last_at[site] = time.monotonic()
        return True

    def _rules(self, site: Site, scheme: str, tally: Tally) -> RobotsRules:
        if site not in self._robots:
            host, port = site
            default = 443 if scheme == "https" else 80
            netloc = host if port == default else f"{host}:{port}"
            answer = self.get(f"{scheme}://{netloc}/robots.txt", "robots", site, tally)
            text = str(answer.summary.get("text", "")) if answer.ok else ""
            maps = tuple(str(u) for u in answer.summary.get("sitemaps", ()) if answer.ok)
            self._robots[site] = RobotsRules(text, maps)
        return self._robots[site]

    def _allowed(self, url: str, site: Site, tally: Tally) -> bool:
        if not self.limits.respect_robots:
            return True
        rules = self._rules(site, url.split(":", 1)[0].lower(), tally)
        return not rules.text or rules.allows(url, self.fetcher.user_agent)

    def _fresh(self, stored: CachedFetch) -> bool:
        if stored.error is None or stored.status in _GONE:
            ttl = timedelta(days=self.limits.cache_days)
        else:
            ttl = timedelta(hours=self.limits.error_cache_hours)
        return datetime.now(UTC) - stored.fetched_at < ttl

    # --- the request -------------------------------------------------------------

    def _fetch(self, url: str, kind: str, site: Site, stored: CachedFetch | None) -> Answer:
        conditional = (
            stored is not None and stored.error is None and stored.kind == kind and _current(stored)
        )
        etag = stored.etag if conditional and stored else None
        modified = stored.last_modified if conditional and stored else None
        now = datetime.now(UTC)
        try:
            result = self.fetcher.fetch(
                url, etag=etag, last_modified=modified, cancel=self.cancel, same_host=True
            )
        except FetchCancelledError:
            raise
        except FetchError as exc:
            status = exc.status if isinstance(exc, HTTPStatusError) else 0
            if kind == "robots" and status in _GONE:
                return self._remember(url, kind, 200, None, None, None, now, None, {"text": ""})
            return self._remember(url, kind, status, None, None, None, now, f"{url}: {exc}", {})
        final = result.final_url
        if site_of(final) != site:
            error = f"{url}: redirected to another site ({final}); ignored"
            return self._remember(url, kind, 0, final, None, None, now, error, {})
        if result.not_modified and stored is not None:
            summary = stored.summary
        else:
            try:
                summary = _digest(
                    kind,
                    result.content or b"",
                    final,
                    result.content_type,
                    self.limits.max_sitemap_urls,
                )
            except ReadingListError as exc:
                return self._remember(
                    url, kind, result.status, final, None, None, now, f"{url}: {exc}", {}
                )
        answer = self._remember(
            url, kind, 200, final, result.etag, result.last_modified, now, None, summary
        )
        return replace(answer, new=not (result.not_modified and stored is not None))

    def _remember(
        self,
        url: str,
        kind: str,
        status: int,
        final: str | None,
        etag: str | None,
        modified: str | None,
        now: datetime,
        error: str | None,
        summary: dict[str, Any],
    ) -> Answer:
        self.store.put_cached_fetch(
            CachedFetch(url, kind, status, final, etag, modified, now, error, summary)
        )
        return Answer(url, summary, error, final)


def _current(stored: CachedFetch) -> bool:
    """Whether a cached answer has every field this version's digest has (a page digest
    from before declarations were read does not)."""
    return stored.kind != "page" or stored.error is not None or "declared" in stored.summary


def _digest(
    kind: str, content: bytes, url: str, content_type: str | None, max_urls: int
) -> dict[str, Any]:
    """The small JSON digest kept for one response (raises ReadingListError when unusable)."""
    if kind == "robots":
        rules = parse_robots(content, url=url)
        return {"text": rules.text, "sitemaps": list(rules.sitemaps)}
    if kind == "sitemap":
        doc = parse_sitemap(content, url=url, max_urls=max_urls)
        return {
            "urls": list(doc.urls),
            "lastmods": list(doc.lastmods),
            "sitemaps": list(doc.sitemaps),
            "truncated": doc.truncated,
        }
    if kind == "feed":
        if not looks_like_feed(content, content_type):
            raise ParseError("not a feed")
        parsed = parse_feed(content, url=url, content_type=content_type)
        return {
            "entries": [
                {
                    "guid": e.guid,
                    "title": e.title,
                    "link": e.link,
                    "author": e.author,
                    "summary_html": (e.summary_html or e.content_html)[:SUMMARY_HTML_CHARS],
                    "published": e.published.isoformat() if e.published else None,
                    "categories": list(e.categories),
                    "word_count": e.word_count,
                }
                for e in parsed.entries
            ]
        }
    if kind == "term":  # a series' own page: the feed it names, else the posts it lists
        return {
            "feeds": list(parse_page(content, url).feeds),
            "listed": parse_listed_posts(content, url),
        }
    if kind == "index":  # a site's list of its series (``feeds.site.series_index``)
        return {
            "terms": [[t.name, t.url] for t in parse_index_page(content, url)],
            # one page listing each series' posts under its heading (Jekyll's kind)
            "sections": [
                [s.name, s.url, list(s.members)] for s in parse_index_sections(content, url)
            ],
        }
    info = parse_page(content, url)
    declared = parse_declared_series(content, url)
    return {
        "title": info.title,
        "canonical": info.canonical,
        "prev": list(info.prev),
        "next": list(info.next),
        "part_links": [list(p) for p in info.part_links],
        "feeds": list(info.feeds),
        "description": html_to_text(info.description)[:2000],
        "published": info.published,
        "word_count": info.word_count,
        "declared": declared.to_json() if declared is not None else None,
    }
