"""What an article's page declares about its series: schema.org and series boxes, read
without running anything; the site's own name for itself is not a series."""

from __future__ import annotations

import json

from readinglist.feeds.site.declared import DeclaredSeries, parse_declared_series

URL = "https://blog.example/rust-async-2/"


def page(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_schema_org_series_and_position_from_json_ld() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": "Wakers",
            "isPartOf": {"@type": "CreativeWorkSeries", "name": "Rust Async"},
            "position": "2",
        }
    )
    assert parse_declared_series(page("<p>text</p>", head), URL) == DeclaredSeries(
        "Rust Async", 2, source="schema.org"
    )


def test_the_website_an_seo_plugin_names_on_every_page_is_no_series() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "https://blog.example/#website", "name": "Blog"},
                {
                    "@type": "Article",
                    "isPartOf": {"@type": "WebPage", "name": "Rust Async (2)"},
                },
                {"@type": "WebPage", "isPartOf": {"@id": "https://blog.example/#website"}},
            ],
        }
    )
    assert parse_declared_series(page("<p>text</p>", head), URL) is None
    broken = '<script type="application/ld+json">{not json</script>'
    assert parse_declared_series(page("<p>text</p>", broken), URL) is None


def test_microdata_is_part_of_a_series() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/BlogPosting">'
        '<div itemprop="isPartOf" itemscope itemtype="https://schema.org/CreativeWorkSeries">'
        '<span itemprop="name">Go Tips</span></div>'
        '<meta itemprop="position" content="4"><p>text</p></article>'
    )
    assert parse_declared_series(page(body), URL) == DeclaredSeries(
        "Go Tips", 4, source="schema.org"
    )


def test_a_themes_series_box_with_its_list_of_posts() -> None:
    body = (
        '<aside class="post-series"><p>This post is part 2 of 4 in the series'
        " <em>Rust Async</em>.</p><ol>"
        '<li><a href="/rust-async-1/">Futures</a></li>'
        '<li class="current">Wakers</li>'
        '<li><a href="/rust-async-3/">Pinning</a></li>'
        '<li><a href="javascript:alert(1)">Streams</a></li></ol></aside><p>Body</p>'
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None
    assert (found.name, found.position, found.total, found.source) == (
        "Rust Async",
        2,
        4,
        "series box",
    )
    assert found.members == (  # in the page's order, the page itself in its place
        "https://blog.example/rust-async-1/",
        URL,
        "https://blog.example/rust-async-3/",
    )


def test_a_box_without_a_number_places_the_page_by_its_own_link() -> None:
    body = (
        '<div id="series-nav">This article is part of the Learning Go series:'
        '<ul><li><a href="https://blog.example/go-1/">Basics</a></li>'
        '<li><a href="https://blog.example/go-2">Types</a></li>'
        '<li><a href="https://blog.example/go-3/">Errors</a></li></ul></div>'
    )
    found = parse_declared_series(page(body), "https://blog.example/go-2/")
    assert found is not None and (found.name, found.position) == ("Learning Go", 2)
    assert len(found.members) == 3


def test_wordpress_series_meta_names_the_series_in_a_link() -> None:
    body = (
        '<div class="seriesmeta">This entry is part 3 of 7 in the series'
        ' <a href="/series/compilers/">Writing a Compiler</a></div>'
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None and (found.name, found.position, found.total) == (
        "Writing a Compiler",
        3,
        7,
    )


def test_pages_that_declare_nothing() -> None:
    assert parse_declared_series(page("<p>Part 2 of our journey.</p>"), URL) is None
    box = '<div class="series">More posts like this: <a href="/x/">x</a></div>'
    assert parse_declared_series(page(box), URL) is None  # a box that names no series
    assert parse_declared_series(b"\xff\xfe<<<not html", URL) is None


def box_page(part: int, total: int, name: str, links: list[str], here: str) -> bytes:
    items = "".join(
        f'<li class="current">{i}</li>' if link == here else f'<li><a href="{link}">{i}</a></li>'
        for i, link in enumerate(links, 1)
    )
    return page(
        f"<article><h1>Part {part}</h1><p>{'Words about the topic. ' * 60}</p></article>"
        f'<aside class="series-box">This post is part {part} of {total} in the series'
        f" {name}.<ol>{items}</ol></aside>"
    )


def test_a_fetched_page_that_declares_its_series_regroups_the_feed(tmp_path, loopback) -> None:
    """Titles that say nothing ("Futures", "Wakers", "Pinning"); the page of one declares
    the series and lists the others in order: the feed is grouped again at once, in part
    order, and a later sync keeps what was declared."""
    from feedgen import Item, rss
    from readinglist.model.query import ArticleQuery
    from readinglist.services.library import Library

    links = [loopback.url(f"/rust/{slug}/") for slug in ("futures", "wakers", "pinning")]
    items = [
        Item(f"p{i}", title, link, day=i)
        for i, (title, link) in enumerate(
            zip(("Futures", "Wakers", "Pinning"), links, strict=True), 1
        )
    ]
    loopback.route("/feed.xml", body=rss(items), content_type="application/rss+xml")
    for part, link in enumerate(links, 1):
        path = link.removeprefix(loopback.base_url)
        loopback.route(
            path, body=box_page(part, 3, "Rust Async", links, link), content_type="text/html"
        )
    with Library.open(tmp_path) as lib:
        lib.subscribe(loopback.url("/feed.xml"))
        assert lib.list_series() == []  # nothing in the titles
        wakers = next(a for a in lib.list_articles(ArticleQuery()) if a.title == "Wakers")
        changes = lib.fetch_fulltext(wakers.id).changes
        (series,) = lib.list_series()
        assert (series.name, series.parts, series.guess) == ("Rust Async", (1, 2, 3), False)
        assert "'Rust Async' (series box)" in series.why  # declared, and said so
        assert series.id in changes.series and len(changes.articles) == 3
        lib.sync()  # a sync groups again from titles: the declaration still outranks
        (again,) = lib.list_series()
        assert again.parts == (1, 2, 3)


def test_declared_outranks_guessed_and_a_list_numbers_only_when_it_is_in_order() -> None:
    from readinglist.feeds.series.declared import apply_declared
    from readinglist.model.records import SeriesGuess

    links = ["https://b.example/a/", "https://b.example/b/", "https://b.example/c/"]
    guessed = [
        SeriesGuess("cooking", "Cooking", 7, "a", strength="weak"),
        SeriesGuess(None, None, None, "b"),
        SeriesGuess(None, None, None, "c"),
    ]
    in_order = DeclaredSeries("Type Systems", 2, 3, tuple(links), "series box")
    out = apply_declared(links, guessed, {links[1]: in_order})
    assert [(g.key, g.part, g.strength) for g in out] == [
        ("type system", 1, "strong"),  # the key is normalised like every series name
        ("type system", 2, "strong"),
        ("type system", 3, "strong"),
    ]
    assert out[1].why.startswith("the page declares it: part 2 of 'Type Systems'")
    shuffled = DeclaredSeries("Type Systems", 1, None, (links[2], links[0]), "series box")
    out = apply_declared(links, guessed, {links[0]: shuffled})
    assert [g.part for g in out] == [1, None, None]  # the list is no part order here
    assert apply_declared(links, guessed, {}) == guessed
