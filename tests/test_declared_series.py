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
    assert found.members == (
        "https://blog.example/rust-async-1/",
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
