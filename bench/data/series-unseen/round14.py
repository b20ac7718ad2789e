"""Round 14 of series-unseen (added 2026-12-06): blogs whose posts declare their series.

Three Korean developers' blogs built with Gatsby from gatsby-starter-hoodie (the starter of
round 8's hudi): sharknia (a backend developer's notes, 2023–2026, with a long series on
posting to GitHub Pages from Notion), choi2021 (a frontend developer's study notes and
project logs, 2022–2025) and bbearcookie (a frontend developer's study notes, 2023–2024,
with short library tutorial series). Each post declares ``series: <name>`` in its YAML front
matter; the starter's post page lists a series' members sorted by ``date`` ascending, so
parts are date ranks. ``build.py`` loads this module after ``round13.py`` and sets
``unseen`` to itself before running it, so these blogs are read by the same reader, URL
helpers and label rules as every other blog of this corpus; their rows come last in
``corpus.jsonl``. See SOURCES.md ("Round 14") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def hoodie_url(base: str) -> Callable[[Post], str]:
    """gatsby-starter-hoodie's page path (its gatsby-node.js ``onCreateNode``): the file
    path's slug from ``createFilePath`` cut to its last segment, ``/<bundle dir>/`` for
    ``…/<dir>/index.md`` and ``/<file name>/`` for ``…/<name>.md``, kept as written (a
    front-matter ``slug`` is not used)."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/{p.stem}/")

    return f


# bbearcookie dates some series members to the hour (`date: 2023-05-18 01:00`) and the
# series list sorts by that date-time; the date rank by day (ties by path) would put these
# members in another order, so they get their date-time ranks (read through `part_keys`)
BBEARCOOKIE_PARTS = {
    # 폼 데이터 관리를 위한 React Hook Form: 2023-05-18 00:00, 01:00, 02:00, 04:00
    "react-hook-form/react-hook-form-default.md": 1,
    "react-hook-form/react-hook-form-validation.md": 2,
    "react-hook-form/react-hook-form-devtool/index.md": 3,
    "react-hook-form/react-hook-form-yup.md": 4,
    # 모듈 번들러 Webpack 사용해보기: 2023-06-11 15:00, 16:00, 20:00
    "webpack/vanilla/webpack-default-setup/index.md": 1,
    "webpack/vanilla/webpack-style-loader/index.md": 2,
    "webpack/vanilla/webpack-hmr/index.md": 3,
    # 리액트 컴포넌트의 테스팅을 위한 React Testing Library: 2023-05-22, 2023-05-23 00:00, 01:00
    "react-testing-library/react-testing-library-default.md": 1,
    "react-testing-library/react-testing-library-query/index.md": 2,
    "react-testing-library/react-testing-library-event.md": 3,
}


def bbearcookie_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; a member of the three series above gets its date-time rank as
    ``datetime_part`` (``BBEARCOOKIE_PARTS``), the blog declaring no number itself."""
    fm = unseen.front_matter(text)
    if fm is not None:
        part = next((n for k, n in BBEARCOOKIE_PARTS.items() if path.endswith("/" + k)), None)
        if part is not None:
            fm["datetime_part"] = part
    return fm


HOODIE_RULE = (
    "reconstructed: gatsby-starter-hoodie's gatsby-node.js page path /<last segment of the "
    "file's slug>/ (bundle directory or file name) under blog-config.js siteUrl "
)

# the sources gatsby-config.js reads: gatsby-source-filesystem `contents/posts` only
HOODIE_POSTS = r"^contents/posts/.+\.md$"


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="sharknia",
        repo="Sharknia/Sharknia.github.io",
        commit="f6c361c166b5758bfecdc0f48f9861c1053d5656",
        site="https://sharknia.github.io/",
        generator="Gatsby (gatsby-starter-hoodie)",
        language="ko",
        licence="no licence stated for the posts (LICENSE is the starter's MIT, 2021 Donghyun Cho)",
        all_paths=True,
        include=HOODIE_POSTS,
        url=hoodie_url("https://sharknia.github.io"),
        url_source=HOODIE_RULE + "https://sharknia.github.io/",
        undeclared_parts=(
            # numbered posts declaring no series (a lone "(1)" is left out with them)
            "AWS 활용 테스트 서버 구현 (1)",
            "Nginx를 활용한 Reverse Proxy 구현(1)",
            "Nginx를 활용한 Reverse Proxy 구현(2)",
        ),
    ),
    Blog(
        id="choi2021",
        repo="choi2021/choi2021.github.io",
        commit="4a5cb7ed677a89f6a239a4b4e1d6eebc19f6d93c",
        site="https://choi2021.github.io/",
        generator="Gatsby (gatsby-starter-hoodie)",
        language="ko",
        licence="no licence stated for the posts (LICENSE is the starter's MIT, 2021 Donghyun Cho)",
        all_paths=True,
        include=HOODIE_POSTS,
        url=hoodie_url("https://choi2021.github.io"),
        url_source=HOODIE_RULE + "https://choi2021.github.io",
    ),
    Blog(
        id="bbearcookie",
        repo="bbearcookie/blog",
        commit="9d521a8f8d51824b44327fcaed397bd7ba8c356a",
        site="https://bbearcookie.netlify.app/",
        generator="Gatsby (gatsby-starter-hoodie)",
        language="ko",
        licence="no licence stated for the posts (LICENSE is the starter's MIT, 2021 Donghyun Cho)",
        all_paths=True,
        # contents/drafts and contents/samples (the starter's demo posts) are not sources
        include=HOODIE_POSTS,
        url=hoodie_url("https://bbearcookie.netlify.app"),
        url_source=HOODIE_RULE + "https://bbearcookie.netlify.app/",
        recurring={
            # monthly retrospectives of a training course ("프로그래머스 데브코스 7월 회고" …)
            "데브코스 월간 회고",
        },
        meta=bbearcookie_meta,
        part_keys=("datetime_part",),
        unordered={
            "테스팅을 위한 Jest": "`비동기 코드 테스트` and `Jest 전역 환경` are both dated "
            "2023-05-20 02:00 (the series list sorts by date-time), so their order is not "
            "given; by day and path `비동기 코드 테스트` would come before `Matcher` (01:00)",
        },
        undeclared_parts=(
            # a training course's daily notes, numbered, declaring no series
            "[DAY 2] JavaScript 주요 문법 (1)",
            "[DAY 3] JavaScript 주요 문법 (2)",
            "[DAY 4-5] JavaScript 주요 문법 (3-4)",
            "[DAY 6] JavaScript 주요 문법 (5)",
            "[DAY 7-8] JavaScript 주요 문법 (6-7)",
        ),
    ),
]
