"""The series articles' pages declare (``declared_series``): kept, and read back per feed
for series grouping, which ranks them above its own guesses.

The ``members`` column holds JSON: a list of the series' posts (as schema 10 wrote it),
or, when the page also named its neighbours in the series, an object ``{"members":
[...], "previous": url, "next": url}``. Why not two new columns: a migration copies the
whole library first (``VACUUM INTO``), a heavy price for two rarely set links; a
declaration without neighbours is still written as the plain list, so rows read the same
by this version and the one before, and both forms read back here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import peewee as pw

from readinglist.model.records import DeclaredSeries
from readinglist.storage.chunks import chunks
from readinglist.storage.feed_store import utcnow
from readinglist.storage.schema import ArticleRow, DeclaredSeriesRow


class DeclaredStore:
    db: pw.SqliteDatabase

    def set_declared_series(self, article_id: int, declared: DeclaredSeries | None) -> None:
        """What the article's page declared when it was last fetched (None: nothing)."""
        with self.db.atomic():
            _write(article_id, declared)

    def feed_declarations(self, feed_id: int) -> dict[str, DeclaredSeries]:
        """Article link → what its page declared, for one feed's articles."""
        rows = (
            DeclaredSeriesRow.select(
                ArticleRow.link,
                DeclaredSeriesRow.name,
                DeclaredSeriesRow.position,
                DeclaredSeriesRow.total,
                DeclaredSeriesRow.members,
                DeclaredSeriesRow.source,
            )
            .join(ArticleRow)
            .where((ArticleRow.feed == feed_id) & ArticleRow.link.is_null(False))
            .tuples()
        )
        return {link: _declaration(*row) for link, *row in rows}


def keep_feed_boxes(said: Mapping[int, DeclaredSeries | None]) -> None:
    """What the feed's copy of each post declares now (article id -> its box, or None
    when it carries none), kept where nothing else speaks for the post.

    A page read on the reader's behalf (its box, schema.org) or the site's list
    outranks the feed and is never touched; a box the feed no longer carries is
    dropped; an unchanged one is not written again (a feed is read at every sync).
    """
    if not said:
        return
    ids = list(said)
    stored: dict[int, DeclaredSeries] = {}
    for chunk in chunks(ids):
        rows = (
            DeclaredSeriesRow.select(
                DeclaredSeriesRow.article,
                DeclaredSeriesRow.name,
                DeclaredSeriesRow.position,
                DeclaredSeriesRow.total,
                DeclaredSeriesRow.members,
                DeclaredSeriesRow.source,
            )
            .where(DeclaredSeriesRow.article.in_(chunk))
            .tuples()
        )
        stored.update({article_id: _declaration(*row) for article_id, *row in rows})
    for article_id, declared in said.items():
        old = stored.get(article_id)
        if old is not None and not old.from_feed:
            continue  # the page or the site's list said it: the feed does not
        if old != declared:
            _write(article_id, declared)


def _write(article_id: int, declared: DeclaredSeries | None) -> None:
    """Replace the article's declaration (inside the caller's transaction)."""
    DeclaredSeriesRow.delete().where(DeclaredSeriesRow.article == article_id).execute()
    if declared is not None:
        DeclaredSeriesRow.create(
            article=article_id,
            name=declared.name,
            position=declared.position,
            total=declared.total,
            members=_encode_members(declared),
            source=declared.source,
            fetched=utcnow(),
        )


def _declaration(
    name: str, position: int | None, total: int | None, members: str | None, source: str
) -> DeclaredSeries:
    """A stored row's declaration (its members column in either form)."""
    listed, previous, following = _decode_members(members)
    return DeclaredSeries(name, position, total, listed, source, previous, following)


def _encode_members(declared: DeclaredSeries) -> str:
    """The ``members`` column's JSON: the plain list unless neighbours are known."""
    if declared.previous is None and declared.next is None:
        return json.dumps(list(declared.members))
    return json.dumps(
        {"members": list(declared.members), "previous": declared.previous, "next": declared.next}
    )


def _decode_members(raw: str | None) -> tuple[tuple[str, ...], str | None, str | None]:
    """(members, previous, next) from either form of the column; damage reads as none."""
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return (), None, None
    neighbours: dict[str, object] = value if isinstance(value, dict) else {}
    listed = neighbours.get("members", []) if neighbours else value
    members = tuple(m for m in listed if isinstance(m, str)) if isinstance(listed, list) else ()
    previous, following = neighbours.get("previous"), neighbours.get("next")
    return (
        members,
        previous if isinstance(previous, str) else None,
        following if isinstance(following, str) else None,
    )
