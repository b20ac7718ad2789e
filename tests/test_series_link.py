"""A post's one badge link to its series' own page declares its series (Next.js, Nuxt and
Docusaurus blogs render one); a link in prose, in the site's furniture, or beside a link
to another series declares nothing. Every title and address is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from pottery_site import (
    FAST,
    PotterySite,
    grouping_of,
    kiln_basics,
    plain_pages,
    read_in_full,
    subscribed,
)
from readinglist.feeds.site.declared import declared_in_content, parse_declared_series
from readinglist.model.records import SERIES_LINK
from readinglist.services.sync import regroup_feed

URL = "https://blog.example/blog/post/glaze-chemistry-3/"


def _page(header: str, body: str = "<p>Some words about glazes.</p>", chrome: str = "") -> bytes:
    return (
        "<!doctype html><html><head><title>Glaze chemistry</title></head><body>"
        f'<header class="site-header">{chrome}</header><main><header class="mb-10">'
        f"<p>2031-03-01</p><h1>Glaze chemistry: silica</h1>"
        f'<div class="flex gap-2"><span class="badge">Ceramics</span>{header}'
        '<a href="/tags/glaze">glaze</a></div></header>'
        f"<article>{body}</article></main><footer>© 2031</footer></body></html>"
    ).encode()


BADGE = '<a href="/series/glaze-chemistry/" class="inline-flex"><span>Glaze Chemistry</span></a>'


def test_a_badge_in_the_posts_header_declares_its_series() -> None:
    found = parse_declared_series(_page(BADGE), URL)
    assert found is not None
    assert (found.name, found.position, found.members, found.source) == (
        "Glaze Chemistry",
        None,
        (),
        SERIES_LINK,
    )
    # an icon-only badge is named by its slug's words; a localised directory counts too
    icon = '<a href="/ja/シリーズ/glaze-chemistry"><svg aria-hidden="true"></svg></a>'
    named = parse_declared_series(_page(icon), URL)
    assert named is not None and named.name == "glaze chemistry"
    # a relative address is the same badge ("series/x/" below the blog's folder)
    relative = '<a href="../../series/glaze-chemistry/">Glaze Chemistry</a>'
    found = parse_declared_series(_page(relative), URL)
    assert found is not None and found.name == "Glaze Chemistry"
    bare = "<a href=series/glaze-chemistry>Glaze Chemistry</a>"
    assert parse_declared_series(_page(bare), URL) is not None


@pytest.mark.parametrize(
    ("header", "body", "chrome"),
    [
        # prose: "I wrote a series on X" links from a sentence or a list of reading
        ("", f"<p>See my series on {BADGE} for more.</p>", ""),
        ("", f"<ul><li>{BADGE}</li></ul>", ""),
        ("", f"<blockquote>{BADGE}</blockquote>", ""),
        # the site's furniture: a menu, a sidebar, related posts
        ("", "<p>Words.</p>", f"<nav>{BADGE}</nav>"),
        ("", f'<div class="sidebar-widget">{BADGE}</div>', ""),
        ("", f'<section id="related-posts">{BADGE}</section>', ""),
        ('<a class="menu-item" href="/series/glaze-chemistry/">Glaze Chemistry</a>', "", ""),
        # the list of series itself, or a second series named beside the first
        ('<a href="/series/">All series</a>', "<p>Words.</p>", ""),
        (BADGE + '<a href="/series/kiln-basics/">Kiln Basics</a>', "<p>Words.</p>", ""),
        # a post, not a series page, under a series directory
        ('<a href="/series/glaze-chemistry/part-2/">Part 2</a>', "<p>Words.</p>", ""),
    ],
)
def test_links_that_are_no_badge_declare_nothing(header: str, body: str, chrome: str) -> None:
    assert parse_declared_series(_page(header, body, chrome), URL) is None


def test_an_unclosed_paragraph_ends_with_its_container() -> None:
    """Sloppy markup: a <p> never closed inside a div is closed by the div's end, as a
    browser closes it, so a badge after that div still counts (and one inside, not)."""
    header = '<div class="lede"><p>Intro words</div>' + BADGE
    assert parse_declared_series(_page(header), URL) is not None
    inside = '<div class="lede"><p>Intro words ' + BADGE + "</div>"
    assert parse_declared_series(_page(inside), URL) is None


def test_a_box_or_schema_org_outranks_a_badge_and_a_feed_entry_carries_none() -> None:
    box = (
        '<div class="series-box">This post is part 3 of 4 in the series'
        ' <a href="/series/glaze-chemistry/">Glaze Chemistry</a></div>'
    )
    found = parse_declared_series(_page(BADGE, box), URL)
    assert found is not None and found.position == 3 and found.source != SERIES_LINK
    # a feed's copy of a post: a link there is as likely prose as not
    assert declared_in_content(f"<div>{BADGE}</div><p>Text of the series.</p>", URL) is None


def test_reading_a_posts_full_text_files_it_by_its_badge(loopback, data_dir: Path) -> None:
    site = PotterySite(loopback)
    plain_pages(site)
    badge = '<a href="/series/kiln-notes/">Kiln Notes</a>'
    for slug, title in (("cone-six", "Cone 6 without tears"), ("loading", "Loading a kiln")):
        html = (
            f"<html><head><title>{title}</title></head><body><header><h1>{title}</h1>"
            f"<div>{badge}</div></header><article><p>{title}. " + "word " * 200 + "</p>"
            "</article></body></html>"
        )
        loopback.route(f"/posts/{slug}/", body=html, content_type="text/html")
    lib, feed_id = subscribed(data_dir, site)
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == (None, None)
    read_in_full(lib, "Cone 6 without tears", "Loading a kiln")
    grouped = grouping_of(lib, feed_id)
    # no place declared: the dates order the two
    assert grouped["Cone 6 without tears"] == ("Kiln Notes", 1)
    assert grouped["Loading a kiln"] == ("Kiln Notes", 2)
    assert grouped["Why clay shrinks"] == (None, None)
    lib.close()


def test_a_badge_never_undoes_the_place_the_sites_list_gave(loopback, data_dir: Path) -> None:
    site = PotterySite(loopback)
    kiln_basics(site)
    plain_pages(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == ("Kiln Basics", 3)
    html = (
        "<html><body><header><h1>Cone 6 without tears</h1>"
        '<div><a href="/series/kiln-basics/">Kiln Basics</a></div></header>'
        "<article><p>" + "word " * 200 + "</p></article></body></html>"
    )
    loopback.route("/posts/cone-six/", body=html, content_type="text/html")
    article = next(a for a in lib.list_articles() if a.title == "Cone 6 without tears")
    lib.fetch_fulltext(article.id)
    regroup_feed(lib.store, feed_id)
    assert grouping_of(lib, feed_id)["Cone 6 without tears"] == ("Kiln Basics", 3)
    said = lib.store.feed_declarations(feed_id)[site.post("cone-six")]
    assert said.source != SERIES_LINK and said.position == 3
    lib.close()
