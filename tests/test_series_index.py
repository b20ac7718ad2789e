"""A site's own list of its series (``/series/``) files the feed's posts (issue #12).

A loopback pottery blog whose feed's titles say nothing of their series: the site's
Hugo-style taxonomy pages do. Every title and address is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loopback import LoopbackServer
from pottery_site import (
    FAST,
    FRESH,
    KILN,
    POSTS,
    PotterySite,
    grouping_of,
    kiln_basics,
    kiln_posts,
    plain_pages,
    rss_document,
    subscribed,
    window_over_kiln_basics,
)
from readinglist.feeds.site.index_sections import parse_index_sections
from readinglist.feeds.site.series_index import (
    IndexTerm,
    index_candidates,
    parse_index_page,
    term_feed_candidates,
    terms_from_entries,
)
from readinglist.model.query import ArticleQuery
from readinglist.model.records import DeclaredSeries
from readinglist.model.urls import normalize_url
from readinglist.services.backfill.client import BackfillLimits
from readinglist.services.backfill.series_index import _page_order, _places
from readinglist.services.sync import regroup_feed


@pytest.fixture
def site(loopback: LoopbackServer) -> PotterySite:
    return PotterySite(loopback)


def test_the_sites_list_files_untitled_parts_in_their_series(
    site: PotterySite, data_dir: Path
) -> None:
    site.list_series({"kiln-basics": "Kiln Basics", "studio-life": "Studio Life"})
    site.series_feed("kiln-basics", kiln_posts())  # Studio Life has no feed: a problem
    lib, feed_id = subscribed(data_dir, site)
    assert all(series is None for series, _ in grouping_of(lib, feed_id).values())

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.index_url == f"{site.base}/series/"
    assert report.series == (("Kiln Basics", 3), ("Studio Life", 0))
    assert len(report.errors) == 1 and "Studio Life" in report.errors[0]
    assert not report.failed
    grouped = grouping_of(lib, feed_id)
    # parts are places in the site's whole list: part 1 is older than the feed's window
    assert grouped["Why clay shrinks"] == ("Kiln Basics", 2)
    assert grouped["Cone 6 without tears"] == ("Kiln Basics", 3)
    assert grouped["Loading a kiln"] == ("Kiln Basics", 4)
    assert grouped["Notes from the studio"] == (None, None)
    series = next(s for s in lib.list_series(feed_id=feed_id) if s.name == "Kiln Basics")
    assert series.missing == (1,)
    assert "list of series" in (series.why or "")
    assert set(report.moved_article_ids) == {
        a.id for a in lib.list_articles(ArticleQuery(series_id=series.id))
    }
    assert "3 posts of this feed filed in 1 of them" in report.describe()

    # the next sync keeps what the site declared
    lib.sync()
    assert grouping_of(lib, feed_id)["Loading a kiln"] == ("Kiln Basics", 4)
    lib.close()


def test_find_missing_parts_fetches_what_the_sites_list_names(
    site: PotterySite, data_dir: Path
) -> None:
    kiln_basics(site)
    plain_pages(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)
    (series,) = lib.list_series(feed_id=feed_id)

    (report,) = lib.backfill([series.id], limits=FAST)

    assert report.parts_found == (1,) and report.still_missing == ()
    assert grouping_of(lib, feed_id)["What a kiln is"] == ("Kiln Basics", 1)
    # the found part leaves what was said of the series as it was
    assert lib.get_series(series.id).why == series.why != ""
    # and the next sync keeps it there
    lib.sync()
    assert grouping_of(lib, feed_id)["What a kiln is"] == ("Kiln Basics", 1)
    lib.close()


def test_a_pages_own_declaration_outranks_the_list(site: PotterySite, data_dir: Path) -> None:
    kiln_basics(site)
    lib, feed_id = subscribed(data_dir, site)
    cone = next(
        a for a in lib.list_articles(ArticleQuery(feed_id=feed_id)) if a.title.startswith("Cone")
    )
    lib.store.set_declared_series(
        cone.id, DeclaredSeries("Firing Course", 7, None, (), "series box")
    )

    lib.read_series_index(feed_id, limits=FAST)

    grouped = grouping_of(lib, feed_id)
    assert grouped["Cone 6 without tears"] == ("Firing Course", 7)
    assert grouped["Why clay shrinks"] == ("Kiln Basics", 2)
    lib.close()


def test_a_post_the_list_no_longer_names_leaves_the_series(
    site: PotterySite, data_dir: Path
) -> None:
    kiln_basics(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)
    assert grouping_of(lib, feed_id)["Loading a kiln"][0] == "Kiln Basics"

    site.series_feed("kiln-basics", kiln_posts()[:3])
    lib.read_series_index(feed_id, limits=FRESH)  # a week on: cached answers expired

    grouped = grouping_of(lib, feed_id)
    assert grouped["Loading a kiln"] == (None, None)
    assert grouped["Cone 6 without tears"] == ("Kiln Basics", 3)
    lib.close()


def test_a_series_feed_redirected_to_the_whole_site_files_nothing(
    site: PotterySite, data_dir: Path
) -> None:
    site.list_series({"kiln-basics": "Kiln Basics"})
    site.server.redirect("/series/kiln-basics/index.xml", "/index.xml")  # every post
    site.server.redirect("/series/kiln-basics/feed/", "/index.xml")
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Kiln Basics", 0),)
    assert "redirected away from the series" in report.errors[0]
    assert all(series is None for series, _ in grouping_of(lib, feed_id).values())
    lib.close()


def test_the_request_limit_leaves_series_for_the_next_reading(
    site: PotterySite, data_dir: Path
) -> None:
    site.list_series({"kiln-basics": "Kiln Basics", "glaze-lab": "Glaze Lab"})
    site.series_feed("kiln-basics", kiln_posts())
    site.series_feed("glaze-lab", [POSTS[1], POSTS[4]])
    lib, feed_id = subscribed(data_dir, site)
    # robots.txt, the list and one series' feed
    tight = BackfillLimits(min_interval=0, max_requests=3, max_requests_per_host=3)

    first = lib.read_series_index(feed_id, limits=tight)

    assert first.series == (("Kiln Basics", 3), ("Glaze Lab", 0))
    assert any(e.startswith("1 series not read (request limit reached)") for e in first.errors)
    again = lib.read_series_index(feed_id, limits=tight)  # the rest from the cache
    assert again.series == (("Kiln Basics", 3), ("Glaze Lab", 2)) and again.errors == ()
    assert grouping_of(lib, feed_id)["Notes from the studio"][0] == "Glaze Lab"
    lib.close()


def test_the_list_is_read_from_the_index_page_when_it_has_no_feed(
    site: PotterySite, data_dir: Path
) -> None:
    page = f"""<html><body><nav><a href="/">Home</a> <a href="/about/">About</a>
      <a href="/posts/potters-fair/">Latest: the fair</a></nav>
      <ul><li><a href="/series/kiln-basics/">Kiln Basics (4)</a></li>
          <li><a href="{site.base}/series/page/2/">Older</a></li></ul></body></html>"""
    site.server.route("/series/", body=page, content_type="text/html")
    site.series_feed("kiln-basics", kiln_posts())
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Kiln Basics", 3),)
    assert grouping_of(lib, feed_id)["Why clay shrinks"] == ("Kiln Basics", 2)
    lib.close()


def test_a_series_page_names_its_feed_and_the_sites_other_series_are_asked_so(
    site: PotterySite, data_dir: Path
) -> None:
    """Zola writes a series' feed as ``atom.xml`` (others ``rss.xml``): not at the usual
    addresses, but named in the series page's head. The name found for one series is
    tried first for the next."""
    index = """<html><body><ul><li><a href="/series/kiln-basics/">Kiln Basics</a></li>
        <li><a href="/series/studio-life/">Studio Life</a></li></ul></body></html>"""
    site.server.route("/series/", body=index, content_type="text/html")
    studio = [("studio-notes", "Notes from the studio", "2031-01-09"), POSTS[4]]
    for slug, posts in (("kiln-basics", kiln_posts()), ("studio-life", studio)):
        head = (
            '<link rel="alternate" type="application/rss+xml" href="/index.xml">'
            f'<link rel="alternate" type="application/atom+xml" href="/series/{slug}/atom.xml">'
        )
        page = f"<html><head>{head}</head><body><h1>{slug}</h1></body></html>"
        site.server.route(f"/series/{slug}/", body=page, content_type="text/html")
        items = [(t, site.post(s), day) for s, t, day in reversed(posts)]
        site.server.route(
            f"/series/{slug}/atom.xml",
            body=rss_document(slug, items),
            content_type="application/rss+xml",
        )
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Kiln Basics", 3), ("Studio Life", 2))
    assert report.errors == ()
    assert grouping_of(lib, feed_id)["Why clay shrinks"] == ("Kiln Basics", 2)
    assert grouping_of(lib, feed_id)["Notes from the studio"] == ("Studio Life", 1)
    server = site.server
    assert server.count("/series/kiln-basics/index.xml") == 1  # the usual names, once
    assert server.count("/series/studio-life/index.xml") == 0  # the name learnt goes first
    assert server.count("/series/studio-life/") == 0  # so its page is not needed
    lib.close()


def test_a_one_page_list_with_a_heading_per_series_is_read_whole(
    site: PotterySite, data_dir: Path
) -> None:
    """Jekyll has no taxonomy pages: ``/series/`` lists each series' posts under its
    heading, and that page is the whole declaration. The sidebar's "Recent posts" and
    the menu are no series."""

    def links(*slugs: str) -> str:
        return "".join(f'<li><a href="/posts/{slug}/">{slug}</a></li>' for slug in slugs)

    page = f"""<html><body>
      <header><nav><a href="/">Home</a> <a href="/series/">Series</a></nav></header>
      <main><h1>Series</h1>
        <h2 id="kiln-basics">Kiln Basics (4)</h2><ul>{links(*KILN)}</ul>
        <h2>Studio Life</h2><p>Tagged <a href="/tags/studio/">studio</a>.</p>
        <ul>{links("studio-notes", "potters-fair")}</ul></main>
      <aside class="sidebar"><h2>Recent posts</h2><ul>{links("potters-fair", "loading")}</ul></aside>
    </body></html>"""
    site.server.route("/series/", body=page, content_type="text/html")
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Kiln Basics", 3), ("Studio Life", 2))
    assert report.errors == ()
    grouped = grouping_of(lib, feed_id)
    # the page lists Kiln Basics oldest first, as the feed's own posts among it show: the
    # page's places stand, so the part the feed no longer carries shows missing
    assert grouped["Why clay shrinks"] == ("Kiln Basics", 2)
    assert grouped["Loading a kiln"] == ("Kiln Basics", 4)
    assert grouped["Notes from the studio"][0] == "Studio Life"
    kiln = next(s for s in lib.list_series(feed_id=feed_id) if s.name == "Kiln Basics")
    assert kiln.missing == (1,)
    # the page alone: no series' feed or page was asked for
    assert site.server.count("/series/kiln-basics/index.xml") == 0
    assert site.server.count("/series/kiln-basics/") == 0
    lib.close()


def test_a_series_page_with_no_feed_gives_the_posts_its_content_lists(
    site: PotterySite, data_dir: Path
) -> None:
    """A site that renders its taxonomies as HTML only: the series' page names no feed,
    so the posts its own content lists are the series' (newest first, as Hugo lists
    them); the menu and the sidebar's recent posts are not."""
    site.list_series({"kiln-basics": "Kiln Basics"})
    listed = "".join(f'<li><a href="/posts/{slug}/">{slug}</a></li>' for slug in reversed(KILN))
    page = f"""<html><body><nav><a href="/posts/potters-fair/">Latest</a></nav>
      <main><h1>Kiln Basics</h1><ul>{listed}</ul><a href="/series/kiln-basics/page/2/">2</a></main>
      <aside class="sidebar"><a href="/posts/studio-notes/">Notes</a></aside></body></html>"""
    site.server.route("/series/kiln-basics/", body=page, content_type="text/html")
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Kiln Basics", 3),)
    assert report.errors == ()
    grouped = grouping_of(lib, feed_id)
    assert grouped["Why clay shrinks"] == ("Kiln Basics", 2)  # part 1 is older than the feed
    assert grouped["Loading a kiln"] == ("Kiln Basics", 4)
    assert grouped["Notes from the studio"] == (None, None)
    assert grouped["A visit to the potters' fair"] == (None, None)
    lib.close()


