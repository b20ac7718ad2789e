"""peewee models: private to ``storage/``.

Columns are either *feed-owned* (sync rewrites them) or *user-owned* (only the user's
own actions write them). Each model lists them in ``FEED_OWNED`` so the upsert can name
exactly what it may overwrite; anything not listed is never touched by a sync.

A third, small kind is *fetched on the user's request*: ``ArticleRow.page_word_count``
(migration 4) is the word count of the article's own web page, fetched only when the
user asks for it ("Fetch full length", ``readinglist fetch-length``). It is in neither
list: a sync never writes it (it is not feed-owned) and the user never types it (it is
not user-owned), yet it must survive every sync and every backup like user data.
Everywhere a reading time is shown the effective count is
``COALESCE(page_word_count, word_count)`` (``EFFECTIVE_WORD_COUNT`` in ``convert``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import peewee as pw

database_proxy = pw.DatabaseProxy()


class UTCDateTimeField(pw.IntegerField):
    """An aware UTC datetime stored as integer Unix seconds: compact, sortable, no tz bugs."""

    def db_value(self, value: Any) -> Any:
        if isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            return int(value.timestamp())
        return value

    def python_value(self, value: Any) -> Any:
        if value is None:
            return None
        return datetime.fromtimestamp(int(value), UTC)


class PackedTextField(pw.TextField):
    """A TEXT column whose values are stored packed (``codec``): text, or zlib bytes.
    peewee would decode bytes as UTF-8 both ways; this hands them through untouched,
    and only ``codec.unpack`` turns them into text."""

    def adapt(self, value: Any) -> Any:
        return value


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class FeedRow(BaseModel):
    url = pw.TextField(unique=True)
    # feed-owned
    title = pw.TextField(default="")
    site_url = pw.TextField(null=True)
    etag = pw.TextField(null=True)
    last_modified = pw.TextField(null=True)
    content_hash = pw.TextField(null=True)
    last_checked = UTCDateTimeField(null=True)
    last_success = UTCDateTimeField(null=True)
    last_error = pw.TextField(null=True)
    retry_after = UTCDateTimeField(null=True)
    # user-owned
    user_title = pw.TextField(null=True)
    folder = pw.TextField(null=True)
    fulltext_policy = pw.TextField(null=True)  # "auto", "ask", "never"; NULL: auto
    unsubscribed = pw.BooleanField(default=False)
    created = UTCDateTimeField()
    # sync bookkeeping (migration 7): the feed's stream id on the account's server, NULL
    # while it waits to be subscribed there (or without an account)
    remote_id = pw.TextField(null=True)
    # the version of the series rules that last grouped this feed (migration 12; NULL:
    # not since that migration), so newer rules group it again once (``services.regroup``)
    grouped_with = pw.TextField(null=True)
    # user-owned (migration 13): the reader asked to read the site's series, so each sync
    # that brings new posts asks the site again for theirs (``services.site_follow``)
    follow_site_series = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT 0")])

    class Meta:
        table_name = "feed"


class SeriesRow(BaseModel):
    feed = pw.ForeignKeyField(FeedRow, on_delete="CASCADE", column_name="feed_id")
    key = pw.TextField()
    # feed-owned
    detected_name = pw.TextField(default="")
    # user-owned
    user_name = pw.TextField(null=True)
    note = pw.TextField(null=True)
    note_updated = UTCDateTimeField(null=True)
    followed = pw.BooleanField(default=False)
    merged_into = pw.ForeignKeyField(
        "self", null=True, on_delete="SET NULL", column_name="merged_into_id"
    )
    user_created = pw.BooleanField(default=False)
    created = UTCDateTimeField()
    # feed-owned (migration 9): what detection concluded about the group, and why
    kind = pw.TextField(default="multipart")  # or "recurring": a column, no part order
    strength = pw.TextField(default="strong")  # or "weak": a guess, marked in the window
    why = pw.TextField(default="")
    # user-owned (migration 9): the reader confirmed the guess, or said "not a series"
    # (its posts, and every later post detected into it, are standalone)
    confirmed = pw.BooleanField(default=False)
    dismissed = pw.BooleanField(default=False)

    class Meta:
        table_name = "series"
        indexes = ((("feed", "key"), True),)


class ArticleRow(BaseModel):
    feed = pw.ForeignKeyField(FeedRow, on_delete="CASCADE", column_name="feed_id")
    guid = pw.TextField()
    # feed-owned
    title = pw.TextField(default="")
    link = pw.TextField(null=True)
    author = pw.TextField(null=True)
    # stored packed (``codec``): compressed, the summary as SAME_AS_CONTENT when equal
    summary_html = PackedTextField(default="")
    content_html = PackedTextField(default="")
    published = UTCDateTimeField(null=True)
    updated = UTCDateTimeField(null=True)
    categories = pw.TextField(default="")  # newline-separated
    word_count = pw.IntegerField(default=0)
    content_hash = pw.TextField(default="")
    detected_series = pw.ForeignKeyField(
        SeriesRow, null=True, on_delete="SET NULL", column_name="detected_series_id"
    )
    detected_part = pw.IntegerField(null=True)
    # feed-owned (migration 15): the last part a post covers ("Day 4-7": 7), if several
    detected_part_last = pw.IntegerField(null=True)
    short_title = pw.TextField(default="")
    found_on_site = pw.BooleanField(default=False)
    # derived: the effective series (override, else detected after merges); kept in
    # step by every write so that "articles of series X" is an index lookup.
    series = pw.ForeignKeyField(
        SeriesRow, null=True, on_delete="SET NULL", column_name="series_id", backref="+"
    )
    # user-owned
    read = pw.BooleanField(default=False)
    read_at = UTCDateTimeField(null=True)
    starred = pw.BooleanField(default=False)
    note = pw.TextField(null=True)
    note_updated = UTCDateTimeField(null=True)
    series_override = pw.ForeignKeyField(
        SeriesRow, null=True, on_delete="SET NULL", column_name="series_override_id", backref="+"
    )
    standalone_override = pw.BooleanField(default=False)
    part_override = pw.IntegerField(null=True)
    hidden = pw.BooleanField(default=False)
    first_seen = UTCDateTimeField()
    # fetched on the user's request (neither feed- nor user-owned; see the module notes):
    # words on the article's own page, NULL until the user asked for it
    page_word_count = pw.IntegerField(null=True)
    # sync bookkeeping (migration 7): the item's id on the account's server and the read
    # and star state the server is known to hold. Where ``read``/``starred`` differ from
    # them, the reader's change waits to be sent (see ``storage.account_store``).
    remote_id = pw.BigIntegerField(null=True)
    remote_read = pw.BooleanField(null=True)
    remote_starred = pw.BooleanField(null=True)

    class Meta:
        table_name = "article"
        indexes = (
            (("feed", "guid"), True),
            (("series",), False),
            (("read",), False),
            (("published",), False),
        )


FEED_OWNED_ARTICLE_FIELDS = (
    ArticleRow.title,
    ArticleRow.link,
    ArticleRow.author,
    ArticleRow.summary_html,
    ArticleRow.content_html,
    ArticleRow.published,
    ArticleRow.updated,
    ArticleRow.categories,
    ArticleRow.word_count,
    ArticleRow.content_hash,
    ArticleRow.detected_series,
    ArticleRow.detected_part,
    ArticleRow.detected_part_last,
    ArticleRow.short_title,
)

USER_OWNED_ARTICLE_FIELDS = (
    ArticleRow.read,
    ArticleRow.read_at,
    ArticleRow.starred,
    ArticleRow.note,
    ArticleRow.note_updated,
    ArticleRow.series_override,
    ArticleRow.standalone_override,
    ArticleRow.part_override,
    ArticleRow.hidden,
)

MODELS = (FeedRow, SeriesRow, ArticleRow)

# The search index keeps no copy of what it indexes (``content=''``): that copy is kept,
# compressed, in ``search_text`` (see ``search_index``). Schema 1-6 had the copy.
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    "title, body, note, content='', tokenize='unicode61 remove_diacritics 2')"
)
SEARCH_TEXT_DDL = (
    "CREATE TABLE IF NOT EXISTS search_text (article_id INTEGER PRIMARY KEY,"
    " title TEXT NOT NULL DEFAULT '', body BLOB, note TEXT NOT NULL DEFAULT '')"
)


class AutoIncrementField(pw.AutoField):
    """An integer key SQLite never hands out twice (``AUTOINCREMENT``). Written here
    rather than imported from ``playhouse.sqlite_ext``, which would bring that whole
    module (and its C extension) into the start-up and the bundle for two words of DDL."""

    def ddl(self, ctx: Any) -> Any:
        return pw.NodeList((super().ddl(ctx), pw.SQL("AUTOINCREMENT")))


class HighlightRow(BaseModel):
    """A highlight (migration 5): user-owned, anchored in the article's plain text.

    Its id is never reused after a removal (AUTOINCREMENT): exports name highlights by
    it (``urn:readinglist:highlight:N``), so a new one must not take an old one's name."""

    id = AutoIncrementField()
    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE", column_name="article_id")
    quote = pw.TextField()
    prefix = pw.TextField(default="")
    suffix = pw.TextField(default="")
    start = pw.IntegerField(default=0)
    end = pw.IntegerField(default=0)
    note = pw.TextField(null=True)
    created = UTCDateTimeField()
    orphaned = pw.BooleanField(default=False)

    class Meta:
        table_name = "highlight"
        indexes = ((("article",), False),)


