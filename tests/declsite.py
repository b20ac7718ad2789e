"""A blog whose series is told by its pages only, for find-missing-parts: the titles
("Tokenizers", "Attention", "Decoding", "Fine-Tuning") never name "Transformers From
Scratch"; each page declares it, as part 1-4, one of three ways:

* ``"list"``: a series box ("This post is part N of 4 in the series ...") listing the
  four posts in order;
* ``"box"``: the same box without the list, only its own ``rel=prev/next`` links to the
  parts before and after;
* ``"schema"``: schema.org JSON-LD (``isPartOf`` a ``CreativeWorkSeries``, ``position``).

Every page also carries what Hugo and Jekyll themes put on every post: ``<link
rel=prev/next>`` in the head and an ``<a rel="prev nofollow">`` in the footer, pointing
at the posts published around it (garden notes, nothing to do with the series), and a
"Part 5" link to a decoy. The decoy, ``/transformers/transformers-from-scratch-part-5-
serving/``, has a title that reads like part 5 of the series and sits in its URL
section, yet declares another series ("Transformers in Production"). With ``sitemap``
the robots.txt names a sitemap listing every page; without, there is none.

The feed (``/feed.xml``) holds parts 1 and 4 and two garden notes.
"""

from __future__ import annotations

import json
from html import escape

from blogsite import urlset
from feedgen import Item, rss
from loopback import LoopbackServer

SERIES = "Transformers From Scratch"
OTHER_SERIES = "Transformers in Production"
PARTS = {
    1: ("Tokenizers", "/transformers/tokenizers/"),
    2: ("Attention", "/transformers/attention/"),
    3: ("Decoding", "/transformers/decoding/"),
    4: ("Fine-Tuning", "/transformers/fine-tuning/"),
}
IN_FEED = (1, 4)
DECOY = "/transformers/transformers-from-scratch-part-5-serving/"
DECOY_TITLE = f"{SERIES} Part 5: Serving"
NOTE_TITLES = (
    "Pruning the Apple Tree",
    "Why I Like Tea",
    "A Walk by the River",
    "Seed Swap at the Library",
    "Mending a Fence",
    "The First Frost",
)
NOTES = tuple(f"/notes/{t.lower().replace(' ', '-')}/" for t in NOTE_TITLES)
WORDS = "Words about the topic, long enough to read as an article. " * 40


class DeclaringSite:
    """Routes the blog onto ``server``; ``declared_by`` is "list", "box" or "schema"."""

    def __init__(self, server: LoopbackServer, declared_by: str, *, sitemap: bool) -> None:
        self.server = server
        self.declared_by = declared_by
        for part, (_title, path) in PARTS.items():
            server.route(path, body=self._part_page(part), content_type="text/html")
        decoy_ld = _ld(OTHER_SERIES, 1)
        server.route(
            DECOY, body=_html(DECOY_TITLE, f"<p>{WORDS}</p>", decoy_ld), content_type="text/html"
        )
        for title, path in zip(NOTE_TITLES, NOTES, strict=True):
            body = _html(title, f"<p>{WORDS}</p>")
            server.route(path, body=body, content_type="text/html")
        items = [
            Item(self.url(PARTS[1][1]), PARTS[1][0], self.url(PARTS[1][1]), day=1),
            Item(self.url(NOTES[0]), NOTE_TITLES[0], self.url(NOTES[0]), day=2),
            Item(self.url(NOTES[3]), NOTE_TITLES[3], self.url(NOTES[3]), day=6),
            Item(self.url(PARTS[4][1]), PARTS[4][0], self.url(PARTS[4][1]), day=8),
        ]
        server.route("/feed.xml", body=rss(items, site=server.base_url), content_type="text/xml")
        robots = "User-agent: *\nDisallow: /private/\n"
        if sitemap:
            robots += f"\nSitemap: {server.base_url}/sitemap.xml\n"
            urls = [self.url(p) for _t, p in PARTS.values()] + [self.url(DECOY)]
            urls += [self.url(n) for n in NOTES]
            server.route("/sitemap.xml", body=urlset(urls), content_type="application/xml")
        server.route("/robots.txt", body=robots, content_type="text/plain")

    @property
    def feed_url(self) -> str:
        return self.server.url("/feed.xml")

    def url(self, path: str) -> str:
        return self.server.url(path)

    def _part_page(self, part: int) -> str:
        title, _path = PARTS[part]
        # the theme's chronological neighbours: the garden notes posted around the part
        before, after = NOTES[part - 1], NOTES[part]
        head = f'<link rel="prev" href="{before}"><link rel="next" href="{after}">'
        footer = (
            f'<footer><a rel="prev nofollow" href="{before}">Older post</a>'
            f'<a href="{DECOY}">Part 5</a></footer>'
        )
        box = ""
        if self.declared_by == "schema":
            head += _ld(SERIES, part)
        else:
            items = ""
            if self.declared_by == "list":
                items = (
                    "<ol>"
                    + "".join(
                        f'<li class="current">{escape(t)}</li>'
                        if n == part
                        else f'<li><a href="{p}">{escape(t)}</a></li>'
                        for n, (t, p) in PARTS.items()
                    )
                    + "</ol>"
                )
            nav = ""
            if part > 1:
                nav += f'<a rel="prev" href="{PARTS[part - 1][1]}">« {PARTS[part - 1][0]}</a>'
            if part < len(PARTS):
                nav += f'<a rel="next" href="{PARTS[part + 1][1]}">{PARTS[part + 1][0]} »</a>'
            box = (
                f'<aside class="series-box">This post is part {part} of {len(PARTS)} in the'
                f" series {SERIES}.{items}{nav}</aside>"
            )
        return _html(title, f"<article><p>{WORDS}</p></article>{box}{footer}", head)


def _ld(series: str, position: int) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "isPartOf": {"@type": "CreativeWorkSeries", "name": series},
        "position": position,
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _html(title: str, body: str, head: str = "") -> str:
    t = escape(title)
    return (
        f"<!doctype html><html><head><title>{t} | Blog</title>"
        f'<meta property="og:title" content="{t}">{head}</head>'
        f"<body><h1>{t}</h1>{body}</body></html>"
    )
