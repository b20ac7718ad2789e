"""Round 31 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

wei-lee (Traditional Chinese, Pelican 4.12 with the attila theme, the pelican-series and
i18n_subsites plugins: Wei Lee's "不寫下來的東西都會被遺忘" at blog.wei-lee.me, a Taiwanese
Python developer's blog on Python tooling, Line bots, conferences and sprints, contributing
to Apache Airflow and CPython, book notes and everyday life, 2013-2026). The sources are
Pelican Markdown files ``content/posts/<category>/<year>/NN-<name>.md`` (two in
reStructuredText) whose metadata header declares the series, ``Series: Python Table
Manners``, read by the pelican-series plugin (``pelicanconf.py`` ``PLUGINS``), which lists a
series' articles under each member and orders them by ``series_index`` when set, else by
their date and time; no post sets ``series_index``, so parts are date ranks (the two
same-day pairs are in the same order by path as by time). The site's ``series_list`` page
lists every series.

The site is bilingual through i18n_subsites: the Traditional Chinese site (``Lang: zh-tw``,
``DEFAULT_LANG``) at the root, an English subsite under ``/en/``. With
``I18N_UNTRANSLATED_ARTICLES = "remove"`` the plugin removes the 24 ``Lang: en`` posts (none
of them a translation of a Chinese post) from the main site, so this module reads the main
site only: ``wei_lee_meta`` reads a post's header with the builder's ``pelican_meta`` and
returns None for a post that is not ``zh-tw``. One post is ``Status: draft``. The 46 weekly
``YYYY/MM/DD - MM/DD 開源貢獻週報`` posts (open-source contribution reports, tag
``開源貢獻週報``, 2025-02 to 2026-06) are an undeclared weekly column titled by its week and are
left out (``undeclared_parts``), as round 29 left out tbsmcd's weekly training notes.

URLs: ``publishconf.py`` ``SITEURL`` https://blog.wei-lee.me (``HOST``), ``ARTICLE_URL =
"posts/{category}/{date:%Y}/{date:%m}/{slug}/"``: the category's slug (``Tech`` ->
``tech``, ``Random Thoughts`` -> ``random-thoughts``), the date's year and month and the
declared ``Slug`` as written (every post sets one; ``wei_lee_url``).

``build.py`` loads this module after ``round30.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
31") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def wei_lee_meta(text: str, path: str) -> dict[str, object] | None:
    """The Pelican metadata of a post of the main (Traditional Chinese) site only: a post
    whose ``Lang`` is not ``zh-tw`` (the English subsite's posts, which i18n_subsites removes
    from the main site) is not read (None, counted by the builder's stderr as "no front
    matter / no title"), as round 20 read only jtemporal's ``lang: pt`` posts."""
    meta = unseen.pelican_meta(text, path)
    if meta is None or meta.get("lang") != "zh-tw":
        return None
    return meta


SITE = "https://blog.wei-lee.me"
ARTICLE_URL = "posts/{category}/{date:%Y}/{date:%m}/{slug}/"


def wei_lee_url(p: Post) -> str:
    """Pelican ``ARTICLE_URL`` with ``{category}``: the category's slug (Pelican's slugify of
    the declared ``Category``), then the builder's ``pelican`` rule for the date and slug."""
    category = unseen.pelican_slug(str(p.fm.get("category") or ""))
    return unseen.pelican(SITE, ARTICLE_URL.replace("{category}", category))(p)


# the weekly open-source contribution reports (`<week> 開源貢獻週報`), 2025-02 to 2026-06, as
# titled (a few weeks are missing, some reports cover several weeks): a dated weekly column
# that declares no series
WEEKLY_REPORTS = (
    "2025/01/27 - 02/03",
    "2025/02/04 - 02/09",
    "2025/02/10 - 02/16",
    "2025/02/17 - 02/23",
    "2025/02/24 - 03/02",
    "2025/03/17 - 03/23",
    "2025/03/24 - 03/30",
    "2025/03/31 - 04/06",
    "2025/04/07 - 04/13",
    "2025/04/14 - 05/04",
    "2025/05/05 - 05/11",
    "2025/05/12 - 05/18",
    "2025/05/19 - 05/25",
    "2025/05/26 - 06/01",
    "2025/06/02 - 06/08",
    "2025/06/09 - 06/15",
    "2025/06/16 - 06/22",
    "2025/06/23 - 06/29",
    "2025/06/30 - 07/06",
    "2025/07/07 - 08/03",
    "2025/08/04 - 08/10",
    "2025/08/11 - 08/17",
    "2025/08/18 - 08/24",
    "2025/08/25 - 08/31",
    "2025/09/08 - 10/19",
    "2025/10/27 - 11/2",
    "2025/11/03 - 11/09",
    "2025/11/10 - 11/16",
    "2025/11/17 - 11/23",
    "2025/11/24 - 11/30",
    "2025/12/01 - 12/07",
    "2025/12/08 - 12/14",
    "2025/12/15 - 01/04",
    "2026/01/05 - 01/11",
    "2026/01/12 - 01/18",
    "2026/01/19 - 01/25",
    "2026/02/02 - 02/08",
    "2026/02/09 - 03/08",
    "2026/03/09 - 03/15",
    "2026/03/16 - 03/22",
    "2026/3/23 - 5/3",
    "2026/5/4 - 5/10",
    "2026/05/11 - 05/17",
    "2026/5/18 - 5/24",
    "2026/5/25 - 5/31",
    "2026/6/1 - 6/7",
)


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="wei-lee",
        repo="Lee-W/main-blog",
        # `main` (the default branch); the site is built by `tasks.py` and deployed to
        # Cloudflare (`wrangler.toml`), no built output in the repository
        commit="e0162df747c60eeefac998fb1da36dd464865399",
        site="https://blog.wei-lee.me/",
        generator="Pelican 4.12 (Markdown + reStructuredText, attila theme, series plugin, "
        "i18n_subsites)",
        language="zh-TW (Traditional Chinese; the English subsite's 24 English-only posts "
        "not read)",
        licence="CC BY-SA 4.0 (site copyright page and pelicanconf.py CC_LICENSE: the "
        "author's texts and photos; third-party material excluded)",
        all_paths=True,
        # the articles `content/posts/{tech,book,random-thoughts}/<year>/*.md|rst`; the pages
        # (`content/pages/`), places data and static files are not posts
        include=r"^content/posts/.+\.(md|rst)$",
        meta=wei_lee_meta,
        part_keys=("series_index",),
        undeclared_parts=tuple(f"{week} 開源貢獻週報" for week in WEEKLY_REPORTS),
        # parts: date ranks (pelican-series orders by date and time; no `series_index`); no
        # series is a column
        url=wei_lee_url,
        url_source="reconstructed: Pelican ARTICLE_URL posts/{category}/{date:%Y}/{date:%m}/"
        "{slug}/ (pelicanconf.py; category slug, declared Slug) under publishconf.py "
        "SITEURL https://blog.wei-lee.me",
    ),
]
