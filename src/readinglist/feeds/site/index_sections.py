"""A site's list of its series written as one page: a heading per series over its posts.

Jekyll has no taxonomy pages: a site that declares ``series: Kiln Basics`` in front
matter lists its series on a page of its own (``/series/``), looping over its posts
grouped by series, each group a heading and the links to its posts. No page per series,
no feed per series: the page is the whole declaration (``feeds.site.series_index`` reads
the Hugo kind, a page per series).

Only the page's own content is read. A page carries the theme's menus, header, footer
and sidebar too ("Recent posts", "Categories"), whose links say nothing of a series:
where the page marks its content (``<main>``, ``<article>``) nothing outside it is read,
and ``<nav>``, ``<header>``, ``<footer>``, ``<aside>`` and elements whose class names a
sidebar, a menu or a widget never are. A heading names a series only over two posts or
more on the site's own host, not over the site's pages of tags, categories or series.
Pure: bytes in, records out; nothing is loaded or run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import SplitResult, urlsplit

from readinglist.feeds.site.sitemap import http_url
from readinglist.model.urls import normalize_url

__all__ = ["ListedSeries", "parse_index_sections", "parse_listed_posts"]

MAX_SECTIONS = 200
MAX_MEMBERS = 200
_HEADINGS = frozenset({"h2", "h3", "h4"})
_BOILERPLATE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "script", "style"})
_BOILERPLATE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:sidebar|side-bar|menu|navbar|nav|widget|footer|header|masthead|"
    r"breadcrumbs?|pagination|related|recent|share|comments?)(?:$|[-_\s])",
    re.IGNORECASE,
)
_CONTENT_TAGS = frozenset({"main", "article"})
_NOT_POSTS = re.compile(r"/(?:tags?|categor(?:y|ies)|series|archives?|page|feed)(?:/|$)", re.I)
_GENERIC = re.compile(
    r"^(?:recent|latest|popular|related|all|more|other)\b|^(?:posts?|archives?|categories|"
    r"tags|series|contents?|table of contents|index)$",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\s*(?:\(\s*\d+\s*\)|\[\s*\d+\s*\]|·\s*\d+.*)\s*$")


@dataclass(frozen=True, slots=True)
class ListedSeries:
    """One series the page lists: its name, the page's address for it (the heading's
    anchor), and its posts in the page's order."""

    name: str
    url: str
    members: tuple[str, ...]


def parse_index_sections(content: bytes, page_url: str) -> list[ListedSeries]:
    """The series a one-page list names, each a heading over two posts or more."""
    reader = _Sections(page_url)
    try:
        reader.feed(content[: 2 * 1024 * 1024].decode("utf-8", "replace"))
        reader.close()
    except (AssertionError, ValueError):  # html.parser on hopeless markup
        pass
    sections = reader.sections_in_content() or reader.sections
    here = urlsplit(page_url)
    out: dict[str, ListedSeries] = {}
    for name, anchor, links in sections:
        name = _COUNT.sub("", " ".join(name.split())).strip(" :–—-")
        members = [link for link in dict.fromkeys(links) if _post_of(here, link)]
        if len(members) < 2 or not name or _GENERIC.search(name):
            continue
        url = f"{page_url.split('#', 1)[0]}#{anchor or _slug(name)}"
        if url not in out:
            out[url] = ListedSeries(name, url, tuple(members[:MAX_MEMBERS]))
    return list(out.values())[:MAX_SECTIONS]


def parse_listed_posts(content: bytes, page_url: str) -> list[str]:
    """The posts a series' own page lists, in its order: the links of its content (its
    ``<main>``/``<article>`` when it marks one) to posts of the site, the menus, sidebars
    and widgets left out. For a series page with no feed (a Hugo site that renders its
    taxonomies as HTML only, a Jekyll plug-in's page per series)."""
    reader = _Sections(page_url)
    try:
        reader.feed(content[: 2 * 1024 * 1024].decode("utf-8", "replace"))
        reader.close()
    except (AssertionError, ValueError):
        pass
    here = urlsplit(page_url)
    links = reader.content_links or reader.links
    return [link for link in dict.fromkeys(links) if _post_of(here, link)][:MAX_MEMBERS]


def _post_of(page: SplitResult, link: str) -> bool:
    """A post of the site: on the page's host, not the page itself, nor a list of tags,
    categories, series or archives."""
    target = urlsplit(link)
    if target.netloc.lower() != page.netloc.lower():
        return False
    if normalize_url(link.split("#", 1)[0]) == normalize_url(page.geturl().split("#", 1)[0]):
        return False
    return target.path.strip("/") != "" and _NOT_POSTS.search(target.path) is None


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-")


class _Sections(HTMLParser):
    """Headings and the links after each, outside the page's boilerplate; those inside
    its ``<main>``/``<article>`` kept apart, since they are the page's own."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.sections: list[tuple[str, str, list[str]]] = []
        self.content: list[tuple[str, str, list[str]]] = []
        self.links: list[str] = []  # every link outside the boilerplate, in page order
        self.content_links: list[str] = []  # those inside the page's main/article
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, boilerplate, content)
        self._heading: list[str] | None = None
        self._heading_id = ""
        self._current: tuple[str, str, list[str]] | None = None

    @property
    def _skipping(self) -> bool:
        return any(boiler for _tag, boiler, _content in self._stack)

    @property
    def _in_content(self) -> bool:
        return any(content for _tag, _boiler, content in self._stack)

    def sections_in_content(self) -> list[tuple[str, str, list[str]]]:
        return self.content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("br", "img", "meta", "link", "hr", "input", "source", "wbr"):
            return
        marker = f"{a.get('class', '')} {a.get('id', '')}"
        boiler = tag in _BOILERPLATE_TAGS or _BOILERPLATE_CLASS.search(marker) is not None
        self._stack.append((tag, boiler, tag in _CONTENT_TAGS))
        if self._skipping:
            return
        if tag in _HEADINGS:
            self._heading, self._heading_id = [], a.get("id", "")
        elif tag == "a":
            link = http_url(a.get("href", ""), self.base)
            if link is None:
                return
            self.links.append(link)
            if self._in_content:
                self.content_links.append(link)
            if self._current is not None and self._heading is None:
                self._current[2].append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS and self._heading is not None and not self._skipping:
            section: tuple[str, str, list[str]] = ("".join(self._heading), self._heading_id, [])
            self._current = section
            self.sections.append(section)
            if self._in_content:
                self.content.append(section)
            self._heading = None
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
