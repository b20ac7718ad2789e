"""What an article's own page declares about its series (pure: bytes in, a record out).

Guessing a series from titles is the fallback; many sites say it outright, and what a
site declares outranks what we guess. Two declarations come first, the first found wins:

* **schema.org** in JSON-LD or microdata: the article ``isPartOf`` (or ``partOfSeries``)
  a ``CreativeWorkSeries`` (or ``Series``/``Collection``/``CreativeWork``) with a
  ``name``, and its ``position``. ``isPartOf`` a ``WebSite``, ``Blog`` or ``WebPage``
  names the site, not a series (SEO plug-ins put it on every page), and is ignored.
* **A series box**, as Hugo, Jekyll, Hexo, WordPress and dev.to themes render it: an
  element whose class or id names a series, saying "This post is part 3 of 5 in the
  series Transformers Explained" (or "part 3 of the X series", "part of the series: X"),
  usually with the series' posts listed in order; the page's place in that list is its
  position when the text gives none.

Failing those, the data a Next.js page was rendered from (``page_data``: its
``__NEXT_DATA__``, the post's front matter with its ``series``), and last a post's one
badge link to its series' own page (``series_link``).

``rel=prev``/``rel=next`` (on ``<link>`` or ``<a>``; ``rel`` may hold several tokens,
``previous`` too) are read, but trusted only where they speak of the series:

* inside a series box they are the series' own navigation: the page's neighbours in the
  series (``previous``/``next``), and members, placed around the page;
* on a page that declares a series by schema.org, the page's ``rel=prev/next`` become
  its ``previous``/``next`` too, yet only as a hint: Hugo and Jekyll themes (and most
  others) put chronological prev/next links in ``<head>`` or the footer of *every*
  post, so such a link says "posted before", not "the part before". Grouping
  (``feeds.series.declared``) lends such a page a part number from a neighbour only when
  that neighbour is already in the same series, and never makes a post a member
  because a link points at it;
* a page that declares nothing gets nothing from its prev/next links here.

Read with the standard library's ``html.parser``: no script runs and nothing is loaded.
Links are kept only when they are http(s), resolved against the page's address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from urllib.parse import urlsplit

from readinglist.feeds.site import json_ld
from readinglist.feeds.site.box_forms import BoxText, headed_series, read_box
from readinglist.feeds.site.page_data import declared_in_page_data
from readinglist.feeds.site.series_link import series_link
from readinglist.feeds.site.sitemap import http_url
from readinglist.model.records import FEED_SERIES_BOX, SCHEMA_ORG, SERIES_BOX, DeclaredSeries
from readinglist.model.urls import normalize_url

__all__ = ["DeclaredSeries", "declared_in_content", "parse_declared_series"]

MAX_PAGE_CHARS = 2 * 1024 * 1024
MAX_MEMBERS = 200
_MAX_CHUNKS = 400  # text pieces kept per box: its head is what ``box_forms`` reads
_NEVER_BOXES = frozenset(
    {"a", "li", "span", "strong", "em", "b", "i", "small", "time", "abbr", "code"}
)
"""Elements that hold a piece of a box, never a box: ``a class="series-toc-item"`` and
``li class="series-not-self"`` are the series' posts, ``span class="series-banner-label"``
the box's name."""
_SERIES_TYPES = frozenset({"creativeworkseries", "series", "collection", "creativework"})
_SITE_TYPES = frozenset({"website", "blog", "webpage", "organization", "person"})
_BOX = re.compile(
    r"(?:^|[-_\s])series(?:$|[-_\s])|series(?:nav|box|meta|list|toc|part|note|info|banner|widget)",
    re.I,
)
_NAME = r"(?P<quote>[\"“”'‘’«])?(?P<name>[^\"“”‘«»\n]{2,100}?)[\"“”'‘’»]?"
_END = r"(?(quote)(?:(?<=[\"”’»'])|\s*(?:[.,;:!)]|$))|\s*(?:[.,;:!)]|$))"
"""After a name: its closing quote when it opened with one ("in the series “X” Part 1
…", a box whose list follows the sentence), else the sentence's punctuation or end (an
apostrophe inside a name, "Potter’s Wheel", ends nothing)."""
_THEN = r"(?:\s*:\s*|\s+)(?![.!?])"
"""Between "series" and its name: a colon or a space, never the sentence's end ("This
article is part of a series." names none, whatever follows it)."""
_PIECE = r"(?:part|post|entry|article|installment|instalment|episode)"
"""What a box calls the page before "N of M in the series": only with "in the series"
after it, so "post 3 of 5" names no series by itself."""
_TEXT_RULES = (
    # "part 3 of 5 in the series X", "Part 3 of 5 of the series: X"; WordPress series
    # plug-ins say "This entry is part 3 of 5 in the series X" (Organize Series) and
    # "This is post 3 of 5 in the series “X”" (WP Post Series)
    re.compile(
        r"\b" + _PIECE + r"\s+#?(?P<pos>\d{1,3})\s+of\s+(?P<total>\d{1,3})\s+(?:in|of)\s+"
        r"(?:the|a|an|my|this)?\s*series" + _THEN + _NAME + _END,
        re.I,
    ),
    # "part 3 of the Transformers Explained series"
    re.compile(
        r"\bpart\s+(?P<pos>\d{1,3})\s+of\s+(?:the|a|an|my|this)\s+" + _NAME + r"\s+series\b",
        re.I,
    ),
    # "part of the series: X" / "part of the X series" (position from the list)
    re.compile(r"\bpart of (?:the|a|an|my|this)?\s*series" + _THEN + _NAME + _END, re.I),
    re.compile(r"\bpart of (?:the|a|an|my|this)\s+" + _NAME + r"\s+series\b", re.I),
)


