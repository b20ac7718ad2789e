"""What detection concluded about a group, shown to the reader, and the reader's answer
remembered by the feed: recurring columns are their own kind (no part order, no gaps), a
guess is marked with its reason and confirmed in one step, "not a series" and a moved
post teach the next sync where a new post of that group goes."""

from __future__ import annotations

import json

from feedgen import Item, rss
from readinglist.cli.commands import run
from readinglist.model.query import ArticleQuery
from readinglist.services.backfill.run import BackfillLimits
from readinglist.services.library import Library

SITE = "https://blog.example"


def posts(*titles: str) -> list[Item]:
    return [
        Item(f"g{i}", title, f"{SITE}/{i}-{title.split()[0].lower()}/", day=i)
        for i, title in enumerate(titles)
    ]


def serve(loopback, items: list[Item]) -> str:
    loopback.route(
        "/feed.xml", body=rss(items, site=SITE + "/"), content_type="application/rss+xml"
    )
    return loopback.url("/feed.xml")


def series_named(lib: Library, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in lib.list_series() if s.name == name)


def series_of(lib: Library, title: str) -> int | None:
    return next(a.series_id for a in lib.list_articles(ArticleQuery()) if a.title == title)


COLUMN = ("Weekly roundup #1", "Weekly roundup #2", "Weekly roundup #4")
GUESS = ("Deep dive: pods", "Deep dive: services", "Deep dive: ingress", "Deep dive: volumes")


def test_a_recurring_column_has_no_part_order_and_no_missing_parts(tmp_path, loopback, capsys):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, posts(*COLUMN, "Rust Async (1)", "Rust Async (3)")))
        column = series_named(lib, "Weekly roundup")
        assert column.kind == "recurring" and column.missing == () and column.parts == ()
        assert "recurring" in column.why
        parts = series_named(lib, "Rust Async")
        assert parts.kind == "multipart" and parts.missing == (2,)
    assert run(["series", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Weekly roundup (column)" in out


def test_a_guess_is_marked_with_its_reason_and_confirmed_in_one_step(tmp_path, loopback, capsys):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, posts(*GUESS)))
        (guess,) = lib.list_series()
        assert guess.guess and guess.why  # a shared head, no numbers: weak evidence
        series_id = guess.id
    assert run(["series", "--data-dir", str(tmp_path)]) == 0
    assert "(guess?)" in capsys.readouterr().out
    assert run(["confirm-series", str(series_id), "--data-dir", str(tmp_path)]) == 0
    with Library.open(tmp_path) as lib:
        assert not lib.get_series(series_id).guess
        lib.sync()  # a sync rewrites what detection says, never the reader's answer
        assert not lib.get_series(series_id).guess


def test_not_a_series_dissolves_the_group_and_the_next_sync_remembers(tmp_path, loopback):
    items = posts(*GUESS)
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, items))
        (guess,) = lib.list_series()
        changes = lib.dismiss_series(guess.id)
        assert len(changes.articles) == 4
        assert lib.list_series() == []
        assert all(a.series_id is None for a in lib.list_articles(ArticleQuery()))

        more = [*items, Item("g9", "Deep dive: networking", f"{SITE}/9-networking/", day=9)]
        serve(loopback, more)
        assert lib.sync().new_count == 1
        assert series_of(lib, "Deep dive: networking") is None  # stays standalone
        assert lib.list_series() == []

        lib.dismiss_series(guess.id, False)  # it was a series after all
        assert [s.article_count for s in lib.list_series()] == [5]


def test_moving_a_lone_part_teaches_where_the_next_part_goes(tmp_path, loopback):
    items = posts("Async Rust (1)", "Async Rust (2)", "Rust Async, Part 3: Wakers")
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, items))
        target = series_named(lib, "Async Rust")
        stray = next(a for a in lib.list_articles(ArticleQuery()) if "Wakers" in a.title)
        assert stray.series_id != target.id  # detection saw another name

        lib.move_articles([stray.id], target.id, part=3)
        serve(loopback, [*items, Item("g7", "Rust Async, Part 4: Pinning", f"{SITE}/7-p/", day=7)])
        assert lib.sync().new_count == 1
        assert series_of(lib, "Rust Async, Part 4: Pinning") == target.id
        assert lib.get_series(target.id).parts == (1, 2, 3, 4)


def test_a_post_moved_out_alone_does_not_dissolve_a_group_others_follow(tmp_path, loopback):
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, posts("Async Rust (1)", "Async Rust (2)", "Async Rust (3)")))
        series = series_named(lib, "Async Rust")
        first = next(a for a in lib.list_articles(ArticleQuery()) if a.title == "Async Rust (1)")
        lib.move_articles([first.id], None)
        assert lib.get_series(series.id).article_count == 2  # the rest still follow detection


