"""Round 75 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

route110 (Traditional Chinese, zh-TW; Hugo with the Blowfish theme: "１１０號道路" by 拍拍 (GitHub
oopzzozzo) at route110.blog, a personal blog of daily life, an exchange semester in the US,
life in Singapore, trips, Taipei rentals, small software projects and puzzles. Its older posts
(2018-02 to 2025-01) were written on the author's personal board on PTT (ptt2) and migrated
into this repository in 2025-03 (commits "Migrate Content: ptt2 2018" … "Content: migrate from
ptt2 2023-2025"); the posts from 2025-02 on were written here). The posts are
``content/posts/ptt2/<slug>.md``, ``content/posts/<slug>.md`` and bundles
``content/posts/<slug>/index.md``; the whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every Markdown file under ``content/posts`` except ``_index.md`` and the English
  translations (``index.en.md``, ``<slug>.en.md``: 19 files, translations of zh-TW posts, left
  out as translations are in every round). ``content/interactive`` (two puzzle pages) is not a
  post section. Three files set ``draft = true`` (``測試文``, a test page; ``Moving to Sg``; ``Lorrian: 只有我是這樣嗎？…``); the
  builder leaves them out.
- **Titles that number a run without a declared series are left out** (``undeclared_parts``),
  as earlier rounds do (ngeor, haon): ``弟弟`` … ``弟弟 (4)``, ``女生 (1)``, ``科學方法問題 (1)``,
  ``默契``/``默契 (2)``, ``幾歲``/``幾歲 (2)``, ``放假週 Day 1-2`` … ``Day 5``, ``古晉`` and ``古晉 Day
  0`` … ``Day 2``, ``Coscup Day 1``/``Day 2``; and the later replies titled with the diary day
  they answer (``Re: 交換 Day98``, ``Re: 交換 Day126-127``, ``Re: SG Day 477 傳教`` twice, ``Re: SG
  Day 889 選舉日``), which declare no series. 24 posts.
- **Series.** Hugo's ``series`` taxonomy (``[taxonomies] series = "series"`` in
  ``hugo.toml`` and again in ``languages.zh-tw.toml``); the zh-TW menu links the series list
  (``選集``, ``pageRef = "series"``, rendered by the site's ``layouts/series/terms.html``), and a
  member's page shows Blowfish's series box (``series/series.html``: the first series value,
  then the term's pages). A post is in a series iff its front matter sets ``series = [...]``;
  the label is the value as written. No post sets ``series_order``.
- **Order.** No number is declared. Blowfish sorts the box by ``series_order``, which no post
  sets, so the site declares no order beyond the term's own (date); the builder's rank by date
  stands, except where a title's marker contradicts it (``交換 Day0`` … : the day numbers start
  at 0, so the marker check leaves that series' parts ``null``, as round 41's ``Day 00``).
- **Kind.** ``BlogBlog 同樂會投稿`` (the author's entries to a blogging club's monthly prompts)
  and ``新加坡日常`` (an open-ended diary column of daily life in Singapore) are ``recurring``;
  every other series (the exchange-semester diary, trip diaries, the blog and RSS set-up runs,
  learning Cangjie, the lockdown diary …) is ``multipart``, as the site presents every series
  alike.

The commit read is ``22fe0a9a0a00`` (2026-08-04 22:48 +0800), the newest on ``main``, the only
branch. URLs: Hugo without a permalink rule: ``/posts/<path>/`` (bundle directory or file
stem, lower-cased), zh-TW the default language at the site root, under ``baseURL``
``https://route110.blog``.

``build.py`` loads this module after ``round74.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every other
blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 75") for
the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog = unseen.Blog

# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="route110",
        repo="oopzzozzo/route-110",
        # `main` on 2026-08-04 22:48:15 +0800 ("build: stop publishing python bytecode from
        # content bundles"), the only branch
        commit="22fe0a9a0a001569d75d04f837af49b9f94369dc",
        site="https://route110.blog/",
        generator="Hugo (Blowfish theme; series taxonomy, site series list, Blowfish series box)",
        language="zh-TW (the English translations, 19 files, not read)",
        licence="no licence stated (no LICENSE file)",
        all_paths=True,
        include=r"^content/posts/.+(?<!\.en)\.md$",
        recurring={"BlogBlog 同樂會投稿", "新加坡日常"},
        undeclared_parts=(
            # numbered runs (and the unnumbered posts they continue) that declare no series
            "弟弟",  # 2018-09-22; (2) 2020-03-17, (3) 2021-01-17, (4) 2022-01-22
            "弟弟 (2)",
            "弟弟 (3)",
            "弟弟 (4)",
            "女生 (1)",  # 2018-10-07, no (2)
            "科學方法問題 (1)",  # 2018-12-07, no (2)
            "默契",  # 2019-01-05; (2) 2019-01-19
            "默契 (2)",
            "幾歲",  # 2022-01-14; (2) 2022-07-20
            "幾歲 (2)",
            "放假週 Day 1-2",  # 2022-09-16 to 09-20
            "放假週 Day 3-4",
            "放假週 Day 5",
            "古晉",  # 2022-12-29; Day 0-2 2023-01-10
            "古晉 Day 0",
            "古晉 Day 1",
            "古晉 Day 2",
            "Coscup Day 1",  # 2025-08-10
            "Coscup Day 2",
            # later replies to diary posts, titled with the day they answer; no series
            "Re: 交換 Day98",  # 2024-04-07
            "Re: 交換 Day126-127",  # 2020-10-01
            "Re: SG Day 477 傳教",  # two posts, 2023-08-12 and 2024-02-26
            "Re: SG Day 889 選舉日",  # 2024-05-19
        ),
        url=unseen.hugo_path("https://route110.blog", "content/", "/"),
        url_source="reconstructed: Hugo default path /posts/<section path>/<bundle or file "
        "stem>/ (no permalink rule; zh-tw is the default language at the root) under "
        "baseURL https://route110.blog",
    ),
]
