"""The main text of an article's web page, and how many words it has (pure: bytes in).

Used by "Full text from the site" and "Fetch full length": when a feed carries only a
teaser, the article is read from its own page. A page is mostly furniture (menus,
banners, sidebars, comment threads, share buttons, scripts); telling the article from
it is a research problem of its own, so it is left to **trafilatura**, the extraction
library that leads the published benchmarks (F1 0.95 on the 181 pages of
``../shared/corpora/article-extraction/``, against 0.885 for the hand-written
heuristics this module held before; ``bench/extraction_bench.py`` measures both paths).

What this module adds around it:

* **Decoding** stays ours (a BOM, then a declared ``<meta charset>``, then UTF-8 with a
  cp1252 fallback) and only the first ``MAX_PAGE_BYTES`` are read: a huge page costs a
  bounded parse, never a hang.
* **Markup**: trafilatura's own document (``head``, ``p``, ``list``/``item``,
  ``quote``, ``code``, ``hi``, ``ref``, ``graphic``, ``table``/``row``/``cell``, ``lb``)
  is written back as plain HTML here, without pretty-printing (which puts indentation
  inside code blocks) and with a code block's inner ``<code>`` folded into its
  ``<pre>``. Links and images keep their absolute addresses (resolved against the page).
* **Not yet safe to show**: the caller sanitizes the result with the same allowlist as
  feed content (``sanitize_html``), which drops anything the extractor let through.
* trafilatura (and lxml under it) is imported on first use, on a worker thread: it
  costs ~0.2 s and the window's start must not pay it.

Words are counted by ``sanitize.word_count`` (the same rules as feed content).
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Any

from readinglist.feeds.sanitize import html_to_text, word_count

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["MAX_PAGE_BYTES", "main_html", "main_text", "page_word_count"]

#: Bytes of a page that are read; the rest is ignored (article text comes early).
MAX_PAGE_BYTES = 4 * 1024 * 1024

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)

# trafilatura's ``hi rend`` values (its formatting marks) and the HTML they stand for.
_EMPHASIS = {
    "#b": "strong",
    "#i": "em",
    "#u": "u",
    "#t": "code",
    "#sub": "sub",
    "#sup": "sup",
    "#s": "s",
}
_SIMPLE = {"p": "p", "quote": "blockquote", "item": "li", "lb": "br", "row": "tr", "table": "table"}
_FOLD = "readinglist-fold"  # marks an element whose text and children join its parent
# Where a ``code`` element is a word in a sentence rather than a block of its own (its
# parent is already renamed: the walk goes in document order).
_INLINE_PARENTS = frozenset(
    {"p", "strong", "em", "u", "sub", "sup", "s", "a", "li", "td", "th", "span"}
    | {f"h{level}" for level in range(1, 7)}
)


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


def _extract(page: str, url: str | None) -> _Element | None:
    """trafilatura's document body for the page, or None when it found no article."""
    import trafilatura

    try:
        document: Any = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            include_images=True,
            include_links=True,
            include_formatting=True,
        )
    except Exception:  # a page it cannot read is a page with no article text
        return None
    body = getattr(document, "body", None)
    return body if body is not None and len(body) else None


def _to_html(node: _Element) -> None:
    """Rename trafilatura's elements to HTML, in place (see the module notes)."""
    for elem in list(node.iter()):
        tag = str(elem.tag)
        attrs = dict(elem.attrib)
        elem.attrib.clear()
        parent = elem.getparent()
        parent_tag = str(parent.tag) if parent is not None else ""
        if tag == "head":
            level = attrs.get("rend", "h3")
            elem.tag = level if re.fullmatch(r"h[1-6]", level) else "h3"
        elif tag == "hi":
            elem.tag = _EMPHASIS.get(attrs.get("rend", ""), "em")
        elif tag == "ref":
            elem.tag = "a"
            if attrs.get("target"):
                elem.set("href", attrs["target"])
        elif tag == "graphic":
            elem.tag = "img"
            for name in ("src", "alt", "title"):
                if attrs.get(name):
                    elem.set(name, attrs[name])
        elif tag == "list":
            elem.tag = "ol" if attrs.get("rend") == "ol" else "ul"
        elif tag == "cell":
            elem.tag = "th" if attrs.get("role") == "head" else "td"
        elif tag == "code":
            if parent_tag in ("code", "pre"):
                elem.tag = _FOLD  # a block's inner <code>: its text belongs to the <pre>
            else:
                elem.tag = "code" if parent_tag in _INLINE_PARENTS else "pre"
        elif tag in _SIMPLE:
            elem.tag = _SIMPLE[tag]
        elif tag != "body":
            elem.tag = "div"
    from lxml import etree

    etree.strip_tags(node, _FOLD)


def main_html(html_bytes: bytes, url: str | None = None) -> str:
    """The markup of the page's main part, or "" when it has none (an empty page, a
    page of links). ``url`` is the page's address: relative links and images are made
    absolute against it. Not yet safe to show: the caller sanitizes it."""
    if not html_bytes:
        return ""
    body = _extract(_decode(html_bytes), url)
    if body is None:
        return ""
    from lxml import etree

    _to_html(body)
    body.tag = "div"
    return etree.tostring(body, method="html", encoding="unicode", with_tail=False)


def main_text(html_bytes: bytes, url: str | None = None) -> str:
    """The plain text of the page's main part."""
    return html_to_text(main_html(html_bytes, url))


def page_word_count(html_bytes: bytes, url: str | None = None) -> int:
    """Words in the main text of an article page (0 when it has none)."""
    return word_count(main_html(html_bytes, url))
