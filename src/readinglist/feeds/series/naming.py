"""The last step of ``series.group()``: a name read from a URL, spelled as the titles do.

A series found in slugs (``/hypermedia-api-maturity-model-part-ii-x/``,
``/php-desde-cero-variables/``) is named by capitalising the slug's words: "Hypermedia
Api Maturity Model", "Php Desde Cero". The feed's own titles say how the author writes
those words ("API", "PHP", "jQuery", "iOS"), and that is what the tree should show. Only
the spelling changes, never the key, so the grouping is the same with or without this.

A series named by a bare part word ("Part", from slugs "/part-2-x/", "/part-3-y/") is
named instead by the phrase most of its titles share: "Part 2: Nix as Part of Your
Development Workflow", "Part 3: Fish as …" are "Part of Your Development Workflow".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from readinglist.feeds.series.marker import ok_name
from readinglist.feeds.series.post import Post

__all__ = ["name_by_shared_phrase", "spell_names_as_titles"]

_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9])")
_SLUG_MADE = re.compile(r"^(?:[A-Z][a-z0-9]*|\d+)(?: (?:[A-Z][a-z0-9]*|\d+))*$")
"""What ``humanize_slug`` makes of a lower-case slug: every word capitalised, "Php Desde Cero"."""

_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
     "with", "y", "e", "o", "de", "del", "la", "el", "en", "con", "para", "com", "da", "do",
     "et", "des", "du", "le", "les", "und", "der", "die", "das", "mit", "von")
)  # fmt: skip
"""Joining words titles write in lower case inside a name ("Node y Express")."""


def spell_names_as_titles(items: list[Post]) -> None:
    """Respell each slug-made series name word by word as the feed's titles write it.

    A word takes the titles' most common spelling when that spelling says more than
    capitals at the start of a word can: an acronym or a word with a capital inside
    ("API", "OpenAPI", "iOS"), or a joining word the titles keep in lower case ("and",
    "y") anywhere but first. Words the titles never use keep the slug's spelling.
    """
    slug_made = {p.name for p in items if p.key is not None and p.name and p.name.isascii()}
    slug_made = {n for n in slug_made if _SLUG_MADE.match(n)}
    # a name one of its own titles writes as it is came from the titles, not a slug
    slug_made -= {p.name for p in items if p.name in slug_made and p.name in p.title}
    if not slug_made:
        return  # cheap: most feeds name their series in their titles
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for p in items:
        for word in _WORD.findall(p.title):
            spellings[word.lower()][word] += 1
    respelled = {name: _respell(name, spellings) for name in slug_made}
    for p in items:
        if p.name in respelled:
            p.name = respelled[p.name]


def _respell(name: str, spellings: dict[str, Counter[str]]) -> str:
    out = []
    for i, word in enumerate(name.split(" ")):
        seen = spellings.get(word.lower(), Counter())
        # lower case is how a slug writes every word: only a capital tells something
        capital = [w for w in seen if not w.islower()]
        best = min(capital, key=lambda w: (-seen[w], w)) if capital else None
        if best is not None and _says_more(best):
            out.append(best)  # "cqrs" in a slug and in a tag, "CQRS" in the titles
        elif i > 0 and word.lower() in _SMALL_WORDS and _mostly_lower(seen):
            out.append(word.lower())  # "Node Y Express" -> "Node y Express"
        else:
            out.append(word)
    return " ".join(out)


def _says_more(spelling: str) -> bool:
    """An acronym ("API", "CQRS") or a capital inside a word ("OpenAPI", "iOS", "jQuery")."""
    return len(spelling) > 1 and any(c.isupper() for c in spelling[1:])


def _mostly_lower(seen: Counter[str]) -> bool:
    """The titles write this word in lower case more often than not ("y", "and")."""
    return bool(seen) and sum(n for w, n in seen.items() if w.islower()) * 2 > seen.total()


_PHRASE_MIN_WORDS = 2
_PHRASE_MAX_WORDS = 8
_PHRASE_SHARE = 2 / 3
"""The share of a series' titles that must hold the phrase that names it."""


def name_by_shared_phrase(items: list[Post]) -> None:
    """Name a series its slugs or counters named by a bare word ("Part") by its titles.

    The longest phrase of two words or more that two thirds of the series' titles hold,
    written as the first of them writes it, leading joining words dropped ("as Part of
    Your …" is "Part of Your …"). A name only: the key, and so the grouping, stay.
    """
    members: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None and p.name and not ok_name(p.name):
            members[p.key].append(p)
    for posts in members.values():
        if len(posts) < _TWO_POSTS:
            continue
        phrase = _shared_phrase([_WORD_OR_NUMBER.findall(p.title) for p in posts])
        if phrase:
            for p in posts:
                p.name = phrase


_TWO_POSTS = 2
_WORD_OR_NUMBER = re.compile(r"[^\s:：\-–—|,.!?()\[\]]+")


def _shared_phrase(titles: list[list[str]]) -> str:
    need = max(_TWO_POSTS, int(len(titles) * _PHRASE_SHARE + 0.999))
    for size in range(_PHRASE_MAX_WORDS, _PHRASE_MIN_WORDS - 1, -1):
        counts: Counter[tuple[str, ...]] = Counter()
        spelled: dict[tuple[str, ...], list[str]] = {}
        for words in titles:
            seen = set()
            for i in range(len(words) - size + 1):
                gram = tuple(w.lower() for w in words[i : i + size])
                if gram not in seen:
                    seen.add(gram)
                    spelled.setdefault(gram, words[i : i + size])
            counts.update(seen)
        found = sorted(g for g, n in counts.items() if n >= need)
        for gram in found:
            words = list(spelled[gram])
            while words and words[0].lower() in _SMALL_WORDS:
                words = words[1:]
            if len(words) >= _PHRASE_MIN_WORDS and not any(w.isdigit() for w in words):
                return " ".join(words)
    return ""
