"""The sync's writes: insert new articles, rewrite changed ones, feed-owned columns only.

Kept apart from the user's verbs (``article_store``) so that what a sync may touch is
visible in one place: the SET list of every upsert is ``FEED_OWNED_ARTICLE_FIELDS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw

from readinglist.model.records import IncomingArticle, PostSignature, SeriesGuess
from readinglist.model.urls import normalize_url
from readinglist.storage import search_index
from readinglist.storage.chunks import CHUNK, chunks
from readinglist.storage.codec import pack, pack_summary
from readinglist.storage.declared_store import keep_feed_boxes
from readinglist.storage.feed_store import utcnow
from readinglist.storage.layout import to_epoch
from readinglist.storage.schema import (
    FEED_OWNED_ARTICLE_FIELDS,
    ArticleRow,
    SeriesRow,
)
from readinglist.storage.series_carry import carry_user_state


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


class UpsertStore:
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
                ArticleRow.published,
                ArticleRow.detected_part_last,
                SeriesRow.detected_name,
                SeriesRow.kind,
                SeriesRow.strength,
                SeriesRow.why,
            )
            .join(SeriesRow, pw.JOIN.LEFT_OUTER, on=(ArticleRow.detected_series == SeriesRow.id))
            .where(ArticleRow.feed == feed_id)
        )
        return [
            PostSignature(
                guid,
                title,
                link,
                tuple(c for c in cats.split("\n") if c),
                key,
                part,
                short or "",
                when,
                (name, kind, strength, why) if key is not None else None,
                last,
            )
            for guid, title, link, cats, key, part, short, when, last, *said in rows.tuples()
            for name, kind, strength, why in (said,)
        ]

    def _ensure_series(
        self, feed_id: int, guesses: Iterable[SeriesGuess]
    ) -> dict[str, tuple[int, int]]:
        """Series rows for every key, with what detection said of the group (name, kind,
        strength, why: feed-owned); returns key -> (its row's id, the id its posts show
        in: a merge followed).

        An article keeps the row detection put it in (``detected_series``) and shows in
        the merge's target (``series``): with the row's own key in its signature, the
        next grouping sees the post where it left it, and a merge made by the reader can
        follow the posts when detection renames the series (``series_carry``)."""
        found: dict[str, tuple[str, str, str, str]] = {}
        for guess in guesses:
            if guess.key is not None and guess.key not in found:
                found[guess.key] = (
                    guess.name or guess.key,
                    guess.kind,
                    guess.strength,
                    guess.why,
                )
        if not found:
            return {}
        now = to_epoch(utcnow())
        # Plain SQL (the sync calls this once per feed; peewee's query building cost
        # more than the queries). Same statements as the models would make.
        con = self.db.connection()
        keys = list(found)

        def stored() -> list[tuple[Any, ...]]:
            out: list[tuple[Any, ...]] = []
            for chunk in chunks(keys):
                marks = ",".join("?" * len(chunk))
                out += con.execute(
                    "SELECT id, key, merged_into_id, detected_name, kind, strength, why"
                    f" FROM series WHERE feed_id = ? AND key IN ({marks})",
                    (feed_id, *chunk),
                ).fetchall()
            return out

        existing = {row[1]: row for row in stored()}
        missing = [k for k in keys if k not in existing]
        if missing:
            con.executemany(
                "INSERT OR IGNORE INTO series (feed_id, key, detected_name, kind, strength,"
                " why, created, followed, user_created, confirmed, dismissed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)",
                [(feed_id, k, *found[k], now) for k in missing],
            )
        changed = [
            (*found[key], row[0]) for key, row in existing.items() if tuple(row[3:]) != found[key]
        ]
        if changed:
            con.executemany(
                "UPDATE series SET detected_name = ?, kind = ?, strength = ?, why = ? WHERE id = ?",
                changed,
            )
        rows = existing.values() if not missing else stored()
        return {row[1]: (row[0], row[2] or row[0]) for row in rows}

    def _apply_dismissals(self, feed_id: int) -> None:
        """Posts detected into a series the reader said is no series stay standalone:
        the new ones a sync just stored included (the reader's answer, remembered)."""
        dismissed = SeriesRow.select(SeriesRow.id).where(
            (SeriesRow.feed == feed_id) & (SeriesRow.dismissed == True)  # noqa: E712
        )
        if not dismissed.exists():  # nearly always: one index probe, no write
            return
        ArticleRow.update(series=None).where(
            (ArticleRow.feed == feed_id)
            & ArticleRow.series.in_(dismissed)
            & ArticleRow.series_override.is_null()
        ).execute()

    def upsert_entries(
        self,
        feed_id: int,
        incoming: Sequence[IncomingArticle],
        regrouped: Mapping[str, SeriesGuess] | None = None,
        *,
        found_on_site: bool = False,
    ) -> UpsertOutcome:
        """Insert new articles and rewrite changed ones: feed-owned columns only.

        Read state, stars, notes and series corrections are never in the SET list, so
        no sync can touch them. ``regrouped`` carries new series guesses for articles
        already stored (by guid) when a newcomer changed how the feed groups.
        ``found_on_site``: the posts come from the blog's site ("Find missing parts"),
        not from the feed; new rows are marked so, and none is handed over to the feed.
        Runs in one transaction: a feed is stored whole or not at all.
        """
        with self.db.atomic():
            guesses = [item.series for item in incoming]
            if regrouped:
                guesses.extend(regrouped.values())
            series_ids = self._ensure_series(feed_id, guesses)
            guids = [item.entry.guid for item in incoming]
            stored = self._by_guid(feed_id, guids, "id, content_hash, detected_series_id")
            existing = {guid: (aid, chash) for guid, aid, chash, _ in stored}
            before = {guid: series for guid, _, _, series in stored}
            if regrouped:  # read before any write below moves them
                before.update(self._detected_of(feed_id, [g for g in regrouped if g not in before]))
            if not found_on_site:
                existing.update(self._adopt_found(feed_id, incoming, existing))
            now = to_epoch(utcnow())
            new_rows: list[dict[str, Any]] = []
            changed_rows: list[dict[str, Any]] = []
            for item in incoming:
                entry = item.entry
                detected, shown = series_ids.get(item.series.key or "", (None, None))
                if item.stored_html is not None:  # packed by the sync's worker already
                    summary, content = item.stored_html
                else:
                    summary = pack_summary(entry.summary_html, entry.content_html)
                    content = pack(entry.content_html)
                row = {
                    "feed": feed_id,
                    "guid": entry.guid,
                    "title": entry.title,
                    "link": entry.link,
                    "author": entry.author,
                    "summary_html": summary,
                    "content_html": content,
                    "published": to_epoch(entry.published),
                    "updated": to_epoch(entry.updated),
                    "categories": "\n".join(entry.categories),
                    "word_count": entry.word_count,
                    "content_hash": item.content_hash,
                    "detected_series": detected,
                    "detected_part": item.series.part if detected else None,
                    "detected_part_last": item.series.part_last if detected else None,
                    "short_title": item.series.short_title,
                    "series": shown,
                    "first_seen": now,
                    "found_on_site": found_on_site,  # inserts only: not a feed-owned column
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
            if not found_on_site:  # what the feed's copy of each post declares now
                ids = {guid: aid for guid, (aid, _hash) in existing.items()}
                ids.update(zip([r["guid"] for r in new_rows], new_ids, strict=True))
                keep_feed_boxes(
                    {ids[i.entry.guid]: i.entry.declared for i in incoming if i.entry.guid in ids}
                )
            texts = {
                item.entry.guid: (item.entry.title, item.search_text, item.search_packed)
                for item in incoming
            }
            search_index.write(
                self.db,
                [
                    (aid, *texts[guid])
                    for guid, aid in zip([r["guid"] for r in new_rows], new_ids, strict=True)
                ]
                + [(existing[r["guid"]][0], *texts[r["guid"]]) for r in changed_rows],
            )
            if regrouped:
                self._apply_regroup(feed_id, regrouped, series_ids)
            moved = [r["guid"] for r in changed_rows] + list(regrouped or ())
            if moved:  # the reader's words on a renamed series follow its posts
                carry_user_state(before, self._detected_of(feed_id, moved))
            self._apply_dismissals(feed_id)
        return UpsertOutcome(tuple(new_ids), tuple(updated_ids))

    def _adopt_found(
        self,
        feed_id: int,
        incoming: Sequence[IncomingArticle],
        existing: Mapping[str, tuple[int, str]],
    ) -> dict[str, tuple[int, str]]:
        """Hand articles found on the site over to the feed once the feed carries them.

        "Find missing parts" stores a page under its URL; the feed may later carry the
        same post under another guid (WordPress's ``?p=123``). Matched by link, that row
        takes the feed's guid, so the post is not stored twice and its read state, star
        and note stay where the user left them. Every row the feed now carries stops
        being ``found_on_site``. Returns guid -> (id, "") for the adopted rows: an empty
        hash, so the feed's own columns replace what the page said.
        """
        rows = (
            ArticleRow.select(ArticleRow.id, ArticleRow.guid, ArticleRow.link)
            .where((ArticleRow.feed == feed_id) & (ArticleRow.found_on_site == True))  # noqa: E712
            .tuples()
        )
        found = {normalize_url(link): (aid, guid) for aid, guid, link in rows if link}
        if not found:
            return {}  # the usual case: nothing found on the site waits for this feed
        carried = [item.entry.guid for item in incoming]
        adopted: dict[str, tuple[int, str]] = {}
        for item in incoming:
            guid, link = item.entry.guid, item.entry.link
            if guid in existing or guid in adopted or not link:
                continue
            match = found.pop(normalize_url(link), None)
            if match is None or match[1] in existing:  # the feed carries that row too
                continue
            ArticleRow.update(guid=guid).where(ArticleRow.id == match[0]).execute()
            adopted[guid] = (match[0], "")
        for chunk in chunks(carried):
            ArticleRow.update(found_on_site=False).where(
                (ArticleRow.feed == feed_id)
                & (ArticleRow.found_on_site == True)  # noqa: E712
                & ArticleRow.guid.in_(list(chunk))
            ).execute()
        return adopted

    def _insert_rows(self, rows: list[dict[str, Any]]) -> None:
        """New rows, one prepared ``INSERT OR IGNORE`` run for all of them.

        The same statement peewee's ``insert_many(...).on_conflict_ignore()`` built, but
        its SQL is made once, not once per 100 rows with every value wrapped (that was
        most of a first sync's writing time). The values are already what SQLite stores
        (epoch seconds, packed HTML, ids): no field conversion is skipped.
        """
        if not rows:
            return
        names = list(rows[0])
        fields = ArticleRow._meta.fields
        # peewee fills in the model's defaults (read, starred, hidden ... are NOT NULL
        # without an SQL default); so does this. None are callables on this model.
        defaults = {
            name: field.db_value(field.default)
            for name, field in fields.items()
            if name not in rows[0] and field.default is not None and not field.primary_key
        }
        assert not any(callable(field.default) for field in fields.values())
        columns = ", ".join(f'"{fields[name].column_name}"' for name in [*names, *defaults])
        marks = ", ".join("?" * (len(names) + len(defaults)))
        table = ArticleRow._meta.table_name
        tail = tuple(defaults.values())
        self.db.connection().executemany(
            f'INSERT OR IGNORE INTO "{table}" ({columns}) VALUES ({marks})',
            [tuple(row[name] for name in names) + tail for row in rows],
        )

    def _update_rows(self, rows: list[dict[str, Any]]) -> None:
        """ON CONFLICT DO UPDATE naming feed-owned columns only; the user's wins."""
        if not rows:
            return
        update: dict[Any, Any] = {
            field: getattr(pw.EXCLUDED, field.column_name) for field in FEED_OWNED_ARTICLE_FIELDS
        }
        update[ArticleRow.series] = _effective_series(pw.EXCLUDED.series_id)
        # an entry the feed sends undated keeps the date it had (an earlier copy's, or
        # the one its page declared when its full text was read)
        update[ArticleRow.published] = pw.fn.COALESCE(pw.EXCLUDED.published, ArticleRow.published)
        for chunk in chunks(rows, 100):
            ArticleRow.insert_many(list(chunk)).on_conflict(
                conflict_target=[ArticleRow.feed, ArticleRow.guid], update=update
            ).execute()

    def _apply_regroup(
        self,
        feed_id: int,
        regrouped: Mapping[str, SeriesGuess],
        series_ids: Mapping[str, tuple[int, int]],
    ) -> None:
        for guid, guess in regrouped.items():
            detected, shown = series_ids.get(guess.key or "", (None, None))
            ArticleRow.update(
                {
                    ArticleRow.detected_series: detected,
                    ArticleRow.detected_part: guess.part if detected else None,
                    ArticleRow.detected_part_last: guess.part_last if detected else None,
                    ArticleRow.short_title: guess.short_title,
                    ArticleRow.series: _effective_series(shown),
                }
            ).where((ArticleRow.feed == feed_id) & (ArticleRow.guid == guid)).execute()

    def _detected_of(self, feed_id: int, guids: list[str]) -> dict[str, int | None]:
        """guid -> the series detection put the article in (before the reader's moves)."""
        return dict(self._by_guid(feed_id, guids, "detected_series_id"))

    def article_ids_for_guids(self, feed_id: int, guids: list[str]) -> list[int]:
        """The ids of a feed's articles with these guids, in the same order."""
        return self._ids_for(feed_id, guids)

    def _ids_for(self, feed_id: int, guids: list[str]) -> list[int]:
        found = {guid: aid for guid, aid in self._by_guid(feed_id, guids, "id")}
        return [found[g] for g in guids]

    def _by_guid(self, feed_id: int, guids: Sequence[str], columns: str) -> list[tuple[Any, ...]]:
        """``(guid, *columns)`` of the feed's articles with these guids (plain SQL: the
        sync asks this twice per feed, and peewee's query building cost more than the
        query). Many guids at once read the whole feed's rows in one pass instead."""
        if not guids:
            return []
        con = self.db.connection()
        if len(guids) > 2 * CHUNK:
            wanted = set(guids)
            rows = con.execute(
                f"SELECT guid, {columns} FROM article WHERE feed_id = ?", (feed_id,)
            ).fetchall()
            return [row for row in rows if row[0] in wanted]
        out: list[tuple[Any, ...]] = []
        for chunk in chunks(guids):
            marks = ",".join("?" * len(chunk))
            out += con.execute(
                f"SELECT guid, {columns} FROM article WHERE feed_id = ? AND guid IN ({marks})",
                (feed_id, *chunk),
            ).fetchall()
        return out

    def index_search_text(self, rows: Sequence[tuple[int, str, str]]) -> None:
        """(id, title, plain text) into the full-text index; notes stay as they are."""
        with self.db.atomic():
            search_index.write(self.db, list(rows))
