"""The pure parts of find-missing-parts: sitemaps, robots.txt and article pages."""

from __future__ import annotations

import gzip

import pytest

from readinglist.feeds.site.links import parse_page, section_feed_candidates
from readinglist.feeds.site.sitemap import parse_robots, parse_sitemap
from readinglist.model.errors import ParseError
from readinglist.model.urls import normalize_url

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def _urlset(n: int) -> bytes:
    locs = "".join(f"<url><loc>https://b.example/p/{i}/</loc></url>" for i in range(n))
    return f'<?xml version="1.0"?><urlset {NS}>{locs}</urlset>'.encode()


def test_sitemap_cap_gzip_and_index() -> None:
    doc = parse_sitemap(gzip.compress(_urlset(100_000)), url="https://b.example/s.xml.gz")
    assert len(doc.urls) == 5000 and doc.truncated and doc.urls[0] == "https://b.example/p/0/"
    index = parse_sitemap(
        f"<sitemapindex {NS}><sitemap><loc>/a.xml</loc></sitemap>"
        "<sitemap><loc>file:///etc/passwd</loc></sitemap></sitemapindex>".encode(),
        url="https://b.example/sitemap.xml",
    )
    assert index.sitemaps == ("https://b.example/a.xml",) and index.urls == ()


@pytest.mark.parametrize(
    "body",
    [
        b'<!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url>'
        b"<loc>&x;</loc></url></urlset>",
        b'<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><urlset>&b;</urlset>',
    ],
)
def test_sitemap_refuses_doctype_and_entities(body: bytes) -> None:
    with pytest.raises(ParseError, match="DOCTYPE or entities"):
        parse_sitemap(body, url="https://b.example/sitemap.xml")


def test_not_a_sitemap() -> None:
    with pytest.raises(ParseError, match="not a sitemap"):
        parse_sitemap(b"<rss><channel/></rss>", url="https://b.example/x")


def test_robots_sitemaps_and_rules() -> None:
    rules = parse_robots(
        b"User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml\nSitemap: file:///x\n",
        url="https://b.example/robots.txt",
    )
    assert rules.sitemaps == ("https://b.example/sitemap.xml",)
    assert not rules.allows("https://b.example/private/a", "readinglist/1")
    assert rules.allows("https://b.example/posts/a", "readinglist/1")


def test_page_links_keep_only_http() -> None:
    page = parse_page(
        b"""<html><head><title>T | Blog</title><meta property="og:title" content="Real (2)">
        <link rel="alternate" type="application/rss+xml" href="/en/x/index.xml">
        <link rel="alternate" type="application/atom+xml" href="file:///etc/f.xml">
        <link rel="prev" href="../01-a/"></head><body>
        <a rel="next" href="javascript:alert(1)">Next</a>
        <a href="file:///etc/passwd">Part 9</a><a href="/en/x/03-c/">Part 3</a>
        <a href="/about/">About</a><script>var words = 1 2 3;</script></body></html>""",
        "https://b.example/en/x/02-b/",
    )
    assert page.title == "Real (2)"
    assert page.prev == ("https://b.example/en/x/01-a/",) and page.next == ()
    assert page.part_links == (("https://b.example/en/x/03-c/", "Part 3"),)
    assert page.feeds == ("https://b.example/en/x/index.xml",)


def test_section_feed_candidates_and_url_keys() -> None:
    assert section_feed_candidates("https://b.example/en/linear-algebra/13-x/", "Essence")[:2] == [
        "https://b.example/en/linear-algebra/index.xml",
        "https://b.example/en/linear-algebra/feed/",
    ]
    assert section_feed_candidates("file:///etc/passwd") == []
    assert normalize_url("HTTPS://B.example:443/a/#x") == normalize_url("http://b.example/a")


def test_the_matcher_takes_what_a_page_declares_over_its_title() -> None:
    from readinglist.model.records import DeclaredSeries
    from readinglist.services.backfill.match import Candidate, SeriesMatcher

    def candidate(url: str, title: str, declared: DeclaredSeries | None) -> Candidate:
        summary = {"title": title, "declared": declared.to_json() if declared else None}
        return Candidate.from_page(url, summary)

    matcher = SeriesMatcher(
        [], set(), ["https://b.example/t/a/"], {1, 4}, series_keys={"transformer from scratch"}
    )
    mine = DeclaredSeries("Transformers from Scratch", 2, source="schema.org")
    other = DeclaredSeries("Transformers in Production", 1, source="schema.org")
    unnumbered = DeclaredSeries(
        "Transformers From Scratch", None, source="schema.org", previous="https://b.example/t/b/"
    )
    taken = matcher.offer(
        [
            candidate("https://b.example/t/b/", "Attention", mine),
            candidate("https://b.example/t/x-part-3/", "Transformers From Scratch Part 3", other),
            candidate("https://b.example/t/c/", "Decoding", unnumbered),
        ]
    )
    assert [(c.title, c.part) for c in taken] == [("Attention", 2), ("Decoding", 3)]
    assert normalize_url("https://b.example/t/x-part-3/") in matcher.rejected
    assert matcher.gaps() == ()
    duplicate = candidate("https://b.example/t/b2/", "Attention again", mine)
    assert matcher.offer([duplicate]) == []  # part 2 is there already
    # a digest cached before declarations were read declares nothing
    assert Candidate.from_page("https://b.example/t/d/", {"title": "D"}).declared is None
