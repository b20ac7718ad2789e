"""Round 59 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

marran (English, Jekyll 0.x with the site's own plugins: Keith Marran's personal site at
www.marran.com, 2000 to 2013, the older posts imported from his Drupal site: his dogs, his
house in New York and its renovation, dance and photography classes, theatre, food and
diets, his nephew, travel diaries of his trips, Jekyll plugins). The site has one folder per
section, each with its own ``_posts/``: ``blog/`` (180 posts), ``travel/`` (124), ``tech/``
(8) and ``recipes/`` (40) are read; ``statuses/`` (1538 imported Facebook statuses),
``checkins/`` (452 imported Foursquare check-ins) and ``events/`` (3 event pages) are not.
The site's own list of its articles (``_plugins/generate_category_pages.rb``,
``site.articles``: every post not in the ``statuses``, ``checkins`` or ``events``
categories, which the home page lists) and its Atom feed (``atom.xml``: posts with layout
``post`` or ``recipe``) both take the four read sections, recipes included; the Rakefile's
``post`` task asks for "the category (blog, recipes, travel, or tech)". The sources are
Textile (``.textile``) and a few Markdown files, all with YAML front matter (23 of them
open with ``--- `` and a trailing space, which Jekyll's front-matter pattern allows:
``marran_meta``). ``_drafts/`` (gitignored but committed) is not published and not read.

A post's front matter may set ``series: {name: <name>, index: <N>}``;
``_plugins/series.rb`` groups the site's posts by ``series.name`` and orders them by
``series.index`` (``siblings``, ``next``), and ``_layouts/post.html`` ends a member with
"This post is part of a series called... <name>" and "The next in the series is..." with a
"Read the next post in the series >>" link. The label is the ``name``.

Order: the parts are the members' ranks by ``index`` (``SERIES_ORDER``, checked against
every member's declared index in ``marran_meta``), read through ``part_keys``: the indexes
are sort keys carried over from the Drupal import (``The House Tour`` 73 to 100, ``Israel``
23 to 32, ``A Trip to Israel`` 0, 1, 2, 82 to 87), not part numbers, and several trips'
members share one date, so the date rank cannot give the site's order. ``London & Kent``
gives two members ``index: 5`` (``Greenwich``, ``Thames Trip``), so its order is not
defined: ``unordered``, parts null.

Left out: thirteen posts whose titles number a part or a numbered column without a
declared series (``undeclared_parts``).

The commit read is ``ddfa5f720064`` (2013-07-02 14:33 -0500), the newest on ``master``.

URLs: ``_config.yml`` is gitignored (the last committed one, of 2011-02, sets ``permalink:
/:categories/:title``); the site's own shared links in the Facebook statuses
(``http://www.marran.com/travel/the-badlands/``, ``…/blog/why-im-boycotting-amazon/``)
show ``/:categories/:title/``, the category being the section folder above ``_posts``
(no post sets ``categories`` or ``permalink``), under ``http://www.marran.com`` (``atom.xml``).

``build.py`` loads this module after ``round58.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
59") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# Jekyll's front-matter pattern (a fence line may end in spaces)
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n?)^---[ \t]*$", re.M | re.S)
POST_FILE = re.compile(
    r"^(blog|travel|tech|recipes)/_posts/\d{4}-\d{2}-\d{2}-(.+)\.(?:textile|md)$"
)

# the order _plugins/series.rb gives each series (sort_by series.index): (index, file slug)
SERIES_ORDER: dict[str, tuple[tuple[int, str], ...]] = {
    "A Month in Africa": (
        (101, "a-month-in-africa"),
        (102, "one-day-in-kenya"),
        (103, "first-night-in-arusha"),
    ),
    "A Trip to Israel": (
        (0, "a-trip-to-israel"),
        (1, "kibbutz-ein-gedi"),
        (2, "ein-gedi"),
        (82, "the-first-visit-to-the-dead-sea"),
        (83, "the-negev-desert"),
        (84, "caesarea"),
        (85, "the-bahai-temple-gardens"),
        (86, "acre"),
        (87, "rosh-hanikra"),
    ),
    "A Trip to Yuba City for Kellie & Paul's Wedding": (
        (76, "a-trip-to-yuba-city-for-kellie-and-pauls-wedding"),
        (77, "kellie-and-pauls-wedding"),
        (78, "the-sutter-county-cemetery"),
        (79, "visiting-uncle-scott-and-aunt-grace"),
        (80, "at-beth-and-charlies"),
        (81, "out-at-bucks-lake"),
    ),
    "Chiapas!": (
        (12, "chiapas"),
        (13, "mexico-city"),
        (14, "can-del-sumidero"),
        (15, "san-cristbal"),
        (16, "na-bolom"),
        (17, "san-juan-chamula"),
        (18, "the-road-to-san-cristbal"),
        (19, "tenosique"),
        (20, "palenque"),
        (21, "bonampak-yaxchiln"),
        (22, "villahermosa"),
    ),
    "Christmas in Rome": (
        (1, "christmas-in-rome-01"),
        (2, "christmas-in-rome-02"),
        (3, "christmas-in-rome-03"),
        (4, "christmas-in-rome-04"),
        (5, "christmas-in-rome-05"),
        (6, "christmas-in-rome-06"),
        (7, "christmas-in-rome-07"),
        (8, "christmas-in-rome-08"),
    ),
    "Israel": (
        (23, "israel"),
        (24, "farewell-to-israel"),
        (25, "western-wall"),
        (26, "bethlehem"),
        (27, "arab-markets"),
        (28, "the-church-of-the-holy-sepulchre"),
        (29, "jerusalem"),
        (30, "masada-and-the-dead-sea"),
        (31, "galilee"),
        (32, "tel-aviv-and-jaffa"),
    ),
    "Long Weekend in Prague": (
        (44, "long-weekend-in-prague"),
        (45, "sad-to-return"),
        (46, "on-my-own-in-prague"),
        (47, "food-hangover"),
        (48, "excursion-to-kutna-hora"),
        (49, "first-day-in-prague"),
        (50, "the-trip-to-the-czech-republic"),
    ),
    "Mediterranean Cruise 2000: Istanbul to Athens": (
        (1, "arriving-in-istanbul-formerly-constantinople-formerly-byzantium"),
        (2, "bodrum-formerly-halicarnassus"),
        (3, "day-of-departure-second-day-in-istanbul"),
        (4, "first-day-in-athens"),
        (5, "first-day-in-istanbul"),
        (6, "istanbul-to-athens-day-at-sea"),
        (7, "kusadasi"),
        (8, "last-day-in-athens"),
        (9, "mykonos"),
        (10, "rhodes"),
        (11, "santorini"),
        (12, "the-flight-to-istanbul"),
    ),
    "Road Trip to Mount Rushmore!": (
        (1, "road-trip-to-mount-rushmore"),
        (2, "the-badlands"),
    ),
    "The House Tour": (
        (73, "the-bowery-mission-womens-home"),
        (74, "the-ground-floor"),
        (75, "outside-view"),
        (88, "the-first-floor"),
        (89, "the-second-floor"),
        (90, "the-third-floor"),
        (91, "the-house-tour"),
        (92, "the-first-round-of-renovations"),
        (93, "the-new-kitchen"),
        (94, "the-creamsicle-room"),
        (95, "the-x-men-bathroom"),
        (96, "the-master-bedroom"),
        (97, "the-last-big-renovation"),
        (98, "a-renovation-in-progress"),
        (99, "the-bollywood-room"),
        (100, "keiths-office"),
    ),
    "To Milan and the Lake Region": (
        (104, "to-milan-and-the-lake-region"),
        (105, "ive-landed-whats-happening"),
        (106, "mantova-and-cremona"),
        (107, "bellinzona"),
        (108, "orta"),
        (109, "last-day-in-milan"),
    ),
    "Travel to the South of France": (
        (51, "travel-to-the-south-of-france"),
        (52, "saturday-st-maximin-and-return-to-nice"),
        (53, "friday-cavaillon-carpentras-and-gordes"),
        (54, "thursday-chateaus-of-provence"),
        (55, "wednesday-avignon-and-surroundings"),
        (56, "tuesday-aix-en-provence"),
        (57, "monday-st-paul-de-vence"),
        (58, "sunday-2nd-day-in-nice-nonstop-israelis"),
        (59, "saturday-arrival-in-nice"),
    ),
    "Tuscany": (
        (33, "tuscany"),
        (34, "last-day-in-florence"),
        (35, "sienna"),
        (36, "the-villas"),
        (37, "garfagnana"),
        (38, "carrera"),
        (39, "lucca"),
        (40, "pisa"),
        (41, "san-gemignano"),
        (42, "florence"),
        (43, "torre-di-bellosguardo"),
    ),
}
for _name, _members in SERIES_ORDER.items():
    _idx = [i for i, _ in _members]
    assert _idx == sorted(set(_idx)), f"{_name}: indexes not strictly increasing"

# two members share `index: 5`: the site's order is not defined
TIED = "London & Kent"


def marran_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter (Jekyll's pattern), with ``series`` as the series' ``name`` and
    ``series_part`` as the member's rank by ``index`` (``SERIES_ORDER``)."""
    m = FRONT.match(text.lstrip("\ufeff").replace("\r\n", "\n"))
    if not m:
        return None
    fm = unseen.yaml.safe_load(m[1])
    if not isinstance(fm, dict):
        return None
    fm = dict(fm)
    series = fm.pop("series", None)
    if series is not None:
        if not isinstance(series, dict) or set(series) != {"name", "index"}:
            raise ValueError(f"{path}: series {series!r} is not {{name, index}}")
        name, index = str(series["name"]), int(series["index"])
        fm["series"] = name
        if name != TIED:
            slug = POST_FILE.match(path)[2]  # type: ignore[index]
            members = SERIES_ORDER[name]
            rank = next((k for k, (_, s) in enumerate(members, 1) if s == slug), None)
            if rank is None or members[rank - 1][0] != index:
                raise ValueError(f"{path}: {name!r} index {index} not in SERIES_ORDER")
            fm["series_part"] = rank
    return fm


