"""feeds.parse: golden fixture feeds and every kind of bad input."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from readinglist.feeds.parse import parse_feed
from readinglist.model.errors import ParseError
from readinglist.model.records import ParsedEntry, ParsedFeed

FEEDS = Path(__file__).parent / "data" / "feeds"


def load(name: str, url: str = "https://feeds.example.com/feed.xml") -> ParsedFeed:
    return parse_feed((FEEDS / name).read_bytes(), url=url)


def rss(items: str, *, channel: str = "<title>T</title>", encoding: str = "utf-8") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"{channel}{items}</channel></rss>"
    ).encode(encoding if encoding != "wrong" else "utf-8")


# --- golden ----------------------------------------------------------------------


def test_rss20_golden() -> None:
    feed = load("rss20.xml", url="https://feeds.example.com/rss")
    assert feed.title == "Deep Learning Notes"
    assert feed.site_url == "https://blog.example.com/"
    assert feed.warning is None
    assert feed.entries == (
        ParsedEntry(
            guid="post-102",
            title="Transfer Learning (2): Fine-tuning",
            link="https://blog.example.com/transfer-learning/02-fine-tuning/",
            author="Ada & Bob",
            summary_html="<p>Short <b>summary</b>.</p>",
            content_html=(
                '<p>Read <a href="https://blog.example.com/transfer-learning/01-intro/"'
                ' rel="noopener noreferrer">part one</a> first.</p>'
                '<img src="https://blog.example.com/img/fig1.png" alt="Figure 1">'
                "<p>Four more words here.</p>"
            ),
            published=datetime(2024, 1, 2, 9, 30, tzinfo=UTC),
            updated=None,
            categories=("Machine Learning", "Tutorials"),
            word_count=8,
        ),
        ParsedEntry(
            # a relative <link> resolves against the feed's own URL
            guid="https://feeds.example.com/posts/option-t/",
            title="Option<T> in Rust",  # text, not markup: the GUI escapes it
            link="https://feeds.example.com/posts/option-t/",
            author=None,
            summary_html="Plain words only",
            content_html="",
            published=datetime(2024, 1, 3, 8, 0, tzinfo=UTC),
            updated=None,
            categories=(),
            word_count=3,
        ),
    )


def test_atom10_golden() -> None:
    feed = load("atom10.xml")
    assert feed.title == "Time Series Blog"
    assert feed.site_url == "https://ts.example.org/"
    assert feed.warning is None
    first, second = feed.entries
    assert first == ParsedEntry(
        guid="tag:ts.example.org,2024:post-8",
        title="Time Series Forecasting (8)",
        link="https://ts.example.org/2024/03/forecasting-8.html",
        author="Grace Hopper",
        summary_html="<p>Part eight: ARIMA &amp; friends</p>",
        content_html=(
            '<h2>ARIMA</h2><p>See <a href="https://ts.example.org/2024/03/forecasting-7.html"'
            ' rel="noopener noreferrer">part 7</a> and <a rel="noopener noreferrer">this</a>.</p>'
        ),
        published=datetime(2024, 3, 4, 7, 15, 30, tzinfo=UTC),
        updated=datetime(2024, 3, 5, 12, 0, tzinfo=UTC),
        categories=("forecasting", "time-series"),
        word_count=6,
    )
    assert second == ParsedEntry(
        guid="tag:ts.example.org,2024:post-9",
        title="Markup in title",
        link=None,
        author=None,
        summary_html="<p>Hello <i>xhtml</i> world</p>",
        content_html="<p>Hello <i>xhtml</i> world</p>",
        published=None,
        updated=datetime(2024, 3, 6, 0, 0, tzinfo=UTC),
        categories=(),
        word_count=3,
    )


def test_rdf_golden() -> None:
    feed = load("rdf.xml")
    assert (feed.title, feed.site_url, feed.warning) == (
        "RDF Site",
        "https://rdf.example.net/",
        None,
    )
    assert feed.entries == (
        ParsedEntry(
            guid="https://rdf.example.net/nlp-part-4",
            title="NLP Part 4: Attention",
            link="https://rdf.example.net/nlp-part-4",
            author="Claude Shannon",
            summary_html="Attention is all you need.",
            content_html="",
            published=None,
            updated=datetime(2023, 11, 20, 18, 0, tzinfo=UTC),  # dc:date is "updated"
            categories=("NLP",),
            word_count=5,
        ),
    )


def test_guid_does_not_depend_on_the_feed_url() -> None:
    a = load("rss20.xml", url="https://old.example.com/rss")
    b = load("rss20.xml", url="https://new.example.com/feed")
    assert a.entries[0].guid == b.entries[0].guid == "post-102"


# --- not a feed --------------------------------------------------------------------


@pytest.mark.parametrize("body", [b"", b"   \n\t ", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_document(body: bytes) -> None:
    with pytest.raises(ParseError, match=r"^the document is empty$"):
        parse_feed(body, url="https://example.com/feed")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>x</p></body></html>", None),
        (b"\n  <html lang='en'><body>Welcome</body></html>", None),
        (b"<!-- cms --><!doctype HTML><HTML><BODY>x</BODY></HTML>", None),
        (b"<p>Just some markup</p>", "text/html; charset=utf-8"),
        (
            b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"'
            b' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
            None,
        ),
    ],
)
def test_html_page(body: bytes, content_type: str | None) -> None:
    with pytest.raises(ParseError, match=r"^the server sent an HTML page, not a feed$"):
        parse_feed(body, url="https://example.com/", content_type=content_type)


def test_truncated_xml_without_entries() -> None:
    body = rss("<item><title>one</title><guid>1</guid></item>")[:70]
    with pytest.raises(ParseError) as info:
        parse_feed(body, url="https://example.com/feed")
    assert str(info.value) == (
        "the feed is malformed (cut off at line 2: unclosed token): no entries could be read"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\x00\x01\x02garbage", "not a feed: <unknown>:2:0: not well-formed (invalid token)"),
        (
            b'{"version": "https://jsonfeed.org/version/1"}',
            "not a feed: <unknown>:2:0: not well-formed (invalid token)",
        ),
        (
            b"<?xml version='1.0'?><config><item>1</item></config>",
            "not a feed: no RSS, Atom or RDF elements found",
        ),
        (
            b"<rss version='2.0'><channel><title>x</title><item><title>a",
            "the feed is malformed (cut off at line 1: no element found): no entries could be read",
        ),
    ],
)
def test_garbage(body: bytes, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_feed(body, url="https://example.com/feed")
    assert str(info.value) == message


def test_body_naming_a_local_file_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss("<item><title>SECRET</title><guid>s</guid></item>"))
    with pytest.raises(ParseError):
        parse_feed(str(secret).encode(), url="https://example.com/feed")


def test_body_naming_a_url_is_not_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser.api

    def no_network(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("feedparser tried to fetch a URL")

    monkeypatch.setattr(feedparser.api.http, "get", no_network)
    with pytest.raises(ParseError):
        parse_feed(b"https://example.com/other-feed.xml", url="https://example.com/feed")


def test_empty_but_valid_feed_is_not_an_error() -> None:
    feed = parse_feed(rss(""), url="https://example.com/feed")
    assert feed == ParsedFeed(title="T", site_url=None, entries=(), warning=None)


# --- recoverable -------------------------------------------------------------------


def test_undefined_entity_is_only_a_warning() -> None:
    """HTML entities without a DTD are everywhere; feedparser reads them: no fault."""
    body = rss(
        "<item><title>one</title><guid>1</guid></item><item><title>two &bogus; x</title>"
        "<guid>2</guid></item>"
    )
    feed = parse_feed(body, url="https://example.com/feed")
    assert [e.guid for e in feed.entries] == ["1", "2"]
    assert feed.fault is None
    assert feed.warning == (
        "the feed is not well-formed XML but was read anyway: <unknown>:2:106: undefined entity"
    )


def test_truncated_after_complete_entries() -> None:
    body = rss(
        "<item><title>one</title><guid>1</guid></item><item><title>two</title><guid>2</guid>"
    )
    feed = parse_feed(body[:-30], url="https://example.com/feed")
    assert [e.title for e in feed.entries] == ["one"]  # "two" was cut: dropped, not stored
    assert feed.fault == (
        "the feed is malformed (cut off at line 2: no element found): "
        "kept the 1 entry before the cut"
    )
    assert feed.warning is None


# Items 1-5 of a series, one per line block, so line numbers are easy to state.
FIVE = "\n".join(
    f"<item>\n<title>Part {n}: chapter {n}</title>\n<guid>p{n}</guid>\n"
    f"<description>&lt;p&gt;Body {n}&lt;/p&gt;</description>\n</item>"
    for n in range(1, 6)
)


def _five(replace: tuple[str, str] = ("", "")) -> bytes:
    return rss("\n" + FIVE.replace(*replace) + "\n") if replace[0] else rss("\n" + FIVE + "\n")


@pytest.mark.parametrize(
    ("cut_after", "kept"),
    [
        ("<title>Part 3: cha", ["Part 1: chapter 1", "Part 2: chapter 2"]),  # inside a title
        ("<guid>p3</guid>", ["Part 1: chapter 1", "Part 2: chapter 2"]),  # before the body
        (
            "Body 5&lt;/p&gt;</description>\n</item>",
            [f"Part {n}: chapter {n}" for n in range(1, 6)],
        ),
    ],
)
def test_a_cut_document_keeps_the_entries_before_the_cut(cut_after: str, kept: list[str]) -> None:
    body = _five()
    cut = body[: body.index(cut_after.encode()) + len(cut_after)]
    feed = parse_feed(cut, url="https://example.com/feed")
    assert [e.title for e in feed.entries] == kept
    line = cut.count(b"\n") + 1
    assert feed.fault == (
        f"the feed is malformed (cut off at line {line}: no element found): "
        f"kept the {len(kept)} entries before the cut"
    )


def test_a_cut_hidden_behind_an_earlier_entity_error_is_still_found() -> None:
    """expat stops at the first error (an &nbsp;); the missing </rss> is checked apart."""
    body = _five(("Body 1", "Body&nbsp;1"))
    cut = body[: body.index(b"<guid>p4</guid>")]
    feed = parse_feed(cut, url="https://example.com/feed")
    assert [e.guid for e in feed.entries] == ["p1", "p2", "p3"]
    line = cut.rstrip().count(b"\n") + 1  # the last line with something on it
    assert feed.fault == (
        f"the feed is malformed (cut off at line {line}: no </rss> at the end): "
        "kept the 3 entries before the cut"
    )


def test_a_document_padded_with_nul_bytes_is_cut() -> None:
    body = _five()
    cut = body[: body.index(b"<item>\n<title>Part 4")] + b"\0" * 400
    feed = parse_feed(cut, url="https://example.com/feed")
    assert [e.guid for e in feed.entries] == ["p1", "p2", "p3"]
    assert feed.fault is not None and feed.fault.endswith("kept the 3 entries before the cut")


def test_cut_before_any_entry_is_a_parse_error() -> None:
    body = _five()
    with pytest.raises(ParseError) as info:
        parse_feed(body[: body.index(b"<item>") + 4], url="https://example.com/feed")
    assert str(info.value) == (
        "the feed is malformed (cut off at line 3: unclosed token): no entries could be read"
    )


def test_mismatched_tags_are_a_fault() -> None:
    feed = parse_feed(_five(("</title>\n<guid>p2", "</titel>\n<guid>p2")), url="https://e.x/f")
    assert feed.fault is not None
    assert feed.fault.startswith("the feed is malformed (mismatched tag at line 9): kept the ")
    assert feed.fault.endswith(" entries that could be read")


@pytest.mark.parametrize(
    ("label", "body"),
    [
        ("html entity", _five(("Body 2", "Body&nbsp;&eacute;2"))),
        ("bare ampersand", _five(("chapter 3", "Q & A 3"))),
        ("control character", _five(("Body 4", "Body\x0c4"))),
        ("undeclared prefix", _five(("<guid>p2", "<dc:creator>me</dc:creator><guid>p2"))),
        ("blank line before the declaration", b"\n\n" + _five()),
        ("php warning after the root", _five() + b"\n<b>Warning</b>: headers already sent"),
    ],
)
def test_untidy_but_complete_documents_are_not_faults(label: str, body: bytes) -> None:
    feed = parse_feed(body, url="https://example.com/feed")
    assert feed.fault is None, label
    assert [e.guid for e in feed.entries] == ["p1", "p2", "p3", "p4", "p5"], label
    assert feed.warning is not None
    assert feed.warning.startswith("the feed is not well-formed XML but was read anyway: ")


def test_empty_feed_with_an_entity_in_its_title_is_an_empty_feed() -> None:
    feed = parse_feed(rss("", channel="<title>caf&eacute;</title>"), url="https://e.x/f")
    assert (feed.title, feed.entries, feed.fault) == ("café", (), None)


# --- encodings ---------------------------------------------------------------------

ITEM = "<item><title>Café Ünïcödé — “quoted”</title><guid>1</guid></item>"


def _entry_title(body: bytes, content_type: str | None = None) -> tuple[str, str | None]:
    feed = parse_feed(body, url="https://example.com/feed", content_type=content_type)
    return feed.entries[0].title, feed.warning


def test_declared_utf8_but_windows_1252() -> None:
    body = rss(ITEM, encoding="utf-8").decode().encode("cp1252")
    assert _entry_title(body) == (
        "Café Ünïcödé — “quoted”",
        "the feed is not valid utf-8; read as windows-1252",
    )


def test_declared_iso_8859_1_but_utf8() -> None:
    body = rss(ITEM, encoding="utf-8").replace(b'encoding="utf-8"', b'encoding="ISO-8859-1"')
    assert _entry_title(body) == (
        "Café Ünïcödé — “quoted”",
        "the feed declared iso-8859-1 but is UTF-8; read as UTF-8",
    )


def test_http_charset_wrong_in_both_directions() -> None:
    utf8 = rss(ITEM)
    assert (
        _entry_title(utf8, "application/rss+xml; charset=iso-8859-1")[0]
        == "Café Ünïcödé — “quoted”"
    )
    cp1252 = utf8.decode().encode("cp1252")
    assert _entry_title(cp1252, "text/xml; charset=UTF-8")[0] == "Café Ünïcödé — “quoted”"


def test_iso_8859_1_declared_and_true() -> None:
    body = rss("<item><title>Café</title><guid>1</guid></item>", encoding="iso-8859-1")
    assert _entry_title(body) == ("Café", None)


def test_text_xml_without_charset_is_utf8_not_ascii() -> None:
    assert _entry_title(rss(ITEM), "text/xml")[0] == "Café Ünïcödé — “quoted”"


def test_utf16_with_bom() -> None:
    body = rss(ITEM, encoding="utf-16")  # Python writes a BOM
    assert _entry_title(body)[0] == "Café Ünïcödé — “quoted”"


def test_shift_jis_declared() -> None:
    body = rss("<item><title>日本語のタイトル</title><guid>1</guid></item>", encoding="shift_jis")
    assert _entry_title(body) == ("日本語のタイトル", None)


# --- XML attacks ---------------------------------------------------------------------

LAUGHS = "\n".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)).replace(
    "&lol0;", "lol"
)
BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol0 "lol">
{LAUGHS}
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>laugh &lol9;</title><guid>1</guid><description>&lol9;</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    "body",
    [BILLION_LAUGHS.encode(), BILLION_LAUGHS.replace("\n", "").encode()],
    ids=["multi-line", "one-line"],
)
def test_billion_laughs_is_not_expanded(body: bytes) -> None:
    started = time.perf_counter()
    feed = parse_feed(body, url="https://example.com/feed")
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5  # expanded it would be 3 GB; expat's own guard takes ~1 s
    (entry,) = feed.entries
    assert entry.guid == "1"
    assert "lollol" not in entry.title + entry.summary_html + feed.title
    assert len(entry.title) < 40


def _hostname_secret() -> str:
    path = Path("/etc/hostname")
    if not path.is_file() or not path.read_text().strip():
        pytest.skip("/etc/hostname not available")
    return path.read_text().strip()


XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY xxe SYSTEM "file:///etc/hostname">
<!ENTITY % pe SYSTEM "file:///etc/hostname">
%pe;
]>
<rss version="2.0"><channel><title>t&xxe;</title>
<item><title>before&xxe;after</title><guid>1</guid><description>&xxe;</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    "body", [XXE.encode(), XXE.replace("\n", "").encode()], ids=["multi-line", "one-line"]
)
def test_xxe_does_not_read_local_files(body: bytes) -> None:
    secret = _hostname_secret()
    feed = parse_feed(body, url="https://example.com/feed")
    (entry,) = feed.entries
    everything = repr(feed)
    assert secret not in everything.replace("example.com", "")
    assert entry.title.startswith("before")


def test_safe_internal_entities_still_work() -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY brand "ACME">]>
<rss version="2.0"><channel><title>T</title>
<item><title>&brand;&nbsp;news</title><guid>1</guid></item></channel></rss>"""
    feed = parse_feed(body, url="https://example.com/feed")
    assert feed.entries[0].title == "ACME news"
    assert feed.warning is None


