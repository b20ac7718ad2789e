"""How the big, rarely read text columns are kept on disk: zlib-compressed BLOBs.

An article's HTML (``summary_html``, ``content_html``), a kept full text
(``fulltext.html``) and the text the search index was fed (``search_text.body``) are
most of a library's bytes, yet they are read one article at a time: when an article is
shown, exported, re-anchored or excerpted. Lists, counts and searches never read them.
So they are stored compressed (zlib, about 45 % of the text's size for blog prose) and
unpacked only by the few readers that need the text, all in ``storage/``.

The columns keep their declared type (TEXT): SQLite stores a BLOB in a TEXT column
as it is, so a value is either

* ``str``: the text itself (short values, where zlib's frame costs more than it saves,
  and rows written before the compact-storage migration that it has not reached), or
* ``bytes``: ``zlib.compress`` of its UTF-8.

One more form, for the summary only: an Atom entry without a summary has its content
copied into the summary by feedparser, so half of all feeds carried the same HTML
twice. A summary equal to the content is stored as ``SAME_AS_CONTENT`` (a zero-length
BLOB, which zlib never produces and no text is).
"""

from __future__ import annotations

import zlib

COMPRESS_FROM = 96  # characters; below this zlib's frame and cold start save nothing
LEVEL = 6  # zlib's default: level 9 saves under 1 % more at twice the time
SAME_AS_CONTENT = b""

Stored = str | bytes


def pack(text: Stored | None) -> Stored:
    """The stored form of ``text``: compressed when that makes it smaller. A value
    already packed (bytes) is returned as it is, so packing twice changes nothing."""
    if isinstance(text, bytes):
        return text
    if not text:
        return ""
    if len(text) < COMPRESS_FROM:
        return text
    packed = zlib.compress(text.encode("utf-8", "surrogatepass"), LEVEL)
    return packed if len(packed) < len(text) else text


def unpack(value: Stored | memoryview | None) -> str:
    """The text of a stored value, whichever form it has."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    data = bytes(value)
    if not data:
        return ""  # SAME_AS_CONTENT read as a plain column: see ``unpack_summary``
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def pack_summary(summary: Stored | None, content: Stored | None) -> Stored:
    """The stored summary: ``SAME_AS_CONTENT`` when it repeats the content."""
    if isinstance(summary, str) and summary and summary == content:
        return SAME_AS_CONTENT
    return pack(summary)


def unpack_summary(value: Stored | memoryview | None, content: str) -> str:
    """The summary's text; ``content`` is the article's unpacked content."""
    if isinstance(value, bytes | memoryview) and not bytes(value):
        return content
    return unpack(value)
