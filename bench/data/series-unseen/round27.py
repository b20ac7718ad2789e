"""Round 27 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

mikewebbtech (English, Hugo with the site's own layouts and series box: Mike Webb's "Mike
Webb Tech" / "The Persistent State" on home-lab Linux, virtualisation and storage, networking,
an introduction to cyber security after the Australian Signals Directorate's frameworks,
building the Hugo site itself, zsh and Proxmox, 2008-2026). The posts live in their own
repository, ``mikewebbtech/mikewebbtech-blog`` (``<year>/<date>-<slug>.md`` and two page
bundles), which the site repository ``mikewebbtech/mikewebbtech-hugo`` mounts as a git
submodule at ``content/articles``. They declare their series in the YAML front matter,
``series: [intro-cyber-security]``, a Hugo taxonomy (the site's ``hugo.toml`` ``[taxonomies]
series = "series"``, term pages ``content/series/<term>/_index.md`` for the four terms). The
site's ``layouts/partials/series-list.html`` lists a post's series members ``.Pages.ByDate``
("All articles in the "…" series", an ordered list) and ``series-pagination.html`` numbers the
previous and next members by that order; ``single.html`` shows "(Article N of M)". No number
is declared, so parts are date ranks, except for one series whose same-day pair the series box
orders by time (``CYBER_PARTS``).

``build.py`` loads this module after ``round26.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
27") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers

# intro-cyber-security: the series box numbers its 18 members by date and time (`.Pages.ByDate`).
# Two of them fall on 2025-07-29, `ICT Assets and Asset Registers` at 20:30 and `Cyber Threat
# Awareness` (file `2025-07-16-…`, re-dated) at 22:17; the date rank (by day, ties by file path)
# would put them the other way round, so the members get the box's numbers, as round 13 does
# for itenium's js-testing. The other three series have no same-day members.
CYBER_PARTS = {
    "2025-07-03-cyber-security-not-what-I-thought.md": 1,
    "2025-07-10-basics-cyber-security-requirements.md": 2,
    "2025-07-11-cia-triad.md": 3,
    "2025-07-12-intro-to-asd.md": 4,
    "2025-07-13-intro-to-essential-8.md": 5,
    "2025-07-15-mapping-to-ism-controls.md": 6,
    "2025-07-22-cruicial-distinction.md": 7,
    "2025-07-28-introduction-to-risk.md": 8,
    "2025-07-29-ict-asset-register.md": 9,  # 2025-07-29 20:30:33
    "2025-07-16-cyber-threat-awareness.md": 10,  # 2025-07-29 22:17:47
    "2025-08-01-intro-to-cirp.md": 11,
    "2025-08-10-risk-management-and-cyber-controls.md": 12,
    "2025-08-17-risk-mitigation-plans.md": 13,
    "2025-08-19-from-plan-to-action.md": 14,
    "2025-08-30-measuring-security-effectiveness.md": 15,
    "2025-09-02-exploring-discrepancy.md": 16,
    "2025-09-09-cirp-as-a-strategy.md": 17,
    # dated 2026-08-03 (the file name says 2025-08-03): last in the box once published
    "2025-08-03-threat-and-risk-assessment.md": 18,
}


def mikewebbtech_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; an intro-cyber-security member gets its series-box number
    (``CYBER_PARTS``) as ``series_box_part``, the blog declaring no number itself."""
    fm = unseen.front_matter(text)
    if fm is not None and unseen.as_list(fm.get("series")) == ["intro-cyber-security"]:
        fm["series_box_part"] = CYBER_PARTS[path.rsplit("/", 1)[-1]]
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="mikewebbtech",
        repo="mikewebbtech/mikewebbtech-blog",
        commit="24f456abf3995b6532c3794b4d5f34d12dcac1f3",
        site="https://mikewebb.tech/articles/",
        generator="Hugo (site layouts, site series box; posts in a content submodule)",
        language="en",
        licence="no licence stated for the posts (no LICENSE in the content repository; the "
        "site repository mikewebbtech/mikewebbtech-hugo is CC0 1.0)",
        all_paths=True,
        # `<year>/<date>-<slug>.md` and the bundles `<year>/<date>-<slug>/index.md`; the
        # `<year>/_index.md` year pages (title only) and the README are not posts
        include=r"^\d{4}/.+\.md$",
        meta=mikewebbtech_meta,
        part_keys=("series_box_part",),
        # parts: date ranks (the series box lists `.Pages.ByDate`), intro-cyber-security by
        # `CYBER_PARTS`; no series is a column
        # mikewebbtech-hugo: hugo.toml baseURL https://mikewebb.tech/, no permalinks, this
        # repository mounted at content/articles: /articles/<year>/<file stem or bundle>/,
        # lower-cased by Hugo; no post sets `slug` or `url`
        url=unseen.hugo_path("https://mikewebb.tech", "", prefix="/articles/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /articles/<year>/<file "
        "stem or bundle directory>/ (this repository is the site's content/articles submodule, "
        "mikewebbtech/mikewebbtech-hugo @ fe2fa33de63c) under hugo.toml baseURL "
        "https://mikewebb.tech/",
    ),
]
