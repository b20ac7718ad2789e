"""Round 34 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

realjenius (English, Hugo with the Congo theme, a git submodule, and the site's own
``layouts/``, among them the series shortcode ``layouts/shortcodes/series.html``: R.J.
Lorimer's RealJenius.com, a Java developer's and architect's blog, 2009-2024: JRuby and
Mirah internals, Java language proposals (JEPs, Valhalla, Leyden, Wakefield), Kotlin and
TypeScript for Java developers, Google App Engine, Jekyll and Hugo, NixOS and Linux, home
servers, and his Jeep). The posts are ``content/post/<topic>/<name>.md``; they declare their
series in the YAML front matter, ``series: ["kotlin-libraries"]`` (a one-element list), a
Hugo taxonomy (``config/_default/config.toml`` ``[taxonomies] series = 'series'``). The
site's shortcode ``{{< series >}}``, which every published member places in its text, heads
an "Article Series" box and lists the site's pages whose ``series`` equals the post's,
``.Site.Pages.ByDate``, as an ordered list: the oldest member is 1. No number is declared,
so parts are date ranks; no two members of a series share a day.

Two multipart series of 2+ (``distilling-jruby`` 4, ``kotlin-libraries`` 3) and the
singleton ``distilling-mirah``; the four ``ultima-6-arch`` posts are drafts (``draft:
true``), like 13 other files, and stay out. Three posts number a part without declaring a
series: the lone ``JEP-155: … Part 1`` and the pair ``Dirty Tricks: Building an Article
Series List With Jekyll`` + ``Clean it Up: … , Part 2`` (the second links the first as the
earlier post it improves on): left out (``undeclared_parts``), as earlier rounds left out
such runs.

URLs: ``config/_default/config.toml`` ``[permalinks] post = "/:year/:month/:day/:filename/"``
under ``config/production/config.toml`` ``baseURL = "https://realjenius.com"``: the date as
written and the file name (Hugo URL-izes it; every name is lower-case ASCII, ``-`` and
``_``); no post sets ``url`` or ``slug`` (``hugo_dated_filename``).

``build.py`` loads this module after ``round33.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
34") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post
hugo_sanitize = unseen.hugo_sanitize


# ---------------------------------------------------------------------------- URL rule


def hugo_dated_filename(base: str) -> Callable[[Post], str]:
    """Hugo ``[permalinks] post = "/:year/:month/:day/:filename/"``: the page date's year,
    month and day as written (its own offset; dates without one are read in the site's
    default UTC, the day as written too), then the content file's name without its
    extension, URL-ized as Hugo does (``hugo_sanitize``); a front-matter ``url`` would win
    (no post sets one)."""

    def f(p: Post) -> str:
        if isinstance(p.fm.get("url"), str):
            return base.rstrip("/") + unseen.enc("/" + str(p.fm["url"]).strip("/") + "/")
        y, m, d = (unseen.as_date(p.fm.get("date")) or "0000-00-00").split("-")
        return base.rstrip("/") + unseen.enc(f"/{y}/{m}/{d}/{hugo_sanitize(p.stem)}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="realjenius",
        repo="realjenius/realjenius.com",
        # `main` (the default branch: posts, config, site layouts; the theme is the
        # submodule themes/congo, not in the snapshot); built and served by Cloudflare
        # Pages (README), no built output in the repository
        commit="38a3dd84f5745a5ea3d19c6df80d70aa1a3ea688",
        site="https://realjenius.com/",
        generator="Hugo (Congo theme, site layouts, series taxonomy and series shortcode)",
        language="en",
        licence="no licence stated (no LICENSE in the repository)",
        all_paths=True,
        # the posts `content/post/<topic>/<name>.md`; `content/about.md` and
        # `content/contact.md` are pages
        include=r"^content/post/.+\.md$",
        undeclared_parts=(
            # a lone part 1 of a planned run on JEP-155 (its introduction plans more posts
            # on the JEP); no later part, no series declared
            "JEP-155: New Concurrency Utils Part 1 - Atomically Delicious",
            # a pair numbered in the second title; the second links the first as the
            # earlier post it improves on; no series declared
            "Dirty Tricks: Building an Article Series List With Jekyll",
            "Clean it Up: Article Series List With Jekyll, Part 2",
        ),
        # parts: date ranks (the series shortcode lists `.Site.Pages.ByDate`); no series
        # is a column
        # config/_default/config.toml: [permalinks] post = "/:year/:month/:day/:filename/";
        # config/production/config.toml: baseURL https://realjenius.com
        url=hugo_dated_filename("https://realjenius.com"),
        url_source="reconstructed: Hugo permalinks post = /:year/:month/:day/:filename/ "
        "(config/_default/config.toml; the front-matter date as written, the file name) "
        "under baseURL https://realjenius.com (config/production/config.toml)",
    ),
]
