"""A pass of ``series.group()``: a series' own URL scheme brings in the posts it names.

"Advent of Code 2022, Day 1: x" lives at ``/aoc2022-day01-x/``, "… Day 2" at
``/aoc2022-day02-y/``: the author names the series' pages by a scheme of their own.
When the numbered parts of a series agree with their slugs (the same slug name, the
same number as the title), that slug name is the series' other spelling, and a post
whose only marker is that scheme ("Advent of Code 2022: Wrap-up" at
``/aoc2022-day13-wrap-up/``, "… Twelve Days of Chapel" at ``/aoc2022-day00-intro/``)
belongs to the series, at the number its slug gives. The same holds for a first post
whose address the later parts' addresses extend (``join_slug_stems``), and for posts
filed under a series' own slug prefix (``join_slug_prefixes``). Kept apart from
``detect`` so each module stays small.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from os.path import commonprefix

from readinglist.feeds.series.post import (
    FORM_TOPIC,
    FORM_URL,
    FORM_URL_PREFIX,
    FORM_URL_STEM,
    FORM_URL_WORD,
    Post,
    common_spelling,
)
from readinglist.feeds.series.rules import (
    glued_slug_marker,
    names_something,
    normalize,
    url_marker,
)
from readinglist.feeds.series.titles import MEDIUM

__all__ = [
    "join_by_url_scheme",
    "join_glued_run",
    "join_glued_slugs",
    "join_slug_prefixes",
    "join_slug_stems",
    "rank_sort_keys",
]

_AGREEING_PARTS = 2
"""Parts whose slug and title numbers agree before a slug name counts as the series'."""


def join_by_url_scheme(items: list[Post]) -> None:
    """Posts numbered only by a series' URL scheme join that series (see module)."""
    url_only = [p for p in items if p.form in (FORM_URL, FORM_URL_WORD) and p.key is not None]
    if not url_only:
        return  # cheap: most feeds number nothing by URL alone
    wanted = {p.key for p in url_only}
    agree: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    spoiled: set[tuple[str, str]] = set()
    for p in items:
        if p.key is None or p.part is None or p.form in (FORM_URL, FORM_URL_WORD):
            continue
        marker = url_marker(p.url) if p.url is not None else None
        if marker is None or marker.key not in wanted:
            continue
        if marker.part == p.part:
            agree[marker.key][p.key] += 1
        else:
            spoiled.add((marker.key, p.key))  # a slug number that is not the part
    for scheme in sorted(agree):
        series = [k for k, n in agree[scheme].items() if n >= _AGREEING_PARTS]
        if len(series) != 1 or (scheme, series[0]) in spoiled:
            continue  # one scheme for two series, or numbers that disagree: no alias
        key = series[0]
        members = [p for p in items if p.key == key]
        taken = {p.part for p in members}
        name = common_spelling(p.name for p in members)
        for p in url_only:
            if p.key != scheme:
                continue
            # FORM_URL, not a one-word stem's FORM_URL_WORD: the scheme is the series',
            # so the run-of-slugs test for one-word stems does not apply to it
            p.key, p.name, p.strength, p.form = key, name, MEDIUM, FORM_URL
            p.part = p.part if p.part not in taken else None
            p.short_title = p.title
            taken.add(p.part)


