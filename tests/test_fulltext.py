"""The full text from the article's own page: fetched on request, sanitized, kept
offline, never written by a sync, highlights anchored again in it; the CLI and the pane.
Everything against a loopback blog."""

from __future__ import annotations

import pytest

from feedgen import Item, rss
from helpers import cli_json
from readinglist.model.errors import ArticleNotFoundError, PageTextError
from readinglist.services.library import Library

TEASER = "<p>A four-line teaser about attention. Read more on the site.</p>"
PAGE = (
    "<!doctype html><html><head><title>Attention</title>"
    "<script>document.cookie='stolen'</script></head><body>"
    "<nav><a href='/'>Home</a> <a href='/about'>About this blog and its author</a></nav>"
    "<article><h1>Attention, slowly</h1>"
    "<p>A four-line teaser about attention. Attention lets every token look at every "
    "other token, which costs time quadratic in the length of the text.</p>"
    "<p onclick='steal()'>The softmax turns scores into weights. "
    "<a href='javascript:alert(1)'>Click here</a> for a demo.</p>"
    "<form action='/login'><input name='password'></form>"
    "<p>Sparse attention patterns cut that cost for long documents.</p>"
    "<svg><script>alert(2)</script></svg><img src='file:///etc/passwd' alt='x'>"
    "</article><footer><p>Copyright and footer words that are not the article</p></footer>"
    "</body></html>"
)


def serve(loopback, *, teaser: str = TEASER, page: str = PAGE) -> None:
    item = Item("a1", "Attention, slowly", loopback.url("/posts/attention/"), html=teaser)
    loopback.route("/feed.xml", body=rss([item]), content_type="application/rss+xml")
    loopback.route("/posts/attention/", body=page.encode(), content_type="text/html")


@pytest.fixture
def article(library: Library, loopback) -> int:
    serve(loopback)
    library.store.add_feed(loopback.url("/feed.xml"))
    library.sync()
    (only,) = library.list_articles()
    return only.id


def test_the_full_text_is_fetched_sanitized_and_kept(library: Library, loopback, article) -> None:
    got = library.fetch_fulltext(article)
    assert got.fetched and got.words > 40 and got.changes.articles == {article}
    html = library.get_content(article).fulltext_html
    assert "Sparse attention patterns" in html and "quadratic" in html
    for unsafe in ("<script", "onclick", "javascript:", "<form", "password", "file:", "<svg"):
        assert unsafe not in html
    assert "About this blog" not in html and "footer words" not in html  # furniture gone
    text = library.article_text(article)
    assert text.startswith("Attention, slowly") and "cut that cost" in text
    assert library.article_text(article, feed_only=True).startswith("A four-line teaser")
    assert library.get_article(article).word_count == got.words  # the reading time

    requests = loopback.count("/posts/attention/")
    again = library.fetch_fulltext(article)  # stored: not fetched again
    assert not again.fetched and again.words == got.words and not again.changes
    assert loopback.count("/posts/attention/") == requests
    assert library.fetch_fulltext(article, refresh=True).fetched
    assert loopback.count("/posts/attention/") == requests + 1


def test_a_sync_never_writes_the_full_text_and_it_reads_offline(
    library: Library, loopback, article
) -> None:
    words = library.fetch_fulltext(article).words
    serve(loopback, teaser="<p>An edited teaser, longer than before, about attention.</p>")
    library.sync()
    assert library.get_content(article).summary_html.startswith("<p>An edited teaser")
    assert "Sparse attention" in library.get_content(article).fulltext_html
    assert library.get_article(article).word_count == words
    loopback.close()  # the network is gone
    assert "Sparse attention" in library.article_text(article)


def test_highlights_follow_the_text_into_the_full_text(library: Library, loopback, article) -> None:
    kept = library.highlight(article, "teaser about attention").highlight
    lost = library.highlight(article, "Read more on the site").highlight
    library.fetch_fulltext(article)
    by_id = {h.id: h for h in library.list_highlights(article)}
    text = library.article_text(article)
    moved = by_id[kept.id]
    assert not moved.orphaned and text[moved.start : moved.end] == "teaser about attention"
    assert by_id[lost.id].orphaned  # the teaser's last words are not on the page


