"""Round 74 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

ngeor (English, with some Greek posts of 2010 to 2013; Jekyll, 3.10 through the github-pages
gem until 2026-02-22, 4.4 at the commit read: Nikolaos Georgiou's blog, served at ngeor.com
from GitHub Pages while the repository held a ``CNAME`` (2019-01-26 to 2026-02-22), earlier a
WordPress blog at ngeor.wordpress.com whose posts were imported on 2018-09-22; 2010 to 2022:
.NET, Mono, BuzzStats and BlogEngine.NET in the early years, then JavaScript testing, Maven,
Docker, Helm, TeamCity, Swagger and continuous delivery). The posts are
``_posts/<year>/<YYYY-MM-DD>-<slug>.md`` (252 files, all read); the whole blog is read, no
window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every file of ``_posts``; none sets ``published: false`` (231 set ``published:
  true``, 21 set nothing), none is a draft (no ``_drafts``), none sets ``permalink`` or
  ``slug``; the newest post (2022-12-03) is older than the commit. ``_config.yml`` defines two
  other collections, ``by_tag`` (tag pages) and ``series`` (the series pages, below); neither
  holds posts. ``pages/`` holds pages (About, and the few posts moved there in 2021-10 as
  pages), not read.
- **Series.** A post is in a series iff its front matter sets ``series: <title>`` (26 posts,
  3 titles, each with 2+ members). Each title has a page in the ``_series`` collection
  (``layout: series``, ``title: <title>``) whose layout lists ``site.posts | where: "series",
  page.title | reverse`` as an ordered list, and a member's page (``_layouts/post.html``)
  shows "This article is part of the <title> series:" above the same ordered list; the
  ``series/`` page lists the three series pages. The label is the title as written (``Unit
  Tests`` 8, ``Functional Tests`` 9, ``CD with Helm`` 9).
- **Order.** No number is declared. Both lists are ``site.posts`` reversed: oldest first, by
  date and time. No two members of ``Unit Tests`` or ``Functional Tests`` share a day, so the
  builder's rank by date is the site's number. ``CD with Helm``'s titles number its members
  ``part 0`` … ``part 8``; the builder's marker check reads ``part 0`` at rank 1 as a
  contradiction and leaves all nine parts ``null``, as it did for hmajid2301's ``Part 0``
  (round 11) and codemachine0121's ``Day 00`` (round 41). (Its two members of 2017-12-09,
  part 7 09:50 and part 8 12:33, are also in path order.) Dates are read as Jekyll reads them on
  GitHub Pages (UTC): every post's date carries an offset (``+01:00``/``+02:00``) or is a
  bare date, and no post's UTC day differs from the day written, nor from its file name's.
- **Kind.** All three series are ``multipart``: two weekly tutorial runs (2016-04 to 06 on
  unit testing with mocha, chai and sinon; 2016-06 to 08 building a functional-testing
  framework with WebdriverIO) and a nine-part tutorial (2017-11 to 12) going from a hello
  world app to a DTAP pipeline on Kubernetes with Helm.
- **Titles that mark a part but declare no series are left out** (``undeclared_parts``), as
  earlier rounds did (differentpla, round 69): ``JavaScript Static Code Analysis, part 2``
  (2016-02-13) and the unnumbered post it continues (``JavaScript Static Code Analysis``,
  2016-02-07); ``Terraform secrets part 2 - Randomize it`` (2018-11-04) and ``Terraform
  secrets`` (2018-10-06); ``Learning QBasic part 1`` (2020-08-08) and ``part 2``
  (2020-11-30). Six posts.
- **Kept standalone, as declared:** version sequels (``Dockerize the build plan v2.0`` and
  ``Deploying with Helm v2.0``, 2018-08, follow-ups of two ``CD with Helm`` members;
  ``Compiling Mono and friends on Ubuntu, v2``; ``My Maven release workflow v2``; ``BuzzStats
  1.1``/``1.2``; the ``w3c-nant version …`` release notes), the five ``BlogEngine.NET MVC``
  posts of 2013-03 (a project diary sharing a title prefix), the 2017-12 TeamCity/Docker run
  after ``CD with Helm``, and ``When developers cannot unit test`` (2016-04-09): the old
  WordPress series page listed it first among the unit-testing posts and its front matter
  named ``Unit Tests`` from 2018-11-04 until the author removed it on 2019-02-09 ("Categorised
  several posts"); at the commit read it declares no series, so it is standalone.
- The Greek posts (2010 to 2013, e.g. ``Η Ελλάδα έχει θάλασσα;``) are the author's own posts
  among the English ones, not translations of other posts; they are read like the rest.

The commit read is ``416e3bf72a31`` (2026-03-20, a dependabot merge), the newest on
``master``; ``_posts``, ``_series``, ``_layouts`` and ``_config.yml`` are the same as at
``abbf576`` (2025-11-15), the last commit before ``9ef2380`` (2026-02-22) removed the
``CNAME`` and the GitHub Pages gem, i.e. the content ngeor.com served.

URLs: Jekyll's ``permalink: /:year/:month/:day/:title:output_ext`` (``_config.yml``; the
file name's slug, ``.html``) under ``https://ngeor.com`` (the ``CNAME`` of 2019-01-26 to
2026-02-22; ``url`` is empty in ``_config.yml``).

``build.py`` loads this module after ``round72.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
74") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog = unseen.Blog

# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="ngeor",
        repo="ngeor/blog",
        # `master` on 2026-03-20 08:27:20 +0100 (a dependabot merge), the default branch; its
        # posts, series pages, layouts and config are those of abbf576 (2025-11-15), the last
        # commit served at ngeor.com
        commit="416e3bf72a31ce485519c4029b1ffc576e3d1159",
        site="https://ngeor.com/",
        generator="Jekyll (4.4 at the commit read; 3.10 on GitHub Pages while served at "
        "ngeor.com; site layouts, series collection pages and the series list in each "
        "member's page)",
        language="en (some posts el, 2010-2013)",
        licence="GPL-3.0 (repository LICENSE)",
        all_paths=True,
        include=r"^_posts/\d{4}/\d{4}-\d{2}-\d{2}-[^/]+\.md$",
        undeclared_parts=(
            # `, part 2` (2016-02-13) and the unnumbered first it continues (2016-02-07)
            "JavaScript Static Code Analysis",
            "JavaScript Static Code Analysis, part 2",
            # `part 2` (2018-11-04) and the unnumbered first (2018-10-06)
            "Terraform secrets",
            "Terraform secrets part 2 - Randomize it",
            # `part 1` (2020-08-08) and `part 2` (2020-11-30)
            "Learning QBasic part 1",
            "Learning QBasic part 2",
        ),
        url=unseen.jekyll("https://ngeor.com", "/:year/:month/:day/:title.html"),
        url_source="reconstructed: Jekyll permalink /:year/:month/:day/:title:output_ext "
        "(_config.yml; front-matter date, file name slug, .html) under https://ngeor.com "
        "(the repository's CNAME, 2019-01-26 to 2026-02-22)",
    ),
]
