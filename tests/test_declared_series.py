"""What an article's page declares about its series: schema.org and series boxes, read
without running anything; the site's own name for itself is not a series."""

from __future__ import annotations

import json

from readinglist.feeds.site.declared import DeclaredSeries, parse_declared_series

URL = "https://blog.example/rust-async-2/"


def page(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_schema_org_series_and_position_from_json_ld() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": "Wakers",
            "isPartOf": {"@type": "CreativeWorkSeries", "name": "Rust Async"},
            "position": "2",
        }
    )
    assert parse_declared_series(page("<p>text</p>", head), URL) == DeclaredSeries(
        "Rust Async", 2, source="schema.org"
    )


def test_the_website_an_seo_plugin_names_on_every_page_is_no_series() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "https://blog.example/#website", "name": "Blog"},
                {
                    "@type": "Article",
                    "isPartOf": {"@type": "WebPage", "name": "Rust Async (2)"},
                },
                {"@type": "WebPage", "isPartOf": {"@id": "https://blog.example/#website"}},
            ],
        }
    )
    assert parse_declared_series(page("<p>text</p>", head), URL) is None
    broken = '<script type="application/ld+json">{not json</script>'
    assert parse_declared_series(page("<p>text</p>", broken), URL) is None


def test_microdata_is_part_of_a_series() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/BlogPosting">'
        '<div itemprop="isPartOf" itemscope itemtype="https://schema.org/CreativeWorkSeries">'
        '<span itemprop="name">Go Tips</span></div>'
        '<meta itemprop="position" content="4"><p>text</p></article>'
    )
    assert parse_declared_series(page(body), URL) == DeclaredSeries(
        "Go Tips", 4, source="schema.org"
    )