def test_a_site_without_a_list_changes_nothing_and_is_no_failure(
    site: PotterySite, data_dir: Path
) -> None:
    plain_pages(site)  # pages that declare nothing
    lib, feed_id = subscribed(data_dir, site)
    before = grouping_of(lib, feed_id)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.index_url is None and report.series == () and report.errors == ()
    assert (report.pages_read, report.pages_declaring) == (5, 0)
    assert not report.failed
    assert report.describe() == "The site lists no series, and none of the 5 pages read names one"
    assert grouping_of(lib, feed_id) == before
    lib.close()


def test_with_no_list_the_posts_own_pages_say_their_series(
    site: PotterySite, data_dir: Path
) -> None:
    """A Jekyll site publishes no list of its series, but each post's page has a box."""
    order = ["why-clay-shrinks", "cone-six", "loading"]
    members = "".join(f'<li><a href="{site.post(slug)}">{slug}</a></li>' for slug in order)
    plain_pages(site)
    for place, slug in enumerate(order, start=1):
        box = (
            f'<section class="series-box"><p><strong>Series:</strong> Kiln Basics'
            f" <span>Part {place + 1}</span></p><ol>{members}</ol></section>"
        )
        html = f"<html><head><title>{slug}</title></head><body>{box}</body></html>"
        site.server.route(f"/posts/{slug}/", body=html, content_type="text/html")
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.index_url is None and (report.pages_read, report.pages_declaring) == (5, 3)
    assert report.series == (("Kiln Basics", 3),) and report.errors == ()
    assert report.describe().startswith("The site lists no series; 3 of 5 pages read name")
    grouped = grouping_of(lib, feed_id)
    assert grouped["Why clay shrinks"] == ("Kiln Basics", 2)
    assert grouped["Loading a kiln"] == ("Kiln Basics", 4)
    assert grouped["Notes from the studio"] == (None, None)
    again = lib.read_series_index(feed_id, limits=FAST)  # answered from the cache
    assert again.requests == 0 and again.moved_article_ids == ()
    lib.close()


