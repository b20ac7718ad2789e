"""Round 53 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

blakeadams (English, Gatsby: Blake Adams's site at blakeadams.io, 2016-01 to 2020-09: case
studies of his Rails side project Mars, a development journal of DREAM, an online assessment
system he built at work, freelancing, personal finance, fitness, goal setting, and a run of
career tips for software developers). The blog's posts are the Markdown files
``content/posts/<N>~<name>/<N>~<name>.md``, 62 at the commit read; the site's blog page
(``src/pages/blog.js``) lists every file under ``/posts/`` by ``date``. The book notes
(``content/booknotes/``, listed on their own ``/booknotes`` page), the project pages
(``content/projects/``), ``content/recentworks/`` and the unsourced ``content/preview/`` are
not blog posts and are not read. No post sets a draft or published flag.

``series`` names a series (``''`` for none): ``gatsby-node.js`` creates one page per series
name at ``/series/<kebab-case name>/`` (``src/templates/series.js``: "<name> Posts", the
description from ``src/utils/seriesdictionary.js``, the members newest first, without
numbers), the blog page lists the series with their post counts (``SeriesItem``), and a post's
page shows its series box and heads its title with the series name. The label is the declared
name as written; no number is declared (the ``<N>~`` of a file name is the post's number on
the whole site, not its part), so parts are date ranks.

The commit read is ``29444afc307f`` (2020-10-29 16:12 -0400), the newest on ``master``.

URLs: ``gatsby-node.js`` makes a post's path its file name without the ``<N>~`` prefix (the
``[0-9]+~(.+)`` match) and ``.md``; the post template builds the post's canonical URL
(``og:url``, the share links, the comments) as ``siteUrl + "/" + slug``, with ``siteUrl``
``https://www.blakeadams.io`` (``gatsby-config.js``), without a trailing slash
(``blakeadams_post``).

``build.py`` loads this module after ``round52.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
53") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# gatsby-node.js: `const ignoreBlogNumber = new RegExp("[0-9]+~(.+)")`, the slug its group
BLAKEADAMS_SLUG = re.compile(r"[0-9]+~(.+)")


def blakeadams_post(base: str) -> Callable[[Post], str]:
    """``/<slug>`` under the site URL, the slug the file name after its ``<N>~`` prefix, no
    trailing slash (the post template's ``siteUrl + "/" + slug``)."""

    def f(p: Post) -> str:
        m = BLAKEADAMS_SLUG.search(p.stem)
        slug = m[1] if m else p.stem
        return base.rstrip("/") + unseen.enc(f"/{slug}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="blakeadams",
        repo="Trepkos01/personal-website",
        # `master` on 2020-10-29 16:12 -0400 ("Fixing relative link issues with new changes
        # to Gatsby."), the snapshot's newest on `master` (the other branches are Dependabot's)
        commit="29444afc307f2767881376c8dedc5e9dc9e492f2",
        site="https://www.blakeadams.io/",
        generator="Gatsby 2 (gatsby-transformer-remark; site series pages and series box)",
        language="en",
        licence="no licence stated for the posts (LICENSE is the Gatsby starter's MIT, "
        "© 2015 gatsbyjs)",
        all_paths=True,
        # the blog's posts only (src/pages/blog.js: `fileAbsolutePath` under /posts/)
        include=r"^content/posts/[^/]+/[^/]+\.md$",
        url=blakeadams_post("https://www.blakeadams.io"),
        url_source="reconstructed: /<file name without its N~ prefix> under "
        "https://www.blakeadams.io (gatsby-config.js siteUrl, gatsby-node.js slug), no trailing "
        "slash, as the post template's canonical URL",
    ),
]
