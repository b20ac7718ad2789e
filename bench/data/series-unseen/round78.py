"""Round 78 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

ccos (English, with one Spanish and one Portuguese post; Lektor with the site's own
``vocabulary_theme``: the "CC Open Source Blog" of Creative Commons, served at
opensource.creativecommons.org/blog, the technical and open-source blog of CC's technology
team since 2019: posts by staff (Kriti Godey, Timid Robot Zehta, Alden Page, Sara …) and by
the students and interns of CC's Google Summer of Code, Google Season of Docs and Outreachy
projects, who report on their projects as they go). The posts are
``content/blog/entries/<id>/contents.lr`` (138 files); the whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``content/blog/entries/<id>/contents.lr``: the children of
  ``content/blog/entries`` (model ``blog``, ``models/blog.ini``: children of model
  ``blog-post``, ordered ``-pub_date, title``). No entry sets ``_hidden``, ``_discoverable``,
  ``_slug`` or ``_model``, and none has an alternative (``contents+xx.lr``). Not read:
  ``content/archives/old-tech-blog`` (the archive of CC's earlier technology blog, a separate
  section with its own entries and no series field), ``content/blog/authors``,
  ``categories`` and ``series`` (the author, category and series pages).
- **Reading.** Lektor's ``contents.lr`` format: fields separated by lines ``---``, each
  ``key: value`` with the key stripped (some files indent their keys by a space: the three
  ``GSoC cc-chooser`` posts), a value that starts on the next line when the key's line has
  none (``categories``, a ``strings`` field: one value a line). ``pub_date`` is a ``date``
  field (``2020-11-5`` once: Lektor reads it as 2020-11-05).
- **Series.** ``models/blog-post.ini`` has ``[fields.series]`` of type ``select`` whose
  choices are the pages under ``content/blog/series`` (``blog-series`` model: a ``name``; its
  children are the entries whose ``series`` is that page). The post page
  (``blog-post.html``) shows "This blog is part of the series: <name>" and, under "Related
  posts", every member ``order_by('pub_date')``, oldest first; ``/blog/series/`` lists all
  series. A post is in a series iff its ``series`` field names one; the label is the value as
  written (the series page's id, e.g. ``gsoc-2019-chooser``), as round 71 labels
  parenteser's ``:series/id``. Two entries carry an empty ``series:`` (no series). Every
  value names a page under ``content/blog/series`` (``SERIES``; the reader stops on any
  other). 22 series, 21 of 2+ members, 81 posts; ``ux-design-cycle`` has one member.
- **Order.** No number is declared; the site's list is by ``pub_date``, so the builder's rank
  by date is the list's number. No two members of a series share a day. Where a title's
  marker contradicts the rank (``Visualize CC Catalog data - data processing part 2``, the
  third post of ``gsoc-2019-dataviz``, and ``… part 3``, the fourth; ``Vocabulary Site
  Updates (Part 3/n)``, the fourth of ``gsod-2020-vocabulary-usage-guide``), the builder's
  check leaves that series' parts ``null`` (10 posts), as in every round.
- **Kind.** All ``multipart``: each series is one student's or intern's project, from its
  first report to the wrap-up (GSoC 2019, 2020, 2024; GSoD 2020; Outreachy Dec 2019, May
  2020, Dec 2024), or one staff run (``2025-chooser-refactor``, parts 1 and 2;
  ``ux-design-cycle``). None is an open-ended column.
- **Titles that mark a part but declare no series are left out** (``undeclared_parts``), as
  earlier rounds do: ``Automating Quantifying the Commons: Part 1`` (2024-07-10) and ``…:
  Part 2`` (2024-08-22), a GSoC 2024 pair whose author declared no series.
- **Kept standalone, as declared:** the Outreachy posts of 2023 (``How I Landed My First
  Internship With Outreachy``, ``Outreachy Internship Mid-point Progress Update``) and of
  2026 (``Quantifying the Commons: My Journey so far with outreachy``, ``Quantifying the
  Commons: The end of an era``), which declare no series and carry no number; the two
  SaltStack posts of 2019; ``CC Catalog: Leveraging Open Data and Open APIs`` (its id ends in
  ``-1``, its title has no number); the Spanish and Portuguese calls for GSoC/Outreachy 2020
  applicants (posts of their own, not translations of a post of this blog).

The commit read is ``bc23f4fadd68`` (2026-05-14 16:48 +0200, "Merge pull request #996 from
creativecommons/update-support"), the newest on ``main``, the default branch (the other
branches are dependabot updates, ``chooser-part3`` and pull-request heads).

URLs: Lektor gives a page the path of its parent plus its slug, and a ``blog-post`` without a
``_slug`` has its id (the directory name, case kept) as slug: ``/blog/entries/<id>/`` under
the site's host ``opensource.creativecommons.org`` (``assets/CNAME``; ``.lektorproject``
``url = http://opensource.creativecommons.org/``, served over https, the address the README
and the posts' own links use). One id holds a space (``automate-github-for-more-than-CI
CD``): it is percent-encoded.

``build.py`` loads this module after ``round76.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
78") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

POST_FILE = re.compile(r"^content/blog/entries/([^/]+)/contents\.lr$")
BASE = "https://opensource.creativecommons.org"

# the pages under content/blog/series (id -> `name`), the choices of the `series` select field
SERIES: dict[str, str] = {
    "2025-chooser-refactor": "Refactoring and Releasing the new CC Chooser",
    "gsoc-2019-browser-extension": "GSoC 2019: CC Search Browser Extension",
    "gsoc-2019-chooser": "GSoC 2019: Human Centered Education of CC Licenses",
    "gsoc-2019-dataviz": "GSoC 2019: The Linked Commons",
    "gsoc-2019-vocabulary": "GSoC 2019: CC Vocabulary",
    "gsoc-2019-wp-plugin": "GSoC 2019: CC WordPress Plugin",
    "gsoc-2020-browser-extension": "GSoC 2020: CC Search Browser Extension",
    "gsoc-2020-cccatalog": "GSoC 2020: CC catalog",
    "gsoc-2020-ccsearch-accessibility": "GSoC 2020: CC Search",
    "gsoc-2020-dataviz": "GSoC 2020: The Linked Commons",
    "gsoc-2024-ansible-local-dev": "GSoC 2024: Ansible Local Dev",
    "gsoc-2024-cc-resource-archive": "GSoC 2024: CC Resource Archive",
    "gsod-2020-cccatalog-api-usage-guide": "GSoD 2020: Improve CC Catalog API Usage Guide",
    "gsod-2020-vocabulary-usage-guide": "GSoD-2020: Vocabulary Usage Guide",
    "gsod-2020-wordpress-base-theme-usage-guide": "GSOD-2020: WordPress Base Theme Usage Guide",
    "outreachy-2020-CCOS": "Outreachy May 2020 round: CC Open source",
    "outreachy-dec-2019-chooser": "Outreachy Dec 2019 round: CC License Chooser",
    "outreachy-dec-2019-platform-toolkit": "Outreachy Dec 2019 round: Platform Toolkit",
    "outreachy-dec-2019-vocabulary": "Outreachy Dec 2019 round: CC Vocabulary",
    "outreachy-dec-2024-consolidating-and-implementing-vocabulary": "Outreachy Dec 2024: "
    "Consolidating and Implementing Vocabulary",
    "outreachy-may-2020-legal-database": "Outreachy May 2020 round: CC Legal Database",
    "ux-design-cycle": "UX Design Cycle",
}


def lektor_fields(text: str) -> dict[str, str]:
    """The fields of a Lektor ``contents.lr``: blocks separated by ``---`` lines, each
    ``key: value`` (key stripped; a value whose first line is empty continues on the next
    lines). Blank lines before a key are skipped, as Lektor's tokenizer does."""
    fields: dict[str, str] = {}
    block: list[str] = []
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    for line in [*lines, "---"]:
        if line.strip() == "---":
            while block and not block[0].strip():
                block.pop(0)
            if block and ":" in block[0]:
                key, first = block[0].split(":", 1)
                fields[key.strip()] = "\n".join([first, *block[1:]]).strip()
            block = []
        else:
            block.append(line)
    return fields


