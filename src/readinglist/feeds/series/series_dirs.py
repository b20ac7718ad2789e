"""The site's own declaration: posts filed under ``/series/<name>/``, or tagged "Series:
<name>", are one series.

Some sites put a series' posts in a directory of their own below one named "series"
(``/software/series/build-automated-deploy/version-control/``,
``/ru/series/http-history/0.9``): the site says which series the post is in, as a
theme's series box does, whatever the titles say. Their titles often do not say it at
all ("程式碼版控 - 觀念與 Git 簡述", "HTTP 0.9. Однострочный протокол"), so the guesses
from titles either miss them or split them. Declared outranks guessed, so this runs
after the evidence has judged the guessed groups, like ``declared.apply_declared``
does with what a fetched page declares.

The series keeps the key the titles found when every post of that key is filed in the
directory (it is the same series, and its title numbers hold); otherwise the
directory's name is the key. Posts joining from elsewhere lose the number they had
there; a series with no number at all is ordered by date, as any unnumbered series is.

A tag can say the same (``series_tag``): "Series: Un risque, une mesure",
"series:conditional-access-framework", "serie-engenharia-software", "Kafka系列",
"도자기 시리즈". The word "series" must open the tag, before a separator and a name, or
(in Chinese, Korean and Japanese, where it follows the name) close it: "Time Series"
and "Taylor series" are topics, "séries temporais" a plural, and a bare "Series" tag on
every series of a blog names none of them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from readinglist.feeds.series.evidence import STRONG_GRADE, WEAK_GRADE
from readinglist.feeds.series.ordering import by_date, by_date_around_ties
from readinglist.feeds.series.post import Post, common_spelling
from readinglist.feeds.series.refine import close_in_time
from readinglist.feeds.series.rules import (
    POST_KINDS,
    SERIES_DIR_WORDS,
    humanize_slug,
    normalize,
)
from readinglist.feeds.series.titles import STRONG

__all__ = ["file_by_series_directory", "series_tag"]

_TAIL_SCRIPTS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_LEAD_WORDS = sorted((w for w in SERIES_DIR_WORDS if not _TAIL_SCRIPTS.search(w)), key=len)
_TAIL_WORDS = sorted((w for w in SERIES_DIR_WORDS if _TAIL_SCRIPTS.search(w)), key=len)
_SERIES_TAG = re.compile(
    rf"^\s*(?:{'|'.join(reversed(_LEAD_WORDS))})\s*[:：\-_/]\s*(?P<lead>\S.*?)\s*$"
    rf"|^\s*(?P<tail>\S.*?)\s*(?:{'|'.join(reversed(_TAIL_WORDS))})\s*$",
    re.IGNORECASE,
)
"""The words a series directory is named by (``rules.SERIES_DIR_WORDS``), in a tag: before
the name in the scripts that say "series X", after it in those that say "X 系列"."""
_MAY_SAY_SERIES = re.compile("|".join(sorted(SERIES_DIR_WORDS, key=len)), re.IGNORECASE)
_NOT_A_SERIES_NAME = frozenset(
    ("intro", "introduction", "index", "overview", "all", "list", "part", "post", "finale",
     "end", "start", "first", "last", "complete", "ongoing", "wip", "draft")
)  # fmt: skip
"""What a "series-…" tag says of a post's place or state, not which series it is in."""


def series_tag(categories: Iterable[str]) -> str | None:
    """The series name one of a post's tags declares, as the tag writes it; else None."""
    for category in categories:
        if not _MAY_SAY_SERIES.search(category):
            continue  # cheap: most tags are topics
        match = _SERIES_TAG.match(category)
        if match is not None:
            written = match["lead"] or match["tail"]
            # a tag written as a slug ("un-risque-une-mesure") is shown as a name
            slug_like = " " not in written and written == written.lower()
            name = humanize_slug(written) if slug_like else written.replace("_", " ")
            if normalize(name) and normalize(name) not in _NOT_A_SERIES_NAME:
                return name.strip()
    return None


_FLAT_SHARE = 0.6
"""The share of a site's posts that must sit at its posts' own level (no directory but
generic and date ones) before a directory below that level reads as a series' own."""


