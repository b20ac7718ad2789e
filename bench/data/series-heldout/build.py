#!/usr/bin/env python3
"""Build corpus.jsonl (series-heldout) from fetched snapshots of public blog repositories.

usage: python3 bench/data/series-heldout/build.py [--mirrors DIR] [--check] [--list BLOG]

The held-out corpus: same schema, same label rules and the same reader as the
series-unseen corpus, whose build.py (../series-unseen/build.py) this one imports; only
the blogs differ (BLOGS below, each pinned to a full commit). Every blog is read from a
bare git snapshot under ``--mirrors`` (default /work/.mirror), e.g.
/work/.mirror/realjf+blog/repo, brought by the workplace's ``fetch`` tool
(``fetch github:realjf/blog``); the tests never need the snapshots. Only metadata is taken
from the source files: title, date, categories/tags, the declared series and its declared
number.

Labels (see SOURCES.md): a post is in a series iff its front matter declares one; the
part is the number declared in front matter when there is one, else the post's rank by
date inside its declared series, else null. Nothing is labeled from the title.

Needs PyYAML (the system Python has it; the project's venv does not).
--check  rebuild in memory and compare with the committed corpus.jsonl.
--list   print every post of one blog with its label (to review the overrides).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def _unseen_build() -> ModuleType:
    """The series-unseen build.py, imported from its sibling directory."""
    path = HERE.parent / "series-unseen" / "build.py"
    spec = importlib.util.spec_from_file_location("series_unseen_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


unseen = _unseen_build()
Blog, Post = unseen.Blog, unseen.Post


def marisme_url(p: Post) -> str:
    """marisme: Hugo permalinks ``articles: /articles/:slug/`` (``:slug`` is the front-matter
    slug, else the urlized title); other sections have no rule: the content path."""
    if p.path.startswith("content/articles/") and not isinstance(p.fm.get("url"), str):
        name = unseen.hugo_urlize(str(p.fm.get("slug") or p.fm["title"]))
        return "https://marisme.com" + unseen.enc(f"/articles/{name}/")
    return unseen.hugo_path("https://marisme.com", "content/")(p)


BLOGS: list[Blog] = [
    Blog(
        id="blackwell-systems",
        repo="blackwell-systems/blog",
        commit="a7ed3579b9520ff4499b33285013325ce5b36674",
        site="https://blog.blackwell-systems.com/",
        generator="Hugo",
        language="en",
        licence="README: proprietary; only titles/URLs/dates kept",
        all_paths=True,
        include=r"^content/posts/.*\.md$",
        url=unseen.hugo_path("https://blog.blackwell-systems.com", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: /posts/<file>/",
        part_keys=("seriesOrder",),
    ),
    Blog(
        id="etoobusy",
        repo="polettix/ETOOBUSY",
        commit="b1df9f2931a477277204e927bc949795e2f4a5da",
        site="https://github.polettix.it/ETOOBUSY/",
        generator="Jekyll",
        language="en",
        licence="posts CC BY 4.0 (LICENSE.md)",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown)$",
        url=unseen.jekyll(
            "https://github.polettix.it/ETOOBUSY", "/:categories/:year/:month/:day/:title/"
        ),
        url_source="reconstructed: Jekyll _config.yml permalink pretty under baseurl /ETOOBUSY",
        undeclared_parts=(
            "AoC 2021/19 - GPS is smarter",
            "AoC 2021/19 - GPS is smarter - part 2",
            "AoC 2021/19 - GPS is smarter - part 3",
            "Fibonacci Sum part 1",
            "Fibonacci Sum part 2",
        ),
    ),
    Blog(
        id="endlessparentheses",
        repo="Malabarba/EndlessParentheses",
        commit="9aace6e166f1c983132439e3aa2d2cbb7d9d15bb",
        site="https://endlessparentheses.com/",
        generator="Jekyll",
        language="en",
        licence="no licence stated",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=unseen.jekyll(
            "https://endlessparentheses.com", "/:categories/:title.html", unseen.fm_categories
        ),
        url_source="reconstructed: Jekyll _config.yml permalink none (/:categories/:title.html)",
        # columns of independent posts, not parts of one piece: "New in Emacs 25.1: <feature>"
        # (Nov 2014 - Feb 2016, "short posts listing a single feature", one per feature as it
        # lands in master), "Emacs.SE Lessons" (one Emacs.SE question and answer per post, "on
        # its fourth episode"), "New on Elpa" (an announcement per new package; borderline: two
        # posts). Kept multipart: "New in 24.4" ("I still had to divide it into 3 parts") and
        # "New in Package.el" (borderline: five posts in 18 days, a planned tour of one
        # package manager's changes, each citing the previous one)
        recurring={"New in 25.1", "Emacs.SE Lessons", "New on Elpa"},
    ),
    Blog(
        id="marisme",
        repo="airsmon/marisme",
        commit="2640b7efa65f87f3ea4e3227bb1decc85a0c1db7",
        site="https://marisme.com/",
        generator="Hugo",
        language="zh",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/(articles|leisure)/.*\.md$",
        url=marisme_url,
        url_source="reconstructed: Hugo permalinks articles = /articles/:slug/ "
        "(slug, else the title); other sections: content path",
    ),
    Blog(
        id="kyungryeol-yoon",
        repo="kyungryeol-yoon/kyungryeol-yoon.github.io",
        commit="1539de8a86e8416e93ad53f62365995140438351",
        site="https://kyungryeol-yoon.github.io/",
        generator="Hugo",
        language="ko",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/.*\.md$",
        url=unseen.hugo_path("https://kyungryeol-yoon.github.io", "content/"),
        url_source="reconstructed: Hugo front-matter url (/posts/<slug>/), else content path",
        part_keys=("series_order",),
    ),
]


def main(argv: list[str] | None = None) -> int:
    # the unseen build's main() reads BLOGS, HERE (the default --out) and its docstring
    # from its module: point them at this corpus
    unseen.BLOGS = BLOGS
    unseen.HERE = HERE
    unseen.__doc__ = __doc__
    return int(unseen.main(argv))


if __name__ == "__main__":
    raise SystemExit(main())
