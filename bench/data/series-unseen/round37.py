"""Round 37 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

pradeepl (English, Hugo with the PaperMod theme as a Hugo module and the site's own
layouts and shortcodes: Pradeep Loganathan's pradeepl.com, a software architect's blog,
2013-2026: business strategy notes of 2013, then REST and API design, Docker, blockchain,
security and identity (OAuth2, JWT, OpenID Connect), resilience and microservice patterns,
Kubernetes, policy as code, GitOps, supply-chain security, platform engineering, data
architectures, and from 2024 AI and ML, the Model Context Protocol and agentic AI with
Akka). The posts are page bundles ``content/blog/<dirs>/<bundle>/index.md``; they declare
their series in the YAML front matter, ``series: ["Design Patterns"]``, a Hugo taxonomy
(``config/production/config.yaml`` ``taxonomies: series: "series"``, beside ``tags`` and
``categories``). A series is shown as its term page (``layouts/_default/series.html``, the
term's pages ``ByPublishDate.Reverse``, newest first) and, for the ``Model Context
Protocol`` posts, by the site's shortcode ``layouts/shortcodes/series-toc.html``, which
those posts place in their text: a numbered box of the site's pages of the same series
sorted by ``Weight``. The four published ``Model Context Protocol`` posts declare
``weight: 1`` to ``4``, read as their declared numbers; no other published post sets a
weight, so the other series get date ranks. Two series have members with the same
timestamp (``REST``: 2016-10-19T11:00:08+10:00 twice; ``JWT Tokens``: 2018-04-21T15:55:13
+10:00 twice), so their order is not given by the declaration: ``unordered``, as round 10
did for webtor and round 28 for franiglesias.

Five multipart series of 2+ posts and one singleton (``Tekton-Getting Started``); no
column. Drafts (``draft: true``, 29 files, among them the whole unpublished ``Building
Resilient Microservices with Akka …`` series) stay out. Runs whose titles number their
parts without declaring a series are left out (``undeclared_parts``), with their
unnumbered members where the posts themselves say so (``What is Docker?``: "This post is
part of a three post series on Docker").

URLs: no ``permalinks`` rule for the ``blog`` section (the line is commented out), so
Hugo's default content path ``/blog/<dirs>/<bundle>/``, lower-cased, a front-matter
``slug`` replacing the last segment, under ``config/production/config.yaml`` ``baseURL:
https://pradeepl.com`` (the builder's ``hugo_path``).

``build.py`` loads this module after ``round36.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
37") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="pradeepl",
        repo="PradeepLoganathan/pradeepl-blog",
        # `main` (the default branch: content, config, layouts; the theme PaperMod is a Hugo
        # module, not in the repository); no built output in the repository
        commit="d514815a1f3ba242395d85f6826554ccac5e117e",
        site="https://pradeepl.com/blog/",
        generator="Hugo (PaperMod as a Hugo module, site layouts, series taxonomy and site "
        "series shortcode)",
        language="en",
        licence="posts CC BY-SA 4.0 (config/production/config.yaml copyright); repository "
        "Apache-2.0 (LICENSE)",
        all_paths=True,
        # the posts `content/blog/<dirs>/<bundle>/index.md`; four Markdown files without
        # front matter or title (a plan, two notes inside a bundle, a one-space index.md)
        # are skipped as untitled; `content/about`, `books`, `episodes`, `slides`,
        # `marp-slides`, `screencasts` and `tags` are other sections and pages
        include=r"^content/blog/.+\.md$",
        unordered={
            "REST": "`REST architectural constraints` and `Rest - Idempotency and Safety` "
            "share the timestamp 2016-10-19T11:00:08+10:00, so the series' order is not "
            "given by the declaration",
            "JWT Tokens": "`JWT - Creating a token server` and `What is a JSON Web Token "
            "(JWT)?` share the timestamp 2018-04-21T15:55:13+10:00, so the series' order "
            "is not given by the declaration",
        },
        undeclared_parts=(
            # "This post is part of a three post series on Docker" (What is Docker?), no
            # series declared: the three are left out together
            "What is Docker?",
            "Docker Architecture",
            "Docker Part 3 &ndash; Taking Docker for a spin on Windows.",
            # a video-log column: its introduction (file `watch-startup-vlog-intro-…`) and
            # its only numbered week
            "Video logging my startup journey.",
            "Startup VLog - Week 1",
            # numbered meetup notes and meetup recordings, no series declared
            "Blockchain Meetup -  1",
            "Blockchain Meetup - 2",
            "Getting started with terraform on azure - Part 1",
            "Getting started with terraform on azure - Part 2",
        ),
        # parts: the declared `weight` (only the four published `Model Context Protocol`
        # posts set one; layouts/shortcodes/series-toc.html sorts a series by Weight), else
        # date ranks (the term pages list ByPublishDate)
        part_keys=("weight",),
        # config/production/config.yaml: baseURL https://pradeepl.com, no permalink rule for
        # the blog section: /blog/<dirs>/<bundle>/, lower-cased by Hugo; two posts set `slug`
        url=unseen.hugo_path("https://pradeepl.com", "content/"),
        url_source="reconstructed: Hugo, no permalink rule for the blog section: content "
        "path /blog/<dirs>/<bundle directory or front-matter slug>/, lower-cased, under "
        "https://pradeepl.com (config/production/config.yaml baseURL)",
    ),
]
