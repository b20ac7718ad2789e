"""Which posts of a feed form a series, and which part each one is.

Pure: titles, links, categories and dates in, ``SeriesGuess`` out; no database, no Qt.

``detect()`` reads ONE post: a part marker in the title ("Name Part 4: x", "Name (4)",
"x (Zero-Copy #2)", "（三）", "Day 7"...) or, failing that, a numbered URL slug.
``group()`` reads ALL posts of one feed, because many series only show as a series
next to their siblings: "Min of Three" is part 1 once "Min of Three Part 2" exists,
"Xess 2: CSS variable edition" is a standalone post because no "Xess 1" exists, and
"Time Series Models (8)" / "Time Series Forecasting (5)" in the same URL section are
one series. The split of the rules:

* ``series_rules``  numbers (digits, roman, words, Chinese), name normalisation, URLs
* ``series_titles`` part markers in one title, each with a strength
* ``series``        (this file) detect() and the cross-post unification in group()
* ``series_links``  later group() passes: nested 之 names, topic phrases, quotes,
                    Latin names inside CJK titles (``series_post`` holds the shared record)
* ``openings``      titles that open with the same three words, close in time
* ``numbering``     differently named parts that take up one group's numbering
* ``refine``        heads over several series (a repeated second-level head),
                    cadence (``Timeline``: posts published as a run), and heads
                    shared only by posts years apart or mostly seasons apart
* ``evidence``      the last pass: weighs each group on all its clues (and the
                    counter-evidence), sets kind, strength and ``why``
                    (docs/series-detection.md)

Keys are normalised series names ("parallel iterator") or ``section:<dir>`` for
URL-section series; they depend only on the set of posts, never on their order, so a
re-run after each sync gives the same keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from readinglist.feeds.series.endings import shared_endings, shared_tail_names
from readinglist.feeds.series.evidence import assess, numbers_may_hold
from readinglist.feeds.series.heads import release_stuck_names, shared_heads
from readinglist.feeds.series.links import (
    embedded_names,
    join_head_mentions,
    join_named,
    join_topic_titles,
    nest_subseries,
)
from readinglist.feeds.series.naming import name_by_shared_phrase, spell_names_as_titles
from readinglist.feeds.series.numbering import (
    continue_numbering,
    fill_counter_gaps,
    number_lone_runs,
    number_split_parts,
    split_restarted_counters,
)
from readinglist.feeds.series.openings import shared_openings
from readinglist.feeds.series.post import (
    FORM_UNNUMBERED,
    FORM_URL,
    FORM_URL_WORD,
    Post,
    PostTuple,
    common_spelling,
    day_number,
    title_head,
)
from readinglist.feeds.series.reading import read_post
from readinglist.feeds.series.refine import (
    drop_heads_years_apart,
    split_second_heads,
)
from readinglist.feeds.series.revision import RULES_REVISION
from readinglist.feeds.series.rules import (
    acronym_alias,
    humanize_slug,
    names_something,
    normalize,
    squash,
)
from readinglist.feeds.series.series_dirs import file_by_series_directory, series_tag
from readinglist.feeds.series.slot_columns import join_slot_columns
from readinglist.feeds.series.slug_names import slug_prefix_names
from readinglist.feeds.series.titles import (
    LONE_FORMS,
    MEDIUM,
    STRONG,
    WEAK,
)
from readinglist.feeds.series.url_aliases import (
    join_by_url_scheme,
    join_glued_run,
    join_glued_slugs,
    join_slug_prefixes,
    join_slug_stems,
    rank_sort_keys,
)
from readinglist.model.records import SeriesGuess

__all__ = ["RULES_REVISION", "detect", "group"]


def detect(title: str, link: str | None = None, categories: Sequence[str] = ()) -> SeriesGuess:
    """One post on its own -> (key, name, part, short_title). key None = standalone.

    Looks only at this post, so weak markers ("Xess 2: ...", a number in the URL) still
    produce a key here; ``group()`` drops them when no sibling post confirms them.
    ``categories`` are accepted for the API's sake but do not make a series: shared
    tags alone are topics, not series.
    """
    del categories
    post = read_post(title, link)
    if post.form == FORM_URL_WORD:  # "layer_1": a one-word stem needs a run of siblings
        post.key = None
    assess([post], judge=False)
    return post.guess()


# --- group() ---------------------------------------------------------------------


class _Union:
    """Union-find over series keys that refuses merges whose part numbers collide."""

    def __init__(self, parts: dict[str, set[int]]) -> None:
        self.parent: dict[str, str] = {k: k for k in parts}
        self.parts = {k: set(v) for k, v in parts.items()}

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def union(self, a: str, b: str, check_parts: bool = True) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if check_parts and self.parts[ra] & self.parts[rb]:
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.parts[ra] |= self.parts.pop(rb)
        return True


def group(posts: Sequence[PostTuple]) -> list[SeriesGuess]:
    """All posts of ONE feed/site at once (title, link, categories[, published]), any order.

    ``published`` (a datetime, a date, an ISO string or None) is optional: 3-tuples are
    read as undated posts. Dates order the parts of a group that has no numbers, place
    an unnumbered introduction before part 1, and weigh how close in time a group is.

    Returns one SeriesGuess per post, same order. Runs detect() on each, then unifies
    across posts: spellings of one series are merged (same normalised name, one name a
    word-prefix of the other, or the same URL section), unnumbered first parts and
    "X: subtitle" siblings join a numbered series, titles sharing a series head
    ("Methods of Proof — x") form a series, and keys that only one post has and that
    carry no explicit part marker become standalone. Deterministic and independent of
    input order: every decision depends on the set of keys, visited in sorted order.
    """
    refused: frozenset[str] = frozenset()
    for _ in range(_GIVE_BACK_ROUNDS):
        items = _analyze_all(posts)
        give_back = _unify(items, refused)
        if give_back <= refused:
            break
        # posts hung on a group the evidence then dropped go back: the passes run
        # again (rarely: most such groups are refused up front, ``numbers_may_hold``)
        # without that group as a target, so those posts can join the siblings they
        # share a head or an opening with (``assess`` removes, it cannot re-file)
        refused |= give_back
    file_by_series_directory(items)  # declared in the URL outranks guessed from titles
    spell_names_as_titles(items)  # "Php Desde Cero" from a slug, "PHP Desde Cero" as titles say
    name_by_shared_phrase(items)  # "Part" from slugs "/part-2-x/": the titles' shared phrase
    return [p.guess() for p in items]


def _analyze_all(posts: Sequence[PostTuple]) -> list[Post]:
    """Each post read alone (markers, URL, tags, date), then one series' spellings merged."""
    items = []
    for post in posts:
        item = read_post(post[0], post[1])
        item.tags = frozenset(normalize(c) for c in post[2] if c)
        item.series_tag = series_tag(post[2])
        item.when = day_number(post[3]) if len(post) > 3 else None
        items.append(item)
    rank_sort_keys(items)  # "000-x", "010-y": sort keys with gaps, parts 1 and 2
    _merge_spellings(items)
    return items


