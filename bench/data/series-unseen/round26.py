"""Round 26 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

tomy (Traditional Chinese, Hugo with the Congo theme: Tomy Hsieh's "Tomy's Blog" on life as
a student, a substitute-military conscript and a software engineer in Taiwan and the United
States, travel, books, monthly and yearly reviews, gadgets and web development, 2018-2026).
Its posts declare their series in the YAML front matter, ``series: ["📰 每月報報"]``, a Hugo
taxonomy (``config/_default/hugo.toml`` ``[taxonomies] series = "series"``; the archetypes
say "Series taxonomy, and og:see_also"); Congo shows the post's taxonomy terms
(``article.showTaxonomies``), each linking to the term's list page, and the site's
``opengraph.html`` lists the term's pages as ``og:see_also``. No number is declared
(no ``series_order``, no ``weight``), so parts are date ranks. Three series are columns with
no sequence (``recurring``). The site is bilingual (``defaultContentLanguage = "zh-tw"``,
``defaultContentLanguageInSubdir``); only the Chinese edition, ``index.zh-tw.md``, is read.

``build.py`` loads this module after ``round25.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
26") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="tomy",
        repo="tomy0000000/blog",
        commit="41480c4d419214b1082e718c300ffd91606735ed",
        site="https://blog.tomy.me/zh-tw/",
        generator="Hugo (Congo theme)",
        language="zh-TW (Traditional Chinese; the English edition not read)",
        licence="posts CC BY-NC-ND 4.0, media CC BY-NC 4.0, code MIT (the site's copyright "
        "page); no LICENSE in the repository",
        all_paths=True,
        # page bundles `content/posts/<slug>/index.zh-tw.md` (the Chinese edition; the four
        # `index.en.md` are the English edition, two of them translations); the about,
        # copyright, privacy, subscribe and `tomy` pages and the taxonomy list pages
        # (`content/series/*/_index.zh-tw.md`) are not posts
        include=r"^content/posts/[^/]+/index\.zh-tw\.md$",
        recurring={
            # "2023 年 1 月報報" ... "2025 年 12 月報報": one monthly review a month, 2023-2026
            # (the archetype `monthly-dump.md` presets this series)
            "📰 每月報報",
            # "2022 回顧", "2023 展望", "2024 展望", "2023 回顧", "2024 回顧", "2025 展望":
            # yearly reviews and outlooks
            "🔭 回顧 & 展望",
            # book notes ("⚛ 原子習慣", "《🐘 房間裡的大象》", "52 赫茲的鯨魚們", "從前從前，有間
            # 古書店"), one book each, no sequence
            "📔 閱讀",
        },
        # parts: date ranks (no member declares a number); the three posts that declare two
        # series (`ethical-travel`: 閱讀 + 旅遊雜談; `the-sense-of-internationalized` and `-2`:
        # 旅遊雜談 + 怎樣叫國際化) are left out by the builder, as for every blog
        # config/production/hugo.toml baseURL https://blog.tomy.me; no `permalinks`, and
        # `defaultContentLanguageInSubdir = true` puts the default language under /zh-tw/:
        # /zh-tw/posts/<bundle directory>/; no post sets `slug` or `url`
        url=unseen.hugo_path("https://blog.tomy.me", "content/", prefix="/zh-tw/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /zh-tw/posts/<bundle "
        "directory>/ (defaultContentLanguageInSubdir, language zh-tw) under "
        "config/production/hugo.toml baseURL https://blog.tomy.me",
    ),
]
