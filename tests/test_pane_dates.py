"""The pane's date line: a post's own date, or, for a post that carries none, the day it
came in, said as such ("added …"), never passed off as a publication date."""

from __future__ import annotations

from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Undated Blog</title><link>{base}/</link>
<description>fixture</description>
<item><title>Kiln Notes (1)</title><link>{base}/kiln-1/</link><guid>k1</guid>
<pubDate>Tue, 05 Mar 2019 09:00:00 GMT</pubDate><description>One.</description></item>
<item><title>Kiln Notes (2)</title><link>{base}/kiln-2/</link><guid>k2</guid>
<description>Two.</description></item>
</channel></rss>"""


def test_an_undated_post_shows_the_day_it_was_added(
    qtbot, library: Library, runner, loopback
) -> None:
    from readinglist.gui.article_view import ArticlePane

    loopback.route(
        "/feed.xml", body=FEED.format(base=loopback.base_url), content_type="application/rss+xml"
    )
    library.subscribe(loopback.url("/feed.xml"))
    dated, undated = library.store.list_articles(ArticleQuery(order="part"))
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

    loopback.route(
        "/feed.xml", body=FEED.format(base=loopback.base_url), content_type="application/rss+xml"
    )
    library.subscribe(loopback.url("/feed.xml"))
    dated, undated = library.store.list_articles(ArticleQuery(order="part"))
    assert undated.first_seen is not None
    undated_row = Node(NodeType.ARTICLE, article=undated)
    assert tree_rows.progress(undated_row) == undated.first_seen.strftime("%Y-%m-%d")
    assert "the day it was added" in str(tree_rows.tooltip(undated_row))
    assert "added" not in str(tree_rows.tooltip(Node(NodeType.ARTICLE, article=dated)))
