"""Round 46 of series-unseen (added 2026-12-07): a blog whose sources declare its series.

suzumiyaaoba (Japanese, Next.js: SuzumiyaAoba's blog at suzumiyaaoba.com, 2023-09 to
2026-05: Java, Scala and Cats, Nix and Emacs, keyboards, local LLMs and coding agents,
weekly reports). The posts are the Japanese files ``content/blog/<slug>/index.md`` or
``index.mdx`` (``src/foundation/shared/lib/content-file``: a post's slug is its folder's
name; ``index.en.md(x)`` is the English edition, not read), 59 at the commit read, 6 of
them ``draft: true``; YAML front matter with ``title``, ``date`` (a date only),
``category``, ``tags``, ``thumbnail``, ``description`` and, on 9 files, ``series: "週報"``
with ``seriesOrder: 1``.

The site declares its series in ``content/series/<slug>.json`` (since the 2025-11-05
commit "refactor: シリーズ管理を JSON ベースに変更", which moved the front-matter series
into these files): a ``name`` and the ordered list of the member posts' slugs
(``posts``); ``src/foundation/entities/series-item/model/series.ts`` reads them, the series
page (``/series/<slug>/``) lists the members in that order and a member's page links to its
series. Four files: ``local-ai-agent`` (4 posts), ``scala-cats-typeclass`` (3),
``react-best-practices-skill`` (3), ``weekly-report`` (3). The front matter still declares
``series`` + ``seriesOrder`` on the four ``ローカル AI エージェントは…`` posts (written before
the move) and on the five ``週報 (N)`` posts; the JSON file of ``週報`` lists only the first
three (it was last edited on 2026-02-08, before ``週報 (4)`` and ``(5)``). A post is taken
to be in a series when either source declares it (the names agree wherever both do), and
its part is the declared ``seriesOrder``, else its position in the JSON list (the two agree
wherever both exist). The JSON lists are transcribed below (``SERIES_JSON``).

The commit read is ``41c7a9ec6dc4`` (2026-08-11 14:11 +0900), the snapshot's newest.

Four series, all of 2+: three multipart and ``週報`` (a weekly report column,
"毎週の出来事や学びをまとめる週報シリーズ") recurring, its declared numbers kept. No post is
left out beyond the drafts.

URLs: the site is a static export (``output: "export"``, ``trailingSlash: true``) under
``siteUrl: "https://suzumiyaaoba.com"`` (``package.json``); a Japanese post is served at
``/blog/post/<slug>/``, as the sitemap and the RSS items build it (``suzumiyaaoba_post``).

``build.py`` loads this module after ``round45.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
46") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# content/series/*.json at the commit read: the series' `name` and its `posts` (slugs), in
# the order the series page lists them
SERIES_JSON: dict[str, tuple[str, ...]] = {
    # local-ai-agent.json
    "ローカル AI エージェントは電気羊の夢を見るのか": (
        "2025-10-18-local-ai-agent",
        "2025-10-20-local-ai-agent",
        "2025-10-25-local-ai-agent",
        "2025-11-01-local-ai-agent",
    ),
    # react-best-practices-skill.json
    "react-best-practices": (
        "2026-01-16-react-best-practices",
        "2026-01-17-react-best-practices-bundle-size-optimization",
        "2026-01-24-react-best-practices-server-side-performance",
    ),
    # scala-cats-typeclass.json
    "Scala Cats 型クラス": (
        "2024-12-19-scala-cats",
        "2024-12-20-scala-cats-eq",
        "2024-12-21-scala-cats-order",
    ),
    # weekly-report.json (its posts (4) and (5) declare the series in front matter only)
    "週報": (
        "2026-01-25-weekly-report",
        "2026-02-01-weekly",
        "2026-02-08-weekly",
    ),
}
SERIES_OF_SLUG = {
    slug: (name, i) for name, slugs in SERIES_JSON.items() for i, slug in enumerate(slugs, 1)
}


def post_slug(path: str) -> str:
    """The post's slug: the name of its folder under ``content/blog/``."""
    return path.rsplit("/", 2)[-2]


def suzumiyaaoba_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter, with the series of ``content/series/*.json`` added: ``series`` is
    the JSON ``name`` when the front matter declares none, ``json_position`` the post's
    place in the JSON list (the part when no ``seriesOrder`` is declared)."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    listed = SERIES_OF_SLUG.get(post_slug(path))
    if listed:
        name, position = listed
        declared = fm.get("series")
        if declared not in (None, name):
            raise ValueError(f"{path}: front matter series {declared!r}, JSON {name!r}")
        order = unseen.as_int(fm.get("seriesOrder"))
        if order is not None and order != position:
            raise ValueError(f"{path}: seriesOrder {order}, JSON position {position}")
        fm = {**fm, "series": name, "json_position": position}
    return fm


def suzumiyaaoba_post(base: str) -> Callable[[Post], str]:
    """A Japanese post at ``/blog/post/<slug>/`` under the site URL."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/blog/post/{post_slug(p.path)}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="suzumiyaaoba",
        repo="SuzumiyaAoba/SuzumiyaAoba.github.io",
        # `master` on 2026-08-11 14:11 +0900 ("refactor(layout): 共通レイアウトクラスを導入し
        # 重複クラス文字列を整理"), the snapshot's newest; deployed to GitHub Pages by the
        # repository's deploy workflow (`npm run build`, static export)
        commit="41c7a9ec6dc4aca65d1ef981a5c70c60aafba47b",
        site="https://suzumiyaaoba.com/",
        generator="Next.js 16 (App Router, static export; site series pages from "
        "content/series/*.json)",
        language="ja",
        licence="no licence stated (footer: © <year> SuzumiyaAoba)",
        all_paths=True,
        # the Japanese edition of every post (index.en.md(x), the English one, is not read);
        # content/blog/<slug>/data/README.md and the like are not posts
        include=r"^content/blog/[^/]+/index\.mdx?$",
        meta=suzumiyaaoba_meta,
        part_keys=("seriesOrder", "json_position"),
        recurring={"週報"},
        url=suzumiyaaoba_post("https://suzumiyaaoba.com"),
        url_source="reconstructed: /blog/post/<folder name>/ under https://suzumiyaaoba.com "
        "(package.json siteConfig, trailingSlash), as the sitemap and RSS items",
    ),
]
