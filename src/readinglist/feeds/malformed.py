"""Tell a broken feed document from one that is merely untidy (pure, bytes in).

feedparser parses strictly with expat first; on the first well-formedness error it
sets ``bozo`` and re-reads the whole document with its forgiving parser. That second
pass is why most "bozo" feeds lose nothing: an HTML entity without a DTD
(``&nbsp;``), a bare ``&``, a control character, an undeclared ``dc:`` prefix, a blank
line before ``<?xml``, a PHP warning after ``</rss>`` — every entry is still read.
Flagging those would mark thousands of real feeds as failed for ever, with nothing
their readers could do and nothing lost, so they are only a warning.

Two faults do lose entries, and those are what :func:`find_fault` reports:

* **cut off** — the document ends before its root element closes (a server or cache
  that stored half a file, sent with a matching Content-Length). expat says "no
  element found", "unclosed token", "partial character" or "unclosed CDATA
  section"; we also check for the root's end tag ourselves, because expat stops at
  the *first* error and an early ``&nbsp;`` would hide the cut. The entry the cut
  falls in is incomplete (a title without a body, half a title), so it is dropped.
* **broken structure** — "mismatched tag": the forgiving parser re-nests elements by
  guesswork and entries lose fields or merge (``tests/test_parse.py`` shows titles
  vanishing).

The feedparser project's own corpus (``../shared/corpora/feedparser``) raises, after
our charset handling: undefined entity (245 files), unclosed token (12), invalid
token (9), no element found (2), XML declaration not at start (2), unbound prefix (1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Fault", "find_fault", "last_entry_is_cut"]

#: expat's words when the input ended too early
TRUNCATION_ERRORS = frozenset(
    {"no element found", "unclosed token", "partial character", "unclosed CDATA section"}
)
#: expat's words for element structure the forgiving parser can only guess at
STRUCTURE_ERRORS = frozenset({"mismatched tag"})

_BLANK = b" \t\r\n\x00"
_ROOT = re.compile(
    rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*<([A-Za-z_][\w.:-]*)([^<>]*)>",
    re.DOTALL,
)
_ENTRY_START = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(?:item|entry))(\s[^<>]*)?>")


@dataclass(frozen=True, slots=True)
class Fault:
    """A fault that may have cost entries: ``cut`` (truncated) or a broken structure."""

    cut: bool
    reason: str  # expat's words ("no element found"), or why we think it was cut
    line: int | None

    def describe(self, kept: int) -> str:
        """The feed's error text, naming how many entries were kept."""
        where = f" at line {self.line}" if self.line else ""
        if self.cut:
            head = f"the feed is malformed (cut off{where}: {self.reason})"
        else:
            head = f"the feed is malformed ({self.reason}{where})"
        if kept == 0:
            return f"{head}: no entries could be read"
        noun = "entry" if kept == 1 else "entries"
        if self.cut:
            return f"{head}: kept the {kept} {noun} before the cut"
        return f"{head}: kept the {kept} {noun} that could be read"


def find_fault(content: bytes, exc: object, *, ascii_compatible: bool) -> Fault | None:
    """The fault behind feedparser's bozo exception ``exc``, or None when it is harmless.

    ``content`` is the document as parsed; ``ascii_compatible`` says whether markup can be
    searched in its bytes (not for UTF-16/32 or EBCDIC, where only expat's words count).
    """
    reason = _expat_reason(exc)
    if reason is None:  # not an XML error: an encoding override, a content type ...
        return None
    line = _expat_line(exc)
    if reason in TRUNCATION_ERRORS:
        end_line = _end_line(content) if ascii_compatible else line
        return Fault(cut=True, reason=reason, line=end_line)
    if ascii_compatible:
        root = _root_name(content)
        if root is not None and not _root_closed(content, root):
            name = root.decode("ascii", "replace")
            return Fault(cut=True, reason=f"no </{name}> at the end", line=_end_line(content))
    if reason in STRUCTURE_ERRORS:
        return Fault(cut=False, reason=reason, line=line)
    return None


def last_entry_is_cut(content: bytes) -> bool:
    """Whether the last ``<item>``/``<entry>`` opened in ``content`` never closes."""
    last = None
    for match in _ENTRY_START.finditer(content):
        last = match
    if last is None or (last.group(2) or b"").rstrip().endswith(b"/"):
        return False
    close = re.compile(rb"</" + re.escape(last.group(1)) + rb"\s*>")
    return close.search(content, last.end()) is None


def _expat_reason(exc: object) -> str | None:
    get_message = getattr(exc, "getMessage", None)
    if get_message is None or not callable(getattr(exc, "getLineNumber", None)):
        return None
    try:
        text = str(get_message())
    except Exception:  # a SAX exception without a message: still an XML error
        return type(exc).__name__
    return " ".join(text.split()) or type(exc).__name__


def _expat_line(exc: object) -> int | None:
    try:
        line = exc.getLineNumber()  # type: ignore[attr-defined]
    except Exception:
        return None
    return line if isinstance(line, int) and line > 0 else None


def _end_line(content: bytes) -> int:
    """The line the document's last non-blank byte is on (where it was cut)."""
    return content.rstrip(_BLANK).count(b"\n") + 1


def _root_name(content: bytes) -> bytes | None:
    match = _ROOT.match(content.lstrip(b"\xef\xbb\xbf"))
    if match is None or match.group(2).rstrip().endswith(b"/"):
        return None  # no root element found, or <rss/>: nothing to close
    return match.group(1)


def _root_closed(content: bytes, root: bytes) -> bool:
    tag = b"</" + root
    end = len(content)
    while (at := content.rfind(tag, 0, end)) >= 0:
        rest = content[at + len(tag) : at + len(tag) + 64]
        if rest.lstrip(b" \t\r\n").startswith(b">"):
            return True
        end = at
    return False
