"""Round 23 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

chrisrhymes (English, Jekyll 4 with the author's own bulma-clean-theme gem and its series
include: C.S. Rhymes' blog on PHP, Laravel, JavaScript, Jekyll themes, web development and
writing and self-publishing books, 2014-2026). Its posts declare their series in the YAML
front matter, ``series: php_fundamentals_series``, a key of ``_data/<key>.yml``, which titles
the series and lists its members' titles; the theme's ``_includes/series.html`` shows that
list on each member, unnumbered, in the data file's order. No number is declared; the data
files' order is the members' date order, so parts are date ranks.

kasterra (Korean, Jekyll 3.9 with the Jekflix template and the site's own series include: a
front-end developer's blog "Kasterra's Archive" on React, JavaScript, CSS, algorithms, Jekyll
and career notes, 2020-2026). Its posts declare ``series: 정규식`` in the YAML front matter;
``_includes/series.html`` numbers a member "N번째 포스트" in ``site.posts reversed`` order
(date ascending), so parts are date ranks. Many other titles number parts without declaring a
series; they are left out (``undeclared_parts``).

``build.py`` loads this module after ``round22.py`` and sets ``unseen`` to itself before
running it, so the blogs are read by the same reader, URL helpers and label rules as every
other blog of this corpus; their rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
23") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def jekyll_split_categories(p: Post) -> list[str]:
    """The front-matter categories as Jekyll fills ``:categories``: a string
    ``categories`` split on whitespace (``merge_categories!``), lower-cased, each once
    (``UrlDrop#categories`` joins a set: ``development web development documentation`` gives
    ``development/web/documentation``). No post of chrisrhymes sets ``category`` or a list."""
    cats = p.fm.get("categories")
    names = cats.split() if isinstance(cats, str) else unseen.as_list(cats)
    return list(dict.fromkeys(c.lower() for c in names))


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="chrisrhymes",
        repo="chrisrhymes/chrisrhymes.github.io",
        commit="6cee5ff98d14da1512e962783de0fa8369013bec",
        site="https://www.csrhymes.com/",
        generator="Jekyll 4 (bulma-clean-theme, its series include)",
        language="en (en-GB)",
        licence="no licence stated (no LICENSE; site footer: (c) 2014- C.S. Rhymes)",
        all_paths=True,
        # `_posts/YYYY-MM-DD-<slug>.md|.markdown` (and one screenshot, not a post); the
        # `_stories` and `_products` collections are short stories and book pages, not posts
        include=r"^_posts/.+\.(md|markdown)$",
        undeclared_parts=(
            # three posts of 2014-12/2015-01 numbered in their titles, no series declared
            "How to become a web developer - Part 1",
            "How to become a web developer - Part 2",
            "How to become a web developer - Part 3",
        ),
        # parts: date ranks (the series include lists the titles of `_data/<key>.yml` in
        # their order, which is the date order of every series' members)
        # _config.yml sets no permalink: Jekyll's default `date`,
        # /:categories/:year/:month/:day/:title:output_ext, under url https://www.csrhymes.com
        url=unseen.jekyll(
            "https://www.csrhymes.com",
            "/:categories/:year/:month/:day/:title.html",
            jekyll_split_categories,
        ),
        url_source="reconstructed: Jekyll default permalink /:categories/:year/:month/:day/"
        ":title.html (no permalink in _config.yml; front-matter categories split on "
        "whitespace, lower-cased, each once) under _config.yml url https://www.csrhymes.com "
        "(the posts' own links use these paths, e.g. /development/pinterest/social/2015/06/08/"
        "getting-your-site-ready-for-pinterest.html, /2020/01/15/keeping-tests-simple.html)",
    ),
    Blog(
        id="kasterra",
        repo="kasterra/kasterra.github.io",
        commit="adb5d68a80af314faf3d6163b7c562a6729838eb",
        site="https://kasterra.github.io/",
        generator="Jekyll 3.9 (Jekflix template, site series include)",
        language="ko",
        licence="no licence stated for the posts (LICENSE is the Jekflix template's MIT, 2019 "
        "Thiago Rossener)",
        all_paths=True,
        # `_posts/<topic>/YYYY-MM-DD-<slug>.md` (topic folders add no category)
        include=r"^_posts/.+\.md$",
        undeclared_parts=(
            # titles numbered as parts (circled digits or "- N"), no series declared
            "그래프 자료구조 ①:정의와 표현",
            "그래프 자료구조 ②:깊이 우선 탐색①",
            "그래프 자료구조 ②:깊이 우선 탐색②",
            "그래프 자료구조 ②:깊이 우선 탐색③",
            "그래프 자료구조 ④:최소 스패닝 트리",
            "그래프 최단경로 ①:BFS,다익스트라 알고리즘",
            "그래프 최단경로 ②:벨만-포드 알고리즘",
            "그래프 최단경로 ③:플로이드-워셜 알고리즘",
            "유량 그래프 ①:포드-풀커슨 알고리즘",
            "유량 그래프 ②:에드몬드-카프 알고리즘",
            "React-beautiful-dnd 알아보기 ①",
            "React-beautiful-dnd 알아보기 ②",
            "React-beautiful-dnd 알아보기 ③",
            "React-beautiful-dnd 알아보기 ④",
            "Lit로 SPA 만들어보기 ① - BE",
            "Lit로 SPA 만들어보기 ② - FE",
            "처음으로 해본 '제대로 된' 프로젝트 KOJ ①",
            "처음으로 해본 '제대로 된' 프로젝트 KOJ ②",
            "처음으로 해본 '제대로 된' 프로젝트 KOJ ③",
            "처음으로 해본 '제대로 된' 프로젝트 KOJ ④",
            "JS의 근간. 실행 컨텍스트 ①",
            "JS의 근간. 실행 컨텍스트 ②",
            "면접에서 대답할 수 있는 React 지식 ①",
            "면접에서 대답할 수 있는 React 지식 ②",
            "면접에서 대답할 수 있는 React 지식 ③",
            "면접에서 대답할 수 있는 React 지식 ④",
            "웹뷰와 React Native의 조화 ① - 개요",
            "웹뷰와 React Native의 조화 ② - 라우터와 네이티브 사이드",
            "웹뷰와 React Native의 조화 ③ - 웹뷰 사이드와 에러핸들링",
            "BFE.dev React Quiz 풀이 - 1",
            "BFE.dev React Quiz 풀이 - 2",
            "BFE.dev React Quiz 풀이 - 3",
            "BFE.dev React Quiz 풀이 - 4",
            "커리어 도약을 위한 여러 면접 회고 - 1",
            "커리어 도약을 위한 여러 면접 회고 - 2",
            "커리어 도약을 위한 여러 면접 회고 - 3",
            # a numbered column (course-week retrospectives), no series declared
            "부스트캠프 7기 1,2주차 회고",
            "부스트캠프 7기 3,4주차 회고",
            "부스트캠프 7기 5,6 주차 회고",
            "부스트캠프 7기 7,8 주차 회고",
        ),
        # parts: date ranks (the series include numbers a post "N번째 포스트" in
        # `site.posts reversed` order; no post sets a date, so the file name's day, ties by path)
        # _config.yml: permalink /:title/ under url https://kasterra.github.io (CNAME empty);
        # no post sets `slug` or `permalink`
        url=unseen.jekyll("https://kasterra.github.io", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml; the file name's "
        "slug, case kept) under _config.yml url https://kasterra.github.io (the posts' own "
        "links use these paths, e.g. /KOJ-front-docs/, /boostcamp-challenge-retrospect/)",
    ),
]