_GIVE_BACK_ROUNDS = 3
"""At most this many runs of the passes; each further run refuses more dropped targets."""


def _unify(items: list[Post], refused: frozenset[str]) -> set[str]:
    """The cross-post passes, in order, then the evidence; returns the keys to give back."""
    join_by_url_scheme(items)
    join_glued_slugs(items)
    join_glued_run(items)
    shared_tail_names(items)
    _attach_unnumbered(items, refused)
    release_stuck_names(items)
    shared_heads(items)
    split_second_heads(items)
    shared_openings(items)
    shared_endings(items)
    slug_prefix_names(items)
    nest_subseries(items)
    join_topic_titles(items)
    join_head_mentions(items)
    embedded_names(items)
    _merge_spellings(items)
    join_named(items)
    join_slug_stems(items)
    join_slug_prefixes(items)
    continue_numbering(items)
    number_lone_runs(items)
    number_split_parts(items)
    split_restarted_counters(items)
    fill_counter_gaps(items)
    drop_heads_years_apart(items)
    join_slot_columns(items)  # what no pass took: "Updates in April 2019", "… May 2019"
    _drop_unconfirmed(items)
    _canonical_names(items)
    return assess(items)


def _parts_by_key(items: Iterable[Post]) -> dict[str, set[int]]:
    parts: dict[str, set[int]] = defaultdict(set)
    for p in items:
        if p.key is not None:
            parts[p.key]
            if p.part is not None:
                parts[p.key].add(p.part)
    return parts


