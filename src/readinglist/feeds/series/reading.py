"""Reading one post alone: what its title says, what its slug says, and which wins.

The first step of ``detect()`` and ``group()``: a title marker ("Gizmo Part 3"), a
numbered slug (``/gizmo-3-x/``), and where the two speak of one number, or of two,
which of them the post's part is. Nothing here looks at a sibling post.
"""

from __future__ import annotations

import re

from readinglist.feeds.series.post import FORM_URL, FORM_URL_WORD, Post, title_head
from readinglist.feeds.series.rules import (
    UrlMarker,
    UrlParts,
    glued_slug_marker,
    normalize,
    split_url,
    squash,
    url_marker,
)
from readinglist.feeds.series.titles import (
    MEDIUM,
    NAMELESS_COUNTERS,
    WEAK,
    TitleMarker,
    cites_catalogue_place,
    title_marker,
)

__all__ = ["read_post"]


_REPLY = re.compile(r"^re\s*[:：]\s*(?=\S)", re.IGNORECASE)
"""A reply's mark, "Re: x" (a forum's or a mailing list's habit, kept by blogs that grew
from one): the reply is read as the post it answers, "Re: SG Day 868" as day 868 of "SG"."""


def read_post(title: str, link: str | None) -> Post:
    """One post read alone: the series its title or its slug names, and the part."""
    title = re.sub(r"\s+", " ", title).strip() if title else ""
    reply = _REPLY.match(title)
    if reply is not None:
        post = read_post(title[reply.end() :], link)
        post.title = title
        post.short_title = f"{reply[0].strip()} {post.short_title}" if post.key else title
        return post
    post = Post(title=title, url=split_url(link), short_title=title)
    if cites_catalogue_place(title):
        return post  # "(The Dark Tower, #3)": a book's place; its slug's 3 is the book's too
    marker = title_marker(title) if title else None
    url_mark = url_marker(post.url) if post.url else None
    agreed = _title_and_slug_agree(title, post.url, url_mark)
    if agreed is not None and (marker is None or _weak_and_other(marker, agreed)):
        # "03.Tutorial Java 1" at /kiln-starter03/: the number the title opens with is
        # the slug's; a trailing "1" is the title's own ("… Java 1", "… Java 2")
        url_mark, marker = agreed, None
    if marker is not None and _slug_says_part(marker, url_mark):
        # "Programming in Gizmo 3 - Objects" at /gizmo-3-oop-part-1-objects/: the bare
        # 3 after the name is a version; the slug's "part-1" is the part
        head = title_head(title)
        if head is not None and url_mark is not None:
            post.key, post.name, post.short_title = head[0], head[1], head[2]
            post.part, post.strength, post.form = url_mark.part, MEDIUM, FORM_URL
            return post
    if _slug_names_the_counter(marker, url_mark):
        # "제 1장. x" at /http-and-network-basic-1/: the counter names no series, the slug
        # numbering the same part does
        assert marker is not None and url_mark is not None
        post.key, post.part, post.strength = url_mark.key, url_mark.part, WEAK
        post.form = FORM_URL_WORD if url_mark.one_word else FORM_URL
        post.name, post.short_title = url_mark.name, marker.short_title
        return post
    if marker is not None:
        key = normalize(marker.name)
        if key:
            post.key, post.name, post.part = key, marker.name, marker.part
            post.short_title, post.strength = marker.short_title, marker.strength
            if marker.part is not None:
                post.covers = _covered_range(title, marker.part)
                if post.covers is not None:
                    post.short_title = _without_range_end(post.short_title, post.covers[1], title)
            post.form = marker.form
            if marker.url_part_preferred and url_mark is not None:
                post.part = url_mark.part
            elif marker.part is None and url_mark is not None and _slug_numbers_name(key, url_mark):
                post.slug_part = url_mark.part  # "(CNN) Tensors" at /cnn-02-tensors/
            return post
    if url_mark is not None and not _version_in_title(title, url_mark.part):
        post.key, post.part, post.strength = url_mark.key, url_mark.part, WEAK
        post.form = FORM_URL_WORD if url_mark.one_word else FORM_URL
        post.name = url_mark.name
        head = title_head(title)
        if head and normalize(head[1]) == url_mark.key:  # "Nix Flakes: an Introduction"
            post.name, post.short_title = head[1], head[2] or title
    return post


def _slug_names_the_counter(marker: TitleMarker | None, url_mark: UrlMarker | None) -> bool:
    """A title opening with a bare counter ("Chapter 3: x", "Day 3 y") at a slug that
    numbers the same part under a name ("/http-basics-3/")."""
    if marker is None or url_mark is None or marker.part != url_mark.part:
        return False
    if url_mark.from_section:  # "/bootcamp/08-x/": a folder of numbered files, not a name
        return False
    return normalize(marker.name) in NAMELESS_COUNTERS and url_mark.key not in NAMELESS_COUNTERS


