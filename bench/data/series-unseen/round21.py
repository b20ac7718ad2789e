"""Round 21 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

dhutchison (English, Jekyll 4 with the Chirpy theme and the site's own series box: David
Hutchison's blog "Dev With Imagination" on Java, build tooling, self-hosting, Docker, Home
Assistant and Raspberry Pi, 2011-2026). Its posts declare their series in the YAML front
matter, ``series: Software Dependency Lifecycle`` and ``series_part: 3``; the series box of
each post (``_includes/series-nav.html``) lists the posts of its series ``sort:
"series_part"`` under "Series: … Part N", so parts are the declared numbers. ``build.py``
loads this module after ``round20.py`` and sets ``unseen`` to itself before running it, so the
blog is read by the same reader, URL helpers and label rules as every other blog of this
corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 21") for the
decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog = unseen.Blog


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="dhutchison",
        repo="dhutchison/dhutchison.github.io",
        commit="7fbd4ca9e79d7913fe9f895d7d21b88c0e6b6d6c",
        site="https://www.devwithimagination.com/",
        generator="Jekyll 4 (Chirpy, site series box)",
        language="en (en-GB)",
        licence="no licence stated (the repository has no LICENSE file)",
        all_paths=True,
        # `_posts/YYYY-MM-DD-<slug>.markdown` (one `.md`); no `_drafts` folder in the snapshot
        include=r"^_posts/.+\.(markdown|md)$",
        part_keys=("series_part",),
        # _config.yml: permalink /:year/:month/:day/:title/ (also the posts' default) under url
        # https://www.devwithimagination.com; `slug` (most posts) overrides the file name's
        # slug in :title, as Jekyll does; two 2013 posts set their own `permalink`
        url=unseen.jekyll("https://www.devwithimagination.com", "/:year/:month/:day/:title/"),
        url_source="reconstructed: Jekyll permalink /:year/:month/:day/:title/ (_config.yml; "
        ":title from the front-matter slug, else the file name's) under _config.yml url "
        "https://www.devwithimagination.com (the posts' own links use these paths, e.g. "
        "/2014/05/11/pythonista-dropbox-sync/, /2021/04/09/introducing-sonar-"
        "alloweddependencies-plugin/)",
    ),
]
