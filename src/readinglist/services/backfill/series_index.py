"""Read the series a feed's site lists, and file the feed's posts as the site does.

Detection guesses series from titles; on a blog it has never seen, the guess misses the
series an author names only in front matter. Many sites publish that front matter as a
list (``feeds.site.series_index``): this service asks for it, politely, through the same
``SiteClient`` as "Find missing parts" (robots.txt, a request budget, answers cached
for days), then records, for each of the feed's posts the list names, that the site
declares it part of that series (``set_declared_series``, source ``"series index"``),
and groups the feed again. Declared outranks guessed, so the next sync keeps it.

What a post's own page declared (a series box, schema.org) is never overwritten: the
page speaks of itself, with a position. A post the list no longer names loses the
declaration this service wrote, but only after a reading of the whole list succeeded.
Failures are reported per URL; nothing raises but an unknown feed id and cancellation.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.series.post import day_number
from readinglist.feeds.site.declared import MAX_MEMBERS
from readinglist.feeds.site.links import site_of
from readinglist.feeds.site.series_index import (
    IndexTerm,
    index_candidates,
    term_feed_candidates,
    terms_from_entries,
)
from readinglist.model.changes import Changes
from readinglist.model.errors import FetchCancelledError, ReadingListError
from readinglist.model.query import ArticleQuery
from readinglist.model.records import DeclaredSeries
from readinglist.model.urls import normalize_url
from readinglist.services.backfill.client import Answer, BackfillLimits, SiteClient, Tally
from readinglist.services.backfill.feed_pages import FeedPages, may_be_cut
from readinglist.services.sync import regroup_feed
from readinglist.storage.store import Store

__all__ = ["INDEX_LIMITS", "INDEX_SOURCE", "SeriesIndexReport", "read_series_index"]

_GONE = re.compile(r"\bHTTP (?:404|410)\b")
INDEX_SOURCE = "series index"
"""``DeclaredSeries.source`` of what a site's list of series declared."""


INDEX_LIMITS = BackfillLimits(max_requests=100, max_requests_per_host=100)
"""A list of series costs one page and one feed per series: a blog with 90 series is
read in one go, at the backfill's pace (requests spaced, robots.txt asked)."""


@dataclass(frozen=True, slots=True)
class SeriesIndexReport:
    """What reading one feed's site's list of series did."""

    feed_id: int
    index_url: str | None  # where the list was found; None: no list was found
    series: tuple[tuple[str, int], ...]  # (name, posts of this feed it lists), listed order
    moved_article_ids: tuple[int, ...]  # articles whose series or part changed
    requests: int
    cached: int
    errors: tuple[str, ...]
    cancelled: bool = False
    pages_read: int = 0  # with no list: the posts' own pages read for their series boxes
    pages_declaring: int = 0  # of those, the pages that name their series

    @property
    def filed(self) -> int:
        """Posts of the feed the site's list files in a series."""
        return sum(n for _name, n in self.series)

    @property
    def found_series(self) -> bool:
        """The site declares its series (a list, or pages that name theirs) and the
        reading ran to its end: worth asking again for the posts to come."""
        return bool(self.index_url or self.pages_declaring) and not self.cancelled

    @property
    def failed(self) -> bool:
        """Nothing could be read and something went wrong (not merely: the site has none)."""
        return self.index_url is None and not self.pages_read and bool(self.errors)

    @property
    def changes(self) -> Changes:
        if not self.moved_article_ids:
            return Changes()
        return Changes(feeds=frozenset({self.feed_id}), articles=frozenset(self.moved_article_ids))

    def describe(self) -> str:
        """One line: 'The site lists 3 series; 11 posts of this feed filed in 2 of them'."""
        if self.index_url is None and self.pages_read and not self.pages_declaring:
            n = self.pages_read
            text = f"The site lists no series, and none of the {n} pages read names one"
        elif self.index_url is None and self.pages_read:
            text = (
                f"The site lists no series; {self.pages_declaring} of {self.pages_read} pages"
                f" read name their series ({len(self.series)} series)"
            )
            if self.moved_article_ids:
                text += f" ({len(self.moved_article_ids)} regrouped)"
        elif self.index_url is None:
            text = "The site lists no series"
        else:
            n = len(self.series)
            with_posts = sum(1 for _name, count in self.series if count)
            text = (
                f"The site lists {n} series; {self.filed} post{'s' if self.filed != 1 else ''}"
                f" of this feed filed in {with_posts} of them"
            )
            if self.moved_article_ids:
                text += f" ({len(self.moved_article_ids)} regrouped)"
        if self.errors:
            text += f"; {len(self.errors)} problem{'s' if len(self.errors) != 1 else ''}"
        if self.cancelled:
            text += " (cancelled)"
        return text


