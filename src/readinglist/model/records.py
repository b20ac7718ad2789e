"""Frozen dataclasses shared by every layer.

Only these cross layer and thread boundaries: never peewee rows, never widgets.
``feeds/`` produces the ``Parsed*``/``Fetch*``/``SeriesGuess`` types; ``storage/``
returns ``Feed``/``Series``/``Article``; ``sync.py`` reports ``FeedSyncResult``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from readinglist.model.changes import NO_CHANGES, Changes
from readinglist.model.feed_row import Feed as Feed  # re-exported: the home of every model

WORDS_PER_MINUTE = 230


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words at an ordinary technical-reading pace."""
    if word_count <= 0:
        return 0
    return max(1, round(word_count / WORDS_PER_MINUTE))


# --- what feeds/ produces ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one conditional GET that did not fail."""

    requested_url: str
    final_url: str
    status: int
    content: bytes | None  # None when the server said 304 Not Modified
    etag: str | None
    last_modified: str | None
    content_type: str | None = None
    permanent_url: str | None = None  # set when 301/308 moved the feed for good

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One feed entry, cleaned: text fields are plain text, HTML is sanitized."""

    guid: str
    title: str
    link: str | None
    author: str | None
    summary_html: str
    content_html: str
    published: datetime | None  # timezone-aware UTC, or None when absent/garbage
    updated: datetime | None
    categories: tuple[str, ...] = ()
    word_count: int = 0
    # the series the entry's own HTML declares (a WordPress series plug-in puts its box
    # in the post's content, and so in the feed): ``feeds.site.declared``
    declared: DeclaredSeries | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    site_url: str | None
    entries: tuple[ParsedEntry, ...]
    warning: str | None = None  # a recoverable problem feedparser reported
    # set when the document is broken in a way that may have cost entries (cut off,
    # mismatched tags): the feed's error text; ``entries`` are those read before it
    fault: str | None = None


@dataclass(frozen=True, slots=True)
class SeriesGuess:
    """What ``feeds.series`` concluded about one post.

    ``key`` is stable within a feed: two posts with the same key are the same series.
    ``key is None`` means standalone.
    """

    key: str | None
    name: str | None
    part: int | None
    short_title: str
    kind: str = "multipart"
    """``multipart`` (parts of one piece, in order) or ``recurring`` (a column: weekly
    roundups, release notes, issue N of a newsletter; parts are always ``None``, so
    nothing should compute missing parts for it). Meaningless when standalone."""
    strength: str = "strong"
    """``strong`` (numbered parts, a numbered URL sequence) or ``weak`` (a guess: a
    shared title head or opening, a single numbered post); the window may mark weak
    groups as guesses."""
    why: str = ""
    """A short sentence on the evidence, e.g. "titles 'X (N)' with N = 1–3, 5"."""
    part_last: int | None = None
    """The last part a post covers when it covers several ("X Day 4-7": part 4, last 7);
    None for a post of one part. Those parts are the reader's, never missing."""

    @property
    def standalone(self) -> bool:
        return self.key is None


@dataclass(frozen=True, slots=True)
class PostSignature:
    """A stored article as series grouping sees it, with what was detected last time.

    Storage reads it (``feed_post_signatures``) and the pure backfill matcher groups it
    with found pages; living here, neither has to import the other's layer.
    """

    guid: str
    title: str
    link: str | None
    categories: tuple[str, ...]
    series_key: str | None
    part: int | None
    short_title: str
    published: datetime | None = None  # dates order unnumbered parts (series.group)
    series_said: tuple[str, str, str, str] | None = None
    """What detection said of its series last time: (name, kind, strength, why)."""
    part_last: int | None = None
    """The last part it was read to cover ("Day 4-7": 7), if several."""


@dataclass(frozen=True, slots=True)
class IncomingArticle:
    """A parsed entry plus its detected series: everything sync may write (feed-owned)."""

    entry: ParsedEntry
    series: SeriesGuess
    content_hash: str
    search_text: str = ""  # plain text of the summary/content for full-text search
    # Made off the writer's thread by a sync (None: the store packs them itself): the
    # summary and content HTML as storage keeps them (``storage.codec.pack_summary`` and
    # ``pack``), and ``pack(search_text)``.
    stored_html: tuple[str | bytes, str | bytes] | None = None
    search_packed: str | bytes | None = None


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    url: str
    title: str | None
    mime_type: str | None


@dataclass(frozen=True, slots=True)
class OutlineFeed:
    """One feed from an OPML file."""

    url: str
    title: str | None
    site_url: str | None
    folder: str | None  # nested outlines become a folder path "Tech/ML"


@dataclass(frozen=True, slots=True)
class OPMLImport:
    feeds: tuple[OutlineFeed, ...]
    problems: tuple[str, ...]  # duplicate, invalid and refused URLs, one readable line each


# --- what storage/ returns --------------------------------------------------

# ``Feed`` is one of these too; it lives in feed_model.py (see there for why).


