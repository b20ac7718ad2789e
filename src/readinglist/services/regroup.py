"""Group stored feeds again when the series rules changed since they were grouped.

A sync groups a feed's posts only when the feed sends something (a 304 or the same
bytes leave them as they are), so after an update of readinglist a quiet feed would
keep the groups the old rules made, part 1 shown missing beside it, for as long as
its author stays silent. Each feed remembers which rules last grouped it
(``grouped_with``); each sync ends by grouping again, once, on the sync's own thread,
every feed still grouped by other rules (a feed that sent something was grouped as it
was stored, so none is grouped twice). What the reader said is kept: corrections are
columns no grouping writes, and a series' note, follow and answers follow its posts
to a new key (``storage.series_carry``).
"""

from __future__ import annotations

import threading

from readinglist import __version__
from readinglist.feeds.series.revision import RULES_REVISION
from readinglist.model.changes import NO_CHANGES, Changes
from readinglist.storage.store import Store

__all__ = ["GROUPING_VERSION", "regroup_stale"]

GROUPING_VERSION = f"{__version__}+rules.{RULES_REVISION}"
"""The rules a feed is grouped by now, as stored in ``feed.grouped_with``."""


def regroup_stale(store: Store, cancel: threading.Event | None = None) -> Changes:
    """Group again every feed grouped by other rules; what moved, for the window."""
    from readinglist.services.sync import regroup_feed  # sync marks feeds with our version

    changes = NO_CHANGES
    for feed_id in store.feeds_grouped_before(GROUPING_VERSION):
        if cancel is not None and cancel.is_set():
            break
        moved = regroup_feed(store, feed_id)
        store.mark_grouped(feed_id, GROUPING_VERSION)
        if moved:
            series = store.feeds_and_series_of(moved)[1]
            changes = changes | Changes.of(feeds=(feed_id,), series=series, articles=moved)
    return changes
