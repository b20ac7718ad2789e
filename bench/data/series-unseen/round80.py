"""Round 80 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

joshuakgoldberg (English; Astro 5 with legacy content collections, the site's own pages and
components: "Goldblog", the blog of Josh Goldberg, served at joshuakgoldberg.com/blog; an open
source maintainer's blog on TypeScript, typescript-eslint and linters, web development, open
source work and conferences, 2016-12 to 2026-03). The posts are
``src/content/blog/<slug>/index.mdx`` (74 files; the repository's history begins 2023-04-05,
when the posts of 2016 to 2023-03 were brought over from the author's earlier blog); the whole
blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``src/content/blog/<slug>/index.mdx``: the entries of the ``blog``
  collection (``src/content/config.ts``), every one of which ``src/pages/blog/[slug].astro``
  renders and ``blog.astro`` lists (``getCollection("blog")``, no filter). The schema has no
  draft field; no entry sets ``slug``. Not read: ``src/content/speaking`` (talk entries, a
  separate collection and page).
- **Reading.** YAML front matter, as Astro reads it (js-yaml): five entries indent their
  ``tags`` flow list with tabs, which js-yaml accepts and PyYAML does not, so tabs in the front
  matter are read as spaces. ``pubDate`` is the date (``z.coerce.date()``); a value with a time
  (``2023-08-07 10:00 GMT``) gives its day. ``How I Attend a Conference`` declares
  ``pubDate: 2024-09-31``, a day that does not exist: js-yaml builds it with ``Date.UTC``,
  which rolls over to 2024-10-01, the date the site shows (``DateAndMinutes`` formats in GMT);
  that date is kept. ``tags`` are the categories (absent on most posts). Titles as written in
  front matter (the page strips backticks for display, ``createBlogTitle``; the RSS feed keeps
  them).
- **Series.** The schema's ``series: z.string().optional()``; a member's page shows
  ``Series: <name>`` with Previous and Next links (``BlogSeries.astro``: the collection's
  entries with the same ``series``, sorted by ``pubDate``). A post is in a series iff it
  declares ``series``; the label is the value as written. Three values, all of 2+, 36 posts:
  ``Linters`` 15, ``TypeScript Contribution Diary`` 12, ``Personal`` 9.
- **When the labels were written.** The ``series`` field came with the author's pull request
  #67 (2025-02-28, "feat: add blog series data and post links"), which labelled the 12
  ``TypeScript Contribution Diary`` posts (2018–2023) after the fact; ``Personal`` came on
  2025-03-05 (seven yearly posts, in the commit of another post), ``Linters`` on 2025-03-24
  (``Hybrid Linters …`` and ``Why Typed Linting Needs TypeScript Today``) and on 2025-08-05
  (commit ``bf5eb46``, "fix: add series: Linters to linter blog posts", 13 more); the two
  2026 ``Personal`` posts declared it when added. All by the author's hand in his own commits
  (no AI co-author trailers, no CLAUDE.md or AGENTS.md); the posts themselves are 2016–2026,
  mostly written before the AI era, the labels in 2025.
- **Order.** No number is declared; the Previous/Next links run by ``pubDate``, so parts are
  date ranks (the builder's rank by date). ``Linters`` holds two runs whose titles number
  their own posts (``TSLint to ESLint Part 1``/``Part 2``, published the same day as ``Thoughts
  as a TSLint Maintainer``, 2019-11-19; ``If I Wrote a Linter, Part 1`` … ``Part 4``, its 12th
  to 15th posts): the builder's marker check reads the contradiction and leaves the series'
  15 parts ``null``, as in every round; no override.
- **Kind.** ``TypeScript Contribution Diary`` is ``recurring``: an open-ended diary column, one
  TypeScript pull request per post (2018-02 to 2023-11), in no sequence (round 77's
  ``LeetCode题解``). ``Personal`` is ``recurring``: the yearly reviews, plans and finance
  reports (``2022 In Review``, ``My Plans for 2023``, ``2024 Finances In Review``, …), a column
  like the yearly reviews of earlier rounds. ``Linters`` is ``multipart``: a topical group on
  the site's series navigation, kept ``multipart`` as declared like the topical groups of
  earlier rounds (digitaldrummerj's, chemaclass-es').
- **Titles that mark a part but declare no series are left out** (``undeclared_parts``):
  ``Speeding Up Centered Part 1: 81 <iframe> Embeds`` … ``Part 5: Emoji Processing``
  (2023-07 to 09), a five-part run whose author declared no series.
- **Kept standalone, as declared:** ``2023 In Review`` (2024-01-31; the other yearly reviews
  declare ``Personal``, this one does not), the ``…: FAQs`` companions (``How I Apply to
  Conferences: FAQs``, ``Contributing to a create-typescript-app Repository: FAQs``), the
  linting posts that declare no series (``You Probably Don't Need `eslint-config-prettier` …``,
  ``Definitely Formatted``, ``So You've Got A Gap In Code Coverage``), ``Full Time Open
  Source`` and ``Six Months of Full Time Open Source``.

The commit read is ``9b19f38b565d`` (2026-07-21 18:46 -0400, "chore: pnpm approve-builds"), the
newest on ``main``, the default branch; the other branches are renovate updates and unmerged
drafts of single posts (``blog-the-million-dollar-open-sourcerer``, ``code-is-political``, …).

URLs: ``src/pages/blog/[slug].astro`` under ``site = "https://joshuakgoldberg.com"``
(``src/constants.ts``, ``astro.config.ts``): ``/blog/<entry slug>/``, the slug being the
entry's directory name github-slugged (``you-probably-don't-need-…`` becomes
``you-probably-dont-need-…``), with the trailing slash of Astro's directory build format, as
round 49 builds nickymeuleman's.

``build.py`` loads this module after ``round78.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
80") for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from types import ModuleType

import yaml

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

BASE = "https://joshuakgoldberg.com"
COLLECTION = "src/content/blog/"
DATE = re.compile(r"^(pubDate:\s*)(\S.*?)\s*$", re.M)


def js_utc_day(value: str) -> str | None:
    """The day js-yaml gives a ``YYYY-MM-DD`` timestamp: ``Date.UTC(y, m - 1, d)``, which rolls
    a day past the month's end over into the next month (2024-09-31 is 2024-10-01); a value
    with a time gives its day."""
    m = re.match(r"\s*['\"]?(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not m:
        return None
    first = dt.date(int(m[1]), 1, 1)
    month = int(m[2]) - 1
    start = dt.date(first.year + month // 12, month % 12 + 1, 1)
    return (start + dt.timedelta(days=int(m[3]) - 1)).isoformat()


def goldblog_meta(text: str, path: str) -> dict[str, object] | None:
    """The entry's front matter as Astro reads it (js-yaml: tabs in the flow lists read as
    spaces; ``pubDate`` as js-yaml builds it), ``pubDate`` given as ``date``."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    head = text[4:end].replace("\t", "  ")
    raw = DATE.search(head)
    if raw is None:
        raise ValueError(f"{path}: no pubDate")
    # quoted, so that PyYAML does not build (and reject) an impossible date itself
    head = DATE.sub(lambda m: m[1] + "'" + m[2].strip("'\"") + "'", head, count=1)
    fm = yaml.safe_load(head)
    if not isinstance(fm, dict):
        return None
    fm = {k: v for k, v in fm.items() if k != "pubDate"}
    fm["date"] = js_utc_day(raw[2])
    if fm["date"] is None:
        raise ValueError(f"{path}: pubDate {raw[2]!r} is not a date")
    if "slug" in fm or "draft" in fm:
        raise ValueError(f"{path}: sets slug or draft")
    return fm


