"""Reading time from the article's own page ("Fetch full length"): the library verb,
what sync and backups do with it, the CLI command and the article pane's header link."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import threading
from pathlib import Path

import pytest

from feedgen import Item, rss, series_items
from helpers import entry, incoming
from readinglist.model.errors import (
    ArticleNotFoundError,
    HTTPStatusError,
    PageTextError,
    RedirectError,
    UnsupportedURLError,
)
from readinglist.model.query import ArticleQuery
from readinglist.model.records import reading_minutes
from readinglist.services.export import export_json
from readinglist.services.library import Library
from readinglist.storage.db import SCHEMA_VERSION
from readinglist.storage.store import Store

PAGE_WORDS = 2300  # ten minutes at 230 words a minute


def article_page(words: int = PAGE_WORDS, *, title: str = "Transfer Learning (1)") -> bytes:
    """A page whose article (its heading included) has ``words`` words."""
    per = 10
    body_words = words - len(title.split())
    paras = "".join(
        "<p>" + " ".join(f"word{i + j}" for j in range(min(per, body_words - i))) + "</p>"
        for i in range(0, body_words, per)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title><script>var x = 'no no no';</script>"
        "</head><body><header><nav><a href='/'>Home</a> <a href='/about'>About this blog</a>"
        f"</nav></header><article><header><h1>{title}</h1></header>{paras}</article>"
        "<footer><p>Copyright and some footer words</p></footer></body></html>"
    ).encode()


def serve_series(loopback, parts=(1, 2), *, body: str = "<p>Body text about the topic.</p>"):
    """A summary-only RSS feed whose posts link to pages on the same loopback host."""
    items = [
        Item(i.guid, i.title, i.link, html=body, day=i.day)
        for i in series_items("Transfer Learning", list(parts), site=loopback.base_url)
    ]
    loopback.route("/feed.xml", body=rss(items), content_type="application/rss+xml")
    for n in parts:
        loopback.route(
            f"/transfer-learning/{n:02d}-chapter-{n}/",
            body=article_page(),
            content_type="text/html; charset=utf-8",
        )
    return items


def subscribed(library: Library, loopback, parts=(1, 2)):
    """Subscribed, with the full text fetched on request only (the window's link)."""
    serve_series(loopback, parts)
    feed, _ = library.subscribe(loopback.url("/feed.xml"))
    library.set_fulltext_policy(feed.id, "ask")
    return library.store.list_articles(ArticleQuery(order="part"))


# --- the library verb --------------------------------------------------------------


def test_fetched_page_length_is_stored_and_changes_time_left(library: Library, loopback) -> None:
    first, second = subscribed(library, loopback)
    assert first.word_count == 5 and first.reading_minutes == 1
    (series,) = library.store.list_series()
    assert series.minutes_left == 2

    assert library.fetch_page_length(first.id) == PAGE_WORDS
    assert loopback.count("/transfer-learning/01-chapter-1/") == 1
    article = library.store.get_article(first.id)
    assert (article.word_count, article.reading_minutes) == (PAGE_WORDS, 10)
    assert library.store.page_word_count(first.id) == PAGE_WORDS
    assert library.store.page_word_count(second.id) is None
    assert library.store.list_series()[0].minutes_left == 10 + 1
    # the series view and the listing agree
    listed = library.store.list_articles(ArticleQuery(series_id=series.id, order="part"))
    assert [a.word_count for a in listed] == [PAGE_WORDS, 5]
    # reading it removes its time from what is left
    library.store.mark_read([first.id])
    assert library.store.get_series(series.id).minutes_left == 1


def test_sync_never_overwrites_the_page_length(library: Library, loopback) -> None:
    first, _second = subscribed(library, loopback)
    library.fetch_page_length(first.id)
    # the feed changes every entry (new summary text): the rows are rewritten
    serve_series(loopback, body="<p>A new and slightly longer summary of this post.</p>")
    summary = library.sync()
    assert summary.results[0].updated_count == 2
    article = library.store.get_article(first.id)
    assert article.word_count == PAGE_WORDS
    assert library.store.page_word_count(first.id) == PAGE_WORDS
    row = library.store.db.execute_sql(
        "SELECT word_count, page_word_count FROM article WHERE id = ?", (first.id,)
    ).fetchone()
    assert row == (9, PAGE_WORDS)  # the feed's own count moved on; the page's stayed


def test_json_backup_keeps_the_page_length(library: Library, loopback, tmp_path: Path) -> None:
    first, second = subscribed(library, loopback)
    library.fetch_page_length(first.id)
    backup = json.loads(export_json(library.store))
    rows = {row["id"]: row for row in backup["articles"]}
    assert rows[first.id]["page_word_count"] == PAGE_WORDS
    assert rows[second.id]["page_word_count"] is None

    restored = Library(Store(tmp_path / "other.sqlite3"))
    try:
        restored.restore_backup(backup)
        assert restored.store.get_article(first.id).word_count == PAGE_WORDS
        assert restored.store.page_word_count(first.id) == PAGE_WORDS
        assert restored.store.page_word_count(second.id) is None
        assert restored.store.list_series()[0].minutes_left == 11
    finally:
        restored.close()


def test_a_redirect_to_another_site_is_refused(library: Library, loopback) -> None:
    first, _ = subscribed(library, loopback)
    elsewhere = f"http://localhost:{loopback.port}/elsewhere/"
    loopback.redirect("/transfer-learning/01-chapter-1/", elsewhere, status=302)
    loopback.route("/elsewhere/", body=article_page(), content_type="text/html")
    with pytest.raises(RedirectError, match="redirected to another site"):
        library.fetch_page_length(first.id)
    assert loopback.count("/elsewhere/") == 0
    assert library.store.page_word_count(first.id) is None
    # a redirect within the site is followed
    loopback.redirect("/transfer-learning/01-chapter-1/", "/moved/", status=301)
    loopback.route("/moved/", body=article_page(460), content_type="text/html")
    assert library.fetch_page_length(first.id) == 460


def test_readable_errors_and_nothing_stored(library: Library, loopback) -> None:
    first, second = subscribed(library, loopback)
    loopback.route("/transfer-learning/01-chapter-1/", status=404, body=b"gone")
    with pytest.raises(HTTPStatusError, match="HTTP 404"):
        library.fetch_page_length(first.id)
    loopback.route(
        "/transfer-learning/02-chapter-2/",
        body=b"<html><body><nav>Home About</nav></body></html>",
        content_type="text/html",
    )
    with pytest.raises(
        PageTextError, match=re.escape(f"no article text was found on {loopback.base_url}/")
    ):
        library.fetch_page_length(second.id)
    loopback.route("/transfer-learning/02-chapter-2/", body=b"\x89PNG", content_type="image/png")
    with pytest.raises(PageTextError, match=r"is not a web page \(image/png\)"):
        library.fetch_page_length(second.id)
    assert library.store.page_word_count(first.id) is None
    assert library.store.page_word_count(second.id) is None
    with pytest.raises(ArticleNotFoundError):
        library.fetch_page_length(999)


def test_only_http_links_are_fetched(library: Library) -> None:
    feed = library.store.add_feed("https://blog.example/feed.xml")
    ids = library.store.upsert_entries(
        feed.id,
        [
            incoming(entry("local", link="file:///etc/passwd")),
            incoming(entry("mail", link="mailto:ada@example.org")),
        ],
    ).new_ids
    for article_id in ids:
        with pytest.raises(UnsupportedURLError, match="not an http or https address"):
            library.fetch_page_length(article_id)
    assert library._fetcher is None  # refused before any request


def test_version_3_library_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    store = Store(path)
    fid = store.add_feed("https://a.example/feed").id
    (aid,) = store.upsert_entries(fid, [incoming(entry("a"))]).new_ids
    store.close()
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE article DROP COLUMN page_word_count")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    store = Store(path)
    try:
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.page_word_count(aid) is None
        assert store.get_article(aid).word_count == 460
        store.set_page_word_count(aid, 1000)
        assert store.get_article(aid).word_count == 1000
        assert list(tmp_path.glob("lib.sqlite3.v3-*.bak")), "a backup comes first"
    finally:
        store.close()


# --- the CLI -------------------------------------------------------------------------


def cli_ids(cli) -> list[int]:
    code, out, err = cli("list", "--json")
    assert code == 0, err
    return sorted(a["id"] for a in json.loads(out))


def test_cli_fetch_length(cli, loopback) -> None:
    serve_series(loopback, parts=(1, 2, 3))
    assert cli("add", loopback.url("/feed.xml"))[0] == 0
    first, second, third = cli_ids(cli)
    loopback.route(
        "/transfer-learning/02-chapter-2/", body=article_page(700), content_type="text/html"
    )
    code, out, err = cli("fetch-length", str(first), str(second))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{first}: {PAGE_WORDS} words (10 min)",
        f"{second}: 700 words ({reading_minutes(700)} min)",
    ]
    code, out, _ = cli("list", "--json")
    minutes = {a["id"]: a["reading_minutes"] for a in json.loads(out)}
    assert minutes == {first: 10, second: 3, third: 1}

    # network failures: one stderr line per article, exit 1, the others still done
    loopback.route("/transfer-learning/01-chapter-1/", status=500)
    loopback.unroute("/transfer-learning/02-chapter-2/")
    code, out, err = cli("fetch-length", str(first), str(third), str(second))
    assert code == 1
    assert out.splitlines() == [f"{third}: {PAGE_WORDS} words (10 min)"]
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"readinglist: article {first}: HTTP 500")
    assert lines[1].startswith(f"readinglist: article {second}: HTTP 404")