def _own_directories(items: list[Post]) -> dict[str, list[Post]]:
    """Directories a site files a few of its posts in, below the level of all the rest.

    Most posts at ``/articles/<slug>/``, a few at
    ``/articles/how-do-i-build-a-component-library/front-end-framework-storybook/``: the
    site gave those posts a directory of their own, as ``/series/<name>/`` does, and
    their titles need not say so ("How do I pick a front-end framework?"). Where most
    posts sit in directories (``/python/x``, ``/notes/y``) a directory is a category,
    so none is read; nor is a one-word directory (``/til/``, ``/devlog/``), a
    directory named for a kind of post (``/book-reviews/``), or one on another site (a
    link blog's entries), or one whose posts lie more than a year apart.
    """
    hosts = Counter(p.url.host for p in items if p.url is not None)
    if not hosts:
        return {}
    home = hosts.most_common(1)[0][0]
    on_site = [p for p in items if p.url is not None and p.url.host == home]
    flat = sum(1 for p in on_site if p.url is not None and p.url.parent is None)
    if flat < _FLAT_SHARE * len(on_site):
        return {}
    found: dict[str, list[Post]] = defaultdict(list)
    for p in on_site:
        directory = p.url.parent if p.url is not None and p.url.series_dir is None else None
        if directory is not None and _may_name_a_series(directory):
            found[directory].append(p)
    # a series is written within months; a folder filled over years is a category
    # (a site that moved to flat addresses keeps its old posts' category folders)
    return {d: posts for d, posts in found.items() if len(close_in_time(posts)) == 1}


def _may_name_a_series(directory: str) -> bool:
    """Two words or more, none of them a kind of post."""
    words = normalize(humanize_slug(directory)).split()
    return len(words) >= 2 and not any(w in POST_KINDS for w in words)


def file_by_series_directory(items: list[Post]) -> None:
    """Every series directory holding two posts or more makes them one series: one
    under "series", or one a site gives a few posts below the level of its others."""
    filed: dict[str, list[Post]] = defaultdict(list)
    tagged: dict[str, str] = {}  # key -> the tag's own spelling of the name
    own = _own_directories(items)
    for p in items:
        if p.url is not None and p.url.series_dir is not None:
            filed[p.url.series_dir].append(p)
        elif p.url is not None and p.url.parent is not None and p.url.parent in own:
            filed[p.url.parent].append(p)
        elif p.series_tag is not None:
            tag_key = "tag:" + normalize(p.series_tag)
            tagged.setdefault(tag_key, p.series_tag)
            filed[tag_key].append(p)
    posts_per_key = Counter(p.key for p in items if p.key is not None)
    left_behind: set[str] = set()
    for directory in sorted(filed):
        posts = filed[directory]
        if len(posts) < 2:
            continue
        key = _key_found_in_titles(posts, posts_per_key)
        declared_name = tagged.get(directory) or humanize_slug(directory)
        if key is None:
            key, name = normalize(declared_name), declared_name
        else:
            name = common_spelling(p.name for p in posts if p.key == key) or declared_name
            if directory in tagged and not _every_title_says(name, posts):
                # the tag names the series; the titles' key named only some of its
                # posts (the first part's title, a URL section): the author's name wins
                name = declared_name
        kind = next((p.kind for p in posts if p.key == key), "multipart")
        found = next((p.why for p in posts if p.key == key and p.why), "")
        # a directory below the site's usual level is inferred, not declared: unless
        # the titles found the series too, it is shown as a guess to confirm
        grade = next((p.grade for p in posts if p.key == key), WEAK_GRADE)
        grade = grade if directory in own else STRONG_GRADE
        if directory in tagged:
            filed_so = f"the site tags these posts as the series '{tagged[directory]}'"
        elif directory in own:
            filed_so = f"the site files these posts apart from its others, under /{directory}/"
        else:
            filed_so = f"the site files these posts under /series/{directory}/"
        why = f"{found}; {filed_so}" if found else filed_so  # what the titles showed, kept
        for p in posts:
            if p.key != key:
                if p.key is not None:
                    left_behind.add(p.key)
                p.key, p.part, p.short_title = key, None, p.title
            p.name, p.kind, p.grade, p.strength, p.why = name, kind, grade, STRONG, why
        if kind != "multipart":
            for p in posts:
                p.part = None
        elif all(p.part is None for p in posts) and not by_date(posts):
            by_date_around_ties(posts)
    _drop_lone_leftovers(items, left_behind)


def _every_title_says(name: str, posts: list[Post]) -> bool:
    """Every post's title writes the name: it is the series' name, not one post's."""
    return all(name.lower() in p.title.lower() for p in posts)


def _key_found_in_titles(posts: list[Post], posts_per_key: Counter[str]) -> str | None:
    """The key most of the directory's posts got from their titles, when every post of
    that key is filed here: a key reaching outside is another, wider grouping."""
    inside = Counter(p.key for p in posts if p.key is not None)
    whole = [k for k, n in inside.items() if n == posts_per_key[k]]
    return min(whole, key=lambda k: (-inside[k], k)) if whole else None


def _drop_lone_leftovers(items: list[Post], keys: set[str]) -> None:
    """A guessed group the directory took posts from, left with one unnumbered post,
    is no group: what held it together was filed elsewhere."""
    for key in sorted(keys):
        rest = [p for p in items if p.key == key]
        if len(rest) == 1 and rest[0].part is None:
            rest[0].key = rest[0].name = None
            rest[0].short_title, rest[0].why = rest[0].title, ""