@dataclass(frozen=True, slots=True)
class Series:
    id: int
    feed_id: int
    key: str
    name: str  # the user's rename when there is one, else the detected name
    note: str | None
    followed: bool
    parts: tuple[int, ...] = ()  # part numbers present, ascending
    missing: tuple[int, ...] = ()  # part numbers absent below the highest
    article_count: int = 0
    read_count: int = 0
    next_unread_id: int | None = None
    minutes_left: int = 0
    kind: str = "multipart"  # or "recurring": a column, shown without part order or gaps
    guess: bool = False  # found by weak evidence and not confirmed: the window marks it
    why: str = ""  # what detection saw, in a sentence ("titles 'X (N)' with N = 1–3")


@dataclass(frozen=True, slots=True)
class Undone:
    """An action taken back (a series correction, a bulk read mark): what it was, and
    the posts it gave back."""

    label: str  # "Not a series", "Merge series", …
    article_ids: tuple[int, ...]  # the posts whose series changed back
    series_ids: tuple[int, ...]  # the series it had touched
    feed_ids: tuple[int, ...]  # their feeds
    focus_series: int | None = None  # the series the correction was made on, to show


@dataclass(frozen=True, slots=True)
class Article:
    """An article without its HTML body (cheap to list by the thousand)."""

    id: int
    feed_id: int
    guid: str
    title: str
    link: str | None
    author: str | None
    published: datetime | None
    updated: datetime | None
    first_seen: datetime
    series_id: int | None
    series_name: str | None
    part: int | None
    short_title: str
    read: bool
    read_at: datetime | None
    starred: bool
    note: str | None
    note_updated: datetime | None
    word_count: int
    in_feed: bool = True
    found_on_site: bool = False
    part_last: int | None = None
    """The last part the article covers ("Day 4-7": 7), when it covers several."""

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A passage the reader marked in an article, anchored as W3C Web Annotation does
    (``model.anchoring``): the quote, some text around it and a position hint. User-owned:
    when the text changes it is anchored again, and kept as ``orphaned`` when its quote
    is gone, never deleted by anything automatic."""

    id: int
    article_id: int
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    note: str | None
    created: datetime
    orphaned: bool = False


@dataclass(frozen=True, slots=True)
class ArticleContent:
    article_id: int
    summary_html: str
    content_html: str
    fulltext_html: str = ""  # read from the article's own page, when the user asked

    @property
    def feed_html(self) -> str:
        """What the feed carries: its content, else its summary."""
        return self.content_html or self.summary_html

    @property
    def body_html(self) -> str:
        """What the reader reads: the full text when there is one, else the feed's."""
        return self.fulltext_html or self.feed_html


# --- what sync reports ------------------------------------------------------


class SyncStatus(enum.Enum):
    UPDATED = "updated"  # fetched and stored (maybe zero new articles)
    NOT_MODIFIED = "not_modified"  # 304: nothing parsed
    UNCHANGED = "unchanged"  # 200 but the same bytes as last time: nothing parsed
    SKIPPED = "skipped"  # still inside a server's Retry-After window
    FAILED = "failed"  # a broken document's entries may still be stored: see new_count
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class FeedSyncResult:
    feed_id: int
    url: str
    status: SyncStatus
    new_count: int = 0
    updated_count: int = 0
    error: str | None = None
    new_article_ids: tuple[int, ...] = ()
    series_ids: tuple[int, ...] = ()  # series the new and updated articles are in now

    @property
    def failed(self) -> bool:
        return self.status is SyncStatus.FAILED

    @property
    def changes(self) -> Changes:
        """What this feed's sync changed on screen: the feed when articles came or changed
        (the rule the window refreshed by), their series, and the new articles."""
        if not (self.new_count or self.updated_count):
            return NO_CHANGES
        return Changes.of(
            feeds=(self.feed_id,), series=self.series_ids, articles=self.new_article_ids
        )


