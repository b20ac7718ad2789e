"""A pass of ``series.group()``: a series named in the URL and left out of the title.

Course sites and tutorial blogs often give a part a short title ("Submódulos",
"Observadores") and put the course in the slug before it: ``git-desde-cero-submodulos``,
``ember-js-desde-cero-observadores``. The slug is then the series' name followed by the
title, and that prefix — words the title does not have — names the series.

The rule: a slug whose words, after a leading run of at least two words absent from the
title, are mostly the title's own words (so the slug was made from the title, with
something put in front). Two or more posts with the same such prefix form a group
named by it. A slug that is just the slugified title ("ghost-in-the-shellcode-x") says
nothing: its words are all in the title. Measured on both corpora before it was
written: 26 prefixes shared by two or more posts, 25 of them a declared series (on six
blogs, in four languages); the one that was not came from a slug that translates a
Korean title, which the "mostly the title's own words" check now refuses.

When the slug ends with the whole title, what comes before it is the prefix, though
the title shares a word with the name ("nodejs-y-express-peticiones-y-respuestas");
and a ".js" the slugs spell three ways ("nodejs", "node-js", "node") is one name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from readinglist.feeds.series.openings import OPENERS
from readinglist.feeds.series.post import (
    FORM_TOPIC,
    FORM_URL_NAME,
    FORM_URL_WORD,
    Post,
    common_spelling,
)
from readinglist.feeds.series.rules import humanize_slug, normalize
from readinglist.feeds.series.titles import MEDIUM

__all__ = ["slug_prefix_names"]

_MIN_PREFIX_WORDS = 2
_MIN_POSTS = 2
_TITLE_SHARE = 0.6
"""Of the slug's words after the prefix, at least this share must be the title's."""


def slug_prefix_names(items: list[Post]) -> None:
    """Group standalone posts whose slugs put the same series name before the title."""
    groups: dict[tuple[str, ...], list[Post]] = defaultdict(list)
    grouped: dict[str, list[Post]] = defaultdict(list)
    prefixes: dict[int, tuple[str, ...]] = {}
    spellings: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for i, p in enumerate(items):
        if p.form == FORM_TOPIC or p.url is None:
            continue
        spelled = _prefix(p.url.slug, p.title)
        if spelled is None:
            if p.key is not None:
                grouped[p.key].append(p)
            continue
        prefix = _without_js(spelled)
        spellings[prefix].append("-".join(spelled))
        prefixes[i] = prefix
        if p.key is None or p.form == FORM_URL_WORD:
            # "laravel-4-desde-cero-x" read as part 4 of "laravel": the prefix says more
            groups[prefix].append(p)
        else:
            grouped[p.key].append(p)
    named = {prefix: posts for prefix, posts in groups.items() if len(posts) >= _MIN_POSTS}
    # a smaller group whose every slug carries the same series name lives inside it:
    # "laravel-4-desde-cero-filtros-parte-i", "...-parte-ii" are a topic of the course
    by_post = {id(items[i]): prefix for i, prefix in prefixes.items()}
    for posts in grouped.values():
        inner = {by_post.get(id(p)) for p in posts}
        if len(inner) == 1 and (outer := inner.pop()) in named:
            named[outer].extend(posts)
    for prefix in sorted(named):
        name = humanize_slug(common_spelling(spellings[prefix]) or "-".join(prefix))
        key = normalize(name)
        if not key:
            continue
        for p in named[prefix]:
            p.key, p.name, p.part, p.strength = key, name, None, MEDIUM
            p.form, p.short_title = FORM_URL_NAME, p.title


def _prefix(slug: str, title: str) -> tuple[str, ...] | None:
    """The slug's leading words that the title lacks, when the rest is the title."""
    if sum(slug.count(c) for c in "-_.") < _MIN_PREFIX_WORDS:
        return None  # too few words for a name and a title
    first = _FIRST_WORD.match(slug)
    if first is None or first[0] in title.lower():
        return None  # most slugs are the title itself: no prefix, and cheap to say so
    words = [w for w in re.split(r"[-_.]+", _fold(slug)) if w]
    title_seq = [w for w in re.split(r"[^a-z0-9]+", _fold(title)) if w]
    title_words = set(title_seq)
    if not title_words:
        return None
    k = _title_at_end(words, title_seq)
    if k is None:
        k = 0
        while k < len(words) and words[k] not in title_words:
            k += 1
    rest = words[k:]
    if k < _MIN_PREFIX_WORDS or not rest:
        return None
    if sum(1 for w in rest if w in title_words) < _TITLE_SHARE * len(rest):
        return None  # the slug translates the title, or was written apart from it
    lead = 0
    while lead < k and words[lead].isdigit():
        lead += 1  # a date or an id in front: "2021-05-x", "20041122-blogspot-x"
    if k - lead < _MIN_PREFIX_WORDS:
        return None
    words = words[lead:]
    k -= lead
    if all(w in OPENERS for w in words[:k]):
        return None  # a question put in front ("what-is-x" for "X란?", "how-to-y"): phrasing
    return tuple(words[:k])


_FIRST_WORD = re.compile(r"[a-z0-9]+")


def _without_js(prefix: tuple[str, ...]) -> tuple[str, ...]:
    """One name however a slug spells a ".js": "nodejs-y-express", "node-js-y-express"
    and "node-y-express" are one course ("Node.js y Express") on one site."""
    words = [w[:-2] if len(w) > 4 and w.endswith("js") else w for w in prefix]
    return tuple(w for i, w in enumerate(words) if w != "js" or i == 0)


def _title_at_end(words: list[str], tail: list[str]) -> int | None:
    """Where the title's words (``tail``) start, when the slug ends with all of them.

    "nodejs-y-express-peticiones-y-respuestas" for "Peticiones y Respuestas": the title's
    own "y" would end the prefix at its first word, though the whole title follows it.
    """
    if not tail or len(words) <= len(tail) or words[-len(tail) :] != tail:
        return None
    return len(words) - len(tail)


def _fold(text: str) -> str:
    """Lower case ASCII: "Submódulos" -> "submodulos" (slugs drop the accents)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
