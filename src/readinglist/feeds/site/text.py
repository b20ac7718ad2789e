"""The main text of an article's web page, and how many words it has (pure: bytes in).

Used by "Fetch full length": when a feed carries only a summary, the reading time comes
from the article's own page. A page is mostly furniture (menus, banners, sidebars,
comment forms, scripts), so the text is looked for in this order:

1. the largest ``<article>`` element;
2. else ``<main>`` (or ``role="main"``);
3. else the element whose own ``<p>`` children hold the most words (the largest block
   of paragraphs), counted whole so its lists, headings and code count too;
4. else the whole ``<body>``.

``nav``, ``header``, ``footer``, ``aside``, ``script``, ``style`` (and forms, frames,
templates, and elements whose ``role`` says navigation, banner, contentinfo or
complementary) are dropped with everything inside them, wherever they are. An
``<article>`` or ``<main>`` is only trusted when it holds at least half the words of
the largest paragraph block: a page of teaser cards does not make one card the article.

Words are counted by ``sanitize.word_count`` (the same rules as feed content: a word has
a letter or digit, block tags separate words, two Han or kana characters make one word).
The page is read with the standard library's ``html.parser``: no script runs, nothing
is loaded, and bad markup never raises.
"""

from __future__ import annotations

import codecs
import html
import re
from html.parser import HTMLParser

from readinglist.feeds.sanitize import html_to_text, word_count

__all__ = ["MAX_PAGE_BYTES", "main_html", "main_text", "page_word_count"]

#: Bytes of a page that are read; the rest is ignored (article text comes early).
MAX_PAGE_BYTES = 4 * 1024 * 1024

# Dropped together with everything inside them.
_DROPPED_TAGS = frozenset(
    {
        "nav", "header", "footer", "aside", "script", "style", "noscript", "template",
        "head", "title", "button", "select", "textarea", "iframe", "svg", "math",
        "object", "embed", "dialog", "menu",
    }
)  # fmt: skip
_DROPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_VOID_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
# Phrasing elements: a block start tag closes an open <p> through these (HTML's rule,
# simplified), so "<p>a <em>b<div>" does not put the div inside the paragraph.
_INLINE_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
_CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
        "table", "ul",
    }
)  # fmt: skip
_SAFE_TAG = re.compile(r"[a-z][a-z0-9-]*\Z")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)

#: An <article>/<main> must hold at least this share of the largest paragraph block.
_CONTAINER_SHARE = 0.5


class _Node:
    __slots__ = ("children", "dropped", "main", "parent", "tag")

    def __init__(
        self, tag: str, parent: _Node | None, *, dropped: bool = False, main: bool = False
    ) -> None:
        self.tag = tag
        self.parent = parent
        self.dropped = dropped
        self.main = main  # <main>, or any element with role="main"
        self.children: list[_Node | str] = []


