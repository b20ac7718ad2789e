"""A small "blog" on a LoopbackServer, for the find-missing-parts tests.

Three series, each findable one way only, behind a tag feed that holds two parts each:

* "Essence of Linear Algebra" (Hugo layout ``/en/linear-algebra/NN-x/``, parts 1-8):
  its section feed ``/en/linear-algebra/index.xml`` is announced on every page;
* "Transfer Learning" (WordPress layout ``/2024/03/transfer-learning-N-x/``, parts 1-6):
  no series feed, listed in the second sitemap of a sitemap index (robots.txt names it);
  a seventh URL under ``/private/`` is disallowed by robots.txt;
* "Time Series Forecasting" (``/posts/time-series-forecasting-part-N/``, parts 1-5):
  neither feed nor sitemap; pages link ``rel=prev``/``rel=next``, part 5's next is an
  unrelated post. Only these pages say when they were published (JSON-LD
  ``datePublished``, part N on 2024-05-0N); the others' dates come from the feeds, or
  from nothing: the Transfer Learning pages found in the sitemap stay undated.

Every page also links to ``other`` (a second server standing in for another host) and to
``file:`` URLs; none of those may ever be requested. Variants: ``big_sitemap`` (100k
URLs after the series' ones) and ``redirect_loop`` (part 3 of the third series loops).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from feedgen import Item, rss
from loopback import LoopbackServer

TAG_FEED = "/tags/deep-learning/index.xml"
SECTION_FEED = "/en/linear-algebra/index.xml"

LA = "Essence of Linear Algebra"
TL = "Transfer Learning"
TS = "Time Series Forecasting"
IN_TAG_FEED = {LA: (3, 6), TL: (2, 5), TS: (2, 4)}
ALL_PARTS = {LA: range(1, 9), TL: range(1, 7), TS: range(1, 6)}
COFFEE = "/posts/a-note-on-coffee/"
PRIVATE = "/private/transfer-learning-7-secret/"


@dataclass(frozen=True)
class Post:
    series: str | None
    part: int | None
    title: str
    path: str


def _posts() -> list[Post]:
    posts = []
    for n in ALL_PARTS[LA]:
        posts.append(
            Post(LA, n, f"{LA} ({n}): Topic {n}", f"/en/linear-algebra/{n:02d}-topic-{n}/")
        )
    for n in ALL_PARTS[TL]:
        posts.append(
            Post(TL, n, f"{TL} ({n}): Lesson {n}", f"/2024/03/transfer-learning-{n}-lesson-{n}/")
        )
    for n in ALL_PARTS[TS]:
        posts.append(
            Post(TS, n, f"{TS} Part {n}: Step {n}", f"/posts/time-series-forecasting-part-{n}/")
        )
    return posts


POSTS = _posts()


def post(series: str, part: int) -> Post:
    return next(p for p in POSTS if p.series == series and p.part == part)


class BlogSite:
    """Routes the blog onto ``server``; ``other`` is the host nothing may ask."""

    def __init__(
        self,
        server: LoopbackServer,
        other: LoopbackServer,
        *,
        big_sitemap: bool = False,
        redirect_loop: bool = False,
    ) -> None:
        self.server = server
        self.other = other
        self.base = server.base_url
        self._route_feeds()
        self._route_sitemaps(big_sitemap)
        for p in POSTS:
            server.route(p.path, body=self._page(p), content_type="text/html; charset=utf-8")
        server.route(COFFEE, body=self._html("A Note on Coffee", ""), content_type="text/html")
        server.route(PRIVATE, body=self._html(f"{TL} (7): Secret", ""), content_type="text/html")
        if redirect_loop:
            server.redirect(post(TS, 3).path, "/loop-a/", 302)
            server.redirect("/loop-a/", "/loop-b/", 302)
            server.redirect("/loop-b/", "/loop-a/", 302)

    @property
    def tag_feed_url(self) -> str:
        return self.server.url(TAG_FEED)

    def url(self, p: Post) -> str:
        return self.server.url(p.path)

    def _item(self, p: Post, day: int) -> Item:
        return Item(guid=self.url(p), title=p.title, link=self.url(p), day=day)

    def _route_feeds(self) -> None:
        tagged = [self._item(post(s, n), n) for s, parts in IN_TAG_FEED.items() for n in parts]
        tagged.append(Item(guid="tea", title="Why I Like Tea", link=self.server.url("/tea/")))
        self.server.route(TAG_FEED, body=rss(tagged, site=self.base), content_type="text/xml")
        section = [self._item(post(LA, n), n) for n in ALL_PARTS[LA]]
        self.server.route(SECTION_FEED, body=rss(section, site=self.base), content_type="text/xml")
        self.server.route(
            "/robots.txt",
            body=f"User-agent: *\nDisallow: /private/\n\nSitemap: {self.base}/sitemap.xml\n",
            content_type="text/plain",
        )

    def _route_sitemaps(self, big: bool) -> None:
        ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        index = (
            f'<?xml version="1.0"?><sitemapindex {ns}>'
            f"<sitemap><loc>{self.base}/sitemap-1.xml</loc></sitemap>"
            f"<sitemap><loc>{self.base}/sitemap-2.xml</loc></sitemap>"
            f"<sitemap><loc>{self.other.base_url}/sitemap.xml</loc></sitemap>"
            "</sitemapindex>"
        )
        self.server.route("/sitemap.xml", body=index, content_type="application/xml")
        first = [self.url(p) for p in POSTS if p.series == LA]
        first += [self.server.url("/about/"), "file:///etc/passwd", self.other.url("/x/")]
        second = [self.url(p) for p in POSTS if p.series == TL]
        second += [self.server.url(PRIVATE), self.server.url("/tea/")]
        body2 = urlset(second)
        if big:
            junk = "".join(
                f"<url><loc>{self.base}/archive/junk-{i}/</loc></url>" for i in range(100_000)
            )
            body2 = body2.replace("</urlset>", junk + "</urlset>")
        self.server.route("/sitemap-1.xml", body=urlset(first), content_type="application/xml")
        self.server.route("/sitemap-2.xml", body=body2, content_type="application/xml")

    def _page(self, p: Post) -> str:
        head, body = "", ""
        if p.series == LA:
            head += f'<link rel="alternate" type="application/rss+xml" href="{SECTION_FEED}">'
        if p.series in (LA, TS) and p.part is not None:
            last = max(ALL_PARTS[p.series])
            if p.part > 1:
                body += f'<a rel="prev" href="{post(p.series, p.part - 1).path}">Previous</a>'
            if p.part < last:
                body += f'<a rel="next" href="{post(p.series, p.part + 1).path}">Next</a>'
            elif p.series == TS:
                body += f'<a rel="next" href="{COFFEE}">Next post</a>'
        if p.series == TS and p.part is not None:
            head += (
                '<script type="application/ld+json">{"@context": "https://schema.org", '
                f'"@type": "BlogPosting", "datePublished": "2024-05-0{p.part}T09:00:00Z"}}'
                "</script>"
            )
        if p.series == TS and p.part == 4:
            other = self.other.url("/posts/time-series-forecasting-part-6/")
            body += f'<a href="{other}">Part 6</a><a href="file:///etc/passwd">Part 9</a>'
            head += '<link rel="alternate" type="application/rss+xml" href="file:///etc/f.xml">'
        head += f'<link rel="alternate" type="application/rss+xml" href="{TAG_FEED}">'
        head += f'<link rel="alternate" type="application/rss+xml" href="{self.other.url("/f")}">'
        head += '<link rel="alternate" type="application/rss+xml" href="/index.xml">'
        return self._html(p.title, body, head)

    @staticmethod
    def _html(title: str, body: str, head: str = "") -> str:
        t = escape(title)
        return (
            f"<!doctype html><html><head><title>{t} | Blog</title>"
            f'<meta property="og:title" content="{t}">'
            f'<meta property="og:description" content="About {t}.">{head}</head>'
            f"<body><h1>{t}</h1><p>Some words about {t}.</p>{body}</body></html>"
        )


def urlset(urls: list[str]) -> str:
    """A sitemap listing ``urls`` (declsite's blog lists its pages the same way)."""
    items = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{items}</urlset>"
    )
