"""Plain node objects behind the tree model, and the loader that builds them.

No Qt here: a ``Node`` is a small mutable record (like the nodes of Anki's sidebar)
and ``TreeLoader`` turns store reads into lists of fresh nodes. The loader may run on
a background thread; the model attaches its nodes on the GUI thread.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from readinglist.model.parts import missing_among, part_runs
from readinglist.model.query import ArticleQuery

if TYPE_CHECKING:
    from readinglist.model.records import Article, Feed, Series


class TreeReads(Protocol):
    """The reads the tree makes (the library's; tests may hand a store)."""

    def list_feeds(self, *, include_unsubscribed: bool = False) -> list[Feed]: ...
    def get_feed(self, feed_id: int) -> Feed: ...
    def list_series(
        self, *, feed_id: int | None = None, series_ids: Sequence[int] | None = None
    ) -> list[Series]: ...
    def get_series(self, series_id: int) -> Series: ...
    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]: ...
    def get_article(self, article_id: int) -> Article: ...
    def followed_series(self) -> list[Series]: ...
    def continue_reading(self, limit: int = 200) -> list[Article]: ...


PAGE_SIZE = 200  # articles per fetchMore in the smart views
RECENT_DAYS = 7


class NodeType(enum.IntEnum):
    ROOT = 0
    SMART = 1
    FEED = 2
    SERIES = 3
    STANDALONE = 4
    ARTICLE = 5
    PLACEHOLDER = 6


class SmartView(enum.Enum):
    UNREAD = "unread"
    CONTINUE = "continue"  # the next unread part of every series in progress
    FOLLOWING = "following"  # followed series (as series rows), newest part first
    STARRED = "starred"
    NOTES = "notes"
    RECENT = "recent"

    @property
    def label(self) -> str:
        return {
            SmartView.UNREAD: "All unread",
            SmartView.CONTINUE: "Continue reading",
            SmartView.FOLLOWING: "Following",
            SmartView.STARRED: "Starred",
            SmartView.NOTES: "With notes",
            SmartView.RECENT: "Recently added",
        }[self]


Key = tuple[object, ...]


@dataclass(eq=False, slots=True)
class Node:
    type: NodeType
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    loaded: bool = False  # children fetched (lazy nodes only)
    loading: bool = False
    more: bool = False  # a smart view with more articles than loaded so far
    alive: bool = True  # False once removed from the model
    feed: Feed | None = None
    series: Series | None = None
    article: Article | None = None
    smart: SmartView | None = None
    feed_id: int | None = None  # feed of a series, standalone group, article or placeholder
    series_id: int | None = None  # series of a placeholder, or of an article listed in it
    part: int | None = None  # a placeholder's first missing part
    last: int | None = None  # a placeholder's last missing part (a run: "Parts 1–12")
    total: int = 0  # standalone group / smart view: articles
    unread: int = 0  # standalone group / smart view: unread articles

    @property
    def key(self) -> Key:
        if self.type is NodeType.FEED:
            return ("feed", self.feed_id)
        if self.type is NodeType.SERIES:
            return ("series", self.series.id if self.series else None)
        if self.type is NodeType.STANDALONE:
            return ("standalone", self.feed_id)
        if self.type is NodeType.ARTICLE:
            return ("article", self.article.id if self.article else None)
        if self.type is NodeType.PLACEHOLDER:
            return ("missing", self.series_id, self.part, self.last)
        if self.type is NodeType.SMART:
            return ("smart", self.smart.value if self.smart else None)
        return ("root",)

    @property
    def lazy(self) -> bool:
        return self.type in (NodeType.SMART, NodeType.FEED, NodeType.SERIES, NodeType.STANDALONE)

    @property
    def item_id(self) -> int | str | None:
        """The id the window maps a row to (feed, series or article id; smart view name)."""
        if self.type is NodeType.FEED:
            return self.feed_id
        if self.type is NodeType.SERIES:
            return self.series.id if self.series else None
        if self.type is NodeType.ARTICLE:
            return self.article.id if self.article else None
        if self.type is NodeType.SMART:
            return self.smart.value if self.smart else None
        if self.type is NodeType.PLACEHOLDER:
            return self.series_id
        return self.feed_id

    def __repr__(self) -> str:
        return f"Node({self.type.name}, {self.key!r}, {len(self.children)} children)"

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)

    def payload(self) -> tuple[object, ...]:
        """What a row shows: equal payloads need no repaint."""
        return (self.feed, self.series, self.article, self.total, self.unread)

    def take_payload(self, other: Node) -> bool:
        """Copy what ``other`` shows; True when something changed."""
        changed = self.payload() != other.payload()
        self.feed, self.series, self.article = other.feed, other.series, other.article
        self.total, self.unread = other.total, other.unread
        self.feed_id, self.series_id = other.feed_id, other.series_id
        return changed


def feed_node(feed: Feed) -> Node:
    return Node(NodeType.FEED, feed=feed, feed_id=feed.id)


def series_node(series: Series) -> Node:
    return Node(NodeType.SERIES, series=series, feed_id=series.feed_id)


def article_node(article: Article, *, in_series: bool = False) -> Node:
    return Node(
        NodeType.ARTICLE,
        article=article,
        feed_id=article.feed_id,
        series_id=article.series_id if in_series else None,
    )