class _TreeBuilder(HTMLParser):
    """A small, forgiving element tree: enough to find and serialise the main text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", None)
        self._stack: list[_Node] = [self.root]

    @property
    def _top(self) -> _Node:
        return self._stack[-1]

    def _close_through(self, index: int) -> None:
        del self._stack[index:]
        if not self._stack:
            self._stack.append(self.root)

    def _open_index(self, tag: str, *, through: frozenset[str] | None = None) -> int | None:
        """Stack index of the nearest open ``tag``; with ``through``, only when every
        element above it is one of those tags."""
        for index in range(len(self._stack) - 1, 0, -1):
            node = self._stack[index]
            if node.tag == tag:
                return index
            if through is not None and node.tag not in through:
                return None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> _Node:
        if tag == "body":  # a <head> nobody closed must not swallow the page
            index = self._open_index("head")
            if index is not None:
                self._close_through(index)
        if tag in _CLOSES_P:
            index = self._open_index("p", through=_INLINE_TAGS)
            if index is not None:
                self._close_through(index)
        elif tag in ("li", "dt", "dd"):
            siblings = ("li",) if tag == "li" else ("dt", "dd")
            for sibling in siblings:
                index = self._open_index(sibling, through=_INLINE_TAGS | {"p", "div"})
                if index is not None:
                    self._close_through(index)
                    break
        role = ""
        for name, value in attrs:
            if name == "role" and value:
                role = value.strip().lower()
        node = _Node(
            tag,
            self._top,
            dropped=tag in _DROPPED_TAGS or role in _DROPPED_ROLES,
            main=tag == "main" or role == "main",
        )
        self._top.children.append(node)
        if tag not in _VOID_TAGS:
            self._stack.append(node)
        return node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = self._start(tag, attrs)  # "<div/>" opens and closes at once
        if self._top is node:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        index = self._open_index(tag)
        if index is not None:
            self._close_through(index)

    def handle_data(self, data: str) -> None:
        if data:
            self._top.children.append(html.escape(data, quote=False))


def _decode(content: bytes) -> str:
    data = content[:MAX_PAGE_BYTES]
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = None
        if name is not None and name != "utf-8" and not name.startswith("utf-16"):
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # only the cut at MAX_PAGE_BYTES split a character
            return data.decode("utf-8", errors="ignore")
        return data.decode("cp1252", errors="replace")


def _parse(content: bytes) -> _Node:
    builder = _TreeBuilder()
    try:
        builder.feed(_decode(content))
        builder.close()
    except (AssertionError, ValueError):
        pass  # keep what was read so far
    return builder.root


def _serialize(node: _Node) -> str:
    """The node's markup without attributes or dropped parts (text already escaped)."""
    out: list[str] = []
    todo: list[_Node | str] = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        if item.dropped:
            continue
        if _SAFE_TAG.match(item.tag):
            out.append(f"<{item.tag}>")
            todo.append(f"</{item.tag}>")
        todo.extend(reversed(item.children))
    return "".join(out)


def _words(node: _Node) -> int:
    return word_count(_serialize(node))


def _walk(root: _Node) -> list[_Node]:
    """Every element outside dropped parts, in document order."""
    found: list[_Node] = []
    todo: list[_Node] = [root]
    while todo:
        node = todo.pop()
        if node.dropped:
            continue
        found.append(node)
        todo.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return found


def _main_node(root: _Node) -> _Node:
    elements = _walk(root)
    paragraph_words: dict[int, tuple[_Node, int]] = {}
    for node in elements:
        if node.tag == "p" and node.parent is not None:
            parent = node.parent
            _, total = paragraph_words.get(id(parent), (parent, 0))
            paragraph_words[id(parent)] = (parent, total + _words(node))
    block: _Node | None = None
    block_words = 0
    for parent, total in paragraph_words.values():
        if total > block_words:
            block, block_words = parent, total
    for tag in ("article", "main"):
        best: _Node | None = None
        best_words = 0
        for node in elements:
            if node.main if tag == "main" else node.tag == tag:
                n = _words(node)
                if n > best_words:
                    best, best_words = node, n
        if best is not None and best_words >= _CONTAINER_SHARE * block_words:
            return best
    if block is not None:
        return block
    for node in elements:
        if node.tag == "body":
            return node
    return root


def main_html(html_bytes: bytes, url: str | None = None) -> str:
    """The markup of the page's main part, tags only: no attributes (so no scripts,
    handlers, styles, links or images), no dropped parts. Not yet safe to show: the
    caller sanitizes it like feed content. Empty for an empty page."""
    if not html_bytes:
        return ""
    return _serialize(_main_node(_parse(html_bytes)))


def main_text(html_bytes: bytes, url: str | None = None) -> str:
    """The plain text of the page's main part (see the module notes for the rules)."""
    return html_to_text(_serialize(_main_node(_parse(html_bytes))))


def page_word_count(html_bytes: bytes, url: str | None = None) -> int:
    """Words in the main text of an article page (0 when it has none).

    ``url`` is the page's address; the count does not depend on it (it names the page
    in the caller's messages and keeps the signature of the other ``feeds`` readers).
    """
    if not html_bytes:
        return 0
    return _words(_main_node(_parse(html_bytes)))