def read_series_index(
    store: Store,
    feed_id: int,
    *,
    fetcher: Fetcher,
    cancel: threading.Event | None = None,
    limits: BackfillLimits = INDEX_LIMITS,
    pages: Sequence[str] | None = None,
    revalidate: frozenset[str] = frozenset(),
    since: float | None = None,
) -> SeriesIndexReport:
    """Read the list of series on ``feed_id``'s site and file its posts by it.

    ``pages``: with no list, read only these posts' pages (default: every post's, newest
    first). ``revalidate``: the kinds of cached answer (``"feed"``, ``"index"``) asked
    again however young, as when a new post may have joined a list (``site_follow``);
    ``since`` (a day number: the oldest new post's date) spares that for a series the
    list dates before it, which the new posts cannot have joined.

    Raises ``FeedNotFoundError`` for an unknown feed, before any request.
    """
    store.get_feed(feed_id)
    links = store.feed_article_links(feed_id)  # guid -> link
    newest_first = [a.link for a in store.list_articles(ArticleQuery(feed_id=feed_id)) if a.link]
    client = SiteClient(store, fetcher, limits, cancel, revalidate=revalidate)
    tally = Tally()
    reading = _Reading(client, tally, newest_first, newest_first if pages is None else pages, since)
    cancelled = False
    try:
        reading.run()
    except FetchCancelledError:
        cancelled = True
        tally.error("cancelled")
    except ReadingListError as exc:  # what was read before it still counts
        tally.error(str(exc))
    except Exception as exc:  # a page that breaks a reader must not lose the rest
        tally.error(f"internal error: {exc!r}")
    if reading.index_url:
        counts, touched = _declare(store, feed_id, links, reading)
        series = tuple((term.name, counts.get(term.url, 0)) for term in reading.terms)
    else:
        series, touched = _declare_pages(store, feed_id, links, reading.page_said)
    moved = regroup_feed(store, feed_id) if touched else ()
    return SeriesIndexReport(
        feed_id=feed_id,
        index_url=reading.index_url,
        series=series,
        moved_article_ids=tuple(moved),
        requests=tally.requests,
        cached=tally.cached,
        errors=tuple(tally.errors),
        cancelled=cancelled,
        pages_read=reading.pages_read,
        pages_declaring=len(reading.page_said),
    )


