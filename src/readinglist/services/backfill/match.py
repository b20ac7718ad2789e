"""Which pages found on a site belong to a series, and as which part (pure, no I/O).

Why group() and not a title comparison: the same rules that put feed posts into series
must decide for found pages, or a found part would sit in a series the next sync
disagrees with. So every offer runs ``feeds.series.group()`` over the feed's stored
posts plus the candidates and keeps those that land where the series' own articles
land. A fallback keeps a page whose URL is in the series' section or slug pattern and
whose own title/URL names a part that is not there yet (a page titled differently from
the feed, e.g. without the series name).

What a page declares outranks both (as it does in grouping, ``feeds.series.declared``):
a page whose declared series is this one (its name normalised to one of the series'
keys) is accepted whatever its title says, as its declared part, else the part the
site's own list or a neighbour gives it; a page that declares another series is refused
even when its title reads like a part of this one. Only pages that declare nothing go
to the title rules.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar
from urllib.parse import urlsplit

from readinglist.feeds.series import detect as series_detection
from readinglist.feeds.series.declared import key_of
from readinglist.feeds.series.rules import GENERIC_SEGMENTS, split_url, url_marker
from readinglist.model.parts import missing_parts
from readinglist.model.records import DeclaredSeries, PostSignature, SeriesGuess
from readinglist.model.urls import normalize_url

__all__ = ["Candidate", "SeriesMatcher"]

UNKNOWN_PART = 10**6
T = TypeVar("T")


def _common_prefix(items: Sequence[Sequence[T]]) -> list[T]:
    """The longest shared leading run of several sequences (path segments, characters)."""
    if not items:
        return []
    first = list(items[0])
    n = len(first)
    for other in items[1:]:
        n = min(n, len(other))
        for i in range(n):
            if other[i] != first[i]:
                n = i
                break
    return first[:n]


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass(slots=True)
class Candidate:
    """A page that may be a missing part, with what its source said about it."""

    url: str
    title: str
    source: str  # "section feed", "sitemap", "page links"
    guid: str | None = None
    author: str | None = None
    summary_html: str = ""  # sanitized HTML (feeds) or escaped description (pages)
    published: datetime | None = None
    categories: tuple[str, ...] = ()
    word_count: int = 0
    page: dict[str, object] | None = None  # the page digest, when the page was read
    declared: DeclaredSeries | None = None  # what the page says of its series
    guess: SeriesGuess | None = None
    part: int | None = None

    @classmethod
    def from_feed(cls, raw: dict[str, object], source: str) -> Candidate:
        cats = raw.get("categories")
        words = raw.get("word_count")
        return cls(
            url=str(raw.get("link") or ""),
            title=str(raw.get("title") or ""),
            source=source,
            guid=str(raw.get("guid") or "") or None,
            author=str(raw.get("author") or "") or None,
            summary_html=str(raw.get("summary_html") or ""),
            published=_when(raw.get("published")),
            categories=tuple(str(c) for c in cats) if isinstance(cats, list) else (),
            word_count=words if isinstance(words, int) else 0,
        )

    @classmethod
    def from_page(cls, url: str, summary: dict[str, object]) -> Candidate:
        description = str(summary.get("description") or "")
        words = summary.get("word_count")
        return cls(
            url=url,
            title=str(summary.get("title") or ""),
            source="page links",
            summary_html=f"<p>{html.escape(description)}</p>" if description else "",
            published=_when(summary.get("published")),
            word_count=words if isinstance(words, int) else 0,
            page=summary,
            declared=DeclaredSeries.from_json(summary.get("declared")),
        )


class SeriesMatcher:
    """Decides membership for candidates of one series; remembers what it accepted."""

    def __init__(
        self,
        feed_posts: Sequence[PostSignature],
        member_guids: set[str],
        member_links: Sequence[str],
        present_parts: Iterable[int],
        *,
        series_keys: Iterable[str] = (),
        places: Mapping[str, int] | None = None,
    ) -> None:
        self.posts = list(feed_posts)
        self.member_guids = member_guids
        self.present = set(present_parts)
        self.series_keys = set(series_keys)  # the keys a declared name must have
        self.places: dict[str, int] = dict(places or {})  # normalised URL -> known part
        self.accepted: dict[str, Candidate] = {}
        self.rejected: set[str] = set()
        self._section, self._keys, self._slug_prefix = _pattern(member_links)

    def parts(self) -> set[int]:
        return self.present | {c.part for c in self.accepted.values() if c.part is not None}

    def gaps(self) -> tuple[int, ...]:
        return missing_parts(sorted(self.parts()))

    def in_pattern(self, url: str) -> bool:
        """Is ``url`` in the series' URL section, or does its slug follow the series'?"""
        try:
            path = urlsplit(url).path
        except ValueError:
            return False
        if self._section and path.startswith(self._section):
            return path.rstrip("/") != self._section.rstrip("/")
        parts = split_url(url)
        if parts is None:
            return False
        if self._slug_prefix and parts.slug.startswith(self._slug_prefix):
            return True
        marker = url_marker(parts)
        return marker is not None and marker.key in self._keys

    def url_part(self, url: str) -> int:
        """The part number a URL's slug names (a sort key; unknown sorts last)."""
        parts = split_url(url)
        marker = url_marker(parts) if parts else None
        return marker.part if marker else UNKNOWN_PART

    def offer(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """Accept the candidates that belong to the series and add a missing part."""
        fresh = [
            c
            for c in candidates
            if c.title
            and normalize_url(c.url) not in self.accepted
            and normalize_url(c.url) not in self.rejected
        ]
        taken = [c for c in fresh if c.declared is not None and self._take_declared(c)]
        fresh = [c for c in fresh if c.declared is None]
        if not fresh:
            return taken
        kept = list(self.accepted.values())
        posts = [(p.title, p.link, p.categories, p.published) for p in self.posts]
        posts += [(c.title, c.url, c.categories, c.published) for c in kept + fresh]
        guesses = series_detection.group(posts)
        member_keys = Counter(
            g.key
            for p, g in zip(self.posts, guesses, strict=False)
            if p.guid in self.member_guids and g.key is not None
        )
        target = member_keys.most_common(1)[0][0] if member_keys else None
        for cand, guess in zip(fresh, guesses[len(self.posts) + len(kept) :], strict=True):
            if not (target is not None and guess.key == target and guess.part is not None):
                alone = series_detection.detect(cand.title, cand.url)
                if alone.key is None or alone.part is None or not self.in_pattern(cand.url):
                    self.rejected.add(normalize_url(cand.url))
                    continue
                guess = alone
            if guess.part in self.parts():  # already there (a translation, a duplicate)
                self.rejected.add(normalize_url(cand.url))
                continue
            cand.guess, cand.part = guess, guess.part
            self.accepted[normalize_url(cand.url)] = cand
            taken.append(cand)
        return taken

    def place(self, url: str, part: int) -> None:
        """The site says the page at ``url`` is part ``part`` (a member list in order, a
        member's own number): the number a declaring page without one is given."""
        self.places.setdefault(normalize_url(url), part)

    def _take_declared(self, cand: Candidate) -> bool:
        """Accept or refuse a page by what it declares; True when accepted."""
        decl = cand.declared
        assert decl is not None
        norm = normalize_url(cand.url)
        if key_of(decl.name) not in self.series_keys:
            self.rejected.add(norm)  # another series, whatever its title looks like
            return False
        if decl.position is not None and decl.position in self.parts():
            self.rejected.add(norm)  # that part is there already (a duplicate)
            return False
        part = decl.position or self.places.get(norm) or self._beside(decl)
        if part is not None and part in self.parts():
            part = None  # a number we inferred, and wrongly: the page still declared it
        where = f"part {part} of " if part is not None else ""
        cand.guess = SeriesGuess(
            key_of(decl.name),
            decl.name,
            part,
            cand.title,
            strength="strong",
            why=f"the page declares it: {where}'{decl.name}' ({decl.source})",
        )
        cand.part = part
        self.accepted[norm] = cand
        if part is not None:
            self.places.setdefault(norm, part)
        return True

    def _beside(self, decl: DeclaredSeries) -> int | None:
        """A part from the page's neighbours whose parts are known, when they agree."""
        found = set()
        if decl.previous and normalize_url(decl.previous) in self.places:
            found.add(self.places[normalize_url(decl.previous)] + 1)
        if decl.next and normalize_url(decl.next) in self.places:
            found.add(self.places[normalize_url(decl.next)] - 1)
        return found.pop() if len(found) == 1 and min(found) > 0 else None


def _pattern(links: Sequence[str]) -> tuple[str | None, set[str], str | None]:
    """(section path prefix, slug series keys, common slug prefix) of the members' URLs."""
    dirs: list[list[str]] = []
    keys: set[str] = set()
    slugs: list[str] = []
    for link in links:
        try:
            segments = [s for s in urlsplit(link).path.split("/") if s]
        except ValueError:
            continue
        dirs.append(segments[:-1])
        parts = split_url(link)
        if parts is None:
            continue
        slugs.append(parts.slug)
        marker = url_marker(parts)
        if marker is not None and not marker.key.startswith("section:"):
            keys.add(marker.key)
    section = None
    if dirs:
        common = _common_prefix(dirs)
        if any(d.lower() not in GENERIC_SEGMENTS and not d.isdigit() for d in common):
            section = "/" + "/".join(common) + "/"
    prefix = None
    if len(set(slugs)) >= 2:
        stem = "".join(_common_prefix(slugs))
        cut = max(stem.rfind("-"), stem.rfind("_"))
        stem = stem[: cut + 1] if cut >= 0 else ""
        if len(stem) >= 6 and any(ch.isalpha() for ch in stem):
            prefix = stem
    return section, keys, prefix
