"""Round 16 of series-unseen (added 2026-12-06): blogs whose posts declare their series.

mincong (English, Jekyll with the TeXt theme: Mincong Huang's blog on Java, Maven, JAX-RS,
Git and Elasticsearch, 2016-2025). Its posts declare ``series: [<key>]`` (a one-element list)
in the YAML front matter of ``_posts/*.md``; each key has a page in the ``_series``
collection (``layout: series``) that lists ``site.posts | where: "series", page.series``
with their dates and no numbers, so parts are date ranks. ``build.py`` loads this module
after ``round15.py`` and sets ``unseen`` to itself before running it, so the blog is read
by the same reader, URL helpers and label rules as every other blog of this corpus; its
rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 16") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog = unseen.Blog


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="mincong",
        repo="mincong-h/mincong-h.github.io",
        commit="636397b32ee5a71160bbe6aaa0a10fe465256f58",
        site="https://mincong.io/",
        generator="Jekyll (jekyll-TeXt-theme)",
        language="en",
        licence="CC BY 4.0 (_config.yml `license`, shown in every article's footer)",
        all_paths=True,
        # the English posts only: `_cn/` is a collection of Chinese versions of some of them
        # (translations, not read); `_series/`, `_displayed_*_categories/` are index pages
        include=r"^_posts/[^/]+\.(md|markdown)$",
        # `_config.yml` `permalink: /en/:title/` (the file name's slug); 167 of the 209 posts
        # set a front-matter `permalink` (`/2018/08/29/maven-compiler-plugin-understanding/`),
        # which wins
        url=unseen.jekyll("https://mincong.io", "/en/:title/"),
        url_source="reconstructed: front matter permalink field when set (167 posts), else "
        "_config.yml permalink /en/:title/ (file name slug), under _config.yml url "
        "https://mincong.io",
        undeclared_parts=(
            # titles that number their posts, no series declared (the lone "Review 1" left
            # out with them, as earlier rounds left out lone part 1s)
            "OCA Review 1 - Java Basics",
            "OCA Review 2 - Java Core APIs",
            "OCA Review 3 - Online Test Chapter 1",
            "OCA Review 4 - Online Test Chapter 2",
            "OCA Review 5 - Online Test Chapter 3",
            "OCA Review 6 - Online Test Chapter 4",
            "OCA Review 7 - Online Test Chapter 5",
            "OCA Review 8 - Notes",
            "Web App Security - Review 1",
            "Security Training Day 1",
            "Security Training Day 2",
            "Security Training Day 3",
        ),
    ),
    Blog(
        id="heliomedeiros",
        repo="helmedeiros/blog",
        commit="fdf9b4288d56faa640505abaf01c749457c8b873",
        site="https://blog.heliomedeiros.com/pt/",
        generator="Hugo (beautifulhugo)",
        language="pt (pt-BR; the English edition of the same posts not read)",
        licence="MIT (repository LICENSE, 2018 Helio Medeiros)",
        all_paths=True,
        # the Portuguese site only: `content/en/posts` (228 files, the same file names) is
        # the English edition, one translation per post; `content/pt/series/*.md` are the
        # series' term pages, not posts
        include=r"^content/pt/posts/[^/]+\.md$",
        part_keys=("series_order",),
        # no [permalinks] in config.toml: the content path, /pt/posts/<file name or slug>/
        # (pt is not the default language, so it is served under /pt/)
        url=unseen.hugo_path("https://blog.heliomedeiros.com", "content/pt/", "/pt/"),
        url_source="reconstructed: Hugo content path /pt/posts/<file name>/ (front-matter "
        "slug honoured; no permalinks rule) under config.toml baseurl "
        "https://blog.heliomedeiros.com/ and the pt language directory",
    ),
]
