"""Declared outranks guessed: a page's own series declaration over what ``group()`` found.

Runs after grouping, on one feed's posts. A post whose page declares a series
(``feeds.site.declared``) joins that series under its declared name, with the declared
position as its part; the posts the page lists as the series' members join it too (their
own part numbers kept when detection found the same series, else none). The key is the
declared name normalised like every series name, so a declared series and the same one
found from titles are one series. Each such guess is strong and says why.

Neighbours (``rel=prev/next``) count two ways, and only where they speak of the series:

* a series box's own prev/next links are members, placed around the page (part N - 1
  and N + 1 when the page's position N is known);
* a page that declares a series but no position takes one from a neighbour that is
  already in the same series (declared, or detected under the same key) with a known
  part: its previous part + 1, or its next part - 1. A schema.org page's neighbours are
  the page's ``rel=prev/next`` links, which themes make chronological, so such a link
  never makes a post a member: the neighbour must already be in the series, and it is
  the declaring page that is numbered, never the post the link points at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from readinglist.feeds.series.post import day_number
from readinglist.feeds.series.rules import normalize
from readinglist.model.records import (
    FEED_SERIES_BOX,
    SERIES_BOX,
    SERIES_LINK,
    DeclaredSeries,
    SeriesGuess,
)
from readinglist.model.urls import normalize_url

__all__ = ["apply_declared", "key_of", "listed_parts"]


def apply_declared(
    links: Sequence[str | None],
    guesses: Sequence[SeriesGuess],
    declared: Mapping[str, DeclaredSeries],
    published: Sequence[object] | None = None,
) -> list[SeriesGuess]:
    """``guesses`` (one per post, in the order of ``links``) with declarations applied.

    ``published`` (the posts' dates, same order) numbers a declared series that neither
    the pages nor the titles number: by date, as any unnumbered series is.
    """
    out = list(guesses)
    if not declared:
        return out
    by_link = {normalize_url(link): i for i, link in enumerate(links) if link}
    members: dict[int, tuple[DeclaredSeries, int | None]] = {}
    own: dict[int, DeclaredSeries] = {}
    lists = _Lists()
    for link, decl in sorted(declared.items()):
        index = by_link.get(normalize_url(link))
        if index is not None:
            own[index] = decl
        for member, place in lists.parts(link, decl):
            found = by_link.get(member)
            if found is not None:
                members.setdefault(found, (decl, place))
    for index, (decl, listed_part) in members.items():
        _declare(out, index, decl, listed_part, "listed on a page of the series")
    for index, decl in own.items():  # a post's own page wins over another's list
        _declare(out, index, decl, decl.position, _SAID.get(decl.source, "the page declares it"))
    _number_from_neighbours(out, by_link, own)
    declared_keys = {out[i].key for i in (*members, *own)}
    if published is not None:
        _number_by_date(out, declared_keys, published)
    _one_why_per_series(out, [*sorted(own), *sorted(members)])
    return out


def _one_why_per_series(out: list[SeriesGuess], declaring: list[int]) -> None:
    """Every post of a declared series says the same why: the first own page's (else the
    first listing's), even posts the titles put there (declared outranks guessed)."""
    chosen: dict[str | None, str] = {}
    for index in declaring:  # own pages first, in feed order within each
        chosen.setdefault(out[index].key, out[index].why)
    for index, guess in enumerate(out):
        why = chosen.get(guess.key) if guess.key is not None else None
        if why is not None and guess.why != why:
            out[index] = replace(guess, why=why)


_SAID = {
    "series index": "the site's list of series names it",
    FEED_SERIES_BOX: "the feed's copy of the post declares it",
    SERIES_LINK: "the page links to the series' own page",
}
"""How a declaration that is not the post's own page is told in ``why``."""


def _number_by_date(
    out: list[SeriesGuess], keys: set[str | None], published: Sequence[object]
) -> None:
    """Number each declared series no page and no title numbered, in date order (ties
    in feed order); a series with an undated post stays unnumbered."""
    for key in sorted(k for k in keys if k is not None):
        members = [i for i, g in enumerate(out) if g.key == key]
        days = [day_number(published[i]) if i < len(published) else None for i in members]
        if any(out[i].part is not None for i in members) or any(d is None for d in days):
            continue
        order = sorted(zip(days, members, strict=True), key=lambda pair: (pair[0] or 0.0, pair[1]))
        for part, (_day, index) in enumerate(order, start=1):
            out[index] = replace(out[index], part=part, why=out[index].why + ", in date order")


def key_of(name: str) -> str:
    """The series key a declared name stands for (normalised like every series name)."""
    return normalize(name) or name.lower()


def listed_parts(link: str, decl: DeclaredSeries) -> list[tuple[str, int | None]]:
    """(member URL normalised, its part or None) for the posts ``decl`` names.

    A box's neighbours first, numbered around the page when its position is known; then
    the list, numbered by its order when the page's own place in it is its position.
    """
    out: list[tuple[str, int | None]] = []
    if decl.from_box:
        for neighbour, step in ((decl.previous, -1), (decl.next, 1)):
            if neighbour:
                part = decl.position + step if decl.position is not None else None
                out.append((normalize_url(neighbour), part if part and part > 0 else None))
    listed = [normalize_url(m) for m in decl.members]
    here = normalize_url(link)
    ordered = decl.position is not None and here in listed
    ordered = ordered and listed.index(here) + 1 == decl.position
    out += [(member, place if ordered else None) for place, member in enumerate(listed, 1)]
    return out


class _Lists:
    """``listed_parts`` over many declarations that share one list: every post a site's
    list of series names carries the whole list (hundreds of posts, each of hundreds).
    The first declaration to give a list places every post on it (the caller keeps the
    first place a post is given), so the same list given again adds nothing and is not
    read again: a list is read once, not once per post (0.9 s to 26 ms for 1,000 posts in
    five series of 200)."""

    def __init__(self) -> None:
        self._read: set[tuple[str, ...]] = set()

    def parts(self, link: str, decl: DeclaredSeries) -> list[tuple[str, int | None]]:
        if decl.from_box:
            return listed_parts(link, decl)  # the box's neighbours too; one page's list
        if decl.members in self._read:
            return []
        self._read.add(decl.members)
        return listed_parts(link, decl)


def _declare(
    out: list[SeriesGuess], index: int, decl: DeclaredSeries, part: int | None, said: str
) -> None:
    key = key_of(decl.name)
    guess = out[index]
    if part is None and guess.key == key:
        part = guess.part  # the same series found from titles: its number stands
    out[index] = replace(
        guess,
        key=key,
        name=decl.name,
        part=part,
        kind="multipart",
        strength="strong",
        why=_why(said, decl),
    )


def _why(said: str, decl: DeclaredSeries) -> str:
    """What the site said of the series, in words that hold for every member: the series
    keeps one why, so one that named the member's own part ("part 3 of X") would differ
    from post to post and rewrite the series at every sync. The parts say the rest."""
    source = SERIES_BOX if decl.from_feed else decl.source  # the said words name the feed
    return f"{said}: '{decl.name}' ({source})"


def _number_from_neighbours(
    out: list[SeriesGuess], by_link: Mapping[str, int], own: Mapping[int, DeclaredSeries]
) -> None:
    """Number the declaring pages still without a part from their neighbours.

    One pass per page at most: a run of unnumbered pages after a numbered one is
    numbered one step per pass. A number another post of the series already holds is
    not given twice (the links were not about the series after all).
    """
    waiting = {i: d for i, d in own.items() if out[i].part is None and (d.previous or d.next)}
    for _ in range(len(waiting)):
        numbered = False
        for index, decl in list(waiting.items()):
            found = _part_beside(out, by_link, index, decl)
            if found is None:
                continue
            part, _how = found
            del waiting[index]
            key = out[index].key
            if any(g.part == part and g.key == key for g in out):
                continue
            out[index] = replace(out[index], part=part)
            numbered = True
        if not numbered:
            return


def _part_beside(
    out: Sequence[SeriesGuess], by_link: Mapping[str, int], index: int, decl: DeclaredSeries
) -> tuple[int, str] | None:
    """(part, how) from the page's neighbours in its own series; None when neither is
    in it with a part, or the two disagree."""
    key = out[index].key
    found: dict[int, str] = {}
    for link, step, said in (
        (decl.previous, 1, "after the page before it"),
        (decl.next, -1, "before the page after it"),
    ):
        near = by_link.get(normalize_url(link)) if link else None
        if near is None or near == index:
            continue
        neighbour = out[near]
        if neighbour.key == key and neighbour.part is not None and neighbour.part + step > 0:
            found.setdefault(neighbour.part + step, said)
    if len(found) != 1:
        return None
    ((part, said),) = found.items()
    return part, said
