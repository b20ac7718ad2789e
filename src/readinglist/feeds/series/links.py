"""Cross-post passes of ``series.group()`` that link posts through their names.

* ``nest_subseries``  "ES6 系列之 Babel 如何编译 Class（上）" is a sub-series of the
  "ES6 系列之 x" series: a name written "<stem> 之 <topic>" lives inside <stem>.
* ``join_named``      a post titled exactly like a series of the feed, or quoting the
  subtitle of one of its parts ('What I meant by "the cost of X"'), or whose head ends
  with a series' whole name ("Building a Fast Kiln in Rust: x" beside "Kiln in Rust:
  y"), or that introduces one by its whole name ("Introducing the Kiln crash course"),
  or that is a side story ending in its name ("与复杂同行（番外）"), belongs to it.
* ``join_head_mentions`` "Testing React Query", tagged "React Query", beside a head
  series "React Query x" whose every post carries that tag, belongs to it.

Every rule describes how authors write, never a particular blog or series.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict

from readinglist.feeds.series.counted import NAMED_PIECE_FORM
from readinglist.feeds.series.marker import side_story_base
from readinglist.feeds.series.post import FORM_HEAD, FORM_LINKED, Post, title_head
from readinglist.feeds.series.rules import normalize, squash
from readinglist.feeds.series.titles import MEDIUM

__all__ = [
    "embedded_names",
    "join_head_mentions",
    "join_named",
    "join_topic_titles",
    "nest_subseries",
]

_NEST_WORDS = frozenset(("之", "系列"))
"""Tokens of a normalised name that separate an outer series from a sub-topic."""


def _stem(key: str) -> str | None:
    """ "vuepress 博客 之 seo 优化" -> "vuepress 博客"; None without a nesting word."""
    tokens = key.split()
    for n in range(1, len(tokens)):
        if tokens[n] in _NEST_WORDS:
            return " ".join(tokens[:n])
    return None


def _starts_with(key: str, stem: str) -> bool:
    """``key`` begins with ``stem`` at a word boundary (CJK runs have no spaces)."""
    if key == stem or key.startswith(stem + " "):
        return True
    if not key.startswith(stem):
        return False
    # "vuepress 博客优化" starts with "vuepress 博客": the stem ends inside a CJK run
    return not stem[-1].isascii() and not key[len(stem)].isascii()


def _mentions(text: str, stem: str) -> bool:
    """``stem`` occurs in ``text`` starting at a word boundary."""
    start = 0
    while (pos := text.find(stem, start)) >= 0:
        if (pos == 0 or text[pos - 1] == " ") and _starts_with(text[pos:], stem):
            return True
        start = pos + 1
    return False


def _stem_is_specific(stem: str) -> bool:
    """A stem that can pull in other names: two words, or a CJK word of 2+ characters."""
    tokens = stem.split()
    return len(tokens) >= 2 or (len(stem) >= 2 and not stem.isascii())


def nest_subseries(items: list[Post]) -> None:
    """Series whose names are "<stem> 之 <topic>" join the series named <stem>.

    "ES6 系列之 Babel 如何编译 Class（上）/（下）" is a two-part sub-series inside the
    "ES6 系列之 ..." series; "VuePress 博客之 SEO 优化（一）..（六）" and "VuePress
    博客优化之 x" are both inside "VuePress 博客". The sub-series' own numbers are not
    the outer series' numbers, so the nested posts lose their part.
    """
    count = Counter(p.key for p in items if p.key is not None)
    if not count:
        return
    keys = sorted(count)
    stems = sorted({s for k in keys if (s := _stem(k)) is not None and s != k})
    target: dict[str, str] = {}
    for stem in stems:
        if stem not in count and not _stem_is_specific(stem):
            continue  # "react 之 x" alone does not make every "React ..." key one series
        members = []
        for k in keys[bisect_left(keys, stem) :]:  # the keys starting with stem: one run
            if not k.startswith(stem):
                break
            if k not in target and _starts_with(k, stem):
                members.append(k)
        if stem in count:
            members = [k for k in members if k == stem or _stem(k) is not None]
        if len(members) < 2 or sum(count[k] for k in members) < 2:
            continue
        for k in members:
            target[k] = stem
    if not target:
        return
    inside = [p for p in items if p.key is not None and p.key in target]
    heads = {id(p): title_head(p.title) for p in inside}
    names = _stem_names(inside, heads, set(target.values()))
    for p in inside:
        assert p.key is not None
        stem = target[p.key]
        if stem == p.key:
            continue
        head = heads[id(p)]
        if head is not None and squash(head[0]) == squash(stem):
            p.short_title = head[2]
        else:
            p.short_title = p.title
        p.key, p.part, p.strength = stem, None, max(p.strength, MEDIUM)
        p.form = FORM_LINKED
        p.name = names.get(stem, p.name)
    # "VuePress 博客如何开启 HTTPS", "搭建 VuePress 博客的插件" (no 之) join "VuePress 博客"
    outer: dict[str, list[str]] = defaultdict(list)  # first word's first two characters -> stems
    for s in sorted({s for s in target.values() if _stem_is_specific(s)}, key=len, reverse=True):
        outer[s.split()[0][:2]].append(s)
    for p in items:
        if p.key is not None:
            continue
        text = normalize(p.title)
        near = {s for token in set(text.split()) for s in outer.get(token[:2], ())}
        found = min(
            (s for s in near if text != s and _mentions(text, s)),
            key=lambda s: (-len(s), s),
            default=None,
        )
        if found is not None:
            p.key, p.name, p.part, p.strength = found, names.get(found, found), None, MEDIUM
            p.form = FORM_LINKED
            p.short_title = p.title


def _stem_names(
    items: list[Post], heads: dict[int, tuple[str, str, str, bool] | None], stems: set[str]
) -> dict[str, str]:
    """The author's spelling of each stem, from a title head ("VuePress 博客")."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for p in items:
        head = heads[id(p)]
        if head is not None and head[0] in stems:
            seen[head[0]][head[1]] += 1
        elif p.key in stems and p.name:
            seen[p.key][p.name] += 1
    return {k: min(c, key=lambda n: (-c[n], n)) for k, c in seen.items()}


