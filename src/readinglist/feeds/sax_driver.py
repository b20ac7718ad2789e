"""The SAX driver feedparser reads feeds with: the standard library's expat reader,
with expat's ``buffer_text`` on.

Why: expat reports character data in pieces, a new piece at every line break and at
every entity reference. A feed carries its articles as escaped HTML
(``&lt;p&gt;A &amp; B&lt;/p&gt;``), so a 2 KB article arrives as a few hundred pieces,
and feedparser's ``handle_data`` (a ``FeedParserDict`` lookup and a list append each)
ran about 370 times per entry: a third of a big first sync's parsing time. With
``buffer_text`` expat joins a run of character data into one call, flushed before the
next element, comment or processing instruction. feedparser only ever joins the
pieces (``"".join`` when the element ends; escaping for XHTML content is per
character), so the parsed result is the same, entry for entry
(``tests/test_sax_driver.py`` compares both drivers on generated feeds).

How: feedparser builds its strict parser with ``xml.sax.make_parser(
feedparser.api.PREFERRED_XML_PARSERS)``, which takes the first driver module in that
list that imports and falls back to the stock expat reader; ``feeds.parse`` puts this
module's name first in the list. Everything else is the stock reader: namespaces,
external entities off, the same errors (a fatal error still makes feedparser re-read
the document with its loose parser, from the start).
"""

from __future__ import annotations

from typing import Any
from xml.sax import expatreader

__all__ = ["BufferedExpatParser", "create_parser"]


class BufferedExpatParser(expatreader.ExpatParser):
    """``xml.sax.expatreader.ExpatParser`` that asks expat to buffer character data."""

    def reset(self) -> None:
        super().reset()
        self._parser.buffer_text = True  # type: ignore[attr-defined]


def create_parser(*args: Any, **kwargs: Any) -> BufferedExpatParser:
    """The entry point ``xml.sax.make_parser`` looks for in a driver module."""
    return BufferedExpatParser(*args, **kwargs)
