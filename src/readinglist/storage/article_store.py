"""Article verbs: the sync upsert (feed-owned columns only) and the user's own state."""

from __future__ import annotations

import contextlib
import itertools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw

from readinglist.errors import ArticleNotFoundError
from readinglist.models import Article, ArticleContent, IncomingArticle, SeriesGuess
from readinglist.storage.convert import EFFECTIVE_PART, article_from_tuple, article_select
from readinglist.storage.feed_store import utcnow
from readinglist.storage.schema import (
    FEED_OWNED_ARTICLE_FIELDS,
    ArticleRow,
    SeriesRow,
    to_epoch,
)

SEARCH_TEXT_LIMIT = 4000
_TOKEN = re.compile(r"\w+", re.UNICODE)
CHUNK = 400
_FTS_IDS = "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"


def fts_query(text: str) -> str | None:
    """User text to a safe FTS5 query: every word must match as a prefix.

    Quoting each token means no user input is ever parsed as FTS syntax.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """What to list. All filters combine with AND."""

    feed_id: int | None = None
    series_id: int | None = None
    standalone_only: bool = False  # articles with no series
    unread_only: bool = False
    starred_only: bool = False
    with_notes: bool = False
    search: str | None = None
    since: datetime | None = None  # first seen at or after
    ids: tuple[int, ...] | None = None
    order: str = "published_desc"  # or "part", "first_seen_desc"
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class PostSignature:
    """A stored article as series grouping sees it, with what was detected last time."""

    guid: str
    title: str
    link: str | None
    categories: tuple[str, ...]
    series_key: str | None
    part: int | None
    short_title: str


@dataclass(frozen=True, slots=True)
class UpsertOutcome:
    new_ids: tuple[int, ...]
    updated_ids: tuple[int, ...]


def _effective_series(detected: Any) -> pw.Case:
    """The series an article shows in: the user's choice wins over what was detected."""
    return pw.Case(
        None,
        (
            (ArticleRow.standalone_override == True, None),  # noqa: E712
            (ArticleRow.series_override.is_null(False), ArticleRow.series_override),
        ),
        detected,
    )


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


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ArticleStore:
    db: pw.SqliteDatabase

    # --- sync writes (feed-owned only) -----------------------------------------

    def feed_post_signatures(self, feed_id: int) -> list[PostSignature]:
        """What series grouping needs about every stored article of a feed."""
        rows = (
            ArticleRow.select(
                ArticleRow.guid,
                ArticleRow.title,
                ArticleRow.link,
                ArticleRow.categories,
                SeriesRow.key,
                ArticleRow.detected_part,
                ArticleRow.short_title,
            )
            .join(SeriesRow, pw.JOIN.LEFT_OUTER, on=(ArticleRow.detected_series == SeriesRow.id))
            .where(ArticleRow.feed == feed_id)
        )
        return [
            PostSignature(
                guid, title, link, tuple(c for c in cats.split("\n") if c), key, part, short or ""
            )
            for guid, title, link, cats, key, part, short in rows.tuples()
        ]

    def _ensure_series(self, feed_id: int, guesses: Iterable[SeriesGuess]) -> dict[str, int]:
        """Series rows for every key; returns key -> effective id (merges followed)."""
        names: dict[str, str] = {}
        for guess in guesses:
            if guess.key is not None and guess.key not in names:
                names[guess.key] = guess.name or guess.key
        if not names:
            return {}
        now = to_epoch(utcnow())
        existing = {
            key: (sid, merged, name)
            for sid, key, merged, name in SeriesRow.select(
                SeriesRow.id, SeriesRow.key, SeriesRow.merged_into, SeriesRow.detected_name
            )
            .where((SeriesRow.feed == feed_id) & SeriesRow.key.in_(list(names)))
            .tuples()
        }
        missing = [k for k in names if k not in existing]
        for chunk in _chunks(missing, 200):
            SeriesRow.insert_many(
                [
                    {"feed": feed_id, "key": k, "detected_name": names[k], "created": now}
                    for k in chunk
                ]
            ).on_conflict_ignore().execute()
        for key, (sid, _merged, name) in existing.items():
            if names[key] != name:
                SeriesRow.update(detected_name=names[key]).where(SeriesRow.id == sid).execute()
        mapping: dict[str, int] = {}
        for sid, key, merged in (
            SeriesRow.select(SeriesRow.id, SeriesRow.key, SeriesRow.merged_into)
            .where((SeriesRow.feed == feed_id) & SeriesRow.key.in_(list(names)))
            .tuples()
        ):
            mapping[key] = merged or sid
        return mapping

    def upsert_entries(
        self,
        feed_id: int,
        incoming: Sequence[IncomingArticle],
        regrouped: Mapping[str, SeriesGuess] | None = None,
    ) -> UpsertOutcome:
        """Insert new articles and rewrite changed ones: feed-owned columns only.

        Read state, stars, notes and series corrections are never in the SET list, so
        no sync can touch them. ``regrouped`` carries new series guesses for articles
        already stored (by guid) when a newcomer changed how the feed groups.
        Runs in one transaction: a feed is stored whole or not at all.
        """
        with self.db.atomic():
            guesses = [item.series for item in incoming]
            if regrouped:
                guesses.extend(regrouped.values())
            series_ids = self._ensure_series(feed_id, guesses)
            existing: dict[str, tuple[int, str]] = {}
            guids = [item.entry.guid for item in incoming]
            for chunk in _chunks(guids):
                for aid, guid, chash in (
                    ArticleRow.select(ArticleRow.id, ArticleRow.guid, ArticleRow.content_hash)
                    .where((ArticleRow.feed == feed_id) & ArticleRow.guid.in_(list(chunk)))
                    .tuples()
                ):
                    existing[guid] = (aid, chash)
            now = to_epoch(utcnow())
            new_rows: list[dict[str, Any]] = []
            changed_rows: list[dict[str, Any]] = []
            for item in incoming:
                entry = item.entry
                detected = series_ids.get(item.series.key) if item.series.key else None
                row = {
                    "feed": feed_id,
                    "guid": entry.guid,
                    "title": entry.title,
                    "link": entry.link,
                    "author": entry.author,
                    "summary_html": entry.summary_html,
                    "content_html": entry.content_html,
                    "published": to_epoch(entry.published),
                    "updated": to_epoch(entry.updated),
                    "categories": "\n".join(entry.categories),
                    "word_count": entry.word_count,
                    "content_hash": item.content_hash,
                    "detected_series": detected,
                    "detected_part": item.series.part if detected else None,
                    "short_title": item.series.short_title,
                    "series": detected,
                    "first_seen": now,
                }
                known = existing.get(entry.guid)
                if known is None:
                    new_rows.append(row)
                elif known[1] != item.content_hash:
                    changed_rows.append(row)
            self._insert_rows(new_rows)
            self._update_rows(changed_rows)
            new_ids = self._ids_for(feed_id, [r["guid"] for r in new_rows])
            updated_ids = [existing[r["guid"]][0] for r in changed_rows]
            texts = {item.entry.guid: (item.entry.title, item.search_text) for item in incoming}
            self._fts_write(
                [
                    (aid, *texts[guid])
                    for guid, aid in zip([r["guid"] for r in new_rows], new_ids, strict=True)
                ]
                + [(existing[r["guid"]][0], *texts[r["guid"]]) for r in changed_rows],
                replace=False,
            )
            if regrouped:
                self._apply_regroup(feed_id, regrouped, series_ids)
        return UpsertOutcome(tuple(new_ids), tuple(updated_ids))

    def _insert_rows(self, rows: list[dict[str, Any]]) -> None:
        for chunk in _chunks(rows, 100):
            ArticleRow.insert_many(list(chunk)).on_conflict_ignore().execute()

    def _update_rows(self, rows: list[dict[str, Any]]) -> None:
        """ON CONFLICT DO UPDATE naming feed-owned columns only; the user's wins."""
        if not rows:
            return
        update: dict[Any, Any] = {
            field: getattr(pw.EXCLUDED, field.column_name) for field in FEED_OWNED_ARTICLE_FIELDS
        }
        update[ArticleRow.series] = _effective_series(pw.EXCLUDED.series_id)
        for chunk in _chunks(rows, 100):
            ArticleRow.insert_many(list(chunk)).on_conflict(
                conflict_target=[ArticleRow.feed, ArticleRow.guid], update=update
            ).execute()

    def _apply_regroup(
        self, feed_id: int, regrouped: Mapping[str, SeriesGuess], series_ids: Mapping[str, int]
    ) -> None:
        for guid, guess in regrouped.items():
            detected = series_ids.get(guess.key) if guess.key else None
            ArticleRow.update(
                {
                    ArticleRow.detected_series: detected,
                    ArticleRow.detected_part: guess.part if detected else None,
                    ArticleRow.short_title: guess.short_title,
                    ArticleRow.series: _effective_series(detected),
                }
            ).where((ArticleRow.feed == feed_id) & (ArticleRow.guid == guid)).execute()

    def _ids_for(self, feed_id: int, guids: list[str]) -> list[int]:
        found: dict[str, int] = {}
        for chunk in _chunks(guids):
            for aid, guid in (
                ArticleRow.select(ArticleRow.id, ArticleRow.guid)
                .where((ArticleRow.feed == feed_id) & ArticleRow.guid.in_(list(chunk)))
                .tuples()
            ):
                found[guid] = aid
        return [found[g] for g in guids]

    def _fts_write(self, rows: list[tuple[int, str, str]], *, replace: bool) -> None:
        """(id, title, text) rows into the search index; notes are kept as they are."""
        if not rows:
            return
        ids = [r[0] for r in rows]
        notes: dict[int, str] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            notes.update(
                self.db.execute_sql(
                    f"SELECT rowid, note FROM article_fts WHERE rowid IN ({marks})", list(chunk)
                ).fetchall()
            )
            self.db.execute_sql(f"DELETE FROM article_fts WHERE rowid IN ({marks})", list(chunk))
        self.db.connection().executemany(
            "INSERT INTO article_fts(rowid, title, body, note) VALUES (?, ?, ?, ?)",
            [
                (aid, title, (text or "")[:SEARCH_TEXT_LIMIT], notes.get(aid, ""))
                for aid, title, text in rows
            ],
        )

    def index_search_text(self, rows: Sequence[tuple[int, str, str]]) -> None:
        """(id, title, plain text) into the full-text index; notes stay as they are."""
        with self.db.atomic():
            self._fts_write(list(rows), replace=True)

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
        return [article_from_tuple(row) for row in select.tuples()]

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
                return int(
                    self.db.execute_sql(
                        "SELECT COUNT(*) FROM article INDEXED BY article_feed_hidden_read"
                        f" WHERE hidden = 0{unread} AND id IN ({_FTS_IDS})",
                        (match,),
                    ).fetchone()[0]
                )
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
        """Give back this thread's page cache (up to ``cache_size``, 8 MiB per
        connection). For threads that just ran a one-off big read, such as a filter
        over every article: the pages stay in the OS cache, so the next read is cheap."""
        self.db.execute_sql("PRAGMA shrink_memory")

    def get_article(self, article_id: int) -> Article:
        rows = self.list_articles(ArticleQuery(ids=(article_id,)))
        if not rows:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return rows[0]

    def get_content(self, article_id: int) -> ArticleContent:
        row = (
            ArticleRow.select(ArticleRow.summary_html, ArticleRow.content_html)
            .where(ArticleRow.id == article_id)
            .tuples()
            .first()
        )
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return ArticleContent(article_id, row[0] or "", row[1] or "")

    def existing_article_ids(self, ids: Iterable[int]) -> set[int]:
        wanted = list(dict.fromkeys(ids))
        found: set[int] = set()
        for chunk in _chunks(wanted):
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
        ids = self._require(article_ids)
        changed = 0
        with self.db.atomic():
            for chunk in _chunks(ids):
                changed += (
                    ArticleRow.update(read=read, read_at=utcnow() if read else None)
                    .where(ArticleRow.id.in_(list(chunk)) & (ArticleRow.read != read))
                    .execute()
                )
        return changed

    def mark_read_where(
        self,
        *,
        feed_id: int | None = None,
        series_id: int | None = None,
        before: datetime | None = None,
        read: bool = True,
    ) -> int:
        """Bulk marking: a whole feed, a series, everything published before a date."""
        query = ArticleRow.update(read=read, read_at=utcnow() if read else None).where(
            ArticleRow.read != read
        )
        if feed_id is not None:
            query = query.where(ArticleRow.feed == feed_id)
        if series_id is not None:
            query = query.where(ArticleRow.series == series_id)
        if before is not None:
            dated = pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen)
            query = query.where(dated < to_epoch(before))
        with self.db.atomic():
            return int(query.execute())

    def set_starred(self, article_ids: Sequence[int], starred: bool = True) -> int:
        ids = self._require(article_ids)
        with self.db.atomic():
            return sum(
                ArticleRow.update(starred=starred)
                .where(ArticleRow.id.in_(list(chunk)) & (ArticleRow.starred != starred))
                .execute()
                for chunk in _chunks(ids)
            )

    def set_note(self, article_id: int, text: str | None) -> None:
        """Save the note (empty text removes it). Durable when this returns."""
        self._require([article_id])
        note = text if text and text.strip() else None
        with self.db.atomic():
            ArticleRow.update(note=note, note_updated=utcnow() if note else None).where(
                ArticleRow.id == article_id
            ).execute()
            self.db.execute_sql(
                "UPDATE article_fts SET note = ? WHERE rowid = ?", (note or "", article_id)
            )

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
        for chunk in _chunks(list(article_ids)):
            for aid, summary, content in (
                ArticleRow.select(ArticleRow.id, ArticleRow.summary_html, ArticleRow.content_html)
                .where(ArticleRow.id.in_(list(chunk)))
                .tuples()
            ):
                out[aid] = content or summary or ""
        return out

    # --- added for the GUI article pane (gui/article_view.py) ------------------------

    def series_member_parts(self, series_id: int) -> list[tuple[int, int | None]]:
        """(article id, effective part) of a series' visible articles, in part order.

        The same articles and order as ``list_articles(ArticleQuery(series_id=...,
        order="part"))`` but only two columns: the article pane calls it on every
        article switch for "Part 4 of 6" and previous/next part.
        """
        dated = pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen)
        rows = (
            ArticleRow.select(ArticleRow.id, EFFECTIVE_PART)
            .where((ArticleRow.series == series_id) & (ArticleRow.hidden == False))  # noqa: E712
            .order_by(EFFECTIVE_PART.is_null(), EFFECTIVE_PART, dated, ArticleRow.id)
            .tuples()
        )
        return [(int(aid), part) for aid, part in rows]
