"""Round 44 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

avonture (English, Docusaurus: Christophe Avonture's (cavo789) blog at www.avonture.be,
"Personal blog about Docker, WSL, Python, Quarto, PHP, Joomla, Docusaurus and even more",
2023-11 to 2026-07: Docker and devcontainers, WSL and Linux, Quarto, Joomla, PHP and Python
tooling, Oracle, VBA, Docusaurus components). The posts are the Docusaurus blog plugin's
files under ``blog/`` (``docusaurus.config.js``: preset ``classic``, ``blog.routeBasePath:
"/blog"``; a post is ``blog/<yyyy>/<mm>/<dd>/<folder>/index.md`` or ``index.mdx``), 245 at
the commit read; YAML front matter with ``slug``, ``title``, ``date`` (a date only, the
folder's date), ``description``, ``authors``, ``image``, ``tags``, ``mainTag`` and, on 57
posts, ``series: Discovering Quarto``. The site's own components read it:
``src/components/Blog/SeriesPosts`` shows under a member "This article is part of the
<series> series:" and lists the members sorted by ``date`` (a stable sort over
``require.context``'s path order, so same-day members keep their path order, as the
builder's tie-break does); ``src/pages/series.mdx`` and the ``docusaurus-plugin-series-route``
plugin list every series and its members (``src/data/series.js`` describes the names). No
number is declared, so parts are date ranks.

The commit read is ``350fdf2ebb24`` (2026-08-01 18:04 +0200), the last one before the
August 2026 reorganisation of the series: the next commit (``66e9b42e``, 2026-08-02)
attached 17 older posts to existing series and added the ``Ollama daily-use functions``
series, and ``ce17a52b`` (2026-08-08) created 12 new series of topical "clusters" of
orphan posts (VSCode tips, ZSH, Bash, ...; 93 posts), both planned by the repository's
``.todos`` notes (``070 — Nouvelles séries à créer à partir des articles orphelins``); see
SOURCES.md, "Round 44", Doubtful.

Twelve series, all of 2+ and all multipart (57 posts); no post is a draft or unlisted and
none is left out.

URLs: the blog plugin serves a post whose front matter sets ``slug`` (all 245 do, none
with a leading slash) at ``/blog/<slug>`` (no trailing slash: ``trailingSlash`` is not
set), under ``url: "https://www.avonture.be"`` and ``baseUrl: "/"`` (``docusaurus_slug``);
``src/components/Blog/utils/posts.js`` builds the same permalinks for the series lists.

``build.py`` loads this module after ``round43.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
44") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def docusaurus_slug(base: str, route: str) -> Callable[[Post], str]:
    """Docusaurus blog plugin: a post with a front-matter ``slug`` (not starting with a
    slash) is served at ``<routeBasePath>/<slug>``, without a trailing slash."""

    def f(p: Post) -> str:
        slug = str(p.fm["slug"]).strip().strip("/")
        return base.rstrip("/") + unseen.enc(f"{route.rstrip('/')}/{slug}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="avonture",
        repo="cavo789/blog",
        # `main` on 2026-08-01 18:04 +0200 ("doc: unpublished doc"), deployed by the
        # repository's deploy workflow (`yarn build`): the last commit before the series
        # were reorganised (66e9b42e attached 17 older posts to existing series, ce17a52b
        # created 12 topical series of orphan posts; the snapshot's newest is ba0dd5f7ee80
        # of 2026-08-20)
        commit="350fdf2ebb24eb3b35114743a2d798f266645bd5",
        site="https://www.avonture.be/",
        generator="Docusaurus 3 (blog plugin, site series components and series pages)",
        language="en",
        licence="MIT (repository LICENSE, 2024 Christophe Avonture; footer: Copyright © "
        "Christophe Avonture)",
        all_paths=True,
        # the blog plugin's posts (blog/<yyyy>/<mm>/<dd>/<folder>/index.md(x)); the drafts
        # kept in the root `.unpublished/` folder are outside `blog/`
        include=r"^blog/\d{4}/\d{2}/\d{2}/[^/]+/index\.mdx?$",
        # parts: date ranks (the series lists sort by `date`, no number declared)
        url=docusaurus_slug("https://www.avonture.be", "/blog"),
        url_source="reconstructed: Docusaurus blog plugin routeBasePath /blog + front-matter "
        "slug (docusaurus.config.js) under url https://www.avonture.be",
    ),
]
