"""A series as an e-book: every part present, in part order, with its text, the reader's
note and highlights, as an EPUB 3 file an e-reader opens (and ``epubcheck`` accepts).

The container (package document, navigation, NCX for older readers, the zip layout with
its uncompressed ``mimetype`` first) is EbookLib's: a kept library whose whole job this
is. What goes into each chapter is decided here:

* **The text** is the stored full text when there is one, else the feed's content:
  what the pane shows. It was sanitized when stored; here it is narrowed again to what
  EPUB's XHTML accepts everywhere (tags outside the list become ``span``/``div``,
  attributes other than links, image sources and table spans go, ids go so no two
  chapters clash, headings step down under the chapter's own ``h1``).
* **Images**: an EPUB may not load pictures from the web, so an image goes in only
  when the image cache holds it (the article was read with images loaded, or kept
  offline) in a format every reader shows (PNG, JPEG, GIF); otherwise its alt text
  stands in its place, in brackets, so nothing silently disappears.
* **Highlights** are marked (``<mark>``) where their quote is found in the text, and
  all of them — the orphaned too — are listed after the article with their comments,
  under the note.
* Parts missing from the library are named on the title page: a series with a hole
  in it should not read as complete.
"""

from __future__ import annotations

import html
import io
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from readinglist.model.parts import format_part_ranges, part_words
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, Highlight
from readinglist.storage.store import Store

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["export_epub"]

#: Image bytes by address, or None (the image cache's ``get``).
ImageSource = Callable[[str], bytes | None]

CSS = """\
body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
p.byline { color: #555; font-size: 0.9em; margin-top: 0; }
mark { background: #fff3a0; }
.image-alt { font-style: italic; color: #555; }
section.notes { border-top: 1px solid #999; margin-top: 2em; padding-top: 0.5em; }
section.notes blockquote { margin: 0.8em 0 0.2em 1em; font-style: italic; }
p.comment { margin: 0 0 0 1em; }
p.orphaned { color: #777; font-size: 0.9em; }
pre { white-space: pre-wrap; font-size: 0.85em; }
"""

# What chapter text may keep (XHTML that every EPUB 3 reader renders).
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption",
        "hr", "h2", "h3", "h4", "h5", "h6", "section", "aside",
    }
)  # fmt: skip
_INLINE_TAGS = frozenset(
    {
        "a", "abbr", "b", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u",
        "var",
    }
)  # fmt: skip
_HEADING_DOWN = {"h1": "h2", "h2": "h3", "h3": "h4", "h4": "h5", "h5": "h6", "h6": "h6"}
_IMAGE_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)
_SAFE_HREF = re.compile(r"^(https?|mailto):", re.IGNORECASE)


@dataclass(slots=True)
class _Image:
    file_name: str
    media_type: str
    data: bytes


class _Images:
    """The pictures that go into the book, one file each however often they appear."""

    def __init__(self, source: ImageSource | None) -> None:
        self._source = source
        self.by_url: dict[str, _Image | None] = {}

    def file_for(self, url: str) -> str | None:
        if url not in self.by_url:
            self.by_url[url] = self._load(url)
        image = self.by_url[url]
        return image.file_name if image is not None else None

    def _load(self, url: str) -> _Image | None:
        data = self._source(url) if self._source is not None and url else None
        if not data:
            return None
        for magic, media_type, ext in _IMAGE_TYPES:
            if data.startswith(magic):
                n = sum(1 for image in self.by_url.values() if image is not None) + 1
                return _Image(f"images/image-{n:04d}.{ext}", media_type, data)
        return None  # WebP, SVG, anything else: not a core type for every reader


def _quote_pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def _mark(root: HtmlElement, quote: str) -> bool:
    """Wrap the first place ``quote`` occurs inside one text run in ``<mark>``."""
    from lxml.html import Element

    pattern = _quote_pattern(quote)
    if pattern is None:
        return False
    for elem in root.iter():
        if not isinstance(elem.tag, str) or elem.tag == "mark":
            continue
        for where in ("text", "tail"):
            run = getattr(elem, where)
            match = pattern.search(run) if run else None
            if match is None or (where == "tail" and elem is root):
                continue
            mark = Element("mark")
            mark.text, mark.tail = match.group(0), run[match.end() :]
            setattr(elem, where, run[: match.start()])
            if where == "text":
                elem.insert(0, mark)
            else:
                parent = elem.getparent()
                assert parent is not None
                parent.insert(parent.index(elem) + 1, mark)
            return True
    return False


def _narrow(root: HtmlElement, images: _Images) -> None:
    """Keep only what EPUB's XHTML accepts (see the module notes), in place."""
    from lxml.html import Element

    for elem in list(root.iter()):
        if not isinstance(elem.tag, str):  # a comment or processing instruction
            elem.drop_tree()
            continue
        if elem is root:
            continue
        tag = elem.tag.lower()
        attrs = dict(elem.attrib)
        elem.attrib.clear()
        if tag == "img":
            src = attrs.get("src", "")
            file_name = images.file_for(src)
            alt = attrs.get("alt", "").strip()
            if file_name is not None:
                elem.set("src", file_name)
                elem.set("alt", alt)
                continue
            stand_in = Element("span")
            stand_in.set("class", "image-alt")
            stand_in.text = f"[Image: {alt}]" if alt else "[Image]"
            stand_in.tail = elem.tail
            elem.getparent().replace(elem, stand_in)
            continue
        if tag in _HEADING_DOWN:
            elem.tag = _HEADING_DOWN[tag]
        elif tag not in _BLOCK_TAGS and tag not in _INLINE_TAGS:
            elem.tag = "div" if tag in ("article", "main", "header", "footer", "nav") else "span"
        if tag == "a" and _SAFE_HREF.match(attrs.get("href", "")):
            elem.set("href", attrs["href"])
        elif tag in ("td", "th"):
            for name in ("colspan", "rowspan"):
                if attrs.get(name, "").isdigit() and int(attrs[name]) > 0:
                    elem.set(name, attrs[name])