def parse_declared_series(content: bytes, page_url: str) -> DeclaredSeries | None:
    """The series ``content`` (an article page fetched from ``page_url``) declares."""
    text = content[: MAX_PAGE_CHARS * 2].decode("utf-8", "replace")[:MAX_PAGE_CHARS]
    return _declared_in(text, page_url)


def declared_in_content(html: str, link: str | None) -> DeclaredSeries | None:
    """The series box a feed entry's own HTML carries, as ``FEED_SERIES_BOX``.

    WordPress series plug-ins add their box to the post's content, and the feed's copy
    of the post is that content: "This entry is part 2 of 4 in the series X" (Organize
    Series, ``div.seriesmeta``), "This is post 2 of 3 in the series “X”" (WP Post
    Series, ``div.wp-post-series-box``). Read at every sync, it files a post as its
    site does with no request at all. Only a box counts: schema.org in a feed entry is
    copied from elsewhere as often as not, and a post's text saying "in my series on X"
    is prose, not a declaration. The raw HTML is read (before sanitising drops the
    classes that mark the box); nothing in it is loaded or run.
    """
    if not link or not html or not ("eries" in html or "ERIES" in html):
        return None  # a plain substring test: most posts say nothing of a series
    reader = _read(html[:MAX_PAGE_CHARS], link)
    if reader is None:
        return None
    declared = _from_boxes(reader, link) or _from_opening(reader)
    return replace(declared, source=FEED_SERIES_BOX) if declared is not None else None


def _from_opening(reader: _Reader) -> DeclaredSeries | None:
    """The plug-ins' sentence opening the post, its box's classes gone (a sync server
    that strips them): "This entry is part 2 of 4 in the series X". Only that sentence,
    with its count, and only as the post's first words: prose further down ("part of my
    series on X") is no declaration."""
    opening = " ".join("".join(reader.opening).split())
    found = _TEXT_RULES[0].match(opening) or _TEXT_RULES[0].match(opening, _lead(opening))
    if found is None:
        return None
    name = found.group("name").strip(" .:-–—")
    position, total = json_ld.place(found["pos"]), json_ld.place(found["total"])
    return DeclaredSeries(name, position, total, source=SERIES_BOX) if name else None


