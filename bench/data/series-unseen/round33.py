"""Round 33 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

timposu (Indonesian, Jekyll 3 on GitHub Pages with the Skinny Bones starter theme and a site
include ``_includes/series.html``: Ucup Timposu's "Timposu Labs" at www.timposu.com, a
programming tutorial blog, 2009-2017: Java and Java Swing, Java EE, Maven, Hibernate and
Spring, MongoDB and MySQL, Linux, Kali Linux and Fedora tips, Android, JavaScript charts, SMS
gateways). The posts are ``_posts/<category>/<date>-<name>.md|.markdown``; they declare their
series in the YAML front matter, ``series: "Tutorial Java Core"`` (a string; some posts write
``series : "…"``, the same key). The include, which 29 of the 31 members pull into their text
(``{% include series.html %}``), says "Artikel ini adalah bagian dari seri <series>" and lists
the posts of ``site.posts reversed`` that declare the same series, i.e. by date and time,
oldest first; the article layout's related-post list adds "(Series: <series>)" to a member's
title. No number is declared, so parts are date ranks. Two series, both tutorial sequences:
``Tutorial Java Core`` (16) and ``Tutorial MongoDB`` (15).

``Tutorial MongoDB`` is ``unordered`` (parts null): eight of its members were published on
two days (three on 2016-03-28, five on 2016-03-31) in an order by time that the builder's
tie by file path contradicts; the site's series list and the author's ``Tutorial MongoDB``
index post open with ``Mengenal MongoDB``, the date rank would put ``MongoDB - Cara
Install MongoDB Di Linux`` first. ``Tutorial Java Core``'s date ranks agree with its index
post ``Tutorial Java``, which lists all sixteen. Three Spring posts number themselves
without declaring a series (``Contoh Spring Framework Depedency Injection`` and its ``…
Bag 2``/``Bag 3``, "Bag" = bagian, part): left out (``undeclared_parts``), as earlier rounds
left out such runs. One post sets no ``title``; Jekyll 3 titles it from its file name
(``title_from_filename``, as for hobeen-kim).

URLs: ``_config.yml`` ``permalink: /:title/`` (the front-matter ``slug`` when set, else the
file name's slug; every slug is lower-case ASCII with hyphens) under the custom domain of
the ``CNAME`` file, www.timposu.com (``url`` is empty in ``_config.yml``); the posts link
each other the same way (``/mengenal-mongodb/``).

``build.py`` loads this module after ``round32.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
33") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="timposu",
        repo="TopekoX/ucuptimposu.github.io",
        # `master` (the default and only branch, built by GitHub Pages: a user site); its
        # last commit (2019-05-12) sets the CNAME, the last post is of 2017-08-27
        commit="f27b80c9709ad17db3593f96da32202d0631ae5f",
        site="https://www.timposu.com/",
        generator="Jekyll 3 (GitHub Pages, Skinny Bones, site series include)",
        language="id (Indonesian)",
        licence="no licence stated for the posts (LICENSE is the Skinny Bones theme's MIT, "
        "2014 Michael Rose)",
        all_paths=True,
        # the posts `_posts/<category>/<date>-<name>.md|.markdown`; no drafts folder, no
        # post outside `_posts`
        include=r"^_posts/.+\.(md|markdown)$",
        # one post (`2015-09-05-mempermudah-penulisan-codding-dengan-emmet-plugin`) sets no
        # title: Jekyll 3 titleizes its file name
        title_from_filename=True,
        unordered={
            "Tutorial MongoDB": "eight members published on two days (2016-03-28: 20:18, "
            "20:36, 23:44; 2016-03-31: 00:08 to 20:04) in an order by time that the tie by "
            "file path contradicts (the site's series list and the author's index post open "
            "with `Mengenal MongoDB`; the date rank would put `MongoDB - Cara Install "
            "MongoDB Di Linux` first)",
        },
        undeclared_parts=(
            # a Spring dependency-injection run numbered in its titles ("Bag" = bagian,
            # part), declaring no series: its first post and parts 2 and 3
            "Contoh Spring Framework Depedency Injection",
            "Spring Framework Depedency Injection Bag 2",
            "Spring Framework Depedency Injection Bag 3",
        ),
        # parts: date ranks (the series include lists `site.posts reversed`, by date);
        # no series is a column
        # _config.yml: permalink /:title/ (slug else file name), url empty; CNAME
        # www.timposu.com
        url=unseen.jekyll("https://www.timposu.com", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml; the front-matter "
        "slug, else the file name) under the CNAME www.timposu.com",
    ),
]
