"""Round 72 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

millo (Korean, Gatsby 5: "millo's tech blog" by millo (GitHub millo-L) at millo-l.github.io,
the author's own TypeScript site (begun on gatsby-starter-hello-world in 2021-02; its README is
Gatsby's minimal TypeScript starter's), 2020-12 to 2023-05: WebRTC, authentication in
Node.js, Docker, React Native and its release automation, open-source licences, networks,
and a startup developer's diary). The posts are ``contents/posts/<YYYY>/<MM>/<lang>/<name>.md``
(90 files: 69 under ``ko/``, 21 under ``en/``); the whole Korean blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts: the Korean originals are the blog; the English files are copies.** The blog is
  written in Korean (``/`` lists the ``lang: ko`` posts, ``/en`` the ``lang: en`` ones,
  ``PostList.tsx``); each of the 21 ``en/`` files is a translation of a Korean post and names
  it in ``translation`` (``translation: /WebRTC-이론-정리하기/``), dated the same day or up to
  71 days after it. They are left out (not read), as earlier rounds left out the translated editions
  of a blog (neo01, tokenbrice, tomy, suzumiyaaoba, …). Every ``ko/`` file sets ``lang: ko``
  and every ``en/`` file ``lang: en``.
- **The private post is a draft.** ``gatsby-node.ts`` creates a page only for
  ``is_private: false`` and the post lists filter on it; one Korean file sets
  ``is_private: true`` (``Startup-dev-05.md``, ``[Start up] 스타트업 개발자의 허심탄회한
  이야기 (커뮤니케이션)``, 2022-05-14, no ``series`` value): it has no page on the built site
  (the ``deploy`` branch) and is left out as a draft (``millo_meta`` marks it ``draft``).
  (The RSS feed's query does not filter ``is_private`` and lists its address; the address
  serves nothing.) 68 Korean posts are rows.
- **Format.** YAML front matter (the builder's reader): ``title``, ``released_at`` (``2021-01-31
  14:00``, a local date-time, no zone; the date part is kept: ``millo_meta`` copies it to
  ``date``), ``updated_at`` (not kept), ``category`` (one, e.g. ``nodejs``) and ``tags``
  (kept, category first, as the builder reads them), ``series``, ``lang``, ``is_private``,
  ``translation``, ``translation_series`` (the English series page, on the six WebRTC
  members only), ``author``, ``image``, ``layout``, ``description``.
- **Series.** ``series: <name>``, a scalar on every post; a standalone post says ``series:
  none`` (the post page shows the series box ``series !== "none"``; the series list page
  filters ``series: {ne: "none"}``), so ``none`` is no series. The label is the declared
  name as written; the site's series page is ``/series/<name, spaces to hyphens>/``. Five
  names, 24 posts: ``Authentication 방식 정리하기`` 7, ``WebRTC 이론부터 실전까지`` 6, ``React
  Native 배포 자동화`` 4, ``스타트업 개발자의 일기장`` 4, ``오픈소스 라이선스`` 3. 44 posts are
  standalone. No name is a series label of another blog of the corpus.
- **Order.** No number is declared. The series page (``SeriesTemplate.tsx``) lists the
  members sorted by ``released_at`` ascending, each headed ``<index + 1>. <title>``, and a
  member's page shows the same list as an ``<ol>`` (``PostSeriesList.tsx``), with the previous
  and next member below it. ``released_at`` carries a time, and two series have members
  dated the same day in an order their file names reverse: ``Authentication 방식 정리하기``
  (2021-01-31 ``Session 기반 인증 방식`` 13:00 before ``JWT 기반 인증 방식`` 14:00; 2021-02-01
  ``express session`` 13:00, ``JWT 사용하기`` 14:00, ``passport session`` 15:00) and ``React
  Native 배포 자동화`` (2021-08-08 ``Fastlane을 사용한 배포 자동화`` 16:45 before ``Fastlane
  match…`` 20:35). The builder's rank by day (ties by path) would put them in another order,
  so these two series' members get their date-time ranks, the site's numbers, from
  ``SITE_ORDER`` (read through ``part_keys``, as round 14's bbearcookie); ``millo_meta`` stops
  the build if a member of either series is missing from it or a listed file declares
  another series. The other three series have no two members on one day, so the builder's
  date rank is the site's number. The built site's series pages (``deploy`` branch, built on
  2023-12-07 from this content) number all five series exactly so.
- **Kind.** All five are ``multipart``: the WebRTC run goes from theory to implementations
  and a performance comparison; the authentication run alternates a method's explanation and
  its Node.js implementation; the release-automation run builds one Fastlane setup; the
  licence run goes from what a licence is to its kinds and how to give notice; and
  ``스타트업 개발자의 일기장`` ("a startup developer's diary") tells one story in order (how the
  author became a startup developer, then ``(시작)``, ``(첫 회의)``, ``(우선순위)``; the files
  are ``Startup-dev-01`` … ``-04``), like round 53's blakeadams development journal and round
  35's hawkeye-xb travel diary by days.
- **Nothing is left out for its title.** No title outside a series marks a part
  (``undeclared_parts`` is empty). Kept standalone, as declared: the ``[Node.js]`` posts not in
  the authentication series (``express 사용하기``, ``express router 사용하기``, ``express cors
  사용하기``, ``express static folder 지정하기``, ``PBKDF2 비밀번호 암호화하기``, …), the React
  Native posts outside the release-automation series (``CodePush를 이용한 앱 업데이트``, …), the
  ``[Network]`` posts (``HTTP란 무엇인가``, ``HTTP 상태(응답) 코드 정리하기``, ``SOAP 정리하기``,
  ``URI와 URL의 차이점``) and ``스타트업 코딩 페스티벌 2021 1차, 2차 후기`` (one post on a
  contest's two rounds). The bracket prefixes (``[Node.js]``, ``[React Native]``,
  ``[Docker]``) name a post's topic and cut across the series.

The commit read is ``24841dadbb24`` (2023-12-07 10:07 +0900, "post: update realm
one-to-many posting"), the newest on ``develop``, the source branch (``deploy`` holds the
built site, ``master`` the older built site of 2021-02 to 2023-11).

URLs: ``gatsby-node.ts`` makes a post's path from ``createFilePath`` under the
``contents/posts/`` source (``/<YYYY>/<MM>/<lang>/<name>/``) with its first 11 characters cut
(``slug.slice(11)``, ``/<YYYY>/<MM>/<lang>``), so a post is at ``/<file name>/`` under
``siteUrl`` ``https://millo-L.github.io`` (``gatsby-config.ts``), written with the host in
lower case as the site's sitemap writes it (``https://millo-l.github.io/Session-기반-인증방식/``,
percent-encoded). The built site (``deploy``) has a page for every row under that path and
its ``sitemap-0.xml`` lists each row's URL.

``build.py`` loads this module after ``round71.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
72") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

POST_FILE = re.compile(r"^contents/posts/\d{4}/\d{2}/ko/([^/]+)\.md$")
BASE = "https://millo-l.github.io"

# the two series with members dated the same day in an order their file names reverse: every
# member's number on the site's series page (released_at ascending, to the minute)
SITE_ORDER: dict[str, dict[str, int]] = {
    "Authentication 방식 정리하기": {
        "Session-기반-인증방식": 1,  # 2021-01-31 13:00
        "JWT-기반-인증방식": 2,  # 2021-01-31 14:00
        "Nodejs-express-session-사용하기": 3,  # 2021-02-01 13:00
        "Nodejs-JWT-사용하기": 4,  # 2021-02-01 14:00
        "Nodejs-passport-session-사용하기": 5,  # 2021-02-01 15:00
        "OAuth2-기반-인증방식": 6,  # 2021-02-02 13:00
        "Nodejs-passport-Google-OAuth-2-로그인-사용하기": 7,  # 2021-02-03 13:00
    },
    "React Native 배포 자동화": {
        "ReactNative-fastlane": 1,  # 2021-08-08 16:45
        "ReactNative-fastlane-match": 2,  # 2021-08-08 20:35
        "ReactNative-fastlane-slack": 3,  # 2021-08-14 17:35
        "ReactNative-ci-cd-tool": 4,  # 2021-08-15 14:02
    },
}


def millo_series(fm: dict[str, object]) -> list[str]:
    """The declared ``series``; ``none`` (the standalone posts' value) is no series."""
    return [s for s in unseen.as_list(fm.get("series")) if s != "none"]


def millo_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter, with ``released_at`` as ``date``, ``is_private: true`` as a draft, and
    the site's number of a member of a ``SITE_ORDER`` series as ``datetime_part``."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    if fm.get("lang") != "ko":
        raise ValueError(f"{path}: lang {fm.get('lang')!r} under ko/")
    if fm.get("is_private") is True:
        fm["draft"] = True
    elif fm.get("is_private") is not False:
        raise ValueError(f"{path}: is_private {fm.get('is_private')!r}")
    fm["date"] = fm.get("released_at")
    name = POST_FILE.match(path)[1]  # type: ignore[index]
    series = millo_series(fm)
    listed = [s for s, parts in SITE_ORDER.items() if name in parts]
    if listed and series != listed:
        raise ValueError(f"{path}: listed under {listed}, declares {series}")
    if series and series[0] in SITE_ORDER and not fm.get("draft"):
        if name not in SITE_ORDER[series[0]]:
            raise ValueError(f"{path}: a member of {series[0]!r} missing from SITE_ORDER")
        fm["datetime_part"] = SITE_ORDER[series[0]][name]
    return fm


def millo_url(p: Post) -> str:
    """``createFilePath``'s ``/<YYYY>/<MM>/ko/<name>/`` with ``slice(11)``: ``/<name>/``."""
    name = POST_FILE.match(p.path)[1]  # type: ignore[index]
    return BASE + unseen.enc(f"/{name}/")


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="millo",
        repo="millo-L/millo-L.github.io",
        # `develop` on 2023-12-07 10:07:57 +0900 ("post: update realm one-to-many posting"),
        # the source branch (`deploy` is the built site, `master` the older built site)
        commit="24841dadbb24752ffd03ddef9c9850d1de9c8637",
        site="https://millo-l.github.io/",
        generator="Gatsby 5 (the author's TypeScript site; site series pages and series list)",
        language="ko",
        licence="no licence stated (no LICENSE; the feed's copyright: © 2021-<year> millo "
        "All rights reserved)",
        all_paths=True,
        # the Korean originals only: the en/ files are translations of them
        include=r"^contents/posts/\d{4}/\d{2}/ko/[^/]+\.md$",
        meta=millo_meta,
        series_of=millo_series,
        part_keys=("datetime_part",),
        url=millo_url,
        url_source="reconstructed: gatsby-node.ts createFilePath under contents/posts with "
        "slice(11) (the /YYYY/MM/ko prefix dropped): /<file name>/ under gatsby-config.ts "
        "siteUrl https://millo-L.github.io (host lower case, as the built sitemap writes it)",
    ),
]