# --- entries -----------------------------------------------------------------------------


def test_entry_without_id_or_link_gets_a_content_hash() -> None:
    body = rss("<item><title>No id</title><description>body</description></item>")
    (entry,) = parse_feed(body, url="https://example.com/feed").entries
    assert entry.guid.startswith("sha1:")
    assert len(entry.guid) == 5 + 40
    again = parse_feed(body, url="https://elsewhere.example/feed").entries[0]
    assert again.guid == entry.guid  # stable


def test_entry_without_id_uses_link() -> None:
    body = rss("<item><title>x</title><link>https://example.com/p/1</link></item>")
    assert (
        parse_feed(body, url="https://example.com/feed").entries[0].guid
        == "https://example.com/p/1"
    )


def test_entry_with_nothing_is_dropped() -> None:
    body = rss(
        "<item></item><item><author>a@example.com</author></item><item><title>kept</title></item>"
    )
    entries = parse_feed(body, url="https://example.com/feed").entries
    assert [e.title for e in entries] == ["kept"]


def test_only_empty_entries_is_not_a_feed_error_but_no_entries() -> None:
    feed = parse_feed(rss("<item></item>"), url="https://example.com/feed")
    assert feed.entries == ()


def test_duplicate_ids_keep_the_first() -> None:
    body = rss(
        "<item><title>first</title><guid>dup</guid></item>"
        "<item><title>other</title><guid>x</guid></item>"
        "<item><title>second</title><guid>dup</guid></item>"
    )
    entries = parse_feed(body, url="https://example.com/feed").entries
    assert [(e.guid, e.title) for e in entries] == [("dup", "first"), ("x", "other")]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("Tue, 02 Jan 2024 10:30:00 +0100", datetime(2024, 1, 2, 9, 30, tzinfo=UTC)),
        ("2024-02-29T23:59:60Z", datetime(2024, 3, 1, 0, 0, 0, tzinfo=UTC)),  # leap second
        ("Fri, 01 Jan 10000 00:00:00 GMT", None),
        ("10000-01-01T00:00:00Z", None),
        ("not a date at all", None),
        ("Mon, 32 Foo 2024 99:99:99 +9999", None),
        ("0000-00-00T00:00:00Z", None),
        ("", None),
    ],
)
def test_dates(date: str, expected: datetime | None) -> None:
    body = rss(f"<item><title>d</title><guid>1</guid><pubDate>{date}</pubDate></item>")
    entry = parse_feed(body, url="https://example.com/feed").entries[0]
    assert entry.published == expected
    assert entry.published is None or entry.published.tzinfo is UTC