def test_a_themes_series_box_with_its_list_of_posts() -> None:
    body = (
        '<aside class="post-series"><p>This post is part 2 of 4 in the series'
        " <em>Rust Async</em>.</p><ol>"
        '<li><a href="/rust-async-1/">Futures</a></li>'
        '<li class="current">Wakers</li>'
        '<li><a href="/rust-async-3/">Pinning</a></li>'
        '<li><a href="javascript:alert(1)">Streams</a></li></ol></aside><p>Body</p>'
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None
    assert (found.name, found.position, found.total, found.source) == (
        "Rust Async",
        2,
        4,
        "series box",
    )
    assert found.members == (  # in the page's order, the page itself in its place
        "https://blog.example/rust-async-1/",
        URL,
        "https://blog.example/rust-async-3/",
    )


def test_a_box_without_a_number_places_the_page_by_its_own_link() -> None:
    body = (
        '<div id="series-nav">This article is part of the Learning Go series:'
        '<ul><li><a href="https://blog.example/go-1/">Basics</a></li>'
        '<li><a href="https://blog.example/go-2">Types</a></li>'
        '<li><a href="https://blog.example/go-3/">Errors</a></li></ul></div>'
    )
    found = parse_declared_series(page(body), "https://blog.example/go-2/")
    assert found is not None and (found.name, found.position) == ("Learning Go", 2)
    assert len(found.members) == 3


def test_wordpress_series_meta_names_the_series_in_a_link() -> None:
    body = (
        '<div class="seriesmeta">This entry is part 3 of 7 in the series'
        ' <a href="/series/compilers/">Writing a Compiler</a></div>'
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None and (found.name, found.position, found.total) == (
        "Writing a Compiler",
        3,
        7,
    )


def test_a_box_that_labels_its_series_instead_of_saying_it() -> None:
    """ "Series: X" and "Part 3" over the list (a Jekyll Chirpy-style box); the item
    that links nowhere is the page itself."""
    body = (
        '<section class="series-box"><p><strong>Series:</strong> Kiln Basics'
        ' <span class="text-muted">Part 2</span></p><ol>'
        '<li><a href="/kiln-1/">Clay</a></li><li><span class="bold">Glazes</span></li>'
        '<li><a href="/kiln-3/">Firing</a></li></ol></section>'
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None
    assert (found.name, found.position, found.source) == ("Kiln Basics", 2, "series box")
    assert found.members == ("https://blog.example/kiln-1/", URL, "https://blog.example/kiln-3/")
    # the label in another language, the name in the same piece of text
    body = '<div class="series-note"><p>Série : Les émaux <b>Partie 3</b></p></div>'
    found = parse_declared_series(page(body), URL)
    assert found is not None and (found.name, found.position) == ("Les émaux", 3)


def test_a_box_whose_theme_names_an_element_for_the_series() -> None:
    """A banner: the name in ``series-…-label``, "Parte 2 de 3" beside it, the posts as
    links (no list items) in a box of their own inside it, the page's marked active."""
    body = (
        '<div class="series-banner"><div class="series-banner-header">'
        '<span class="series-banner-label">Esmaltes</span>'
        '<span class="series-banner-progress"><span>Parte</span> 2 <span>de</span> 3</span>'
        '</div><div class="series-toc">'
        '<a class="series-toc-item" href="/e-1/"><span>1</span><span>Argila</span></a>'
        f'<a class="series-toc-item active" href="{URL}"><span>2</span><span>Fornos</span></a>'
        '<a class="series-toc-item" href="/e-3/"><span>3</span><span>Cores</span></a>'
        "</div></div>"
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None
    assert (found.name, found.position, found.total) == ("Esmaltes", 2, 3)
    assert found.members == ("https://blog.example/e-1/", URL, "https://blog.example/e-3/")


def test_a_box_that_numbers_the_page_but_names_no_series_is_named_after_part_one() -> None:
    body = (
        '<div class="panel seriesNote"><p>This article is <strong>Part 2</strong> in a'
        " <strong>3-Part</strong> Series.</p><ul>"
        '<li>Part 1 - <a href="/wedging/">Wedging clay</a></li>'
        "<li>Part 2 - This Article</li>"
        '<li>Part 3 - <a href="/trimming/">Trimming</a></li></ul></div>'
    )
    found = parse_declared_series(page(body), URL)
    assert found is not None
    assert (found.name, found.position, found.total) == ("Wedging clay", 2, 3)
    assert found.members[1] == URL
    # part 1's own page lists itself first, without a link: it names nothing, and its
    # place comes from the others' lists (``listed_parts``)
    first = body.replace('<a href="/wedging/">Wedging clay</a>', "This Article").replace(
        "Part 2 - This Article", '<a href="/glazing/">Glazing</a>'
    )
    assert parse_declared_series(page(first), URL) is None


def test_boxes_in_other_words_and_other_languages() -> None:
    here = '<li class="series-self">Glazes</li>'
    others = '<li class="series-not-self"><a href="/kiln-1/">Clay</a></li>'
    cases = {
        # the sentence in French, the place and the length after the name
        '<div class="panel_seriesNote"><p>Cet article fait partie de la série <strong>'
        "Les émaux</strong> : <strong> 2</strong> sur <strong>3</strong>.</p><ul>"
        '<li>Part 1 - <a href="/kiln-1/">Clay</a></li><li>Part 2 - Cet article</li></ul></div>': (
            "Les émaux",
            2,
            3,
        ),
        # a heading "Part of series: X" over the titles: the name stops at the heading
        '<nav class="series-nav"><h3>Part of series: kiln-basics</h3><ol>'
        f'<li><a href="/kiln-1/">Clay</a></li><li><a href="{URL}" aria-current="page">'
        "Glazes</a></li></ol></nav>": ("kiln-basics", 2, None),
        # items whose classes say "series" are items, not boxes of their own
        f'<blockquote class="seriesNote"><h4>Series: Kiln Basics</h4><ul>{others}{here}</ul>'
        "</blockquote>": ("Kiln Basics", 2, None),
        f'<blockquote class="seriesNote"><h4>系列博文：着色器</h4><ul>{others}{here}</ul>'
        "</blockquote>": ("着色器", 2, None),
    }
    for body, expected in cases.items():
        found = parse_declared_series(page(body), URL)
        assert found is not None, body
        assert (found.name, found.position, found.total) == expected, body


def test_boxes_whose_entries_and_names_sit_in_elements_of_their_own() -> None:
    first = "https://blog.example/kiln-1/"
    cases = {
        # a label, a heading linking the series' page (no post), the list in a box of
        # its own, the page's entry marked by a class ending in "--current"
        '<div class="series-nav"><div class="series-nav__header"><span class="series-nav__label">'
        'Series</span><h3 class="series-nav__title"><a href="/series/kiln/">Kiln Basics</a></h3>'
        '</div><ol class="series-nav__list"><li class="series-nav__item"><a href="/kiln-1/">'
        'Clay</a></li><li class="series-nav__item series-nav__item--current"><strong>Glazes'
        "</strong></li></ol></div>": ("Kiln Basics", 2),
        # a quoted name and the series word after it
        '<div class="series-box"><div class="series-title"><i class="fas"></i> \'도예 기초\''
        ' 시리즈</div><ol><li><a href="/kiln-1/">Clay</a></li><li class="current-post">'
        f'<a href="{URL}">Glazes</a></li></ol></div>': ("도예 기초", 2),
        # an icon before the name, each entry in elements of its own, the page's entry
        # an element marked active with no link in it
        '<div class="series-navigation"><div class="series-header"><h3>📚 Kiln Basics</h3>'
        '</div><div class="series-list"><div class="series-item"><div class="series-content">'
        '<a href="/kiln-1/" class="series-title">Clay</a></div></div><div class="series-item'
        ' active"><div class="series-content"><span class="series-title current">Glazes'
        "</span></div></div></div></div>": ("Kiln Basics", 2),
        # the sentence in Italian, in a folding box's summary
        '<div class="post-series-bottom"><details><summary><span>Questo post fa parte della'
        ' series <strong>Kiln Basics</strong></span></summary><ol><li><a href="/kiln-1/">'
        "Clay</a></li><li><b>Glazes</b></li></ol></details></div>": ("Kiln Basics", 2),
    }
    for body, (name, position) in cases.items():
        found = parse_declared_series(page(body), URL)
        assert found is not None, body
        assert (found.name, found.position, found.members) == (name, position, (first, URL))
    # what a label adds after a separator is no part of the name
    label = '<aside class="series-nav"><span class="series-nav-label">Kiln Basics · Day 3 of 7'
    found = parse_declared_series(page(label + "</span></aside>"), URL)
    assert found is not None and found.name == "Kiln Basics"


def test_a_card_headed_series_over_its_posts_is_named_after_the_first() -> None:
    """Hexo Butterfly's sidebar card: "Series" (系列文章), then each post's picture and
    title, both linked; no name anywhere, so the first post's title names it."""

    def entry(href: str, title: str) -> str:
        return (
            f'<div class="aside-list-item"><a class="thumbnail" href="{href}"><img src="/c.png">'
            f'</a><div class="content"><a class="title" href="{href}">{title}</a></div></div>'
        )

    for heading in ("Series", "系列文章"):
        body = (
            f'<div class="card-widget card-post-series"><div class="item-headline"><i></i>'
            f'<span>{heading}</span></div><div class="aside-list">{entry("/kiln-1/", "Clay")}'
            f"{entry(URL, 'Glazes')}{entry('/kiln-3/', 'Firing')}</div></div>"
        )
        found = parse_declared_series(page(body), URL)
        assert found is not None, heading
        assert (found.name, found.position) == ("Clay", 2)
        assert found.members == (
            "https://blog.example/kiln-1/",
            URL,
            "https://blog.example/kiln-3/",
        )
    # headed "Series" over the names of every series: the page is on no list
    every = (
        '<div class="card-post-series"><span>Series</span><a href="/series/kiln/">Kiln</a>'
        '<a href="/series/glaze/">Glaze</a></div>'
    )
    assert parse_declared_series(page(every), URL) is None


def _folding_box(sentence: str, part: str) -> str:
    """A Hugo Blowfish-style box: a <details> whose summary is the name and a sentence,
    over one entry per part, the page's own an entry with no link."""
    return (
        f"<article><details class='mt-2 mb-5 rounded-lg'><summary class='py-1'>"
        f"\n  Kiln Basics -\n  {sentence}\n</summary>"
        f"<div class='py-1'><a href='/k1/'>{part} 1: Why clay shrinks</a></div>"
        f"<div class='py-1'>{part} 2: This Article</div>"
        f"<div class='py-1'><a href='/k3/'>{part} 3: Loading a kiln</a></div>"
        "</details><p>Words.</p></article>"
    )


def test_a_folding_box_names_its_series_in_its_summary() -> None:
    for sentence, part in (
        ("This article is part of a series.", "Part"),
        ("Dieser Artikel ist Teil einer Serie.", "Teil"),
        ("이 글은 시리즈의 일부입니다.", "부분"),
    ):
        found = parse_declared_series(page(_folding_box(sentence, part)), URL)
        assert found is not None, sentence
        assert (found.name, found.position) == ("Kiln Basics", 2), sentence
        assert found.members == (
            "https://blog.example/k1/",
            URL,  # its own entry, no link, stands where its number says
            "https://blog.example/k3/",
        )
    # a folding box about anything else declares nothing
    spoiler = "<details><summary>Answer - click to see it</summary><p>42</p></details>"
    assert parse_declared_series(page(spoiler), URL) is None


def _react_box(current: str) -> str:
    """A React theme's box (a Docusaurus blog's own component): a folding box whose
    summary names the series, the page's own entry a span with a CSS-modules class."""
    return (
        '<div class="seriesBlogPost_Xy3k"><details class="details_lb9f alert">'
        "<summary>This article is part of the "
        '<a href="/series/kiln-basics">Kiln Basics</a> series:</summary>'
        '<div><div class="collapsibleContent_i85q"><ul>'
        '<li><a href="/k1/">Kiln Basics - Clay</a></li>'
        f"<li>{current}</li>"
        '<li><a href="/k3/">Kiln Basics - Firing</a></li>'
        "</ul></div></div></details></div>"
    )


def test_the_page_is_the_entry_that_links_nowhere_or_that_its_class_marks() -> None:
    for current in (
        "<span>Kiln Basics - Glazes</span>",  # the one entry without a link
        '<span class="currentPost_ab1 currentPostDimmed_c2">Kiln Basics - Glazes</span>',
    ):
        found = parse_declared_series(page(_react_box(current)), URL)
        assert found is not None, current
        assert (found.name, found.position) == ("Kiln Basics", 2), current
        assert found.members == ("https://blog.example/k1/", URL, "https://blog.example/k3/")
    # an entry of its own links to the page: the unlinked one is a part to come
    ahead = _react_box(f'<a href="{URL}">Kiln Basics - Glazes</a>').replace(
        '<li><a href="/k3/">Kiln Basics - Firing</a></li>', "<li>Kiln Basics - Firing (soon)</li>"
    )
    found = parse_declared_series(page(ahead), URL)
    assert found is not None and found.position == 2
    assert found.members == ("https://blog.example/k1/", URL)


def test_json_ld_nested_past_reading_declares_nothing_and_raises_nothing() -> None:
    """A page's JSON-LD is input: nested deeper than json.loads' stack (RecursionError,
    not ValueError) or than any real graph, it is passed over; the box still counts."""
    too_deep = '<script type="application/ld+json">' + "[" * 200_000 + "]" * 200_000 + "</script>"
    graph = {"@type": "BlogPosting", "isPartOf": {"@type": "CreativeWorkSeries", "name": "X"}}
    for _ in range(20):
        graph = {"@graph": [graph]}
    deep_graph = ld(graph)
    for head in (too_deep, deep_graph):
        assert parse_declared_series(page("<p>Nothing else.</p>", head), URL) is None
    box = _react_box("<span>Kiln Basics - Glazes</span>")
    found = parse_declared_series(page(box, too_deep), URL)
    assert found is not None and found.name == "Kiln Basics"


def test_pages_that_declare_nothing() -> None:
    assert parse_declared_series(page("<p>Part 2 of our journey.</p>"), URL) is None
    box = '<div class="series">More posts like this: <a href="/x/">x</a></div>'
    assert parse_declared_series(page(box), URL) is None  # a box that names no series
    # a sidebar of every series: a heading, no label, no number
    every = (
        '<div class="series-list"><h3>Series</h3><ul><li><a href="/s/kiln/">Kiln Basics</a>'
        '</li><li><a href="/s/glaze/">Glaze Lab</a></li></ul></div>'
    )
    assert parse_declared_series(page(every), URL) is None
    # a label inside the list is a post's title, not the box's name
    listed = (
        '<div class="series-box"><ul><li><a href="/x/">Series: the making of</a></li></ul></div>'
    )
    assert parse_declared_series(page(listed), URL) is None
    assert parse_declared_series(b"\xff\xfe<<<not html", URL) is None


def box_page(part: int, total: int, name: str, links: list[str], here: str) -> bytes:
    items = "".join(
        f'<li class="current">{i}</li>' if link == here else f'<li><a href="{link}">{i}</a></li>'
        for i, link in enumerate(links, 1)
    )
    return page(
        f"<article><h1>Part {part}</h1><p>{'Words about the topic. ' * 60}</p></article>"
        f'<aside class="series-box">This post is part {part} of {total} in the series'
        f" {name}.<ol>{items}</ol></aside>"
    )


def test_a_fetched_page_that_declares_its_series_regroups_the_feed(tmp_path, loopback) -> None:
    """Titles that say nothing ("Futures", "Wakers", "Pinning"); the page of one declares
    the series and lists the others in order: the feed is grouped again at once, in part
    order, and a later sync keeps what was declared."""
    from feedgen import Item, rss
    from readinglist.model.query import ArticleQuery
    from readinglist.services.library import Library

    links = [loopback.url(f"/rust/{slug}/") for slug in ("futures", "wakers", "pinning")]
    items = [
        Item(f"p{i}", title, link, day=i)
        for i, (title, link) in enumerate(
            zip(("Futures", "Wakers", "Pinning"), links, strict=True), 1
        )
    ]
    loopback.route("/feed.xml", body=rss(items), content_type="application/rss+xml")
    for part, link in enumerate(links, 1):
        path = link.removeprefix(loopback.base_url)
        loopback.route(
            path, body=box_page(part, 3, "Rust Async", links, link), content_type="text/html"
        )
    with Library.open(tmp_path) as lib:
        lib.subscribe(loopback.url("/feed.xml"))
        assert lib.list_series() == []  # nothing in the titles
        wakers = next(a for a in lib.list_articles(ArticleQuery()) if a.title == "Wakers")
        changes = lib.fetch_fulltext(wakers.id).changes
        (series,) = lib.list_series()
        assert (series.name, series.parts, series.guess) == ("Rust Async", (1, 2, 3), False)
        assert "'Rust Async' (series box)" in series.why  # declared, and said so
        assert series.id in changes.series and len(changes.articles) == 3
        lib.sync()  # a sync groups again from titles: the declaration still outranks
        (again,) = lib.list_series()
        assert again.parts == (1, 2, 3)


def test_declared_outranks_guessed_and_a_list_numbers_only_when_it_is_in_order() -> None:
    from readinglist.feeds.series.declared import apply_declared
    from readinglist.model.records import SeriesGuess

    links = ["https://b.example/a/", "https://b.example/b/", "https://b.example/c/"]
    guessed = [
        SeriesGuess("cooking", "Cooking", 7, "a", strength="weak"),
        SeriesGuess(None, None, None, "b"),
        SeriesGuess(None, None, None, "c"),
    ]
    in_order = DeclaredSeries("Type Systems", 2, 3, tuple(links), "series box")
    out = apply_declared(links, guessed, {links[1]: in_order})
    assert [(g.key, g.part, g.strength) for g in out] == [
        ("type system", 1, "strong"),  # the key is normalised like every series name
        ("type system", 2, "strong"),
        ("type system", 3, "strong"),
    ]
    # one why for the whole series (it is stored once per series): the parts say the rest
    assert {g.why for g in out} == {"the page declares it: 'Type Systems' (series box)"}
    shuffled = DeclaredSeries("Type Systems", 1, None, (links[2], links[0]), "series box")
    out = apply_declared(links, guessed, {links[0]: shuffled})
    assert [g.part for g in out] == [1, None, None]  # the list is no part order here
    assert apply_declared(links, guessed, {}) == guessed


# --- rel=prev/next: trusted only where they speak of the series -------------------------

CHRONOLOGICAL_HEAD = (
    '<link rel="prev" href="/notes/garden-diary/">'
    '<link rel="next nofollow" href="https://blog.example/notes/tea/">'
)


def test_a_boxs_own_prev_next_are_the_series_neighbours_placed_around_the_page() -> None:
    body = (
        '<aside class="series-box">This post is part 3 of 4 in the series Rust Async.'
        '<a rel="prev nofollow" href="/rust/wakers/">« Wakers</a>'
        '<a rel="Next" href="/rust/streams/">Streams »</a></aside>'
        '<footer><a rel="previous" href="/notes/older/">Older post</a></footer>'
    )
    here = "https://blog.example/rust/pinning/"
    found = parse_declared_series(page(body, CHRONOLOGICAL_HEAD), here)
    assert found is not None
    assert (found.position, found.previous, found.next) == (
        3,
        "https://blog.example/rust/wakers/",
        "https://blog.example/rust/streams/",
    )  # the head's and footer's chronological links are not the series' neighbours
    assert found.members == (
        "https://blog.example/rust/wakers/",
        here,
        "https://blog.example/rust/streams/",
    )


def test_a_boxs_prev_next_are_no_entries_of_its_list() -> None:
    body = (
        '<div class="series-nav">This article is part of the Learning Go series:'
        '<ul><li><a href="/go-1/">Basics</a></li><li class="current">Types</li>'
        '<li><a href="/go-3/">Errors</a></li></ul>'
        '<a rel="prev" href="/go-1/">Previous</a><a rel="next" href="/go-3/">Next</a></div>'
    )
    found = parse_declared_series(page(body), "https://blog.example/go-2/")
    assert found is not None and found.position == 2
    assert [m.rsplit("/", 2)[-2] for m in found.members] == ["go-1", "go-2", "go-3"]
    assert found.next == "https://blog.example/go-3/"


def test_prev_next_alone_declare_nothing() -> None:
    body = '<a rel="prev" href="/rust/wakers/">Wakers (part 2)</a><p>Part 3 of the tale</p>'
    assert parse_declared_series(page(body, CHRONOLOGICAL_HEAD), URL) is None


def test_a_schema_org_page_keeps_its_rel_links_only_as_neighbours() -> None:
    head = CHRONOLOGICAL_HEAD + ld(
        {"@type": "BlogPosting", "isPartOf": {"@type": "CreativeWorkSeries", "name": "Go Tips"}}
    )
    found = parse_declared_series(page("<p>text</p>", head), URL)
    assert found == DeclaredSeries(
        "Go Tips",
        None,
        source="schema.org",
        previous="https://blog.example/notes/garden-diary/",
        next="https://blog.example/notes/tea/",
    )
    assert found.members == ()  # a neighbour is no member


LINKS = [f"https://b.example/{slug}/" for slug in ("a", "b", "c", "d", "coffee")]


def _standalone() -> list:
    from readinglist.model.records import SeriesGuess

    return [SeriesGuess(None, None, None, slug) for slug in ("a", "b", "c", "d", "coffee")]


def test_head_links_never_pull_a_post_into_a_series() -> None:
    from readinglist.feeds.series.declared import apply_declared

    # b declares "Go Tips" without a position; its chronological neighbours are a post
    # about coffee and c, neither in the series: nothing joins, b gets no number
    decl = DeclaredSeries("Go Tips", None, source="schema.org", previous=LINKS[4], next=LINKS[2])
    out = apply_declared(LINKS, _standalone(), {LINKS[1]: decl})
    assert [(g.key, g.part) for g in out] == [
        (None, None),
        ("go tip", None),
        (None, None),
        (None, None),
        (None, None),
    ]


def test_a_page_without_a_position_takes_one_from_its_neighbour_in_the_series() -> None:
    from readinglist.feeds.series.declared import apply_declared

    first = DeclaredSeries("Go Tips", 1, source="schema.org")
    second = DeclaredSeries("Go Tips", None, source="schema.org", previous=LINKS[0])
    third = DeclaredSeries("Go Tips", None, source="schema.org", previous=LINKS[1])
    fourth = DeclaredSeries("Go Tips", None, source="schema.org", next=LINKS[4])
    declared = {LINKS[0]: first, LINKS[1]: second, LINKS[2]: third, LINKS[3]: fourth}
    out = apply_declared(LINKS, _standalone(), declared)
    # b after a, c after b (a chain); d's next is coffee, in no series: no number
    assert [g.part for g in out[:4]] == [1, 2, 3, None]
    assert {g.why for g in out[:4]} == {"the page declares it: 'Go Tips' (schema.org)"}


def test_a_neighbour_numbered_in_the_same_detected_series_lends_its_number() -> None:
    from readinglist.feeds.series.declared import apply_declared
    from readinglist.model.records import SeriesGuess

    guesses = _standalone()
    guesses[3] = SeriesGuess("go tip", "Go Tips", 5, "d")  # found from its title
    guesses[0] = SeriesGuess("cooking", "Cooking", 2, "a")  # another series
    before_d = DeclaredSeries("Go Tips", None, source="schema.org", next=LINKS[3])
    after_a = DeclaredSeries("Go Tips", None, source="schema.org", previous=LINKS[0])
    out = apply_declared(LINKS, guesses, {LINKS[2]: before_d, LINKS[1]: after_a})
    assert (out[2].key, out[2].part) == ("go tip", 4)
    assert (out[1].key, out[1].part) == ("go tip", None)  # its neighbour is in Cooking
    # neighbours that disagree (after part 5 but before part 5) give no number
    torn = DeclaredSeries("Go Tips", None, source="schema.org", previous=LINKS[3], next=LINKS[3])
    assert apply_declared(LINKS, guesses, {LINKS[2]: torn})[2].part is None


def test_a_boxs_neighbours_join_around_its_position() -> None:
    from readinglist.feeds.series.declared import apply_declared

    box = DeclaredSeries(
        "Go Tips",
        3,
        4,
        (LINKS[1], LINKS[2], LINKS[3]),
        "series box",
        previous=LINKS[1],
        next=LINKS[3],
    )
    out = apply_declared(LINKS, _standalone(), {LINKS[2]: box})
    assert [(g.key, g.part) for g in out[1:4]] == [("go tip", 2), ("go tip", 3), ("go tip", 4)]
    assert out[0].key is None and out[4].key is None


def test_stored_declarations_old_rows_and_neighbours(store) -> None:
    """Rows written before neighbours were kept (a plain JSON list of members) still read;
    a declaration without neighbours is still written in that form; one with neighbours
    comes back whole."""
    from helpers import entry, incoming
    from readinglist.storage.schema import DeclaredSeriesRow

    feed = store.add_feed("https://blog.example/feed.xml")
    store.upsert_entries(feed.id, [incoming(entry(g)) for g in ("old", "plain", "near")])
    ids = dict(
        zip(
            ("old", "plain", "near"),
            store.article_ids_for_guids(feed.id, ["old", "plain", "near"]),
            strict=True,
        )
    )
    link = {g: f"https://blog.example/{g}/" for g in ids}
    store.db.execute_sql(  # as schema 10 wrote it
        "INSERT INTO declared_series (article_id, name, position, total, members, source,"
        " fetched) VALUES (?, 'Go Tips', 2, 3, ?, 'series box', '2026-01-01 00:00:00')",
        (ids["old"], json.dumps([link["plain"], link["old"]])),
    )
    store.set_declared_series(ids["plain"], DeclaredSeries("Go Tips", 1, source="schema.org"))
    near = DeclaredSeries("Go Tips", 3, None, (), "series box", link["old"], None)
    store.set_declared_series(ids["near"], near)

    read = store.feed_declarations(feed.id)
    assert read[link["old"]] == DeclaredSeries(
        "Go Tips", 2, 3, (link["plain"], link["old"]), "series box"
    )
    assert read[link["near"]] == near
    raw = DeclaredSeriesRow.get(DeclaredSeriesRow.article == ids["plain"]).members
    assert json.loads(raw) == []  # the old form, which the version before reads too
    store.db.execute_sql(
        "UPDATE declared_series SET members = '{broken' WHERE article_id = ?", (ids["old"],)
    )
    assert store.feed_declarations(feed.id)[link["old"]].members == ()
