"""Round 18 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

chemaclass-es (Spanish, Zola: Jose Maria Valera Reales' ("Chemaclass") blog on software
craftsmanship, TDD, leadership, agile, Bitcoin and AI agents, 2019-2026; the Spanish edition of
a bilingual site whose default language is English). Its posts declare their series in the
``[extra]`` table of the TOML front matter, ``series = "craftsmanship"`` and
``series_order = 5``; the site's series pages (``templates/series/single.html``) and the
series box of each post (``templates/partials/series-navigation.html``) list a series' posts
sorted by ``extra.series_order``, so parts are the declared numbers. ``build.py`` loads this
module after ``round17.py`` and sets ``unseen`` to itself before running it, so the blog is
read by the same reader, URL helpers and label rules as every other blog of this corpus; its
rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 18") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def zola_extra_meta(text: str, path: str) -> dict[str, object] | None:
    """TOML front matter, with the ``[extra]`` table's ``series`` and ``series_order`` lifted
    to the top level, where the builder's default series reader and ``part_keys`` look (Zola
    keeps theme-defined fields under ``extra``; the ``taxonomies`` table is read by the
    builder already)."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    extra = fm.get("extra")
    if isinstance(extra, dict):
        fm = {
            **fm,
            "series": extra.get("series"),
            "series_order": extra.get("series_order"),
        }
    return fm


# Zola takes a page's date from a `YYYY-MM-DD-` (or `_`) prefix of its file name and drops it
# from the slug; `<name>.es.md` is the page's `es` translation
ZOLA_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}[-_]")


def zola_translation(base: str, section: str, lang: str) -> Callable[[Post], str]:
    """Zola's permalink of a translated page of a section: ``/<lang>/<section>/<slug>/``, the
    slug being the file name without the language suffix, the extension and the date prefix
    (front-matter ``path`` or ``slug`` would win; no post of the blog sets either)."""

    def f(p: Post) -> str:
        if isinstance(p.fm.get("path"), str):
            return base.rstrip("/") + unseen.enc("/" + str(p.fm["path"]).strip("/") + "/")
        name = p.path.rsplit("/", 1)[-1]
        name = re.sub(rf"\.{lang}\.md$", "", name)
        slug = str(p.fm.get("slug") or ZOLA_DATED.sub("", name))
        return base.rstrip("/") + unseen.enc(f"/{lang}/{section}/{slug}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="chemaclass-es",
        repo="Chemaclass/chemaclass.com",
        commit="d0b2336f96ccf1b6ec242805b6147c7b76c7f7bb",
        site="https://chemaclass.com/es/",
        generator="Zola (site templates)",
        language="es (the English edition of the same posts, the default language, not read)",
        licence="posts CC BY-NC 4.0 (repository LICENSE, scope content/); code MIT",
        all_paths=True,
        # the Spanish edition only: `<date>-<name>.md` beside each `<date>-<name>.es.md` is
        # the English original (the site's default language), one translation per post;
        # `content/series/*.md` are the series' pages, `content/readings`, `talks`, `books`
        # are other sections (book notes, talks), not blog posts
        include=r"^content/blog/[^/]+\.es\.md$",
        meta=zola_extra_meta,
        part_keys=("series_order",),
        # config.toml: base_url https://chemaclass.com, default_language "en", [languages.es];
        # no page sets `path` or `slug`
        url=zola_translation("https://chemaclass.com", "blog", "es"),
        url_source="reconstructed: Zola translated-page path /es/blog/<file name without the "
        "date prefix and .es.md>/ under config.toml base_url https://chemaclass.com (the "
        "posts' own links use these paths, e.g. /es/blog/tdd-vs-bdd/)",
    ),
]