def _merge_spellings(items: list[Post]) -> None:
    """One series under several spellings becomes one key."""
    parts = _parts_by_key(items)
    if not parts:
        return
    uf = _Union(parts)
    keys = sorted(parts)
    by_squash: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_squash[squash(k)].append(k)
    for same in by_squash.values():  # "Page Rank" == "PageRank"
        for other in same[1:]:
            uf.union(same[0], other)
    # a word-prefix or word-suffix of another key: "Object Detection" /
    # "Object Detection for Dummies", "send bound" / "async trait send bound"
    strong = {p.key for p in items if p.key is not None and p.strength >= MEDIUM}
    key_set = set(keys)
    for k in keys:
        if k not in strong:
            continue
        tokens = k.split()
        for n in range(1, len(tokens)):
            prefix, suffix = " ".join(tokens[:n]), " ".join(tokens[n:])
            # only numbered keys: "ASP.NET" heads must not swallow "ASP.NET Core" heads
            if prefix in strong and len(squash(prefix)) >= 4 and parts[prefix] and parts[k]:
                uf.union(prefix, k)
            # and numbered on one side at least: "Design Patterns - x" heads are no part
            # of "Rust Design Pattern: y" heads, whatever their names share
            if (
                suffix in strong
                and len(tokens) - n >= 2
                and suffix in key_set
                and (parts[suffix] or parts[k])
            ):
                uf.union(suffix, k)
    for short, long in _unspaced_prefixes(keys, strong, parts):
        uf.union(short, long)
    # the same URL section, when the section names the series: "/time-series/"
    # (a key with posts in another section, or in none, is not this section's: the
    # numbered "[Gizmo Pro] Section N" course under /courses/ must not be glued, by its
    # two "[Gizmo Pro] x" posts filed in /gizmo/, to every "[Gizmo] y" there; and a
    # section that also holds loose posts is a category, which names no series)
    by_section: dict[str, set[str]] = defaultdict(set)
    via_section: dict[str, str] = {}
    sections_of: dict[str, set[str | None]] = defaultdict(set)
    loose: Counter[str | None] = Counter()
    for p in items:
        if p.url is None:
            continue
        if p.key is None:
            loose[p.url.section] += 1
            continue
        sections_of[p.key].add(p.url.section)
        if p.url.section is not None:
            by_section[p.url.section].add(p.key)
    for section in sorted(by_section):
        sq = squash(normalize(humanize_slug(section)))
        related = sorted(
            k
            for k in by_section[section]
            if k == "section:" + section
            or (len(sq) >= 3 and squash(k).startswith(sq) and sections_of[k] == {section})
        )
        if len(related) > 1 and not loose[section]:
            for k in related:
                via_section.setdefault(k, section)
                uf.union(related[0], k, check_parts=False)
    roots = {k: uf.find(k) for k in keys}
    members: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        members[roots[k]].append(k)
    canonical = {r: _pick_key(ks, items) for r, ks in members.items()}
    for r, ks in members.items():
        sections = sorted(via_section[k] for k in ks if k in via_section)
        if sections and not canonical[r].startswith("section:"):
            canonical[r] = "section:" + sections[0]
    for p in items:
        if p.key is not None:
            p.key = canonical[roots[p.key]]


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
"""Scripts written without spaces between words (kana, Han) and Hangul, whose names
run several words together ("jvm调优面试八股文")."""
_UNSPACED_PREFIX_MIN = 4


def _unspaced_prefixes(
    keys: list[str], strong: set[str], parts: dict[str, set[int]]
) -> list[tuple[str, str]]:
    """The word-prefix merge for names with no spaces to split at.

    "JVM调优（五）" after "JVM调优面试八股文（一）…（四）": the shorter name opens the longer
    one and takes up the numbering where it stopped, so it is the same series named
    shorter. Only numbered keys whose numbers follow on, one after the other, without
    overlap: two series that merely start with the same words ("机器学习笔记",
    "机器学习实战") each count from 1.
    """
    found = []
    unspaced = sorted(k for k in keys if k in strong and parts[k] and _UNSPACED.search(k))
    for i, short in enumerate(unspaced):
        if len(short) < _UNSPACED_PREFIX_MIN:
            continue
        # sorted: the keys that start with ``short`` follow it directly
        for long in unspaced[i + 1 :]:
            if not long.startswith(short):
                break
            a, b = parts[short], parts[long]
            if min(a) == max(b) + 1 or min(b) == max(a) + 1:
                found.append((short, long))
    return found


