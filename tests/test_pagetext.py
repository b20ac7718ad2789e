"""Finding an article page's main text and counting its words (pure: bytes in)."""

from __future__ import annotations

import pytest

from readinglist.feeds.sanitize import word_count
from readinglist.feeds.site.text import main_text, page_word_count

URL = "https://blog.example/post/"

CHROME = (
    "<header><h1>Site Name</h1><nav><a href='/'>Home</a> <a href='/about'>About us</a>"
    " <a href='/archive'>Archive of posts</a></nav></header>"
)
FOOTER = "<footer><p>Copyright 2024 the author, all rights reserved, no warranty given</p></footer>"
SIDEBAR = "<aside><h3>Related</h3><p>Another post you might enjoy reading later on</p></aside>"


def page(body: str, head: str = "<title>A post title</title>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def paragraphs(word: str, n: int, per: int = 10) -> str:
    return "".join(f"<p>{' '.join([word] * per)}</p>" for _ in range(n))


def test_article_element_is_preferred() -> None:
    body = (
        CHROME
        + "<div class='layout'>"
        + SIDEBAR
        + "<article><h1>Transfer learning</h1>"
        + paragraphs("alpha", 5)
        + "<pre><code>model.fit(x, y)</code></pre></article>"
        + "<section class='comments'>"
        + paragraphs("comment", 3)
        + "</section></div>"
        + FOOTER
    )
    text = main_text(page(body), URL)
    assert text.startswith("Transfer learning alpha")
    assert "comment" not in text and "Related" not in text and "Copyright" not in text
    assert page_word_count(page(body), URL) == 2 + 50 + 2  # heading, paragraphs, code


def test_the_largest_article_wins_and_its_header_is_dropped() -> None:
    body = (
        "<article><p>teaser card text</p></article>"
        "<article><header><p>By Ada, 3 March</p></header>" + paragraphs("beta", 4) + "</article>"
    )
    assert page_word_count(page(body), URL) == 40
    assert "Ada" not in main_text(page(body), URL)


def test_main_when_there_is_no_article() -> None:
    body = CHROME + "<main><h2>Intro</h2>" + paragraphs("gamma", 3) + "</main>" + FOOTER
    assert page_word_count(page(body), URL) == 1 + 30
    body = CHROME + "<div role='main'>" + paragraphs("delta", 2) + "</div>" + SIDEBAR
    assert page_word_count(page(body), URL) == 20


def test_largest_block_of_paragraphs_without_article_or_main() -> None:
    body = (
        CHROME
        + "<div id='sidebar'>"
        + paragraphs("side", 2, per=3)
        + "</div>"
        + "<div id='content'><h2>Setup</h2>"
        + paragraphs("epsilon", 4)
        + "<ul><li>first item<li>second item</ul></div>"
        + FOOTER
    )
    text = main_text(page(body), URL)
    assert "side" not in text
    assert text.startswith("Setup epsilon") and text.endswith("second item")
    assert page_word_count(page(body), URL) == 1 + 40 + 4


def test_a_teaser_article_does_not_beat_the_real_text() -> None:
    body = (
        "<div id='post'>"
        + paragraphs("zeta", 6)
        + "</div><div class='more'><article><p>Next up: part two</p></article></div>"
    )
    assert page_word_count(page(body), URL) == 60


def test_navigation_scripts_and_styles_never_count() -> None:
    body = (
        "<nav><p>menu menu menu menu menu menu menu menu menu menu menu menu</p></nav>"
        "<div role='navigation'><p>more menu words here</p></div>"
        "<script>var words = 'not counted at all';</script>"
        "<style>p { color: red }</style>"
        "<p>Only these four words.</p>"
        "<footer><p>footer words are not article words either way</p></footer>"
    )
    assert page_word_count(page(body), URL) == 4
    assert main_text(page(body), URL) == "Only these four words."


def test_sloppy_markup_unclosed_paragraphs_and_head() -> None:
    content = (
        b"<html><head><title>Untitled page with a long title</title>"
        b"<body><article><p>one two three<p>four <em>fi</em>ve<div>six</div>"
    )
    assert page_word_count(content, URL) == 6  # "fi"+"ve" is one word
    assert page_word_count(b"", URL) == 0
    assert page_word_count(b"\x00\xff<<<>>>&&&", URL) >= 0  # never raises
    assert page_word_count(b"<html><body><nav>only a menu</nav></body></html>", URL) == 0


def test_counting_follows_sanitize_word_count() -> None:
    text = "Don't stop — state-of-the-art e.g. 3.14 &amp; x &lt; y"
    assert page_word_count(page(f"<article><p>{text}</p></article>"), URL) == word_count(
        f"<p>{text}</p>"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<article><p>日本語の文章です</p></article>", (8 + 1) // 2),  # 8 Han/kana characters
        ("<article><p>机器学习模型</p><p>迁移学习</p></article>", 3 + 2),
        ("<article><p>한국어 문장 입니다</p></article>", 3),  # Hangul has spaces
        ("<article><p>BERT 模型</p></article>", 1 + 1),
    ],
)
def test_cjk_counting(body: str, expected: int) -> None:
    assert page_word_count(page(body), URL) == expected


def test_declared_charset_is_honoured() -> None:
    body = "<article><p>café crème brûlée naïve</p></article>"
    content = (
        b'<html><head><meta charset="iso-8859-1"></head><body>'
        + body.encode("latin-1")
        + b"</body></html>"
    )
    assert main_text(content, URL) == "café crème brûlée naïve"
    assert page_word_count(content, URL) == 4
