"""Round 35 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

hawkeye-xb (Simplified Chinese, Hugo with the author's own Terminal-Hub theme, a git
submodule, earlier PaperMod: "Hawkeye-xb Blog", a front-end and Electron developer's blog
and later an indie maker's, 2023-2026: building the blog with Hugo, Flutter, Electron and
a study of the Figma desktop client, a WebRTC file-sharing app, front-end interview notes,
a road trip through Qinghai and Gansu, AI coding tools, and from 2026 essays on AI products
that the author also publishes on a WeChat account). The posts are
``content/zh/posts/<topic>/<name>.md``; they declare their series in the front matter
(YAML; 14 files write TOML), ``series: ["零基础实战Flutter"]``, a Hugo taxonomy (``hugo.toml``
``[taxonomies] series = "series"``). The theme shows a series only as its term page
(``layouts/_default/taxonomy.html``, Hugo's default order, newest first) and as a
``series`` directory of its terminal-style command line (``static/js/cli.js``, the term's
posts in the site's order); it numbers nothing. No number is declared (no
``series_order``, no ``weight``), so parts are date ranks; no two published members of a
series share a day. One series, ``薅羊毛`` (freebie tips), is a column with no sequence
(``recurring``). The site is bilingual (``defaultContentLanguage = "zh"``,
``defaultContentLanguageInSubdir``); only the Chinese edition, ``content/zh``, is read
(``content/en`` holds two translations of the blog-building series).

``build.py`` loads this module after ``round34.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
35") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="hawkeye-xb",
        repo="hawkeye-xb/blog",
        # `main` (the default branch: posts, config, the theme as the submodule
        # themes/terminal-hub at 178995e6aea0, read from hawkeye-xb/Terminal-Hub); no built
        # output and no deployment configuration in the repository
        commit="51bd73afd81aa5b101708fd16b0fa2632a7efd80",
        site="https://hawkeye-xb.xyz/zh/",
        generator="Hugo (Terminal-Hub theme, the author's own; series taxonomy)",
        language="zh (Simplified Chinese; the English edition, two translations, not read)",
        licence="no licence stated (no LICENSE in the repository)",
        all_paths=True,
        # the posts `content/zh/posts/<topic>/<name>.md` (the Chinese edition; drafts, among
        # them the folder `drafts/`, set `draft: true`); `content/zh/about.md`,
        # `archives.md`, `search.md` and `projects/` are pages
        include=r"^content/zh/posts/.+\.md$",
        recurring={
            # "薅Deno 羊毛：一分钟代理OpenAI API" (2023-12) and "薅羊毛：使用kagi + r.jina.ai
            # 浅浅的翻半拉墙" (2024-05): one free service each, no sequence
            "薅羊毛",
        },
        # parts: date ranks (no member declares a number; the series are shown only as
        # taxonomy term pages and the theme's command-line `series` directory)
        # hugo.toml: baseURL "/" (the earlier config/_default/hugo.yaml, removed 2026-04-14:
        # https://hawkeye-xb.xyz/; the posts link https://hawkeye-xb.xyz/zh/posts/...), no
        # `permalinks`, `defaultContentLanguageInSubdir = true`: /zh/posts/<topic>/<name>/,
        # lower-cased by Hugo; no post sets `slug` or `url`
        url=unseen.hugo_path("https://hawkeye-xb.xyz", "content/zh/", prefix="/zh/"),
        url_source="reconstructed: Hugo, no permalink rule: content path "
        "/zh/posts/<topic>/<file name>/, lower-cased (defaultContentLanguageInSubdir, "
        "language zh) under https://hawkeye-xb.xyz (the baseURL of the site's earlier "
        'config/_default/hugo.yaml; hugo.toml now sets "/")',
    ),
]
