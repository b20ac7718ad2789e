"""The feed rows for the window's first paint, read before the library is opened.

The window paints its feed list while peewee and the rest of the library load, then
opens the library on the next event-loop turn (``gui/launch``). This is the one verb
that runs before ``Library.open``, so it lives apart from ``library.py`` (which loads
peewee) and costs only ``sqlite3`` and the ``Feed`` record to import.

``None`` means "open the library first": the peek never decides anything about the
file, it only declines (see ``storage/feed_list``).
"""

from __future__ import annotations

from pathlib import Path

from readinglist.model.feed_row import Feed
from readinglist.services import paths
from readinglist.storage import feed_list


def peek_feeds(data_dir: Path) -> list[Feed] | None:
    """The subscribed feeds of the library in ``data_dir`` with their counts, as
    ``Library.list_feeds`` would give them; ``None`` when the library must be opened
    (and perhaps migrated or refused) first."""
    return feed_list.peek_feeds(paths.database_path(data_dir))
