"""Round 54 of series-unseen (added 2026-12-07): a blog whose sources declare its series.

tkdodo (English, Astro: Dominik Dorfmeister's blog at tkdodo.eu/blog, 2020-08 to 2026-08:
React Query (TanStack Query, which he maintains), TanStack Router, React hooks and state,
TypeScript, design systems, refactoring principles, open source, and yearly reviews). The
posts are the MDX files ``content/posts/<slug>/index.mdx``, 91 at the commit read; the
site's content collection (``src/content.config.ts``: ``glob("**/index.mdx")`` under
``./content/posts``) reads ``title``, ``description``, ``date``, ``tags``, ``banner``,
``bluesky``, an optional ``slug`` (set on none) and ``searchIndex`` (set on none); every
page of the collection is built and listed (``src/pages/all.astro``, ``rss.xml.ts``), no
post sets a draft or published flag.

The site declares its series in ``src/components/series-data.ts``: eight ordered arrays of
``{id: <post slug>, title: "#N: <title>"}`` and ``seriesByToc`` mapping each ToC component
(``RqToc``, ``DsToc``, ``UsToc``, ``TsrToc``, ``HsToc``, ``RcToc``, ``MemoToc``, ``RtrToc``)
to its array. A series post renders its ToC in its body (``<RqToc id="<slug>" />``: the
series' members with their ``#N`` titles, "All N parts in the series"), and the post page
(``src/pages/[blog].astro``) finds that ToC in the body and ends the post with a "Continue
Series" box (previous and next member), naming each series by its ``tocTitles`` entry
("React Query", "Design Systems", "useState", "TanStack Router", "Hooks", "Refs and
Callbacks", "Memoization", "Road to Refactoring"; the React Query and TanStack Router ToC
boxes show the same names as their headings). The label is that name; the part is the
``#N`` the data file gives (``#8a``, an addendum the site slots between ``#8`` and ``#9``
without renumbering them, is part 8). The arrays are transcribed below (``SERIES_DATA``)
and each post's body ToC is checked against them. ``tan-stack-router-and-query`` is in two
series (``TanStack Router`` #3 and ``React Query`` #32; its dual ToC and the page's tabs
show both), so it falls to the builder's generic ``declares two series`` rule.

The commit read is ``89376f2fd089`` (2026-08-19 21:00 +0200), the snapshot's newest on
``main``.

URLs: Astro ``site: "https://tkdodo.eu"``, ``base: "/blog"``, ``trailingSlash: "never"``
(``astro.config.ts``); a post is served at ``/blog/<slug>`` (``src/pages/[blog].astro``,
``getPostSlug``: the folder's name), as the RSS items build it (``rss.xml.ts``,
``trailingSlash: false``) (``tkdodo_post``).

``build.py`` loads this module after ``round53.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
54") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# src/pages/[blog].astro `tocTitles`: the series' names as the page shows them
TOC_TITLES: dict[str, str] = {
    "RqToc": "React Query",
    "DsToc": "Design Systems",
    "UsToc": "useState",
    "TsrToc": "TanStack Router",
    "HsToc": "Hooks",
    "RcToc": "Refs and Callbacks",
    "MemoToc": "Memoization",
    "RtrToc": "Road to Refactoring",
}

# src/components/series-data.ts at the commit read: each array's ids (post slugs) with the
# `#N` its titles give, in the array's order (seriesByToc: the ToC component of each)
SERIES_DATA: dict[str, tuple[tuple[str, str], ...]] = {
    # rqSeriesItems (RqToc)
    "React Query": (
        ("practical-react-query", "#1"),
        ("react-query-data-transformations", "#2"),
        ("react-query-render-optimizations", "#3"),
        ("status-checks-in-react-query", "#4"),
        ("testing-react-query", "#5"),
        ("react-query-and-type-script", "#6"),
        ("using-web-sockets-with-react-query", "#7"),
        ("effective-react-query-keys", "#8"),
        ("leveraging-the-query-function-context", "#8a"),
        ("placeholder-and-initial-data-in-react-query", "#9"),
        ("react-query-as-a-state-manager", "#10"),
        ("react-query-error-handling", "#11"),
        ("mastering-mutations-in-react-query", "#12"),
        ("offline-react-query", "#13"),
        ("react-query-and-forms", "#14"),
        ("react-query-fa-qs", "#15"),
        ("react-query-meets-react-router", "#16"),
        ("seeding-the-query-cache", "#17"),
        ("inside-react-query", "#18"),
        ("type-safe-react-query", "#19"),
        ("you-might-not-need-react-query", "#20"),
        ("thinking-in-react-query", "#21"),
        ("react-query-and-react-context", "#22"),
        ("why-you-want-react-query", "#23"),
        ("the-query-options-api", "#24"),
        ("automatic-query-invalidation-after-mutations", "#25"),
        ("how-infinite-queries-work", "#26"),
        ("react-query-api-design-lessons-learned", "#27"),
        ("react-query-the-bad-parts", "#28"),
        ("concurrent-optimistic-updates-in-react-query", "#29"),
        ("react-query-selectors-supercharged", "#30"),
        ("creating-query-abstractions", "#31"),
        ("tan-stack-router-and-query", "#32"),
    ),
    # dsSeriesItems (DsToc)
    "Design Systems": (
        ("designing-design-systems", "#1"),
        ("tooltip-components-should-not-exist", "#2"),
        ("building-type-safe-compound-components", "#3"),
        ("test-ids-are-an-a11y-smell", "#4"),
    ),
    # usSeriesItems (UsToc)
    "useState": (
        ("dont-over-use-state", "#1"),
        ("putting-props-to-use-state", "#2"),
        ("things-to-know-about-use-state", "#3"),
        ("use-state-for-one-time-initializations", "#4"),
        ("use-state-vs-use-reducer", "#5"),
    ),
    # tsrSeriesItems (TsrToc)
    "TanStack Router": (
        ("the-beauty-of-tan-stack-router", "#1"),
        ("context-inheritance-in-tan-stack-router", "#2"),
        ("tan-stack-router-and-query", "#3"),
        ("reliable-query-prefetching-with-tanstack-router", "#4"),
    ),
    # hsSeriesItems (HsToc)
    "Hooks": (
        ("hooks-dependencies-and-stale-closures", "#1"),
        ("refs-events-and-escape-hatches", "#2"),
    ),
    # rcSeriesItems (RcToc)
    "Refs and Callbacks": (
        ("avoiding-use-effect-with-callback-refs", "#1"),
        ("ref-callbacks-react-19-and-the-compiler", "#2"),
    ),
    # memoSeriesItems (MemoToc)
    "Memoization": (
        ("the-uphill-battle-of-memoization", "#1"),
        ("the-useless-use-callback", "#2"),
    ),
    # rtrSeriesItems (RtrToc)
    "Road to Refactoring": (
        ("road-to-refactoring", "#1"),
        ("always-provide-customer-value", "#2"),
        ("use-urgency", "#3"),
        ("refactor-impactfully", "#4"),
    ),
}

# the one post in two series renders a dual ToC ([blog].astro hard-codes its two series)
DUAL_TOC = "TanStackRouterQueryToc"
DUAL_SERIES = ("TanStack Router", "React Query")

# [blog].astro: the first series ToC component in a post's body
BODY_TOC = re.compile(r"<(RqToc|DsToc|UsToc|TsrToc|HsToc|RcToc|MemoToc|RtrToc)\b")


def toc_number(label: str) -> int:
    """The part of a data-file ``#N`` label: its number, the letter of ``#8a`` dropped."""
    m = re.fullmatch(r"#(\d+)[a-z]?", label)
    if not m:
        raise ValueError(f"unexpected series label {label!r}")
    return int(m[1])


