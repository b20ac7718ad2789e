"""Round 77 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

riba2534 (Simplified Chinese, zh-CN; Hugo with the Diary theme, a git submodule, and the site's
own ``layouts/``: "riba2534's Blog" by riba2534, served at blog.riba2534.cn; a Chinese
programmer's technical blog since 2017: university projects and crawlers, competitive
programming (ACM, LeetCode, POJ, HDU, Codeforces solutions), C++ and Go notes, Linux, message
queues, networking, interview write-ups, later crypto-currency and a few 2023 OpenAI tools).
The blog began on CSDN, then ran on Typecho (a PHP blog) and moved to Hugo in 2021-04/05
(``博客迁移至hugo``, 2021-05-08); the posts are ``content/blog/<year>/<title>.md`` (132
files, 2017-05 to 2023-05); the whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``.md`` under ``content/blog/<year>/``. ``content/about.md``,
  ``archive.md`` and ``friends.md`` are pages (outside ``blog``), not posts. No post is a
  draft (``draft: false`` on all), none sets ``url`` or ``slug``; no translations.
- **Series.** ``config.toml`` declares the taxonomy ``series = "series"`` and a main-menu
  item ``系列📚`` linking ``/series``, rendered by the site's
  ``layouts/taxonomy/series.terms.html`` (each series with its post count); each term page
  (``layouts/taxonomy/taxonomy.html``) lists the series' pages. A post declares its series
  as a one-element YAML list, ``series: [<name>]``; the label is the name as written. Two
  names, both of 2+, 66 posts: ``LeetCode题解`` 47 (2019-03 to 2020-11) and
  ``《TCP/IP网络编程》学习笔记`` 19 (2019-01-12 to 02-07). No post declares two.
- **Order.** No number is declared; the term pages list ``.Pages`` in Hugo's default order
  (weight, then date newest first; no post sets ``weight``), so the site's order is the date
  order and the builder's rank by date is that order read oldest first. The TCP/IP notes
  number their chapters in the titles (``第 1 章`` … ``第 18 章``, then ``第 24 章``) and two
  of them mark sub-parts of one chapter, ``基于 TCP 的服务端/客户端（1）`` (chapter 4, rank 4)
  and ``（2）`` (chapter 5): the builder's marker check reads ``（1）`` at rank 4 as a
  contradiction and leaves the series' 19 parts ``null``, as it did for round 70's
  ``cheezball rising`` and round 28's ``design-patterns``; no override.
- **Kind.** ``LeetCode题解`` ("LeetCode solutions") is ``recurring``: an open-ended column of
  single-problem write-ups (one problem each, in no sequence, over twenty months), parts
  ``null``. ``《TCP/IP网络编程》学习笔记`` ("study notes on *TCP/IP Network Programming*") is
  ``multipart``: the book's chapters, one post each, in order over four weeks.
- **No title marks a part without a declared series** (no ``undeclared_parts``): the
  standalone runs are unnumbered (the three ``消息队列…`` posts of 2019-12-13, the two
  ``数据密集型应用系统设计_…`` notes of 2021, the ``…面经`` interview write-ups, the two
  ``数字货币…入门`` posts); ``超级码力在线编程大赛初赛 第2场 题解`` names the contest's round 2,
  alone on the blog. The competitive-programming posts of other judges (POJ, HihoCoder,
  Codeforces, 牛客网, HDU) declare no series and stay standalone.

The commit read is ``68de20a864f7`` (2023-05-09, "添加 ETH 靓号生成器"), the newest on ``main``,
the default branch. The other branches are older, unmerged states: ``blog_v2`` (2022-09-27)
and ``feat_waline`` (2021-05-10).

URLs: no permalink rule and no ``url``/``slug`` in any post, so Hugo's default path: the
content path under ``content/`` (``/blog/<year>/<file name>/``), each segment sanitized and
lower-cased as Hugo does (``hugo_sanitize``), under the site's address
``https://blog.riba2534.cn/`` (``config.toml``'s ``baseURL`` line is commented out; the README
and the commented line name this address; ``build.sh`` runs ``hugo`` without ``-b``).

``build.py`` loads this module after ``round76.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
77") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post
hugo_sanitize = unseen.hugo_sanitize


# ---------------------------------------------------------------------------- URL rule


def hugo_content_path(base: str) -> Callable[[Post], str]:
    """Hugo without a permalink rule: the page's path under ``content/`` without ``.md``,
    each segment sanitized as Hugo's ``MakePathSanitized`` does (``hugo_sanitize``: spaces to
    one hyphen, punctuation such as ``()（），「」、《》`` dropped, lower case; leading and trailing
    spaces of a file name dropped); a front-matter ``url`` would win (no post sets one)."""

    def f(p: Post) -> str:
        if isinstance(p.fm.get("url"), str):
            return base.rstrip("/") + unseen.enc("/" + str(p.fm["url"]).strip("/") + "/")
        rel = re.sub(r"\.md$", "", p.path[len("content/") :])
        return base.rstrip("/") + unseen.enc(
            "/" + "/".join(hugo_sanitize(x) for x in rel.split("/")) + "/"
        )

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="riba2534",
        repo="riba2534/hugo-blog",
        # `main` on 2023-05-09 01:10:42 +0800, the default branch (posts, config.toml, site
        # layouts; the Diary theme is the submodule themes/diary, not in the snapshot); built
        # with `hugo` on the author's server (build.sh, auto_deploy.sh), no built output here
        commit="68de20a864f7ab29cf1e3803c46a9ef67c3c8cd3",
        site="https://blog.riba2534.cn/",
        generator="Hugo (Diary theme, site layouts: series taxonomy, a series list page and "
        "one page per series)",
        language="zh-CN",
        licence="CC BY-NC-SA 4.0 (stated under every post by the site's single.html); no "
        "LICENSE file",
        all_paths=True,
        include=r"^content/blog/\d{4}/[^/]+\.md$",
        # an open-ended column of single-problem solutions
        recurring={"LeetCode题解"},
        # parts: date ranks (the term pages list the members by date); the TCP/IP notes'
        # `（1）` at rank 4 leaves that series' parts null by the builder's marker check
        url=hugo_content_path("https://blog.riba2534.cn"),
        url_source="reconstructed: Hugo default path /blog/<year>/<file name>/ (no permalink "
        "rule; the content path sanitized and lower-cased as Hugo does) under "
        "https://blog.riba2534.cn/ (README; config.toml's commented baseURL)",
    ),
]