def ccos_meta(text: str, path: str) -> dict[str, object] | None:
    """The entry's title, date, categories and series, read as Lektor reads them."""
    f = lektor_fields(text)
    if not f.get("title"):
        return None
    if any(k in f for k in ("_hidden", "_discoverable", "_slug", "_model")):
        raise ValueError(f"{path}: sets a Lektor system field")
    fm: dict[str, object] = {
        "title": f["title"].splitlines()[0].strip(),  # Lektor's string type: first line
        "date": f.get("pub_date", "").strip(),
        "categories": [c.strip() for c in f.get("categories", "").split("\n") if c.strip()],
    }
    series = f.get("series", "").strip()
    if series:
        if series not in SERIES:
            raise ValueError(f"{path}: series {series!r} is not a page under content/blog/series")
        fm["series"] = series
    return fm


def ccos_url(p: Post) -> str:
    """Lektor's ``/blog/entries/<id>/``: the entry's directory name as its slug."""
    slug = POST_FILE.match(p.path)[1]  # type: ignore[index]
    return BASE + unseen.enc(f"/blog/entries/{slug}/")


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="ccos",
        repo="creativecommons/ccos-website-source",
        # `main` on 2026-05-14 16:48:21 +0200 ("Merge pull request #996 from
        # creativecommons/update-support"), the default branch
        commit="bc23f4fadd68f011b9ea66e1b55327548e87ef26",
        site="https://opensource.creativecommons.org/blog/",
        generator="Lektor (contents.lr pages; blog-post `series` select field, site series "
        "pages and a related-posts list in each member's page)",
        language="en (one es and one pt post)",
        licence="content CC BY 4.0 (README, site footer); code MIT (LICENSE)",
        all_paths=True,
        include=r"^content/blog/entries/[^/]+/contents\.lr$",
        meta=ccos_meta,
        undeclared_parts=(
            # a GSoC 2024 pair numbered in the titles; no series declared
            "Automating Quantifying the Commons: Part 1",
            "Automating Quantifying the Commons: Part 2",
        ),
        # parts: date ranks (the post page lists the members order_by('pub_date')); no
        # series is a column
        url=ccos_url,
        url_source="reconstructed: Lektor page path /blog/entries/<id>/ (the entry's "
        "directory name, no _slug set) under https://opensource.creativecommons.org "
        "(assets/CNAME)",
    ),
]