class FullTextRow(BaseModel):
    """The article's text as read from its own page (migration 5): fetched on the
    user's request, never written by a sync, refreshed only when asked. Its own table so
    that article rows, listed by the thousand, stay narrow."""

    article = pw.ForeignKeyField(
        ArticleRow, on_delete="CASCADE", column_name="article_id", unique=True
    )
    html = PackedTextField()  # sanitized, stored packed (``codec``)
    words = pw.IntegerField(default=0)
    source_url = pw.TextField(default="")  # where it was read (after redirects)
    fetched = UTCDateTimeField()

    class Meta:
        table_name = "fulltext"


class BackfillCacheRow(BaseModel):
    """What "find missing parts" learned from one URL (migration 3).

    Kept so a second run within the cache period asks the site nothing, and a later
    one asks conditionally (ETag / Last-Modified). ``summary`` is a small JSON digest
    (title, links, feed entries, sitemap URLs), never the page itself.
    """

    url = pw.TextField(unique=True)
    kind = pw.TextField()  # page, feed, sitemap, robots
    status = pw.IntegerField()  # HTTP status, or 0 for a failure without one
    final_url = pw.TextField(null=True)
    etag = pw.TextField(null=True)
    last_modified = pw.TextField(null=True)
    fetched_at = UTCDateTimeField()
    error = pw.TextField(null=True)
    summary = pw.TextField(default="{}")

    class Meta:
        table_name = "backfill_cache"


