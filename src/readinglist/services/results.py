"""Small frozen results of the verbs that give back more than ``Changes``.

Why: every write verb returns what it changed (``model.changes.Changes``) so the window
can broadcast it once. Most verbs have nothing else to say, or their count is
``len(changes.articles)``. The few below also make or keep something a face needs to
name (a new series' id, how many annotated articles an unsubscribe kept, the feed a
subscribe added), so they return that value beside ``changes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from readinglist.model.changes import Changes
from readinglist.model.records import Feed, Highlight, Series, SyncSummary


@dataclass(frozen=True, slots=True)
class NewSeries:
    """A series the user made (``create_series``, ``move_to_new_series``)."""

    series: Series
    changes: Changes


@dataclass(frozen=True, slots=True)
class FeedRemoved:
    """``remove_feed``: ``kept`` articles with notes or stars stayed in the library."""

    kept: int
    changes: Changes


class Subscription(NamedTuple):
    """``subscribe``'s answer. A 2-tuple so ``feed, summary = lib.subscribe(...)`` keeps
    working; ``changes`` adds the new feed to what its first sync stored."""

    feed: Feed
    summary: SyncSummary | None

    @property
    def changes(self) -> Changes:
        added = Changes.of(feeds=(self.feed.id,), feed_list=True)
        return added if self.summary is None else added | self.summary.changes


@dataclass(frozen=True, slots=True)
class Highlighted:
    """``highlight`` and ``set_highlight_note``: the highlight as stored, and the
    article it belongs to as ``changes``."""

    highlight: Highlight
    changes: Changes


@dataclass(frozen=True, slots=True)
class FullText:
    """``fetch_fulltext``: the text's length in words, whether the page was fetched now
    (False: the stored text was kept), and the article as ``changes`` when it was."""

    words: int
    fetched: bool
    changes: Changes
