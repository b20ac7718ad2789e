"""Round 58 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

jreyesr (English, Hugo with the anubis theme: jreyesr's blog at blog.jreyesr.com, 2023-02 to
2026-02: Steampipe plugins and a Steampipe-Terraform bridge, his OpenChatflow chatbot
designer, reverse engineering, authorization, language engineering and data tools, Ecuador's
elections and power grid). The posts are ``content/posts/<name>/index.md`` page bundles and
three single files ``content/posts/<name>.md``: 59 at the commit read (the Observable
notebooks under ``content/posts/<bundle>/observable/`` are resources of their bundles, not
pages, and are not read).

A post's front matter may set ``series: ['<slug>']``, a Hugo taxonomy (``config.toml``
``[taxonomies] series = 'series'``). Each term has ``content/series/<slug>/_index.md``
with a ``name`` and a ``description`` (no ``title``; ``archetypes/series.md`` is the
template). The site's ``layouts/series/taxonomy.html`` lists the series by that ``name``,
``layouts/series/term.html`` heads a series' page "Series: <name>" over its description and
its posts; the theme's ``single.html`` writes "This post is part of a series: <slug>" under a
member's date and ``post-info.html`` links "Series: …" to the term page. The label is the
``name`` (``SERIES_NAMES``, transcribed from the ``_index.md`` files).

Order: no post sets a ``weight``, so ``term.html`` (``.Paginate`` of ``.Pages``) lists a
series' members by Hugo's default page sort, newest first, without numbers; the parts are
the date ranks, oldest first. ``OpenChatflow`` is ``unordered``: its first post is the
project's introduction, so ``TG Chatbot Devlog 1`` is rank 2 and ``OpenChatflow, Devlog N``
rank N+1 (the marker check does not read ``Devlog N``). ``The Elections Series`` and the
one-post ``Right (or not) to Repair …`` are the open-ended containers the series index
describes ("Other series are containers where articles may occasionally be stored, with no
defined end"): ``recurring``, no part.

Left out: three posts whose titles number a part without a declared series
(``undeclared_parts``): ``Coopting Terraform into generic API management, Part 1`` and
``… - Part 2 - Dynamic resources``, and a lone ``On the extraction of information from
image-based dashboards, Part 1``. That last file opens with a blank line before its ``---``
fence; Hugo's page lexer skips leading white space, so ``jreyesr_meta`` does too.

The commit read is ``ac4b73c05dbc`` (2026-02-17 22:07 -0500), the newest on ``master``.

URLs: ``config.toml`` sets no permalinks and no post sets ``url`` or ``slug``, so a post
lives at ``/posts/<bundle or file name>/``; the Pages workflow builds with ``--baseURL`` the
Pages URL, the custom domain of ``CNAME`` (``blog.jreyesr.com``, also in
``static/robots.txt``).

``build.py`` loads this module after ``round57.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
58") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# content/series/<slug>/_index.md `name`
SERIES_NAMES: dict[str, str] = {
    "advanced-authz-patterns": "Advanced Authorization Patterns",
    "elections": "The Elections Series",
    "openchatflow": "OpenChatflow",
    "r2r": "Right (or not) to Repair (or Repurpose, or Salvage, or Hack)",
    "steampipe": "Steampipe",
    "tfbridge": "Connecting Steampipe to Terraform Data Sources",
    "timedoctor-re": "TimeDoctor reverse-engineering",
}

# the open-ended containers ("a sporadic series that is published on or near elections";
# r2r "contains content related to Right to Repair"): columns, no part
RECURRING = {
    "The Elections Series",
    "Right (or not) to Repair (or Repurpose, or Salvage, or Hack)",
}


def jreyesr_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter (after any leading white space, which Hugo skips), with ``series``
    as the series' ``name`` (``SERIES_NAMES``)."""
    fm = unseen.front_matter(text.lstrip("\ufeff").lstrip())
    if fm is None:
        return None
    fm = dict(fm)
    series = unseen.as_list(fm.get("series"))
    if series:
        unknown = [s for s in series if s not in SERIES_NAMES]
        if unknown:
            raise ValueError(f"{path}: series {unknown!r} not in SERIES_NAMES")
        fm["series"] = [SERIES_NAMES[s] for s in series]
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="jreyesr",
        repo="jreyesr/jreyesr.github.io",
        # `master` on 2026-02-17 22:07:03 -0500 ("Enhance discoverability of blog for LLMs"),
        # the snapshot's newest (its only branch)
        commit="ac4b73c05dbcb7622a39d8aab6cddc5d0b7d9b2e",
        site="https://blog.jreyesr.com/",
        generator="Hugo 0.143 (anubis theme, site series layouts)",
        language="en",
        licence="no licence stated (the theme's LICENSE is anubis' MIT)",
        # the page bundles' index.md and the three single-file posts; not the Observable
        # notebooks under <bundle>/observable/
        include=r"^content/posts/(?:[^/]+/index\.md|[^/]+\.md)$",
        meta=jreyesr_meta,
        recurring=RECURRING,
        unordered={
            "OpenChatflow": "its first member is the introduction (`Introducing OpenChatflow: "
            "…`), so `TG Chatbot Devlog 1` is rank 2 and `OpenChatflow, Devlog N` rank N+1; "
            "the marker check does not read `Devlog N`",
        },
        undeclared_parts=(
            # a two-part run of 2023-06 on Terraform for generic APIs, numbered in its
            # titles, no series declared
            "Coopting Terraform into generic API management, Part 1",
            "Coopting Terraform into generic API management - Part 2 - Dynamic resources",
            # a lone part 1 (2024-05-07), no series declared, no part 2
            "On the extraction of information from image-based dashboards, Part 1",
        ),
        url=unseen.hugo_path("https://blog.jreyesr.com", "content/"),
        url_source="reconstructed: Hugo content path /posts/<bundle or file name>/ (no "
        "permalinks in config.toml) under https://blog.jreyesr.com (CNAME, the Pages "
        "workflow's --baseURL)",
    ),
]