class AccountRow(BaseModel):
    """The library's sync account (migration 7): at most one row. The password is never
    here (``services.account.secrets``)."""

    kind = pw.TextField()  # "greader"
    url = pw.TextField()
    username = pw.TextField()
    created = UTCDateTimeField()
    last_sync = UTCDateTimeField(null=True)  # the last sync that reached the server whole
    last_error = pw.TextField(null=True)
    retry_after = UTCDateTimeField(null=True)  # the server asked us to wait until then
    # crawl time (µs) of the newest item taken: the next sync asks only for items after it
    newest_usec = pw.BigIntegerField(default=0)

    class Meta:
        table_name = "account"


class RemoteRemovalRow(BaseModel):
    """A feed unsubscribed here whose unsubscription waits to be sent (migration 7).

    The feed's own row may be gone (nothing in it was kept), so the stream id is kept
    here until the server has confirmed."""

    remote_id = pw.TextField(unique=True)
    created = UTCDateTimeField()

    class Meta:
        table_name = "remote_removal"


ACCOUNT_INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS feed_remote_id ON feed (remote_id)"
    " WHERE remote_id IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS article_remote_id ON article (remote_id)"
    " WHERE remote_id IS NOT NULL",
    # the changes waiting to be sent: found through this small index, however big the
    # library, because it holds only the rows that differ from the server
    "CREATE INDEX IF NOT EXISTS article_sync_pending ON article (remote_id)"
    " WHERE remote_id IS NOT NULL"
    " AND (read IS NOT remote_read OR starred IS NOT remote_starred)",
)