def section(p: Post) -> list[str]:
    """Jekyll's category of a post: the folder above ``_posts``."""
    return [p.path.split("/", 1)[0]]


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="marran",
        repo="captaincanine/marran.com",
        # `master` on 2013-07-02 14:33:47 -0500 ("Merge branch 'master' of
        # github.com:captaincanine/marran.com"), the snapshot's newest (its only branch)
        commit="ddfa5f7200644b8bd6d60092baa58ed7f3d7b328",
        site="http://www.marran.com/",
        generator="Jekyll 0.x (site plugins: series.rb, category pages)",
        language="en",
        licence="all rights reserved (README: blog/, recipes/, travel/ and images/ are "
        "copyrighted by Keith Marran, no reuse without permission); code MIT",
        # the four sections the site lists as its articles; not statuses/, checkins/,
        # events/, _drafts/, nor the stray image and .DS_Store in _posts/
        include=r"^(?:blog|travel|tech|recipes)/_posts/\d{4}-\d{2}-\d{2}-[^/]+\.(?:textile|md)$",
        meta=marran_meta,
        part_keys=("series_part",),
        unordered={
            TIED: "two members declare `index: 5` (`Greenwich`, `Thames Trip`), so "
            "series.rb's sort_by leaves their order undefined",
        },
        undeclared_parts=(
            # a sequel of `McKee Transformations` (2006-05-26), numbered, no series
            "McKee Transformations, pt. 2",
            # a lone part 1 (2008-01-11), no series, no part 2
            "Crash Diet Weekends - pt. 1: Dairy Free",
            # a numbered run of photo posts from a photography class (2008-08-13)
            "Photos from Class 1",
            "Photos from Class 2",
            "Photos from Class 3",
            "Photos from Class 4",
            # weekly posts of a lighting class (2008-10/11), numbered, no series
            "Photographic Lighting: Week 2",
            "Photographic Lighting: Week 3",
            "Photographic Lighting: Week 5",
            "Photographic Lighting: Week 6",
            "Photographic Lighting: Week 7",
            # the second week of his CSA share (after `Our First CSA Haul`), no series
            "West Village CSA - Week 2",
            # the sequel of `A Trip to Ithaca` (2008-08-20), numbered, no series
            "A Trip to Ithaca: Part 2",
        ),
        url=unseen.jekyll("http://www.marran.com", "/:categories/:title/", section),
        url_source="reconstructed: Jekyll permalink /:categories/:title/ (the section folder, "
        "the file name's slug) under http://www.marran.com, as the site's own shared links "
        "show (_config.yml is not committed)",
    ),
]
