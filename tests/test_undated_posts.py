"""Posts a feed sends without a date: dated by their own page when its full text is read
(never over a date the feed gave), kept dated when the feed sends them again undated, and
shown honestly meanwhile: the pane says "added …", the tree row's tooltip says whose date
it shows."""

from __future__ import annotations

from datetime import UTC, datetime

from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Undated Blog</title><link>{base}/</link>
<description>fixture</description>
<item><title>Kiln Notes (1)</title><link>{base}/kiln-1/</link><guid>k1</guid>
<pubDate>Tue, 05 Mar 2019 09:00:00 GMT</pubDate><description>One{edit}.</description></item>
<item><title>Kiln Notes (2)</title><link>{base}/kiln-2/</link><guid>k2</guid>
<description>Two{edit}.</description></item>
</channel></rss>"""

PAGE = """<!doctype html><html><head><title>{title}</title>
<script type="application/ld+json">{{"@type": "BlogPosting", "datePublished": "{when}"}}</script>
</head><body><article><h1>{title}</h1><p>{words}</p></article></body></html>"""


def _serve(loopback, edit: str = "") -> None:
    loopback.route(
        "/feed.xml",
        body=FEED.format(base=loopback.base_url, edit=edit),
        content_type="application/rss+xml",
    )
    words = " ".join(f"word{i}" for i in range(200))
    for n, when in ((1, "2011-11-11T11:00:00Z"), (2, "2019-04-02T10:00:00+02:00")):
        loopback.route(
            f"/kiln-{n}/",
            body=PAGE.format(title=f"Kiln Notes ({n})", when=when, words=words),
            content_type="text/html; charset=utf-8",
        )


def _articles(library: Library):
    return library.store.list_articles(ArticleQuery(order="part"))


def test_the_full_text_dates_a_post_its_feed_left_undated(library: Library, loopback) -> None:
    _serve(loopback)
    feed, _ = library.subscribe(loopback.url("/feed.xml"))
    dated, undated = _articles(library)
    assert undated.published is None

    library.fetch_fulltext(dated.id)
    library.fetch_fulltext(undated.id)
    dated, undated = _articles(library)
    # the feed's date stands (its page says 2011); the undated one takes its page's
    assert dated.published == datetime(2019, 3, 5, 9, 0, tzinfo=UTC)
    assert undated.published == datetime(2019, 4, 2, 8, 0, tzinfo=UTC)

    # the feed edits both posts, still sending the second undated: its date stays
    _serve(loopback, edit=" (edited)")
    library.sync([feed.id])
    dated, undated = _articles(library)
    assert "edited" in library.store.get_content(undated.id).summary_html
    assert undated.published == datetime(2019, 4, 2, 8, 0, tzinfo=UTC)
    assert dated.published == datetime(2019, 3, 5, 9, 0, tzinfo=UTC)


def test_an_undated_post_shows_the_day_it_was_added(
    qtbot, library: Library, runner, loopback
) -> None:
    from readinglist.gui.article_view import ArticlePane

    _serve(loopback)
    library.subscribe(loopback.url("/feed.xml"))
    dated, undated = _articles(library)
    assert dated.published is not None and undated.published is None
    assert undated.first_seen is not None

    pane = ArticlePane(library, runner=runner)
    qtbot.addWidget(pane)
    assert pane.show_article(dated.id)
    assert "05 Mar 2019" in pane.meta_text() and "added" not in pane.meta_text()
    assert pane.show_article(undated.id)
    added = undated.first_seen.astimezone().strftime("%d %b %Y")
    assert f"added {added}" in pane.meta_text()


def test_the_tree_row_of_an_undated_post_says_whose_date_it_shows(
    library: Library, loopback
) -> None:
    from readinglist.gui import tree_rows
    from readinglist.gui.tree_nodes import Node, NodeType

    _serve(loopback)
    library.subscribe(loopback.url("/feed.xml"))
    dated, undated = _articles(library)
    assert undated.first_seen is not None
    undated_row = Node(NodeType.ARTICLE, article=undated)
    assert tree_rows.progress(undated_row) == undated.first_seen.strftime("%Y-%m-%d")
    assert "the day it was added" in str(tree_rows.tooltip(undated_row))
    assert "added" not in str(tree_rows.tooltip(Node(NodeType.ARTICLE, article=dated)))