_RANGE_END = re.compile(r"^(?P<end>\d{1,3})(?!\d)(?:\s*[:：.\-–—|]+\s*|\s*$)")
"""A range's end where a part title starts, and what closes it: punctuation, or the
title's end (``_covered_range`` has said it is a range)."""


def _without_range_end(short: str, end: int, title: str) -> str:
    """ "Day 1-3", "Week 5, 6", "Weeks 5-8: x": the marker reads the first number as the
    part and would leave the range's end ("3", "6", "8: x") as the part's title. The end
    goes; a part with nothing else to say is titled by its whole title, which shows the
    range ("隔離 Day 1-3"), and "Weeks 1-2: Design" is the part "Design"."""
    m = _RANGE_END.match(short)
    if m is None or int(m["end"]) != end:
        return short
    return short[m.end() :] or title


_MAX_RANGE = 20
"""Parts one post can cover at most ("Day 54-58"); past it, two numbers are no range."""

_COUNTER_WORDS = (
    r"day|days|week|weeks|part|parts|pt|episode|episodes|ep|lesson|lessons|lecture"
    r"|lectures|session|sessions|problem|problems|exercise|exercises|module|unit"
)


def _covered_range(title: str, part: int) -> tuple[int, int] | None:
    """The parts a title says its post covers, from ``part``: "Day 4-7", "Week 5, 6",
    "Problems 16-20" -> (part, end). A counter word before the first number, or a stop
    after the second ("X 16-20", "X 1-2: y"), says it is a range; "X 1-2 notes" (item
    2 of section 1) is not."""
    for m in re.finditer(
        rf"(?P<word>(?:{_COUNTER_WORDS})\.?\s*)?(?<!\d){part}\s*(?:[-–~～]|,|&)\s*"
        r"(?P<end>\d{1,3})(?!\d)(?P<stop>\s*(?:[:：.\-–—|)）]|$))?",
        title,
        re.IGNORECASE,
    ):
        end = int(m["end"])
        if part < end <= part + _MAX_RANGE and (m["word"] or m["stop"] is not None):
            return part, end
    return None


_TITLE_LEAD_NUMBER = re.compile(r"^(\d{1,3})(?:[.)]\s*|\s+)(?=[^\W\d_])")


def _title_and_slug_agree(
    title: str, url: UrlParts | None, url_mark: UrlMarker | None
) -> UrlMarker | None:
    """The slug's number, when the title opens with it as a list item ("03.Setup").

    Two places saying one number: the slug's (a padded one, or one glued to a two-word
    stem, "kiln-starter10", which alone could be a word's own) and the title's list
    number. None when they differ or either is missing.
    """
    lead = _TITLE_LEAD_NUMBER.match(title)
    if lead is None or url is None:
        return None
    mark = url_mark if url_mark is not None else glued_slug_marker(url)
    return mark if mark is not None and mark.part == int(lead.group(1)) else None


def _weak_and_other(marker: TitleMarker, agreed: UrlMarker) -> bool:
    """A weak title marker ("… Java 1") giving another number than title and slug agree on."""
    return marker.part != agreed.part and marker.strength <= WEAK


def _version_in_title(title: str, number: int | None) -> bool:
    """The title writes the slug's number as the start of a dotted version.

    "Gizmo 3.0: what changed" at /gizmo-3-0-what-changed/: a slug has no dots, so the
    version's "3" looks like a part number there; the title shows it is not.
    """
    if number is None:
        return False
    return re.search(rf"(?<![\w.])v?0*{number}\.\d", title, re.IGNORECASE) is not None


def _slug_numbers_name(key: str, url_mark: UrlMarker) -> bool:
    """The slug numbers the very name the title gives without a number.

    "(CNN) Pytorch Tensors" at /cnn-02-pytorch-tensor-intro/: the title's tag and the
    slug's stem agree on the name. Whether that number is a part is for the group to
    say (``evidence``): a run of such slugs is how an author numbers a series' files,
    while one "(C++) x" at /cpp-3-channel-radar/ among forty is a count in the topic.
    """
    return squash(url_mark.key) == squash(key)


def _slug_says_part(marker: TitleMarker, url_mark: UrlMarker | None) -> bool:
    """A bare number in the title ("Gizmo 3: x") that the slug puts in the name, before
    the "part N" it says: /gizmo-3-oop-part-1-x/ (so part 3 at /gizmo-3-oop-part-3-y/ too)."""
    return (
        url_mark is not None
        and url_mark.explicit
        and marker.strength <= WEAK
        and marker.part is not None
        and str(marker.part) in url_mark.key.split()  # the slug names with that number
    )
