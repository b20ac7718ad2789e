"""feeds.discover: feed links in HTML pages, and sniffing whether bytes are a feed."""

from __future__ import annotations

import pytest

from readinglist.feeds.discover import discover_feeds, looks_like_feed
from readinglist.model.records import DiscoveredFeed

PAGE = "https://blog.example.org/posts/2024/hello.html"


def _page(head: str, body: str = "<p>hi</p>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_relative_hrefs_resolve_against_the_page() -> None:
    html = _page(
        '<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed.xml">'
        '<link rel="alternate" type="application/atom+xml" href="atom.xml">'
        '<link rel="alternate" type="application/rss+xml" href="//cdn.example.org/rss">'
    )
    assert discover_feeds(html, PAGE) == [
        DiscoveredFeed("https://blog.example.org/feed.xml", "Posts", "application/rss+xml"),
        DiscoveredFeed(
            "https://blog.example.org/posts/2024/atom.xml", None, "application/atom+xml"
        ),
        DiscoveredFeed("https://cdn.example.org/rss", None, "application/rss+xml"),
    ]


def test_base_href_is_respected_even_after_the_links() -> None:
    html = _page(
        '<link rel="alternate" type="application/atom+xml" href="feed.atom">'
        '<base href="/blog/">'
        '<base href="https://ignored.example/">'
    )
    assert discover_feeds(html, PAGE) == [
        DiscoveredFeed("https://blog.example.org/blog/feed.atom", None, "application/atom+xml")
    ]


def test_non_http_base_is_ignored() -> None:
    html = _page(
        '<base href="javascript:void(0)">'
        '<link rel="alternate" type="application/rss+xml" href="rss">'
    )
    assert [f.url for f in discover_feeds(html, PAGE)] == [
        "https://blog.example.org/posts/2024/rss"
    ]


def test_multiple_feeds_keep_order_and_drop_duplicates() -> None:
    html = _page(
        '<link rel="alternate" type="application/rss+xml" title="All" href="/feed/">'
        '<link rel="stylesheet" href="/style.css">'
        '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">'
        '<link rel="alternate" hreflang="de" href="/de/">'
        '<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">'
        '<link rel="alternate" type="application/rss+xml" title="Again" href="/feed/#top">'
        '<link rel="alternate" type="application/feed+json" title="JSON" href="/feed.json">',
        body='<link rel="ALTERNATE home" type="Application/Atom+XML; charset=utf-8" href="/a">',
    )
    assert discover_feeds(html, PAGE) == [
        DiscoveredFeed("https://blog.example.org/feed/", "All", "application/rss+xml"),
        DiscoveredFeed(
            "https://blog.example.org/comments/feed/", "Comments", "application/rss+xml"
        ),
        DiscoveredFeed("https://blog.example.org/feed.json", "JSON", "application/feed+json"),
        DiscoveredFeed("https://blog.example.org/a", None, "application/atom+xml"),
    ]


def test_non_http_links_are_refused() -> None:
    html = _page(
        '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        '<link rel="alternate" type="application/rss+xml" href="ftp://example.org/rss">'
        '<link rel="alternate" type="application/rss+xml" href="data:text/xml,&lt;rss/&gt;">'
        '<link rel="alternate" type="application/rss+xml" href="">'
        '<link rel="alternate" type="application/rss+xml">'
        '<link rel="alternate" type="application/rss+xml" href="http://">'
        '<link rel="alternate" type="application/rss+xml" href="http://ok.example/rss">'
    )
    assert [f.url for f in discover_feeds(html, PAGE)] == ["http://ok.example/rss"]


def test_feed_scheme_is_rewritten() -> None:
    html = _page(
        '<link rel="alternate" type="application/rss+xml" href="feed://a.example/rss">'
        '<link rel="alternate" type="application/rss+xml" href="feed:https://b.example/rss">'
    )
    assert [f.url for f in discover_feeds(html, PAGE)] == [
        "http://a.example/rss",
        "https://b.example/rss",
    ]


def test_entities_in_attributes_are_decoded() -> None:
    html = _page(
        '<link rel=alternate type=application/rss+xml title="Tom &amp; Jerry" '
        'href="/feed?a=1&amp;b=2" />'
    )
    assert discover_feeds(html, PAGE) == [
        DiscoveredFeed(
            "https://blog.example.org/feed?a=1&b=2", "Tom & Jerry", "application/rss+xml"
        )
    ]


@pytest.mark.parametrize(
    "html",
    [
        b"",
        _page("<title>No feeds</title>"),
        _page('<link rel="alternate" type="text/html" href="/mobile">'),
        b"\xff\xfe\x00garbage<<<>>>",
        b"<html><head><link rel=",
    ],
)
def test_none_found(html: bytes) -> None:
    assert discover_feeds(html, PAGE) == []


def test_non_utf8_page() -> None:
    html = '<link rel="alternate" type="application/rss+xml" title="Caf\xe9" href="/f">'.encode(
        "cp1252"
    )
    assert discover_feeds(html, PAGE) == [
        DiscoveredFeed("https://blog.example.org/f", "Caf\xe9", "application/rss+xml")
    ]


# --- looks_like_feed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "text/xml"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "application/xml"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', None),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- <html> --><rss/>", "text/html"),
        (b'<?xml-stylesheet href="s.xsl"?><!DOCTYPE rss [<!ENTITY x "y">]><rss/>', None),
        (b"<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'/>", None),
        ("<?xml version='1.0' encoding='utf-16'?><rss/>".encode("utf-16"), None),
        ("<rss/>".encode("utf-16-le"), None),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "application/json"),
        (b"   \n\n   some bytes", "application/rss+xml"),  # trust the media type
        (b'{"items": []}', "application/feed+json"),
    ],
)
def test_looks_like_feed(content: bytes, content_type: str | None) -> None:
    assert looks_like_feed(content, content_type) is True


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (_page('<link rel="alternate" type="application/rss+xml" href="/f">'), "text/html"),
        (b"<!DOCTYPE html><html><body><rss>", "application/rss+xml"),  # HTML error page
        (b"<opml version='2.0'><body/></opml>", "text/xml"),
        (b"<svg/>", "application/atom+xml"),
        (b"", "application/rss+xml"),
        (b"", None),
        (b"plain text", "text/plain"),
        (b'{"items": []}', "application/json"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
    ],
)
def test_does_not_look_like_feed(content: bytes, content_type: str | None) -> None:
    assert looks_like_feed(content, content_type) is False


def test_sniffing_only_reads_the_head() -> None:
    assert looks_like_feed(b" " * 20000 + b"<rss/>", None) is False
    assert looks_like_feed(b"<!-- " + b"x" * 20000, "application/atom+xml") is True
