"""Round 13 of series-unseen (added 2026-12-06): blogs whose posts declare their series.

itenium (English, Jekyll: a Belgian IT consultancy's blog of tutorials, cheat sheets and
talk write-ups, with numbered tutorial series) and cloudwithchris (English, Hugo with the
hugo-creator theme: Chris Reddington's blog posts and podcast/livestream episode pages,
several of its declared series being episode columns). ``build.py`` loads this module after
``round12.py`` and sets ``unseen`` to itself before running it, so these blogs are read by
the same reader, URL helpers and label rules as every other blog of this corpus; their rows
come last in ``corpus.jsonl``. See SOURCES.md ("Round 13") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post
as_list, enc = unseen.as_list, unseen.enc


# ---------------------------------------------------------------------------- helpers


def itenium_series(fm: dict[str, object]) -> list[str]:
    """The declared series, except the placeholder ``series-unique-name``: the one post
    declaring it is the blog's how-to on writing a post (``create-blog-post``), whose front
    matter shows every field with a sample value; no other post declares it."""
    return [s for s in as_list(fm.get("series")) if s != "series-unique-name"]


# js-testing's parts in the order of the series box (_includes/post-series.html lists a
# series' posts `site.posts | sort: 'date'` as "Part 1", "Part 2", …): two members share
# 2017-05-30, `…-jasmine-syntax` at 12:00 and `…-jasmine-spies` at 15:00, which the date
# rank (by day, ties by path) would put the other way round
JS_TESTING_PARTS = {
    "2017-05-29-javascript-testing-jasmine-getting-started.md": 1,
    "2017-05-30-javascript-testing-jasmine-syntax.md": 2,
    "2017-05-30-javascript-testing-jasmine-spies.md": 3,
    "2017-05-31-javascript-testing-jasmine-async.md": 4,
    "2017-08-06-javascript-testing-jasmine-customization.md": 5,
    "2017-08-07-javascript-testing-jasmine-plugins.md": 6,
    "2023-04-01-javascript-testing-jasmine-to-jest.md": 7,
}


def itenium_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; a js-testing member gets its series-box number (``JS_TESTING_PARTS``)
    as ``series_box_part``, the blog declaring no number itself."""
    fm = unseen.front_matter(text)
    if fm is not None and fm.get("series") == "js-testing":
        fm["series_box_part"] = JS_TESTING_PARTS[path.rsplit("/", 1)[-1]]
    return fm


def itenium_url(base: str) -> Callable[[Post], str]:
    """The URL the blog's feed for itenium.be writes (``_includes/blog-post-xml.html``):
    ``https://itenium.be/blog/{{ post.categories | first }}/{{ post.slug }}/``, the slug as
    Jekyll reads it from the file name (case kept) unless the front matter sets one. A
    string ``categories`` is split on whitespace, as Jekyll does."""

    def f(p: Post) -> str:
        cats = p.fm.get("categories")
        first = (cats.split() if isinstance(cats, str) else as_list(cats))[:1]
        slug = str(p.fm.get("slug") or p.stem)
        return base.rstrip("/") + enc(f"/{first[0] if first else ''}/{slug}/".replace("//", "/"))

    return f


def hugo_case_insensitive(text: str, path: str) -> dict[str, object] | None:
    """Front matter with lower-cased keys: Hugo reads front-matter keys case-insensitively,
    and cloudwithchris' episode pages write ``Title:``, ``Date:``, ``PublishDate:``."""
    fm = unseen.front_matter(text)
    return None if fm is None else {str(k).lower(): v for k, v in fm.items()}