class _Reading:
    """The requests: the list of series, then each series' feed; with no list, the
    posts' own pages, newest first, for what their series boxes declare."""

    def __init__(
        self,
        client: SiteClient,
        tally: Tally,
        links: list[str],
        pages: Sequence[str],
        since: float | None = None,
    ) -> None:
        self.client = client
        self.tally = tally
        self.links = links  # every post's, newest first: where the site's list may be
        self.page_links = pages  # whose pages are read when there is no list
        sites = Counter(site_of(link) for link in links if site_of(link))
        self.site = sites.most_common(1)[0][0] if sites else None
        self.index_url: str | None = None
        self.terms: list[IndexTerm] = []
        self.members: dict[str, list[tuple[str, str | None]]] = {}  # term url -> (post, date)
        self.complete = False  # every listed series' feed was read
        self.pages_read = 0
        self.page_said: dict[str, DeclaredSeries] = {}  # post link -> its page's word
        self.since = since  # new posts from this day on: series dated before stay cached
        self.dated = False  # the list was read anew, so its series' dates are current
        self.feed_name: str | None = None  # a series' feed a series page named ("atom.xml")
        self.listed: dict[str, list[tuple[str, str | None]]] = {}  # one page's own lists
        self.places: dict[str, dict[str, int]] = {}  # their posts' places, where known
        self.whole: set[str] = set()  # series whose feed was read to its last page

    def fetch(self, url: str, kind: str, *, revalidate: bool = True) -> Answer:
        assert self.site is not None
        return self.client.get(url, kind, self.site, self.tally, revalidate=revalidate)

    def run(self) -> None:
        if self.site is None:
            self.tally.error("no post of this feed has a web address to start from")
            return
        for index in index_candidates(self.links):
            if site_of(index) != self.site:
                continue
            terms = self._terms(index)
            if terms:
                self.index_url, self.terms = index, terms
                break
        self.complete = bool(self.terms)
        refused: list[str] = []  # why series went unread: the request limit, robots.txt
        for term in self.terms:
            listed = self.listed.get(term.url)
            posts = listed if listed is not None else self._posts(term, refused)
            if posts is None:
                self.complete = False
            else:
                self.members[term.url] = posts
        if refused:
            n = len(refused)
            self.tally.error(
                f"{n} series not read ({refused[0]}); asking again later reads them, "
                "the others coming from the cache"
            )
        if not self.terms:
            self._pages()

    def _pages(self) -> None:
        """No list: each post's own page, whose series box or schema.org says its series
        (``feeds.site.declared``), as far as the request budget goes; a later reading
        goes further, the pages read so far coming from the cache."""
        failed: list[str] = []
        unread = 0
        for link in self.page_links:
            if site_of(link) != self.site:
                continue
            answer = self.fetch(link, "page")
            if answer.refused:
                unread += 1
                continue
            if not answer.ok:
                failed.append(answer.error or link)
                continue
            self.pages_read += 1
            declared = DeclaredSeries.from_json(answer.summary.get("declared"))
            if declared is not None:
                self.page_said[link] = declared
        if failed:
            self.tally.error(f"{len(failed)} pages could not be read ({failed[0]})")
        if unread:
            self.tally.error(
                f"{unread} pages not read (the request limit); asking again later reads them"
            )

    def _terms(self, index: str) -> list[IndexTerm]:
        """The series the index lists: from its feed, else from its page."""
        feed = self.fetch(index + "index.xml", "feed")
        if feed.ok:
            entries = feed.summary.get("entries", [])
            pairs = [(str(e.get("title") or ""), e.get("link")) for e in entries]
            terms = terms_from_entries(index, pairs, [e.get("published") for e in entries])
            if terms:
                # its dates say which series a new post joined only if the list changed
                # with it (Hugo re-dates a series by its newest post); an unchanged list
                # may not date its series at all, so then every series' feed is asked
                self.dated = feed.new
                return terms
        page = self.fetch(index, "index")
        if not page.ok:
            # no list there is an answer (the site has none), not a failure; robots.txt
            # forbidding it is worth saying, since the reader asked
            gone = page.error is not None and _GONE.search(page.error) is not None
            if page.error and not gone and (not page.refused or "robots" in page.error):
                self.tally.error(page.error)
            return []
        found = page.summary.get("terms", [])
        if found:
            return [IndexTerm(str(name), str(url)) for name, url in found]
        # no page per series: the list is one page, a heading over each series' posts
        # (Jekyll's kind), which is then the whole declaration, no feed to ask
        terms = []
        for name, url, members in page.summary.get("sections", []):
            terms.append(IndexTerm(str(name), str(url)))
            self.listed[str(url)] = [(str(link), None) for link in reversed(members)]
            self._place(str(url), [str(m) for m in members])
        return terms

    def _posts(self, term: IndexTerm, refused: list[str]) -> list[tuple[str, str | None]] | None:
        """(post, date) for the posts a series' feed lists; None when no feed of it
        could be read (why, when it was not asked, goes to ``refused``)."""
        failures: list[str] = []
        since, updated = self.since, day_number(term.updated)
        unchanged = (  # a series the list dates before the new posts: they did not join it
            self.dated and since is not None and updated is not None and updated < since - 1
        )
        base = term.url if term.url.endswith("/") else term.url + "/"
        usual = term_feed_candidates(term.url)
        if self.feed_name is not None:  # the name another series' page gave its feed
            usual = list(dict.fromkeys([base + self.feed_name, *usual]))
        for url in usual:
            settled, posts = self._feed(url, term, not unchanged, failures, refused)
            if settled:
                return posts
        # none of the usual addresses: the series' own page names its feed in its head
        # (Zola's "atom.xml", a generator's "rss.xml"), and the site's other series
        # likely name theirs alike
        page = self.fetch(term.url, "term", revalidate=not unchanged)
        if page.refused:
            refused.append(page.error or "not asked")
            return None
        named = [f for f in page.summary.get("feeds", []) if isinstance(f, str)]
        for url in named if page.ok else []:
            if url in usual or not _beneath(url, term.url):
                continue  # the site's own feed, which every page names
            settled, posts = self._feed(url, term, not unchanged, failures, refused)
            if settled:
                if posts is not None and url.startswith(base):
                    self.feed_name = url[len(base) :]
                return posts
        # no feed at all (taxonomies rendered as HTML only): the posts the page's own
        # content lists, its menus and sidebars left out
        listed = [str(link) for link in page.summary.get("listed", [])] if page.ok else []
        if listed:
            self._place(term.url, listed)
            return [(link, None) for link in reversed(listed)]
        self.tally.error(f"{term.name}: no feed of this series could be read ({failures[0]})")
        return None

    def _place(self, url: str, listed: list[str]) -> None:
        """Places for a list read from a page, in its order, when the feed's own posts
        on it show which way it runs (``_page_order``)."""
        oldest_first = _page_order(listed, self.links)
        if oldest_first is not None:
            self.places[url] = {
                normalize_url(link): place for place, link in enumerate(oldest_first, 1)
            }

    def _feed(
        self,
        url: str,
        term: IndexTerm,
        revalidate: bool,
        failures: list[str],
        refused: list[str],
    ) -> tuple[bool, list[tuple[str, str | None]] | None]:
        """One candidate feed of a series: (settled, (post, date) of its posts). Settled
        with no posts: the request was not made (why goes to ``refused``); not settled:
        it is no feed of the series (why goes to ``failures``), try the next."""
        answer = self.fetch(url, "feed", revalidate=revalidate)
        if answer.ok and not _beneath(answer.final_url or url, term.url):
            failures.append(f"{url}: redirected away from the series ({answer.final_url})")
            return False, None  # a site-wide feed answering for every address is no list
        if answer.ok:
            entries = [e for e in answer.summary.get("entries", []) if e.get("link")]
            # a cap's length: likely the newest page of a longer series, so read on; its
            # older pages changed only if its first did (a follow asks them again then)
            later = revalidate and answer.new
            pages = FeedPages(
                lambda page: self.fetch(page, "feed", revalidate=later),
                answer.final_url or url,
                entries,
                lambda final: _beneath(final, term.url),
            )
            for older in pages:
                entries += older
            if pages.whole:
                self.whole.add(term.url)
            return True, [(str(e["link"]), e.get("published")) for e in entries]
        if answer.refused:
            refused.append(answer.error or "not asked")
            return True, None
        failures.append(answer.error or url)
        return False, None


