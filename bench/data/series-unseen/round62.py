"""Round 62 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

odino (English, Octopress 2 on Jekyll 0.12: Alessandro Nadalin's blog at odino.org,
"Service Oriented Architectures, web APIs and development teams", 2010 to 2022: PHP,
Symfony, OrientDB, REST and HTTP, SOA, NodeJS, Go, Docker, Kubernetes, the ABS language he
wrote, book reviews, web security; 85 posts of 2010 and 2011 were moved in during
2012-01 to 2012-03 with their old dates). The repository's ``source`` branch holds the
Octopress sources (``master`` holds only the built site); the posts are
``source/_posts/*.markdown``, 349 files at the commit read, 28 of them ``published: false``.

A series is not declared in the front matter: each has an index file
``source/series/<name>.markdown`` (an ordered list, ``<ol class="aseries">``, of links to
its posts under a line "This post is part of the "<title>" series"), and each member post
pulls it in near its top with ``{% render_partial series/<name>.markdown %}`` (Octopress's
``plugins/render_partial.rb``). Four indexes: ``orientdb``, ``robowhois``,
``symfony-components``, ``wasec``. The label is the index's ``<name>`` as the tag writes
it; the part the post's position in the index's ordered list (``SERIES_INDEX``, copied
from the four files at the commit read; the browser numbers the items 1, 2, …). In all
four the list order is also the date order. ``odino_meta`` reads the tag from the post's
text and fails the build if a member is missing from its index.

Left out: seven posts whose titles number a part, or whose numbered sequel names them as its
first, without a declared series (``undeclared_parts``).

The commit read is ``a5d722f9a723`` (2022-11-18 09:33 +0000), the newest on ``source``.

URLs: ``_config.yml`` ``permalink: /:title/`` under ``url: https://odino.org``; ``:title``
is the file name's slug (no post sets ``permalink`` or ``slug``). The built site on
``master`` (2022-11-18) has a page for each of the 321 published posts at that path.

``build.py`` loads this module after ``round61.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
62") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

PARTIAL = re.compile(r"\{%\s*render_partial\s+series/([A-Za-z0-9_-]+)\.markdown\s*%\}")
POST_FILE = re.compile(r"^source/_posts/\d{4}-\d{2}-\d{2}-(.+)\.markdown$")

# the ordered list of each index file source/series/<name>.markdown at the commit read,
# by the slug of each item's link (/<slug>/): item k is part k
SERIES_INDEX: dict[str, tuple[str, ...]] = {
    "orientdb": (
        "the-strange-case-of-orientdb-and-graph-databases",
        "an-overview-of-orientdbs-capabilities",
        "going-beyond-rdbms",
        "orientdb-just-like-any-other-nosql-database",
    ),
    "robowhois": (
        "a-php-library-to-retrieve-whois-informations",
        "retrieving-raw-whois-informations-in-php",
        "checking-a-domain-s-availability-with-php",
        "y-u-no-access-whois-informations-in-php",
    ),
    "symfony-components": (
        "using-the-symfony2-dependency-injection-container-as-a-standalone-component",
        "launching-phpunit-tests-from-a-browser-with-symfony2",
        "install-composer-dependencies-with-the-symfony2-cli",
    ),
    "wasec": (
        "web-security-demistified",
        "introduction-to-web-application-security",
        "wasec-understanding-the-browser",
        "security-https-perspective",
        "secure-your-web-application-with-these-http-headers",
        "security-hardening-http-cookies",
        "wasec-web-application-security-what-to-do-when-dot-dot-dot",
    ),
}


def odino_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter, with ``series`` the index each ``render_partial series/<name>``
    tag of the post pulls in, and ``series_part`` the post's position in that index."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    names = list(dict.fromkeys(PARTIAL.findall(text)))
    if not names:
        return fm
    if "series" in fm:
        raise ValueError(f"{path}: front matter sets series and a series partial")
    fm = {**fm, "series": names}
    if len(names) == 1:
        slug = POST_FILE.match(path)[1]  # type: ignore[index]
        members = SERIES_INDEX[names[0]]
        if slug not in members:
            raise ValueError(f"{path}: not listed in series/{names[0]}.markdown")
        fm["series_part"] = members.index(slug) + 1
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="odino",
        repo="odino/odino.github.com",
        # `source` on 2022-11-18 09:33:35 +0000 ("x"), the newest of the Octopress sources;
        # `master` (06037708056c) holds only the built site
        commit="a5d722f9a723c1883d789b85dafa7d73e6531ae1",
        site="https://odino.org/",
        generator="Jekyll 0.12 (Octopress 2, series index partials; `source` branch)",
        language="en",
        licence="no licence stated",
        include=r"^source/_posts/\d{4}-\d{2}-\d{2}-[^/]+\.markdown$",
        meta=odino_meta,
        part_keys=("series_part",),
        undeclared_parts=(
            # `Part 2` (2013-06-18) and the unnumbered first it continues (2013-06-15),
            # no series declared
            "Integrating Twig in your legacy PHP code",
            "Integrating Twig in your legacy code, Part 2: a less wild approach",
            # `Vol.2` (2017-12-08, "2nd edition of my personal unix faves") and the
            # unnumbered first it links to (2015-07-15), no series declared
            "4 unix goodies I cannot live without",
            "Unix goodies to the rescue - Vol.2",
            # a lone part 1 (2019-03-21), no part 2, no series
            "The ABS programming language in real life (part 1): removing 1 file from all "
            "of your GitHub repositories",
            # the first and second days of one conference (2014-02-26/27), no series
            "7 takeways from the first day of ConFoo",
            "6 takeways from the second day of ConFoo",
        ),
        url=unseen.jekyll("https://odino.org", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml; the file name's "
        "slug) under https://odino.org",
    ),
]