def _pick_key(keys: list[str], items: list[Post]) -> str:
    if len(keys) == 1:
        return keys[0]
    sections = [k for k in keys if k.startswith("section:")]
    if sections:
        return min(sections)
    counts = Counter(p.key for p in items if p.key in keys)
    return min(keys, key=lambda k: (-counts[k], len(k), k))


def _aliases(p: Post) -> list[tuple[str, bool, str, str | None]]:
    """Keys this unmarked post could belong to: (key, whole-title?, short title, the
    word the series' own titles must write for the key to hold, if any).

    A one-word slug is compared as written: folding its plural makes "/https/" the
    series "HTTP" of "HTTP2", another protocol. "/widgets/" still joins "Widgets 2"
    and "Widgets 3", whose titles write the word.
    """
    out: list[tuple[str, bool, str, str | None]] = [(normalize(p.title), True, p.title, None)]
    alias = acronym_alias(p.title)
    if alias:
        out.append((normalize(alias), True, p.title, None))
    if p.url is not None and p.url.slug and not p.url.slug.isdigit():
        slug_name = humanize_slug(p.url.slug).strip().lower()
        key = normalize(slug_name)
        spelled = slug_name if " " not in slug_name and key != slug_name else None
        out.append((key, True, p.title, spelled))
    head = title_head(p.title)
    if head:
        out.append((head[0], False, head[2], None))
    return out


def _writes_word(posts: list[Post], word: str) -> bool:
    """Some title writes ``word`` as a word of its own ("Widgets 2": "widgets")."""
    return any(word in re.findall(r"[^\W_]+", p.title.lower()) for p in posts)


_CONTAINED_MIN_WORDS = 4


def _contained_key(text: str, keys: set[str]) -> str | None:
    """The longest key that occurs as whole words inside ``text`` (bounded work)."""
    if not keys:
        return None
    tokens = text.split()[:40]
    for n in range(min(len(tokens), 10), _CONTAINED_MIN_WORDS - 1, -1):
        for start in range(len(tokens) - n + 1):
            phrase = " ".join(tokens[start : start + n])
            if phrase in keys:
                return phrase
    return None


def _longest_stem(slug: str, stems: dict[str, str]) -> str | None:
    """The key of the longest "stem-" that ``slug`` starts with ("nix-flakes-go" -> nix)."""
    for pos in range(len(slug) - 1, 0, -1):
        if slug[pos] in "-_":
            key = stems.get(slug[: pos + 1])
            if key is not None:
                return key
    return None


_MAX_ATTACHED_PER_PART = 3
"""Unnumbered posts a numbered group may take in, per numbered post it has."""


def _slug_stem(slug: str, part: int | None) -> str:
    """ "nix-flakes-2" (part 2) -> "nix-flakes"; "" unless the slug ends in that number
    as a word of its own ("boj-2751" is no stem for part 2)."""
    if part is None:
        return ""
    m = re.match(rf"^(?P<stem>.+?)[-_]0*{part}(?:[-_]|$)", slug)
    return m["stem"].strip("-_") if m else ""