def _declare_pages(
    store: Store, feed_id: int, links: dict[str, str], said: dict[str, DeclaredSeries]
) -> tuple[tuple[tuple[str, int], ...], bool]:
    """Keep what the posts' pages declared (as a full-text fetch does): the posts per
    series named, and whether anything was written."""
    guid_of = _guids_by_link(links)
    mine = {normalize_url(link): d for link, d in said.items() if normalize_url(link) in guid_of}
    if not mine:
        return (), False
    touched = _write(store, feed_id, guid_of, mine, undo=())
    counts = Counter(d.name for d in mine.values())
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), touched


def _beneath(url: str, term_url: str) -> bool:
    """Whether ``url`` lives under the series' page (its feed, not a redirect away)."""
    return normalize_url(url).startswith(normalize_url(term_url).rstrip("/") + "/")


def _declare(
    store: Store, feed_id: int, links: dict[str, str], reading: _Reading
) -> tuple[dict[str, int], bool]:
    """Record what the list declares for the feed's posts: the posts filed per series
    (by series page), and whether any declaration was written or undone."""
    guid_of = _guids_by_link(links)
    said = {normalize_url(u): d for u, d in store.feed_declarations(feed_id).items()}
    counts: dict[str, int] = {}
    windows: set[str] = set()  # series whose feed may be cut to its newest posts
    filed: dict[str, DeclaredSeries] = {}  # normalised link -> what the list says of it
    for term in reading.terms:
        listed = reading.members.get(term.url, [])
        whole = term.url in reading.whole  # paged to its end: no window, however long
        if may_be_cut(listed) and not whole:
            windows.add(term.name)
        places = _places(listed, whole) or reading.places.get(term.url, {})
        # the series' posts oldest first (feeds list the newest first), so that the
        # list's order is the parts' order where the places are known
        in_order = [link for link, _when in reversed(listed)]
        if places:
            in_order.sort(key=lambda link: places.get(normalize_url(link), 0))
        members = tuple(dict.fromkeys(in_order))[:MAX_MEMBERS]
        posts = list(dict.fromkeys(normalize_url(link) for link in members))
        mine = [link for link in posts if link in guid_of]
        counts[term.url] = len(mine)
        total = len(posts) if places else None
        for link in mine:  # a post in two series keeps the first the site lists
            said_here = DeclaredSeries(term.name, places.get(link), total, members, INDEX_SOURCE)
            filed.setdefault(link, said_here)
    # a page's own word wins (but one that gives no place, a badge link or page data
    # without an order, yields to the list that places the post); when the whole list
    # was read, what it no longer names is undone, unless its series' feed may be a
    # window that older posts have left (a WordPress feed of its newest 10): dropping
    # out of a window says nothing
    kept = {
        link: d
        for link, d in filed.items()
        if link not in said or said[link].source == INDEX_SOURCE or said[link].names_only
    }
    undo = [
        link
        for link, d in said.items()
        if reading.complete
        and d.source == INDEX_SOURCE
        and link not in filed
        and d.name not in windows
        and link in guid_of
    ]
    return counts, _write(store, feed_id, guid_of, kept, undo)


