"""Round 42 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

raphink (English, Astro: Raphaël Pinson's (raphink) "Beyond Survivorship" at raphink.info,
2004-2026: his early Blogspot posts (2004-2012: Ubuntu and KDE, Augeas, LaTeX, free
software, languages, faith), then the posts he writes on dev.to, which the repository's
daily workflow syncs in (2020-2026: Puppet, Terraform, observability and DevOps, old
photographs and machine learning, Instruqt labs, then autism awareness and essays on
generative AI)). The posts are ``src/content/posts/*.md`` (``src/lib/posts.js``
``getAllPosts('en')``: every file whose ``template`` is ``post``, all 184; three are left
out: an undeclared two-part run and a lone ``#1`` of 2006); YAML front matter with
``title``, ``date`` (``"2020-05-13T08:32:41Z"``), ``tags`` and, on 40 posts, ``series:
"Puppet Infrastructure Performance"`` (the dev.to article's series, written by
``scripts/fetch-devto-posts.js``). ``src/pages/series/[slug].astro`` groups the posts by
``series`` and lists each series oldest first by ``date`` (the full time), numbering the
cards 1..n (``seriesIndex``); a member's page links its series. No number is declared, so
parts are date ranks, except for ``Autism Awareness`` (four members dated 2026-04-09, whose
file order differs from their time order: ``unordered``).

Six series of 2+ and three single-post series, all multipart. Only the English edition is
read (the site's default, ``/posts/``); the French one (``src/content/fr/posts/``, 27
translations of 2026 posts, ``translation:`` naming the English post) is not.

URLs: ``src/pages/posts/[slug].astro`` serves each post at ``/posts/<file name without
.md>/`` (``posts.js``: ``/posts/${filename}/``; the RSS feed's links) under
``astro.config.mjs`` ``site: 'https://raphink.info'`` (``raphink_post``).

``build.py`` loads this module after ``round41.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
42") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def raphink_post(base: str) -> Callable[[Post], str]:
    """``src/lib/posts.js``: an English post's URL is ``/posts/<file name without .md>/``
    (no post sets ``slug`` or ``url``; the route takes the file name)."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/posts/{p.stem}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="raphink",
        repo="raphink/blog",
        # `master` (the default branch; Netlify builds it with `npm run astro:build`, and
        # the `sync-devto` workflow commits the dev.to posts to it daily)
        commit="c901a5ec0225d48a19338b5049a74262c3926812",
        site="https://raphink.info/",
        generator="Astro (site pages and series pages; posts synced from dev.to and Blogspot)",
        language="en (six 2005-2009 Blogspot posts fr, five of them tagged `français`; the "
        "French edition, 27 translations, not read)",
        licence="no licence stated",
        all_paths=True,
        # the English posts (src/lib/posts.js reads src/content/posts/*.md, template: post);
        # src/content/fr/posts/ holds the French translations
        include=r"^src/content/posts/[^/]+\.md$",
        # parts: date ranks (the series pages order by `date`, no number declared)
        unordered={
            "Autism Awareness": "four members dated 2026-04-09 (16:36, 16:45, 16:48, 16:52 "
            "UTC): the site numbers them by time, file order puts `The constant background "
            'hum` (16:52) before `What "autistic spectrum" actually means` (16:48)',
        },
        undeclared_parts=(
            # a two-post run of 2006-03-13 on a sermon about the commandments, its second
            # post titled as part 2, no series declared: both left out
            "Commandments to free!",
            "Do as you want… (commandments part 2)",
            # a lone `#1` of 2006-07-19 (a review of Christian projects on Sourceforge, "in
            # order of appearance"); no later part, no series declared
            "Christian projects on Sourceforge #1",
        ),
        url=raphink_post("https://raphink.info"),
        url_source="reconstructed: src/lib/posts.js /posts/<file name>/ (served by "
        "src/pages/posts/[slug].astro) under site https://raphink.info (astro.config.mjs)",
    ),
]
