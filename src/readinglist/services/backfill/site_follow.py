"""A feed that follows its site's series: each sync's new posts are filed as the site says.

"Read series from the site" files the posts a feed holds when the reader asks. A post
published after that would be grouped by its title alone, and on a blog whose titles
say nothing of their series it would sit outside the series every earlier part was
filed in, until the reader thought to ask again. The reader already said they trust
the site's word for this feed, so the feed *follows* its site's series (a user-owned
flag the first reading sets and the reader can clear): a sync that brings it new posts
asks the site again, for those posts only.

What that costs the site, per feed and per sync that brought something (a sync that
brought nothing asks nothing):

* a site with a list of series: the list, asked *conditionally* (``If-None-Match``/
  ``If-Modified-Since``: an unchanged list is a 304 with no body), and each series'
  feed the same way, but for the series the list dates before the new posts (Hugo dates
  each series by its newest post), which they cannot have joined: their cached answers
  stand. Those dates count only when the list changed with the new posts: a list that
  answers 304 may not date its series by their posts at all, so then every series'
  feed is asked. Addresses that had no list are not asked again before their cache
  expires;
* a site with no list: only the new posts' pages, for their series boxes.

It goes through the same ``SiteClient`` as "Find missing parts" (robots.txt, requests
spaced, at most ``FOLLOW_LIMITS`` per feed). Problems are reported per feed and never
fail the sync: the feed's articles were stored either way.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.series.post import day_number
from readinglist.model.changes import NO_CHANGES, Changes
from readinglist.services.backfill.client import BackfillLimits
from readinglist.services.backfill.series_index import SeriesIndexReport, read_series_index
from readinglist.storage.store import Store

__all__ = ["FOLLOW_LIMITS", "FollowReport", "follow_site_series"]

FOLLOW_LIMITS = BackfillLimits(max_requests=40, max_requests_per_host=40)
"""A list of 39 series is asked again in full; a longer one reads on from the cache at
the next sync that brings something, as a reader's second "Read series" would."""

_LISTS = frozenset({"feed", "index"})
"""The kinds of cached answer a new post may have made stale: the list and the series'
feeds. Post pages are not among them: an old post's page does not change its series."""


@dataclass(frozen=True, slots=True)
class FollowReport:
    """What following the site's series did after one sync."""

    reports: tuple[SeriesIndexReport, ...] = ()

    @property
    def changes(self) -> Changes:
        out = NO_CHANGES
        for report in self.reports:
            out = out | report.changes
        return out

    @property
    def problems(self) -> tuple[tuple[int, str], ...]:
        """(feed id, problem) for each problem a reading met."""
        return tuple((r.feed_id, error) for r in self.reports for error in r.errors)


def follow_site_series(
    store: Store,
    new_articles: Mapping[int, Sequence[int]],
    *,
    fetcher: Fetcher,
    cancel: threading.Event | None = None,
    limits: BackfillLimits | None = None,
) -> FollowReport:
    """For each feed's new articles (feed id -> their ids), read the site again for
    them; the caller passes the feeds that follow their site's series
    (``Store.feeds_following_site_series``). Stops between feeds when cancelled."""
    reports: list[SeriesIndexReport] = []
    for feed_id, article_ids in new_articles.items():
        if not article_ids:
            continue
        if cancel is not None and cancel.is_set():
            break
        articles = [store.get_article(article_id) for article_id in article_ids]
        links = [a.link for a in articles if a.link]
        if not links:
            continue
        dates = [day_number(a.published) for a in articles]
        known = [d for d in dates if d is not None]
        since = min(known) if known and len(known) == len(dates) else None
        try:
            report = read_series_index(
                store,
                feed_id,
                fetcher=fetcher,
                cancel=cancel,
                limits=limits or FOLLOW_LIMITS,
                pages=links,
                revalidate=_LISTS,
                since=since,
            )
        except Exception as exc:  # one feed's reading must not lose the sync's outcome
            report = SeriesIndexReport(feed_id, None, (), (), 0, 0, (f"internal error: {exc!r}",))
        reports.append(report)
    return FollowReport(tuple(reports))
