"""When an article page says it was published (pure: what the page parser saw in, a date out).

"Find missing parts" stores pages no feed carried, and a page is all it knows of them.
Reading only ``article:published_time`` left most found parts undated: Jekyll's
themes write ``<time class="dt-published" datetime=…>``, Hugo's write JSON-LD
``datePublished``, others ``itemprop="datePublished"`` or a Dublin Core ``date``. An
undated part sorts as the day it was found, so a part written in 2019 showed in the
river as new today. The page's claims are read most trusted first:

1. ``<meta property="article:published_time">`` (Open Graph);
2. JSON-LD ``datePublished`` (schema.org, on the page's article object first);
3. ``itemprop="datePublished"`` on a ``meta`` or ``time`` element (microdata);
4. a ``<meta name>`` that names a publication date (``date``, ``dc.date``, …);
5. a ``<time datetime>`` marked as the publication (``pubdate``, a class saying
   "published" or "post-date"): a bare ``<time>`` may be a comment's or a footer's;
6. the date the URL itself carries (``/2024/03/05/x/``, ``/2024-03-05-x``), which
   WordPress and Jekyll permalinks write. A year and a month alone name no day, so
   they are not taken: an undated post says so rather than claiming the 1st.

A value that is no date, or names a year outside 1991 (the web's first pages) to 2100,
is passed over for the next source. The result is an ISO 8601 string, as
``datetime.fromisoformat`` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import unquote, urlsplit

from readinglist.feeds.site import json_ld

__all__ = ["DateClues", "page_date", "url_date"]

FIRST_YEAR = 1991
LAST_YEAR = 2100

DATE_META_NAMES = (
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "citation_publication_date",
)
"""``<meta name>`` values that name a page's publication date (lower-case)."""

_PUBLISHED_TIME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:dt-published|published|post-date|entry-date|pubdate|date-published)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ARTICLE_TYPES = frozenset(
    {"article", "blogposting", "newsarticle", "techarticle", "scholarlyarticle", "report"}
)
_URL_DAY = re.compile(
    r"(?:^|/)((?:19|20)\d\d)([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=/|-|_|\.|$)"
)
_SPACED_OFFSET = re.compile(
    r"^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*([+-]\d\d:?\d\d|Z)?$"
)


@dataclass(slots=True)
class DateClues:
    """What a page parser collected that may date the page (``feeds.site.links``)."""

    meta: Mapping[str, str] = field(default_factory=dict)  # property/name -> content
    itemprop_dates: list[str] = field(default_factory=list)  # itemprop=datePublished values
    json_ld: list[str] = field(default_factory=list)  # the text of each ld+json script
    marked_times: list[str] = field(default_factory=list)  # <time> marked as published


def page_date(clues: DateClues, url: str) -> str | None:
    """The page's publication date as an ISO string, from the most trusted source that
    gives one; None when the page and its URL say nothing usable."""
    candidates: list[Iterable[str | None]] = [
        [clues.meta.get("article:published_time")],
        _json_ld_dates(clues.json_ld),
        clues.itemprop_dates,
        [clues.meta.get(name) for name in DATE_META_NAMES],
        clues.marked_times,
    ]
    for source in candidates:
        for raw in source:
            found = parse_date(raw)
            if found is not None:
                return found
    return url_date(url)


def is_published_time(attrs: Mapping[str, str]) -> bool:
    """Does a ``<time>`` element's attributes mark it as the page's publication?"""
    if "pubdate" in attrs or attrs.get("itemprop", "").lower() == "datepublished":
        return True
    return _PUBLISHED_TIME_CLASS.search(attrs.get("class", "")) is not None


def parse_date(raw: str | None) -> str | None:
    """An ISO string for a date or date-time as pages write them; None if it is none.

    Takes ISO 8601 (``2024-03-05``, ``2024-03-05T10:00:00Z``, with an offset) and the
    spaced form Jekyll prints (``2024-03-05 10:00:00 +0100``). A date-time without an
    offset stays naive: the caller reads it as UTC, as it does a feed's.
    """
    if not raw:
        return None
    text = raw.strip()
    spaced = _SPACED_OFFSET.match(text)
    if spaced:
        day, clock, offset = spaced.groups()
        if offset and offset != "Z" and ":" not in offset:
            offset = f"{offset[:3]}:{offset[3:]}"
        text = f"{day}T{clock}{offset or ''}"
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    if len(text) == len("2024-03-05"):
        return value.date().isoformat()
    return value.isoformat()


def url_date(url: str) -> str | None:
    """The day a permalink names (``/2024/03/05/x/``, ``/2024-03-05-x.html``), or None."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    match = _URL_DAY.search(path)
    if match is None:
        return None
    year, month, day = (int(match.group(i)) for i in (1, 3, 4))
    try:
        found = date(year, month, day)
    except ValueError:  # 2023/02/30
        return None
    return found.isoformat() if FIRST_YEAR <= year <= LAST_YEAR else None


def _json_ld_dates(scripts: list[str]) -> list[str | None]:
    """``datePublished`` of each JSON-LD object, the page's article objects first."""
    articles: list[str | None] = []
    others: list[str | None] = []
    for raw in scripts:
        for obj in json_ld.objects(json_ld.load(raw)):
            value = obj.get("datePublished")
            if isinstance(value, str):
                (articles if json_ld.types(obj) & _ARTICLE_TYPES else others).append(value)
    return articles + others
