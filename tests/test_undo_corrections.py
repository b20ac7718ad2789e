"""A series correction can be taken back: "Not a series" clicked for "It is a series",
a merge onto the wrong series, a post moved by mistake. The state before each
correction is kept in the library, so the window's Series ▸ Undo and ``readinglist
undo`` are one verb, newest first, across restarts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from feedgen import Item, rss
from readinglist.cli.commands import run
from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library
from readinglist.storage.undo_store import KEEP

SITE = "https://blog.example"
GUESS = ("Deep dive: pods", "Deep dive: services", "Deep dive: ingress")
NUMBERED = ("Kiln Basics (1)", "Kiln Basics (2)", "Kiln Basics (3)")


def serve(loopback, titles: tuple[str, ...]) -> str:
    items = [
        Item(f"g{i}", t, f"{SITE}/{i}-{t.split()[0].lower()}/", day=i) for i, t in enumerate(titles)
    ]
    loopback.route(
        "/feed.xml", body=rss(items, site=SITE + "/"), content_type="application/rss+xml"
    )
    return loopback.url("/feed.xml")


def where(lib: Library) -> dict[str, tuple[int | None, int | None]]:
    """Each post's (series, part) as the reader sees them."""
    return {a.title: (a.series_id, a.part) for a in lib.list_articles(ArticleQuery())}


def named(lib: Library, name: str) -> int:
    return next(s.id for s in lib.list_series() if s.name == name)


def test_not_a_series_is_taken_back_with_its_posts_and_its_memory(tmp_path, loopback):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, GUESS))
        before = where(lib)
        (guess,) = lib.list_series()
        assert lib.last_undoable() is None
        lib.dismiss_series(guess.id)
        assert lib.last_undoable() == "Not a series"
        undone = lib.undo()
        assert undone is not None and undone.label == "Not a series"
        assert len(undone.article_ids) == 3 and guess.id in undone.series_ids
        assert undone.focus_series == guess.id
        assert where(lib) == before and lib.get_series(guess.id).guess
        changes = lib.undone_changes(undone)
        assert set(changes.articles) == set(undone.article_ids) and guess.id in changes.series
        lib.sync()  # the feed no longer remembers "not a series"
        assert where(lib) == before
        assert lib.undo() is None and lib.last_undoable() is None


def test_a_merge_a_rename_and_a_move_come_back_newest_first(tmp_path, loopback):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, (*GUESS, *NUMBERED)))
        start = where(lib)
        kiln, deep = named(lib, "Kiln Basics"), named(lib, "Deep dive")
        lib.merge_series([deep], kiln)
        merged = where(lib)
        lib.rename_series(kiln, "Kiln and pods")
        renamed = where(lib)
        pods = next(a.id for a in lib.list_articles(ArticleQuery()) if a.title == GUESS[0])
        lib.move_articles([pods], None)
        assert where(lib)[GUESS[0]] == (None, None)
        assert lib.undo().label == "Mark standalone"  # type: ignore[union-attr]
        assert where(lib) == renamed
        assert lib.undo().label == "Rename series"  # type: ignore[union-attr]
        assert lib.get_series(kiln).name == "Kiln Basics" and where(lib) == merged
        assert lib.undo().label == "Merge series"  # type: ignore[union-attr]
        assert where(lib) == start
        assert {s.name for s in lib.list_series()} == {"Kiln Basics", "Deep dive"}
        lib.sync()  # the merge is forgotten by the feed too
        assert where(lib) == start


def test_a_move_to_a_new_series_takes_its_empty_series_away(tmp_path, loopback):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, NUMBERED))
        start = where(lib)
        second = next(a.id for a in lib.list_articles(ArticleQuery()) if a.title == NUMBERED[1])
        made = lib.move_to_new_series(second, "Kiln side notes", part=1)
        assert where(lib)[NUMBERED[1]] == (made.series.id, 1)
        assert lib.undo().label == "Move to a new series"  # type: ignore[union-attr]
        assert where(lib) == start
        assert [s.name for s in lib.list_series()] == ["Kiln Basics"]


def test_undo_keeps_later_posts_where_detection_puts_them(tmp_path, loopback):
    """A post that arrived after "Not a series" was kept standalone by it; once the
    correction is taken back, it joins its series as detection says."""
    with Library.open(tmp_path) as lib:
        url = serve(loopback, GUESS)
        lib.subscribe(url)
        (guess,) = lib.list_series()
        lib.dismiss_series(guess.id)
        serve(loopback, (*GUESS, "Deep dive: operators"))
        lib.sync()
        assert where(lib)["Deep dive: operators"][0] is None
        undone = lib.undo()
        assert undone is not None
        assert {t: s for t, (s, _p) in where(lib).items()} == dict.fromkeys(
            (*GUESS, "Deep dive: operators"), guess.id
        )


