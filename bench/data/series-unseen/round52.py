"""Round 52 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

custardcream98 (Korean, Next.js: Park Shiwoo's blog at shiwoo.dev, 2022-07 to 2025-07: posts
on building the blog itself with Next.js and Firebase, HTML, CSS and JavaScript study notes,
troubleshooting and refactoring write-ups, React and TypeScript, and retrospectives of a
frontend bootcamp, an internship and job changes). The posts are the MDX files
``_posts/<name>.mdx``, 52 at the commit read; the site's ``src/app/data.ts``
(``getPostSlugs``/``getPostBySlug``) lists every ``.mdx`` file of ``_posts`` and reads its
front matter with ``gray-matter`` (``title``, ``excerpt``, ``date``, ``category``, optional
``series``). No post sets a draft or published flag.

``series`` (optional in ``src/types/post.ts``) names a series: ``src/app/series/data.ts``
(``getSeries``) counts the posts of each name, ``src/app/series/page.tsx`` lists the names
with their counts ("<Series />", linked from the navigation bar) and
``src/app/series/[series]/page.tsx`` lists the posts with the same name, newest first, without
numbers; a post's heading links its series (``PostTitle.tsx``). The label is the declared name
as written; no number is declared, so parts are date ranks. The site presents every series
the same way (a name and a newest-first list), none as an ongoing column, so all are
``multipart`` as declared (see SOURCES.md, Round 52, Doubtful).

The commit read is ``6bc7202e25f4`` (2025-07-24 04:10 +0900), on ``main``: the last commit
holding ``_posts/``; the next one (``1573654``, 2025-07-27, "feat: redesign") moved the posts
to a ``blog-posts`` submodule and dropped the series pages.

URLs: ``/posts/<name>`` (``src/app/posts/[slug]/page.tsx``; the slug is the file name without
``.mdx``) under ``https://shiwoo.dev`` (README; ``METADATA_DEFAULT_URL`` in
``src/app/sharedMetadata.ts``), without a trailing slash, as the RSS items build them
(``src/lib/rss.ts``) (``custardcream98_post``).

``build.py`` loads this module after ``round51.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
52") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def custardcream98_post(base: str) -> Callable[[Post], str]:
    """``/posts/<name>`` under the site URL, the file name without ``.mdx``, no trailing
    slash."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/posts/{p.stem}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="custardcream98",
        repo="custardcream98/blog",
        # `main` on 2025-07-24 04:10 +0900 ("chore(post): 포스트 검색용 cache 갱신"), the last
        # commit holding `_posts/` (the next, 1573654 "feat: redesign", moved the posts to a
        # submodule); the snapshot's newest on `main` is 43b1a9d (2025-09-11)
        commit="6bc7202e25f42191d42baf2f42d273bbbb74e02b",
        site="https://shiwoo.dev/",
        generator="Next.js 15 (App Router, MDX via next-mdx-remote; site series pages)",
        language="ko",
        licence="no licence stated (the RSS feed: all rights reserved)",
        all_paths=True,
        include=r"^_posts/[^/]+\.mdx$",
        unordered={
            # `딥다이브 시작: 자바스크립트 intro`, `딥다이브 4장: 변수` (both 2022-09-12 17:09) and
            # `딥다이브 5장: 표현식과 문` (19:09): the date order cannot place the first two, and
            # the file names sort `…-ch4-…` before `…-start-…`
            "모던 자바스크립트 Deep Dive": "two members published at the same minute; the "
            "date order cannot rank them",
        },
        undeclared_parts=(
            # part 1 of a two-part run; its part 2 declares `Troubleshooting`, it declares none
            "블로그에 검색 기능을 구현해보자 1",
            # numbered `1`, no series declared (no second part was published)
            "Git CLI 명령어 정리 1",
        ),
        url=custardcream98_post("https://shiwoo.dev"),
        url_source="reconstructed: /posts/<file name> under https://shiwoo.dev (README, "
        "src/app/sharedMetadata.ts), no trailing slash, as the RSS items",
    ),
]
