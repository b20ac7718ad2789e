"""What a write verb changed: the one value every face listens to.

Why: the window used to push each change to the screen by hand (a ``refresh([feed_id])``
after every verb, sometimes after asking the store again which feed an article belongs
to). Anki's ``OpChanges`` shows the better shape: every verb of the services returns
what it touched, the GUI broadcasts that value once, and the tree, the panes and the
notifier each decide what to redraw. The CLI ignores it or prints a count.

The value is small and frozen, and two of them combine with ``|`` so a compound verb
(or a sync of many feeds) can return one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


def _ids(values: Iterable[int] | None) -> frozenset[int]:
    return frozenset(values or ())


@dataclass(frozen=True)
class Changes:
    """Ids of what changed. ``feed_list`` is set when feeds were added, removed or
    renamed (the list of feeds itself changed, not only what is in them)."""

    feeds: frozenset[int] = field(default_factory=frozenset)
    series: frozenset[int] = field(default_factory=frozenset)
    articles: frozenset[int] = field(default_factory=frozenset)
    feed_list: bool = False

    @classmethod
    def of(
        cls,
        *,
        feeds: Iterable[int] | None = None,
        series: Iterable[int] | None = None,
        articles: Iterable[int] | None = None,
        feed_list: bool = False,
    ) -> Changes:
        """Build from any iterables (lists, sets, generators); ``None`` ids are dropped."""
        return cls(
            feeds=_ids(i for i in (feeds or ()) if i is not None),
            series=_ids(i for i in (series or ()) if i is not None),
            articles=_ids(i for i in (articles or ()) if i is not None),
            feed_list=feed_list,
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            feeds=self.feeds | other.feeds,
            series=self.series | other.series,
            articles=self.articles | other.articles,
            feed_list=self.feed_list or other.feed_list,
        )

    def __bool__(self) -> bool:
        return bool(self.feeds or self.series or self.articles or self.feed_list)


NO_CHANGES = Changes()