def test_only_the_newest_corrections_are_kept(tmp_path, loopback):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, NUMBERED))
        (series,) = lib.list_series()
        for i in range(KEEP + 5):
            lib.rename_series(series.id, f"Name {i}")
        taken_back = 0
        while lib.undo() is not None:
            taken_back += 1
        assert taken_back == KEEP
        assert lib.get_series(series.id).name == "Name 4"  # the oldest kept one's before


def test_the_cli_undoes_what_the_window_or_a_script_did(tmp_path, loopback, capsys):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, GUESS))
        (guess,) = lib.list_series()
    data = ["--data-dir", str(tmp_path)]
    assert run(["undo", *data]) == 1  # nothing yet: said on stderr, exit 1
    assert "nothing to undo" in capsys.readouterr().err
    assert run(["not-a-series", str(guess.id), *data]) == 0
    assert run(["undo", "--list", *data]) == 0
    assert capsys.readouterr().out.strip().endswith("Not a series")
    assert run(["undo", *data]) == 0
    assert "“Not a series”: 3 articles back as they were" in capsys.readouterr().out
    with Library.open(tmp_path) as lib:
        assert [s.id for s in lib.list_series()] == [guess.id]


def test_a_library_from_before_undo_gains_it(tmp_path: Path) -> None:
    from legacy import old_schema, write_feed
    from readinglist.storage.store import Store

    path = tmp_path / "library.sqlite3"
    with old_schema(path, 13) as old:  # before migration 14 kept corrections to undo
        write_feed(old.db, "https://pots.example/index.xml")
        assert "correction_undo" not in old.db.get_tables()
    store = Store(path)
    try:
        assert store.last_undoable() is None and store.undo() is None
        (feed,) = store.list_feeds()
        series = store.create_series(feed.id, "Kiln notes")
        store.record_correction("Rename series", [series.id])
        store.rename_series(series.id, "Kiln diary")
        undone = store.undo()
        assert undone is not None and undone.focus_series == series.id
        assert store.get_series(series.id).name == "Kiln notes"
    finally:
        store.close()


def test_a_bulk_read_mark_is_taken_back_but_not_what_was_read_before(tmp_path, loopback):
    """ "Mark feed read" on the wrong feed: Undo makes unread again exactly the posts it
    marked, not one the reader had read before it."""
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, (*GUESS, *NUMBERED)))
        articles = lib.list_articles(ArticleQuery())
        read_before = next(a.id for a in articles if a.title == NUMBERED[0])
        lib.mark_read([read_before])
        (feed,) = lib.list_feeds()
        marked = lib.mark_read_where(feed_id=feed.id)
        assert len(marked.articles) == 5 and lib.last_undoable() == "Mark feed read"
        undone = lib.undo()
        assert undone is not None and set(undone.article_ids) == set(marked.articles)
        unread = {a.id for a in lib.list_articles(ArticleQuery(unread_only=True))}
        assert unread == {a.id for a in articles} - {read_before}
        kiln = named(lib, "Kiln Basics")
        lib.mark_read_where(series_id=kiln)
        assert lib.last_undoable() == "Mark series read"
        lib.mark_read_where(feed_id=feed.id, read=False)  # nothing read stays marked
        assert lib.last_undoable() == "Mark feed unread"
        lib.undo()
        lib.undo()
        assert {a.id for a in lib.list_articles(ArticleQuery(unread_only=True))} == unread
        long_ago = datetime(1990, 1, 1, tzinfo=UTC)
        assert not lib.mark_read_where(feed_id=feed.id, before=long_ago).articles
        assert lib.last_undoable() is None  # a mark that changed nothing is no action


def test_undoing_a_move_forgets_what_the_move_taught_the_feed(tmp_path, loopback):
    """Moving every post of a group out teaches the feed "not a series" (the next sync's
    new post would stay standalone); undoing the move takes that lesson back too."""
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, GUESS))
        (guess,) = lib.list_series()
        ids = [a.id for a in lib.list_articles(ArticleQuery())]
        lib.move_articles(ids, None)
        assert lib.list_series() == []
        assert lib.undo() is not None
        serve(loopback, (*GUESS, "Deep dive: operators"))
        lib.sync()
        assert {s for s, _p in where(lib).values()} == {guess.id}
