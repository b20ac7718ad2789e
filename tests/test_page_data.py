"""A Next.js page's own rendering data (``__NEXT_DATA__``) declares its post's series, as
its front matter wrote it; lists, other posts, and JSON too deep to read declare
nothing. Every title and address is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pottery_site import (
    FAST,
    PotterySite,
    grouping_of,
    kiln_basics,
    plain_pages,
    read_in_full,
    subscribed,
)
from readinglist.feeds.site.declared import parse_declared_series
from readinglist.feeds.site.page_data import declared_in_page_data
from readinglist.model.records import PAGE_DATA, SERIES_LINK
from readinglist.services.sync import regroup_feed

URL = "https://blog.example/glaze-chemistry-3"


def _page(page_props: object, body: str = "<p>Some words about glazes.</p>") -> str:
    data = json.dumps({"props": {"pageProps": page_props}, "page": "/[slug]", "buildId": "x"})
    return (
        "<!doctype html><html><head><title>Glaze chemistry</title></head><body>"
        f'<div id="__next"><h1>Glaze chemistry: silica</h1><article>{body}</article></div>'
        f'<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>'
    )


def test_a_posts_front_matter_names_its_series_and_place() -> None:
    frontmatter = {"title": "Silica", "date": "2031-03-01", "series": "Glaze Chemistry"}
    found = declared_in_page_data(_page({"frontmatter": {**frontmatter, "seriesOrder": 3}}))
    assert found is not None
    assert (found.name, found.position, found.source) == ("Glaze Chemistry", 3, PAGE_DATA)
    # a series object, as a hosted blog or a WordPress import writes it: name, count
    hosted = {"post": {"title": "Silica", "series": {"name": "Glaze Chemistry", "slug": "gc"}}}
    found = declared_in_page_data(_page(hosted))
    assert found is not None and (found.name, found.position) == ("Glaze Chemistry", None)
    counted = {"frontmatter": {"series": {"name": "Glaze Chemistry", "count": 5, "order": "2"}}}
    found = declared_in_page_data(_page(counted))
    assert found is not None and (found.position, found.total) == (2, 5)


@pytest.mark.parametrize(
    "page_props",
    [
        # no series at all, or one said to be none
        {"post": {"title": "Silica", "tags": ["glaze"]}},
        {"post": {"title": "Silica", "series": None}},
        {"post": {"title": "Silica", "series": ""}},
        # other posts: related posts, the series' own list, an index page
        {"post": {"title": "Silica"}, "related": [{"title": "Feldspar", "series": "Glazes"}]},
        {"posts": [{"title": "Silica", "series": "Glaze Chemistry"}]},
        # a chart's series, an object that is no post
        {"chart": {"series": [1, 2, 3]}, "stats": {"series": "weekly"}},
        # two different series at one depth: which is the page's, nothing says
        {"post": {"title": "A", "series": "Glazes"}, "next": {"title": "B", "series": "Kilns"}},
    ],
)
def test_what_is_no_declaration_of_the_pages_post(page_props: object) -> None:
    assert declared_in_page_data(_page(page_props)) is None


def test_hostile_data_declares_nothing_and_raises_nothing() -> None:
    deep = "[" * 200_000 + "]" * 200_000
    hostile = (
        f'<html><body><script id="__NEXT_DATA__" type="application/json">{deep}</script>'
        "</body></html>"
    )
    assert declared_in_page_data(hostile) is None
    assert declared_in_page_data(_page("not an object")) is None
    broken = '<script id="__NEXT_DATA__" type="application/json">{"props": </script>'
    assert declared_in_page_data(broken) is None
    # digits that are no decimal ("²") are no place, and raise nothing
    odd = declared_in_page_data(_page({"post": {"title": "A", "series": "Glazes", "part": "²"}}))
    assert odd is not None and odd.position is None
    schema = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "position": "²", '
        '"isPartOf": {"@type": "CreativeWorkSeries", "name": "Glazes"}}</script>'
    )
    found = parse_declared_series(f"<html><head>{schema}</head></html>".encode(), URL)
    assert found is not None and (found.name, found.position) == ("Glazes", None)
    # a post the walk never reaches: deeper than any page keeps one
    nested: dict[str, object] = {"title": "Silica", "series": "Glazes"}
    for _ in range(8):
        nested = {"wrap": nested}
    assert declared_in_page_data(_page(nested)) is None


def test_a_box_outranks_page_data_and_page_data_outranks_a_badge() -> None:
    box = '<div class="series-box">This post is part 4 of 6 in the series Glaze Basics</div>'
    with_box = _page({"frontmatter": {"title": "Silica", "series": "Glaze Chemistry"}}, box)
    found = parse_declared_series(with_box.encode(), URL)
    assert found is not None and (found.name, found.position) == ("Glaze Basics", 4)
    badge = '<header><a href="/series/glaze-basics/">Glaze Basics</a></header>'
    with_badge = _page({"frontmatter": {"title": "Silica", "series": "Glaze Chemistry"}}, badge)
    found = parse_declared_series(with_badge.encode(), URL)
    assert found is not None and found.source == PAGE_DATA and found.source != SERIES_LINK


def test_reading_a_posts_full_text_files_it_by_its_page_data(loopback, data_dir: Path) -> None:
    site = PotterySite(loopback)
    plain_pages(site)
    for slug, title, order in (
        ("cone-six", "Cone 6 without tears", 2),
        ("loading", "Loading a kiln", 1),
    ):
        props = {"post": {"title": title, "series": {"name": "Kiln Notes"}, "part": order}}
        loopback.route(
            f"/posts/{slug}/",
            body=_page(props, f"<p>{title}. " + "word " * 200 + "</p>"),
            content_type="text/html",
        )
    lib, feed_id = subscribed(data_dir, site)
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == (None, None)
    read_in_full(lib, "Cone 6 without tears", "Loading a kiln")
    grouped = grouping_of(lib, feed_id)
    # the place the front matter gives, not the dates' order
    assert grouped["Cone 6 without tears"] == ("Kiln Notes", 2)
    assert grouped["Loading a kiln"] == ("Kiln Notes", 1)
    assert grouped["Why clay shrinks"] == (None, None)
    why = {s.name: s.why for s in lib.list_series(feed_id=feed_id)}.get("Kiln Notes", "")
    assert "page data" in why
    lib.close()


def test_page_data_without_an_order_never_undoes_the_sites_list(loopback, data_dir: Path) -> None:
    """The site's list placed the post third; its page data names the series and no
    place, so the place stays; page data that gives one speaks over the list."""
    site = PotterySite(loopback)
    kiln_basics(site)
    plain_pages(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == ("Kiln Basics", 3)
    article = next(a for a in lib.list_articles() if a.title == "Cone 6 without tears")
    words = "<p>" + "word " * 200 + "</p>"
    nameonly = {"post": {"title": "Cone 6 without tears", "series": "Kiln Basics"}}
    loopback.route("/posts/cone-six/", body=_page(nameonly, words), content_type="text/html")
    lib.fetch_fulltext(article.id)
    regroup_feed(lib.store, feed_id)
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == ("Kiln Basics", 3)
    said = lib.store.feed_declarations(feed_id)[site.post("cone-six")]
    assert said.source != PAGE_DATA and said.position == 3
    ordered = {"post": {"title": "Cone 6 without tears", "series": "Kiln Basics", "part": 5}}
    loopback.route("/posts/cone-six/", body=_page(ordered, words), content_type="text/html")
    lib.fetch_fulltext(article.id, refresh=True)
    said = lib.store.feed_declarations(feed_id)[site.post("cone-six")]
    assert (said.source, said.position) == (PAGE_DATA, 5)
    lib.close()


def _nuxt_page(flat: list[object]) -> str:
    return (
        "<!doctype html><html><body><div id='__nuxt'><h1>Silica</h1></div>"
        '<script type="application/json" data-nuxt-data="nuxt-app" data-ssr="true" '
        f'id="__NUXT_DATA__">{json.dumps(flat)}</script></body></html>'
    )


# Nuxt's flat payload: the root first, every value an index of another item
NUXT_POST = [
    ["ShallowReactive", 1],
    {"data": 2, "state": 9, "serverRendered": 10},
    ["ShallowReactive", 3],
    {"content-/blog/silica": 4},
    {"_path": 5, "title": 6, "series": 7, "seriesOrder": 8},
    "/blog/silica",
    "Silica",
    "Glaze Chemistry",
    3,
    {},
    True,
]


def test_a_nuxt_payload_names_its_posts_series() -> None:
    found = declared_in_page_data(_nuxt_page(NUXT_POST))
    assert found is not None
    assert (found.name, found.position, found.source) == ("Glaze Chemistry", 3, PAGE_DATA)
    page = parse_declared_series(_nuxt_page(NUXT_POST).encode(), URL)  # as a fetch reads it
    assert page is not None and (page.name, page.source) == ("Glaze Chemistry", PAGE_DATA)


def test_a_hostile_nuxt_payload_declares_nothing() -> None:
    cycle: list[object] = [{"data": 1}, {"post": 2}, {"title": 3, "series": 4, "next": 2}, "A", "B"]
    found = declared_in_page_data(_nuxt_page(cycle))
    assert found is not None and found.name == "B"  # the cycle is cut, not followed
    loop: list[object] = [{"data": 0}]
    assert declared_in_page_data(_nuxt_page(loop)) is None
    out_of_range: list[object] = [{"data": 7}]
    assert declared_in_page_data(_nuxt_page(out_of_range)) is None
    typed: list[object] = [{"data": 1}, ["Set", 2], "x"]
    assert declared_in_page_data(_nuxt_page(typed)) is None
    wide: list[object] = [{"data": 1}, {str(n): 2 for n in range(5000)}, [2] * 5000]
    assert declared_in_page_data(_nuxt_page(wide)) is None


def test_the_sites_list_replaces_page_data_that_names_no_place(loopback, data_dir: Path) -> None:
    """Read first, the page data files the post under its series with no place; the
    site's list, read later, gives it its place, as it does over a badge."""
    site = PotterySite(loopback)
    kiln_basics(site)
    plain_pages(site)
    words = "<p>" + "word " * 200 + "</p>"
    nameonly = {"post": {"title": "Cone 6 without tears", "series": "Kiln Basics"}}
    loopback.route("/posts/cone-six/", body=_page(nameonly, words), content_type="text/html")
    lib, feed_id = subscribed(data_dir, site)
    read_in_full(lib, "Cone 6 without tears")
    said = lib.store.feed_declarations(feed_id)[site.post("cone-six")]
    assert (said.source, said.position) == (PAGE_DATA, None)
    lib.read_series_index(feed_id, limits=FAST)
    said = lib.store.feed_declarations(feed_id)[site.post("cone-six")]
    assert said.source != PAGE_DATA and said.position == 3
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == ("Kiln Basics", 3)
    lib.close()
