"""A pass of ``series.group()``: standalone titles that share a head form a series.

"Methods of Proof — Direct Implication", "Methods of Proof — Contrapositive": a head
repeated on one site names a series, weighed by how much a head says: a one-word head
in English ("Hugo - x") or in a script without capitals ("파이썬 - x", "算法 - y") is a
topic unless its titles come as a run, a product's name is the product, and a head
that says "series" itself ("React 之 x") counts alone. Kept apart from ``detect`` so
each module stays small; every rule describes how authors write titles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from readinglist.feeds.series.evidence import numbers_hold
from readinglist.feeds.series.post import (
    FORM_HEAD,
    FORM_STUCK,
    Post,
    head_is_series_like,
    plain_word,
    title_head,
)
from readinglist.feeds.series.refine import Timeline
from readinglist.feeds.series.rules import normalize, squash
from readinglist.feeds.series.titles import MEDIUM

__all__ = ["release_stuck_names", "shared_heads"]


def release_stuck_names(items: list[Post]) -> None:
    """A number stuck to a name that every post of its group repeats is the name's own.

    "rrxv6 : Hello World", "rrxv6 : stack pointer", … read alone are part 6 of "rrxv",
    twelve times over: one number on every title orders nothing, and the evidence would
    drop the group. The name is "rrxv6" (as "ES6", "python3"): the posts go back to
    standalone here, before ``shared_heads``, which reads their shared head "rrxv6" as a
    series when the titles have one, and leaves them alone when they do not.
    """
    groups: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None and p.form == FORM_STUCK:
            groups[p.key].append(p)
    numbered_otherwise = {p.key for p in items if p.key in groups and p.form != FORM_STUCK}
    for key, posts in groups.items():
        if len(posts) < 2 or len({p.part for p in posts}) != 1:
            continue
        if key in numbered_otherwise:
            continue  # the name is numbered elsewhere too: "JDBC2" beside "JDBC 3"
        for p in posts:
            p.key, p.name, p.part, p.short_title, p.strength, p.form = (
                None, None, None, p.title, 0, ""
            )  # fmt: skip


def shared_heads(items: list[Post]) -> None:
    """Standalone titles that share a head ("Methods of Proof — x") form a series.

    Then a still-standalone title that starts with the name of a series of this feed
    ("Non-lexical lifetimes based on liveness" next to "Non-lexical lifetimes: x")
    joins it, without a part number.
    """
    count = Counter(p.key for p in items if p.key is not None)
    free = [
        i
        for i, p in enumerate(items)
        if p.key is None or (p.strength < MEDIUM and count[p.key] == 1)
    ]
    heads: dict[int, tuple[str, str, str, bool]] = {}
    members: dict[str, set[int]] = defaultdict(set)  # squashed head -> posts
    plain: dict[str, list[int]] = defaultdict(list)  # "Hugo - x": one plain word
    products: set[str] = set()  # "GizmoKit - x": one capitalised word, not an acronym
    for i in free:
        head = title_head(items[i].title)
        if head and _one_plain_word(head) and head_is_series_like(head[1], True):
            plain[squash(head[0])].append(i)  # "파이썬: x", "算法 - y" as "Hugo - z"
        elif head and head_is_series_like(head[1], head[3]) and not _product_word(head):
            heads[i] = head
            members[squash(head[0])].add(i)
        elif head and _one_ascii_word(head) and head_is_series_like(head[1], True):
            plain[squash(head[0])].append(i)
            if _product_word(head):
                products.add(squash(head[0]))
    # a plain one-word head ("Hugo - x") is a topic, unless its titles come as a run;
    # a product's name ("GizmoKit - x") too, unless undated or all of one day (an
    # import: then the dates say nothing either)
    timeline = Timeline(items) if plain else None
    for sq, idx in sorted(plain.items()):
        run = [items[i] for i in idx]
        if len(idx) < _ONE_WORD_HEAD_POSTS or timeline is None:
            continue
        in_run = timeline.is_run(run)
        undated = any(p.when is None for p in run) or len({p.when for p in run}) == 1
        if in_run or (sq in products and undated) or all(_glued_label(p.title) for p in run):
            for i in idx:
                heads[i] = title_head(items[i].title)  # type: ignore[assignment]
                members[sq].add(i)
                items[i].in_run = in_run
    if not members:
        return
    # "Zero Knowledge Proofs for NP" belongs with "Zero Knowledge Proofs — A Primer"
    for i in free:
        tokens = normalize(items[i].title).split()
        for n in range(1, min(len(tokens), 9)):
            prefix = "".join(tokens[:n])
            if prefix in members and (n > 1 or _explicit_one_word(tokens, members[prefix], heads)):
                members[prefix].add(i)
    order = sorted(members, key=lambda k: (-len(members[k]), len(k), k))
    own_heads = Counter(squash(h[0]) for h in heads.values())
    taken: set[int] = set()
    for sq in order:
        # "ASP.NET Core - x" twice stays with its own head, not inside "ASP.NET - y"
        idx = [
            i
            for i in sorted(members[sq] - taken)
            if i not in heads or own_heads[squash(heads[i][0])] < 2 or squash(heads[i][0]) == sq
        ]
        own = [i for i in idx if i in heads and squash(heads[i][0]) == sq]
        if len(idx) < 2 or not own:
            continue
        if len(idx) < _ONE_WORD_HEAD_POSTS and (
            _one_ascii_word(heads[own[0]]) or _one_plain_word(heads[own[0]])
        ):
            continue
        taken.update(idx)
        key = min(heads[i][0] for i in own)
        name = min((heads[i][1] for i in own if heads[i][0] == key), default=key)
        for i in idx:
            p = items[i]
            if p.key != key:
                p.part = None
            rest = heads[i][2] if i in own else p.title
            p.key, p.name, p.short_title, p.strength = key, name, rest, MEDIUM
            p.form = FORM_HEAD
    count = Counter(p.key for p in items if p.key is not None)
    series = {k for k, n in count.items() if n > 1 and " " in k}
    if not series:
        return
    # a group held by nothing but numbers the evidence will reject pulls in nobody
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key in series:
            by_key[p.key].append(p)
    series -= {
        k
        for k, posts in by_key.items()
        if all(p.part is not None for p in posts) and not numbers_hold(posts)
    }
    for p in items:
        if p.key is not None and count[p.key] > 1:
            continue
        tokens = normalize(p.title).split()
        for n in range(min(len(tokens) - 1, 8), 1, -1):
            prefix = " ".join(tokens[:n])
            if prefix in series:
                p.key, p.part, p.strength, p.form = prefix, None, MEDIUM, FORM_HEAD
                break


def _explicit_one_word(
    tokens: list[str], idx: set[int], heads: dict[int, tuple[str, str, str, bool]]
) -> bool:
    """ "React 之 x" series: "React 的源码" joins, "React 19 发布" (a version) does not.

    Only the members that own the head speak for it: the others joined by name and have
    no head of their own (and may come first in any order of titles).
    """
    version = len(tokens) > 1 and tokens[1].isdigit()
    return not version and any(heads[j][3] for j in idx if j in heads)


_ONE_WORD_HEAD_POSTS = 3
"""A one-word ASCII head ("AiC: x") names a column only when 3+ titles share it."""


def _one_plain_word(head: tuple[str, str, str, bool]) -> bool:
    """A head of one everyday word in a script without capitals: "파이썬", "算法".

    Such a head is a topic, as a plain English word is, unless its titles come as a run
    (see ``_shared_heads`` and ``post.plain_word``).
    """
    return not head[3] and plain_word(head[1])


_GLUED_LABEL = re.compile(r"^[\uac00-\ud7a3\u4e00-\u9fff]+-(?=\S)")


def _glued_label(title: str) -> bool:
    """ "모으잡-기획 구체화", "青海-甘肃环线": a Korean or Chinese head glued to the title
    by a bare hyphen.

    Neither script joins words with hyphens, so the author typed that hyphen to label
    the post, and a label kept on several posts names their series even when other
    posts come between them, where a spaced "파이썬 - x" is a topic unless a run.
    """
    return _GLUED_LABEL.match(title) is not None


def _one_ascii_word(head: tuple[str, str, str, bool]) -> bool:
    return not head[3] and head[1].isascii() and len(head[0].split()) == 1


_ACRONYM_MAX = 4


def _product_word(head: tuple[str, str, str, bool]) -> bool:
    """ "GizmoKit - x", "NodeJS: y": one word with a capital inside, longer than an acronym.

    Such a head names the product the post is about, as a plain word ("Hugo - x")
    names its topic; short acronyms ("WG: x", "K8s: y") are how authors abbreviate a
    series' own name, so they keep counting on their own.
    """
    name = head[1]
    inner_capital = any(c.isupper() for c in name[1:])
    return (
        _one_ascii_word(head) and inner_capital and len(name) > _ACRONYM_MAX and not name.isupper()
    )