def test_what_has_no_page_is_refused_before_any_request(library: Library, loopback) -> None:
    serve(loopback, page="<html><body><nav>menu only</nav></body></html>")
    library.store.add_feed(loopback.url("/feed.xml"))
    library.sync()
    (only,) = library.list_articles()
    with pytest.raises(PageTextError, match="no article text was found"):
        library.fetch_fulltext(only.id)
    assert library.get_content(only.id).fulltext_html == ""
    loopback.route("/posts/attention/", body=b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(PageTextError, match="is not a web page"):
        library.fetch_fulltext(only.id, refresh=True)
    with pytest.raises(ArticleNotFoundError):
        library.fetch_fulltext(only.id + 1)


def test_the_cli_fetches_shows_and_says_what_failed(
    library: Library, loopback, article, cli
) -> None:
    code, out, err = cli("fulltext", str(article))
    assert (code, err) == (0, "") and out.startswith(f"{article}: ") and "fetched" in out
    code, out, _ = cli("fulltext", str(article))
    assert code == 0 and "already stored" in out
    code, out, _ = cli("show", str(article))
    assert code == 0 and "Sparse attention patterns" in out
    code, out, _ = cli("show", str(article), "--summary")
    assert code == 0 and "Sparse attention" not in out and "teaser" in out
    loopback.route("/posts/attention/", status=404, body=b"gone")
    code, out, err = cli("fulltext", str(article), "--refresh")
    assert code == 1 and out == "" and err.count("\n") == 1 and f"article {article}" in err
    assert "Sparse attention" in cli("show", str(article))[1]  # a failed refresh keeps it
    assert cli("fulltext", "999")[0] == 2
    assert cli_json(cli, "list")[0]["id"] == article


# --- the pane ---------------------------------------------------------------------------


def test_the_pane_opens_the_full_text_and_offers_the_summary(
    qtbot, library: Library, loopback, article, runner
) -> None:
    pytest.importorskip("PySide6")
    from readinglist.gui.article_view import ArticlePane

    library.set_fulltext_policy(library.get_article(article).feed_id, "ask")
    pane = ArticlePane(library, runner=runner)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_article(article)
    body = pane.browser()
    assert "Sparse attention" not in body.toPlainText()
    assert pane.length_text() == "Summary only · Fetch full text"
    with qtbot.waitSignal(pane.pageLengthFetched, timeout=10_000):
        pane.length_label().linkActivated.emit("fetch-length")
    qtbot.waitUntil(lambda: "Sparse attention" in body.toPlainText(), timeout=5000)
    assert pane.length_text().startswith("Full text from the site · Show the feed's summary")
    assert "alert" not in body.toPlainText() and "steal" not in body.article_html()

    pane.length_label().linkActivated.emit("summary")
    assert "Sparse attention" not in body.toPlainText()
    assert pane.length_text() == "The feed's summary · Show the full text"
    pane.length_label().linkActivated.emit("fulltext")
    assert "Sparse attention" in body.toPlainText()

    loopback.close()  # offline: the next time it is opened it still reads in full
    pane.clear()
    assert pane.show_article(article)
    assert "Sparse attention" in body.toPlainText()


def test_a_teaser_feed_opens_in_full_by_itself_unless_told_otherwise(
    qtbot, library: Library, loopback, article, runner
) -> None:
    """The default policy: a feed recognised as giving teasers has the full text
    fetched when an article is opened; "never" offers nothing and fetches nothing."""
    pytest.importorskip("PySide6")
    from readinglist.gui.article_view import ArticlePane

    feed_id = library.get_article(article).feed_id
    assert library.carries_summaries_only(feed_id) and library.fulltext_policy(feed_id) == "auto"
    assert library.wants_fulltext(article)

    library.set_fulltext_policy(feed_id, "never")
    assert not library.wants_fulltext(article)
    pane = ArticlePane(library, runner=runner)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_article(article)
    assert pane.length_text() == "" and loopback.count("/posts/attention/") == 0

    library.set_fulltext_policy(feed_id, "auto")
    pane.clear()
    with qtbot.waitSignal(pane.pageLengthFetched, timeout=10_000):
        assert pane.show_article(article)
    qtbot.waitUntil(lambda: "Sparse attention" in pane.browser().toPlainText(), timeout=5000)
    assert not library.wants_fulltext(article)  # kept: not fetched again
    assert loopback.count("/posts/attention/") == 1


def test_keep_for_offline_fetches_a_feed_ahead(library: Library, loopback, article) -> None:
    seen: list[tuple[int, int]] = []
    report = library.keep_offline(
        feed_id=library.get_article(article).feed_id, on_progress=lambda d, t: seen.append((d, t))
    )
    assert report.fetched == (article,) and report.failed == () and seen == [(1, 1)]
    again = library.keep_offline(feed_id=library.get_article(article).feed_id)
    assert again.fetched == () and again.already == (article,) and not again.changes
    loopback.route("/posts/attention/", status=500, body=b"down")
    library.store.add_feed("https://blog.example/empty.xml")
    assert library.keep_offline(feed_id=2).fetched == ()  # a feed with nothing to fetch


def test_the_cli_keeps_a_feed_offline_and_sets_its_policy(
    library: Library, loopback, article, cli
) -> None:
    feed_id = library.get_article(article).feed_id
    code, out, err = cli("fulltext-policy", str(feed_id))
    assert (code, out, err) == (0, "auto (the feed carries teasers)\n", "")
    assert cli("fulltext-policy", str(feed_id), "ask")[0] == 0
    assert library.fulltext_policy(feed_id) == "ask"
    code, _, err = cli("fulltext-policy", str(feed_id), "sometimes")
    assert code == 2 and "invalid choice" in err
    code, _, err = cli("fulltext", str(article), "--feed", str(feed_id))
    assert code == 2 and "say which" in err

    loopback.route("/posts/attention/", status=500, body=b"down")
    code, out, err = cli("fulltext", "--feed", str(feed_id))
    assert code == 1 and "kept 0 for offline reading (0 already readable, 1 failed)" in out
    assert err.count("\n") == 1 and f"article {article}" in err
    serve(loopback)
    code, out, err = cli("fulltext", "--feed", str(feed_id))
    assert (code, err) == (0, "") and out.startswith("kept 1 for offline reading")
    assert cli("fulltext", "--series", "999")[0] == 2


def test_the_window_keeps_a_feed_offline_and_sets_its_policy(
    qtbot, library: Library, loopback, article, open_window
) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QMenu

    feed_id = library.get_article(article).feed_id
    window = open_window()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    (feed_node,) = window.model.nodes(("feed", feed_id))
    menu = QMenu()
    window.tree.fill_menu(menu, feed_node)
    (sub,) = [a.menu() for a in menu.actions() if a.text() == "Full text"]
    assert [(a.text(), a.isChecked()) for a in sub.actions()] == [
        ("Automatic (for feeds of teasers)", True),
        ("On request", False),
        ("Never", False),
    ]
    sub.actions()[1].trigger()
    assert library.fulltext_policy(feed_id) == "ask"
    assert "Full text for this feed: on request." in messages

    offline = [a for a in menu.actions() if a.text() == "Keep for offline reading"]
    with qtbot.waitSignal(window.offline.job.finished, timeout=10_000):
        offline[0].trigger()
    assert "Sparse attention" in library.get_content(article).fulltext_html
    qtbot.waitUntil(
        lambda: any(m.startswith("Kept 1 article for offline reading") for m in messages),
        timeout=3000,
    )


def test_a_huge_page_is_read_only_as_far_as_its_article(
    library: Library, loopback, article
) -> None:
    """30 MB of page (under the 32 MB download cap): the text is looked for in its first
    megabytes, the rest ignored, and what is stored stays small."""
    from readinglist.feeds.site.text import MAX_PAGE_BYTES

    head = PAGE.replace("</body></html>", "")
    filler = "<aside><p>" + "padding words for nothing " * 40 + "</p></aside>"
    page = head + filler * (30 * 1024 * 1024 // len(filler)) + "</body></html>"
    loopback.route("/posts/attention/", body=page.encode(), content_type="text/html")
    got = library.fetch_fulltext(article)
    stored = library.get_content(article).fulltext_html
    assert got.fetched and "Sparse attention" in stored
    assert len(stored) < MAX_PAGE_BYTES and "padding words" not in stored


def test_a_page_that_never_ends_is_cut_and_nothing_is_stored(
    library: Library, loopback, article
) -> None:
    from readinglist.model.errors import FetchTimeoutError

    library.set_download_timeout(5)
    loopback.route(
        "/posts/attention/", body=PAGE.encode(), content_type="text/html", drip=1.0, drip_size=1
    )
    with pytest.raises(FetchTimeoutError, match=r"timed out|took longer"):
        library.fetch_fulltext(article)
    assert library.get_content(article).fulltext_html == ""
