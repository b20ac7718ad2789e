"""Round 43 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

kdkdhoho (Korean, Gatsby 5 on gatsby-starter-blog: 김동호 (kdkdhoho)'s "김동호 블로그" at
kdkdhoho.github.io, "백엔드 개발과 학습 내용을 기록하는 김동호의 기술 블로그", 2022-12 to 2026-02:
Java and Spring, MySQL, HTTP and networks, infrastructure and CI/CD, interview and book
studies, algorithms, retrospectives, English tutoring reviews). The posts are every Markdown
file under ``content/blog/`` (``gatsby-config.js``'s ``gatsby-source-filesystem`` source
``blog``; a post is ``content/blog/<folders>/<slug>/index.md``); YAML front matter with
``title``, ``date`` (a date only), ``description``, ``tags``, ``draft`` and, on 42
published posts, ``series: "Real MySQL 8.0"``. ``gatsby-node.js`` makes a page for every post whose
``draft`` is not true and a page ``/series/<slug>`` for every ``series`` value
(``src/templates/series.js``: the members sorted by ``date``, numbered oldest first);
``src/templates/blog-post.js`` shows "📚 <series> 시리즈" under a member's title, linking its
series page; ``src/pages/series.js`` lists the series. No number is declared, so parts are
date ranks.

The commit read is ``e4c8043738b3`` (2026-02-14 12:35 +0900), the last one whose site has
the series pages: the next commit (``7df08f45``, "블로그 UI 전면 개편", the same day) removed
``src/templates/series.js``, ``src/pages/series.js`` and the series link, while the posts
keep their ``series`` lines (see SOURCES.md, "Round 43", Doubtful).

Seven series of 2+ and three single-post series, all multipart (42 posts); five posts
whose titles number an undeclared run are left out; ``그림으로 배우는 Http & Network
Basic`` is ``unordered`` (its tenth member is titled ``11장``).

URLs: Gatsby's ``createFilePath`` (``gatsby-node.js`` ``onCreateNode``) gives each post the
slug ``/<path under content/blog without index.md>/`` (folders as written, Korean, spaces
and punctuation kept; no post sets a slug), which ``createPages`` uses as the page path and
the RSS feed as its link, under ``siteUrl: https://kdkdhoho.github.io`` (``gatsby_file_path``).

``build.py`` loads this module after ``round42.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
43") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def gatsby_file_path(base: str, root: str) -> Callable[[Post], str]:
    """gatsby-source-filesystem's ``createFilePath``: the file's path under the source
    folder, ``.md`` dropped and an ``index`` name dropped with it, between slashes; the
    folder names are kept as written (no slugging), then percent-encoded."""

    def f(p: Post) -> str:
        rel = re.sub(r"(/index)?\.md$", "", p.path[len(root) :])
        return base.rstrip("/") + unseen.enc(f"/{rel}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="kdkdhoho",
        repo="kdkdhoho/kdkdhoho.github.io",
        # `main` on 2026-02-14 12:35 +0900 ("infra: CI/CD 배포 스크립트 개선"), built by the
        # repository's Pages workflow: the last commit with the series pages (the next one,
        # 7df08f45, removed them; the snapshot's newest is 4810e3c6ab8c of 2026-03-19)
        commit="e4c8043738b36f9beda991792fc71d5c27ae8326",
        site="https://kdkdhoho.github.io/",
        generator="Gatsby 5 (gatsby-starter-blog, site series pages)",
        language="ko (some titles en)",
        licence="no licence stated for the posts (LICENSE is gatsby-starter-blog's 0BSD)",
        all_paths=True,
        include=r"^content/blog/.+\.md$",
        unordered={
            "그림으로 배우는 Http & Network Basic": "ten members titled `1장` … `9장` and "
            "`11장. 웹 공격 기술` (no `10장` was posted): the site numbers the last one 10, "
            "its title says chapter 11; the marker check does not read `N장`",
        },
        undeclared_parts=(
            # a three-part run of 2024-07-03/05/06, numbered in its titles, no series declared
            "Java Thread 1 - Java의 Thread에 대해 알아보자",
            "Java Thread 2 - Java Thread의 상태와 행동을 제어하는 방법",
            "Java Thread 3 - Thread 동기화하기",
            # a project's course-week retrospectives (weeks 1-2, 3-6), no series declared,
            # like round 23's `부스트캠프 7기 1,2주차 회고` …
            "ListyWave 프로젝트 1, 2주차 회고록",
            "ListyWave 프로젝트 3~6주차 회고록",
        ),
        url=gatsby_file_path("https://kdkdhoho.github.io", "content/blog/"),
        url_source="reconstructed: gatsby-source-filesystem createFilePath (the path under "
        "content/blog, index.md dropped) under siteUrl https://kdkdhoho.github.io "
        "(gatsby-config.js)",
    ),
]
