"""Round 40 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

tiendil-ru (Russian, Brigid, the author's own Python blog engine, which serves the site
from the content repository: Aliaksei Yaletski's (Tiendil) "Эмерджентный Блог" at
tiendil.org, 2013-2026: essays on game development and game design, the author's browser
game, thinking, futurology, management, book reviews and AI). Each post is a directory
``content/posts/<yyyy>-<nnn>-<name>/`` with an ``article.toml`` (the article's ``slug``)
and one page per language, ``ru.md`` and for some posts ``en.md``; a page opens with TOML
front matter between ``---`` lines (``title``, ``tags``, ``published_at``,
``seo_description``, ``seo_image`` and, on series members, ``series``). A series is
declared by ``series = "cooks-first-around-the-world"``, a tag key that the page's ``tags``
also carry and that the site's ``content/site/ru.toml`` ``[tags_translations]`` names
("Первая кругосветка Кука"); Brigid links a member to the first, previous and next posts
of its series in ``published_at`` order (``brigid/library/series.py``), and the members'
``brigid-series`` block lists them oldest first as a numbered list. No number is declared,
so parts are date ranks; no two members of a series share a day.

Six series, all of 2+ and all multipart. Only the Russian edition is read (278 posts, the
whole blog); the English one (``en.md``, 64 pages, 63 of them translations of Russian
posts) is not.

Titles: Brigid shows a series member's title as ``<series name>: <title>`` (both with the
first letter capitalised) in the page heading, the blog index, the ``<title>`` element and
the Atom feed (``brigid/library/utils.py`` ``page_title``), and any other post's title with
its first letter capitalised; ``brigid_meta`` gives the rows those titles.

URLs: Brigid's post URL ``<site>/<language>/posts/<slug>`` (``brigid/domain/urls.py``
``UrlsPost``, no trailing slash) under ``prod_url = "https://tiendil.org"``
(``content/site/meta.toml``), the slug being ``article.toml``'s.

``build.py`` loads this module after ``round39.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
40") for the decisions.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# `content/site/ru.toml` [tags_translations] of the six series keys (the names Brigid puts
# before a member's title)
SERIES_NAMES_RU = {
    "tarantoga-development": "разработка Тарантоги",
    "ai-notes-2024": "Заметки об ИИ в 2024",
    "cooks-first-around-the-world": "Первая кругосветка Кука",
    "world-builders-2023": "World Builders 2023",
    "dive-into-deep-learning": "Погружение в глубокое обучение",
    "vantage-on-management": "взгляд на управление",
}

# the three post directories whose `article.toml` slug is not the directory name without its
# `<yyyy>-<nnn>-` prefix (every other one is; checked against all 279 article.toml files)
SLUGS = {
    "2015-004-2-kdicast-browser-based-games": "kdicast-browser-based-games",
    "2025-004-key-principles-on-in-game-virtual-currencies": (
        "eu-key-principles-on-in-game-virtual-currencies"
    ),
    "2025-009-implicit-properties-of-your-product": "points-of-view-on-a-product",
}

BRIGID_FRONT_MATTER = re.compile(r"\A\s*-{3,}[ \t]*\n(.*?)\n-{3,}[ \t]*(?:\n|\Z)", re.S)


def capitalize_first(text: str) -> str:
    """Brigid's ``capitalize_first``: the first character capitalised, the rest as written."""
    return text[:1].capitalize() + text[1:]


def brigid_meta(text: str, path: str) -> dict[str, object] | None:
    """A Brigid page's TOML front matter between ``---`` lines (its ``FrontmatterTOMLHandler``),
    ``published_at`` as the date, and the title as Brigid shows it (``page_title``): a series
    member's ``<series name>: <title>``, any other title with its first letter capitalised."""
    m = BRIGID_FRONT_MATTER.match(text.lstrip("\ufeff").replace("\r\n", "\n"))
    if not m:
        return None
    try:
        fm: dict[str, object] = tomllib.loads(m[1])
    except tomllib.TOMLDecodeError:
        return None
    if not fm.get("title"):
        return None
    title = capitalize_first(str(fm["title"]).strip())
    series = fm.get("series")
    if isinstance(series, str) and series:
        title = f"{capitalize_first(SERIES_NAMES_RU[series])}: {title}"
    meta = {**fm, "title": title, "date": fm.get("published_at")}
    if fm.get("exclude") is True:  # Brigid skips an excluded page (no page sets it)
        meta["draft"] = True
    return meta


def brigid_post(base: str, language: str) -> Callable[[Post], str]:
    """Brigid's ``UrlsPost``: ``<base>/<language>/posts/<slug>``, no trailing slash; the slug
    is the post directory's name without its ``<yyyy>-<nnn>-`` prefix, or ``SLUGS``'."""

    def f(p: Post) -> str:
        directory = p.path.rsplit("/", 2)[-2]
        slug = SLUGS.get(directory) or re.sub(r"^\d{4}-\d{3}-", "", directory)
        return base.rstrip("/") + unseen.enc(f"/{language}/posts/{slug}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="tiendil-ru",
        repo="Tiendil/tiendil-org-content",
        # `main` (the default branch: content/posts, content/pages, content/site,
        # content/collections; the engine is Tiendil/brigid, read @ 7e912f42f759 for its
        # series, title and URL rules; prod/pyproject.toml asks for brigid ^0.16.0)
        commit="15ae87e29af1e24d36201512d668ba6d01ac4fbb",
        site="https://tiendil.org/ru",
        generator="Brigid (the author's Python blog engine; TOML front matter, series tags)",
        language="ru (the English edition, 64 pages, not read)",
        licence="CC BY-NC-ND 4.0 (LICENSE: posts on tiendil.org; site footer)",
        all_paths=True,
        # the Russian page of every post directory (278 of the 279; the 279th,
        # `2024-005-hello-en-world`, has only an English page); content/pages/ are the
        # site's pages (about, best, projects, 404, ...)
        include=r"^content/posts/[^/]+/ru\.md$",
        meta=brigid_meta,
        # parts: date ranks (Brigid orders a series by `published_at`; no number declared)
        url=brigid_post("https://tiendil.org", "ru"),
        url_source="reconstructed: Brigid UrlsPost <language>/posts/<slug> (slug from "
        "article.toml) under prod_url https://tiendil.org (content/site/meta.toml)",
    ),
]