_TOPIC_PULL = 2
"""A topic phrase may bring in at most twice as many titles as its template holds. The
template "Elliptic Curves as x" (3 posts) took in 4 titles naming elliptic curves, all
of its series; "Storage DRS and x" (3) would take 25, written over a year and a half on
the blog's main subject, none a series. Beyond that the phrase names what the blog is
about."""

_LINKING_WORDS = frozenset(("as", "of", "to", "for", "in", "with", "and", "on", "from", "vs"))
_CORE_MIN_WORDS = 2


def _topic_core(name: str) -> list[str] | None:
    """ "Elliptic Curves as" -> ["elliptic", "curve"]: a capitalised topic + linking word."""
    words = name.split()
    if len(words) < _CORE_MIN_WORDS + 1 or words[-1].lower() not in _LINKING_WORDS:
        return None
    core = words[:-1]
    if len(core) < _CORE_MIN_WORDS or not all(w[:1].isupper() for w in core):
        return None
    tokens = normalize(" ".join(core)).split()
    return tokens if len(tokens) >= _CORE_MIN_WORDS else None


def join_topic_titles(items: list[Post]) -> None:
    """ "Elliptic Curves as X" x3 + "Introducing Elliptic Curves": one topic series.

    A title template whose shared words are a capitalised topic followed by a
    linking word ("<Topic> as ...", "<Topic> for ...") names its topic; other
    titles of the feed that mention the whole topic phrase join it, unnumbered.
    """
    count = Counter(p.key for p in items if p.key is not None)
    cores: dict[str, list[str]] = {}
    named = sorted({(p.key, p.name) for p in items if p.key is not None and p.name})
    for key, name in named:
        if count[key] < 2 or key in cores:
            continue
        core = _topic_core(name)
        if core is not None:
            cores[key] = core
    _join_mentions(items, cores, count, tagged=False)


