"""A cleaner shared across a site's articles cleans exactly as the article's own would."""

from __future__ import annotations

import itertools
import random

import pytest

from readinglist.feeds import sanitize
from readinglist.feeds.sanitize import _cleaner, _usable_base, sanitize_html

BASES = [
    "https://blog.example/posts/2024/part-1/?utm=x#top",
    "https://blog.example/other/deep/page.html",
    "https://blog.example",
    "https://BLOG.example:443/a/b",
    "http://blog.example/a/",
    "https://user:pw@blog.example/a/b",
    "https://blog.example:8443/x/y",
    "https://blog.example\\evil.example/x",
    "https://xn--bcher-kva.example/p/q",
    "https://[::1]/a/b",
    "https://other.example/a/b?q=1",
]
VALUES = [
    "/post/1",
    "/",
    "/a?b=c#d",
    "/%41bc",
    "post/1",
    "../up",
    "?q=1",
    "#frag",
    "",
    "//cdn.example/x",
    "/\\evil.example/x",
    "/&#47;evil.example",
    "&#47;x",
    "/\t/evil.example",
    " /x",
    "https://abs.example/x",
    "HTTP://abs.example/y",
    "https:relative",
    "http:\\\\x.example",
    "mailto:a@b.example",
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "https://bad host/",
]
TEMPLATES = [
    '<a href="{v}">link</a>',
    "<a href='{v}'>link</a>",
    "<a href={v}>link</a>",
    '<a HREF = "{v}">link</a>',
    '<img src="{v}" alt="i">',
    '<img SRC="{v}"><a href="/ok">x</a>',
    '<p>see src/main.rs</p><a href="{v}">x</a>',
    '<a title=\'href="/y"\' href="{v}">x</a>',
    '<img srcset="{v} 2x" src="/ok.png">',
    "<a href>empty</a>{v}",
]


def _own(html: str, base: str) -> str:
    """What the article's own cleaner makes (the behaviour before the shared ones)."""
    filter_images = "src" in html or "SRC" in html or "Src" in html
    usable = _usable_base(base)
    try:
        cleaner = _cleaner(usable, filter_images)
    except ValueError:
        cleaner = _cleaner(None, filter_images)
    return cleaner.clean(html)


@pytest.mark.parametrize("template", TEMPLATES)
def test_shared_cleaners_clean_as_the_articles_own(template: str) -> None:
    sanitize._SITE_CLEANERS.clear()
    for first, base in itertools.product(BASES, BASES):
        for value in VALUES:
            html = template.format(v=value)
            sanitize_html(html, first)  # whichever base of the site came first
            assert sanitize_html(html, base) == _own(html, base), (html, first, base)


def test_random_mixtures_of_links() -> None:
    rng = random.Random(7)
    sanitize._SITE_CLEANERS.clear()
    for _ in range(3000):
        html = "".join(
            rng.choice(TEMPLATES).format(v=rng.choice(VALUES)) for _ in range(rng.randint(1, 4))
        )
        base = rng.choice(BASES)
        assert sanitize_html(html, base) == _own(html, base), (html, base)


def test_a_site_shares_one_cleaner_for_links_from_the_root() -> None:
    sanitize._SITE_CLEANERS.clear()
    html = '<p><a href="/post/1">one</a> <img src="https://cdn.example/i.png"></p>'
    one = sanitize_html(html, "https://blog.example/a/1/")
    two = sanitize_html(html, "https://blog.example/b/2/")
    assert one == two and 'href="https://blog.example/post/1"' in one
    assert len(sanitize._SITE_CLEANERS) == 1
    sanitize_html('<a href="post/2">rel</a>', "https://blog.example/c/3/")  # needs its path
    assert len(sanitize._SITE_CLEANERS) == 1