def _body(fragment: str, highlights: list[Highlight], images: _Images) -> str:
    """The article's text as chapter XHTML: narrowed, highlights marked."""
    from lxml import html as lxml_html

    root = lxml_html.fragment_fromstring(fragment or "<p></p>", create_parent="div")
    _narrow(root, images)
    for h in highlights:
        if not h.orphaned:
            _mark(root, h.quote)
    inner = (html.escape(root.text) if root.text else "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in root
    )
    return inner


def _byline(article: Article) -> str:
    bits = []
    if article.author:
        bits.append(html.escape(article.author))
    if article.published is not None:
        bits.append(article.published.strftime("%-d %B %Y"))
    if article.link and _SAFE_HREF.match(article.link):
        bits.append(f'<a href="{html.escape(article.link)}">the original</a>')
    return f'<p class="byline">{" · ".join(bits)}</p>' if bits else ""


def _notes(article: Article, highlights: list[Highlight]) -> str:
    if not article.note and not highlights:
        return ""
    out = ['<section class="notes">']
    if article.note:
        out.append("<h2>Your note</h2>")
        out += [f"<p>{html.escape(line)}</p>" for line in article.note.splitlines() if line.strip()]
    if highlights:
        out.append("<h2>Highlights</h2>")
        for h in highlights:
            out.append(f"<blockquote><p>{html.escape(h.quote)}</p></blockquote>")
            if h.note:
                out.append(f'<p class="comment">{html.escape(h.note)}</p>')
            if h.orphaned:
                out.append('<p class="orphaned">(no longer found in the text)</p>')
    out.append("</section>")
    return "".join(out)


def _chapter_title(article: Article) -> str:
    title = article.title or article.link or f"Article {article.id}"
    if article.part is None:
        return title
    return f"{part_words(article.part, article.part_last)}: {title}"


def export_epub(store: Store, series_id: int, *, images: ImageSource | None = None) -> bytes:
    """The series as EPUB 3 bytes (raises ``SeriesNotFoundError`` for an unknown id)."""
    from ebooklib import epub

    series = store.get_series(series_id)
    feed = store.get_feed(series.feed_id)
    articles = store.list_articles(ArticleQuery(series_id=series_id, order="part"))
    marks: dict[int, list[Highlight]] = {a.id: [] for a in articles}
    for h in store.list_highlights([a.id for a in articles]):
        marks[h.article_id].append(h)
    pictures = _Images(images)

    book = epub.EpubBook()
    book.set_identifier(
        "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{feed.url}#series={series.key}"))
    )
    book.set_title(series.name)
    book.set_language("en")
    authors = sorted({a.author for a in articles if a.author})
    book.add_author(", ".join(authors) if authors else feed.title or feed.url)
    book.add_metadata("DC", "publisher", feed.title or feed.url)
    style = epub.EpubItem(
        uid="style", file_name="style/book.css", media_type="text/css", content=CSS
    )
    book.add_item(style)

    title_page = epub.EpubHtml(title=series.name, file_name="title.xhtml", lang="en")
    lines = [
        f"<h1>{html.escape(series.name)}</h1>",
        f"<p>From {html.escape(feed.title or feed.url)}: "
        f"{len(articles)} part{'s' if len(articles) != 1 else ''}.</p>",
    ]
    if series.missing:
        parts = "parts" if len(series.missing) > 1 else "part"
        lines.append(f"<p>Not in your library: {parts} {format_part_ranges(series.missing)}.</p>")
    when = datetime.now(UTC).strftime("%-d %B %Y")
    lines.append(f'<p class="byline">Exported by readinglist on {when}.</p>')
    title_page.content = "".join(lines)
    title_page.add_item(style)
    book.add_item(title_page)

    chapters = []
    for index, article in enumerate(articles, start=1):
        content = store.get_content(article.id)
        chapter = epub.EpubHtml(
            title=_chapter_title(article), file_name=f"part-{index:04d}.xhtml", lang="en"
        )
        chapter.content = (
            f"<h1>{html.escape(_chapter_title(article))}</h1>"
            + _byline(article)
            + _body(content.body_html, marks[article.id], pictures)
            + _notes(article, marks[article.id])
        )
        chapter.add_item(style)
        book.add_item(chapter)
        chapters.append(chapter)
    for image in pictures.by_url.values():
        if image is not None:
            book.add_item(
                epub.EpubItem(
                    uid=image.file_name.replace("/", "-").replace(".", "-"),
                    file_name=image.file_name,
                    media_type=image.media_type,
                    content=image.data,
                )
            )

    book.toc = [title_page, *chapters]
    book.spine = [title_page, "nav", *chapters]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    out = io.BytesIO()
    epub.write_epub(out, book, {"epub3_pages": False})
    return out.getvalue()