_LEAD = re.compile(r"^(?:this|the)\s+(?:\w+\s+)?is\s+", re.IGNORECASE)


def _lead(opening: str) -> int:
    """Where "part 2 of 4" starts after the sentence's subject ("This entry is ")."""
    found = _LEAD.match(opening)
    return found.end() if found else 0


def _declared_in(text: str, page_url: str) -> DeclaredSeries | None:
    reader = _read(text, page_url)
    if reader is None:
        return None
    found = _from_schema(reader) or _from_boxes(reader, page_url)
    found = found or declared_in_page_data(text)  # the front matter the page came from
    return found or series_link(text, page_url)  # the weakest: a badge, nothing more


def _read(text: str, page_url: str) -> _Reader | None:
    reader = _Reader(page_url)
    try:
        reader.feed(text)
        reader.close()
    except Exception:  # html.parser is forgiving; a pathological page declares nothing
        return None
    return reader


# --- reading ---------------------------------------------------------------------------


@dataclass
class _Box:
    depth: int
    text: list[str]
    items: list[tuple[str | None, bool]]  # (link, is this page) per list item or link
    prev: list[str] = field(default_factory=list)  # rel=prev links inside the box
    next: list[str] = field(default_factory=list)
    # (text, class, items so far, a list item so far, inside a link): for ``box_forms``
    pieces: list[tuple[str, str, bool, bool, bool]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # each item's link text
    has_li: bool = False  # its posts are list items (else each link is one)
    current: bool = False  # its class marks it the page's own entry ("series-item active")
    first_li: int = 0  # the item the list starts at: links before it head the box

    def chunks(self) -> list[BoxText]:
        """The box's text for ``box_forms``: the list begins at its first list item, or
        at its first link when it has no list items."""
        return [
            (text, cls, li if self.has_li else items, link)
            for text, cls, items, li, link in self.pieces
        ]

    def listed(self) -> list[tuple[str | None, bool]]:
        """The entries of its list (a heading's link to the series page is none)."""
        return self.items[self.first_li :] if self.has_li else self.items


def _direction(rel: str) -> str | None:
    """ "prev" or "next" for a ``rel`` value (tokens, any case), else None."""
    tokens = rel.lower().split()
    if "prev" in tokens or "previous" in tokens:
        return "prev"
    return "next" if "next" in tokens else None


class _Reader(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.json_ld: list[str] = []
        self.microdata: dict[str, str] = {}
        self.boxes: list[_Box] = []
        self._open: list[_Box] = []
        self._depth = 0
        self._script: list[str] | None = None
        self._prop: str | None = None
        self._li_link: bool = False
        # the nearest class of each open element (its own, else its parent's): innermost last
        self._classes: list[str] = []
        self._title: tuple[_Box, int, list[str]] | None = None  # a box item's link text
        # rel=prev/next anywhere on the page (head, footer): chronological on most themes
        self.page_links: dict[str, list[str]] = {"prev": [], "next": []}
        # the text of the first element that holds any: where a series plug-in puts its
        # sentence at the top of a post (read for feed content whose classes are gone)
        self.opening: list[str] = []
        self._opening_depth: int | None = None
        self._opening_closed = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        for kept in ("class", "id"):  # SimplePie (FreshRSS) renames them, keeping the value
            if kept not in a and f"data-sanitized-{kept}" in a:
                a[kept] = a[f"data-sanitized-{kept}"]
        if tag == "script":
            kind = a.get("type", "").lower()
            self._script = [] if kind == "application/ld+json" else None
            return
        if tag in ("br", "img", "meta", "link", "hr", "input"):
            self._void(tag, a)
            return
        self._depth += 1
        self._classes.append(a.get("class", "") or (self._classes[-1] if self._classes else ""))
        marker = f"{a.get('class', '')} {a.get('id', '')}"
        boxed = (_BOX.search(marker) is not None and tag not in _NEVER_BOXES) or tag == "details"
        if boxed and len(self.boxes) < 20:
            box = _Box(self._depth, [], [], current=_marks_current(a.get("class", "")))
            self.boxes.append(box)
            self._open.append(box)
        prop = a.get("itemprop", "").lower()
        if prop in ("name", "position") and "ispartof" in self.microdata.get("_scope", ""):
            self._prop = prop
        if prop in ("ispartof", "partofseries"):
            self.microdata["_scope"] = "ispartof"
        direction = _direction(a.get("rel", "")) if tag == "a" else None
        if direction is not None:
            self._neighbour(direction, a.get("href", ""))
            box_item_waits = bool(
                self._open and self._open[-1].items and self._open[-1].items[-1][0] is None
            )
            if not box_item_waits or self._li_link:
                return  # the box's navigation, not an entry of its list
        if self._open:
            box = self._open[-1]
            current = a.get("aria-current") or _marks_current(a.get("class", ""))
            if tag == "li":
                box.items.append((None, bool(current)))
                box.titles.append("")
                if not box.has_li:
                    box.first_li = len(box.items) - 1
                box.has_li = True
                self._li_link = False
            elif tag == "a" and len(box.items) < MAX_MEMBERS:
                link = http_url(a.get("href", ""), self.base)
                if box.items and box.items[-1][0] is None and not self._li_link:
                    box.items[-1] = (link, box.items[-1][1] or bool(current))
                    self._li_link = True
                elif not box.items or self._li_link or not box.has_li:  # links, no list
                    box.items.append((link, bool(current)))
                    box.titles.append("")
                self._title = (box, len(box.items) - 1, [])
            elif current and box.has_li and box.items and box.items[-1][0] is None:
                # an entry with no link whose text is marked the page's own
                # (``<li><span class="wp-post-series-box__current">``)
                box.items[-1] = (None, True)

    def _neighbour(self, direction: str, href: str) -> None:
        """A rel=prev/next link: the open box's navigation, else the page's."""
        link = http_url(href, self.base)
        if link is None:
            return
        if self._open:
            box = self._open[-1]
            (box.prev if direction == "prev" else box.next).append(link)
        else:
            self.page_links[direction].append(link)

    def _void(self, tag: str, a: dict[str, str]) -> None:
        direction = _direction(a.get("rel", "")) if tag == "link" else None
        if direction is not None:
            self._neighbour(direction, a.get("href", ""))
        if tag == "meta" and a.get("itemprop", "").lower() == "position" and a.get("content"):
            self.microdata.setdefault("position", a["content"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._script is not None:
                self.json_ld.append("".join(self._script))
            self._script = None
            return
        if tag == "a" and self._title is not None:
            box, index, parts = self._title
            box.titles[index] = " ".join("".join(parts).split())
            self._title = None
        if self._classes:
            self._classes.pop()
        while self._open and self._open[-1].depth >= self._depth:
            self._open.pop()
        self._depth = max(0, self._depth - 1)
        if self._opening_depth is not None and self._depth < self._opening_depth:
            self._opening_closed = True
        self._prop = None

    def handle_data(self, data: str) -> None:
        if not self._opening_closed and (self.opening or data.strip()):
            if self._opening_depth is None:
                self._opening_depth = max(self._depth, 1)
            self.opening.append(data)
        if self._script is not None:
            self._script.append(data)
            return
        if self._prop is not None and data.strip():
            self.microdata.setdefault(self._prop, data.strip())
        if self._title is not None:
            self._title[2].append(data)
        for box in self._open:
            box.text.append(data)
            if len(box.pieces) < _MAX_CHUNKS:
                cls = self._classes[-1] if self._classes else ""
                link = self._title is not None
                box.pieces.append((data, cls, bool(box.items), box.has_li, link))


# --- schema.org -------------------------------------------------------------------------


def _from_schema(reader: _Reader) -> DeclaredSeries | None:
    for raw in reader.json_ld:
        data = json_ld.load(raw)
        if data is None:
            continue
        for obj in json_ld.objects(data):
            for key in ("partOfSeries", "isPartOf"):
                for part in json_ld.objects(obj.get(key)) or (
                    [obj[key]] if isinstance(obj.get(key), str) else []
                ):
                    name = part if isinstance(part, str) else part.get("name")
                    if isinstance(part, dict) and (
                        json_ld.types(part) & _SITE_TYPES or not json_ld.types(part) & _SERIES_TYPES
                    ):
                        continue
                    if key == "isPartOf" and isinstance(part, str):
                        continue  # a bare string isPartOf is usually a URL or the site
                    if isinstance(name, str) and name.strip():
                        return _schema(reader, name.strip(), json_ld.place(obj.get("position")))
    name = reader.microdata.get("name")
    if reader.microdata.get("_scope") and name:
        return _schema(reader, name, json_ld.place(reader.microdata.get("position")))
    return None


def _schema(reader: _Reader, name: str, position: int | None) -> DeclaredSeries:
    """A schema.org declaration, with the page's rel=prev/next as its neighbours: a hint
    for the position only (see the module notes), never a list of members."""
    return DeclaredSeries(
        name,
        position,
        source=SCHEMA_ORG,
        previous=_first_other(reader.page_links["prev"], reader.base),
        next=_first_other(reader.page_links["next"], reader.base),
    )


def _first_other(links: list[str], page_url: str) -> str | None:
    """The first link that is not the page itself."""
    here = normalize_url(page_url)
    return next((link for link in links if normalize_url(link) != here), None)


# --- series boxes -----------------------------------------------------------------------


def _from_boxes(reader: _Reader, page_url: str) -> DeclaredSeries | None:
    for index, box in enumerate(reader.boxes):
        chunks = box.chunks()
        head = " ".join(" ".join(t for t, _c, in_list, _a in chunks if not in_list).split())
        text = " ".join(" ".join(box.text).split())
        for rule in _TEXT_RULES:
            # the sentence over the list first: a name read on into the list takes titles
            found = rule.search(head) or rule.search(text)
            if found is None:
                continue
            name = found.group("name").strip(" .:-–—")
            if not name:
                continue
            position = json_ld.place(found.groupdict().get("pos"))
            total = json_ld.place(found.groupdict().get("total"))
            items = _unlinked_is_page(box.listed() or _nested_items(reader.boxes, index), page_url)
            return _declaration(box, items, name, position, total, page_url)
        titles = box.titles[box.first_li :] if box.has_li else box.titles
        laid_out = read_box(chunks, titles)  # a label, a named element, no name
        if laid_out is not None:
            name, position, total = laid_out
            own = box.listed()
            items = own if box.has_li or not own else []
            items = items or _nested_items(reader.boxes, index) or own
            items = _unlinked_is_page(items, page_url)
            here = normalize_url(page_url)
            listed = any(cur or (link and normalize_url(link) == here) for link, cur in items)
            if not listed and position is not None and position <= len(items) + 1:
                # the page's own entry is no link and no list item ("Part 2: This
                # Article" between two links): it stands where its number says
                items = [*items[: position - 1], (None, True), *items[position - 1 :]]
            return _declaration(box, items, name, position, total, page_url)
        headed = headed_series(chunks, titles)  # "Series" over its posts, no name
        here = normalize_url(page_url)
        on_list = any(link and normalize_url(link) == here for link, _cur in box.listed())
        if headed is not None and on_list:
            return _declaration(box, box.listed(), headed, None, None, page_url)
    return None


def _declaration(
    box: _Box,
    items: list[tuple[str | None, bool]],
    name: str,
    position: int | None,
    total: int | None,
    page_url: str,
) -> DeclaredSeries:
    """What a box declares: its list (the current item, often no link, is the page),
    its own prev/next placed around the page, the page's place when no number says it.
    A link to the series' own page (``/series/<name>/``, in a heading) is no post."""
    items = [(link, cur) for link, cur in items if cur or not _series_page(link)]
    # a post linked twice in one entry (its picture and its title) is one entry
    seen: set[str] = set()
    unique = []
    for link, cur in items:
        key = normalize_url(link) if link and not cur else None  # the page's own stays
        if key is None or key not in seen:
            unique.append((link, cur))
        if key is not None:
            seen.add(key)
    items = unique
    listed = [page_url if current else link for link, current in items]
    previous = _first_other(box.prev, page_url)
    following = _first_other(box.next, page_url)
    members = _around([m for m in listed if m], page_url, previous, following)
    if position is None:
        position = _place(items, normalize_url(page_url))
    return DeclaredSeries(name, position, total, members, SERIES_BOX, previous, following)


def _unlinked_is_page(
    items: list[tuple[str | None, bool]], page_url: str
) -> list[tuple[str | None, bool]]:
    """The one entry that links nowhere is the page itself ("Part 2 - This Article", a
    ``<span>`` among links), unless an entry is marked current or links to the page: then
    an unlinked one is a part to come."""
    unlinked = [i for i, (link, _current) in enumerate(items) if link is None]
    here = normalize_url(page_url)
    if len(unlinked) != 1 or any(
        current or (link is not None and normalize_url(link) == here) for link, current in items
    ):
        return items
    return [(link, i == unlinked[0]) for i, (link, _current) in enumerate(items)]


def _nested_items(boxes: list[_Box], index: int) -> list[tuple[str | None, bool]]:
    """The list the boxes nested in ``boxes[index]`` hold between them, in page order: a
    theme that wraps its list in an element of its own (``series-banner`` >
    ``series-toc``) or each entry in one (``series-item`` > ``series-content``), the
    page's own entry an element marked current with no link in it."""
    outer = boxes[index]
    found: list[tuple[str | None, bool]] = []
    for inner in boxes[index + 1 :]:
        if inner.depth <= outer.depth:
            break
        found += inner.listed() or ([(None, True)] if inner.current else [])
    return found


_SERIES_PAGE = re.compile(r"/(?:series|serie|serien|s[ée]ries?)(?:/[^/]+)?/?$", re.IGNORECASE)


def _series_page(link: str | None) -> bool:
    """Whether ``link`` is a series' own page or the list of series, not a post."""
    return link is not None and _SERIES_PAGE.search(urlsplit(link).path) is not None


_CURRENT = re.compile(r"(?:^|[-_])(?:current|active)(?:$|[-_])", re.IGNORECASE)
_CAMEL_CURRENT = re.compile(
    r"(?:^|[a-z0-9])(?:Current|Active)(?:$|[-_A-Z])|^(?:current|active)[A-Z]"
)


def _marks_current(classes: str) -> bool:
    """A class that marks the page's own entry: "current", "active", "is-current",
    "current-post", "series-nav__item--current", and the camel-cased names of CSS
    modules, which React themes (Docusaurus) hash: "currentPost_x1y2", "isActive_ab"."""
    return any(_CURRENT.search(t) or _CAMEL_CURRENT.search(t) for t in classes.split())


def _around(
    listed: list[str], page_url: str, previous: str | None, following: str | None
) -> tuple[str, ...]:
    """The members: the box's list, with its prev/next links placed around the page.

    A box that lists no posts but links the parts before and after gives the three in
    order; a list that holds the page gets a missing neighbour beside it; a list that
    does not hold the page is kept as it is, the neighbours after it (order unknown).
    """
    here = normalize_url(page_url)
    members = list(dict.fromkeys(listed))
    known = {normalize_url(m) for m in members}
    place = next((i for i, m in enumerate(members) if normalize_url(m) == here), None)
    if place is None and not members and (previous or following):
        members, place = [page_url], 0
    for link, offset in ((previous, 0), (following, 1)):
        if link is None or normalize_url(link) in known:
            continue
        known.add(normalize_url(link))
        if place is None:
            members.append(link)
            continue
        members.insert(place + offset, link)
        place += 1 - offset
    return tuple(members)


def _place(items: list[tuple[str | None, bool]], here: str) -> int | None:
    """The page's place in a box's list: its own link, or the item marked current."""
    for index, (link, current) in enumerate(items, 1):
        if current or (link is not None and normalize_url(link) == here):
            return index
    return None