def root_nodes(feeds: list[Feed]) -> list[Node]:
    """The top rows: the smart views, then every feed (``feeds`` in display order)."""
    unread = sum(f.unread_count for f in feeds)
    smart = []
    for view in SmartView:
        node = Node(NodeType.SMART, smart=view)
        if view is SmartView.UNREAD:
            node.total = node.unread = unread
        smart.append(node)
    return smart + [feed_node(f) for f in feeds]


def _id_of(key: Key) -> int:
    """The id in a feed, series or standalone key."""
    value = key[1]
    if not isinstance(value, int):
        raise TypeError(f"not an id key: {key!r}")
    return value


class TreeLoader:
    """Reads that produce the children of one node (thread-safe: plain reads).

    ``reads`` is None while the window paints rows launch peeked at, before the library
    is open: nothing may load children then.
    """

    def __init__(
        self, reads: TreeReads | None, *, unread_only: bool = False, sort: str = "published_desc"
    ) -> None:
        self.reads = reads
        self.unread_only = unread_only
        self.sort = sort

    def require_reads(self) -> TreeReads:
        if self.reads is None:
            raise RuntimeError("the tree has no library yet")
        return self.reads

    def children(
        self, key: Key, limit: int | None = None, *, known: Series | None = None
    ) -> list[Node]:
        """``known``: the series record the tree already holds for a series key (from
        its feed's read), so its rows are read without reading the series again."""
        kind = key[0]
        if kind == "root":
            return self.root_children()
        if kind == "feed":
            return self.feed_children(_id_of(key))
        if kind == "series":
            return self.series_children(_id_of(key), known)
        if kind == "standalone":
            return self.standalone_children(_id_of(key))
        if kind == "smart":
            return self.smart_children(SmartView(key[1]), limit or PAGE_SIZE)
        return []

    def root_children(self) -> list[Node]:
        return root_nodes(self.require_reads().list_feeds())

    def feed_children(self, feed_id: int) -> list[Node]:
        feed = self.require_reads().get_feed(feed_id)
        series = self.require_reads().list_series(feed_id=feed_id)
        nodes = [
            series_node(s) for s in series if not self.unread_only or s.read_count < s.article_count
        ]
        total = feed.article_count - sum(s.article_count for s in series)
        unread = feed.unread_count - sum(s.article_count - s.read_count for s in series)
        if total > 0 and (unread > 0 or not self.unread_only):
            nodes.append(
                Node(NodeType.STANDALONE, feed_id=feed_id, total=total, unread=max(0, unread))
            )
        return nodes

    def series_children(self, series_id: int, known: Series | None = None) -> list[Node]:
        articles = self.require_reads().list_articles(
            ArticleQuery(series_id=series_id, order="part", unread_only=self.unread_only)
        )
        nodes = [article_node(a, in_series=True) for a in articles]
        if self.unread_only:
            return nodes
        if known is not None and known.id == series_id:
            # The gaps from the parts just read (what ``Series.missing`` is made of): a
            # second read of the series was a third of the time of opening it.
            feed_id = known.feed_id
            gaps = () if known.kind == "recurring" else missing_among(articles)
        else:
            series = self.require_reads().get_series(series_id)
            feed_id, gaps = series.feed_id, series.missing
        # One row per run of missing parts: a series holding parts 13 and 16 shows
        # "Parts 1–12" and "Parts 14–15", not fourteen grey rows around its two.
        missing = [
            Node(
                NodeType.PLACEHOLDER,
                feed_id=feed_id,
                series_id=series_id,
                part=first,
                last=last,
            )
            for first, last in part_runs(gaps)
        ]
        # Merge the placeholders into part order; the articles come in reading order
        # (an unnumbered one where its date falls), and a run goes before the first
        # numbered part past it.
        out: list[Node] = []
        for node in nodes:
            part = node.article.part if node.article else None
            while (
                missing
                and part is not None
                and missing[0].part is not None
                and missing[0].part < part
            ):
                out.append(missing.pop(0))
            out.append(node)
        return out + missing

    def standalone_children(self, feed_id: int) -> list[Node]:
        articles = self.require_reads().list_articles(
            ArticleQuery(
                feed_id=feed_id,
                standalone_only=True,
                unread_only=self.unread_only,
                order=self.sort,
            )
        )
        return [article_node(a) for a in articles]

    def smart_query(self, view: SmartView, limit: int) -> ArticleQuery:
        if view is SmartView.UNREAD:
            return ArticleQuery(unread_only=True, order=self.sort, limit=limit)
        if view is SmartView.STARRED:
            return ArticleQuery(
                starred_only=True, unread_only=self.unread_only, order=self.sort, limit=limit
            )
        if view is SmartView.NOTES:
            return ArticleQuery(
                with_notes=True, unread_only=self.unread_only, order=self.sort, limit=limit
            )
        since = datetime.now(UTC) - timedelta(days=RECENT_DAYS)
        return ArticleQuery(
            since=since, unread_only=self.unread_only, order="first_seen_desc", limit=limit
        )

    def smart_children(self, view: SmartView, limit: int) -> list[Node]:
        if view is SmartView.FOLLOWING:
            return [series_node(s) for s in self.require_reads().followed_series()[:limit]]
        if view is SmartView.CONTINUE:
            return [article_node(a) for a in self.require_reads().continue_reading(limit)]
        return [
            article_node(a)
            for a in self.require_reads().list_articles(self.smart_query(view, limit))
        ]