def join_glued_slugs(items: list[Post]) -> None:
    """ "x-y", "x-y2", "x-y3": the author numbered the later pages' addresses after the first.

    Alone, a number glued to a slug's last word is that word's own ("upgrade-to-windows10",
    "http2-push"); beside a post whose slug is the bare stem, and numbering 2, 3, … with
    no gap, it counts the pages of one piece of work, the bare one first. Only posts no
    title marker placed are read this way, and only a run that is whole joins.
    """
    slugs = Counter(p.url.slug for p in items if p.url)
    # a slug two posts share names neither: which one is "x-y" would hang on feed order
    loose = {
        p.url.slug: p
        for p in items
        if p.key is None and p.form == "" and p.url and slugs[p.url.slug] == 1
    }
    if len(loose) < 2:
        return
    numbered: dict[str, dict[int, Post]] = defaultdict(dict)
    names: dict[str, str] = {}
    for slug, p in loose.items():
        if not slug[-1:].isdigit():
            continue  # cheap: most slugs end in a word
        mark = glued_slug_marker(p.url) if p.url is not None else None
        stem = slug.rstrip("0123456789")
        if mark is not None and mark.key and stem in loose:
            numbered[stem][mark.part] = p
            names[stem] = mark.name
    for stem in sorted(numbered):
        parts = numbered[stem]
        if sorted(parts) != list(range(2, len(parts) + 2)):
            continue  # "x-y10", "x-y11": a version or an id, not pages after the first
        name = names[stem]
        key = normalize(name)
        first = loose[stem]
        first.key, first.name, first.part, first.short_title = key, name, 1, first.title
        first.strength, first.form = MEDIUM, FORM_URL_STEM
        for number, p in parts.items():
            p.key, p.name, p.part, p.short_title = key, name, number, p.title
            p.strength, p.form = MEDIUM, FORM_URL


_GLUED_ONE_WORD = re.compile(r"^(?P<stem>[a-z]{3,}?)(?P<num>[1-9]\d?)$")
_WHOLE_RUN = 3


def join_glued_run(items: list[Post]) -> None:
    """ "Dactyl keyboard - Part 1" at ``/dactyl1/``, then ``/dactyl2/`` and ``/dactyl3/``
    whose titles say nothing: the author numbered the addresses as the first title
    numbers its part. A number glued to one word is that word's own as often as not
    ("python3", "web3", "voting2"), so it counts only where a titled part agrees with
    its slug and, with the loose posts of the same stem, makes the numbers whole from 1
    (three or more, no gap); no stem holds two series' parts."""
    anchors: dict[str, set[str]] = defaultdict(set)  # stem -> keys of titled parts there
    numbers: dict[str, set[int]] = defaultdict(set)
    loose: dict[str, list[tuple[int, Post]]] = defaultdict(list)
    for p in items:
        if p.url is None or not p.url.slug[-1:].isdigit():
            continue  # cheap: most slugs end in a word
        found = _GLUED_ONE_WORD.match(p.url.slug)
        if found is None:
            continue
        stem, number = found["stem"], int(found["num"])
        if p.key is None and p.form == "":
            loose[stem].append((number, p))
        elif p.key is not None and p.part == number and p.form not in (FORM_URL, FORM_URL_WORD):
            anchors[stem].add(p.key)
            numbers[stem].add(number)
    for stem in sorted(loose):
        if len(anchors.get(stem, ())) != 1:
            continue
        whole = numbers[stem] | {n for n, _p in loose[stem]}
        if len(whole) < _WHOLE_RUN or whole != set(range(1, len(whole) + 1)):
            continue
        if len(whole) != len(numbers[stem]) + len(loose[stem]):
            continue  # two posts at one number: no run of pages
        (key,) = anchors[stem]
        name = common_spelling(p.name for p in items if p.key == key)
        for number, p in loose[stem]:
            p.key, p.name, p.part, p.short_title = key, name, number, p.title
            p.strength, p.form = MEDIUM, FORM_URL


_PADDED_TENS = re.compile(r"^0\d*0[-_.]")
"""A slug opening with a zero-padded multiple of ten: "010-x", "0020-y" (never "10-x")."""
_SORT_KEY_STEP = 10


