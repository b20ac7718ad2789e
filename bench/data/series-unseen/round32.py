"""Round 32 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

dadoonet (French and English, Hugo 0.161 with the dream theme, a git submodule, overridden
by the site's own ``layouts/``: David Pilato's blog at david.pilato.fr, a French developer
and Elastic developer advocate, 2010-2026: Java, Maven, Jetty and FusionForge notes and the
discovery of Elasticsearch in French (2010-2013), then in English Elasticsearch plugins,
Logstash and the Elastic stack, datasets explored with Kibana, and a yearly post on each
anniversary of his joining Elastic). The repository also holds his speaker pages
(``content/talks/``, some 600 talk pages that declare no series), which are not blog posts
and are not read. The posts are page bundles ``content/posts/<date>-<name>/index.md``; they
declare their series in the YAML front matter, ``series: ["bano"]`` (a list, as the
archetype ``archetypes/posts.md`` presets it), a Hugo taxonomy (``hugo.toml`` ``[taxonomies]
series = "series"``). The theme shows no series box: a series is its term page
``/series/<term>/`` (the site's ``layouts/_default/term.html``) and Hugo's internal Open
Graph template, which the site's ``head.html`` calls and which links the other members of a
post's series (``og:see_also``). No number is declared, so parts are date ranks; no two
members of a multipart series share a day.

One series is a column (``recurring``): ``career at elastic``, the yearly anniversary posts
(``Once upon a time...`` 2013 … ``13 years: Migrating my speaker page with AI`` 2026), with
the French version of the first one and a French talk write-up on careers, as declared. The
French posts (2010-2013 and one of 2022) and the English ones are one site, one language
setting (``languageCode = 'en-us'``, no translations): all are read.

URLs: ``hugo.toml`` sets no ``permalinks``, so Hugo's default content path under the site's
host (``static/CNAME`` david.pilato.fr; the Pages workflow passes the same base URL):
``https://david.pilato.fr/posts/<bundle directory>/`` (``hugo_path``; every bundle name is
lower-case ASCII, no post sets ``slug`` or ``url``; the ``aliases`` are the old Octopress
paths, redirects only).

``build.py`` loads this module after ``round31.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
32") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="dadoonet",
        repo="dadoonet/dadoonet.github.io",
        # `main` (the default branch: posts, talks, config, site layouts; the theme is the
        # submodule themes/dream); the site is built and deployed by the Pages workflow,
        # no built output in the repository
        commit="fd72354adb6f897ad2bb9239120bc3fdda502a3a",
        site="https://david.pilato.fr/",
        generator="Hugo 0.161 (dream theme, site layouts, series taxonomy)",
        language="en + fr (19 of the 58 posts French: 2010-2013 and one of 2022)",
        licence="MIT (repository LICENSE, 2022 David Pilato); no separate licence for the posts",
        all_paths=True,
        # the posts' page bundles; the talks (`content/talks/<year>/<date>-<name>/`), the
        # about pages and `content/posts/_index.md` (the archive page) are not posts, nor
        # is the data file `meetups.md` inside one bundle
        include=r"^content/posts/[^/]+/index\.md$",
        recurring={
            # one post on each anniversary of joining Elastic (2013-2026, none for 2021),
            # with the French twin of the first one and a French talk write-up on careers
            "career at elastic",
        },
        # parts: date ranks (the term pages list the members by date); `career at elastic`
        # is a column
        # hugo.toml: baseURL https://david.pilato.fr (static/CNAME), no permalinks: Hugo's
        # default path /posts/<bundle directory>/
        url=unseen.hugo_path("https://david.pilato.fr", "content/"),
        url_source="reconstructed: Hugo default content path /posts/<bundle directory>/ "
        "(hugo.toml sets no permalinks) under baseURL https://david.pilato.fr (static/CNAME)",
    ),
]
