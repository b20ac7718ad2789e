"""The words of a filter in a text: where they are, and a short excerpt around them.

Pure (no DB, no Qt): storage cuts the excerpt from an article's indexed text, the window
draws the matched words in bold. Why not FTS5's own ``snippet()``: asked for one row of a
word that is in every article, it walks that word's whole posting list, about 10 ms a
row on a 100k library; cutting the excerpt here from the row's text costs microseconds.

Words match the way the search does (``storage.article_store.fts_query``): each word of
the filter is the start of a word in the text, case ignored. Diacritics are not folded
here, so "cafe" finds "café" in the search but is not marked in the excerpt; the excerpt
then shows the text's opening words.
"""

from __future__ import annotations

import re

#: A piece of text and whether it is one of the filter's words.
Segment = tuple[str, bool]

_TOKEN = re.compile(r"\w+", re.UNICODE)
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
WIDTH = 140  # characters of context in an excerpt, about one line of the results list


def match_pattern(text: str) -> re.Pattern[str] | None:
    """The filter's words as one pattern (None when it has no words)."""
    words = sorted({w.casefold() for w in _TOKEN.findall(text)}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)


def highlight(text: str, pattern: re.Pattern[str] | None) -> tuple[Segment, ...]:
    """``text`` cut into plain and matched pieces, in order."""
    if pattern is None:
        return ((text, False),) if text else ()
    out: list[Segment] = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            out.append((text[at : m.start()], False))
        out.append((m.group(), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return tuple(out)


def excerpt(text: str, pattern: re.Pattern[str] | None, width: int = WIDTH) -> str:
    """About ``width`` characters of ``text`` around its first match (whitespace folded),
    cut at word boundaries with an ellipsis where text was left out; "" without a match."""
    if pattern is None or not text:
        return ""
    first = pattern.search(text)
    if first is None:
        return ""
    # Fold whitespace only near the match: bodies are up to a few KB.
    lo, hi = max(0, first.start() - 2 * width), first.end() + 2 * width
    head, word, tail = text[lo : first.start()], first.group(), text[first.end() : hi]
    head = " ".join(head.split()) + (" " if head[-1:].isspace() else "")
    tail = (" " if tail[:1].isspace() else "") + " ".join(tail.split())
    room = max(0, width - len(word))
    before = min(len(head), room // 3)  # a little before the word, most of it after
    after = room - before
    if before < len(head):
        cut = head[len(head) - before :]
        space = cut.find(" ")
        head = ELLIPSIS + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut)
    elif lo > 0:
        head = ELLIPSIS + head
    if after < len(tail):
        cut = tail[:after]
        space = cut.rfind(" ")
        tail = (cut[:space] if space > 0 else cut) + ELLIPSIS
    elif hi < len(text):
        tail = tail + ELLIPSIS
    return head + word + tail


def opening(text: str, width: int = WIDTH) -> str:
    """The first ``width`` characters of ``text`` (whitespace folded), cut at a word."""
    folded = " ".join(text[: 4 * width].split())
    if len(folded) <= width and len(text) <= 4 * width:
        return folded
    cut = folded[:width]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + ELLIPSIS
