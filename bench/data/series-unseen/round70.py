"""Round 70 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

eevee (English, Pelican: Eevee's "fuzzy notepad" at eev.ee/blog, 2011 to 2025: programming
essays (Python, PHP, Perl, Rust, JavaScript, CSS), Doom level design, game development and
game jams, the Game Boy Color game "Cheezball Rising", art and drawing, and personal posts).
The posts are Pelican Markdown files with plain ``key: value`` headers (no ``---`` fence):
``content/*.markdown`` (170), ``content/dev/`` (130) and ``content/updates/`` (37), 337 in
all, every file named ``<date>-<slug>.markdown``. ``content/pages/`` (pages, ``PAGE_PATHS``)
and ``content/media/``, ``content/dev/media/`` and ``content/galleries/`` (static files and
photo galleries) are not posts and are not read. No post sets ``status`` (no drafts), ``slug``,
``url`` or ``save_as``.

A post's header may set ``series: <key>`` (the ``pelican.plugins.series`` plugin, in
``PLUGINS``). The theme's ``article_series_nav`` heads a member's page with "<k> / <n> in
<name>" (the plugin's index: members by date, no ``series_index`` is declared) and links to
the previous and next member; ``/blog/tags/`` lists every series, its members oldest first.
``pelicanconf.py`` ``SERIES_NAMES`` gives the names shown (``'birthday': "🎂 Eevee gained
EXP"``); the label is the key as written. Seven keys, 34 posts: ``birthday`` (10),
``cheezball rising`` (8), ``python faq`` (7), ``make a doom level`` (3), ``game night`` (3),
``gamedev from scratch`` (2) and ``monday night itch`` (1). The author put the field in by
hand in commit ebf5a5c (2024-11-30, "Reshuffle categories"), replacing tags of the same
names (``tags: game night``; ``tags: personal, birthday``), and the navigation widget in
38bf55c (2025-01-17); the birthday post of 2025 declared it when written.

Calls, stated before any row was built (SOURCES.md, "Round 70"):

- **Weekly roundups, left out** (128, ``undeclared_parts`` from ``ROUNDUPS``): the posts
  ``Weekly roundup: <topic>`` (127, 2015-12 to 2019-10) and ``Biweekly roundup: doubling
  down`` (2016-03-20), category ``dev`` ("Brief, low-context updates on recent work"), all
  tagged ``status``. They are an undeclared weekly column whose title names each post as its
  week's roundup, and some number their topic within it (``Inktober 2: Electric Boogaloo`` …
  ``4``, ``Potpourri 2``, ``In flux 2``). Left out by the corpus' rule for undeclared dated
  columns, as the first rounds left out systemoverlord's ``Weekly Reading List for …``, round
  29 tbsmcd's weekly training notes and round 31 wei-lee's weekly reports: neither
  standalone nor a series label would be honest. Unlike those, their titles carry the
  column's name but no date (see SOURCES.md, Doubtful). ``eevee_meta`` stops the build if
  a roundup title is missing from ``ROUNDUPS``.
- **The 2011 status posts, left out** with them (3): ``Status, 2011 February wk 3`` (titled
  by its week), ``Status, 2011 March...  and April...  ahem`` (by its months) and their
  unnumbered first, ``Status recap`` (2011-02-12, which says the author would like to do
  these weekly); same category and tag (``status``) as the roundups, the column's start.
  Left out with its unnumbered first as earlier rounds left out runs (mindbending-pt,
  gruuuuu, jtemporal-pt, realjenius, pradeepl's Docker posts).
- **Undeclared numbered parts, left out** (3): ``Heteroglot: #15 in COBOL`` (2012) and
  ``Heteroglot: #16 in Pascal, #17 in Inform 7`` (2016), numbered entries of the author's
  run solving Project Euler's problems in order, one language each (a numbered column, as
  duyet's ``JavaScript Weekly #N``); and a lone ``Pokédex doodles, part 1`` (2015, no part 2
  on the blog).
- **Mario Maker posts, kept standalone** (11): ``Mario Maker: Test Flight`` …
  ``Mario Maker: The Wreck`` (category ``updates``, tag ``mario maker``, 2015-09 to 2016-11),
  one level each (ten with its course code). Their titles share a prefix but mark no part,
  number or date, and they come in bursts, not on a schedule: standalone as declared, like the
  topic prefixes kept in earlier rounds (duyet's ``Rust: …``, the ``Augeas x.y`` release
  notes of raphink). ``Making Mario`` (the making-of, category ``process``) likewise.
- Kept standalone, as declared (no title marks a part): ``Did some spline work`` and ``Did
  some Spline work, again``, ``fox flux, three years later`` (the other three ``dev``
  posts), ``I made a Doom level``, ``Strawberry Jam 2 🍓`` and ``GAMES MADE QUICK??? 2.0``
  (editions of jams the author hosted), ``Stripe CTF 2.0``, ``I entered Ludum Dare 36``,
  ``Advent calendar 2019``, the ``Goodbye, <cat>`` posts and ``I am thirty-eight years old``
  (2025-07, not a birthday post and declaring no series).

``series_kind``: ``recurring`` for ``birthday`` (a yearly post on the author's birthday,
``Eevee gained N experience points``, "Another year gone by", like ovilia's ``年度总结`` and
the corpus' other yearly columns), ``python faq`` (an index post, ``Python FAQ``, cataloguing
#python's frequently asked questions, then one question answered per post, no sequence, like
matnoble's ``latex`` tips or andrewwegner's ``Programming Gotchas``), ``game night`` (one
evening's impressions of a few indie games per post, ``Game night 1`` … ``SUPER game night
3``, like cloudwithchris' episode columns) and ``monday night itch`` (a weekly scheme, "Every
Monday, find a game on itch.io"; one post, a one-post column like cloudwithchris'
``Community Gaming``). ``multipart`` for ``cheezball rising``, ``make a doom level`` and
``gamedev from scratch``.

Parts: no number is declared, so the multipart series get date ranks (the plugin's order).
``make a doom level`` 1-3 (``part 1`` … ``part 3``, agreeing). ``cheezball rising``: its
eighth post is ``Collision detection, part 1``, which the marker check reads as contradicting
rank 8, so its parts are ``null`` (the builder's rule). ``gamedev from scratch`` is
``unordered`` (``null``): its titles number the posts ``0`` and ``1``, the date ranks are 1
and 2, in a form the marker check does not read (as chrismdp's ``Session One`` after an
introduction, round 68). The recurring series' parts are ``null``.

Dates: the header ``date`` as written, the date part (Pelican reads naive dates in
``TIMEZONE`` America/Los_Angeles and formats the URL in it); five differ from their file
names and the header wins (``YATTA`` 2011-02-28, ``Advent calendar 2019`` ``2019-12-01-19:48``,
which Pelican's date parser reads as 2019-12-01 19:48, …). ``categories``: the ``category``
and the ``tags`` as written.

URLs: ``pelicanconf.py`` ``ARTICLE_URL = 'blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/'``
under ``publishconf.py`` ``SITEURL = 'https://eev.ee'``; the slug is the file name's
(``FILENAME_METADATA = r'(?P<date>\\d{4}-\\d{2}-\\d{2})-(?P<slug>.*)'``, which Pelican does
not re-slugify; no post sets ``slug``), so ``https://eev.ee/blog/2016/07/31/i-wish-i-enjoyed-
pok%C3%A9mon-go/`` keeps its ``é`` (``all_paths``: two file names are not ASCII).

The commit read is ``c37a9f52c271`` (2025-07-21 21:56 -0600), the newest on ``master``, the
only branch. Licence: LICENSE puts the prose, photos and similar content under CC BY 3.0 or
later unless otherwise stated, the code under ISC; only titles, URLs, dates,
categories/tags and the declared series are kept.

``build.py`` loads this module after ``round68.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
70") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

# the topics of the `Weekly roundup: <topic>` posts, in date order (`A model week` titles two
# posts, 2016-12-19 and 2017-04-02)
ROUNDUPS = (
    "makin' games",
    "not much",
    "Doom",
    "magnum opus",
    "wrapping up",
    "speedwatching",
    "reaccelerating",
    "stuff",
    "second wind",
    "slow week",
    "well, no wonder",
    "building steam",
    "ambivalence",
    "video james",
    "legion of Doom",
    "sleep deprivation",
    "an awakening",
    "zoning out",
    "pixel perfect",
    "mad dash",
    "clearing my plate",
    "Triple Monday",
    "spring cleaning",
    "doodling",
    "sleepover",
    "video games",
    "short reprieve",
    "doing better",
    "writing",
    "still writing",
    "three big things",
    "slow but steady",
    "what even is sleep",
    "Ludum Dare",
    "HD Remix",
    "Bashing my head against a wall",
    "Quietly advancing",
    "Back into art",
    "Addled",
    "Inktober",
    "Inktober 2: Electric Boogaloo",
    "Inktober 3: Tokyo Drift",
    "Inktober 4: A New Hope",
    "National Novelty Writing Month",
    "Apocalypse now",
    "Screw it",
    "Arguing on the internet",
    "Freedom",
    "Descent",
    "A model week",
    "Happy Boxing Eve",
    "Welcome to the future",
    "Asymptotically close to finishing",
    "Out of phase",
    "Chaos",
    "Strawberry jam",
    "Strawberry jam END",
    "Slow catchup",
    "Slog",
    "Back in the saddle",
    "Fever dreams",
    "HP restored",
    "Business as usual",
    "The eagle has landed",
    "Potluck jam",
    "Pixels and art",
    "Nowhere fast",
    "In flux",
    "Flux capacity",
    "Potpourri",
    "Successful juggling",
    "Breath of the Tired",
    "On the move",
    "Out of potluck",
    "Juggling games",
    "Never enough",
    "Downtime",
    "Taking a breather",
    "A strange week",
    "Games, mostly",
    "Let's get physical",
    "The usual",
    "Remembering how to draw",
    "Calming diversions",
    "Apocalypse",
    "Slow start",
    "Nothing in particular",
    "Ultimate despair",
    "Odyssey, you see",
    "Pedal to the medal",
    "Into the deep end",
    "Upside down",
    "VK Ultra",
    "Truth or Dare",
    "Invinco Beat",
    "Breadth of the Wild",
    "Anise's very own video game",
    "AOOOWR",
    "Happy birthday",
    "Potpourri 2",
    "Lost time",
    "Re-emerging",
    "Forwards",
    "Visual novelty",
    "Fortnite",
    "Spectacular return",
    "Off to a good start",
    "Strawberry Jam 3",
    "Cherry Kisses",
    "Back to normal",
    "Bit of this, bit of that",
    "In flux 2",
    "Pushing it",
    "Push it to the limit",
    "Exactly at the top",
    "Ironically stable",
    "Let's try that again",
    "Vacay",
    "Recharging",
    "GLEAM",
    "Chugging",
    "Breaking up (code) is hard to do",
    "Waste not, want not",
    "All that glistens",
    "Foglights",
    "Somewhere",
)

WEEKLY_COLUMN = (
    *(f"Weekly roundup: {topic}" for topic in ROUNDUPS),
    "Biweekly roundup: doubling down",
    # the 2011 status posts, the column's start (tag `status`, category `dev`)
    "Status recap",
    "Status, 2011 February wk 3",
    "Status, 2011 March...  and April...  ahem",
)

NUMBERED_PARTS = (
    # Project Euler problems solved in order, one language each (`heteroglot`)
    "Heteroglot: #15 in COBOL",
    "Heteroglot: #16 in Pascal, #17 in Inform 7",
    # a lone part 1
    "Pokédex doodles, part 1",
)

# Pelican's FILENAME_METADATA (pelicanconf.py)
FILENAME_METADATA = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)")


def eevee_meta(text: str, path: str) -> dict[str, object] | None:
    """The Markdown header (the builder's ``pelican_meta``), with the file name's ``slug``
    and ``date`` under it as Pelican merges FILENAME_METADATA (the header wins); a roundup
    title missing from ROUNDUPS stops the build."""
    meta = unseen.pelican_meta(text, path)
    if meta is None:
        return None
    name = path.rsplit("/", 1)[-1].removesuffix(".markdown")
    m = FILENAME_METADATA.match(name)
    if not m:
        raise ValueError(f"{path}: not a <date>-<slug> file name")
    meta.setdefault("slug", m["slug"])
    meta.setdefault("date", m["date"])
    title = str(meta["title"]).strip()
    if re.match(r"(bi)?weekly roundup\b", title, re.I) and title not in WEEKLY_COLUMN:
        raise ValueError(f"{path}: roundup {title!r} not in ROUNDUPS")
    return meta


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="eevee",
        repo="eevee/eev.ee",
        # `master` on 2025-07-21 21:56:34 -0600 ("Whoops, add timestamp to last post"), the
        # only branch
        commit="c37a9f52c27103f548275b027e95e6dab20911ae",
        site="https://eev.ee/blog/",
        generator="Pelican (Markdown, pelican.plugins.series, site theme and series navigation)",
        language="en",
        licence="prose, photos and similar content CC BY 3.0 or later (LICENSE, unless "
        "otherwise stated); code ISC",
        all_paths=True,
        # the posts: content/*.markdown, content/dev/ and content/updates/ (not pages/, media/,
        # dev/media/ or galleries/, which hold no .markdown)
        include=r"^content/(?:dev/|updates/)?[^/]+\.markdown$",
        meta=eevee_meta,
        part_keys=("series_index",),
        recurring={
            # the yearly birthday post, `Eevee gained N experience points`
            "birthday",
            # an index post, then one frequently asked question answered per post
            "python faq",
            # one evening's impressions of a few indie games per post
            "game night",
            # a weekly scheme ("Every Monday, find a game on itch.io"); one post
            "monday night itch",
        },
        unordered={
            "gamedev from scratch": "titles number the posts 0 and 1, the date ranks are 1 "
            "and 2, in a form the marker check does not read",
        },
        undeclared_parts=(*WEEKLY_COLUMN, *NUMBERED_PARTS),
        url=unseen.pelican("https://eev.ee", "blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/"),
        url_source="reconstructed: Pelican ARTICLE_URL blog/{date:%Y}/{date:%m}/{date:%d}/"
        "{slug}/ (pelicanconf.py; the file name's slug, FILENAME_METADATA) under "
        "publishconf.py SITEURL https://eev.ee",
    ),
]