class DeclaredSeriesRow(BaseModel):
    """The series an article's page declares (migration 10): read with the page when the
    reader fetched it (full text), so fetched on the reader's behalf and never by a sync.
    Series grouping ranks it above its own guesses."""

    article = pw.ForeignKeyField(
        ArticleRow, on_delete="CASCADE", column_name="article_id", unique=True
    )
    name = pw.TextField()
    position = pw.IntegerField(null=True)
    total = pw.IntegerField(null=True)
    # JSON list of URLs in the page's order, or {"members", "previous", "next"}
    members = pw.TextField(default="[]")
    source = pw.TextField(default="")
    fetched = UTCDateTimeField()

    class Meta:
        table_name = "declared_series"


# Per (feed, hidden, read): how many articles (migration 11). The feed list's counts and
# the window's first paint read these few rows instead of every article's index entry
# (74 ms at a million articles, growing with the library). Kept by triggers, so every
# writer — a sync's bulk insert, a restore, a read toggle, a feed's cascade delete —
# keeps it exact without knowing it exists; a count of zero is left in place.
TALLY_DDL = (
    "CREATE TABLE IF NOT EXISTS article_tally (feed_id INTEGER NOT NULL,"
    " hidden INTEGER NOT NULL, read INTEGER NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (feed_id, hidden, read)) WITHOUT ROWID"
)
_TALLY_ADD = (
    "INSERT INTO article_tally (feed_id, hidden, read, n)"
    " VALUES (new.feed_id, new.hidden, new.read, 1)"
    " ON CONFLICT (feed_id, hidden, read) DO UPDATE SET n = n + 1;"
)
_TALLY_REMOVE = (
    "UPDATE article_tally SET n = n - 1"
    " WHERE feed_id = old.feed_id AND hidden = old.hidden AND read = old.read;"
)
TALLY_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS article_tally_insert AFTER INSERT ON article"
    f" BEGIN {_TALLY_ADD} END",
    "CREATE TRIGGER IF NOT EXISTS article_tally_delete AFTER DELETE ON article"
    f" BEGIN {_TALLY_REMOVE} END",
    "CREATE TRIGGER IF NOT EXISTS article_tally_update AFTER UPDATE OF feed_id, hidden, read"
    " ON article WHEN old.feed_id IS NOT new.feed_id OR old.hidden IS NOT new.hidden"
    f" OR old.read IS NOT new.read BEGIN {_TALLY_REMOVE} {_TALLY_ADD} END",
    "CREATE TRIGGER IF NOT EXISTS article_tally_feed_gone AFTER DELETE ON feed"
    " BEGIN DELETE FROM article_tally WHERE feed_id = old.id; END",
)
#: The tally computed from the articles themselves: fills it, and checks it in tests.
TALLY_FROM_ARTICLES = (
    "SELECT feed_id, hidden, read, COUNT(*) FROM article GROUP BY feed_id, hidden, read"
)


class CorrectionUndoRow(BaseModel):
    """How the series a correction touched stood just before it (migration 14), so the
    reader can take the correction back (Edit ▸ Undo, ``readinglist undo``); or the posts
    a bulk read mark changed.

    Not the reader's data but a way back to it: no backup carries it, and only the
    newest few are kept (``UndoStore``)."""

    label = pw.TextField()
    created = UTCDateTimeField()
    # JSON: {"series": [[id, user_name, followed, merged_into, confirmed, dismissed]],
    #        "articles": [[id, series, series_override, standalone_override, part_override]],
    #        "created_series": [id, ...], "focus": id}; or {"marks": {"read": bool, "ids": [...]}}
    state = pw.TextField()

    class Meta:
        table_name = "correction_undo"