def test_hostile_content_and_title() -> None:
    body = rss(
        "<item><title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick=x&gt;Bold&lt;/b&gt;</title>"
        "<link>javascript:alert(1)</link><guid isPermaLink='false'>h1</guid>"
        "<description><![CDATA[<p onmouseover='x()'>Text</p><script>alert(2)</script>"
        "<a href='jav&#x09;ascript:alert(3)'>a</a><img src='file:///etc/passwd'>"
        "<iframe src='https://evil.example/'></iframe>]]></description></item>",
        channel="<title>Feed</title><link>javascript:alert(1)</link>",
    )
    feed = parse_feed(body, url="https://example.com/feed")
    (entry,) = feed.entries
    assert feed.site_url is None
    assert entry.link is None
    assert entry.title == "Bold"
    assert entry.summary_html == '<p>Text</p><a rel="noopener noreferrer">a</a><img>'


def test_site_url_relative_resolves() -> None:
    feed = parse_feed(
        rss("", channel="<title>t</title><link>/blog/</link>"), url="https://ex.com/feed"
    )
    assert feed.site_url == "https://ex.com/blog/"


def test_text_plain_content_is_escaped() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>1</id><title>x</title><content type="text">a &lt;b&gt; c</content></entry></feed>"""
    entry = parse_feed(body, url="https://example.com/feed").entries[0]
    assert entry.content_html == "<p>a &lt;b&gt; c</p>"
    assert entry.word_count == 3


# --- size -------------------------------------------------------------------------------------


def _big_feed(n: int) -> bytes:
    item = (
        "<item><title>Post {i}: a title about things (part {i})</title>"
        "<link>https://big.example.com/posts/{i}/</link>"
        "<pubDate>Tue, 02 Jan 2024 10:30:00 +0000</pubDate>"
        "<description>&lt;p&gt;Summary of post {i} with a "
        '&lt;a href="/rel/{i}"&gt;link&lt;/a&gt; and some more words to make it longer, '
        "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis "
        "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat."
        "&lt;/p&gt;</description></item>"
    )
    return rss("".join(item.format(i=i) for i in range(n)))


@pytest.mark.slow  # ~15 s: feedparser itself needs ~11 s for 50,000 entries
def test_huge_feed() -> None:
    body = _big_feed(50_000)
    assert len(body) > 20_000_000
    feed = parse_feed(body, url="https://big.example.com/feed")
    assert len(feed.entries) == 50_000
    last = feed.entries[-1]
    assert last.guid == "https://big.example.com/posts/49999/"
    assert 'href="https://big.example.com/rel/49999"' in last.summary_html


def test_large_feed() -> None:
    feed = parse_feed(_big_feed(2_000), url="https://big.example.com/feed")
    assert len(feed.entries) == 2_000
    assert feed.entries[0].word_count == 51
