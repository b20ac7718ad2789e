"""Article verbs: the sync upsert (feed-owned columns only) and the user's own state."""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime

import peewee as pw

from readinglist.model.changes import Changes
from readinglist.model.errors import ArticleNotFoundError, QueryAbandoned
from readinglist.model.parts import in_reading_order
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, ArticleContent
from readinglist.storage.chunks import chunks
from readinglist.storage.codec import pack, unpack, unpack_summary
from readinglist.storage.convert import (
    EFFECTIVE_PART,
    EFFECTIVE_PART_LAST,
    article_from_tuple,
    article_select,
    in_series_order,
)
from readinglist.storage.feed_store import utcnow
from readinglist.storage.first_matches import newest_whole_word_ids
from readinglist.storage.heap import give_back_freed_memory
from readinglist.storage.highlight_store import refresh_fts_note
from readinglist.storage.layout import to_epoch
from readinglist.storage.schema import ArticleRow, FullTextRow

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CHECK_EVERY = 20_000  # SQLite steps between asks whether a read is still wanted
_FTS_IDS = "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"


def fts_query(text: str) -> str | None:
    """User text to a safe FTS5 query: every word must match as a prefix.

    Quoting each token means no user input is ever parsed as FTS syntax.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def _newest_first_search(query: ArticleQuery) -> bool:
    """A filter-box search: text (and maybe unread only), newest first."""
    return query.order == "published_desc" and query == ArticleQuery(
        search=query.search, unread_only=query.unread_only, limit=query.limit
    )


def _merge_newest(
    dated: Iterable[tuple[int, int]], undated: list[tuple[int, int]]
) -> Iterator[int]:
    """Ids in ``COALESCE(published, first_seen) DESC, id DESC`` order from the dated walk
    ((published, id), newest first) and the few undated rows ((first_seen, id), sorted)."""
    u = 0
    for when, aid in dated:
        key = (int(when), int(aid))
        while u < len(undated) and undated[u] > key:
            yield undated[u][1]
            u += 1
        yield key[1]
    for _when, aid in undated[u:]:
        yield aid


_ID_SENTINEL = -7_041_977_305  # stands for the id while the SQL is built


@functools.cache
def _article_by_id_sql() -> tuple[str, tuple[object, ...], int]:
    """``article_select()`` for one id, as SQL text, its parameters and where the id
    goes among them (built once; the same columns ``list_articles`` reads)."""
    sql, params = article_select().where(ArticleRow.id == _ID_SENTINEL).sql()
    return sql, tuple(params), list(params).index(_ID_SENTINEL)


class ArticleStore:
    db: pw.SqliteDatabase

    # --- reading ------------------------------------------------------------------

    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]:
        query = query or ArticleQuery()
        match = fts_query(query.search) if query.search else None
        if query.search and match is None:
            return []
        if match is not None and query.limit is not None and _newest_first_search(query):
            found = self._search_newest(query, match)
            if found is not None:
                return found
        select = self._filtered(query, match)
        dated = pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen)
        if query.order == "part":
            select = select.order_by(EFFECTIVE_PART.is_null(), EFFECTIVE_PART, dated, ArticleRow.id)
        elif query.order == "first_seen_desc":
            select = select.order_by(
                ArticleRow.first_seen.desc(), dated.desc(), ArticleRow.id.desc()
            )
        else:
            select = select.order_by(dated.desc(), ArticleRow.id.desc())
        if query.limit is not None:
            select = select.limit(query.limit)
        articles = [article_from_tuple(row) for row in select.tuples()]
        return in_series_order(articles) if query.order == "part" else articles

    def first_matches(self, query: ArticleQuery) -> list[Article]:
        """A first screen (``query.limit`` rows) of a filter-box search, found fast
        however common its words are; maybe fewer rows, or none, than the full list
        will hold (see ``first_matches``). For other queries: none."""
        if not query.search or query.limit is None or not _newest_first_search(query):
            return []
        ids = newest_whole_word_ids(
            self.db, query.search, unread_only=query.unread_only, rows=query.limit
        )
        if not ids:
            return []
        rows = {
            row[0]: row
            for row in self._filtered(query, None).where(ArticleRow.id.in_(ids)).tuples()
        }
        return [article_from_tuple(rows[i]) for i in ids if i in rows]

    @contextlib.contextmanager
    def abandon_when(self, stale: Callable[[], bool]) -> Iterator[None]:
        """Reads on this thread inside the block stop with ``QueryAbandoned`` once
        ``stale()`` says their answer is no longer wanted (a newer filter was typed):
        a quarter-second count over a million articles never holds up the next one."""
        con = self.db.connection()
        con.set_progress_handler(lambda: 1 if stale() else 0, _CHECK_EVERY)
        abandoned = False
        try:
            yield
        except pw.OperationalError as exc:
            if "interrupted" not in str(exc) or not stale():
                raise
            abandoned = True  # raised below, outside this handler: the interrupted
            # cursor in the error's traceback is not kept alive by the new error
        finally:
            con.set_progress_handler(None, 0)
        if abandoned:
            raise QueryAbandoned

    def count_articles(self, query: ArticleQuery) -> int:
        """How many articles ``list_articles(query)`` lists when it has no limit."""
        match = fts_query(query.search) if query.search else None
        if query.search and match is None:
            return 0
        if match is not None and _newest_first_search(query):
            # Hidden and read live in the narrow (feed, hidden, read) index: counting a
            # word in every article never touches the wide article rows.
            unread = " AND read = 0" if query.unread_only else ""
            with contextlib.suppress(pw.OperationalError):  # the index is missing
                cursor = self.db.execute_sql(
                    "SELECT COUNT(*) FROM article INDEXED BY article_feed_hidden_read"
                    f" WHERE hidden = 0{unread} AND id IN ({_FTS_IDS})",
                    (match,),
                )
                try:
                    return int(cursor.fetchone()[0])
                finally:
                    cursor.close()  # the statement let go now, not by the collector
        return int(self._filtered(query, match).count())

    def _filtered(self, query: ArticleQuery, match: str | None) -> pw.ModelSelect:
        select = article_select()
        if query.feed_id is not None:
            select = select.where(ArticleRow.feed == query.feed_id)
        if query.series_id is not None:
            select = select.where(ArticleRow.series == query.series_id)
        if query.standalone_only:
            select = select.where(ArticleRow.series.is_null())
        if query.unread_only:
            select = select.where(ArticleRow.read == False)  # noqa: E712
        if query.starred_only:
            select = select.where(ArticleRow.starred == True)  # noqa: E712
        if query.with_notes:
            select = select.where(ArticleRow.note.is_null(False))
        if query.since is not None:
            select = select.where(ArticleRow.first_seen >= to_epoch(query.since))
        if query.ids is not None:
            select = select.where(ArticleRow.id.in_(list(query.ids)))
        if match is not None:
            select = select.where(ArticleRow.id.in_(pw.SQL(f"({_FTS_IDS})", [match])))
        return select

    def _search_newest(self, query: ArticleQuery, match: str) -> list[Article] | None:
        """The newest ``query.limit`` matches without sorting every match.

        A word in every article matches ~all rows; ordering them by date the plain way
        reads every wide row. Instead the (published, id) index is walked newest first,
        checking each id against the full-text matches, and only the rows that make the
        cut are read. Same articles, same order as the plain query. None: not possible
        here (an index is missing), use the plain query.
        """
        limit = query.limit or 0
        out: list[Article] = []
        if limit <= 0:
            return out
        try:
            candidates, cursor = self._newest_matches(match, unread_set=False)
            batch, first = limit, True
            while len(out) < limit:
                ids = list(itertools.islice(candidates, batch))
                if not ids:
                    break
                rows = {
                    row[0]: row
                    for row in self._filtered(query, None).where(ArticleRow.id.in_(ids)).tuples()
                }
                kept = [article_from_tuple(rows[i]) for i in ids if i in rows]
                if first and query.unread_only and len(kept) * 2 < len(ids) == batch:
                    # Mostly read: walk only the unread ids (from the narrow index)
                    # rather than reading row after row of read articles.
                    cursor.close()
                    candidates, cursor = self._newest_matches(match, unread_set=True)
                    first = False
                    continue
                first = False
                out.extend(kept)
                batch = min(batch * 2, 4000)
            cursor.close()
        except pw.OperationalError:
            return None
        return out[:limit]

    def _newest_matches(
        self, match: str, *, unread_set: bool
    ) -> tuple[Iterator[int], sqlite3.Cursor]:
        """Ids matching ``match`` newest first (undated articles by first seen), lazily."""
        unread = (
            " AND id IN (SELECT id FROM article INDEXED BY article_feed_hidden_read"
            " WHERE hidden = 0 AND read = 0)"
            if unread_set
            else ""
        )
        undated: list[tuple[int, int]] = []
        if self.db.execute_sql("SELECT 1 FROM article WHERE published IS NULL LIMIT 1").fetchone():
            undated = sorted(
                (
                    (int(first_seen or 0), int(aid))
                    for aid, first_seen in self.db.execute_sql(
                        "SELECT id, first_seen FROM article INDEXED BY article_published"
                        " WHERE published IS NULL"
                        f" AND id IN ({_FTS_IDS}){unread}",
                        (match,),
                    )
                ),
                reverse=True,
            )
        cursor = self.db.execute_sql(
            "SELECT published, id FROM article INDEXED BY article_published"
            f" WHERE published IS NOT NULL AND id IN ({_FTS_IDS}){unread}"
            " ORDER BY published DESC, id DESC",
            (match,),
        )
        return _merge_newest(cursor, undated), cursor

    def release_cache(self) -> None:
        """Give back this thread's page cache (up to ``cache_size``, 2 MiB per
        connection). For threads that just ran a one-off big read, such as a filter
        over every article: the pages stay in the OS cache, so the next read is cheap.
        What else the read allocated and freed goes back to the system too."""
        self.db.execute_sql("PRAGMA shrink_memory")
        give_back_freed_memory()

    def get_article(self, article_id: int) -> Article:
        """One article by id. Its SQL is built once and kept: peewee composes a query
        in Python (about 0.4 ms for this one with its joins), and the article pane reads
        two articles on every switch, inside the frame the reader waits for."""
        sql, template, slot = _article_by_id_sql()
        params = list(template)
        params[slot] = article_id
        row = self.db.execute_sql(sql, params).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return article_from_tuple(row)

    def get_content(self, article_id: int) -> ArticleContent:
        row = (
            ArticleRow.select(ArticleRow.summary_html, ArticleRow.content_html, FullTextRow.html)
            .join(FullTextRow, pw.JOIN.LEFT_OUTER, on=(FullTextRow.article == ArticleRow.id))
            .where(ArticleRow.id == article_id)
            .tuples()
            .first()
        )
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        content = unpack(row[1])
        return ArticleContent(article_id, unpack_summary(row[0], content), content, unpack(row[2]))

    def set_fulltext(
        self,
        article_id: int,
        html: str,
        *,
        words: int,
        source_url: str,
        published: datetime | None = None,
    ) -> None:
        """Store the text read from the article's page (sanitized by the caller) and its
        length, which becomes the article's reading length. Replaces an earlier one.

        ``published``, the date the page declares, dates an article its feed left
        undated; a date the feed gave is never replaced by the page's."""
        self._require([article_id])
        packed = pack(html)
        with self.db.atomic():
            FullTextRow.insert(
                article=article_id,
                html=packed,
                words=max(0, int(words)),
                source_url=source_url,
                fetched=utcnow(),
            ).on_conflict(
                conflict_target=[FullTextRow.article],
                update={
                    FullTextRow.html: packed,
                    FullTextRow.words: max(0, int(words)),
                    FullTextRow.source_url: source_url,
                    FullTextRow.fetched: utcnow(),
                },
            ).execute()
            ArticleRow.update(page_word_count=max(0, int(words))).where(
                ArticleRow.id == article_id
            ).execute()
            if published is not None:
                ArticleRow.update(published=published).where(
                    (ArticleRow.id == article_id) & ArticleRow.published.is_null()
                ).execute()

    def fulltext_words(self, article_id: int) -> int | None:
        """The stored full text's length in words, or None when there is none."""
        words = FullTextRow.select(FullTextRow.words).where(FullTextRow.article == article_id)
        value = words.scalar()
        return None if value is None else int(value)

    def existing_article_ids(self, ids: Iterable[int]) -> set[int]:
        wanted = list(dict.fromkeys(ids))
        found: set[int] = set()
        for chunk in chunks(wanted):
            found.update(
                a
                for (a,) in ArticleRow.select(ArticleRow.id)
                .where(ArticleRow.id.in_(list(chunk)))
                .tuples()
            )
        return found

    def _require(self, ids: Sequence[int]) -> list[int]:
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self.existing_article_ids(wanted)]
        if missing:
            raise ArticleNotFoundError(f"no article with id {missing[0]}")
        return wanted

    # --- user-owned state --------------------------------------------------------

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> int:
        """Mark articles read or unread; returns how many changed. Keeps the first read time."""
        return len(self.mark_read_changes(article_ids, read).articles)

    def mark_read_changes(self, article_ids: Sequence[int], read: bool = True) -> Changes:
        """``mark_read`` that says what changed: the articles whose state flipped, with
        their feeds and series. Unknown ids raise ``ArticleNotFoundError``, nothing written."""
        return self._flip(
            article_ids, ArticleRow.read, read, {ArticleRow.read_at: utcnow() if read else None}
        )

    def mark_read_where(
        self,
        *,
        feed_id: int | None = None,
        series_id: int | None = None,
        before: datetime | None = None,
        read: bool = True,
    ) -> list[int]:
        """Bulk marking: a whole feed, a series, everything published before a date.

        Returns the ids whose state changed (what ``Changes`` reports)."""
        where = ArticleRow.read != read
        if feed_id is not None:
            where &= ArticleRow.feed == feed_id
        if series_id is not None:
            where &= ArticleRow.series == series_id
        if before is not None:
            dated = pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen)
            where &= dated < to_epoch(before)
        with self.db.atomic():
            ids = [a for (a,) in ArticleRow.select(ArticleRow.id).where(where).tuples()]
            for chunk in chunks(ids):
                ArticleRow.update(read=read, read_at=utcnow() if read else None).where(
                    ArticleRow.id.in_(list(chunk))
                ).execute()
        return ids

    def set_starred(self, article_ids: Sequence[int], starred: bool = True) -> int:
        return len(self.set_starred_changes(article_ids, starred).articles)

    def set_starred_changes(self, article_ids: Sequence[int], starred: bool = True) -> Changes:
        """``set_starred`` that says what changed (as ``mark_read_changes``)."""
        return self._flip(article_ids, ArticleRow.starred, starred, {})

    def _flip(
        self,
        article_ids: Sequence[int],
        flag: pw.Field,
        value: bool,
        also: dict[pw.Field, object],
    ) -> Changes:
        """Set a user-owned flag on articles where it differs, in one read and one write
        per chunk: the read checks every id exists (before anything is written) and
        learns which rows flip and their feed and series, so the ``Changes`` costs no
        query of its own (a read toggle is the window's most frequent write)."""
        wanted = list(dict.fromkeys(article_ids))
        seen: set[int] = set()
        flips: list[tuple[int, int, int | None]] = []
        with self.db.atomic():
            for chunk in chunks(wanted):
                rows = (
                    ArticleRow.select(ArticleRow.id, ArticleRow.feed, ArticleRow.series, flag)
                    .where(ArticleRow.id.in_(list(chunk)))
                    .tuples()
                )
                for article_id, feed_id, series_id, current in rows:
                    seen.add(article_id)
                    if bool(current) != value:
                        flips.append((article_id, feed_id, series_id))
            missing = [i for i in wanted if i not in seen]
            if missing:
                raise ArticleNotFoundError(f"no article with id {missing[0]}")
            for chunk in chunks([article_id for article_id, _f, _s in flips]):
                ArticleRow.update({flag: value, **also}).where(
                    ArticleRow.id.in_(list(chunk))
                ).execute()
        return Changes.of(
            articles=(a for a, _f, _s in flips),
            feeds=(f for _a, f, _s in flips),
            series=(s for _a, _f, s in flips if s is not None),
        )

    def feeds_and_series_of(self, article_ids: Iterable[int]) -> tuple[set[int], set[int]]:
        """The feeds and (current) series that ``article_ids`` belong to, in one query per
        chunk: what a write verb reports as touched besides the articles themselves.
        Unknown ids are skipped; standalone articles add no series."""
        feeds: set[int] = set()
        series: set[int] = set()
        con = self.db.connection()
        for chunk in chunks(list(dict.fromkeys(article_ids))):
            marks = ",".join("?" * len(chunk))
            rows = con.execute(
                f"SELECT DISTINCT feed_id, series_id FROM article WHERE id IN ({marks})",
                tuple(chunk),
            )
            for feed_id, series_id in rows:
                feeds.add(int(feed_id))
                if series_id is not None:
                    series.add(int(series_id))
        return feeds, series

    def set_note(self, article_id: int, text: str | None) -> None:
        """Save the note (empty text removes it). Durable when this returns."""
        self._require([article_id])
        note = text if text and text.strip() else None
        with self.db.atomic():
            ArticleRow.update(note=note, note_updated=utcnow() if note else None).where(
                ArticleRow.id == article_id
            ).execute()
            refresh_fts_note(self.db, [article_id])  # the note beside the highlights

    def get_note(self, article_id: int) -> str | None:
        self._require([article_id])
        return ArticleRow.select(ArticleRow.note).where(ArticleRow.id == article_id).scalar()

    # --- fetched on the user's request (never written by a sync) -----------------------

    def set_page_word_count(self, article_id: int, n: int | None) -> None:
        """Record the words on the article's own page (``None`` forgets them).

        From then on the article's effective length (``Article.word_count``, series
        ``minutes_left``) is this count instead of the feed's.
        """
        self._require([article_id])
        value = None if n is None else max(0, int(n))
        with self.db.atomic():
            ArticleRow.update(page_word_count=value).where(ArticleRow.id == article_id).execute()

    def page_word_count(self, article_id: int) -> int | None:
        """The page's word count when the user fetched it, else None (one key lookup)."""
        row = (
            ArticleRow.select(ArticleRow.page_word_count)
            .where(ArticleRow.id == article_id)
            .tuples()
            .first()
        )
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return None if row[0] is None else int(row[0])

    def article_texts(self, article_ids: Sequence[int]) -> dict[int, str]:
        """Plain article HTML by id, for exports that need the body."""
        out: dict[int, str] = {}
        for chunk in chunks(list(article_ids)):
            for aid, summary, content in (
                ArticleRow.select(ArticleRow.id, ArticleRow.summary_html, ArticleRow.content_html)
                .where(ArticleRow.id.in_(list(chunk)))
                .tuples()
            ):
                text = unpack(content)
                out[aid] = text or unpack_summary(summary, text)
        return out

    # --- added for the GUI article pane (gui/article_view.py) ------------------------

    def series_member_parts(self, series_id: int) -> list[tuple[int, int | None, int | None]]:
        """(article id, effective part, last part it covers) of a series' visible
        articles, in part order.

        The same articles and order as ``list_articles(ArticleQuery(series_id=...,
        order="part"))`` but only two columns: the article pane calls it on every
        article switch for "Part 4 of 6" and previous/next part.
        """
        dated = pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen)
        rows = (
            ArticleRow.select(ArticleRow.id, EFFECTIVE_PART, dated, EFFECTIVE_PART_LAST)
            .where((ArticleRow.series == series_id) & (ArticleRow.hidden == False))  # noqa: E712
            .tuples()
        )
        ordered = in_reading_order(list(rows), lambda row: (row[1], row[2], int(row[0])))
        return [(int(aid), part, last) for aid, part, _, last in ordered]