def rank_sort_keys(items: list[Post]) -> None:
    """ "000-x", "010-y", "020-z": numbers left with gaps to sort by, not parts 0, 10, 20.

    Authors who file a series' pages by a number leave room between them, as line
    numbers once did, so that a page can later go between two others. When every number
    a URL gives one series is a multiple of ten and a slug writes one zero-padded ("010"),
    nobody means part 10: the parts are the numbers' ranks, 1, 2, 3, … A run that is not
    padded ("day-10", "day-20") is the author's count and stays.
    """
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None and p.part is not None and p.form == FORM_URL:
            by_key[p.key].append(p)
    for posts in by_key.values():
        numbers = sorted({p.part for p in posts if p.part is not None})
        if len(numbers) < 3 or any(n % _SORT_KEY_STEP for n in numbers):
            continue
        if not any(p.url is not None and _PADDED_TENS.match(p.url.slug) for p in posts):
            continue
        rank = {n: i for i, n in enumerate(numbers, start=1)}
        for p in posts:
            p.part = rank[p.part or 0]  # every one is numbered: ``by_key`` holds no other


def join_slug_stems(items: list[Post]) -> None:
    """A standalone post whose slug the slugs of one group extend joins that group.

    "ASP.NET Core - Add Health Checks" at ``/aspnet-core-health-checks/`` and three
    "ASP.NET - Health Checks - x" at ``/aspnet-core-health-checks-json/``, ``…-filter/``,
    ``…-generic-endpoint/``: the author made the later pages' addresses from the first
    one's, which is how a series' first post and its follow-ups are named when the
    titles are not. Every post extending the stem must be in the same group (a stem
    extended by posts of two groups, or by standalone ones, names a topic). The stem
    post may sit under a head shown to name a topic ("ASP.NET Core - x"): its address
    says more about it than the product its title opens with.

    A one-word stem names a topic as often as a series ("/docker/"), so it joins only
    when every title, its own and those of the posts extending it, opens with that word:
    "Graphiti：全貌与架构" at ``/graphiti/`` before "Graphiti：x" at ``/graphiti-code-1/``
    … ``-4/``, where title and address say the same.
    """
    stems: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        slug = p.url.slug if p.url is not None else ""
        if p.key is None and p.form in ("", FORM_TOPIC) and _may_be_stem(slug, p.title):
            stems[slug].append(p)
    # one post per stem: a slug two standalone posts share (in two sections) is no one's
    by_slug = {slug: posts[0] for slug, posts in stems.items() if len(posts) == 1}
    if not by_slug:
        return
    # sorted, the slugs that extend "x-y" ("x-y-json", "x-y-filter") follow one another
    slugs = sorted((p.url.slug, i) for i, p in enumerate(items) if p.url is not None)
    names = [slug for slug, _ in slugs]
    for slug in sorted(by_slug):
        start = slug + "-"
        extending = []
        for at in range(bisect_left(names, start), len(names)):
            if not names[at].startswith(start):
                break
            extending.append(items[slugs[at][1]])
        keys = {p.key for p in extending}
        if len(keys) != 1 or None in keys:
            continue
        if not names_something(slug) and not all(_opens_with(p.title, slug) for p in extending):
            continue
        key = next(iter(keys))
        name = common_spelling(p.name for p in items if p.key == key)
        post = by_slug[slug]
        post.key, post.name, post.part = key, name, None
        post.strength, post.form, post.short_title = MEDIUM, FORM_URL_STEM, post.title


def _may_be_stem(slug: str, title: str) -> bool:
    """A slug later parts' slugs may extend: words enough to name something, or one
    word (letters only) the post's own title opens with."""
    return names_something(slug) or (slug.isalpha() and _opens_with(title, slug))


def _opens_with(title: str, word: str) -> bool:
    """The title's first word is ``word`` (as a slug spells it: any case)."""
    head = re.match(r"[^\W_]+", title.casefold())
    return head is not None and head.group(0) == word


_PREFIX_RE = re.compile(r"^([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-")
"""Words, each opening with a letter, then the hyphen the slugs go on from. One word
("chatflow-") is a series' own only when three of its posts or more number it."""
_ONE_WORD_NUMBERED = 3


