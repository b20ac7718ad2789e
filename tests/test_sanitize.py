"""feeds.sanitize: hostile HTML loses its dangerous part and keeps its article text."""

from __future__ import annotations

import re

import pytest

from readinglist.feeds.sanitize import html_to_text, plain_text, sanitize_html, word_count

BASE = "https://blog.example.com/posts/article/"

_ATTR_URL = re.compile(r"""\s(?:href|src|xlink:href)\s*=\s*"([^"]*)\"""", re.IGNORECASE)


def assert_safe(out: str) -> None:
    lowered = out.lower()
    assert "<script" not in lowered
    assert "javascript" not in lowered
    assert "vbscript" not in lowered
    assert "style=" not in lowered
    assert "<style" not in lowered
    assert re.search(r"\son[a-z]+\s*=", lowered) is None
    for tag in ("<form", "<iframe", "<object", "<embed", "<svg", "<math", "<input"):
        assert tag not in lowered
    for url in _ATTR_URL.findall(out):
        assert url.startswith(("http://", "https://", "mailto:")), url


# (hostile input, benign text that must survive)
HOSTILE = [
    ('<p>keep</p><a href="javascript:alert(1)">link</a>', "keep"),
    ('<a href="JaVaScRiPt:alert(1)">keep</a>', "keep"),
    ('<a href="&#106;avascript:alert(1)">keep</a>', "keep"),
    ('<a href="&#x6A;&#x61;vascript&#58;alert(1)">keep</a>', "keep"),
    ('<a href="javascript&colon;alert(1)">keep</a>', "keep"),
    ('<a href="java\tscript:alert(1)">keep</a>', "keep"),
    ('<a href="java&#x09;script:alert(1)">keep</a>', "keep"),
    ('<a href="java\nscript:alert(1)">keep</a>', "keep"),
    ('<a href="jav&#x0A;ascript:alert(1)">keep</a>', "keep"),
    ('<a href="  \x01javascript:alert(1)">keep</a>', "keep"),
    ('<a href="vbscript:msgbox(1)">keep</a>', "keep"),
    ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">keep</a>', "keep"),
    ('<p>keep</p><svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "keep"),
    ('<p>keep</p><math><mi xlink:href="javascript:alert(1)">m</mi></math>', "keep"),
    ('<img src="x" onerror="alert(1)"><p onclick="alert(1)" onmouseover=x>keep</p>', "keep"),
    ('<body onload="alert(1)"><p>keep</p></body>', "keep"),
    ("<p>keep</p><script>alert(1)</script>", "keep"),
    ("<p>keep</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>", "keep"),
    ("<p>keep</p><scr<script>ipt>alert(1)</script>", "keep"),
    ('<p>keep</p><form action="https://evil.example/"><input name="pw"></form>', "keep"),
    ('<p>keep</p><iframe src="https://evil.example/"></iframe>', "keep"),
    ('<p>keep</p><object data="x.swf"></object><embed src="x.swf">', "keep"),
    ("<style>body{display:none}</style><p>keep</p>", "keep"),
    ('<p style="background:url(javascript:alert(1))">keep</p>', "keep"),
    ('<p>keep</p><img src="file:///etc/passwd">', "keep"),
    ('<p>keep</p><img src="FILE:///C:/boot.ini">', "keep"),
    ('<a href="file:///etc/passwd">keep</a>', "keep"),
    ('<p>keep</p><img src="data:image/png;base64,iVBORw0KGgo=">', "keep"),
    ('<p>keep</p><img src="mailto:a@example.com">', "keep"),
    ('<p>keep</p><meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "keep"),
    ('<p>keep</p><base href="javascript:alert(1)//">', "keep"),
    ('<p>keep</p><link rel="stylesheet" href="javascript:alert(1)">', "keep"),
    ("<p>keep</p><!--[if gte IE 4]><script>alert(1)</script><![endif]-->", "keep"),
]


@pytest.mark.parametrize(("hostile", "benign"), HOSTILE)
def test_hostile_input_is_defused(hostile: str, benign: str) -> None:
    out = sanitize_html(hostile, BASE)
    assert_safe(out)
    assert benign in out


@pytest.mark.parametrize(("hostile", "benign"), HOSTILE)
def test_hostile_input_is_defused_without_base(hostile: str, benign: str) -> None:
    out = sanitize_html(hostile, None)
    assert_safe(out)
    assert benign in out


def test_exact_output_for_javascript_link() -> None:
    out = sanitize_html('<p>Hi <a href="&#106;avascript:alert(1)">there</a></p>', BASE)
    assert out == '<p>Hi <a rel="noopener noreferrer">there</a></p>'


def test_normal_article_markup_is_kept() -> None:
    article = (
        "<h2>Title</h2><p>Some <em>emphasis</em>, <strong>strong</strong>, H<sub>2</sub>O,"
        ' x<sup>2</sup>.</p><ul><li>one</li></ul><ol start="3"><li>three</li></ol>'
        "<blockquote>quoted</blockquote><pre><code>x = 1</code></pre><hr>"
        '<figure><img src="https://cdn.example.com/a.png" alt="A"><figcaption>cap</figcaption>'
        '</figure><table><thead><tr><th colspan="2">h</th></tr></thead>'
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table><p>a<br>b</p>"
    )
    assert sanitize_html(article, BASE) == article.replace('alt="A">', 'alt="A">')


def test_links_get_rel_and_keep_http_https_mailto() -> None:
    out = sanitize_html(
        '<a href="https://a.example/">a</a><a href="http://b.example/">b</a>'
        '<a href="mailto:me@example.com">m</a><a href="ftp://c.example/">c</a>',
        BASE,
    )
    assert out == (
        '<a href="https://a.example/" rel="noopener noreferrer">a</a>'
        '<a href="http://b.example/" rel="noopener noreferrer">b</a>'
        '<a href="mailto:me@example.com" rel="noopener noreferrer">m</a>'
        '<a rel="noopener noreferrer">c</a>'
    )


def test_existing_rel_and_target_are_replaced() -> None:
    out = sanitize_html('<a href="https://a.example/" rel="opener" target="_blank">a</a>', BASE)
    assert out == '<a href="https://a.example/" rel="noopener noreferrer">a</a>'


def test_relative_urls_resolve_against_base() -> None:
    out = sanitize_html(
        '<a href="../other/">o</a><a href="/root">r</a><a href="//cdn.example.net/x">c</a>'
        '<a href="next.html">n</a><img src="img/fig.png">',
        BASE,
    )
    assert out == (
        '<a href="https://blog.example.com/posts/other/" rel="noopener noreferrer">o</a>'
        '<a href="https://blog.example.com/root" rel="noopener noreferrer">r</a>'
        '<a href="https://cdn.example.net/x" rel="noopener noreferrer">c</a>'
        '<a href="https://blog.example.com/posts/article/next.html" rel="noopener noreferrer">'
        'n</a><img src="https://blog.example.com/posts/article/img/fig.png">'
    )


@pytest.mark.parametrize(
    "base", [None, "", "file:///home/me/feed.xml", "not a url", "javascript:x"]
)
def test_relative_urls_are_dropped_without_an_http_base(base: str | None) -> None:
    out = sanitize_html('<a href="/x">x</a><img src="y.png" alt="y">', base)
    assert out == '<a rel="noopener noreferrer">x</a><img alt="y">'


def test_base_url_that_nh3_cannot_parse_falls_back_to_dropping() -> None:
    out = sanitize_html('<a href="/x">x</a>', "https://exa mple.com/")
    assert out == '<a rel="noopener noreferrer">x</a>'


def test_empty_input() -> None:
    assert sanitize_html("", BASE) == ""


def test_text_is_escaped() -> None:
    assert sanitize_html("a < b & c", BASE) == "a &lt; b &amp; c"


# --- text ----------------------------------------------------------------------


def test_html_to_text() -> None:
    html = (
        "<h1>Head</h1><p>One&nbsp;<em>two</em>&amp;three</p><p>four<br>five</p><script>x()</script>"
    )
    assert html_to_text(html) == "Head One two&three four five"  # nbsp collapses too


def test_html_to_text_inline_tags_do_not_split_words() -> None:
    assert html_to_text("<p>in<em>line</em> <b>bold</b></p>") == "inline bold"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Plain   title\n", "Plain title"),
        ("AT&amp;T <b>rocks</b>", "AT&T rocks"),
        ("&lt;escaped&gt;", "<escaped>"),
        ("<script>alert(1)</script>Title", "Title"),
        ('<img src=x onerror="alert(1)">Title', "Title"),
        ("sa<!-- comment -->fe", "safe"),
        ("a < b", "a < b"),
        ("", ""),
    ],
)
def test_plain_text(value: str, expected: str) -> None:
    assert plain_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", 0),
        ("one two three", 3),
        ("<p>one</p><p>two</p>", 2),
        ("don't stop: state-of-the-art, e.g. 42 — ok", 6),
        ("<p>Hello&nbsp;world</p>", 2),
        ("<script>var a = 1;</script><p>x</p>", 1),
        ("日本語のテキスト", 4),  # 8 Han/kana characters -> 4 words
        ("中文", 1),
        ("中", 1),
        ("Python 入门教程", 3),  # 1 word + 4 Han characters / 2
        ("한국어 텍스트", 2),  # Hangul is written with spaces
    ],
)
def test_word_count(value: str, expected: int) -> None:
    assert word_count(value) == expected


def test_word_count_sanitized_path_agrees() -> None:
    html = sanitize_html("<h1>Head</h1><p>One <em>two</em> &amp; three</p>", BASE)
    assert word_count(html, sanitized=True) == word_count(html) == 4