MEMBERSHIP: dict[str, list[tuple[str, int]]] = {}
for _name, _items in SERIES_DATA.items():
    for _slug, _label in _items:
        MEMBERSHIP.setdefault(_slug, []).append((_name, toc_number(_label)))


def post_slug(path: str) -> str:
    """The post's slug: the name of its folder under ``content/posts/`` (no post sets
    ``slug``)."""
    return path.rsplit("/", 2)[-2]


def tkdodo_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter, with the series of ``series-data.ts`` added: ``series`` lists the
    series whose array holds the post's slug (two for the dual-ToC post), ``toc_number``
    the ``#N`` of its entry. The body's ToC must name the same series."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    slug = post_slug(path)
    listed = MEMBERSHIP.get(slug, [])
    names = tuple(name for name, _ in listed)
    if f"<{DUAL_TOC}" in text:
        body = DUAL_SERIES
    else:
        m = BODY_TOC.search(text)
        body = (TOC_TITLES[m[1]],) if m else ()
    if sorted(body) != sorted(names):
        raise ValueError(f"{path}: body ToC {body!r}, series-data.ts {names!r}")
    if len(listed) == 1:
        fm = {**fm, "series": listed[0][0], "toc_number": listed[0][1]}
    elif listed:
        fm = {**fm, "series": list(names)}
    return fm


def tkdodo_post(base: str) -> Callable[[Post], str]:
    """``/blog/<slug>`` under the site URL, no trailing slash."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/blog/{post_slug(p.path)}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="tkdodo",
        repo="TkDodo/blog",
        # `main` on 2026-08-19 21:00:20 +0200 ("fix formatting"), the snapshot's newest on
        # `main` (the other branches are automated fix branches)
        commit="89376f2fd0897d7622ef61982085ef7e2e357955",
        site="https://tkdodo.eu/blog",
        generator="Astro 6 (content collections, MDX; site series ToCs and "
        "continue-series box from src/components/series-data.ts)",
        language="en",
        licence="no licence stated for the posts (LICENSE is the Astro theme's MIT, "
        "© 2025 LekoArts)",
        all_paths=True,
        include=r"^content/posts/[^/]+/index\.mdx$",
        meta=tkdodo_meta,
        part_keys=("toc_number",),
        url=tkdodo_post("https://tkdodo.eu"),
        url_source="reconstructed: /blog/<folder name> under https://tkdodo.eu "
        "(astro.config.ts site, base /blog, trailingSlash never), as the RSS items",
    ),
]