def test_cli_fetch_length_unknown_id_exits_2_before_any_request(cli, loopback) -> None:
    serve_series(loopback, parts=(1,))
    cli("add", loopback.url("/feed.xml"))
    (first,) = cli_ids(cli)
    loopback.clear_log()
    code, out, err = cli("fetch-length", str(first), "999")
    assert (code, out) == (2, "")
    assert err == "readinglist: no article with id 999\n"
    assert loopback.count() == 0
    assert cli("fetch-length")[0] == 2  # at least one id


def test_fetch_length_is_a_cli_command(data_dir, capsys) -> None:
    from readinglist import app

    assert app._wants_cli(["fetch-length", "1"])
    assert app.main(["fetch-length", "--help"]) == 0
    assert "fetch-length" in capsys.readouterr().out


# --- the window ------------------------------------------------------------------------


def test_header_link_fetches_the_length_off_the_gui_thread(
    qtbot, library: Library, runner, loopback
) -> None:
    from readinglist.gui.article_view import ArticlePane

    first, _second = subscribed(library, loopback)
    threads: list[threading.Thread] = []
    original = library.fetch_fulltext

    def recording(article_id: int, **kwargs):
        threads.append(threading.current_thread())
        return original(article_id, **kwargs)

    library.fetch_fulltext = recording  # type: ignore[method-assign]
    pane = ArticlePane(library, runner=runner)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_article(first.id)
    assert "1 min read" in pane.meta_text()
    assert pane.length_text() == "Summary only · Fetch full text"
    assert pane.length_label().isVisible()

    with qtbot.waitSignal(pane.pageLengthFetched, timeout=10_000) as fetched:
        pane.length_label().linkActivated.emit("fetch-length")  # what a click on it does
        assert pane.length_text() == "Summary only · Fetching the full text…"
    assert fetched.args == [first.id, PAGE_WORDS]
    qtbot.waitUntil(lambda: "10 min read" in pane.meta_text(), timeout=5000)
    assert pane.length_text() == "Full text from the site · Show the feed's summary · Fetch again"
    assert threads and threads[0] is not threading.main_thread()


