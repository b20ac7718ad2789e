"""Round 11 of series-unseen (added 2026-12-06): two blogs whose posts declare their series.

hmajid2301 (English, Hugo PaperMod: a developer's blog of numbered tutorials, a TIL column
and weekly build logs) and ktzxy (Chinese, Hugo PaperMod: a developer's study notes in
numbered course series). ``build.py`` loads this module after ``round10.py`` and sets
``unseen`` to itself before running it, so these blogs are read by the same reader, URL
helpers and label rules as every other blog of this corpus; their rows come last in
``corpus.jsonl``. See SOURCES.md ("Round 11") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def leading_space_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter, leading whitespace skipped: one hmajid2301 post opens with `` ---``,
    and Hugo's page parser skips whitespace before the front matter, so it is published
    with its front matter (like chapel's posts that open with a blank line)."""
    return unseen.front_matter(text.lstrip())


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="hmajid2301",
        repo="hmajid2301/blog",
        commit="470649341ced79daa0ad437bffaf8b60dd70f298",
        site="https://haseebmajid.dev/",
        generator="Hugo (PaperMod, site layouts)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        # page bundles only; the bundles' source_code/ and example/ READMEs are not posts
        include=r"^content/posts/[^/]+/index\.md$",
        meta=leading_space_meta,
        url=unseen.hugo_path("https://haseebmajid.dev", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /posts/<bundle dir>/ "
        "(front-matter slug honoured) under baseURL https://haseebmajid.dev/",
        recurring={
            # "Today I Learned" tips, one independent tip each ("What is a TIL Post?")
            "TIL",
            "til",
            # yearly reviews
            "Year Summary",
            # weekly build logs of side projects ("Go Feedback Week 3", "Voxicle Week 5")
            "Build In Public",
        },
    ),
    Blog(
        id="ktzxy",
        repo="ktzxy/BlueEucalyptusBlog",
        commit="23047d1be23c6670566f9a6c7b53df4022d57152",
        site="https://ktzxy.top/",
        generator="Hugo (PaperMod, site layouts)",
        language="zh",
        licence="CC BY-NC 4.0 (hugo.toml params licenseName/licenseLink)",
        all_paths=True,
        include=r"^content/posts/.*\.md$",
        url=unseen.hugo_page("https://ktzxy.top", "/posts/"),
        url_source="reconstructed: Hugo [permalinks] posts = /posts/:slug/ (every published "
        "post declares a slug) under baseURL https://ktzxy.top/",
        unordered={
            "Go语言系列": "its layouts/partials/series-posts.html lists the members by the "
            "number leading the title (`0 Go语言的安装` … `17 Go中的文件和目录操作`, "
            "unnumbered members last); the dates do not follow it (`6 Go的数组` is the "
            "earliest, `3 Go的数据类型` the latest)",
            "Kubernetes学习系列": "listed by the title's leading number (`1 Kubernetes简介` … "
            "`53 Helm入门`); the date rank puts `32 …` first and `1 …` twelfth",
            "数据库实验系列": "titled `实验1` … `实验10` (labs of one course); the date rank "
            "puts `实验6` first and `实验1` last; the marker check does not read `实验N`",
        },
    ),
]