@dataclass(frozen=True, slots=True)
class SyncSummary:
    results: tuple[FeedSyncResult, ...] = field(default_factory=tuple)
    cancelled: bool = False
    # With a sync account: why the server could not be synced (None: it was), and the
    # articles whose read or star state came from another device.
    account_error: str | None = None
    account_changes: Changes = NO_CHANGES
    # Feeds the sync left grouped by older series rules, grouped again after it
    # (``services.regroup``): what moved.
    regrouped: Changes = NO_CHANGES
    # Feeds that follow their site's series and got new posts: what reading the site
    # again for them moved, and its problems as (feed id, text); none fails the sync.
    site_series: Changes = NO_CHANGES
    site_series_problems: tuple[tuple[int, str], ...] = ()

    @property
    def new_count(self) -> int:
        return sum(r.new_count for r in self.results)

    @property
    def updated_count(self) -> int:
        return sum(r.updated_count for r in self.results)

    @property
    def failed(self) -> tuple[FeedSyncResult, ...]:
        return tuple(r for r in self.results if r.failed)

    @property
    def after_results(self) -> Changes:
        """What the sync changed besides each feed's own result: read state and stars
        from other devices, feeds grouped again, posts filed as their site lists them.
        A window that showed each result as it came publishes this at the end."""
        return self.account_changes | self.regrouped | self.site_series

    @property
    def changes(self) -> Changes:
        """Every feed's ``changes`` combined: one value for the whole sync."""
        out = self.after_results
        for result in self.results:
            out = out | result.changes
        return out

    def describe(self) -> str:
        """A one-line outcome for a status bar: '3 new articles, 1 feed failed'."""
        parts = [f"{self.new_count} new article{'s' if self.new_count != 1 else ''}"]
        if self.failed:
            n = len(self.failed)
            parts.append(f"{n} feed{'s' if n != 1 else ''} failed")
        if self.regrouped.feeds:
            n = len(self.regrouped.feeds)
            parts.append(f"series regrouped in {n} feed{'s' if n != 1 else ''}")
        if self.site_series.articles:
            n = len(self.site_series.articles)
            parts.append(f"{n} post{'s' if n != 1 else ''} filed as the site lists")
        if self.site_series_problems:
            n = len({feed_id for feed_id, _text in self.site_series_problems})
            parts.append(f"the site's series unread for {n} feed{'s' if n != 1 else ''}")
        if self.account_error:
            parts.append(f"sync server failed: {self.account_error}")
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Account:
    """The library's sync account (none: a local library). The password is not here: it
    lives in the system's keyring (or a private file) and is read only to log in."""

    kind: str  # "greader"
    url: str
    user: str
    last_sync: datetime | None = None
    last_error: str | None = None
    password_store: str = ""  # where the password is kept: "keyring (…)" or a file path
    pending: int = 0  # local changes waiting to be sent


SCHEMA_ORG = "schema.org"
SERIES_BOX = "series box"
FEED_SERIES_BOX = "series box in the feed"
"""``DeclaredSeries.source`` of a box the feed's own copy of a post carries: the same
box as on the page, read at every sync with no request; a page read later speaks over
it (its source is then ``SERIES_BOX``)."""
SERIES_LINK = "series link"
"""``DeclaredSeries.source`` of a page whose one badge link names its series' own page
(``feeds.site.series_link``): a name, no position, no members."""
PAGE_DATA = "page data"
"""``DeclaredSeries.source`` of a page whose rendering data names its post's series
(``feeds.site.page_data``: a Next.js page's ``__NEXT_DATA__``): the front matter itself."""


@dataclass(frozen=True, slots=True)
class DeclaredSeries:
    """A series an article's own page declares it belongs to (``feeds.site.declared``):
    fetched on the reader's behalf with the page, and outranking what detection guessed.

    ``previous`` and ``next`` are the page's neighbours *in the series*: for a series
    box, the ``rel=prev/next`` links inside the box (the series' own navigation); for a
    schema.org declaration, the page's ``rel=prev/next`` links, which most themes make
    chronological, so they only ever lend a position to a page whose neighbour is
    already known to be in the same series (``feeds.series.declared``), never
    membership. Both default to None so older callers and stored rows still read.
    """

    name: str
    position: int | None  # the page's part number, when declared or listed
    total: int | None = None
    members: tuple[str, ...] = ()  # the series' posts in the order the page lists them
    source: str = ""  # SCHEMA_ORG, SERIES_BOX, FEED_SERIES_BOX, PAGE_DATA, SERIES_LINK, index
    previous: str | None = None
    next: str | None = None

    @property
    def from_box(self) -> bool:
        """Whether a series box declared it, on the page or in the feed's copy of the
        post (its neighbours are the box's own)."""
        return self.source in (SERIES_BOX, FEED_SERIES_BOX)

    @property
    def names_only(self) -> bool:
        """Whether it gives the series' name and nothing of the post's place in it: a
        badge link, or page data without an order. What a site's list or a box said of
        the post before says more, and is not replaced by it."""
        return self.source == SERIES_LINK or (self.source == PAGE_DATA and self.position is None)

    @property
    def from_feed(self) -> bool:
        """Whether the feed's copy of the post declared it (each sync reads it anew)."""
        return self.source == FEED_SERIES_BOX

    def to_json(self) -> dict[str, object]:
        """A plain JSON object of every field (the backfill's page digests keep it)."""
        return {
            "name": self.name,
            "position": self.position,
            "total": self.total,
            "members": list(self.members),
            "source": self.source,
            "previous": self.previous,
            "next": self.next,
        }

    @classmethod
    def from_json(cls, data: object) -> DeclaredSeries | None:
        """The declaration ``to_json`` wrote, or None for anything else (a digest from
        before declarations were read, a damaged value)."""
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            return None
        members = data.get("members")

        def number(key: str) -> int | None:
            value = data.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        return cls(
            data["name"],
            number("position"),
            number("total"),
            tuple(m for m in members if isinstance(m, str)) if isinstance(members, list) else (),
            text("source") or "",
            text("previous"),
            text("next"),
        )