def test_the_offline_sample_library_never_offers_or_fetches_a_page(
    qtbot, library: Library, runner
) -> None:
    """Its posts carry summaries and example links that lead nowhere: no header offer,
    and the verb refuses before any request."""
    from readinglist.gui.article_view import ArticlePane

    library.load_sample_library()
    summary_only = [
        a
        for a in library.store.list_articles()
        if a.link and not library.store.get_content(a.id).content_html
    ]
    assert summary_only  # the sample feeds do carry summary-only posts with links
    for article in summary_only:
        with pytest.raises(PageTextError, match="the sample library is offline"):
            library.fetch_page_length(article.id)
    assert library._fetcher is None  # refused before any request
    pane = ArticlePane(library, runner=runner)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_article(summary_only[0].id)
    assert pane.length_text() == "" and not pane.length_label().isVisible()
    assert pane.meta_text()  # the header itself is shown as usual


def test_header_link_only_for_summary_only_articles_and_errors_reach_the_status(
    qtbot, library: Library, runner, loopback
) -> None:
    from readinglist.gui.article_view import ArticlePane

    first, _ = subscribed(library, loopback)
    full = dataclasses.replace(
        entry("full", link=loopback.url("/full/")), content_html="<p>All of it</p>"
    )
    (full_id,) = library.store.upsert_entries(first.feed_id, [incoming(full)]).new_ids
    pane = ArticlePane(library, runner=runner)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_article(full_id)
    assert pane.length_text() == "" and not pane.length_label().isVisible()

    loopback.route("/transfer-learning/01-chapter-1/", status=500)
    assert pane.show_article(first.id)
    with qtbot.waitSignal(
        pane.statusMessage,
        timeout=10_000,
        check_params_cb=lambda text: text.startswith("Could not fetch the full article"),
    ) as failed:
        assert pane.fetch_full_length()
    assert "HTTP 500" in failed.args[0]
    assert pane.length_text() == "Summary only · Fetch full text"
    assert "1 min read" in pane.meta_text()

    no_runner = ArticlePane(library)
    qtbot.addWidget(no_runner)
    assert no_runner.show_article(first.id)
    assert no_runner.length_text() == ""  # never fetched on the GUI thread


def test_window_refreshes_the_series_time_left(qtbot, data_dir: Path, loopback) -> None:
    from readinglist.gui.main_window import MainWindow

    serve_series(loopback)
    library = Library.open(data_dir)
    feed, _ = library.subscribe(loopback.url("/feed.xml"))
    library.set_fulltext_policy(feed.id, "ask")  # the link, not the fetch on opening
    first = library.store.list_articles(ArticleQuery(order="part"))[0]
    window = MainWindow(library)
    qtbot.addWidget(window)
    try:
        assert first.series_id is not None
        window.series_pane.show_series(first.series_id)
        assert window.series_pane.time_left_text() == "2 min left to read"
        window.show_article_in_tree(first.id)
        assert window.article_pane.current_article_id() == first.id
        assert window.article_pane.fetch_full_length()
        qtbot.waitUntil(
            lambda: window.series_pane.time_left_text() == "11 min left to read", timeout=10_000
        )
    finally:
        window.shutdown()
        library.close()
