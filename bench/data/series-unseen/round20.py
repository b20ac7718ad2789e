"""Round 20 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

jtemporal-pt (Portuguese, Jekyll 4 with the site's own layouts and a series page generator:
Jessica Temporal's blog on Python, data science, Git, open source and developer advocacy,
2017-2026; the Portuguese edition of a bilingual site whose posts carry ``lang: pt`` or
``lang: en`` in one ``_posts`` folder). Its posts declare their series in the YAML front
matter, ``series: Dicas de Git`` and ``series_order: 5``; the series pages
(``_plugins/series_pages_generator.rb``, ``_includes/series-logic.html``) and the series box of
each post (``_includes/series-widget.html``) list a series' posts of the same language
``sort: "series_order"``, so parts are the declared numbers. ``build.py`` loads this module
after ``round19.py`` and sets ``unseen`` to itself before running it, so the blog is read by
the same reader, URL helpers and label rules as every other blog of this corpus; its rows come
last in ``corpus.jsonl``. See SOURCES.md ("Round 20") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog = unseen.Blog


# ---------------------------------------------------------------------------- helpers


def jtemporal_pt_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter of the Portuguese edition only: a post whose ``lang`` is not ``pt`` (the
    English edition, and talk pages that set no ``lang``) is not read (None, counted by the
    builder's stderr as "no front matter / no title"); a ``hidden: true`` post (the talk
    pages, kept out of every listing) counts as a draft, as littlenyima's hidden posts do."""
    fm = unseen.front_matter(text)
    if fm is None or fm.get("lang") != "pt":
        return None
    if fm.get("hidden") is True:
        fm["draft"] = True
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="jtemporal-pt",
        repo="jtemporal/jtemporal.github.io",
        commit="af5a4aed6f16fc5fc0b6de13da10b2892109eea6",
        site="https://jtemporal.com/pt/",
        generator="Jekyll 4 (site layouts, series page generator plugin)",
        language="pt (pt-BR; the English edition of the same site not read)",
        licence="no licence stated for the posts (site footer: all rights reserved); "
        "LICENCE.md is the original theme's MIT licence",
        all_paths=True,
        # `_posts/` and `_posts/YYYY/` hold both editions; `lang: pt` picks the Portuguese one
        include=r"^_posts/.+\.md$",
        meta=jtemporal_pt_meta,
        part_keys=("series_order",),
        # _config.yml: permalink /:title/ under url https://jtemporal.com; no post sets `slug`
        url=unseen.jekyll("https://jtemporal.com", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml, the file name's "
        "slug) under _config.yml url https://jtemporal.com (the posts' own links use these "
        "paths, e.g. /do-tema-ao-ar/ and /gemfile/)",
        undeclared_parts=(
            # `parte 2` with its unnumbered first, declaring no series
            "Python e suas versões: pyenv",
            "Python e suas versões: pyenv parte 2",
        ),
    ),
]