def join_slug_prefixes(items: list[Post]) -> None:
    """A standalone post whose slug opens with a group's own slug prefix joins it.

    "Git desde Cero: Ramas" at ``/git-desde-cero-ramas/`` and its siblings share the
    prefix ``git-desde-cero-``; "Blame y Bisect" at ``/git-desde-cero-blame-y-bisect/``
    says nothing in its title, but the author filed its address under the same prefix.
    The prefix must be the series' own: its words are the series' name, or the group's
    slugs number the series after it (``learning-db-day001-…``, ``learning-db-day002-…``
    and ``learning-db-report-template``). A column's prefix holds its issues the same
    way ("Gizmo 2.4.0 RC1" at ``/release-of-gizmo-2-4-0-rc1/`` beside the column's
    ``/release-of-gizmo-2-0-4/``). A prefix some other group's post also opens with is
    left alone: then it names a topic, not one series. One word is a prefix only when
    the group numbers three slugs or more after it ("/chatflow-3/" … "/chatflow-7/"),
    and it brings in only the run's own numbers ("/chatflow-1/", not "/chatflow-tips/").
    A post alone under a name of its own ("TG Chatbot Devlog 1") is as loose as one
    with none.
    """
    groups: dict[str, list[Post]] = defaultdict(list)
    loose: set[int] = set()
    for i, p in enumerate(items):
        if p.url is None:
            continue
        if p.key is not None:
            groups[p.key].append(p)
        elif p.form in ("", FORM_TOPIC):
            loose.add(i)
    # a post alone under a name of its own ("TG Chatbot Devlog 1" at /chatflow-2/) is as
    # loose as one with none: its name groups nothing
    loose |= {
        i
        for i, p in enumerate(items)
        if p.url is not None and p.key is not None and len(groups[p.key]) == 1
    }
    if not loose:
        return
    # sorted, the slugs opening with one prefix follow one another
    slugs = sorted((p.url.slug, i) for i, p in enumerate(items) if p.url is not None)
    names = [slug for slug, _ in slugs]
    for key in sorted(groups):
        posts = groups[key]
        prefix = _own_prefix(key, posts)
        if prefix is None:
            continue
        # under one word's prefix only the run's own numbers ("chatflow-2"): the word
        # opens its topic's other slugs too ("kubernetes-01-…" and "kubernetes-rbac")
        run_only = (
            None
            if "-" in prefix[:-1]
            else re.compile(re.escape(prefix) + r"\d{1,3}(?:-[a-z]|$)")  # "gizmo-2-2-1": a version
        )
        under: list[int] = []
        for at in range(bisect_left(names, prefix), len(names)):
            if not names[at].startswith(prefix):
                break
            if run_only is None or run_only.match(names[at]):
                under.append(slugs[at][1])
        if any(items[i].key not in (None, key) and i not in loose for i in under):
            continue
        name = common_spelling(p.name for p in posts)
        for i in under:
            p = items[i]
            if i in loose and p.key != key:
                p.key, p.name, p.part, p.short_title = key, name, None, p.title
                p.strength, p.form = MEDIUM, FORM_URL_PREFIX
                loose.discard(i)  # filed now: another group's prefix finds it taken


def _own_prefix(key: str, posts: list[Post]) -> str | None:
    """The slug prefix every post of a group shares, when it is the series' own."""
    if len(posts) < 2:
        return None
    slugs = [p.url.slug for p in posts if p.url]
    match = _PREFIX_RE.match(commonprefix(slugs))  # noqa: RUF071 (characters, not paths)
    if match is None:
        return None
    prefix = match.group(1) + "-"
    named = set(prefix[:-1].split("-")) <= set(re.findall(r"[a-z0-9]+", key))
    numbering = re.compile(re.escape(prefix) + r"[a-z]*0*\d{1,3}(?:-|$)")
    numbered = sum(1 for p in posts if p.url and numbering.match(p.url.slug))
    if "-" not in prefix[:-1]:  # "chatflow-3", "chatflow-4", …: a run of one word's
        return prefix if numbered >= _ONE_WORD_NUMBERED else None
    return prefix if named or numbered >= 2 else None
