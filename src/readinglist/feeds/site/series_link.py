"""A post's one link to its series' own page: the badge JavaScript-framework blogs render.

Blogs built on Next.js, Nuxt or Docusaurus often show a post's series as a badge in its
header, beside its date and tags: ``<a href="/series/local-ai-agent/">Local AI
agent</a>``. No box, no sentence, no position, but the author's own filing, rendered
from the post's front matter: the same declaration a schema.org ``isPartOf`` makes.

A link is no declaration by being there, so only one that reads as such a badge counts:

* its path is a series' own page, one level below a series directory
  (``/series/<slug>/``, ``/blog/serie/<slug>``), never the list of series itself;
* it is not prose: not inside a paragraph, a list item, a quotation or a table cell
  ("I wrote a series on X" links to X from a sentence);
* it is not the site's furniture: not inside ``nav``, ``footer``, ``aside``, or an
  element whose class or id says menu, sidebar, footer, breadcrumb, related, recent,
  popular, widget or table of contents;
* it is the page's only such target: two different series pages linked from a page's
  header and body are a list or a mention, and declare nothing.

Its name is the link's text (the series' name as the site writes it), else the slug's
words. Read only when a page declares nothing else (``declared.parse_declared_series``),
and never from a feed entry's HTML, where a link is as likely prose as not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from readinglist.feeds.site.sitemap import http_url
from readinglist.model.records import SERIES_LINK, DeclaredSeries

__all__ = ["series_link"]

_SERIES_WORDS = r"series|serie|serien|s[ée]ries|seri|seriya|系列|连载|連載|시리즈|연재|シリーズ"
_SERIES_TERM = re.compile(rf"/(?:{_SERIES_WORDS})/(?P<slug>[^/]+)/?$", re.IGNORECASE)
_SERIES_HREF = re.compile(
    rf"href\s*=\s*[\"']?(?:[^\"'>\s]*/)?(?:{_SERIES_WORDS})/[^/\"'>\s]", re.IGNORECASE
)
"""An ``href`` that may name a series' page: the cheap test before the parse."""
_PROSE = frozenset({"p", "li", "blockquote", "td", "th", "dd", "figcaption"})
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "menu"})
_FURNITURE = re.compile(
    r"nav|menu|sidebar|footer|breadcrumb|related|recent|popular|widget|toc|"
    r"table-of-contents|tag-?cloud|pagination",
    re.IGNORECASE,
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
MAX_NAME = 200


class _LinkReader(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: dict[str, list[str]] = {}  # target -> texts of its badge links
        self._open: list[tuple[str, bool]] = []  # open elements: (tag, prose or furniture?)
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        marker = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        blocked = tag in _PROSE or tag in _FURNITURE_TAGS or bool(_FURNITURE.search(marker))
        inside_blocked = any(b for _t, b in self._open)
        self._open.append((tag, blocked))
        if tag == "a" and not inside_blocked and not blocked:
            target = http_url(a.get("href", ""), self.base)
            if target is not None and _SERIES_TERM.search(urlsplit(target).path):
                self._link = (target, [])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "a" and self._link is not None:
            target, text = self._link
            self.found.setdefault(target.rstrip("/"), []).append(" ".join("".join(text).split()))
            self._link = None
        # as browsers do: an end tag closes its element and whatever was left open in it
        # (an unclosed <p>); one with no open element of its name closes nothing
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1].append(data)


def series_link(text: str, page_url: str) -> DeclaredSeries | None:
    """The series the page's one badge link names, or None (see the module notes).

    Most pages that declare nothing link no series page at all: a search of the raw
    text for such an address spares them a second parse of the whole page."""
    if _SERIES_HREF.search(text) is None:
        return None
    reader = _LinkReader(page_url)
    try:
        reader.feed(text)
        reader.close()
    except Exception:  # html.parser is forgiving; a pathological page declares nothing
        return None
    if len(reader.found) != 1:
        return None
    ((target, texts),) = reader.found.items()
    name = next((t for t in texts if t), "") or _slug_words(target)
    name = name[:MAX_NAME].strip()
    return DeclaredSeries(name, None, source=SERIES_LINK) if name else None


def _slug_words(target: str) -> str:
    found = _SERIES_TERM.search(urlsplit(target).path)
    slug = unquote(found.group("slug")) if found else ""
    return " ".join(re.split(r"[-_+\s]+", slug)).strip()
