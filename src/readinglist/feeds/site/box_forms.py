"""How themes' series boxes name a series when no sentence does (pure; used by
``declared``).

``declared`` first reads a box's sentence ("This post is part 3 of 5 in the series X").
Many themes write no such sentence; they lay the box out instead, and these layouts are
read here, from the text that comes before the box's list of posts (the list is titles,
and a title may say anything):

* a label and a name: "**Series:** Kiln Basics *Part 3*" (Jekyll Chirpy-style boxes),
  in the languages blogs are written in ("Série :", "Reihe:", "系列：", "시리즈:");
* an element the theme names for it (``class="series-banner-label"``,
  ``series-title``, ``series-name``) holding the name, beside "Parte 2 de 4";
* no name at all: "This article is **Part 2** in a **4-Part** Series." over a list of
  the parts. The series is then named after its first part, the way an author who
  never named it is read elsewhere (``feeds.series.numbering``): every page of it
  lists the same first part, so every page names it alike;
* a folding box (``<details>``, as Hugo's Blowfish theme renders it) whose summary is
  the name and a sentence saying the post belongs to a series, in the blog's language
  ("Kiln Basics - This article is part of a series.", "… - Dieser Artikel ist Teil einer
  Serie.", "… - 이 글은 시리즈의 일부입니다."), over "Part 1: <link>", "Part 2: This
  Article": the page's place is the number on the one entry that links nowhere;
* a box headed only "Series" over the series' posts (Hexo Butterfly's card), named after
  its first post, when the page is on its list (``headed_series``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["BoxText", "headed_series", "read_box"]

BoxText = tuple[str, str, bool, bool]
"""(text, the class of the element it sits in, whether the box's list had begun,
whether the text is a link's)."""

_LABEL = re.compile(
    r"^(?:series|serie|série|séries|serien|reihe|seri|серия"
    r"|(?:シリーズ|系列|시리즈|连载|連載)[^\s:：]{0,4})"  # "系列博文：X"
    r"\s*[:：]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"(?:\bpart of (?:the |a |this )?series|fait partie de la s[ée]ries?"
    r"|(?:es|forma) parte de la series?|faz parte da s[ée]ries?|fa parte della series?"
    r"|ist teil der (?:serie|reihe)|gehört zur (?:serie|reihe)|maakt deel uit van de serie)"
    r"\b\s*[:：]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A sentence saying the post is part of a series, the name in it or right after it
("Cet article fait partie de la série **X** : 2 sur 3")."""
_PART = re.compile(
    r"\b(?:part|parte|partie|teil|deel|część|часть)\s*(?P<pos>\d{1,3})"
    r"(?:\s*(?:of|de|von|sur|van|di|из|/)\s*(?P<total>\d{1,3}))?\b",
    re.IGNORECASE,
)
_NAMELESS = re.compile(
    r"\bpart\s+(?P<pos>\d{1,3})\s+(?:in|of)\s+(?:a|an|the|this)\s+(?P<total>\d{1,3})[-\s]?part"
    r"\s+series\b",
    re.IGNORECASE,
)
_NAME_CLASS = re.compile(r"^series[\w-]*?(?:title|name|label|heading|header)$", re.IGNORECASE)
"""A class token a theme gives the series' name: ``series-title``, ``series-banner-label``."""
_SERIES_WORD = re.compile(
    r"series|serie|série|sèrie|serien|serio|seri|sorozat|поредиц|сери|시리즈|連載|连载|系列"
    r"|选集|選集|loạt|سلسلة|مجموعه|ชุด",
    re.IGNORECASE,
)
_SUMMARY = re.compile(r"^(?P<name>.{2,100}?)\s+[-–—]\s+(?P<said>\S.*)$")
"""A folding box's summary: the name, a dash, a sentence that says "series"."""
_HERE_NUMBER = re.compile(r"(?P<pos>\d{1,3})\s*[:：]")
"""The number on the entry that is the page ("Part 2: This Article")."""
_PART_PREFIX = re.compile(r"^\s*(?:part|parte|partie|teil)\s*\d{1,3}\s*[-–—:.]\s*", re.IGNORECASE)


def read_box(
    chunks: Sequence[BoxText], titles: Sequence[str]
) -> tuple[str, int | None, int | None] | None:
    """(name, position, total) a box lays out, or None. ``titles``: the link texts of
    the box's list items, in order ("" where an item has no link: the page itself)."""
    head = [(" ".join(text.split()), cls) for text, cls, in_list, _link in chunks if not in_list]
    head = [(text, cls) for text, cls in head if text]
    said = " ".join(text for text, _cls in head)
    part = _PART.search(said)
    position = _number(part["pos"]) if part else None
    total = _number(part["total"]) if part and part["total"] else None
    for i, (text, _cls) in enumerate(head):
        label = _LABEL.match(text) or _PART_OF.search(text)
        if label is not None:
            name = label["rest"] or (head[i + 1][0] if i + 1 < len(head) else "")
            name = _PART.split(name, maxsplit=1)[0]
            if _is_name(name):
                if position is None:
                    position, total = _place_of_total(said)
                return _clean(name), position, total
    for text, cls in head:
        named = any(_NAME_CLASS.match(token) for token in cls.split())
        if named and _is_name(text) and not _SERIES_WORD.fullmatch(_clean(text)):
            return _clean(text), position, total  # not a bare "Series" label beside it
    summary = _SUMMARY.match(head[0][0]) if head else None
    if summary is not None and _SERIES_WORD.search(summary["said"]) and _is_name(summary["name"]):
        here = _unlinked_number(chunks)
        return _clean(summary["name"]), here if here is not None else position, total
    nameless = _NAMELESS.search(said)
    first = next((t for t in titles[:1] if t.strip()), "")
    if nameless is not None and _is_name(_PART_PREFIX.sub("", first)):
        name = _clean(_PART_PREFIX.sub("", first))
        return name, _number(nameless["pos"]), _number(nameless["total"])
    return None


_HEADING = re.compile(
    r"^(?:series|serie|série|séries|serien|reihe|系列文章|系列|連載|连载|シリーズ|시리즈)$",
    re.IGNORECASE,
)


def headed_series(chunks: Sequence[BoxText], titles: Sequence[str]) -> str | None:
    """A box headed only "Series" ("系列文章") over a list of posts: the name of its
    first post, which every page of the series lists alike (Hexo Butterfly's card).
    The caller takes it only when the page is itself on the list: a heading "Series"
    over the names of every series on the blog lists no post of this one."""
    head = " ".join(" ".join(t for t, _cls, in_list, _link in chunks if not in_list).split())
    if not _HEADING.match(head):
        return None
    first = next((t for t in titles if t.strip()), "")
    return _clean(first) if _is_name(first) else None


def _unlinked_number(chunks: Sequence[BoxText]) -> int | None:
    """The number on the list's one entry that is no link ("Part 2: This Article")."""
    found = [
        _HERE_NUMBER.search(" ".join(text.split()))
        for text, _cls, in_list, in_link in chunks
        if in_list and not in_link
    ]
    numbers = {int(m["pos"]) for m in found if m is not None}
    return numbers.pop() if len(numbers) == 1 and 0 < min(numbers) < 1000 else None


_OF_TOTAL = re.compile(
    r"[:：]\s*(?P<pos>\d{1,3})\s+(?:of|sur|de|di|von|van|из)\s+(?P<total>\d{1,3})\b"
)
"""": 2 sur 3" after a name: the page's place and the series' length."""


def _place_of_total(said: str) -> tuple[int | None, int | None]:
    found = _OF_TOTAL.search(said)
    return (_number(found["pos"]), _number(found["total"])) if found else (None, None)


def _number(text: str) -> int | None:
    value = int(text)
    return value if 0 < value < 1000 else None


_EDGE = re.compile(r"^[^\w'\"“‘«(]+|[^\w'\"”’»)!?]+$")
"""What themes put around a name: an icon ("📚 X"), a separator, the sentence's end."""
_SAID_AROUND = re.compile(
    r"^['\"“‘«](?P<name>.+?)['\"”’»]\s*(?:series|serie|série|시리즈|系列|シリーズ)?$", re.IGNORECASE
)
"""A quoted name and the series word after it ("'X' 시리즈")."""


def _clean(name: str) -> str:
    text = _EDGE.sub("", " ".join(name.split()))
    text = re.split(r"\s+[·|•]\s+", text, maxsplit=1)[0]  # "X · Day 3 of 7": the name
    quoted = _SAID_AROUND.match(text)
    return quoted["name"].strip() if quoted else text


def _is_name(text: str) -> bool:
    name = _clean(text)
    return 2 <= len(name) <= 100 and not name.isdigit()
