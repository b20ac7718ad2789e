"""Round 63 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

rossta (English, Middleman 4.4 with middleman-blog 4.0: Ross Kaffenberger's site at
rossta.net, 2010 to 2020: Ruby and Rails, Ruby's Enumerable, Service Worker and Progressive
Web Apps on Rails, Vue.js, webpack and Webpacker on Rails, a few personal posts). The site
runs three Middleman blogs, ``blog``, ``talks`` and ``projects``; only ``blog`` holds posts
(``source/blog/<date>-<slug>.html.md``, two ``.html.md.erb``), 80 files at the commit read,
one ``published: false`` (``2016-03-07-parallel-each.md``). ``talks`` (talk pages) and
``projects`` (project pages) are not read.

A post's front matter may set ``series: <name>`` (a string). ``config.rb`` gives the blog
``custom_collections = {series: {link: "/series/{series}.html", template:
"series.html"}}``; ``data/series.yml`` lists each name with a title and a summary
(``Enumerable``: "Exploring Ruby's Enumerable", …), which ``source/series/index.html.erb``
shows as the site's "Series" page. ``source/series.html.erb`` groups the blog's articles
(newest first) by ``series``, reverses each group (oldest first) and lists it in an
ordered list (``partials/_series_article_index.html.erb``, ``<ol>``); a member's page says
"Part of the <name> series." with a link to that page. The label is the declared value as
written; no number is declared, so the parts are the date ranks, the numbers the series
page shows (the built pages on ``master`` list the members in that order).

Left out: ``When Your Fat Models Need to Go on a Diet, Part 2`` with the unnumbered first it
continues, no series declared (``undeclared_parts``).

The commit read is ``7ffcc4933d19`` (2023-12-05 16:44 -0500), the newest on ``develop`` (the
default branch; ``master`` holds the built site).

URLs: ``config.rb``'s blog ``blog``: ``prefix = "blog"``, ``permalink = "/{title}.html"``,
``sources = "{year}-{month}-{day}-{title}.html"``, under ``https://rossta.net`` (the build
configuration's ``protocol`` and ``host``, ``data/site.yml``, ``source/CNAME``); ``{title}``
is the file name's slug parameterized as middleman-blog does (``rossta_url``). The one
front-matter ``permalink`` (``Hello World``, a WordPress leftover) is not read by
middleman-blog: the built site has ``/blog/hello-world.html``. Every URL is a page of the
built site on ``master`` (2023-12-05).

``build.py`` loads this module after ``round62.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
63") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

POST_FILE = re.compile(r"^source/blog/\d{4}-\d{2}-\d{2}-(.+?)(?:\.html)?\.md(?:\.erb)?$")


def rossta_url(p: Post) -> str:
    """middleman-blog's ``/blog/{title}.html``: the file name's slug, lower case, every run
    of characters other than a-z and 0-9 made one hyphen (``n+1-is-a-rails-feature`` is
    ``n-1-is-a-rails-feature``, ``use-inverse_of`` ``use-inverse-of``, ``vue.js-is-omakase``
    ``vue-js-is-omakase``, as the built site has them)."""
    slug = POST_FILE.match(p.path)[1]  # type: ignore[index]
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
    return f"https://rossta.net/blog/{slug}.html"


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="rossta",
        repo="rossta/rossta.github.com",
        # `develop` on 2023-12-05 16:44:46 -0500 ("Update
        # 2015-12-15-paginated-resources-in-ruby.html.md.erb"), the snapshot's default
        # branch; `master` (fdeac16a0c4e, "Site updated to 7ffcc4933") is its build
        commit="7ffcc4933d19743fb1720fdc1eb764cbd43ed050",
        site="https://rossta.net/",
        generator="Middleman 4.4 (middleman-blog 4.0, series collection pages)",
        language="en",
        licence="MIT (repository LICENSE.txt, 2016 Ross Kaffenberger); no separate licence "
        "stated for the posts",
        # the `blog` blog's sources, not index.html.erb / tags.html.erb, talks/, projects/
        include=r"^source/blog/\d{4}-\d{2}-\d{2}-[^/]+\.md(?:\.erb)?$",
        undeclared_parts=(
            # `Part 2` (2011-10-03) and the unnumbered first it continues (2011-09-30),
            # no series declared
            "When Your Fat Models Need to Go on a Diet",
            "When Your Fat Models Need to Go on a Diet, Part 2",
        ),
        url=rossta_url,
        url_source="reconstructed: middleman-blog permalink /{title}.html under the blog "
        "prefix /blog (config.rb; the file name's slug, parameterized) under https://rossta.net",
    ),
]
