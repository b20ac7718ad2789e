"""Round 51 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

mikebifulco (English, Next.js: Mike Bifulco's site at mikebifulco.com, 2019-02 to 2026-07:
blog posts on JavaScript, CSS, Next.js/Remix/Gatsby site building, SEO, developer tools and
remote work, and the essays of his newsletter "Tiny Improvements" on product design,
startups and writing, which the site publishes as pages too). Two folders of MDX files are
the site's content, and its home feed (``src/lib/unified-feed.ts``) merges them by date:
``src/data/posts/<name>.mdx`` (served at ``/posts/<name>``, ``src/pages/posts/[slug].tsx``)
and ``src/data/newsletters/<name>.mdx`` (served at ``/newsletter/<name>``,
``src/pages/newsletter/[slug].tsx``); both are read, 74 posts and 131 newsletters at the
commit read. ``getAllContentFromDirectory`` drops the files whose front matter sets
``published: false`` in production (one post); the builder skips them the same way.

``series`` (``OptionalFrontmatter`` of ``src/data/content-types.ts``) names a series: the
site's ``src/lib/series.ts`` (``getAllSeries``) gathers the posts and the newsletters with the
same series name (compared by ``slugify(name.toLowerCase())``), sorted by date, and
``src/pages/series/[slug].tsx`` lists them ("Post Series", "A series in N parts"). The label
is the declared name as written (YAML quotes dropped: ``'Dependabot'`` is ``Dependabot``); no
number is declared, so parts are date ranks.

Dates are written in several forms (``2024-08-05``, ``04-26-2019``, ``1-09-2024``,
``12-06-22``, ``01/27/2026``); the site reads them with JavaScript's ``new Date``, which takes
the non-ISO ones as month-day-year (a two-digit year as 20yy). ``mikebifulco_meta`` writes
them as ``YYYY-MM-DD`` so the builder's date reader takes them.

The commit read is ``8e0e22fecb2d`` (2026-08-02 09:20 -0400), the snapshot's newest on
``main``.

URLs: ``BASE_SITE_URL`` (``src/config.ts``) ``https://mikebifulco.com`` with ``/posts/<name>``
or ``/newsletter/<name>``, the file name without ``.mdx``, no trailing slash, as the sitemap
(``src/app/sitemap.ts``) builds them (``mikebifulco_entry``).

``build.py`` loads this module after ``round50.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
51") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# month-day-year with - or /, a two-digit year read as 20yy (JavaScript's Date parser)
MDY = re.compile(r"^\s*(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})\s*$")

# the URL segment of each content folder (src/app/sitemap.ts)
MIKEBIFULCO_SEGMENTS = {"posts": "posts", "newsletters": "newsletter"}


def mikebifulco_meta(text: str, path: str) -> dict[str, object] | None:
    """The YAML front matter, with a month-day-year ``date`` written as ``YYYY-MM-DD``."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    date = fm.get("date")
    if isinstance(date, str):
        m = MDY.match(date)
        if m:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            fm = {**fm, "date": f"{year:04d}-{int(m[1]):02d}-{int(m[2]):02d}"}
    return fm


def mikebifulco_entry(base: str) -> Callable[[Post], str]:
    """``/posts/<name>`` or ``/newsletter/<name>`` under the site URL, no trailing slash."""

    def f(p: Post) -> str:
        folder = p.path.split("/")[2]
        return base.rstrip("/") + unseen.enc(f"/{MIKEBIFULCO_SEGMENTS[folder]}/{p.stem}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="mikebifulco",
        repo="mbifulco/blog",
        # `main` on 2026-08-02 09:20 -0400 ("Merge pull request #1301 from
        # mbifulco/dependabot/npm_and_yarn/postcss-8.5.25"), the snapshot's newest; built on
        # Vercel (`pnpm run build`)
        commit="8e0e22fecb2d8927b627ddbb294dd6ce4254e82e",
        site="https://mikebifulco.com/",
        generator="Next.js 16 (Pages Router, MDX via next-mdx-remote; site series pages)",
        language='en (blog posts and the issues of the "Tiny Improvements" newsletter)',
        licence="no licence stated for the posts (LICENSE is the original theme's MIT, "
        "© 2019 panr)",
        all_paths=True,
        # the blog posts and the newsletter issues, which the home feed merges
        include=r"^src/data/(posts|newsletters)/[^/]+\.mdx$",
        meta=mikebifulco_meta,
        # columns of independent entries (see SOURCES.md, Round 51)
        recurring={"JavaScript Tips", "My Product Engineer Tech Stack"},
        undeclared_parts=(
            # `Pt.2` of `Solve* all your problems with Promise.allSettled()`; no series declared
            "Promise.allSettled() Pt.2 - it's partly settled!",
        ),
        url=mikebifulco_entry("https://mikebifulco.com"),
        url_source="reconstructed: /posts/<file name> or /newsletter/<file name> under "
        "https://mikebifulco.com (src/config.ts BASE_SITE_URL), no trailing slash, as the "
        "sitemap",
    ),
]
