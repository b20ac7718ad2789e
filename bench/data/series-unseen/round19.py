"""Round 19 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

sebastienmiro (French, Jekyll with the Beautiful Jekyll theme and the site's own series
sidebar: Sébastien Miro's blog on identity and cloud security in Microsoft environments,
Entra ID, Conditional Access, Defender for Endpoint, 2022 and 2025-2026). Its posts declare
their series in the YAML front matter, ``series: CA`` (a key of ``_data/series.yml``, which
names it "Conditional Access Framework") or ``series: MDE Foundations``, with a
``series_order``; the site's series pages (``series/*.md``) and the series box of each post
(``_includes/sidebar-desktop.html``) list a series' posts ``sort: "date"``, and the declared
orders agree with that order, so parts are date ranks. ``build.py`` loads this module after
``round18.py`` and sets ``unseen`` to itself before running it, so the blog is read by the
same reader, URL helpers and label rules as every other blog of this corpus; its rows come
last in ``corpus.jsonl``. See SOURCES.md ("Round 19") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def jekyll_categories_title(base: str) -> Callable[[Post], str]:
    """Jekyll's ``permalink: /:categories/:title/`` as Jekyll itself fills it: the
    front-matter categories lower-cased and joined by ``/`` (a string ``categories`` split on
    whitespace, as Jekyll's reader does; a category with a space keeps it, escaped as
    ``%20``, not slugified), then the slug of the file name (no post sets ``slug`` or
    ``permalink``). Folders inside ``_posts`` (``_posts/2026/``, ``_posts/series/…/``) add no
    category: Jekyll takes categories only from folders above ``_posts``."""

    def f(p: Post) -> str:
        cats = p.fm.get("categories")
        names = cats.split() if isinstance(cats, str) else unseen.as_list(cats)
        path = "/".join(dict.fromkeys(c.lower() for c in names))
        slug = str(p.fm.get("slug") or p.stem)
        return base.rstrip("/") + unseen.enc(re.sub("/{2,}", "/", f"/{path}/{slug}/"))

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="sebastienmiro",
        repo="sebastienmiro/sebastienmiro.github.io",
        commit="5dbfc211f494345772dada2e409d882f000e6ed4",
        site="https://blog.sebastienmiro.fr/",
        generator="Jekyll (Beautiful Jekyll, site series sidebar)",
        language="fr",
        licence="no licence stated for the posts (README: the contents remain the author's "
        "property, no reuse without permission); site code MIT",
        all_paths=True,
        # `_posts/YYYY/` (standalone posts) and `_posts/series/<series>/` (the series' posts);
        # the `series/*.md` pages are the series' index pages, not posts
        include=r"^_posts/.+\.md$",
        # parts: date ranks (the site's series lists sort by date; the declared
        # `series_order` gives the same order but is a sort key in steps of ten, `000`–`160`,
        # read by YAML partly as octal numbers: not read as a part)
        url=jekyll_categories_title("https://blog.sebastienmiro.fr"),
        url_source="reconstructed: Jekyll permalink /:categories/:title/ (_config.yml) with "
        "the front-matter categories as Jekyll fills them, under _config.yml url "
        "https://blog.sebastienmiro.fr (the posts' own links use these paths, e.g. "
        "/identite/entra-id/010-caf-spoke-1-les-personas/)",
    ),
]
