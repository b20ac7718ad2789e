"""feedparser on our SAX driver (expat with ``buffer_text``) reads what the stock one does."""

from __future__ import annotations

import xml.sax
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import feedparser
import feedparser.api
import pytest

from feedgen import Item, atom, rss
from readinglist.feeds import sax_driver
from readinglist.feeds.parse import parse_feed  # installs the driver


@contextmanager
def stock_driver() -> Iterator[None]:
    drivers = feedparser.api.PREFERRED_XML_PARSERS
    saved = list(drivers)
    drivers[:] = [d for d in drivers if d != sax_driver.__name__]
    try:
        yield
    finally:
        drivers[:] = saved


def _parse_both(doc: bytes, **options: Any) -> tuple[Any, Any]:
    ours = feedparser.parse(doc, **options)
    with stock_driver():
        stock = feedparser.parse(doc, **options)
    return ours, stock


HTML = (
    "<p>A &amp; B &lt; C, \"quoted\" and 'single' &#233;t&#xE9; &nbsp;</p>\n"
    "<p>line two\nline three</p><!-- a comment --><pre>  keep   spaces\n\tand tabs</pre>"
    '<a href="/relative?a=1&amp;b=2">link</a> <img src="x.png" alt="x"> 中文 ✓'
)
LONG = "<p>" + "word &amp; " * 9000 + "</p>"  # crosses the reader's 64 KB feed chunks

XHTML_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> &amp; title</div></title>
<id>urn:x</id>
<entry><id>urn:1</id><title>One &lt;em&gt;escaped&lt;/em&gt;</title>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x &lt; y &amp;
z</p><p>two<br/>three</p></div></content>
<summary><![CDATA[<p>cdata &amp; text</p>]]> and after &amp; more</summary>
</entry></feed>"""

CDATA_RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T &amp; U</title>
<item><guid>g1</guid><title><![CDATA[Part <1>]]> of &quot;it&quot;</title>
<description>before <![CDATA[<b>in</b> &amp; out]]> after &#60;i&#62;x&#60;/i&#62;</description>
<category>a&amp;b</category><category>c</category>
<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item></channel></rss>"""


@pytest.mark.parametrize(
    "doc",
    [
        rss(
            [
                Item(f"g{i}", f"Title {i} &amp; more", f"https://b.example/{i}", HTML, i)
                for i in range(20)
            ]
        ),
        atom(
            [
                Item(f"g{i}", f"Title {i} <b>x</b>", f"https://b.example/{i}", HTML, i)
                for i in range(20)
            ]
        ),
        rss([Item("long", "Long", "https://b.example/long", LONG)]),
        atom([Item("long", "Long", "https://b.example/long", LONG)]),
        XHTML_ATOM,
        CDATA_RSS,
        CDATA_RSS.replace(b"</channel></rss>", b"<item><title>cut"),  # ill-formed: loose parser
    ],
    ids=["rss", "atom", "long-rss", "long-atom", "xhtml", "cdata", "cut"],
)
@pytest.mark.parametrize("sanitize", [False, True])
def test_same_result_as_stock_expat(doc: bytes, sanitize: bool) -> None:
    ours, stock = _parse_both(doc, sanitize_html=sanitize, resolve_relative_uris=sanitize)
    assert ours["entries"] == stock["entries"]
    assert ours["feed"] == stock["feed"]
    assert ours.get("bozo") == stock.get("bozo")
    assert ours["version"] == stock["version"]
    with stock_driver():
        stock_parsed = parse_feed(doc, url="https://b.example/feed.xml")
    assert parse_feed(doc, url="https://b.example/feed.xml") == stock_parsed


def test_feedparser_uses_the_buffered_driver() -> None:
    parser = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    assert isinstance(parser, sax_driver.BufferedExpatParser)
    parser.reset()
    assert parser._parser.buffer_text  # type: ignore[attr-defined]


def test_character_data_arrives_in_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the driver: one ``handle_data`` per run of text, not one per line
    and entity (so a regression to the stock reader shows here, not only in a benchmark)."""
    from feedparser.mixin import _FeedParserMixin as XMLParserMixin

    calls = 0
    original = XMLParserMixin.handle_data

    def counting(self: Any, text: str, escape: int = 1) -> None:
        nonlocal calls
        calls += 1
        original(self, text, escape)

    monkeypatch.setattr(XMLParserMixin, "handle_data", counting)
    doc = rss([Item("g", "T", "https://b.example/1", HTML * 20)])
    feedparser.parse(doc)
    ours, calls = calls, 0
    with stock_driver():
        feedparser.parse(doc)
    assert ours * 10 < calls
