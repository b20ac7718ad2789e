"""Where a highlight sits in a text, and finding it again when the text changes.

A highlight is anchored the way the W3C Web Annotation model does it: the exact quote
with a little text before and after it (a ``TextQuoteSelector``) plus a position hint
(a ``TextPositionSelector``). Positions alone break with the first edit of the text;
a quote alone is ambiguous when the same words occur twice. Together they survive a
refetch, an edited post or a feed update, and say clearly when they cannot: ``locate``
answers ``None`` and the highlight is kept as orphaned, never deleted.

Matching ignores differences in whitespace (a page and its feed wrap text
differently). Pure: strings in, offsets out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CONTEXT_CHARS", "TextAnchor", "anchor_quote", "locate", "whole_words"]

#: Characters of context kept on each side of a quote (Hypothesis keeps 32 too).
CONTEXT_CHARS = 32

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class TextAnchor:
    """A quote in a text: ``text[start:end]`` matches ``exact`` (whitespace aside)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def _pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _anchor_at(text: str, start: int, end: int) -> TextAnchor:
    return TextAnchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def anchor_quote(text: str, quote: str, *, near: int | None = None) -> TextAnchor | None:
    """Anchor ``quote`` in ``text``: the occurrence nearest ``near`` (the first when no
    hint is given). ``None`` when the quote is not in the text, or is only whitespace."""
    pattern = _pattern(quote)
    if pattern is None:
        return None
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    hint = matches[0].start() if near is None else near
    best = min(matches, key=lambda m: abs(m.start() - hint))
    return _anchor_at(text, best.start(), best.end())


def _common_tail(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their ends (whitespace-normalized)."""
    a, b = _SPACE.sub(" ", a), _SPACE.sub(" ", b)
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_head(a: str, b: str) -> int:
    a, b = _SPACE.sub(" ", a), _SPACE.sub(" ", b)
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def locate(text: str, anchor: TextAnchor) -> TextAnchor | None:
    """Find ``anchor`` in a (possibly changed) ``text``; ``None`` when its quote is gone.

    Every occurrence of the quote is scored by how much of the saved prefix and suffix
    still surrounds it; ties go to the occurrence nearest the old position. The answer
    carries the new position and context, ready to be stored again.
    """
    pattern = _pattern(anchor.exact)
    if pattern is None:
        return None
    best: tuple[int, int, int, int] | None = None  # (-context, distance, start, end)
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        before = text[max(0, start - len(anchor.prefix) - 8) : start]
        after = text[end : end + len(anchor.suffix) + 8]
        context = _common_tail(before, anchor.prefix) + _common_head(after, anchor.suffix)
        candidate = (-context, abs(start - anchor.start), start, end)
        if best is None or candidate < best:
            best = candidate
    if best is None:
        return None
    return _anchor_at(text, best[2], best[3])


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` widened to whole words and stripped of surrounding whitespace: a
    selection dragged by hand rarely starts and ends exactly on a word's edges."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
