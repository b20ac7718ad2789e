"""The reader's settings for one feed, in its menu in the tree.

"Full text ▸ Automatic / On request / Never" (``services.fulltext``) and "Follow the
site's series" (``services.backfill.site_follow``): both are user-owned, stored per
feed, read as the menu opens and written at once. Kept apart from ``series_tree`` so
that the tree's menu stays a list of actions and each setting says what it means here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from readinglist.model.changes import Changes
from readinglist.model.errors import ReadingListError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from readinglist.services.library import Library

#: Runs one write under a description ("change the feed"), publishing what it changed
#: or saying why it could not be done; True when it was done (``SeriesTree._guard``).
Guard = Callable[[str, Callable[[], Changes | None]], bool]

#: The full-text policies as the feed menu names them (``services.fulltext``).
FULLTEXT_CHOICES = (
    ("auto", "Automatic (for feeds of teasers)"),
    ("ask", "On request"),
    ("never", "Never"),
)

FOLLOW_LABEL = "Follow the site's series (new posts at each sync)"


def add_feed_settings(
    menu: QMenu, feed_id: int, library: Library, guard: Guard, say: Callable[[str], None]
) -> None:
    """Append the feed's settings to its menu; nothing when the feed cannot be read."""
    try:
        policy = library.fulltext_policy(feed_id)
        follows = library.follows_site_series(feed_id)
    except ReadingListError:
        return
    from PySide6.QtGui import QActionGroup
    from PySide6.QtWidgets import QMenu  # on use: its classes cost start-up time

    follow = menu.addAction(
        FOLLOW_LABEL, lambda: set_follow_site_series(feed_id, not follows, library, guard, say)
    )
    follow.setCheckable(True)
    follow.setChecked(follows)
    sub = QMenu("Full text", menu)  # parented: Qt keeps it as long as the menu
    menu.addMenu(sub)
    group = QActionGroup(sub)  # one of three: drawn as radio items
    for choice, label in FULLTEXT_CHOICES:
        action = sub.addAction(
            label, lambda p=choice: set_fulltext_policy(feed_id, p, library, guard, say)
        )
        action.setCheckable(True)
        action.setChecked(choice == policy)
        group.addAction(action)


def set_fulltext_policy(
    feed_id: int, policy: str, library: Library, guard: Guard, say: Callable[[str], None]
) -> None:
    if guard("change the feed", lambda: library.set_fulltext_policy(feed_id, policy)):
        say(f"Full text for this feed: {dict(FULLTEXT_CHOICES)[policy].lower()}.")


def set_follow_site_series(
    feed_id: int, follow: bool, library: Library, guard: Guard, say: Callable[[str], None]
) -> None:
    if guard("change the feed", lambda: library.set_follow_site_series(feed_id, follow)):
        if follow:
            say("Each sync that brings this feed new posts reads their series from its site.")
        else:
            say("New posts of this feed are no longer read from its site (nothing is undone).")
