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
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from readinglist.feeds.series.post import FORM_ENDING, FORM_TOPIC, Post
from readinglist.feeds.series.rules import normalize
from readinglist.feeds.series.titles import WEAK

__all__ = ["shared_endings"]

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
    if n < 2 or all(w.lower() in _LINKING for w in a[-n:]):
        return None
    return " ".join(a[-n:])


def _name_word(word: str) -> bool:
    """A word written as part of a name: capitalised (or a symbol), no digits."""
    return not any(c.isdigit() for c in word) and (not word[0].isalpha() or word[0].isupper())
