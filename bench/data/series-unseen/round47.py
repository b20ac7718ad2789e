"""Round 47 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

chrissearle (English, Nuxt: Chris Searle's blog at www.chrissearle.org, 2005-01 to 2025-11:
Debian, Exim and firewall notes, Mac OS X, Java, Spring, Grails and Maven, Drupal, iPhone,
Kafka and Scala, SwiftUI, Home Assistant and Kubernetes). The site is Nuxt 4 with
``@nuxt/content`` 3: ``content.config.ts`` defines one page collection, ``content``, whose
source is ``**/*.md`` under ``content/``; every file is a post at
``content/<yyyy>/<mm>/<dd>/<name>.md``, 275 at the commit read. The collection's schema
declares ``title``, ``date`` (``YYYY-MM-DD`` with a time), ``tags``, ``image``,
``category``, ``intro``, ``embedImage`` and ``series`` (a string); no post sets ``category``
and there is no draft field. ``series`` is set on 14 posts (since 2019-04-25, "Add series
support. Add first two articles on kafka/java/scala", two sites before this one).
``app/pages/series/[series].vue`` lists the posts whose ``series`` slugifies to the page's
slug, ordered by ``date`` descending; ``app/pages/series/index.vue`` lists the series with
their counts, and a post's page and card show a badge linking to its series. No number is
declared, so parts are date ranks (the two series' same-day pairs are ranked by path, which
is also their order by the declared time).

The commit read is ``587b3acdfe05`` (2026-02-03 10:53 +0100), the snapshot's newest on
``main``.

Two series, both of 2+ and both multipart: ``Kafka - java to scala`` (6 posts, 2019, every
title opens with the series name) and ``Revisiting the Sbanken API with SwiftUI`` (8 posts,
2020, the first titled ``Revisiting the S'banken API with SwiftUI``). No post is left out:
no title marks a part outside a declared series.

URLs: Nuxt Content gives a page the path of its file under ``content/`` without the
extension, each segment passed through ``refineUrlPart`` (a leading ``<digits>.`` dropped
unless the segment is a version number) and ``slugify`` (``lower: true``: a hyphen becomes
a space, characters outside ``[\\w\\s$*_+~.()'"!\\-:@]`` are dropped, the ends trimmed, runs
of spaces joined by one hyphen), so ``-etc-hosts-on-mac-os-x.md`` is served at
``/2006/11/10/etc-hosts-on-mac-os-x`` and ``migrating-to-next.js.md`` keeps its dot;
``app/pages/[...slug].vue`` serves the page at that path, and ``nuxt.config.ts`` sets
``site.url: "https://www.chrissearle.org"`` with ``trailingSlash: true`` (the sitemap and
canonical links of ``@nuxtjs/seo``), as the posts' own links write them (``nuxt_content``).

``build.py`` loads this module after ``round46.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
47") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

SEMVER = re.compile(r"^\d+(?:\.\d+)*(?:\.x)?$")


def nuxt_segment(part: str) -> str:
    """One path segment as Nuxt Content 3's ``generatePath`` makes it: ``refineUrlPart``
    (a leading ``<digits>.`` dropped unless the segment is a version number) then the
    ``slugify`` package with ``lower: true`` (a hyphen, the replacement character, becomes a
    space; disallowed characters are dropped; trimmed; runs of spaces become one hyphen)."""
    if not part.isascii():  # slugify's transliteration map is not transcribed here
        raise ValueError(f"non-ASCII path segment {part!r}")
    if not SEMVER.match(part):
        part = re.sub(r"^\d+\.", "", part)
    s = part.replace("-", " ")
    s = re.sub(r"[^\w\s$*_+~.()'\"!\-:@]+", "", s, flags=re.ASCII)
    return re.sub(r"\s+", "-", s.strip()).lower()


def nuxt_content(base: str, root: str = "content/") -> Callable[[Post], str]:
    """The page's Nuxt Content path (the file's path under ``root`` without its extension,
    each segment through ``nuxt_segment``) under the site URL, with a trailing slash."""

    def f(p: Post) -> str:
        stem = re.sub(r"\.[^./]+$", "", p.path[len(root) :])
        path = "/".join(nuxt_segment(x) for x in stem.split("/"))
        return base.rstrip("/") + unseen.enc(f"/{path}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="chrissearle",
        repo="chrissearle/www_cso",
        # `main` on 2026-02-03 10:53 +0100 ("Update to node 25"), the snapshot's newest; the
        # site is built into a container image (Dockerfile: `pnpm run build`)
        commit="587b3acdfe056345b53c6153cf299f6f8979bd39",
        site="https://www.chrissearle.org/",
        generator="Nuxt 4 (@nuxt/content 3, site series pages and series badges)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        # the `content` collection: source `**/*.md` under content/ (all posts)
        include=r"^content/.+\.md$",
        # parts: date ranks (the series page orders by `date`; no number is declared)
        url=nuxt_content("https://www.chrissearle.org"),
        url_source="reconstructed: Nuxt Content path of the file under content/ (segments "
        "slugified) under https://www.chrissearle.org, trailing slash (site.trailingSlash)",
    ),
]
