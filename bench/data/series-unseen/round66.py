"""Round 66 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

buffered (English, Octopress 2 on Jekyll 0.12: OJ Reeves' blog "OJ's perspective" at
buffered.io, 2006 to 2015: software development, .NET, Haskell and Erlang, Project Euler
in Haskell, Webmachine and Riak, then security, exploit development and CTF write-ups). The
posts are ``source/_posts/<date>-<slug>.markdown`` (270 files); none sets ``published``.

A post's front matter may set ``series: "<name>"`` (16 posts): ``Project Euler`` (11,
2008-03 to 07) and ``Web Development with Erlang`` (5, the ``Webmachine, ErlyDTL and Riak -
Part N`` posts, 2010-09 to 2012-07). From 2012-01-15 ("added the series functionality") to
2014-03-22 the site read it: ``plugins/preview_unpublished.rb`` gathered ``site.series``
(each series' posts sorted newest first), ``plugins/series_generator.rb`` wrote a page per
series (``/series/<name>/``, layout ``series_index``: the posts by year, newest first,
unnumbered), and a sidebar aside (``custom/asides/series.html``, ``plugins/series_list.rb``)
listed each series with its count. Commit 6e79d858 (2014-03-22, "Updated OCTO") removed
those plugins, the aside and the layout; the posts kept their declarations unchanged, and the
commit read presents no series. The labels are the declarations as written (the corpus' rule:
a post is in a series iff its front matter declares one), as the site showed them until
2014-03. No number is declared, so the parts are the date ranks, except ``Project Euler``
(``unordered``): its ``Project Euler #4 - Reprise`` (2008-03-22) sits between ``#4`` and
``#5``, so ``#N`` is rank N+1 from ``#5`` on, which the marker check (it does not read
``#N``) cannot see.

Left out (``undeclared_parts``): ``Becoming a Geek Part 1…3`` (2007, no series declared) and
the programming challenges: ``Challenge #2 - The Recursive Ruler``, ``Challenge #3 - Day of
Birth`` and the unnumbered first they continue, ``Who's up for a challenge?`` (2006-09-15,
which sets ``Challenge #1 - Linked List Loops``), no series declared.

The commit read is ``d30587110d7f`` (2015-11-05 15:39 +1000), the newest on ``master``, the
snapshot's only branch; the repository holds the Octopress sources (``source/``), not a
built site.

URLs: ``_config.yml`` ``permalink: /posts/:title/`` under ``url: http://buffered.io``
(``source/CNAME``: ``buffered.io``); ``:title`` is the file name's slug; no post sets
``permalink`` or ``slug``.

``build.py`` loads this module after ``round65.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
66") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="buffered",
        repo="YarboJanks/buffered.io",
        # `master` on 2015-11-05 15:39:16 +1000 ("Update course location"), the snapshot's
        # only branch
        commit="d30587110d7f8dc6abc29f5e0b171606272b9faf",
        site="http://buffered.io/",
        generator="Jekyll 0.12 (Octopress 2; series plugins and series pages 2012-01 to "
        "2014-03, removed before the commit read)",
        language="en",
        licence="CC BY-SA 3.0 (site footer: the blog content, by OJ Reeves); Octopress MIT",
        include=r"^source/_posts/\d{4}-\d{2}-\d{2}-[^/]+\.markdown$",
        unordered={
            "Project Euler": "`Project Euler #4 - Reprise` sits between `#4` and `#5`, so "
            "`#N` is rank N+1 from `#5` on; the marker check does not read `#N`",
        },
        undeclared_parts=(
            # three parts numbered in their titles (2007-06 to 07), no series declared
            "Becoming a Geek Part 1: The General Geek",
            "Becoming a Geek Part 2: The Web Geek",
            "Becoming a Geek Part 3: The Game Geek",
            # numbered programming challenges (2006-09 to 2007-02), no series declared; the
            # first, unnumbered in its title, sets `Challenge #1 - Linked List Loops`
            "Who's up for a challenge?",
            "Challenge #2 - The Recursive Ruler",
            "Challenge #3 - Day of Birth",
        ),
        url=unseen.jekyll("http://buffered.io", "/posts/:title/"),
        url_source="reconstructed: Jekyll permalink /posts/:title/ (_config.yml; the file "
        "name's slug) under http://buffered.io",
    ),
]
