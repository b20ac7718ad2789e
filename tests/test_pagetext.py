"""Finding an article page's main text and counting its words (pure: bytes in).

The finding is trafilatura's (see ``feeds/site/text.py``); these tests hold what we
promise around it: furniture stays out, the article's own structure (headings, code,
lists, tables, links, images with their alt text) comes back as plain HTML with
absolute addresses, decoding follows the page's declaration, and no page raises.
"""

from __future__ import annotations

import pytest

from readinglist.feeds.sanitize import html_to_text, sanitize_html, word_count
from readinglist.feeds.site.text import main_html, main_text, page_word_count

URL = "https://blog.example/post/"

CHROME = (
    "<header><h1>Site Name</h1><nav><a href='/'>Home</a> <a href='/about'>About us</a>"
    " <a href='/archive'>Archive of posts</a></nav></header>"
)
FOOTER = "<footer><p>Copyright 2024 the author, all rights reserved, no warranty given</p></footer>"
SIDEBAR = "<aside><h3>Related</h3><p>Another post you might enjoy reading later on</p></aside>"

SENTENCES = [
    "Transfer learning reuses a network trained on one task as the start of another.",
    "The lower layers learn edges and textures that most images share.",
    "Freezing them keeps what was learned while the head is trained on new labels.",
    "With little data, fine-tuning every layer tends to overfit within a few epochs.",
    "A smaller learning rate for the body than for the head is a common compromise.",
    "Validation loss tells you when to unfreeze the next block of layers.",
    "Data augmentation stretches a small labelled set a surprisingly long way.",
    "Batch normalisation statistics deserve care when the new domain differs.",
]


def page(body: str, head: str = "<title>A post title</title>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def prose(count: int = len(SENTENCES), start: int = 0) -> str:
    return "".join(f"<p>{SENTENCES[(start + i) % len(SENTENCES)]}</p>" for i in range(count))


def words_of(paragraphs: str) -> int:
    return word_count(paragraphs)


def test_the_article_without_the_site_around_it() -> None:
    body = (
        CHROME
        + "<div class='layout'>"
        + SIDEBAR
        + "<article><h1>Transfer learning</h1>"
        + prose()
        + "<pre><code>model.fit(x, y)\nmodel.evaluate(x_test)</code></pre></article>"
        + "<section class='comments'><h3>3 comments</h3>"
        + "<p>comment: great post, thanks for writing it up</p></section></div>"
        + FOOTER
    )
    text = main_text(page(body), URL)
    assert "Transfer learning" in text and SENTENCES[0] in text and SENTENCES[-1] in text
    for furniture in ("Archive of posts", "Related", "Copyright", "great post"):
        assert furniture not in text
    html = main_html(page(body), URL)
    # a code block is one <pre>, its lines as written (no indentation added inside)
    assert "model.fit(x, y)\nmodel.evaluate(x_test)</pre>" in html
    assert html.count("<pre>") == 1
    words = page_word_count(page(body), URL)
    assert words == 2 + words_of(prose()) + word_count(
        "<pre>model.fit(x, y)\nmodel.evaluate(x_test)</pre>"
    )


def test_links_and_images_keep_absolute_addresses_and_alt_text() -> None:
    body = (
        "<article>"
        + prose(4)
        + "<p>Read <a href='../part-2/'>part two</a> next.</p>"
        + "<figure><img src='/img/fig1.png' alt='Figure 1: frozen and trained layers'>"
        + "<figcaption>The layers we freeze</figcaption></figure>"
        + prose(4, start=4)
        + "</article>"
    )
    html = main_html(page(body), URL)
    assert '<a href="https://blog.example/part-2/">part two</a>' in html
    assert 'src="https://blog.example/img/fig1.png"' in html
    assert 'alt="Figure 1: frozen and trained layers"' in html
    shown = sanitize_html(html, URL)  # what the pane gets: still the link and the image
    assert "https://blog.example/part-2/" in shown and "fig1.png" in shown


def test_structure_survives_headings_lists_tables_emphasis() -> None:
    body = (
        "<main><h2>Setup</h2>"
        + prose(3)
        + "<p>Use <strong>one</strong> GPU and <em>patience</em>; call <code>fit()</code>.</p>"
        + "<ol><li>download the weights</li><li>replace the head</li></ol>"
        + "<table><tr><th>layers</th><th>accuracy</th></tr><tr><td>4</td><td>91%</td></tr></table>"
        + prose(4, start=3)
        + "</main>"
    )
    html = main_html(page(body), URL)
    assert "<h2>Setup</h2>" in html
    assert "<strong>one</strong>" in html and "<em>patience</em>" in html
    assert "<code>fit()</code>" in html  # a word of code stays in its sentence
    assert "<ol><li>download the weights</li><li>replace the head</li></ol>" in html
    assert "<th>accuracy</th>" in html and "<td>91%</td>" in html


def test_navigation_scripts_and_styles_never_count() -> None:
    body = (
        "<nav><p>menu menu menu menu menu menu menu menu menu menu menu menu</p></nav>"
        "<div role='navigation'><p>more menu words here</p></div>"
        "<script>var words = 'not counted at all';</script>"
        "<style>p { color: red }</style>"
        "<article>" + prose() + "</article>"
        "<footer><p>footer words are not article words either way</p></footer>"
    )
    text = main_text(page(body), URL)
    for furniture in ("menu", "not counted", "color", "footer words"):
        assert furniture not in text
    assert page_word_count(page(body), URL) == words_of(prose())


def test_no_page_raises_and_a_page_without_an_article_is_empty() -> None:
    sloppy = (
        b"<html><head><title>Untitled page with a long title</title>"
        b"<body><article><p>" + SENTENCES[0].encode() + b"<p>four <em>fi</em>ve<div>six</div>"
    )
    assert SENTENCES[0] in main_text(sloppy, URL)
    assert page_word_count(b"", URL) == 0
    assert main_html(b"", URL) == ""
    for junk in (b"\x00\xff<<<>>>&&&", b"<", b"<html>" * 10_000, b"\xfe\xff\x00<\x00p"):
        assert page_word_count(junk, URL) >= 0  # never raises
    assert page_word_count(b"<html><body><nav>only a menu</nav></body></html>", URL) == 0


def test_counting_follows_sanitize_word_count() -> None:
    text = "Don't stop — state-of-the-art e.g. 3.14 &amp; x &lt; y"
    got = main_html(page(f"<article><p>{text}</p>{prose()}</article>"), URL)
    assert page_word_count(page(f"<article><p>{text}</p>{prose()}</article>"), URL) == word_count(
        got
    )
    assert word_count(got) == word_count(f"<p>{text}</p>") + words_of(prose())


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


def test_the_stored_text_reads_like_the_page() -> None:
    """What highlights anchor in and ``show`` prints: paragraphs apart, no markup."""
    html = sanitize_html(
        main_html(page("<article><h1>Title</h1>" + prose(3) + "</article>"), URL), URL
    )
    text = html_to_text(html)
    assert text.startswith("Title")
    assert all(sentence in text for sentence in SENTENCES[:3])
    assert "<" not in text
