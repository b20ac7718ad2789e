"""Round 38 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

andrewwegner (English, Pelican with the pelican-series plugin and the site's own theme,
``professional-template``: Andrew (Andy) Wegner's andrewwegner.com, an engineering leader's
and Stack Overflow moderator's blog, 2009-2026: a game-server community's notes, Linux and
home-server how-tos, Stack Overflow moderation and spam fighting, Udemy and Coursera course
reviews, a hydroponic garden, ChatGPT against interview platforms, the 2023 moderator
strike, Python gotchas and engineering leadership). The site is split over two
repositories: the articles are Markdown files at the top of
``AWegnerGitHub/awegnergithub.github.io-content`` (read here), which its deploy workflow
copies into the ``content`` directory of ``AWegnerGitHub/awegnergithub.github.io-source``
(``pelicanconf.py``, ``publishconf.py``, plugins, theme) before running Pelican. Each article
declares its series in the Markdown metadata header, ``Series: Programming Gotchas`` (the
pelican-series plugin, ``PLUGINS`` in ``pelicanconf.py``); the theme's ``article.html``
shows "Part <index> of <n> · <series>" above every series article's title, the plugin
numbering a series by date. No article declares ``series_index``, so parts are date ranks;
no two members of a series share a day.

Eight series, all of 2+: five multipart (``Stack Overflow Link Analysis``, ``Recovering
from data loss``, ``Rise Gardens Review``, ``ChatGPT Commentary``, ``Stack Exchange
Moderation Strike 2023``) and three columns, ``recurring`` (``Course Reviews``: one course
each; ``Programming Gotchas``: one language pitfall each; ``Leadership Thoughts``: essays),
whose parts are left null as for every recurring series of this corpus. No article is a
draft (``Status: published`` on 134, absent on 15, Pelican's default being published).

URLs: ``pelicanconf.py`` sets no ``ARTICLE_URL``, so Pelican's default ``{slug}.html``, with
the ``Slug`` every article declares, under ``publishconf.py`` ``SITEURL
https://andrewwegner.com`` (the builder's ``pelican``); the built site
(``AWegnerGitHub/awegnergithub.github.io``) holds a ``<slug>.html`` for every article but
the newest, written after that build.

``build.py`` loads this module after ``round37.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
38") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="andrewwegner",
        repo="AWegnerGitHub/awegnergithub.github.io-content",
        # `master` (the default branch: the articles, `pages/about.md`, `images/`, `extra/`
        # and the deploy workflow); the configuration and theme are in
        # AWegnerGitHub/awegnergithub.github.io-source @ baac124bb33a (pelicanconf.py,
        # publishconf.py; pelican-series in requirements.txt and pyproject.toml)
        commit="232327753c73400f03204653d75eff1841f9aeff",
        site="https://andrewwegner.com/",
        generator="Pelican (Markdown, pelican-series plugin, site theme; content and "
        "configuration in two repositories)",
        language="en",
        licence="no licence stated (no LICENSE in either repository; site footer: © Andrew Wegner)",
        all_paths=True,
        # the articles `<yyyy>_<mm>_<dd>_<name>.md` at the top of the repository (149
        # files); `pages/about.md` is a page, `.github/workflows/*.md` a workflow's note
        include=r"^[^/]+\.md$",
        meta=unseen.pelican_meta,
        part_keys=("series_index",),
        recurring={
            # one course review each (Udemy, Coursera, GitLab, Real Python), 2016-2026
            "Course Reviews",
            # one language pitfall each (Python, Ruby), 2023-2025
            "Programming Gotchas",
            # essays on hiring, remote work and engineering management, 2022-2026
            "Leadership Thoughts",
        },
        # parts: date ranks (pelican-series numbers a series by date; no `series_index`)
        url=unseen.pelican("https://andrewwegner.com", "{slug}.html"),
        url_source="reconstructed: Pelican default ARTICLE_URL {slug}.html (pelicanconf.py "
        "sets none; declared Slug) under https://andrewwegner.com (publishconf.py SITEURL); "
        "checked against the built site's file names",
    ),
]