def _join_mentions(
    items: list[Post], cores: dict[str, list[str]], count: Counter[str], *, tagged: bool
) -> None:
    """Standalone titles that name one series' whole phrase (its ``cores`` tokens) join
    it, unnumbered (``tagged``: only posts that carry the series' key as a tag), unless
    more than ``_TOPIC_PULL`` times its posts would: then the phrase is the blog's
    subject ("Storage DRS …" x25), no series."""
    if not cores:
        return
    by_first: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for key, core in sorted(cores.items()):
        by_first[core[0]].setdefault(tuple(core), key)
    joiners: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            continue
        tokens = normalize(p.title).split()
        hits = {
            key
            for i, token in enumerate(tokens)
            for core, key in by_first.get(token, {}).items()
            if tuple(tokens[i : i + len(core)]) == core
        }
        if len(hits) != 1:
            continue  # no phrase, or two series' phrases: it names neither
        (key,) = hits
        if not tagged or key in p.tags:
            joiners[key].append(p)
    for key, posts in joiners.items():
        if len(posts) > _TOPIC_PULL * count[key]:
            continue
        for p in posts:
            p.key, p.part, p.strength, p.short_title = key, None, MEDIUM, p.title
            p.form = FORM_LINKED


_QUOTED = re.compile(r"[\"“”「『]([^\"“”「」『』]{3,80})[\"“”」』]")


def join_named(items: list[Post]) -> None:
    """A standalone post that names a series, or quotes one of its parts, joins it.

    "When Then Zen" next to "When Then Zen: Anapana" and "When Then Zen: x" is the
    series' own (unnumbered) post; 'What I meant by "the cost of X"' answers the part
    subtitled "The cost of X". Quotes must be two words or more. A head that ends with
    a series' whole name of three words or more ("Building a Fast Kiln in Rust: x"
    beside "Kiln in Rust: y", "… : z") spells that name out longer, as a first post
    introducing the series does; a shorter name ("in Rust") is a topic. A side story
    ending in a series' name ("与复杂同行（番外）") joins it, even a series of one numbered
    post, and a post titled as what a named piece is a piece of ("大阪短期滞在" beside
    "大阪短期滞在 コロナ編") is that piece's first part.
    """
    count = Counter(p.key for p in items if p.key is not None)
    series = {k for k, n in count.items() if n >= 2}
    # a side story may join a series of one numbered post ("与复杂同行（一）")
    told_in_parts = series | {p.key for p in items if p.key is not None and p.part is not None}
    # a post that names itself a piece of something ("大阪短期滞在 コロナ編") is the
    # sequel of the post titled as that something ("大阪短期滞在"), as a part 2 would be
    titled = series | {p.key for p in items if p.key is not None and p.form == NAMED_PIECE_FORM}
    if not told_in_parts and not titled:
        return
    long_names = {k for k in series if len(k.split()) >= _LONG_NAME_WORDS}
    last_words = (
        re.compile("|".join(sorted({re.escape(k.rsplit(" ", 1)[-1]) for k in long_names})))
        if long_names
        else None
    )
    subtitles: dict[str, set[str]] = defaultdict(set)
    for p in items:
        if p.key in series and p.short_title and p.short_title != p.title:
            sub = normalize(p.short_title)
            if len(sub.split()) >= 2:
                subtitles[sub].add(p.key)
    for p in items:
        if p.key is not None:
            continue
        key = normalize(p.title)
        if key not in titled:
            quoted = {normalize(q) for q in _QUOTED.findall(p.title)}
            found = sorted({k for q in quoted for k in subtitles.get(q, ())})
            key = found[0] if len(found) == 1 else ""
        if not key:
            key = _introduced(p.title, series)
        if not key:
            key = _side_story_of(p.title, told_in_parts)
        if not key and last_words is not None and last_words.search(p.title.lower()):
            key = _head_ending_in(p.title, long_names)  # a name's last word is in it
        if key:
            p.key, p.part, p.strength, p.short_title = key, None, MEDIUM, p.title
            p.form = FORM_LINKED


_LONG_NAME_WORDS = 3
_INTRODUCING = re.compile(
    r"^(?:introducing|introduction to|an introduction to|intro to|announcing|welcome to)\s+"
    r"(?:the\s+|my\s+|a\s+|our\s+)?[\"'“‘]?(?P<name>.+?)[\"'”’]?(?:\s+series)?[.!]?$",
    re.IGNORECASE,
)


