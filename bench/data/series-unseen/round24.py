"""Round 24 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

enjoytoday (English, Hugo with the site's own layouts and series navigation: "Mason's Build
Logs", a solo developer's product logs and notes on indie hacking, AI tools, front-end
libraries (bpmn-js, docx.js, Chrome extensions) and web tooling, 2021-2026). Its posts declare
their series in the TOML or YAML front matter, ``series = "solo-trial"`` or ``series:
["BPMN.js Mastery"]``, a Hugo taxonomy (``[taxonomies] series = "series"``); the site's
``layouts/partials/series-nav.html`` lists the members of the post's series ``ByDate`` and
numbers them "Part N". No number is declared, so parts are date ranks. Two series are notes
columns with no sequence (``recurring``).

``build.py`` loads this module after ``round23.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
24") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="enjoytoday",
        repo="amikoj/solo-growth-blog",
        commit="982f26871a370c552d1f8fccd7b8cf3f6afb1f5a",
        site="https://www.enjoytoday.cn/",
        generator="Hugo (site layouts, site series navigation)",
        language="en (hugo.toml languageCode en-us)",
        licence="no licence stated (no LICENSE in the repository)",
        all_paths=True,
        # `content/posts/<slug>.md`; `content/series/*/_index.md` are the series' list pages
        # and the about, privacy, projects, search and terms pages are not posts
        include=r"^content/posts/.+\.md$",
        recurring={
            # "My personal notes on various topics" (the series page): essays on AI and
            # writing and the blog's first-shipment note, no sequence between them
            "personal-notes",
            # two unrelated tech-thoughts pieces (Trae losing Claude; a LangGraph agent)
            "tech",
        },
        # parts: date ranks (the series navigation numbers the members "Part N" in `ByDate`
        # order; the one same-minute pair, `modern-web-dev`'s two posts of 2026-03-04
        # 10:00, keeps the site's default order by title, which is also the path order)
        # hugo.toml sets no permalinks: the content path /posts/<file stem>/ under baseURL
        # https://www.enjoytoday.cn/; no post sets `slug` or `url`
        url=unseen.hugo_path("https://www.enjoytoday.cn", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /posts/<file stem>/ "
        "under hugo.toml baseURL https://www.enjoytoday.cn/",
    ),
]
