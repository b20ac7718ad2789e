"""Round 73 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

haon (Korean, Gatsby 5: "haon.blog" by 이민성 (Haon, GitHub msung99), a backend developer's
blog, at haon.site, built on the author's own starter Gatsby-Starter-Haon; 2022-01 to
2026-03: Git, HTTP, Docker and Kubernetes, Nginx, Redis, MySQL indexes and replication, JPA
locking, Java and design patterns, hexagonal architecture, CI/CD and zero-downtime deployment,
a hand-written web server and MVC framework, tests, Kafka and MSA, and retrospectives). The
posts are ``src/contents/posts/<folders>/index.md`` (231 files); the whole blog is read, no
window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``index.md`` under ``src/contents/posts`` (the ``content`` source of
  ``gatsby-config.js``; ``gatsby-node.js`` makes a page for each). The posts dated before
  2024-03 were written on the author's Velog first (95 files still load their images from
  ``velog.velcdn.com``, 57 link to ``velog.io/@msung99``) and copied into this repository on
  2024-03-09/10, when the series values were set by hand (commits "헥사고날 아키텍처 시리즈
  생성", "series: CI/CD 무중단배포 아키텍처 개선 과정 시리즈", …); the later posts declared their
  series when they were added.
- **Private posts are drafts.** ``isPrivate: true`` hides a post from every list of the site
  (home, tags, search, series pages: ``PostList`` and the pages filter on it); it keeps a page
  nobody is linked to. Five files set it (two starter stubs under ``default/``, ``OSI 7계층,
  TCP/IP 프로토콜의 기본 규약 정리`` and two Toss SLASH notes of 2025-01-02); ``haon_meta`` marks
  them ``draft``, none declares a series.
- **The about page is not a post.** ``default/about/index.md`` (``Gatsby Starter Haon 작가
  소개``, dated ``2022-01-01``, a date set so that it sorts first) is the source of the site's
  ``/about`` page (``src/pages/about.jsx`` queries the slug ``/default/about/``); it also gets
  a post page and declares ``20년도 개발자 성장 관련 회고``. Left out (``drop``), as earlier rounds
  leave out about pages.
- **Series.** ``series: <name>``, a scalar, as written (``JAVA, 객체지향, 디자인패턴 학습기록`` is
  one name with commas in it). ``gatsby-node.js`` makes a page ``/series/<kebab-case name>/``
  for each name, the series list page gives each a created / last-updated date and a count, and
  a member's page links its series ("Series of …"). 11 names, 68 posts: ``JAVA, 객체지향,
  디자인패턴 학습기록`` 23, ``CI/CD 무중단배포 아키텍처 개선 과정`` 7, ``HTTP 웹서버 Spring MVC
  프레임워크 구현하기`` 7, ``Hexagonal Architecture`` 6, ``20년도 개발자 성장 관련 회고`` 5, ``Nginx``
  5, ``Redis`` 5, ``backend trouble shooting`` 4, ``그림으로 배우는 HTTP & Network Basic`` 3,
  ``Database Core Concept`` 2, ``KakaoTech Retrospect`` 1. No name is a series label of another
  blog of the corpus (hudi's and kdkdhoho's ``그림으로 배우는 Http & Network Basic`` is spelled
  ``Http``).
- **Order.** No number is declared. The series page lists its members by ``date`` (a day, no
  time), newest first, without numbers; the builder's rank by date is that order read from
  the oldest. Five pairs of members share a day (``JAVA, …`` 2023-03-13, 2024-07-11,
  2024-07-27, 2024-07-28; ``CI/CD …`` 2023-05-26); the site declares no order between them
  (Gatsby's sort on ``date`` alone), and the builder's tie by path stands.
- **Kind.** ``20년도 개발자 성장 관련 회고`` (the 2023 review, the first-half reviews of 2024 and
  2025, and two essays on growing as a developer) and ``KakaoTech Retrospect`` (``간략히 적어보는
  카카오테크 1주차 생활 회고``, a boot camp's week 1) are retrospective columns: ``recurring``,
  as gruuuuu's ``Retrospective``, hudi's ``연도별 회고`` and bbearcookie's ``데브코스 월간 회고``.
  The other ten are ``multipart``: the site presents every series alike, and the topical ones
  (``JAVA, 객체지향, 디자인패턴 학습기록``, ``backend trouble shooting``, ``Redis``, ``Nginx``) are
  kept as declared, as round 52's custardcream98 ``Troubleshooting`` and round 44's avonture topical
  series.
- **Titles that number a run without a declared series are left out** (``undeclared_parts``),
  as the earlier rounds do: ``제 4장. 결과를 전달하는 HTTP 상태 코드`` (2024-08-03, chapter 4 of
  the book whose chapters 1–3 declare ``그림으로 배우는 HTTP & Network Basic``; it declares none)
  and the five ``[가상 면접 사례로 배우는 대규모 시스템 설계 기초] 제 N장. …`` notes (chapters 1, 2,
  3, 7 and 10, 2024-10-25 to 11-22, no series declared).
- **Kept standalone, as declared**: the unnumbered pairs ``격리된 테스트(Isolated Test) 구축과 빌드
  최적화 - 이론편`` / ``… 여정 - 실전편`` and ``소트웍스 엔솔로지의 객체치향 생활체조 원칙의 전반부`` /
  ``… 후반부``, the later rewrites of series posts that declare no series (``싱글톤(SingleTon) 패턴
  구현방법 6가지, Bill Pugh Solution`` of 2024-07-24, ``전략 패턴(Strategy Pattern)``, ``경쟁 상태의
  2가지 패턴 - Read-Modify-Write, Check-Then-Act``, ``Redis Pub/Sub 을 사용한 분산 환경에서 로컬 캐시
  동기화``, …), the MySQL index and replication posts, the Kubernetes, Docker, Git, JPA, OS and
  Kafka posts.

The commit read is ``8fba36f6cf12`` (2026-04-29 19:20 +0900, "w"), the newest on ``main``, the
only branch.

URLs: ``gatsby-node.js`` sets each post's slug with gatsby-source-filesystem's
``createFilePath`` (the folder path under ``src/contents/posts``, the ``index.md`` name dropped,
between slashes, folder names as written, Korean ones included) and creates the page there,
under ``siteUrl`` ``https://haon.site/`` (``gatsby-config.js`` at the commit read; it was
``https://haon.blog/`` until 2026-04-29), percent-encoded. One post sits in a folder named
``index.md`` (``cs/os/mutex-semaphore-monitor/index.md/index.md``), so its path ends in
``/index.md/``, as ``createFilePath`` makes it.

``build.py`` loads this module after ``round72.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
73") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

ROOT = "src/contents/posts/"
BASE = "https://haon.site"


def haon_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter, with ``isPrivate: true`` (hidden from every list) as a draft."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    if fm.get("isPrivate") is True:
        fm["draft"] = True
    elif fm.get("isPrivate") not in (None, False):
        raise ValueError(f"{path}: isPrivate {fm.get('isPrivate')!r}")
    return fm


def haon_url(p: Post) -> str:
    """``createFilePath`` under ``src/contents/posts``: ``/<folders>/``, percent-encoded."""
    rel = re.sub(r"/index\.md$", "", p.path[len(ROOT) :])
    return BASE + unseen.enc(f"/{rel}/")


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="haon",
        repo="msung99/haon.blog",
        # `main` on 2026-04-29 19:20:48 +0900 ("w"), the only branch
        commit="8fba36f6cf1230dbc0d7cf5c309f59c35c1daabd",
        site="https://haon.site/",
        generator="Gatsby 5 (Gatsby-Starter-Haon, the author's starter; site series pages and "
        "series list)",
        language="ko",
        licence="no licence stated for the posts (LICENSE is the starter's MIT, © 2024 Haon)",
        all_paths=True,
        include=r"^src/contents/posts/.+/index\.md$",
        meta=haon_meta,
        drop={
            "src/contents/posts/default/about/": "the /about page's source, not a post",
        },
        recurring={"20년도 개발자 성장 관련 회고", "KakaoTech Retrospect"},
        undeclared_parts=(
            # chapter 4 of the book whose chapters 1-3 declare `그림으로 배우는 HTTP & Network
            # Basic` (2024-07-29 to 08-01); it declares no series
            "제 4장. 결과를 전달하는 HTTP 상태 코드",
            # notes on a book's chapters 1, 2, 3, 7 and 10 (2024-10-25 to 11-22), no series
            "[가상 면접 사례로 배우는 대규모 시스템 설계 기초] 제 1장. 사용자 수에 따른 규모 확장성",
            "[가상 면접 사례로 배우는 대규모 시스템 설계 기초] 제 2장. 계략적인 규모 측정",
            "[가상 면접 사례로 배우는 대규모 시스템 설계 기초] 제 3장. 시스템 설계 면접 공략법",
            "[가상 면접 사례로 배우는 대규모 시스템 설계 기초] 제 7장. 분산 시스템을 위한 유일 ID 생성기 설계",
            "[가상 면접 사례로 배우는 대규모 시스템 설계 기초] 제 10장. 알림 시스템 설계",
        ),
        url=haon_url,
        url_source="reconstructed: gatsby-node.js createFilePath under src/contents/posts "
        "(/<folders>/, index.md dropped, folder names as written) under gatsby-config.js "
        "siteUrl https://haon.site/, percent-encoded",
    ),
]
