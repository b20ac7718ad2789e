"""Round 50 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

fjp-es (Spanish, Astro 7: Javi Palacios' blog at fjp.es, 2012-03 to 2026-07: book
reviews, posts on his reading and on the history of computing, and programming tutorials
gathered into courses on Git, Python, Docker, Vim, AI for programmers, DevOps and SQL; the
Spanish edition of a bilingual site). Three content collections are the blog's posts, as its
Spanish RSS feed (``src/pages/es/rss.xml.ts``: books, posts and tutorials together) and its
``publicaciones`` listing (``src/utils/postsPages.ts``) show them: ``src/content/books/``
(book reviews), ``src/content/posts/`` and ``src/content/tutorials/``, MDX files whose YAML
front matter the schemas of ``src/schemas/blog.ts`` check. Every entry sets ``language`` (``es``
or ``en``); only the ``es`` ones are read (259 at the commit read: 143 reviews, 19 posts, 97
tutorials). No schema has a draft field; nothing is left unpublished.

Two fields declare series, each read by the site's own code:
- a tutorial's ``course`` (an entry of ``src/content/courses/*.json``, e.g.
  ``domina-git-desde-cero``) and its ``order`` ("Tutorial order within course (1, 2, 2.5,
  3...)"); ``src/utils/blog/tutorials.ts`` sorts a course's tutorials by ``order`` and
  ``CourseNavigation.astro`` links the previous and next one; the course pages list them in
  that order, with its number as a badge (``src/utils/taxonomyPages.ts``, ``PostList.astro``);
- a review's ``series`` (an entry of ``src/content/series/*.json``, the reviewed book's saga,
  e.g. ``harry-potter``) with ``series_order``, which the schema requires with it ("Order
  within the series (Book 1, 2, 3...)"); ``SeriesLink.astro``/``SeriesBadge.astro`` show it on
  the review and the series pages list the saga's reviews by ``series_order``, with its number as
  a badge.
The label is the declared value as written (``course`` or ``series``; no entry declares both),
the part the declared number (``series_order``, else ``order``); ``order: 2.5`` and ``5.5`` (two
Python lessons inserted between whole-numbered ones) are not part numbers and stay ``null``.

The commit read is ``45c5c67dd7a4`` (2026-08-17 08:32 +0000), the snapshot's newest on
``master``; the repository starts on 2025-12-19 with the Astro site, the older reviews,
posts and Git lessons having been carried over from the earlier blog with their dates.

URLs: ``buildContentUrl`` (``src/utils/rss/generator.ts``, ``src/utils/routes.ts``) serves an
entry at ``/<lang>/<segment>/<post_slug>`` with the Spanish segments of
``src/config/languages.ts`` (``libros``, ``publicaciones``, ``tutoriales``) under ``site``
``https://fjp.es``, with the trailing slash of Astro's default directory build format, as the
``@astrojs/sitemap`` entries (``fjp_entry``).

``build.py`` loads this module after ``round49.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
50") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# the Spanish URL segment of each collection (src/config/languages.ts, `urlSegments`)
FJP_SEGMENTS = {"books": "libros", "posts": "publicaciones", "tutorials": "tutoriales"}


def fjp_es_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter of the Spanish edition only: an entry whose ``language`` is not ``es``
    (the English edition) is not read (None, counted by the builder's stderr as "no front
    matter / no title")."""
    fm = unseen.front_matter(text)
    if fm is None or fm.get("language") != "es":
        return None
    return fm


def fjp_series(fm: dict[str, object]) -> list[str]:
    """A review's ``series`` (the saga) or a tutorial's ``course``, as written."""
    return unseen.as_list(fm.get("series")) + unseen.as_list(fm.get("course"))


def fjp_entry(base: str) -> Callable[[Post], str]:
    """``/es/<segment>/<post_slug>/`` under the site URL, the segment by collection."""

    def f(p: Post) -> str:
        collection = p.path.split("/")[2]
        slug = str(p.fm["post_slug"]).strip("/")
        return base.rstrip("/") + unseen.enc(f"/es/{FJP_SEGMENTS[collection]}/{slug}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="fjp-es",
        repo="fjpalacios/website",
        # `master` on 2026-08-17 08:32 +0000 ("chore(deps)(deps-dev): bump tsx from 4.23.11
        # to 4.23.12 (#559)"), the snapshot's newest; deployed to Cloudflare Pages by deploy.yml
        # (`bun run build`: `astro build`, then pagefind)
        commit="45c5c67dd7a47b856f7707812113e8333cc5f74f",
        site="https://fjp.es/es/",
        generator="Astro 7 (content collections, site course navigation and series pages)",
        language="es (the English edition of the same site not read)",
        licence="posts CC BY 4.0 (README: the written content in src/content/); code MIT (LICENSE)",
        all_paths=True,
        # the three collections of the blog's feed: reviews, posts and tutorials
        include=r"^src/content/(books|posts|tutorials)/[^/]+\.mdx?$",
        meta=fjp_es_meta,
        series_of=fjp_series,
        part_keys=("series_order", "order"),
        url=fjp_entry("https://fjp.es"),
        url_source="reconstructed: /es/<libros|publicaciones|tutoriales>/<post_slug>/ under "
        "site https://fjp.es (src/utils/rss/generator.ts buildContentUrl; directory build "
        "format, as the sitemap)",
        undeclared_parts=(
            # `(I)`/`(II)` posts declaring no series (the `posts` collection has no series field)
            "Historia de la informática (I)",
            "Historia de la informática (II)",
        ),
    ),
]
