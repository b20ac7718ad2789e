"""A site's own list of its series (pure: bytes in, records out).

A site whose posts declare ``series: [Kiln Basics]`` in their front matter usually
publishes the list too: Hugo builds a page for a taxonomy and for each of its terms,
``/series/`` naming every series and ``/series/kiln-basics/`` listing its posts, each
with an RSS feed beside it (``index.xml``); WordPress series plug-ins file the same
under ``/series/<slug>/`` with a ``/feed/``. That list is the author's declaration, the
very thing the feed leaves out, and on a blog the rules have never seen it is worth
more than any guess from titles ("Prometheus监控Redis" and "MySQL 开发规范" say nothing of
the series the author filed them in).

A series' posts are read from its feed first: a term's HTML page carries the theme's
menus, "recent posts" and tag clouds too, and only the links of its own content count
(``feeds.site.index_sections``). The list of series may be read from the index's feed
(Hugo's ``/series/index.xml`` has one item per series) or, failing that, from its HTML
page, where only the links one level below the index (``/series/<name>/``) count, or,
with none, its headings over each series' posts (Jekyll's one-page list).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from readinglist.feeds.site.sitemap import http_url

__all__ = [
    "IndexTerm",
    "index_candidates",
    "parse_index_page",
    "term_feed_candidates",
    "terms_from_entries",
]

MAX_TERMS = 200
INDEX_DIR = "series"
_LANGUAGE = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$", re.IGNORECASE)
_COUNT = re.compile(r"\s*(?:\(\s*\d+\s*\)|\[\s*\d+\s*\]|·?\s*\d+\s*(?:posts?|articles?)?)\s*$")
_PAGINATION = frozenset({"page", "index.xml", "feed", "index.html"})


@dataclass(frozen=True, slots=True)
class IndexTerm:
    """One series the site lists: its name as the site writes it, and its page; with
    ``updated``, the date the list gives it (Hugo dates a term by its newest post)."""

    name: str
    url: str
    updated: str | None = None


def index_candidates(post_links: Iterable[str | None]) -> list[str]:
    """Where a feed's site keeps its list of series, most likely first.

    ``/series/`` at the site's root on the host most posts live on; first, the one under
    the folder every post sits in (a blog served below ``/blog/`` or a project site's
    ``/<repository>/`` keeps its taxonomies there too), and the one under the language
    most posts are written in (``/es/blog/x``: ``/es/series/``), as Hugo writes a
    multilingual site's taxonomies per language.
    """
    hosts: Counter[str] = Counter()
    paths: dict[str, list[list[str]]] = {}
    for link in post_links:
        if not link or http_url(link, link) is None:
            continue
        parts = urlsplit(link)
        root = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        hosts[root] += 1
        paths.setdefault(root, []).append([s for s in parts.path.split("/") if s][:-1])
    if not hosts:
        return []
    root = hosts.most_common(1)[0][0]
    dirs = paths[root]
    found = []
    base = _base(dirs)
    if base:
        found.append(f"{root}/{'/'.join(base)}/{INDEX_DIR}/")
    languages = Counter(d[0].lower() for d in dirs if d and _LANGUAGE.match(d[0]))
    if languages:
        lang, n = languages.most_common(1)[0]
        if n * 2 > len(dirs):
            found.append(f"{root}/{lang}/{INDEX_DIR}/")
    found.append(f"{root}/{INDEX_DIR}/")
    return list(dict.fromkeys(found))


_POST_DIRS = frozenset({"posts", "post", "p", "articles", "article", "entries", "entry"})


def _base(dirs: list[list[str]]) -> list[str]:
    """The folders every post sits in, before any date or posts folder: the site's own
    base (``/blog/``, ``/my-repository/``), or none."""
    if not dirs:
        return []
    common = dirs[0]
    for other in dirs[1:]:
        n = 0
        while n < min(len(common), len(other)) and common[n] == other[n]:
            n += 1
        common = common[:n]
    base = []
    for segment in common:
        if segment.isdigit() or segment.lower() in _POST_DIRS:
            break
        base.append(segment)
    return base


def terms_from_entries(
    index_url: str,
    entries: Sequence[tuple[str, str | None]],
    dates: Sequence[str | None] = (),
) -> list[IndexTerm]:
    """The series an index's feed lists: (title, link) items one level below it, each
    with its item's date when ``dates`` gives it (one per entry)."""
    out: dict[str, IndexTerm] = {}
    for at, (title, link) in enumerate(entries):
        url = _term_url(index_url, link) if link else None
        name = _clean_name(title)
        if url is not None and name and url not in out:
            out[url] = IndexTerm(name, url, dates[at] if at < len(dates) else None)
    return list(out.values())[:MAX_TERMS]


def parse_index_page(content: bytes, page_url: str) -> list[IndexTerm]:
    """The series an index's HTML page links to: links one level below the index."""
    reader = _Links()
    try:
        reader.feed(content[: 2 * 1024 * 1024].decode("utf-8", "replace"))
        reader.close()
    except (AssertionError, ValueError):  # html.parser on hopeless markup
        pass
    out: dict[str, IndexTerm] = {}
    for href, text in reader.links:
        url = _term_url(page_url, urljoin(page_url, href))
        name = _clean_name(text)
        if url is not None and name and url not in out:
            out[url] = IndexTerm(name, url)
    return list(out.values())[:MAX_TERMS]


def term_feed_candidates(term_url: str) -> list[str]:
    """A series page's feed: Hugo's ``index.xml``, then WordPress's ``feed/``."""
    base = term_url if term_url.endswith("/") else term_url + "/"
    return [base + "index.xml", base + "feed/"]


def _term_url(index_url: str, link: str) -> str | None:
    """``link`` when it is one directory below ``index_url`` on the same host, with a
    trailing slash; None for anything else (the index itself, pagination, other pages)."""
    url = http_url(link, index_url)
    if url is None:
        return None
    index, target = urlsplit(index_url), urlsplit(url)
    if index.netloc.lower() != target.netloc.lower():
        return None
    prefix = index.path if index.path.endswith("/") else index.path + "/"
    if not target.path.startswith(prefix):
        return None
    rest = [s for s in target.path[len(prefix) :].split("/") if s]
    if len(rest) != 1 or rest[0].lower() in _PAGINATION:
        return None
    return f"{target.scheme}://{target.netloc}{prefix}{rest[0]}/"


def _clean_name(text: str) -> str:
    """The series' name without the post count themes print beside it ("Kiln (3)")."""
    name = " ".join(text.split())
    return _COUNT.sub("", name).strip() or name


class _Links(HTMLParser):
    """Every ``<a href>`` with its text, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None
