"""Round 48 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

blacksheepcode (English, Next.js: David Johnston's blog "Black Sheep Code" at
blacksheepcode.com, 2022-04 to 2026-07: React state and testing, OpenAPI code generation and
contract tests, browser loading and caching, building the blog itself with Remix then
Next.js, TypeScript tips, tools, and software-engineering and AI essays). The posts are the
MDX files ``src/routes/posts/<name>.mdx``, 80 at the commit read (``src/routes/drafts/`` and
``src/routes/test/`` are served only with ``SHOW_DRAFT_PAGES``/``SHOW_TEST_PAGES``, both
false in ``.env.production``, and are not read). The site's ``utils/extractFrontMatter.ts``
(run by ``npm run build``) reads each file's YAML front matter with the ``front-matter``
package and checks it against ``utils/frontmatterTypings.ts``: a ``meta`` map (``title``,
``description``, ``dateCreated``, optional ``image``), optional ``tags`` and an optional
``series`` map with ``name``, ``part`` (a number) and an optional ``description``.

``series`` is set on 31 posts, in nine series. ``src/utils/blogPosts.tsx``
(``getFrontmatterFromSlug``) gathers a post's series as the posts of the same folder whose
``series.name`` is the same, sorted by ``series.part``; ``FrontmatterBox`` shows them above
the post ("This article is a part of the series …", the first member's ``description`` or
else the ``name``) and a "Next:" link to the following part. The label is the declared
``name`` as written (``generating_apps_from_open_ai`` keeps its spelling), the part the
declared ``part``; every member declares one, and no two members of a series share one.
The front matter is nested, so ``blacksheepcode_meta`` flattens it (``title`` and ``date``
from ``meta``, ``series`` and ``series_part`` from ``series``).

The commit read is ``283519ce2be9`` (2026-07-14 15:59 +1000), the snapshot's newest on
``master``.

Nine series, eight of 2+. Four are columns of independent entries (``recurring``, their
declared numbers kept): ``tools_i_like`` (``Tools I like: …``), ``tools_i_want_to_exist``
(``The tool I want to exist …``, ``Tools I Want: …``, ``Does this tool exist? …``),
``typescript_bits`` and ``react_bits`` (a one-post column). The other five are multipart.
No post is left out: no title marks a part outside a declared series.

URLs: a post is served at ``/posts/<name>`` (``src/app/posts/[slug]/page.tsx``; the slug is
the file name without ``.mdx``, case kept) under ``https://blacksheepcode.com``
(``utils/getDomainUrl.ts``), without a trailing slash, as the sitemap and the RSS items
build it (``blacksheepcode_post``).

``build.py`` loads this module after ``round47.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
48") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def blacksheepcode_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter flattened: ``title``, ``date`` and ``description`` from the ``meta``
    map, ``tags`` as written, ``series`` and ``series_part`` from the ``series`` map (its
    ``name`` and ``part``). None when there is no ``meta`` map (the site's schema requires
    one)."""
    fm = unseen.front_matter(text)
    if fm is None or not isinstance(fm.get("meta"), dict):
        return None
    meta: dict[str, object] = fm["meta"]
    out: dict[str, object] = {
        "title": meta.get("title"),
        "date": meta.get("dateCreated"),
        "tags": fm.get("tags"),
    }
    series = fm.get("series")
    if series is not None:
        if not isinstance(series, dict) or not series.get("name"):
            raise ValueError(f"{path}: series without a name: {series!r}")
        out["series"] = str(series["name"])
        out["series_part"] = series.get("part")
    return out


def blacksheepcode_post(base: str) -> Callable[[Post], str]:
    """A post at ``/posts/<file name without .mdx>`` under the site URL, no trailing slash."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/posts/{p.stem}")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="blacksheepcode",
        repo="dwjohnston/blacksheepcode",
        # `master` on 2026-07-14 15:59 +1000 ("Update responsive_cookies_for_react.mdx
        # (#294)"), the snapshot's newest; built on Netlify (`npm run build`: the front-matter
        # extraction, then `next build` with @netlify/plugin-nextjs)
        commit="283519ce2be94b9ef272863bdc7a940b3656e97d",
        site="https://blacksheepcode.com/",
        generator="Next.js 16 (App Router, MDX; front matter extracted by the site's build "
        "scripts, site series box)",
        language="en",
        licence="all rights reserved (LICENSE: © David Johnston and the contributors); code "
        "snippets in posts MIT (LICENSE-code-snippets)",
        all_paths=True,
        # the published posts only (src/routes/drafts/ and src/routes/test/ are not served in
        # production)
        include=r"^src/routes/posts/[^/]+\.mdx$",
        meta=blacksheepcode_meta,
        part_keys=("series_part",),
        # columns of independent entries (see SOURCES.md, Round 48)
        recurring={"tools_i_like", "tools_i_want_to_exist", "typescript_bits", "react_bits"},
        url=blacksheepcode_post("https://blacksheepcode.com"),
        url_source="reconstructed: /posts/<file name> under https://blacksheepcode.com "
        "(utils/getDomainUrl.ts), no trailing slash, as the sitemap and RSS items",
    ),
]