def _side_story_of(title: str, series: set[str]) -> str:
    """The series a side story names ("与复杂同行（番外）" beside "与复杂同行（一）"), even
    one whose only other post is a lone numbered part."""
    base = side_story_base(title)
    key = normalize(base) if base is not None else ""
    return key if key in series else ""


def _introduced(title: str, series: set[str]) -> str:
    """The series a title introduces by its whole name: "Introducing the Rust crash
    course" beside "… - Rust Crash Course lesson 1" is the course's opening post."""
    m = _INTRODUCING.match(title)
    if m is None:
        return ""
    key = normalize(m["name"])
    return key if key in series and len(key.split()) >= 2 else ""


def _head_ending_in(title: str, series: set[str]) -> str:
    """The one series whose whole name (three words or more) ends ``title``'s head."""
    head = title_head(title)
    if head is None:
        return ""
    words = head[0].split()
    tails = (" ".join(words[start:]) for start in range(1, len(words) - _LONG_NAME_WORDS + 1))
    found = {tail for tail in tails if tail in series}
    return found.pop() if len(found) == 1 else ""


_LATIN_NAME = re.compile(r"(?<![\w.])[A-Z][\w.+#-]*(?: [A-Z0-9][\w.+#-]*){2,}(?![\w.])")
_EMBEDDED_MIN_POSTS = 4


def _has_cjk(text: str) -> bool:
    return any("\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text)


def embedded_names(items: list[Post]) -> None:
    """Four or more CJK titles built around one Latin-script name form a series.

    In a feed written in Chinese, Japanese or Korean, a multi-word product name
    ("Visual Studio Code") that keeps coming back mid-title ("6 个 ... 技巧",
    "... 零基础上手") is the column those posts belong to. Three capitalised words at
    least, and only in CJK titles: in English titles such phrases are just topics.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for i, p in enumerate(items):
        if p.key is not None or not _has_cjk(p.title):
            continue
        found = {}
        for m in _LATIN_NAME.finditer(p.title):
            found[normalize(m.group())] = m.group()
        for key, name in found.items():
            groups[key].append(i)
            spelled[key][name] += 1
    taken: set[int] = set()
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        idx = [i for i in groups[key] if i not in taken]
        if len(idx) < _EMBEDDED_MIN_POSTS:
            continue
        taken.update(idx)
        c = spelled[key]
        name = min(c, key=lambda n: (-c[n], n))
        for i in idx:
            p = items[i]
            p.key, p.name, p.part, p.strength, p.short_title = key, name, None, MEDIUM, p.title
            p.form = FORM_LINKED


_MENTION_MIN_HEADS = 3
"""A head series must hold this many posts before titles that mention it may join."""


def join_head_mentions(items: list[Post]) -> None:
    """A title naming a series mid-title joins it when the post carries the series' tag.

    "React Query Data Transformations", "React Query Render Optimizations", … share the
    head "React Query"; "Testing React Query" and "Effective React Query Keys" name it
    elsewhere in the title. A product's name in a title alone is no evidence (the issue's
    "posts that merely mention the same product"), so two signals must agree: every post
    of the head series carries a tag spelled as the series' name, and so does the post
    that names it. The name is two capitalised words or more with no linking word, and,
    as for topic phrases, it may bring in at most twice as many posts as it holds.
    """
    count = Counter(p.key for p in items if p.key is not None)
    cores: dict[str, list[str]] = {}
    for p in items:
        if p.key is None or p.form != FORM_HEAD or count[p.key] < _MENTION_MIN_HEADS:
            continue
        if p.key in cores or not p.name or not _capitalised_name(p.name):
            continue
        cores[p.key] = normalize(p.name).split()
    tagged = {
        key: core
        for key, core in cores.items()
        if all(key in q.tags for q in items if q.key == key)
    }
    _join_mentions(items, tagged, count, tagged=True)


def _capitalised_name(name: str) -> bool:
    """ "React Query", "TanStack Router": two words or more, each capitalised, none linking."""
    words = name.split()
    return (
        len(words) >= _CORE_MIN_WORDS
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in _LINKING_WORDS for w in words)
    )
