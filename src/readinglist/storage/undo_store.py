"""Taking an action back: the state before it, kept in the library.

Why in the library and not in the window's memory: "Not a series" is one click beside
"It is a series", a merge or a move can scatter a series the reader cannot rebuild
from memory, and "Mark feed read" on the wrong feed hides hundreds of unread posts.
Kept here, the window's Edit ▸ Undo and ``readinglist undo`` are one verb, and an action
made in the window can be taken back from a script after a restart.

A bulk read mark keeps the posts it changed (``record_marks``); undoing marks them back.

What is kept is exactly what a correction may write: the user-owned columns of the
series it touched (name, follow, merge, confirm, dismiss) and of their posts (the
reader's series, standalone and part choices, and the series shown). Undoing writes
them back; a post that arrived since and was detected into one of those series follows
detection again, as if the correction had never been made. Only the newest
``KEEP`` corrections are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import peewee as pw

from readinglist.model.records import Undone
from readinglist.storage.chunks import chunks
from readinglist.storage.feed_store import utcnow
from readinglist.storage.schema import ArticleRow, CorrectionUndoRow, SeriesRow

KEEP = 20
"""How many corrections can be taken back, newest first."""


class UndoStore:
    db: pw.SqliteDatabase

    def record_correction(
        self,
        label: str,
        series_ids: Iterable[int],
        article_ids: Iterable[int] = (),
        *,
        created_series: Iterable[int] = (),
    ) -> None:
        """Keep how ``series_ids`` (with the series merged into them or they into)
        and their posts, plus ``article_ids``, stand now: call it just before the
        correction, in its transaction. ``created_series`` are series the correction
        made itself; undoing removes them when no post is left in them. The first of
        ``series_ids`` is the one the window shows when the correction is undone."""
        with self.db.atomic():
            named = list(dict.fromkeys(series_ids))
            articles = set(article_ids)
            # the series detection put the posts in: a move may teach the feed through
            # them (``learn_from_move`` dismisses or merges one), which undo gives back
            detected = {
                d
                for (d,) in ArticleRow.select(ArticleRow.detected_series)
                .where(
                    ArticleRow.id.in_(sorted(articles)) & ArticleRow.detected_series.is_null(False)
                )
                .tuples()
            }
            scope = self._with_merges(set(named) | set(created_series) | detected)
            series_rows = list(
                SeriesRow.select(
                    SeriesRow.id,
                    SeriesRow.user_name,
                    SeriesRow.followed,
                    SeriesRow.merged_into,
                    SeriesRow.confirmed,
                    SeriesRow.dismissed,
                )
                .where(SeriesRow.id.in_(sorted(scope)))
                .tuples()
            )
            member = ArticleRow.id.in_(sorted(articles))
            if scope:
                ids = sorted(scope)
                member |= (
                    ArticleRow.series.in_(ids)
                    | ArticleRow.detected_series.in_(ids)
                    | ArticleRow.series_override.in_(ids)
                )
            article_rows = list(
                ArticleRow.select(
                    ArticleRow.id,
                    ArticleRow.series,
                    ArticleRow.series_override,
                    ArticleRow.standalone_override,
                    ArticleRow.part_override,
                )
                .where(member)
                .tuples()
            )
            state = {
                "series": [list(r) for r in series_rows],
                "articles": [list(r) for r in article_rows],
                "created_series": sorted(set(created_series)),
                "focus": named[0] if named else None,
            }
            self._keep(label, state)

    def last_undoable(self) -> str | None:
        """The label of the correction ``undo`` would take back, if any."""
        row = (
            CorrectionUndoRow.select(CorrectionUndoRow.label)
            .order_by(CorrectionUndoRow.id.desc())
            .first()
        )
        return row.label if row is not None else None

    def record_marks(self, label: str, article_ids: Iterable[int], read: bool) -> None:
        """Keep that ``article_ids`` were just marked ``read`` (or unread) at once — a
        series, a feed, its standalone posts — so undoing marks them back."""
        ids = sorted(set(article_ids))
        if not ids:
            return
        with self.db.atomic():
            state = {"marks": {"read": read, "ids": ids}}
            self._keep(label, state)

    def undo(self) -> Undone | None:
        """Take the newest undoable action back; None when there is none left."""
        with self.db.atomic():
            row = CorrectionUndoRow.select().order_by(CorrectionUndoRow.id.desc()).first()
            if row is None:
                return None
            state: dict[str, Any] = json.loads(row.state)
            if "marks" in state:
                undone = self._undo_marks(row.label, state["marks"])
            else:
                undone = self._undo_correction(row.label, state)
            row.delete_instance()
        return undone

    def _undo_correction(self, label: str, state: dict[str, Any]) -> Undone:
        series_ids = [int(s[0]) for s in state["series"]]
        existing = {
            i
            for (i,) in SeriesRow.select(SeriesRow.id).where(SeriesRow.id.in_(series_ids)).tuples()
        }
        for sid, user_name, followed, merged_into, confirmed, dismissed in state["series"]:
            if sid not in existing:
                continue  # regrouped away since: nothing to give back
            SeriesRow.update(
                user_name=user_name,
                followed=bool(followed),
                merged_into=merged_into if merged_into in existing else None,
                confirmed=bool(confirmed),
                dismissed=bool(dismissed),
            ).where(SeriesRow.id == sid).execute()
        moved = self._restore_articles(state["articles"], existing)
        moved |= self._follow_detection(existing, {int(a[0]) for a in state["articles"]})
        for sid in state.get("created_series", []):
            if sid in existing and not self._has_posts(sid):
                SeriesRow.delete().where(
                    (SeriesRow.id == sid) & (SeriesRow.user_created == True)  # noqa: E712
                ).execute()
        feeds = {
            f
            for (f,) in SeriesRow.select(SeriesRow.feed)
            .where(SeriesRow.id.in_(sorted(existing)))
            .tuples()
        }
        return Undone(
            label=label,
            article_ids=tuple(sorted(moved)),
            series_ids=tuple(sorted(existing)),
            feed_ids=tuple(sorted(feeds)),
            focus_series=state.get("focus") if state.get("focus") in existing else None,
        )

    def _undo_marks(self, label: str, marks: dict[str, Any]) -> Undone:
        """Mark back the posts a bulk mark changed (those still in the library)."""
        back = not marks["read"]
        changed: set[int] = set()
        for chunk in chunks([int(i) for i in marks["ids"]]):
            ids = list(chunk)
            changed.update(
                a
                for (a,) in ArticleRow.select(ArticleRow.id)
                .where(ArticleRow.id.in_(ids) & (ArticleRow.read != back))
                .tuples()
            )
            ArticleRow.update(read=back, read_at=utcnow() if back else None).where(
                ArticleRow.id.in_(ids) & (ArticleRow.read != back)
            ).execute()
        return Undone(label=label, article_ids=tuple(sorted(changed)), series_ids=(), feed_ids=())

    # --- helpers ------------------------------------------------------------------------

    def _keep(self, label: str, state: dict[str, Any]) -> None:
        """One more action to undo; the oldest past ``KEEP`` go."""
        CorrectionUndoRow.create(label=label, created=utcnow(), state=json.dumps(state))
        newest = CorrectionUndoRow.select(CorrectionUndoRow.id).order_by(
            CorrectionUndoRow.id.desc()
        )
        CorrectionUndoRow.delete().where(CorrectionUndoRow.id.not_in(newest.limit(KEEP))).execute()

    def _with_merges(self, series_ids: set[int]) -> set[int]:
        """``series_ids`` with the series merged into them and those they were merged into."""
        if not series_ids:
            return set()
        ids = sorted(series_ids)
        rows = SeriesRow.select(SeriesRow.id, SeriesRow.merged_into).where(
            SeriesRow.id.in_(ids) | SeriesRow.merged_into.in_(ids)
        )
        found = set(series_ids)
        for sid, target in rows.tuples():
            found.add(sid)
            if target is not None:
                found.add(target)
        return found

    def _restore_articles(self, rows: list[list[Any]], existing: set[int]) -> set[int]:
        """Write the kept choices back; returns the posts whose series changed."""
        moved: set[int] = set()
        current = {
            aid: series
            for aid, series in ArticleRow.select(ArticleRow.id, ArticleRow.series)
            .where(ArticleRow.id.in_([int(r[0]) for r in rows]))
            .tuples()
        }
        for aid, series, override, standalone, part in rows:
            if aid not in current:
                continue  # removed since (its feed unsubscribed)
            if override is not None and override not in existing:
                override = None
            values: dict[Any, Any] = {
                ArticleRow.series_override: override,
                ArticleRow.standalone_override: bool(standalone),
                ArticleRow.part_override: part,
            }
            if series is None or series in existing:
                values[ArticleRow.series] = series
            else:
                values[ArticleRow.series] = (
                    self._detected_series(aid) if override is None else override
                )
            ArticleRow.update(values).where(ArticleRow.id == aid).execute()
            if values[ArticleRow.series] != current[aid]:
                moved.add(aid)
        return moved

    def _follow_detection(self, series_ids: set[int], kept: set[int]) -> set[int]:
        """Posts detected into these series since the correction, with no choice of the
        reader's, show the series detection gives them now."""
        moved: set[int] = set()
        rows = (
            ArticleRow.select(ArticleRow.id, ArticleRow.series)
            .where(
                ArticleRow.detected_series.in_(sorted(series_ids))
                & ArticleRow.series_override.is_null()
                & (ArticleRow.standalone_override == False)  # noqa: E712
            )
            .tuples()
        )
        for aid, series in rows:
            if aid in kept:
                continue
            shown = self._detected_series(aid)
            if shown != series:
                ArticleRow.update(series=shown).where(ArticleRow.id == aid).execute()
                moved.add(aid)
        return moved

    def _detected_series(self, article_id: int) -> int | None:
        """The series detection puts a post in: through a merge, none when dismissed."""
        detected = (
            ArticleRow.select(ArticleRow.detected_series)
            .where(ArticleRow.id == article_id)
            .scalar()
        )
        if detected is None:
            return None
        row = SeriesRow.get_or_none(SeriesRow.id == detected)
        if row is None:
            return None
        if row.merged_into_id is not None:
            row = SeriesRow.get_or_none(SeriesRow.id == row.merged_into_id) or row
        return None if row.dismissed else int(row.id)

    def _has_posts(self, series_id: int) -> bool:
        return (
            ArticleRow.select()
            .where((ArticleRow.series == series_id) | (ArticleRow.series_override == series_id))
            .exists()
        )
