"""Round 45 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

duyet (Vietnamese and English, the blog app of a TanStack Start/Next.js monorepo: Duyet Le's
blog at blog.duyet.net, 2015-01 to 2026-08: web development, Git, Node.js and PHP notes in
Vietnamese in 2015-2016, then data engineering, Spark, ClickHouse, Rust, Kubernetes and,
from 2026, coding agents, mostly in English). The posts are every Markdown/MDX file under
``apps/blog/_posts/`` (``packages/libs/getPost.ts``: ``getPostPaths`` walks the folder
recursively, ``.md`` and ``.mdx``), 318 at the commit read; YAML front matter with
``title``, ``date`` (a date only), ``category``, ``tags``, ``slug`` (required, checked
against ``/yyyy/mm/slug``), ``description`` and, on 37 files, ``series: ClickHouse on
Kubernetes``. ``packages/libs/getSeries.ts`` groups the posts by ``series`` and sorts each
series by ``date``; ``apps/blog/src/routes/series/$slug.tsx`` lists a series and
``components/post/SeriesNav.tsx`` shows "Previous/Next in series" under a member
(``lib/posts.ts`` ``getSeriesNavigation``: the members sorted by date). No number is
declared, so parts are date ranks. Drafts live in ``apps/blog/_drafts/``, outside the posts
folder; no post sets ``draft``.

The commit read is ``a3dd9595b21d`` (2026-08-21 15:13 +0700), the snapshot's newest.

Five series, all of 2+ and all multipart. Fourteen posts whose titles number a run that
declares no series are left out (``undeclared_parts``): the ten ``JavaScript Weekly #N``
link roundups, the ``Botpress - Phần 1/2`` pair, a lone ``React + Redux cơ bản - Phần 1``
and ``Đánh giá hệ thống Information Retrieval (tiếp theo)`` ("continued"). The twelve
chapter pages of the hub post ``Coding Agents`` (``parent: /2026/01/coding-agent``: eleven
split out of it on 2026-06-15 and dated 2026-01-01 like the hub, ordered by its ``parts:``
list, and one added 2026-06-18) are left out too: the blog's listings (home, archives,
tags, search) skip pages with a ``parent``, so they are sections of one article, not posts.
``AI Harness Engineering`` is ``unordered``: the site's series list and navigation also
count those chapter pages, so the date ranks of the kept members are not the numbers the
site shows.

URLs: the site serves a post at its front-matter ``slug`` (``/yyyy/mm/<name>``, no
trailing slash; the canonical link of ``src/routes/$year/$month/$slug/index.tsx`` and the
RSS items of ``scripts/generate-static-files.ts`` are ``https://blog.duyet.net`` + the slug,
``.html`` dropped; no slug ends so) (``duyet_slug``).

``build.py`` loads this module after ``round44.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
45") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def duyet_slug(base: str) -> Callable[[Post], str]:
    """The post's front-matter ``slug`` (``/yyyy/mm/<name>``) under the site URL, a
    trailing ``.html`` dropped as the feeds and canonical links do."""

    def f(p: Post) -> str:
        slug = re.sub(r"\.html$", "", str(p.fm["slug"]).strip())
        return base.rstrip("/") + unseen.enc("/" + slug.lstrip("/"))

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="duyet",
        repo="duyet/monorepo",
        # `master` on 2026-08-21 15:13 +0700 ("chore(kb): sync content submodule (#1345)"),
        # the snapshot's newest commit; the blog is the monorepo's `apps/blog`
        commit="a3dd9595b21d9298aafdbc7664777e44b172b0e6",
        site="https://blog.duyet.net/",
        generator="TanStack Start (the monorepo's blog app; posts read by packages/libs, "
        "site series pages and series navigation)",
        language="vi + en (Vietnamese 2015-2016, mostly English later)",
        licence="MIT (repository LICENSE, 2023 Duyet Le); no separate licence stated for the posts",
        all_paths=True,
        include=r"^apps/blog/_posts/.+\.mdx?$",
        drop={
            # the hub post's chapter pages (`parent: /2026/01/coding-agent`): the blog's
            # listings skip pages with a parent; they are sections of one article
            "apps/blog/_posts/2026/01/coding-agent/": "chapter page of a hub post "
            "(`parent:`), not listed as a post",
        },
        undeclared_parts=(
            # a numbered weekly link column of 2016-05 to 2016-12, no series declared
            # (like systemoverlord's `Weekly Reading List for …`, first rounds)
            *(f"JavaScript Weekly #{n}" for n in (1, 2, 3)),
            *(f"Javascript Weekly #{n}" for n in range(4, 11)),
            # "Phần N" ("Part N"): a two-part run and a lone part 1, no series declared
            "Botpress - Phần 1: Init Chatbot",
            "Botpress - Phần 2: Coding",
            "React + Redux cơ bản - Phần 1: Component, JSX, Props & State",
            # "(tiếp theo)" ("continued"): the sequel of a member of the declared
            # `Information Retrieval` series, itself declaring none
            "Đánh giá hệ thống Information Retrieval (tiếp theo)",
        ),
        unordered={
            "AI Harness Engineering": "the site's series list and navigation also hold "
            "the hub post's twelve chapter pages (left out here; eleven dated "
            "2026-01-01 like the hub, one 2026-06-18), so the date ranks of the kept "
            "members are not the site's numbers",
        },
        # parts: date ranks (the series pages and navigation sort by `date`, no number)
        url=duyet_slug("https://blog.duyet.net"),
        url_source="reconstructed: front-matter slug (/yyyy/mm/name) under "
        "https://blog.duyet.net, as the canonical links and RSS items",
    ),
]
