"""Declared outranks guessed: a page's own series declaration over what ``group()`` found.

Runs after grouping, on one feed's posts. A post whose page declares a series
(``feeds.site.declared``) joins that series under its declared name, with the declared
position as its part; the posts the page lists as the series' members join it too (their
own part numbers kept when detection found the same series, else none). The key is the
declared name normalised like every series name, so a declared series and the same one
found from titles are one series. Each such guess is strong and says why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from readinglist.feeds.series.rules import normalize
from readinglist.model.records import DeclaredSeries, SeriesGuess
from readinglist.model.urls import normalize_url

__all__ = ["apply_declared"]


def apply_declared(
    links: Sequence[str | None],
    guesses: Sequence[SeriesGuess],
    declared: Mapping[str, DeclaredSeries],
) -> list[SeriesGuess]:
    """``guesses`` (one per post, in the order of ``links``) with declarations applied."""
    out = list(guesses)
    if not declared:
        return out
    by_link = {normalize_url(link): i for i, link in enumerate(links) if link}
    members: dict[int, tuple[DeclaredSeries, int | None]] = {}
    own: dict[int, DeclaredSeries] = {}
    for link, decl in sorted(declared.items()):
        index = by_link.get(normalize_url(link))
        if index is not None:
            own[index] = decl
        listed = [normalize_url(m) for m in decl.members]
        # the list is in part order when the page's own place in it is its position
        ordered = decl.position is not None and normalize_url(link) in listed
        ordered = ordered and listed.index(normalize_url(link)) + 1 == decl.position
        for place, member in enumerate(listed, 1):
            found = by_link.get(member)
            if found is not None:
                members.setdefault(found, (decl, place if ordered else None))
    for index, (decl, listed_part) in members.items():
        _declare(out, index, decl, listed_part, "listed on a page of the series")
    for index, decl in own.items():  # a post's own page wins over another's list
        _declare(out, index, decl, decl.position, "the page declares it")
    return out


def _declare(
    out: list[SeriesGuess], index: int, decl: DeclaredSeries, part: int | None, said: str
) -> None:
    key = normalize(decl.name) or decl.name.lower()
    guess = out[index]
    if part is None and guess.key == key:
        part = guess.part  # the same series found from titles: its number stands
    where = f"part {part} of " if part is not None else ""
    out[index] = replace(
        guess,
        key=key,
        name=decl.name,
        part=part,
        kind="multipart",
        strength="strong",
        why=f"{said}: {where}'{decl.name}' ({decl.source})",
    )