def cloudwithchris_series(fm: dict[str, object]) -> list[str]:
    """The declared series; ``Tales from the real world`` (9 episodes) and ``Tales from the
    Real World`` (8) are one Hugo taxonomy term (both urlize to
    ``/series/tales-from-the-real-world/``, the series page of
    ``content/series/tales-from-the-real-world/_index.md``), so they get one label."""
    return [
        "Tales from the Real World" if s.lower() == "tales from the real world" else s
        for s in as_list(fm.get("series"))
    ]


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="itenium",
        repo="itenium-be/blog-posts-new",
        commit="1da860b844845f0567cbdceecc63733357e576ba",
        site="https://itenium.be/blog/",
        generator="Jekyll (minima, site layouts)",
        language="en",
        licence="CC BY-NC 4.0 (repository LICENSE)",
        include=r"^_posts/.+\.(md|markdown)$",
        meta=itenium_meta,
        series_of=itenium_series,
        part_keys=("series_box_part",),
        url=itenium_url("https://itenium.be/blog"),
        url_source="reconstructed: the blog's feed template (_includes/blog-post-xml.html) "
        "https://itenium.be/blog/<first category>/<slug>/ (the slug from the file name, case "
        "kept); _config.yml agrees: url https://itenium.be, baseurl /blog, permalink "
        "/:categories/:slug/",
    ),
    Blog(
        id="cloudwithchris",
        repo="CloudWithChris/cloudwithchris.com",
        commit="5aeb4d250a7080b7556772844f7b03b39d1602cc",
        site="https://www.cloudwithchris.com/",
        generator="Hugo (hugo-creator)",
        language="en",
        licence="MIT (repository LICENSE, 2021 Chris Reddington)",
        # the two dated streams: blog posts and podcast/livestream episodes (talks,
        # presentations, people and the series pages are not posts)
        include=r"^content/(blog|episode)/[^/]+/index\.md$",
        meta=hugo_case_insensitive,
        series_of=cloudwithchris_series,
        url=unseen.hugo_path("https://www.cloudwithchris.com", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /<section>/<bundle "
        "dir>/ under https://www.cloudwithchris.com (its README and podcast feed links; the "
        "Pages workflow passes the Pages URL as --baseURL)",
        recurring={
            # a regular news update ("Chris provides a regular update on what's going on in
            # Azure, Azure DevOps and GitHub")
            "Tech Roundup",
            # bite-sized episodes "less than 5 minutes long", one topic each, open to guests
            "Cloud Drops",
            # a monthly show ("On the first Wednesday of every month")
            "Cloud Gaming Notes",
            "Community Gaming",
            # interviews on lessons learned, one guest story per episode
            "Tales from the Real World",
            # the podcast's catch-all ("content without any particular theme or agenda")
            "Podcast Episodes",
            # an open call for architecture discussions, one pattern or topic an episode
            # ("Have something architectural to discuss? Then this is likely the series")
            "Architecting for the Cloud, one pattern at a time",
            # weekly livestreams building an app ("ToolUp Tuesday - #3", "ToolUp Days #11"),
            # like hmajid2301's weekly build logs
            "Toolup Tuesday",
            "Toolup Day",
        },
        undeclared_parts=(
            # blog posts whose titles mark parts, declaring no series
            "Using GPG Keys to sign Git Commits - Part 1",
            "Using GPG Keys to sign Git Commits - Part 2",
            "Using GPG Keys to sign Git Commits - Part 3",
            "Using GPG Keys to sign Git Commits - Part 4",
            "Cloud with Chris Setup - Part 1 - My PC",
            "Cloud with Chris Setup - Part 2 - Lights, Camera, Action!",
            "Deploying a multi-region Serverless API Layer (Part 1)",
            # numbered podcast episodes ("<N> - <topic>", the numbering the declared
            # `Podcast Episodes`, `Architecting for the Cloud…` and `Tales from the Real
            # World` episodes share) declaring no series: an undeclared numbered column
            "0 - Teaser",
            "25 - A conversation on Mental Health",
            "31 - Deploying to Azure through Terraform Cloud",
            "32 - Accelerate .NET to Azure with GitHub Actions",
            "35 - A discussion on Azure Spring Cloud",
            "36 - Application Insights: The Tool You Never Knew You Needed",
            "37 - Your Career and Your Mental Health",
            "39 - A discussion with John Lunn",
            "40 - Failed lawyer stumbles into tech - Agile from the trenches",
            "41 - DevOps on Azure",
            "44 - AKS, AGIC and Kubenet - Tips and tricks to make it work",
        ),
    ),
]