github_slug = unseen.github_slug  # github-slugger on one path segment (build.py)


def goldblog_url(p: Post) -> str:
    """``/blog/<entry slug>/``: the entry's directory under the collection, github-slugged."""
    rel = re.sub(r"/index\.(md|mdx)$", "", p.path[len(COLLECTION) :])
    slug = "/".join(github_slug(s) for s in rel.split("/"))
    return BASE + unseen.enc(f"/blog/{slug}/")


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="joshuakgoldberg",
        repo="JoshuaKGoldberg/dot-com",
        # `main` on 2026-07-21 18:46:07 -0400 ("chore: pnpm approve-builds"), the default
        # branch; built by `astro build`, no built output in the repository
        commit="9b19f38b565d1aa838d64e14f25f25973774a6a9",
        site="https://joshuakgoldberg.com/blog/",
        generator="Astro 5 (content collection with a `series` field; Series box with "
        "Previous/Next links on each member's page)",
        language="en",
        licence="MIT (LICENSE.md, README badge; no separate content licence)",
        all_paths=True,
        include=r"^src/content/blog/[^/]+/index\.mdx?$",
        meta=goldblog_meta,
        # a diary column (one TypeScript pull request a post) and the yearly reviews, plans
        # and finance reports
        recurring={"TypeScript Contribution Diary", "Personal"},
        undeclared_parts=(
            # a five-part run numbered in the titles; no series declared
            "Speeding Up Centered Part 1: 81 <iframe> Embeds",
            "Speeding Up Centered Part 2: Hidden Embedded Images",
            "Speeding Up Centered Part 3: Barrel Exports",
            "Speeding Up Centered Part 4: Unused Code Bloat",
            "Speeding Up Centered Part 5: Emoji Processing",
        ),
        # parts: date ranks (the Previous/Next links run by pubDate); `Linters` is left
        # null by the builder's marker check (its titles number two inner runs)
        url=goldblog_url,
        url_source="reconstructed: Astro src/pages/blog/[slug].astro, /blog/<entry slug>/ "
        "(the entry's directory name, github-slugged) under site https://joshuakgoldberg.com "
        "(src/constants.ts; directory build format)",
    ),
]