def _attach_unnumbered(items: list[Post], refused: frozenset[str] = frozenset()) -> None:
    """ "Min of Three" + "Min of Three Part 2": the unnumbered post is part 1.

    Not onto a group in ``refused`` (the evidence dropped it in an earlier run) nor
    onto one whose numbers it will surely reject (``numbers_may_hold``): the dropped
    group would take the attached posts down with it, away from the siblings they
    share a head or an opening with.
    """
    parts = _parts_by_key(items)
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None and parts[p.key]:
            by_key[p.key].append(p)
    numbered = {
        k
        for k in by_key
        if k not in refused and numbers_may_hold(by_key[k]) and not _lone_url_count(by_key[k])
    }
    if not numbered:
        return
    slug_keys: dict[str, str] = {}
    for p in items:
        if p.key in numbered and p.url is not None and p.strength == WEAK:
            stem = _slug_stem(p.url.slug, p.part)
            if names_something(stem):
                # one word ("gizmo-03-x") is a product's name, which every slug about
                # it opens with ("gizmo-2-2-1", "gizmo-on-windows"): not the series'
                slug_keys[stem + "-"] = min(slug_keys.get(stem + "-", p.key), p.key)
    strong = {p.key for p in items if p.key in numbered and p.strength == STRONG}
    long_keys = {k for k in strong if len(k.split()) >= _CONTAINED_MIN_WORDS}
    candidates: dict[str, list[tuple[int, bool, str]]] = defaultdict(list)
    count = Counter(p.key for p in items if p.key is not None)
    for i, p in enumerate(items):
        # a lone one-word slug number ("railssummit-day1") is no series of its own: the
        # post may still be the unnumbered first part its title names in whole
        lone_slug = p.form == FORM_URL_WORD and p.key is not None and count[p.key] == 1
        if p.key is not None and p.part is not None and not lone_slug:
            continue
        for alias, whole, short, spelled in _aliases(p):
            if lone_slug and not whole:
                continue
            target = alias if alias in numbered else None
            if target is not None and spelled and not _writes_word(by_key[target], spelled):
                target = None  # "/https/" beside "HTTP2": folded alike, spelled apart
            if not whole and alias.isascii() and " " not in alias:
                target = None  # "Gizmo - x" beside "Gizmo Part 3": the same product, no part
            if target is None and p.key is None and p.url is not None:
                stem_key = _longest_stem(p.url.slug, slug_keys)
                if stem_key is not None:
                    target, whole, short = stem_key, False, p.title
            if target is not None and target != p.key:
                candidates[target].append((i, whole, short))
                break
        else:
            if p.key is None:
                inside = _contained_key(normalize(p.title), long_keys)
                if inside is not None:
                    candidates[inside].append((i, False, p.title))
    for key in sorted(candidates):
        joined = candidates[key]
        if len(joined) > _MAX_ATTACHED_PER_PART * len(by_key[key]):
            continue  # "x 2", "x 3" and 300 unnumbered posts: they share a word, not a series
        first = [i for i, whole, _ in joined if whole] if 1 not in parts[key] else []
        if len(first) != 1 and 1 not in parts[key] and len(joined) == 1:
            first = [joined[0][0]]
        for i, _whole, short in joined:
            p = items[i]
            p.key, p.short_title, p.strength, p.form = key, short, MEDIUM, FORM_UNNUMBERED
            p.attached_to = key
            p.part = 1 if first == [i] else None


def _lone_url_count(posts: list[Post]) -> bool:
    """One post, numbered only by a number inside its slug ("…-with-4-libraries").

    A number with words after it counts things ("4 libraries") more often than it
    numbers a part; one such post says no series exists, so an unnumbered title that
    shares its name is not made its part 1. A number that ends the slug
    ("colemak-layout-2" beside "colemak-layout") is how a sequel's slug is made.
    """
    if len(posts) != 1 or posts[0].form not in (FORM_URL, FORM_URL_WORD):
        return False
    p = posts[0]
    slug = p.url.slug if p.url is not None else ""
    return re.search(rf"[-_]0*{p.part}[-_]+[^\W\d_]", slug) is not None


def _drop_unconfirmed(items: list[Post]) -> None:
    """A key with one post and no explicit part marker is a standalone post.

    Alone, only a marker that says "part" counts ("X, Part 1", "X (2)", "第二篇"); a
    lone "Book chapter 2 notes" or "Day 3" points into something else.
    """
    count = Counter(p.key for p in items if p.key is not None)
    for p in items:
        if p.key is None:
            continue
        lone_ok = p.strength >= MEDIUM and p.part is not None and p.form in LONE_FORMS
        if count[p.key] == 1 and not lone_ok:
            p.key, p.name, p.part, p.short_title = None, None, None, p.title


def _canonical_names(items: list[Post]) -> None:
    """Every post of a series shows the same name: the most common spelling."""
    names: dict[str, list[str]] = defaultdict(list)
    for p in items:
        if p.key is not None and p.name:
            names[p.key].append(p.name)
    best = {k: common_spelling(spelled) for k, spelled in names.items()}
    for p in items:
        if p.key is not None:
            p.name = best.get(p.key) or p.name or p.key
