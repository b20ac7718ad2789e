"""Round 30 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

pothix (Brazilian Portuguese and English, Hugo 0.109 with the site's own fork of the
hello-friend theme, ``hello-friend-pothix``: Willian Molinari's "PotHix", a Ruby, Rust and
Linux developer's blog, 2008-2023: Linux and Ruby notes, events and talks, game reviews,
motorcycles, some 150 book reviews, monthly stats posts, working as a freelancer for
companies abroad, building split keyboards). The sources live on the repository's default
branch ``source`` (the branch ``main`` holds the built site, published there by the
``makefile``'s ``publish`` target), as ``content/posts/<name>.md``. They declare their series
in the TOML front matter, ``series = ["PF & PJ"]``, a Hugo taxonomy (``config.toml``
``[taxonomies] series = "series"``). The theme shows no series box: the series are the term
pages ``/series/<term>/`` (newest first) and Hugo's internal Open Graph template, which links
the other members of a post's series (``og:see_also``). No number is declared, so parts are
date ranks; no two members of a series share a day.

One series is spelt two ways: ``Dactyl keyboard - Part 1`` declares ``Dactyl``, its two
sequels ``dactyl``. Hugo files both spellings under one term (``/series/dactyl/``, titled
``Dactyl``, listing the three posts, and each post's ``og:see_also`` links the other two),
so this module reads them as one series, ``Dactyl`` (``pothix_series``). Two series are
monthly columns (``recurring``): ``Stats`` (monthly stats, then yearly reviews) and ``Cool
services`` (monthly lists of web services). Book reviews whose titles carry the reviewed
book's place in its book series (``Review of The Waste Lands (The Dark Tower, #3)``) number a
book, not a post, and are kept standalone, as round 23 kept chrisrhymes' ``(book 2)``.

``build.py`` loads this module after ``round29.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
30") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers

# spellings of one Hugo term: Hugo keys taxonomy terms by their urlized, lower-cased name,
# so `Dactyl` (dactyl1.md) and `dactyl` (dactyl2.md, dactyl3.md) are one term, whose page
# `/series/dactyl/` is titled `Dactyl`
SAME_TERM = {"dactyl": "Dactyl"}


def pothix_series(fm: dict[str, object]) -> list[str]:
    """The declared ``series``, a case variant of a term spelt as the term page titles it."""
    return [SAME_TERM.get(s, s) for s in unseen.as_list(fm.get("series"))]


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="pothix",
        repo="PotHix/pothix.github.com",
        # the `source` branch (the default: posts, config and theme); `main` is the built site
        commit="f9b729c232dd0389c83b66f8438aa193ed3ca344",
        site="https://pothix.com/",
        generator="Hugo 0.109 (hello-friend-pothix, series taxonomy; `source` branch)",
        language="en + pt (pt-BR; the theme marks a post English iff it is tagged `english`)",
        licence="posts CC BY-NC 4.0 (`config.toml` copyright); theme MIT (its LICENSE.md)",
        all_paths=True,
        # the posts section `content/posts/<name>.md`; `content/places/` (travel notes), the
        # top-level pages (`about.md`, `now.md`, `books.md` …) and `content/loja/` are not posts
        include=r"^content/posts/[^/]+\.md$",
        series_of=pothix_series,
        recurring={
            # monthly stats posts (`Stats for January, 2017` … `Stats for Jun, 2018`) and the
            # yearly reviews that followed them (`2017 Year in Review (with metrics!)` …)
            "Stats",
            # monthly lists of web services (`Serviços legais de Julho` …), announced as a
            # monthly post in the first one (`Serviços interessantes`)
            "Cool services",
        },
        # parts: date ranks (the term pages list the members by date); `Stats` and `Cool
        # services` are columns
        # config.toml: baseurl https://pothix.com (the CNAME file says pothix.com), permalinks
        # posts = "/:filename" (the content file's name; no post sets `slug` or `url`), Hugo
        # lower-cases the path (`rubyinsideBR.md` -> /rubyinsidebr/); the built `main` branch
        # links https://pothix.com/dactyl1/ and has one directory for every post
        url=unseen.hugo_page("https://pothix.com", "/", use_slug=False),
        url_source="reconstructed: Hugo permalink posts = /:filename (config.toml; the file "
        "name, lower-cased) under baseurl https://pothix.com, as the built main branch has it",
    ),
]