def test_robots_txt_is_obeyed_and_said(site: PotterySite, data_dir: Path) -> None:
    kiln_basics(site)
    site.server.route("/robots.txt", body="User-agent: *\nDisallow: /series/\n")
    lib, feed_id = subscribed(data_dir, site)
    site.server.clear_log()

    report = lib.read_series_index(feed_id, limits=FAST)

    assert not any(path.startswith("/series/") for _m, path, _h in site.server.requests)
    assert report.index_url is None and report.failed
    assert "robots.txt" in report.errors[0]
    lib.close()


def test_cli_site_series(site: PotterySite, data_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    kiln_basics(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.close()

    code, out, err = cli("site-series", str(feed_id))

    assert code == 0 and err == ""
    assert out.splitlines() == [
        "The site lists 1 series; 3 posts of this feed filed in 1 of them (3 regrouped)",
        "  Kiln Basics: 3 posts of this feed",
        f"New posts' series are read from the site at each sync"
        f" (readinglist site-series {feed_id} --stop to stop)",
    ]
    code, out, err = cli("site-series", str(feed_id), "--json")  # answered from the cache
    data = json.loads(out)
    assert code == 0 and data["series"] == [{"name": "Kiln Basics", "posts": 3}]
    assert data["requests"] == 0 and data["regrouped_article_ids"] == []
    assert data["follows"] is True
    code, out, err = cli("site-series", "999")
    assert code == 2 and "999" in err


# --- the pure readers ------------------------------------------------------------------


def test_index_candidates_put_the_posts_language_first() -> None:
    links = [f"https://pots.example/es/blog/{n}/" for n in range(3)] + [
        "https://pots.example/about/"
    ]
    assert index_candidates(links) == [
        "https://pots.example/es/series/",
        "https://pots.example/series/",
    ]
    assert index_candidates(["https://pots.example/2031/01/x/", None, "mailto:a@b"]) == [
        "https://pots.example/series/"
    ]
    assert index_candidates([]) == []
    # a blog served below a folder of its own keeps its taxonomies there too
    project = [f"https://me.example/kiln-notes/posts/p{n}/" for n in range(3)]
    assert index_candidates(project) == [
        "https://me.example/kiln-notes/series/",
        "https://me.example/series/",
    ]
    dated = [f"https://me.example/blog/2031/0{n}/p/" for n in range(1, 4)]
    assert index_candidates(dated)[0] == "https://me.example/blog/series/"


def test_only_links_one_level_below_the_index_name_series() -> None:
    index = "https://pots.example/series/"
    page = b"""<a href="/series/kiln-basics/">Kiln Basics <span>12</span></a>
      <a href="/series/glaze-lab">Glaze Lab (3)</a>
      <a href="/series/">All series</a> <a href="/series/page/2/">Next</a>
      <a href="/series/kiln-basics/index.xml">RSS</a> <a href="/posts/x/">A post</a>
      <a href="https://elsewhere.example/series/other/">Other site</a>"""
    assert parse_index_page(page, index) == [
        IndexTerm("Kiln Basics", "https://pots.example/series/kiln-basics/"),
        IndexTerm("Glaze Lab", "https://pots.example/series/glaze-lab/"),
    ]
    entries = [("Kiln Basics", "https://pots.example/series/kiln-basics/"), ("x", None)]
    assert terms_from_entries(index, entries) == [
        IndexTerm("Kiln Basics", "https://pots.example/series/kiln-basics/")
    ]
    assert term_feed_candidates("https://pots.example/series/kiln-basics/") == [
        "https://pots.example/series/kiln-basics/index.xml",
        "https://pots.example/series/kiln-basics/feed/",
    ]


def test_places_come_from_a_whole_dated_list_only() -> None:
    listed = [(f"https://pots.example/p/{n}/", f"2031-01-{n:02d}") for n in (3, 2, 1)]
    assert _places(listed) == {normalize_url(f"https://pots.example/p/{n}/"): n for n in (1, 2, 3)}
    undated = [*listed[:2], ("https://pots.example/p/1/", None)]
    assert _places(undated) == {}
    # ten posts: a feed cut to its newest ten may have lost the first parts
    ten = [(f"https://pots.example/p/{n}/", f"2031-01-{n:02d}") for n in range(1, 11)]
    assert _places(ten) == {}


def test_the_window_reads_a_feeds_series_from_its_site(  # type: ignore[no-untyped-def]
    qtbot, site: PotterySite, data_dir: Path, open_window
) -> None:
    from PySide6.QtWidgets import QMenu

    window, feed_id, messages = window_over_kiln_basics(site, data_dir, open_window)
    (feed_node,) = window.model.nodes(("feed", feed_id))
    menu = QMenu()
    window.tree.fill_menu(menu, feed_node)
    (action,) = [a for a in menu.actions() if a.text() == "Read series from the site"]
    with qtbot.waitSignal(window.site_series.job.finished, timeout=10_000):
        action.trigger()
    assert "Reading the site's list of series…" in messages
    qtbot.waitUntil(
        lambda: any(m.startswith("The site lists 1 series; 3 posts") for m in messages),
        timeout=3000,
    )
    (series,) = window.library.list_series(feed_id=feed_id)
    assert (series.name, series.parts, series.missing) == ("Kiln Basics", (2, 3, 4), (1,))
    qtbot.waitUntil(lambda: window.model.series_index(series.id).isValid(), timeout=3000)
    # the Feed menu runs it too, for the selected row's feed
    window.tree.select_index(window.model.series_index(series.id))
    assert window.site_series.read_site_series()
    qtbot.waitUntil(lambda: not window.site_series.job.is_running(), timeout=10_000)


def test_a_declared_series_grouped_again_rewrites_nothing(
    site: PotterySite, data_dir: Path
) -> None:
    """Each page says its own part ("part 2 of X"); the series keeps one why, so a why
    that named each member's part made every regrouping (every sync) rewrite them."""
    lib, feed_id = subscribed(data_dir, site)
    articles = lib.list_articles(ArticleQuery(feed_id=feed_id))[:3]
    for place, article in enumerate(articles, start=1):
        declared = DeclaredSeries("Kiln Course", place, 3, (), "series box")
        lib.store.set_declared_series(article.id, declared)
    assert len(regroup_feed(lib.store, feed_id)) == 3
    assert regroup_feed(lib.store, feed_id) == ()
    lib.sync()
    assert regroup_feed(lib.store, feed_id) == ()
    lib.close()


def test_a_sync_that_brings_a_new_post_keeps_what_pages_declared(
    site: PotterySite, data_dir: Path
) -> None:
    """The feed still carries every stored post, so the document's own grouping (which
    never saw the declarations) was taken whole: every declared series came undone."""
    lib, feed_id = subscribed(data_dir, site)
    for place, title in enumerate(["Why clay shrinks", "Cone 6 without tears"], start=1):
        (article,) = [
            a for a in lib.list_articles(ArticleQuery(feed_id=feed_id)) if a.title == title
        ]
        lib.store.set_declared_series(
            article.id, DeclaredSeries("Kiln Course", place, 2, (), "series box")
        )
    regroup_feed(lib.store, feed_id)
    site.publish([*POSTS, ("glaze", "Glazes", "2031-02-20")])

    summary = lib.sync()

    assert summary.new_count == 1
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == ("Kiln Course", 2)
    lib.close()


def test_a_one_page_list_names_series_only_over_two_posts_of_its_own_site() -> None:
    """No ``<main>``: the sidebar and the menu are skipped by their classes and tags; a
    heading over one post, over other sites' links or over the site's tag pages, and a
    widget's heading ("Recent posts"), name no series."""
    page = b"""<html><body>
      <div class="navbar"><a href="/posts/a/">A</a><a href="/posts/b/">B</a></div>
      <h2>Glaze Lab</h2><a href="/posts/glaze-1/">1</a> <a href="/posts/glaze-2/">2</a>
      <h2>Alone</h2><a href="/posts/alone/">alone</a>
      <h2>Elsewhere</h2><a href="https://other.example/x/">x</a><a href="https://other.example/y/">y</a>
      <h2>Topics</h2><a href="/tags/clay/">clay</a><a href="/categories/kilns/">kilns</a>
      <h3>Recent posts</h3><a href="/posts/a/">A</a><a href="/posts/b/">B</a>
      <div class="widget-area"><h2>Popular</h2><a href="/posts/a/">A</a><a href="/posts/c/">C</a></div>
    </body></html>"""

    found = parse_index_sections(page, "https://pots.example/series/")

    assert [(s.name, s.url) for s in found] == [
        ("Glaze Lab", "https://pots.example/series/#glaze-lab")
    ]
    assert found[0].members == (
        "https://pots.example/posts/glaze-1/",
        "https://pots.example/posts/glaze-2/",
    )


def test_a_one_page_lists_direction_comes_from_the_feeds_own_posts() -> None:
    feed = ["https://p.example/c/", "https://p.example/b/", "https://p.example/a/"]  # newest first
    oldest_first = ["https://p.example/old/", "https://p.example/a/", "https://p.example/b/"]

    assert _page_order(oldest_first, feed) == oldest_first
    assert _page_order(list(reversed(oldest_first)), feed) == oldest_first
    mixed = ["https://p.example/b/", "https://p.example/a/", "https://p.example/c/"]
    assert _page_order(mixed, feed) is None  # no way the page runs: it places nothing
    assert _page_order(["https://p.example/old/", "https://p.example/a/"], feed) is None
