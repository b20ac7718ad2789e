"""A pass of ``series.group()``: two posts in a row that end with the same name.

"Interfaces for Explaining Transformer Language Models", then a month later "Hidden
State Visualizations for Language Models": some authors put the series' subject at the
end of the title, not at its head, and the two parts follow each other. The evidence
is thin, so the rule is narrow and the group it makes is a guess (no numbers: weak):

* the two posts are next to each other in the feed's date order and at most
  ``_MAX_GAP_DAYS`` apart (parts of a piece follow each other);
* both titles end with the same two or more words, written as a name (every word
  capitalised, no digits: "Language Models", "Arch Linux Sem Dor"), and no other title
  of the feed ends that way (a phrase the author ends many titles with names a topic);
* the titles do not both open with the same question word ("How X Works", "How Y
  Works" share a stock phrase, not a subject).

Measured on both labelled corpora, the rule groups five pairs: four are series, one
is not (two posts a fortnight apart that end with the same example's name).

A second pass here, ``shared_tail_names``, reads numbered titles that put the series'
name last: "Kick the Tires - Gizmo Course lesson 1", "Ownership - Gizmo Course lesson
2". The marker reads everything before "lesson N" as the name, so every part gets a
name of its own; the segment after the last separator is the name they share.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import pairwise

from readinglist.feeds.series.post import FORM_ENDING, FORM_TOPIC, Post, common_spelling
from readinglist.feeds.series.rules import normalize
from readinglist.feeds.series.titles import WEAK

__all__ = ["shared_endings", "shared_tail_names"]

_MAX_GAP_DAYS = 60
_WORD = re.compile(r"[\w'+#.-]+")
_QUESTION_WORDS = frozenset(("how", "what", "why", "when", "where", "who", "which"))
_LINKING = frozenset(
    ("the", "a", "an", "of", "in", "on", "for", "to", "and", "with", "at", "by", "from",
     "is", "are", "vs", "de", "do", "da", "e", "o", "em", "y", "la", "el")
)  # fmt: skip


def shared_endings(items: list[Post]) -> None:
    """Pair standalone posts in a row whose titles end with the same name (see module)."""
    dated = sorted(
        (i for i, p in enumerate(items) if p.when is not None),
        key=lambda i: (items[i].when or 0.0, items[i].title),
    )
    last = [_last_word(p) for p in items]
    pairs = [
        (items[a], items[b])
        for a, b in pairwise(dated)
        if last[a] == last[b] and _free(items[a]) and _free(items[b])
    ]  # cheap: most neighbours end differently
    if not pairs:
        return
    wanted = {_last_word(a) for a, _ in pairs}
    endings = Counter(
        _ending(_WORD.findall(" ".join(p.title.rsplit(None, 2)[-2:])))
        for p, word in zip(items, last, strict=True)
        if word in wanted
    )
    keys = {p.key for p in items if p.key is not None}
    for first, second in pairs:
        if first.key is not None or second.key is not None:
            continue  # paired with its other neighbour already
        name = _shared_name(_WORD.findall(first.title), _WORD.findall(second.title), endings)
        if name is None or (second.when or 0.0) - (first.when or 0.0) > _MAX_GAP_DAYS:
            continue
        key = normalize(name)
        if not key or key in keys:
            continue
        keys.add(key)
        for p in (first, second):
            p.key, p.name, p.part, p.strength = key, name, None, WEAK
            p.form, p.short_title = FORM_ENDING, p.title


def _last_word(p: Post) -> str:
    return p.title.rsplit(None, 1)[-1].lower() if p.title.strip() else ""


def _free(p: Post) -> bool:
    return p.key is None and p.form != FORM_TOPIC


def _ending(words: list[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words[-2:])


def _shared_name(a: list[str], b: list[str], endings: Counter[tuple[str, ...]]) -> str | None:
    """The name both titles end with, as the first writes it; None when there is none."""
    if len(a) < 3 or len(b) < 3 or [w.lower() for w in a] == [w.lower() for w in b]:
        return None
    end = _ending(a)
    if end != _ending(b) or endings[end] != 2:
        return None
    if a[0].lower() == b[0].lower() and a[0].lower() in _QUESTION_WORDS:
        return None
    n = 0
    while n < min(len(a), len(b)) - 1 and a[-1 - n].lower() == b[-1 - n].lower():
        if not (_name_word(a[-1 - n]) and _name_word(b[-1 - n])):
            break
        n += 1
    if n < 2:
        return None
    words = a[-n:]
    while words and not any(c.isalnum() for c in words[0]):
        words = words[1:]  # "x - Jane Doe": the separator before the name is not in it
    if len(words) < 2 or all(w.lower() in _LINKING for w in words):
        return None
    return " ".join(words)


def _name_word(word: str) -> bool:
    """A word written as part of a name: capitalised (or a symbol), no digits."""
    return not any(c.isdigit() for c in word) and (not word[0].isalpha() or word[0].isupper())


_TAIL_SEPARATOR = re.compile(r"\s+[-–—:|]\s+|\s*[：｜]\s*")
_MIN_TAIL_WORDS = 2


def shared_tail_names(items: list[Post]) -> None:
    """Numbered posts whose names end in the same segment are that segment's series.

    "<subtitle> - <series> lesson N": when posts whose whole names each number one part
    ("lesson 1" and its "lesson 1 - solutions") share the segment after the name's last
    separator (two words at least), and together number two or more parts, that
    segment names their series, and what comes before it is each part's subtitle. A
    whole name that numbers several parts is a series of its own and stays as it is.
    """
    parts: dict[str, set[int | None]] = defaultdict(set)
    for p in items:
        if p.key is not None:
            parts[p.key].add(p.part)
    tails: dict[str, list[tuple[Post, str, str]]] = defaultdict(list)
    for p in items:
        if p.key is None or p.part is None or not p.name or len(parts[p.key]) != 1:
            continue  # a name numbering parts of its own is a series already
        pieces = _TAIL_SEPARATOR.split(p.name)
        if len(pieces) < 2 or not pieces[-1].strip() or not pieces[0].strip():
            continue
        tail = pieces[-1].strip()
        head = p.name[: len(p.name) - len(tail)].rstrip(" -–—:|：｜")
        key = normalize(tail)
        if len(key.split()) >= _MIN_TAIL_WORDS:
            tails[key].append((p, tail, head))
    for key, members in sorted(tails.items()):
        if len(members) < 2 or len({p.part for p, _, _ in members}) < 2:
            continue
        name = common_spelling(tail for _, tail, _ in members) or members[0][1]
        for p, _tail, head in members:
            rest = p.short_title if p.short_title and p.short_title != p.name else ""
            p.key, p.name = key, name
            p.short_title = f"{head} - {rest}" if rest else head
