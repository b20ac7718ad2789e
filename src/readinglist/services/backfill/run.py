"""Find the missing parts of a series on the site itself ("Find missing parts").

Feeds show a window, not a series: a tag feed with parts 13 and 16 says nothing of
parts 1-12. The site knows the rest, and this service asks it, politely, in the order
that costs the fewest requests:

1. one article page of the series (prefer one already cached): its ``<link
   rel="alternate">`` feeds, ``rel=prev/next`` and "Part N" links, and what it declares
   about its series (``feeds.site.declared``);
2. when the site's list of its series named this one (``Library.read_series_index``
   kept it with the members' declarations), the posts on that list, each fetched once
   and joining as its place in the list unless its page declares otherwise; then the
   series' own feed (announced on the page, else a few guessed URLs: Hugo section
   ``index.xml``, WordPress ``/series|category|tag/<slug>/feed/``);
3. when parts are still missing (or no feed listed the series), the members the start
   page declares (its series box's list and its box's prev/next): the site itself
   listed them, so they come before any search;
4. when parts are still missing, the site's sitemaps (robots.txt ``Sitemap:`` lines,
   else ``/sitemap.xml``, indexes followed) filtered to the series' URL section or slug
   pattern, each unknown page fetched once for its title;
5. when parts are still missing (or no listing worked), prev/next and "Part N" links
   from pages of the series, following only pages that turn out to be in it. A page
   with a series box gives only the box's links: its other prev/next links are the
   theme's chronological ones (Hugo and Jekyll put them on every post) and lead to
   whatever was posted next, not to the next part.

A page that declares this series joins it as its declared part (``SeriesMatcher``), one
that declares another is refused. Otherwise a candidate joins the series when
``feeds.series.group()`` over the feed's stored posts plus the candidates puts it in the
series' key, or when its own URL is in the series' section/slug pattern and its detected
part fills a gap. New articles are stored through ``upsert_entries`` (never touching
stored rows) and marked ``found_on_site``, with what their pages declared
(``set_declared_series``), so the next regrouping keeps them where the site put them.
Everything is on the caller's thread; no Qt. Failures are per source and reported;
only a bad series id raises.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.sanitize import html_to_text
from readinglist.feeds.series.declared import key_of, listed_parts
from readinglist.feeds.site.links import section_feed_candidates, site_of
from readinglist.model.changes import NO_CHANGES, Changes
from readinglist.model.errors import FetchCancelledError, ReadingListError
from readinglist.model.parts import covered, missing_among, missing_parts
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, DeclaredSeries, IncomingArticle, ParsedEntry
from readinglist.model.urls import normalize_url
from readinglist.services.backfill.client import Answer, BackfillLimits, SiteClient, Tally
from readinglist.services.backfill.feed_pages import FeedPages
from readinglist.services.backfill.match import Candidate, SeriesMatcher
from readinglist.services.backfill.series_index import INDEX_SOURCE
from readinglist.services.sync import SEARCH_TEXT_CHARS, entry_hash
from readinglist.storage.store import Store

__all__ = ["BackfillLimits", "BackfillReport", "backfill_series"]

ProgressCallback = Callable[[int, int], None]
_SITE_WIDE_FEEDS = frozenset({"/feed", "/rss", "/index.xml", "/rss.xml", "/atom.xml"})


@dataclass(frozen=True, slots=True)
class BackfillReport:
    """What "Find missing parts" did for one series."""

    series_id: int
    series_name: str
    new_article_ids: tuple[int, ...]
    parts_found: tuple[int, ...]  # part numbers newly added, ascending
    still_missing: tuple[int, ...]
    requests: int  # HTTP requests actually sent for this series
    cached: int  # answers served from the cache
    errors: tuple[str, ...]  # readable, per source; never raises for one bad page
    sources_ok: int = 0  # answers that could be used (0 with errors: every source failed)
    feed_id: int | None = None  # the series' feed, so ``changes`` can name it

    @property
    def changes(self) -> Changes:
        """What this search added: its new articles, their series and feed (nothing
        when it found nothing)."""
        if not self.new_article_ids:
            return NO_CHANGES
        return Changes.of(
            feeds=() if self.feed_id is None else (self.feed_id,),
            series=(self.series_id,),
            articles=self.new_article_ids,
        )

    @property
    def failed(self) -> bool:
        """Every source failed: nothing usable came back and something went wrong."""
        return bool(self.errors) and self.sources_ok == 0

    def describe(self) -> str:
        """'Transfer Learning: found parts 3, 5 (2 requests, 14 cached); still missing: 7'."""
        found = (
            "found parts " + ", ".join(map(str, self.parts_found))
            if self.parts_found
            else "nothing new"
        )
        text = f"{self.series_name}: {found} ({self.requests} requests, {self.cached} cached)"
        if self.still_missing:
            text += "; still missing: " + ", ".join(map(str, self.still_missing))
        return text


class _Search:
    """One series' search: the stages of the module docstring, over one ``SiteClient``."""

    def __init__(self, store: Store, client: SiteClient, series_id: int) -> None:
        self.store = store
        self.client = client
        self.limits = client.limits
        self.identity = store.series_identity(series_id)
        self.tally = Tally()
        self.ok = 0
        self.pages = 0
        members = store.list_articles(ArticleQuery(series_id=self.identity.series_id))
        self.members = sorted(members, key=lambda a: (a.part is None, a.part or 0, a.id))
        links = [a.link for a in self.members if a.link and site_of(a.link)]
        sites = Counter(site_of(link) for link in links)
        self.site = sites.most_common(1)[0][0] if sites else None
        self.links = [link for link in links if site_of(link) == self.site]
        # what the members' pages (or the site's list) declared: read once per search
        member_links = {normalize_url(a.link) for a in self.members if a.link}
        self.declared = [
            d
            for link, d in store.feed_declarations(self.identity.feed_id).items()
            if normalize_url(link) in member_links
        ]
        self.matcher = SeriesMatcher(
            store.feed_post_signatures(self.identity.feed_id),
            {a.guid for a in self.members},
            self.links,
            _present_or_held(self.members),
            series_keys=self._series_keys(),
            places={normalize_url(a.link): a.part for a in self.members if a.link and a.part},
        )
        known = store.feed_article_links(self.identity.feed_id)
        self.known_guids = set(known)
        self.known_urls = {normalize_url(u) for u in known.values() if u}
        self.feed_url = normalize_url(store.get_feed(self.identity.feed_id).url)
        self.tried: set[str] = set()
        self.expanded: set[str] = set()

    def _series_keys(self) -> set[str]:
        """The keys a page's declared series must have to be this one: the series' own,
        its names' (the reader's and detection's), and what its members' pages declared."""
        identity = self.identity
        keys = {identity.key, key_of(identity.name), key_of(identity.detected_name)}
        return keys | {key_of(d.name) for d in self.declared}

    # --- plumbing ------------------------------------------------------------------

    def fetch(self, url: str, kind: str, *, report: bool = True) -> Answer:
        assert self.site is not None
        answer = self.client.get(url, kind, self.site, self.tally)
        if answer.ok:
            self.ok += 1
        elif report and answer.error and not answer.refused:
            self.tally.error(answer.error)
        return answer

    def is_new(self, url: str) -> bool:
        norm = normalize_url(url)
        return (
            site_of(url) == self.site
            and norm not in self.known_urls
            and norm not in self.matcher.accepted
            and norm not in self.tried
        )

    def page(self, url: str, *, report: bool = True) -> Answer | None:
        if self.pages >= self.limits.max_page_fetches or self.tally.budget_spent:
            return None
        cached = self.client.store.get_cached_fetch(url)
        if cached is None:
            self.pages += 1
        return self.fetch(url, "page", report=report)

    # --- stages --------------------------------------------------------------------

    def run(self) -> None:
        if self.site is None:
            self.tally.error("no article of this series has a web address to start from")
            return
        start = self._start_page()
        first = self.page(start) if start else None
        # the site's own list of the series, when one was read, says more than any
        # section feed, whose other posts are offered to the title rules
        listed = self._listed_by_site()
        if self.matcher.gaps() or not listed:
            listed = self._section_feeds(first, start) or listed
        if self.matcher.gaps() or not listed:
            listed = self._declared_members(first, start) or listed
        if self.matcher.gaps() or not listed:
            listed = self._sitemaps() or listed
        if self.matcher.gaps() or not listed:
            self._crawl(first, start)

    def _start_page(self) -> str | None:
        """The highest part's page, or the highest one already cached (free to read)."""
        for link in reversed(self.links):
            if self.client.store.get_cached_fetch(link) is not None:
                return link
        return self.links[-1] if self.links else None

    def _section_feeds(self, first: Answer | None, start: str | None) -> bool:
        announced = [str(u) for u in (first.summary.get("feeds", ()) if first else ())]
        announced = [u for u in announced if self._series_feed_url(u)]
        guesses = section_feed_candidates(start or self.links[-1], self.identity.name)
        guesses = [u for u in guesses if u not in announced][: self.limits.max_feed_guesses]
        for url, report in [(u, True) for u in announced] + [(u, False) for u in guesses]:
            if normalize_url(url) in self.tried or site_of(url) != self.site:
                continue
            self.tried.add(normalize_url(url))
            answer = self.fetch(url, "feed", report=report)
            entries = answer.summary.get("entries", []) if answer.ok else []
            if self._take_feed(entries):
                self._older_pages(answer.final_url or url, entries)
                return True
        return False

    def _older_pages(self, url: str, entries: list[dict[str, object]]) -> None:
        """The feed lists this series but parts are still missing: a feed of a cap's
        length (WordPress sends the newest ten) keeps the older parts on its later pages
        (``feed_pages``), read until nothing is missing."""
        if not self.matcher.gaps():
            return
        path = urlsplit(normalize_url(url)).path
        pages = FeedPages(
            lambda page: self.fetch(page, "feed", report=False),
            url,
            entries,
            lambda final: urlsplit(normalize_url(final)).path == path,
        )
        for older in pages:
            self._take_feed(older)
            if not self.matcher.gaps():
                break

    def _series_feed_url(self, url: str) -> bool:
        norm = normalize_url(url)
        path = norm.split("/", 3)[3] if norm.count("/") >= 3 else ""
        return (
            site_of(url) == self.site
            and norm != self.feed_url
            and "/" + path.rstrip("/") not in _SITE_WIDE_FEEDS
            and "comments" not in path
        )

    def _take_feed(self, entries: list[dict[str, object]]) -> bool:
        """Offer a feed's entries; True when the feed lists this series."""
        cands = []
        lists_series = False
        for raw in entries:
            link = str(raw.get("link") or "")
            if not link:
                continue
            if normalize_url(link) in {normalize_url(u) for u in self.links}:
                lists_series = True
            if self.is_new(link) and str(raw.get("guid") or link) not in self.known_guids:
                cands.append(Candidate.from_feed(raw, "section feed"))
        accepted = self.matcher.offer(cands)
        return lists_series or bool(accepted)

    def _declared_members(self, first: Answer | None, start: str | None) -> bool:
        """Fetch the posts the start page declares as its series' (its box's list and
        neighbours); True when the page lists the series (more than itself)."""
        decl = self._member_declaration(first)
        if decl is None or start is None:
            return False
        for url, part in listed_parts(start, decl):
            if part is not None:
                self.matcher.place(url, part)
        self._offer_pages(_declared_links(decl))
        return len(decl.members) > 1

    def _offer_pages(self, urls: Sequence[str], listed: DeclaredSeries | None = None) -> None:
        """Fetch each page not yet known and offer it. ``listed``: the site's list the
        URLs come from, which speaks (at the URL's place in it, when the list has
        places) for a page that declares nothing itself."""
        for place, url in enumerate(urls, start=1):
            if not self.is_new(url):
                continue
            self.tried.add(normalize_url(url))
            got = self.page(url)
            if got is None:
                break
            if got.ok:
                cand = Candidate.from_page(url, got.summary)
                if cand.declared is None and listed is not None:
                    part = place if listed.position is not None else None
                    cand.declared = replace(listed, position=part, members=())
                self.matcher.offer([cand])

    def _listed_by_site(self) -> bool:
        """Fetch the posts the site's own list of its series names for this one (kept
        from ``Library.read_series_index``); each joins as the part its place in the
        list gives, unless its page declares otherwise. True when there is such a list."""
        decl = self._site_list()
        if decl is None:
            return False
        self._offer_pages(decl.members, listed=decl)
        return True

    def _site_list(self) -> DeclaredSeries | None:
        """The longest list of this series' posts a site's list of series gave its
        members (``source`` "series index"), if any did."""
        lists = [d for d in self.declared if d.source == INDEX_SOURCE and d.members]
        return max(lists, key=lambda d: len(d.members), default=None)

    def _member_declaration(self, answer: Answer | None) -> DeclaredSeries | None:
        """What a page of the series declares; its name becomes one of the series' keys
        (the site's name for the series outranks ours, as it does in grouping)."""
        if answer is None or not answer.ok:
            return None
        decl = DeclaredSeries.from_json(answer.summary.get("declared"))
        if decl is not None:
            self.matcher.series_keys.add(key_of(decl.name))
        return decl

    def _sitemaps(self) -> bool:
        assert self.site is not None
        scheme = self.links[-1].split(":", 1)[0].lower()
        roots = list(self.client.robots_sitemaps(self.site, scheme, self.tally))
        announced = bool(roots)
        if not roots:
            roots = [f"{scheme}://{self.links[-1].split('/')[2]}/sitemap.xml"]
        queue, read = list(roots), 0
        urls: list[str] = []
        while queue and read < self.limits.max_sitemaps:
            url = queue.pop(0)
            read += 1
            answer = self.fetch(url, "sitemap", report=announced or url not in roots)
            if not answer.ok:
                continue
            children = [str(u) for u in answer.summary.get("sitemaps", [])]
            queue.extend(u for u in children if site_of(u) == self.site)
            urls.extend(str(u) for u in answer.summary.get("urls", []))
        matching = [u for u in dict.fromkeys(urls) if self.matcher.in_pattern(u) and self.is_new(u)]
        matching.sort(key=self.matcher.url_part)
        found = False
        for url in matching:
            self.tried.add(normalize_url(url))
            got = self.page(url)
            if got is None:
                break
            if got.ok and self.matcher.offer([Candidate.from_page(url, got.summary)]):
                found = True
        return found

    def _crawl(self, first: Answer | None, start: str | None) -> None:
        """Follow prev/next/"Part N" links out of pages that are in the series."""
        pending: list[str] = []
        if first is not None and first.ok and start:
            self.expanded.add(normalize_url(start))
            pending += _neighbours(first)
        for cand in self.matcher.accepted.values():
            if cand.page is not None:
                self.expanded.add(normalize_url(cand.url))
                pending += _neighbours_of(cand.page)
        members = list(self.links)
        while True:
            target = next((u for u in pending if self.is_new(u)), None)
            if target is not None:
                self.tried.add(normalize_url(target))
                answer = self.page(target)
                if answer is None:
                    return
                if answer.ok and self.matcher.offer([Candidate.from_page(target, answer.summary)]):
                    self.expanded.add(normalize_url(target))
                    pending += _neighbours(answer)
                continue
            if not self.matcher.gaps():
                return
            member = next((m for m in members if normalize_url(m) not in self.expanded), None)
            if member is None:
                return
            self.expanded.add(normalize_url(member))
            answer = self.page(member)
            if answer is None:
                return
            if answer.ok:
                self._member_declaration(answer)
                pending += _neighbours(answer)

    # --- storing -------------------------------------------------------------------

    def store_found(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        incoming = []
        for cand in sorted(self.matcher.accepted.values(), key=lambda c: c.part or 0):
            entry = ParsedEntry(
                guid=cand.guid or cand.url,
                title=cand.title,
                link=cand.url,
                author=cand.author,
                summary_html=cand.summary_html,
                content_html="",
                published=cand.published,
                updated=None,
                categories=cand.categories,
                word_count=cand.word_count,
            )
            text = html_to_text(cand.summary_html)[:SEARCH_TEXT_CHARS]
            assert cand.guess is not None
            incoming.append(IncomingArticle(entry, cand.guess, entry_hash(entry), text))
        new_ids = self.store.add_found_articles(self.identity, incoming)
        self._keep_declarations(set(new_ids))
        parts = tuple(sorted({c.part for c in self.matcher.accepted.values() if c.part}))
        return new_ids, parts if new_ids else ()

    def _keep_declarations(self, new_ids: set[int]) -> None:
        """Store what the pages of the new articles declared, as a full-text fetch does,
        so the next regrouping (``group_with_stored``) keeps them in their series."""
        if not new_ids:
            return
        # guid -> link; a page stored before under another guid was skipped, not added
        stored = self.store.feed_article_links(self.identity.feed_id)
        declaring = [
            c
            for c in self.matcher.accepted.values()
            if c.declared is not None and (c.guid or c.url) in stored
        ]
        guids = [c.guid or c.url for c in declaring]
        ids = self.store.article_ids_for_guids(self.identity.feed_id, guids)
        for cand, article_id in zip(declaring, ids, strict=True):
            if article_id in new_ids:
                self.store.set_declared_series(article_id, cand.declared)


def _neighbours(answer: Answer) -> list[str]:
    return _neighbours_of(answer.summary)


def _declared_links(decl: DeclaredSeries) -> list[str]:
    """The posts a declaration names: its list, and a series box's own prev/next."""
    links = list(decl.members)
    if decl.from_box:
        links += [u for u in (decl.previous, decl.next) if u]
    return list(dict.fromkeys(links))


def _neighbours_of(summary: dict[str, object]) -> list[str]:
    """The links a crawl follows out of a page of the series.

    A page with a series box: the box's links only (see the module notes). Any other
    page (a schema.org declaration names no members): its prev/next and "Part N" links,
    each page they lead to refused unless it turns out to be in the series.
    """
    decl = DeclaredSeries.from_json(summary.get("declared"))
    if decl is not None and decl.from_box:
        return _declared_links(decl)
    out: list[str] = []
    for key in ("prev", "next"):
        value = summary.get(key)
        if isinstance(value, list):
            out += [str(u) for u in value]
    links = summary.get("part_links")
    if isinstance(links, list):
        out += [str(pair[0]) for pair in links if isinstance(pair, list) and pair]
    return out


def backfill_series(
    store: Store,
    series_ids: Sequence[int],
    *,
    fetcher: Fetcher,
    cancel: threading.Event | None = None,
    on_progress: ProgressCallback | None = None,
    limits: BackfillLimits = BackfillLimits(),  # noqa: B008 - frozen, safe as a default
) -> list[BackfillReport]:
    """Look for the missing parts of each series; one report per series, in order.

    Raises ``SeriesNotFoundError`` for an unknown id (before any request); every other
    failure is recorded in that series' report. After a cancel, the series in progress
    is reported with a "cancelled" error and the rest are skipped.
    """
    ids = list(dict.fromkeys(series_ids))
    for sid in ids:
        store.series_identity(sid)
    client = SiteClient(store, fetcher, limits, cancel)
    reports: list[BackfillReport] = []
    if on_progress:
        on_progress(0, len(ids))
    for done, sid in enumerate(ids, start=1):
        search = _Search(store, client, sid)
        cancelled = False
        try:
            search.run()
        except FetchCancelledError:
            cancelled = True
            search.tally.error("cancelled")
        except ReadingListError as exc:
            search.tally.error(str(exc))
        except Exception as exc:  # a bug on one site must not stop the other series
            search.tally.error(f"internal error: {exc!r}")
        new_ids, parts = search.store_found()
        reports.append(
            BackfillReport(
                series_id=search.identity.series_id,
                series_name=search.identity.name,
                new_article_ids=new_ids,
                parts_found=parts,
                still_missing=missing_among(search.members, parts),
                requests=search.tally.requests,
                cached=search.tally.cached,
                errors=tuple(search.tally.errors),
                sources_ok=search.ok,
                feed_id=search.identity.feed_id,
            )
        )
        if on_progress:
            on_progress(done, len(ids))
        if cancelled or (cancel is not None and cancel.is_set()):
            break
    return reports


def _present_or_held(members: Sequence[Article]) -> set[int]:
    """The parts the series has, with the numbers its unnumbered posts are dated in: a
    search looks for what the series list says is missing, nothing more."""
    present = {n for a in members if a.part is not None for n in covered(a.part, a.part_last)}
    return present | (set(missing_parts(sorted(present))) - set(missing_among(members)))
