"""Round 65 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

sirtetris (English, Jekyll with site layouts and no theme: Tarek Saier's site at
sirtetris.com, 2011 to 2026: learning Japanese and its kanji, a year as an exchange student
at Matsuyama University, research stays at the National Institute of Informatics and the
University of Tokyo, working in Japan, Linux, small programming projects; three posts in
German). The posts are ``_posts/<date>-<id>.md`` (107 files, named by an eight-character
id); there are no drafts and no post sets ``published``.

A post's front matter sets ``tags`` as one string of words (``japanese travel education
MYJ15 JAmonthly``), which Jekyll splits on white space into the post's tags
(``sirtetris_meta`` does the same). ``_data/blog_series.yml`` names five series, each by a
title and a tag: ``In Japan`` (``JAmonthly``), ``Working in Japan`` (``JPpr``), ``Two
months at 東京大学`` (``UTYO22``), ``Nine months at the 国立情報学研究所`` (``NII17``) and
``A year at 松山大学`` (``MYJ15``). ``blog.md`` lists them under "Series" (title, post
count, first and last month), each linked to ``/s/<tag>``; ``s/<tag>.md`` are symbolic
links to ``s/_series_by_fn.md``, which heads the page with the series' title and shows
every post of ``site.posts`` (newest first) whose tags contain the tag, as a grid of
unnumbered thumbnails. A post's own page (``_layouts/post.html``) shows no series box and
no tags. Every post tagged ``MYJ15``, ``NII17``, ``UTYO22`` or ``JPpr`` is also tagged
``JAmonthly``, so ``In Japan`` is an umbrella over the other four, plus the two Ōsaka posts
in none of them.

Labels: a post's series is the innermost series it is declared in: its sub-series tag when
it carries one (no post carries two), else ``JAmonthly`` (``sirtetris_series``). The label is
the tag as written, the value the posts declare. No number is declared, so the parts are
the date ranks, except in ``MYJ15``, ``NII17`` and ``UTYO22`` (``unordered``): each opens with
an introductory post (``A year at 松山大学``, …) and numbers its monthly reports 〔一〕, 〔二〕,
… in the title, so report N is rank N+1, which the marker check (it reads ``（）`` and ``()``,
not ``〔〕``) cannot see.

Left out (``undeclared_parts``): the kanji checkpoints ``漢字 — 100+`` … ``漢字 — 2100+`` and
``r--漢字 — 100+`` … ``400+`` (a numbered progress column, tag ``kanji``, no series declared).

The commit read is ``e570126f8c17`` (2026-01-11 10:56 +0900), the newest on ``master``, the
snapshot's only branch (a pull request's head is not read).

URLs: ``_config.yml`` gives the ``posts`` collection ``permalink: /a/:title`` under ``url:
https://sirtetris.com``; ``:title`` is the file name's id (the posts link each other as
``/a/<id>``); no post sets ``permalink`` or ``slug``.

``build.py`` loads this module after ``round64.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
65") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# _data/blog_series.yml: the umbrella's tag and its four sub-series' tags
UMBRELLA = "JAmonthly"
SUB_SERIES = ("JPpr", "UTYO22", "NII17", "MYJ15")


def sirtetris_meta(text: str, path: str) -> dict[str, object] | None:
    """The YAML front matter, its ``tags`` string split on white space as Jekyll does."""
    fm = unseen.front_matter(text)
    if fm is not None and isinstance(fm.get("tags"), str):
        fm = {**fm, "tags": fm["tags"].split()}
    return fm


def sirtetris_series(fm: dict[str, object]) -> list[str]:
    """The innermost declared series: the sub-series tag, else the umbrella's, else none."""
    tags = unseen.as_list(fm.get("tags"))
    inner = [t for t in SUB_SERIES if t in tags]
    return inner or ([UMBRELLA] if UMBRELLA in tags else [])


KANJI_CHECKPOINTS = tuple(f"漢字 — {n}+" for n in range(100, 2200, 100)) + tuple(
    f"r--漢字 — {n}+" for n in range(100, 500, 100)
)

# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="sirtetris",
        repo="IllDepence/sirtetris.com_2021_jekyll",
        # `master` on 2026-01-11 10:56:39 +0900 ("fix link"), the snapshot's only branch
        commit="e570126f8c17f4ed1dc6c58a3fede16c139e97d2",
        site="https://sirtetris.com/",
        generator="Jekyll (site layouts, series pages from _data/blog_series.yml tags)",
        language="en",
        licence="WTFPL (COPYING; imprint page: the source of this website)",
        include=r"^_posts/\d{4}-\d{2}-\d{2}-[^/]+\.md$",
        meta=sirtetris_meta,
        series_of=sirtetris_series,
        unordered={
            "MYJ15": "opens with `A year at 松山大学`, so `松山大学〔N〕` is rank N+1; the "
            "marker check does not read 〔〕",
            "NII17": "opens with `Six months at the 国立情報学研究所`, so `国立情報学研究所〔N〕` "
            "is rank N+1; the marker check does not read 〔〕",
            "UTYO22": "opens with `Two months at 東京大学`, so `東京大学〔N〕` is rank N+1; "
            "the marker check does not read 〔〕",
        },
        # a numbered progress column of kanji checkpoints (2013-06 to 2022-04, tag `kanji`),
        # no series declared
        undeclared_parts=KANJI_CHECKPOINTS,
        url=unseen.jekyll("https://sirtetris.com", "/a/:title"),
        url_source="reconstructed: Jekyll posts collection permalink /a/:title (_config.yml; "
        "the file name's id) under https://sirtetris.com",
    ),
]