def test_posts_of_one_day_in_a_series_ordered_by_date_leave_no_part_missing(tmp_path, loopback):
    """A date-only feed cannot say which of two posts of one day came first: detection
    leaves both unnumbered and the post after them part 4. The reader has parts 2 and 3,
    so nothing shows as missing, and "Find missing parts" has nothing to look for."""
    diary = [
        Item("k1", "Kiln Diary: choosing a site", f"{SITE}/kiln-site/", day=1),
        Item("k2", "Kiln Diary: the foundation", f"{SITE}/kiln-foundation/", day=3),
        Item("k3", "Kiln Diary: the arch", f"{SITE}/kiln-arch/", day=3),
        Item("k4", "Kiln Diary: first firing", f"{SITE}/kiln-firing/", day=6),
    ]
    gap = posts("Rust Async (1)", "Rust Async (3)", "Rust Async: an epilogue")
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, [*diary, *gap]))
        kiln = series_named(lib, "Kiln Diary")
        assert kiln.article_count == 4 and kiln.parts == (1, 4) and kiln.missing == ()
        # and they are read between parts 1 and 4, not after them
        order = lib.list_articles(ArticleQuery(series_id=kiln.id, order="part"))
        guids = [a.guid for a in order]
        assert guids[0] == "k1" and guids[3] == "k4" and set(guids[1:3]) == {"k2", "k3"}
        assert lib.get_series(kiln.id).next_unread_id == order[0].id
        rust = series_named(lib, "Rust Async")
        assert rust.article_count == 3 and rust.missing == (2,)  # posted after part 3


def test_a_post_covering_several_days_leaves_none_of_them_missing(tmp_path, loopback, capsys):
    """ "Kiln log Day 2-4" is days 2, 3 and 4: the series has days 1–5 and 7, only 6
    missing, in the library and the CLI; a second sync regroups nothing; a part the
    reader sets by hand covers one."""
    titles = ("Kiln log Day 1", "Kiln log Day 2-4", "Kiln log Day 5", "Kiln log Day 7")
    with Library.open(tmp_path) as lib:
        lib.subscribe(serve(loopback, posts(*titles)))
        kiln = series_named(lib, "Kiln log")
        assert kiln.parts == (1, 2, 3, 4, 5, 7) and kiln.missing == (6,)
        ranged = next(a for a in lib.list_articles(ArticleQuery()) if a.part == 2)
        assert ranged.part_last == 4 and ranged.short_title == "Kiln log Day 2-4"
        assert not lib.sync().regrouped  # the stored range is what detection says again
        series_id = kiln.id
    assert run(["series", "--json", "--data-dir", str(tmp_path)]) == 0
    (listed,) = [s for s in json.loads(capsys.readouterr().out) if s["id"] == series_id]
    assert listed["parts"] == [1, 2, 3, 4, 5, 7] and listed["missing"] == [6]
    with Library.open(tmp_path) as lib:
        lib.move_articles([ranged.id], series_id, part=3)  # a part set by hand covers one
        assert series_named(lib, "Kiln log").missing == (2, 4, 6)


def test_find_missing_parts_looks_for_no_part_the_reader_has(tmp_path, loopback):
    """The two posts of one day hold parts 2 and 3: the search reports nothing missing,
    finds nothing to add, and does not walk the members' pages looking for them (one
    page is read, as for any series, for what the site declares of it)."""
    diary = [
        ("k1", "Kiln Diary: choosing a site", "/kiln/site/", 1),
        ("k2", "Kiln Diary: the foundation", "/kiln/foundation/", 3),
        ("k3", "Kiln Diary: the arch", "/kiln/arch/", 3),
        ("k4", "Kiln Diary: first firing", "/kiln/firing/", 6),
    ]
    items = [Item(guid, title, loopback.url(path), day=day) for guid, title, path, day in diary]
    for _, title, path, _ in diary:
        loopback.route(path, body=f"<html><body><h1>{title}</h1></body></html>".encode())
    site = loopback.url("/")
    loopback.route("/feed.xml", body=rss(items, site=site), content_type="application/rss+xml")
    with Library.open(tmp_path) as lib:
        lib.subscribe(loopback.url("/feed.xml"))
        kiln = series_named(lib, "Kiln Diary")
        loopback.clear_log()
        (report,) = lib.backfill([kiln.id], limits=BackfillLimits(min_interval=0))
        assert report.still_missing == () and report.parts_found == ()
        members = {path for _, _, path, _ in diary}
        assert len([r for r in loopback.requests if r[1] in members]) <= 1
        assert series_named(lib, "Kiln Diary").article_count == 4


def test_a_library_from_before_ranges_gains_the_column(tmp_path) -> None:
    from legacy import old_schema, write_feed
    from readinglist.storage.store import Store

    path = tmp_path / "library.sqlite3"
    with old_schema(path, 14) as old:  # before migration 15 kept the last part covered
        old.db.execute_sql("ALTER TABLE article DROP COLUMN detected_part_last")
        write_feed(old.db, "https://pots.example/index.xml")
    store = Store(path)
    try:
        assert "detected_part_last" in {c.name for c in store.db.get_columns("article")}
        assert store.list_series() == []
    finally:
        store.close()
