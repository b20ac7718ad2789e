"""Round 55 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

typeofweb (Polish, Next.js: Type of Web at typeofweb.com, Michał Miszczyszyn's blog on
front-end and back-end programming, 2016-04 to 2025-02: AngularJS and Angular 2, TypeScript,
hapi.js, a React.js course from its introduction through Redux and React Hooks, a Vue.js
course by a guest author, CI/CD with Buddy.works, algorithms and data structures,
self-publishing his TypeScript book, remote work, conferences and yearly reviews; 13 of the
posts by six guest authors). The posts are the Markdown/MDX files ``_wordpress_posts/YYYY/MM/
<name>.md`` (2016-04 to 2021-07, imported from WordPress) and ``_posts/YYYY/MM/<name>.mdx?``
(2021-09 on), 145 at the commit read; ``utils/posts.ts`` (``readAllPosts``) reads every
``.md``/``.mdx`` file of both folders (``_pages`` only for the page routes), sorts them by
``date`` and lists them all on the home page, the category pages and the feed
(``generateFeed.ts``): no status, draft or date filter (the 132 WordPress posts all say
``status: publish``, the 13 newer ones have no status).

A post's front matter may set ``series: {slug, name}`` (an object on all 75 that set one;
``readAllPosts`` also accepts a bare slug, looked up in ``utils/series.ts`` ``allSeries``).
The site makes one page per series at ``/kurs/<slug>`` (``pages/kurs/[seriesSlug]/index.tsx``),
shows on each member "Ten artykuł jest częścią N z M w serii <name>"
(``components/molecules/ArticleMeta.tsx``) and a "Wpisy z serii <name>:" numbered list
(``components/molecules/SeriesTableOfContentsWidget.tsx``), and links the previous and next
member (``utils/series.ts``, ``components/Seo.tsx``). All of them take the series' members
from ``getSeriesLinks`` (``utils/postToProps.ts``): ``readAllPosts`` sorted by ``date``
(full timestamp) newest first, filtered by the series' slug, then reversed, so oldest first:
the parts are date ranks. The label is the series' ``name`` as the site shows it.

``TypeScript`` is ``unordered``: its first member by date is ``Po co TypeScript?`` (which the
site numbers 1), the next three are titled ``TypeScript – część 1``, ``Kurs TypeScript – część
2`` and ``… część 3`` (which the site numbers 2–4); the marker check does not read ``część N``.

Left out: five posts whose titles number parts without a declared series (the two
``Struktura aplikacji AngularJS (część 1/2 …)`` and the three ``N. Weekly JavaScript
Challenge``).

The commit read is ``87683ac930bb`` (2026-08-16 20:33 +0200), the newest on ``main``.

URLs: ``pages/[permalink]/index.tsx`` serves each post at ``/<permalink>`` (the front
matter's ``permalink``), the feed links ``<host>/<permalink>``, the canonical URL is ``host``
plus the path, and ``next.config.js`` sets no ``trailingSlash`` (Next.js' default: none);
the WordPress-era ``/YYYY/MM/DD/<slug>`` addresses redirect there (``redirects.js``). So
``https://typeofweb.com/<permalink>`` (``typeofweb_post``).

``build.py`` loads this module after ``round54.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
55") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# utils/series.ts `allSeries`: slug -> the name the site shows
ALL_SERIES: dict[str, str] = {
    "self-publishing": "Self Publishing",
    "react-js": "React.js",
    "piece-of-cake": "Piece of cake",
    "buddy-works": "CI/CD z Buddy.works",
    "vue-js": "Vue.js",
    "hapijs": "HapiJS",
    "typescript": "TypeScript",
    "angular-2": "Angular 2",
}

# utils/categories.ts `allCategories`: the newer posts' `category` slug -> its name
ALL_CATEGORIES: dict[str, str] = {
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "opinie": "Opinie",
    "dobry-kod": "Dobry Kod",
    "praca-zdalna": "Praca Zdalna",
}


def typeofweb_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter, with ``series`` as the series' name (the object's ``name``, which
    must agree with ``allSeries``; a bare slug is looked up there) and ``categories`` as the
    categories' names (the WordPress posts' ``categories`` objects; the newer posts'
    ``category`` slug, named by ``allCategories``)."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    fm = dict(fm)
    series = fm.get("series")
    if isinstance(series, dict):
        slug, name = str(series.get("slug")), str(series.get("name"))
        if ALL_SERIES.get(slug) != name:
            raise ValueError(f"{path}: series {series!r} is not in allSeries")
        fm["series"] = name
    elif isinstance(series, str) and series:
        fm["series"] = ALL_SERIES[series]
    cats = fm.get("categories")
    names = [str(c["name"]) for c in cats if isinstance(c, dict)] if isinstance(cats, list) else []
    category = fm.pop("category", None)
    if isinstance(category, str) and category:
        names.append(ALL_CATEGORIES.get(category, category))
    fm["categories"] = names
    return fm


def typeofweb_post(base: str) -> Callable[[Post], str]:
    """``/<permalink>`` under the site URL, no trailing slash."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc("/" + str(p.fm["permalink"]).strip("/"))

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="typeofweb",
        repo="typeofweb-org/typeofweb.com",
        # `main` on 2026-08-16 20:33:25 +0200 ("Use compatible GFM plugins for HTML and MDX"),
        # the snapshot's newest on `main`
        commit="87683ac930bb546db930c3f345b52fe1c5799db8",
        site="https://typeofweb.com/",
        generator="Next.js 13 (Pages Router, Markdown/MDX via gray-matter and "
        "next-mdx-remote; site series pages, series box and series navigation)",
        language="pl (one post en: the English copy of a Polish post)",
        licence="no licence stated (no LICENSE; the feed's copyright: Type of Web)",
        all_paths=True,
        # utils/fs.ts: every .md/.mdx file under _wordpress_posts and _posts
        include=r"^_(?:wordpress_)?posts/.+\.mdx?$",
        meta=typeofweb_meta,
        unordered={
            "TypeScript": "the site numbers `Po co TypeScript?` 1 and `TypeScript – część 1`, "
            "`Kurs TypeScript – część 2` and `… część 3` 2 to 4 (date ranks); the marker check "
            "does not read `część N`",
        },
        undeclared_parts=(
            # two parts of an AngularJS architecture run, numbered in their titles, no series
            "Struktura aplikacji AngularJS (część\xa01\xa0\u2011\xa0trochę historii)",
            "Struktura aplikacji AngularJS (część\xa02\xa0\u2011\xa0komponenty)",
            # a numbered weekly column (2016-07/08), no series declared
            "1. Weekly JavaScript Challenge",
            "2. Weekly JavaScript Challenge",
            "3. Weekly JavaScript Challenge",
        ),
        # parts: date ranks (getSeriesLinks: the members by date, oldest first)
        url=typeofweb_post("https://typeofweb.com"),
        url_source="reconstructed: /<front-matter permalink> under https://typeofweb.com "
        "(pages/[permalink]/index.tsx, generateFeed.ts), no trailing slash, as the feed items",
    ),
]