def _guids_by_link(links: dict[str, str]) -> dict[str, str]:
    """Normalised link -> guid of the feed's articles (the first, when two share one)."""
    guid_of: dict[str, str] = {}
    for guid, link in links.items():
        if link:
            guid_of.setdefault(normalize_url(link), guid)
    return guid_of


def _write(
    store: Store,
    feed_id: int,
    guid_of: dict[str, str],
    declare: dict[str, DeclaredSeries],
    undo: Sequence[str],
) -> bool:
    """Store the declarations that changed, undo the ones no longer said, in one
    transaction; whether anything was written (and so the feed must regroup)."""
    stored = {normalize_url(u): d for u, d in store.feed_declarations(feed_id).items()}
    changed: dict[str, DeclaredSeries | None] = {
        link: d for link, d in declare.items() if stored.get(link) != d
    }
    changed.update(dict.fromkeys(undo))
    if not changed:
        return False
    guids = [guid_of[link] for link in changed]
    ids = dict(zip(guids, store.article_ids_for_guids(feed_id, guids), strict=True))
    with store.transaction():
        for link, declared in changed.items():
            store.set_declared_series(ids[guid_of[link]], declared)
    return True


def _page_order(members: list[str], feed_links: list[str]) -> list[str] | None:
    """A one-page list's posts oldest first, when the feed's own posts among them show
    which way the page runs (a Jekyll loop over ``site.posts`` lists the newest first,
    one sorted by date the oldest): two or more of them, all one way. None otherwise:
    then the page places nothing, and the feed's dates number what it carries."""
    rank = {normalize_url(link): i for i, link in enumerate(feed_links)}  # 0: the newest
    seen = [rank[n] for n in (normalize_url(m) for m in members) if n in rank]
    if len(seen) < 2:
        return None
    if all(a > b for a, b in pairwise(seen)):
        return members
    if all(a < b for a, b in pairwise(seen)):
        return list(reversed(members))
    return None


def _places(listed: list[tuple[str, str | None]], whole: bool = False) -> dict[str, int]:
    """Normalised post link -> its place in the series, by date, when the site's list is
    whole and dated: the list is the series (the feed is only a window on it), so its
    oldest post is part 1 even when the feed no longer carries it. ``whole``: the list
    was read to its last page, so a usual cap's length is no sign of a window."""
    dates = [day_number(when) for _link, when in listed]
    if not listed or (may_be_cut(listed) and not whole) or any(d is None for d in dates):
        return {}
    # feeds list the newest first: on a tie, the one listed later was posted earlier
    ordered = sorted(range(len(listed)), key=lambda i: (dates[i] or 0.0, -i))
    places: dict[str, int] = {}
    for place, i in enumerate(ordered, start=1):
        places.setdefault(normalize_url(listed[i][0]), place)
    return places
