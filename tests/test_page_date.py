"""When an article page says it was published (``feeds.site.page_date``), read through
``parse_page`` as "Find missing parts" reads a page no feed carried."""

from __future__ import annotations

import pytest

from readinglist.feeds.site.links import parse_page
from readinglist.feeds.site.page_date import DateClues, page_date, parse_date, url_date

URL = "https://blog.example/posts/some-post/"


def _published(head: str = "", body: str = "", url: str = URL) -> str | None:
    html = f"<!doctype html><html><head>{head}</head><body><h1>T</h1>{body}</body></html>"
    return parse_page(html.encode(), url).published


def _ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # Open Graph, as WordPress and many themes write it
        (
            '<meta property="article:published_time" content="2019-04-02T10:00:00+02:00">',
            "",
            "2019-04-02T10:00:00+02:00",
        ),
        # Hugo's JSON-LD, the article inside a @graph beside the site
        (
            _ld(
                '{"@graph": [{"@type": "WebSite", "datePublished": "2010-01-01"},'
                ' {"@type": "BlogPosting", "datePublished": "2021-06-07"}]}'
            ),
            "",
            "2021-06-07",
        ),
        # microdata on a meta element
        ('<meta itemprop="datePublished" content="2018-02-03">', "", "2018-02-03"),
        # Dublin Core
        ('<meta name="DC.date" content="2015-09-30">', "", "2015-09-30"),
        # Jekyll's h-entry time, in the spaced form Jekyll prints
        (
            "",
            '<time class="dt-published" datetime="2017-05-02 10:00:00 +0100">2 May</time>',
            "2017-05-02T10:00:00+01:00",
        ),
        ("", '<time pubdate datetime="2016-01-05">5 Jan</time>', "2016-01-05"),
    ],
)
def test_each_way_a_page_dates_itself(head: str, body: str, expected: str) -> None:
    assert _published(head, body) == expected


def test_the_most_trusted_claim_wins() -> None:
    head = (
        '<meta name="date" content="2001-01-01">'
        + _ld('{"@type": "Article", "datePublished": "2002-02-02"}')
        + '<meta property="article:published_time" content="2003-03-03">'
    )
    assert _published(head, '<time class="published" datetime="2004-04-04"></time>') == "2003-03-03"
    # without Open Graph, JSON-LD outranks the Dublin Core date and a marked time
    assert _published(head.split("<meta property")[0]) == "2002-02-02"


def test_a_claim_that_is_no_date_passes_to_the_next() -> None:
    head = (
        '<meta property="article:published_time" content="last Tuesday">'
        + _ld('{"@type": "Article", "datePublished": "0001-01-01"}')
        + _ld("{not json")
        + '<meta name="date" content="2020-10-11">'
    )
    assert _published(head) == "2020-10-11"


def test_a_bare_time_element_is_not_the_publication() -> None:
    """A <time> with no mark may be a comment's or an event's: not the page's date."""
    assert _published(body='<time datetime="2012-12-12">then</time>') is None


def test_the_url_dates_a_page_that_says_nothing() -> None:
    assert _published(url="https://b.example/2016/02/29/leap/") == "2016-02-29"
    assert _published(url="https://b.example/posts/2023-11-18-how-i-did-it/") == "2023-11-18"
    # a page's own date outranks its URL's
    assert (
        _published('<meta name="date" content="2016-03-01">', url="https://b.example/2016/02/29/x/")
        == "2016-03-01"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://b.example/2024/03/transfer-learning-1/",  # a month names no day
        "https://b.example/2023/02/30/no-such-day/",
        "https://b.example/1850/01/01/too-early/",
        "https://b.example/2024/03-05/mixed-separators/",
        "https://b.example/sql/20251111_002_dump/",  # an id, not a date
        "not a url at all",
    ],
)
def test_urls_that_name_no_day(url: str) -> None:
    assert url_date(url) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
        ("2024-03-05 10:00:00 +0100", "2024-03-05T10:00:00+01:00"),
        ("2024-03-05T10:00", "2024-03-05T10:00:00"),
        ("  2024-03-05  ", "2024-03-05"),
        ("", None),
        (None, None),
        ("2024-13-01", None),
        ("3024-01-01", None),
        ("05/03/2024", None),
    ],
)
def test_parse_date(raw: str | None, expected: str | None) -> None:
    assert parse_date(raw) == expected


def test_json_ld_is_read_to_a_bound() -> None:
    """A page's JSON is input: a huge or deeply nested block neither hangs nor raises."""
    deep = '{"@graph": ' * 50 + '{"@type": "Article", "datePublished": "2020-01-01"}' + "}" * 50
    assert page_date(DateClues(json_ld=[deep]), URL) is None
    too_deep = "[" * 200_000 + "]" * 200_000  # past json.loads' own stack
    assert _published(_ld(too_deep)) is None
    huge = '{"@type": "Article", "datePublished": "2020-01-01", "x": "' + "a" * 400_000 + '"}'
    assert _published(_ld(huge)) is None  # cut at the bound: no longer JSON, passed over
