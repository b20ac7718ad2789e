"""Series verbs: listing with progress and gaps, and the user's corrections.

Renames, merges, moves, notes and follows are user-owned: a sync only ever adds series
rows and updates their detected name.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import peewee as pw

from readinglist.model.errors import SeriesEditError, SeriesNotFoundError
from readinglist.model.parts import covered, in_reading_order, missing_around_unnumbered
from readinglist.model.records import Article, Series, reading_minutes
from readinglist.storage.convert import (
    EFFECTIVE_PART,
    EFFECTIVE_PART_LAST,
    EFFECTIVE_WORD_COUNT,
    article_from_tuple,
    article_select,
    in_series_order,
)
from readinglist.storage.feed_store import utcnow
from readinglist.storage.schema import ArticleRow, SeriesRow


class SeriesStore:
    db: pw.SqliteDatabase

    def _series_row(self, series_id: int) -> SeriesRow:
        row = SeriesRow.get_or_none(SeriesRow.id == series_id)
        if row is None:
            raise SeriesNotFoundError(f"no series with id {series_id}")
        return row

    def list_series(
        self, *, feed_id: int | None = None, series_ids: Sequence[int] | None = None
    ) -> list[Series]:
        """Series that hold at least one article (or that the user created), with progress."""
        rows = SeriesRow.select().where(SeriesRow.merged_into.is_null())
        if feed_id is not None:
            rows = rows.where(SeriesRow.feed == feed_id)
        if series_ids is not None:
            rows = rows.where(SeriesRow.id.in_(list(series_ids)))
        series_rows = {row.id: row for row in rows}
        if not series_rows:
            return []
        members: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        articles = ArticleRow.select(
            ArticleRow.series,
            ArticleRow.id,
            EFFECTIVE_PART,
            ArticleRow.read,
            pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen),
            EFFECTIVE_WORD_COUNT,
            EFFECTIVE_PART_LAST,
        ).where(ArticleRow.series.is_null(False) & (ArticleRow.hidden == False))  # noqa: E712
        if feed_id is not None or series_ids is not None:
            articles = articles.where(ArticleRow.series.in_(list(series_rows)))
        for sid, *rest in articles.tuples():
            members[sid].append(tuple(rest))
        result = []
        for sid, row in series_rows.items():
            items = members.get(sid, [])
            if not items and not row.user_created:
                continue
            result.append(self._series_from(row, items))
        result.sort(key=lambda s: (s.feed_id, s.name.lower(), s.id))
        return result

    @staticmethod
    def _series_from(row: SeriesRow, items: list[tuple[Any, ...]]) -> Series:
        # items: (article_id, part, read, date, effective word_count, last part covered)
        ordered = in_reading_order(items, lambda i: (i[1], i[3], i[0]))
        numbered = [(n, i[3]) for i in items if i[1] is not None for n in covered(i[1], i[5])]
        parts = sorted({n for n, _ in numbered})
        unread = [i for i in ordered if not i[2]]
        return Series(
            id=row.id,
            feed_id=row.feed_id,
            key=row.key,
            name=row.user_name or row.detected_name or row.key,
            note=row.note,
            followed=bool(row.followed),
            parts=tuple(parts),
            missing=(
                missing_around_unnumbered(numbered, [i[3] for i in items if i[1] is None])
                if row.kind != "recurring"
                else ()
            ),
            article_count=len(items),
            read_count=len(items) - len(unread),
            next_unread_id=unread[0][0] if unread else None,
            minutes_left=sum(reading_minutes(i[4] or 0) for i in unread),
            kind=row.kind,
            # a guess until the reader confirms it, names it or made it
            guess=row.strength == "weak"
            and not (row.confirmed or row.user_name or row.user_created),
            why=row.why,
        )

    def get_series(self, series_id: int) -> Series:
        row = self._series_row(series_id)
        if row.merged_into_id is not None:
            return self.get_series(row.merged_into_id)
        found = self.list_series(series_ids=[series_id])
        if found:
            return found[0]
        return self._series_from(row, [])

    def series_kind(self, series_id: int) -> str:
        """ "multipart" or "recurring" (a column): one row, for the article pane's header,
        which asks on every article switch and needs nothing else of the series."""
        row = self._series_row(series_id)
        if row.merged_into_id is not None:
            return self.series_kind(row.merged_into_id)
        return str(row.kind)

    def create_series(self, feed_id: int, name: str) -> Series:
        """A series the user made by hand (for moving articles into)."""
        row = SeriesRow.create(
            feed=feed_id,
            key=f"user:{uuid.uuid4().hex}",
            detected_name=name,
            user_name=name,
            user_created=True,
            created=utcnow(),
        )
        return self._series_from(row, [])

    def rename_series(self, series_id: int, name: str | None) -> None:
        """Rename; an empty name returns to the detected one."""
        self._series_row(series_id)
        SeriesRow.update(user_name=(name or "").strip() or None).where(
            SeriesRow.id == series_id
        ).execute()

    def set_series_note(self, series_id: int, text: str | None) -> None:
        self._series_row(series_id)
        note = text if text and text.strip() else None
        SeriesRow.update(note=note, note_updated=utcnow() if note else None).where(
            SeriesRow.id == series_id
        ).execute()

    def set_followed(self, series_id: int, followed: bool) -> None:
        self._series_row(series_id)
        SeriesRow.update(followed=followed).where(SeriesRow.id == series_id).execute()

    def merge_series(self, source_ids: Sequence[int], target_id: int) -> list[int]:
        """Fold ``source_ids`` into ``target_id``.

        Recorded on the source rows (``merged_into``) so later syncs that still detect
        the old key land in the target. Returns the ids of the articles that moved.
        """
        target = self._series_row(target_id)
        if target.merged_into_id is not None:
            target_id = target.merged_into_id
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        for sid in sources:
            self._series_row(sid)
        moved: list[int] = []
        with self.db.atomic():
            for sid in sources:
                SeriesRow.update(merged_into=target_id).where(
                    (SeriesRow.id == sid) | (SeriesRow.merged_into == sid)
                ).execute()
                ArticleRow.update(series_override=target_id).where(
                    ArticleRow.series_override == sid
                ).execute()
                moved.extend(
                    a
                    for (a,) in ArticleRow.select(ArticleRow.id)
                    .where(ArticleRow.series == sid)
                    .tuples()
                )
                ArticleRow.update(series=target_id).where(ArticleRow.series == sid).execute()
            if (
                target.followed is False
                and SeriesRow.select()
                .where(
                    SeriesRow.id.in_(sources) & (SeriesRow.followed == True)  # noqa: E712
                )
                .exists()
            ):
                SeriesRow.update(followed=True).where(SeriesRow.id == target_id).execute()
        return moved

    def move_articles(
        self, article_ids: Sequence[int], series_id: int | None, *, part: int | None = None
    ) -> None:
        """Put articles into a series by hand (``None``: mark them standalone).

        The choice is user-owned and survives every later sync.
        """
        with self.db.atomic():
            if series_id is not None:
                row = self._series_row(series_id)
                series_id = row.merged_into_id or series_id
            ids = list(dict.fromkeys(article_ids))
            values: dict[Any, Any] = {
                ArticleRow.series_override: series_id,
                ArticleRow.standalone_override: series_id is None,
                ArticleRow.series: series_id,
            }
            if part is not None or series_id is None:
                values[ArticleRow.part_override] = part
            ArticleRow.update(values).where(ArticleRow.id.in_(ids)).execute()

    def confirm_series(self, series_id: int, confirmed: bool = True) -> None:
        """The reader says a guessed group is a series (it is no longer marked)."""
        self._series_row(series_id)
        SeriesRow.update(confirmed=confirmed).where(SeriesRow.id == series_id).execute()

    def dismiss_series(self, series_id: int, dismissed: bool = True) -> list[int]:
        """ "Not a series": its detected posts become standalone, and so will every later
        post detected into it (the sync remembers). ``dismissed=False`` undoes it. Posts
        the reader put into it by hand stay. Returns the ids of the articles that moved."""
        row = self._series_row(series_id)
        if row.user_created:
            raise SeriesEditError(f"series {series_id} is one you made; move its posts out instead")
        with self.db.atomic():
            SeriesRow.update(dismissed=dismissed, confirmed=False).where(
                SeriesRow.id == series_id
            ).execute()
            detected_here = (
                ArticleRow.detected_series.in_(
                    SeriesRow.select(SeriesRow.id).where(
                        (SeriesRow.id == series_id) | (SeriesRow.merged_into == series_id)
                    )
                )
                & ArticleRow.series_override.is_null()
                & (ArticleRow.standalone_override == False)  # noqa: E712
            )
            moved = [a for (a,) in ArticleRow.select(ArticleRow.id).where(detected_here).tuples()]
            ArticleRow.update(series=None if dismissed else series_id).where(
                ArticleRow.id.in_(moved)
            ).execute()
        return moved

    def learn_from_move(self, article_ids: Sequence[int]) -> list[int]:
        """After the reader moved articles by hand: a detected series none of whose posts
        is left in it is remembered as the reader answered it, so the next sync's new
        post of that series goes the same way — into the series the posts were moved to
        (a merge), or standalone ("not a series"). Returns the series ids it changed."""
        detected = {
            d
            for (d,) in ArticleRow.select(ArticleRow.detected_series)
            .where(ArticleRow.id.in_(list(article_ids)) & ArticleRow.detected_series.is_null(False))
            .tuples()
        }
        learned: list[int] = []
        for sid in sorted(detected):
            members = list(
                ArticleRow.select(ArticleRow.series_override, ArticleRow.standalone_override)
                .where(ArticleRow.detected_series == sid)
                .tuples()
            )
            if not members or any(o is None and not alone for o, alone in members):
                continue  # some posts still follow detection: nothing to learn
            targets = {o for o, _alone in members}
            if targets == {None}:
                SeriesRow.update(dismissed=True).where(SeriesRow.id == sid).execute()
                learned.append(sid)
            elif len(targets) == 1:
                (target,) = targets
                if target != sid:
                    SeriesRow.update(merged_into=target).where(SeriesRow.id == sid).execute()
                    learned.append(sid)
        return learned

    def reset_series_override(self, article_ids: Sequence[int]) -> None:
        """Forget the user's series choice; the detected series applies again."""
        with self.db.atomic():
            for aid in dict.fromkeys(article_ids):
                row = ArticleRow.get_or_none(ArticleRow.id == aid)
                if row is None:
                    continue
                detected = row.detected_series_id
                if detected is not None:
                    merged = SeriesRow.get_by_id(detected).merged_into_id
                    detected = merged or detected
                ArticleRow.update(
                    series_override=None,
                    standalone_override=False,
                    part_override=None,
                    series=detected,
                ).where(ArticleRow.id == aid).execute()

    # --- following and continuing (one or two queries each, whatever the library size) --

    def followed_series(self) -> list[Series]:
        """Followed series, the one with the newest article (first seen) first.

        A sync or a backfill that brings a new part floats its series to the top.
        """
        rows = self.db.execute_sql(
            """
            SELECT s.id, MAX(a.first_seen) AS latest
            FROM series s
            JOIN feed f ON f.id = s.feed_id AND f.unsubscribed = 0
            LEFT JOIN article a ON a.series_id = s.id AND a.hidden = 0
            WHERE s.followed = 1 AND s.merged_into_id IS NULL
            GROUP BY s.id
            ORDER BY latest IS NULL, latest DESC, s.id
            """
        ).fetchall()
        order = {int(sid): i for i, (sid, _latest) in enumerate(rows)}
        if not order:
            return []
        found = self.list_series(series_ids=list(order))
        return sorted(found, key=lambda s: order[s.id])

    def followed_series_ids(self) -> set[int]:
        query = SeriesRow.select(SeriesRow.id).where(SeriesRow.followed == True)  # noqa: E712
        return {int(sid) for (sid,) in query.tuples()}

    def continue_reading(self, limit: int = 200) -> list[Article]:
        """For every series in progress (some parts read, some not) its next unread part.

        The next part is the lowest unread part number (unnumbered parts last), then the
        oldest. Series are ordered by their latest activity: the newest read mark or
        note on one of their articles, or the series note.
        """
        rows = self.db.execute_sql(
            """
            WITH progress AS (
                SELECT a.series_id AS sid,
                       MAX(MAX(COALESCE(a.read_at, 0), COALESCE(a.note_updated, 0))) AS act
                FROM article a
                WHERE a.series_id IS NOT NULL AND a.hidden = 0
                GROUP BY a.series_id
                HAVING SUM(a.read) > 0 AND SUM(a.read) < COUNT(*)
            ),
            candidates AS (
                SELECT a.id AS aid, a.series_id AS sid,
                       ROW_NUMBER() OVER (
                           PARTITION BY a.series_id
                           ORDER BY COALESCE(a.part_override, a.detected_part) IS NULL,
                                    COALESCE(a.part_override, a.detected_part),
                                    COALESCE(a.published, a.first_seen),
                                    a.id
                       ) AS rn
                FROM article a JOIN progress p ON p.sid = a.series_id
                WHERE a.read = 0 AND a.hidden = 0
            )
            SELECT c.aid, MAX(p.act, COALESCE(s.note_updated, 0)) AS activity
            FROM candidates c
            JOIN progress p ON p.sid = c.sid
            JOIN series s ON s.id = c.sid AND s.merged_into_id IS NULL
            JOIN feed f ON f.id = s.feed_id AND f.unsubscribed = 0
            WHERE c.rn = 1
            ORDER BY activity DESC, c.aid DESC
            LIMIT ?
            """,
            (max(0, int(limit)),),
        ).fetchall()
        order = {int(aid): i for i, (aid, _act) in enumerate(rows)}
        if not order:
            return []
        found = article_select().where(ArticleRow.id.in_(list(order))).tuples()
        articles = [article_from_tuple(row) for row in found]
        return sorted(articles, key=lambda a: order[a.id])

    def articles_in_followed_series(self, article_ids: Sequence[int]) -> list[Article]:
        """Those of ``article_ids`` that belong to a followed series (part order per series)."""
        ids = list(dict.fromkeys(article_ids))
        out: list[Article] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            select = article_select().where(
                ArticleRow.id.in_(chunk) & (SeriesRow.followed == True)  # noqa: E712
            )
            out.extend(article_from_tuple(row) for row in select.tuples())
        out.sort(key=lambda a: a.series_id or 0)
        return in_series_order(out)
