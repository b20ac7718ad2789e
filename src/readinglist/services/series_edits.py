"""The reader's corrections to series: create, rename, note, follow, merge, move.

Why its own module: these are user-owned and survive every later sync (the store keeps
them as overrides), and several are compounds the window used to do in two store calls
("move into a new series"). Here each is one verb returning ``Changes``: the series
before *and* after a move, their feeds, and the articles that moved.
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.model.changes import Changes
from readinglist.model.records import Undone
from readinglist.services.reads import LibraryReads
from readinglist.services.results import NewSeries


class SeriesEdits(LibraryReads):
    """Series corrections, each returning ``Changes`` (or ``NewSeries``)."""

    def _series_changes(self, *series_ids: int) -> Changes:
        """The series themselves and their feeds (one lookup each; user edits are few)."""
        feeds = {self.store.get_series(sid).feed_id for sid in series_ids}
        return Changes.of(feeds=feeds, series=series_ids)

    def create_series(self, feed_id: int, name: str) -> NewSeries:
        """A series the user makes by hand (for moving articles into); empty at first."""
        series = self.store.create_series(feed_id, name)
        return NewSeries(series, Changes.of(feeds=(feed_id,), series=(series.id,)))

    def rename_series(self, series_id: int, name: str | None) -> Changes:
        """Rename a series; an empty name returns to the detected one."""
        with self.store.transaction():
            self.store.record_correction("Rename series", [series_id])
            self.store.rename_series(series_id, name)
        return self._series_changes(series_id)

    def set_series_note(self, series_id: int, text: str | None) -> Changes:
        """Save a series' note (empty text removes it)."""
        self.store.set_series_note(series_id, text)
        return self._series_changes(series_id)

    def set_followed(self, series_id: int, followed: bool) -> Changes:
        """Follow (a new part brings a notification) or unfollow a series."""
        self.store.set_followed(series_id, followed)
        return self._series_changes(series_id)

    def merge_series(self, source_ids: Sequence[int], target_id: int) -> Changes:
        """Fold ``source_ids`` into ``target_id`` (later syncs follow the merge).

        ``changes.articles`` are the articles that moved (its length is the count the
        store used to return); ``changes.series`` the sources and the target."""
        self.store.get_series(target_id)  # an unknown target is named first, as before
        feeds_before = {self.store.get_series(sid).feed_id for sid in source_ids}
        with self.store.transaction():
            self.store.record_correction("Merge series", [*source_ids, target_id])
            moved = self.store.merge_series(source_ids, target_id)
        target = self.store.get_series(target_id)  # a merged target resolves to its own
        return self.touched(
            moved,
            series={*source_ids, target_id, target.id},
            feeds=feeds_before | {target.feed_id},
        )

    def move_articles(
        self, article_ids: Sequence[int], series_id: int | None, *, part: int | None = None
    ) -> Changes:
        """Put articles into a series by hand (None: standalone); survives every sync.

        Reports the articles with the series they left and the one they joined.

        A correction teaches the feed: when no post of a detected series is left in it,
        the next sync's new post of that series goes where the reader put the others
        (``Store.learn_from_move``)."""
        _feeds, before = self.store.feeds_and_series_of(article_ids)
        label = "Mark standalone" if series_id is None else "Move to series"
        with self.store.transaction():
            targets = [series_id] if series_id is not None else []
            self.store.record_correction(label, [*before, *targets], article_ids)
            return self._move_unrecorded(article_ids, series_id, part=part, before=before)

    def _move_unrecorded(
        self,
        article_ids: Sequence[int],
        series_id: int | None,
        *,
        part: int | None,
        before: set[int] | None = None,
    ) -> Changes:
        if before is None:
            _feeds, before = self.store.feeds_and_series_of(article_ids)
        with self.store.transaction():
            self.store.move_articles(article_ids, series_id, part=part)
            learned = self.store.learn_from_move(article_ids)
        return self.touched(article_ids, series={*before, *learned})

    def move_to_new_series(
        self, article_id: int, name: str, *, part: int | None = None
    ) -> NewSeries:
        """Make a series named ``name`` in the article's feed and move the article into it,
        in one transaction (the window's "Move to series… → new series")."""
        article = self.store.get_article(article_id)
        with self.store.transaction():
            series = self.store.create_series(article.feed_id, name)
            self.store.record_correction(
                "Move to a new series",
                [article.series_id] if article.series_id is not None else [],
                [article_id],
                created_series=[series.id],
            )
            changes = self._move_unrecorded([article_id], series.id, part=part)
        return NewSeries(self.store.get_series(series.id), changes)

    def confirm_series(self, series_id: int, confirmed: bool = True) -> Changes:
        """The reader says a guessed group is a series: it is no longer marked a guess."""
        with self.store.transaction():
            label = "Confirm series" if confirmed else "Mark as a guess"
            self.store.record_correction(label, [series_id])
            self.store.confirm_series(series_id, confirmed)
        return self._series_changes(series_id)

    def dismiss_series(self, series_id: int, dismissed: bool = True) -> Changes:
        """ "Not a series": its posts become standalone, and every later post detected
        into it too (remembered for the feed). ``dismissed=False`` undoes it."""
        series = self.store.get_series(series_id) if dismissed else None
        with self.store.transaction():
            label = "Not a series" if dismissed else "A series after all"
            self.store.record_correction(label, [series_id])
            moved = self.store.dismiss_series(series_id, dismissed)
        return self.touched(
            moved, series=[series_id], feeds=[series.feed_id] if series else ()
        ) | Changes.of(series=[series_id])

    def reset_series_override(self, article_ids: Sequence[int]) -> Changes:
        """Forget the user's series choice for these articles; the detected one applies."""
        _feeds, before = self.store.feeds_and_series_of(article_ids)
        with self.store.transaction():
            self.store.record_correction("Back to the detected series", before, article_ids)
            self.store.reset_series_override(article_ids)
        return self.touched(article_ids, series=before)

    def last_undoable(self) -> str | None:
        """What ``undo`` would take back ("Not a series", "Mark feed read", …), or None."""
        return self.store.last_undoable()

    def undo(self) -> Undone | None:
        """Take the newest series correction or bulk read mark back (Edit ▸ Undo,
        ``readinglist undo``).

        The reader's corrections and read state are the reader's: one made by mistake
        ("Not a series" clicked for "It is a series", a merge onto the wrong series, a
        feed marked read for another) must cost one keystroke, not an evening of moving
        posts back or finding what was unread. None when nothing is left."""
        return self.store.undo()

    def undone_changes(self, undone: Undone) -> Changes:
        """What an undo changed, for the window to repaint."""
        return self.touched(
            undone.article_ids, series=undone.series_ids, feeds=undone.feed_ids
        ) | Changes.of(series=undone.series_ids)
