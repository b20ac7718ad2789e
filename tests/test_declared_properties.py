"""Properties of reading a page's series declaration over generated markup.

A fetched page is the site's, not ours: themes nest boxes, mark the current entry in a
dozen ways and leave tags open. Whatever the markup, reading it must not raise, and
what it declares must be usable: a short name, a part number in range or none, members
that are web addresses, the page among them at most once.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readinglist.feeds.site.declared import parse_declared_series
from readinglist.model.urls import normalize_url

PAGE = "https://pots.example/posts/glazes/"
TAGS = ["div", "section", "aside", "nav", "details", "summary", "ol", "ul", "li", "p", "h3",
        "span", "strong", "a", "blockquote"]  # fmt: skip
CLASSES = ["series-box", "seriesNote", "series-nav__item--current", "series-title",
           "series-banner-label", "active", "current-post", "series-toc", "panel", "",
           "series-header", "is-current", "series-item"]  # fmt: skip
TEXTS = ["Series:", "Kiln Basics", "Part 2", "This article is part of a series.",
         "Kiln - Dieser Artikel ist Teil einer Serie.", ": 2 sur 3", "系列博文：", "'도예' 시리즈",
         "📚", "Part 1: This Article", "part 3 of 5 in the series Glazes", "Parte 2 de 4",
         "This article is Part 2 in a 3-Part Series.", "&lt;", " · Day 3 of 7", "",
         "Cet article fait partie de la série", "x" * 150]  # fmt: skip
HREFS = ["/posts/clay/", PAGE, "/series/kiln/", "javascript:alert(1)", "", "#top",
         "https://elsewhere.example/p/", "/posts/firing/"]  # fmt: skip


@st.composite
def markup(draw: st.DrawFn) -> str:
    """A page body of nested elements, texts and links, some tags left open."""
    out: list[str] = []
    stack: list[str] = []
    for _ in range(draw(st.integers(1, 60))):
        step = draw(st.integers(0, 9))
        if step < 4:
            tag = draw(st.sampled_from(TAGS))
            cls = draw(st.sampled_from(CLASSES))
            href = f' href="{draw(st.sampled_from(HREFS))}"' if tag == "a" else ""
            out.append(f'<{tag} class="{cls}"{href}>')
            stack.append(tag)
        elif step < 7 and stack and draw(st.booleans()):
            out.append(f"</{stack.pop()}>")
        else:
            out.append(draw(st.sampled_from(TEXTS)))
    return "<html><body>" + "".join(out) + "</body></html>"


@settings(max_examples=400, deadline=None)
@given(markup())
def test_any_markup_reads_without_error_into_a_usable_declaration(body: str) -> None:
    found = parse_declared_series(body.encode(), PAGE)
    if found is None:
        return
    assert 0 < len(found.name) <= 200 and found.name.strip() == found.name
    assert found.position is None or 0 < found.position < 1000
    assert found.total is None or 0 < found.total < 1000
    assert all(m.startswith(("http://", "https://")) for m in found.members)
    assert sum(1 for m in found.members if normalize_url(m) == normalize_url(PAGE)) <= 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 11), min_size=1, max_size=12),
    st.lists(st.integers(0, 11), min_size=1, max_size=12),
    st.sampled_from(["series index", "schema.org"]),
)
def test_a_list_shared_by_many_declarations_reads_as_each_would_alone(
    order: list[int], declaring: list[int], source: str
) -> None:
    """``apply_declared`` reads a list shared by every member's declaration once; what it
    makes of them must be what reading each declaration's list would make."""
    from readinglist.feeds.series.declared import apply_declared, listed_parts
    from readinglist.model.records import DeclaredSeries, SeriesGuess

    links = [f"https://pots.example/p{n}/" for n in range(12)]
    members = tuple(links[n] for n in order)
    declared = {
        links[n]: DeclaredSeries("Kiln", members.index(links[n]) + 1 if links[n] in members else n,
                                 len(members), members, source)
        for n in declaring
    }  # fmt: skip
    guesses = [SeriesGuess(None, None, None, f"t{n}") for n in range(12)]
    out = apply_declared(links, guesses, declared)
    # each declaration's list read alone, as listed_parts reads it: the first to list a
    # post places it (own pages then take their own position)
    by_link = {normalize_url(link): i for i, link in enumerate(links)}
    expected: dict[int, int | None] = {}
    for link, decl in sorted(declared.items()):
        for member, place in listed_parts(link, decl):
            if member in by_link:
                expected.setdefault(by_link[member], place)
    for link, decl in declared.items():
        expected[by_link[normalize_url(link)]] = decl.position
    assert {i: g.part for i, g in enumerate(out) if g.key is not None} == expected
