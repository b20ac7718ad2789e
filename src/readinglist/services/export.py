"""Exports a user can read and keep: OPML subscriptions, notes and highlights as Markdown,
highlights as a Readwise-compatible CSV, and the JSON backup."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from readinglist.feeds.opml import write_opml
from readinglist.model.parts import part_words
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, Feed, Highlight
from readinglist.storage.store import Store


def export_opml(store: Store) -> bytes:
    return write_opml(store.list_feeds())


def _md_escape(text: str) -> str:
    """Escape what Markdown would read as link or emphasis syntax in a title."""
    for char in "\\[]*_`":
        text = text.replace(char, "\\" + char)
    return text


def _article_heading(article: Article) -> str:
    title = _md_escape(article.title or article.link or f"article {article.id}")
    if article.part is not None:
        title = f"{part_words(article.part, article.part_last)}: {title}"
    if article.link:
        title = f"[{title}](<{article.link}>)"
    return f"### {title}"


def _annotated(
    store: Store, series_id: int | None = None
) -> tuple[list[Article], dict[int, list[Highlight]]]:
    """Articles with a note or a highlight, in part order, and their highlights; only
    one series' when ``series_id`` is given."""
    if series_id is not None:
        members = store.list_articles(ArticleQuery(series_id=series_id, order="part"))
        marks = store.list_highlights([a.id for a in members])
    else:
        marks = store.list_highlights()
    highlights: dict[int, list[Highlight]] = defaultdict(list)
    for h in marks:
        highlights[h.article_id].append(h)
    noted = store.list_articles(ArticleQuery(with_notes=True, series_id=series_id, order="part"))
    extra = set(highlights) - {a.id for a in noted}
    if extra:  # one list in part order: the noted and the highlighted together
        ids = tuple(sorted(extra | {a.id for a in noted}))
        noted = store.list_articles(ArticleQuery(ids=ids, order="part"))
    return noted, highlights


def _highlight_lines(h: Highlight) -> list[str]:
    quote = " ".join(h.quote.split())
    lines = [f"> {quote}"]
    if h.orphaned:
        lines.append(">")
        lines.append("> *(no longer found in the article's current text)*")
    if h.note:
        lines += ["", f"— {h.note.strip()}"]
    return [*lines, ""]


def export_markdown(store: Store, *, series_id: int | None = None) -> str:
    """Every note and highlight, grouped by feed then series (in part order), standalone
    posts last; each article's note, then its highlights as quotes with their comments."""
    feeds: dict[int, Feed] = {f.id: f for f in store.list_feeds(include_unsubscribed=True)}
    annotated, highlights = _annotated(store, series_id)
    by_feed: dict[int, dict[str | None, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for article in annotated:
        by_feed[article.feed_id][article.series_name].append(article)
    lines = ["# readinglist notes", ""]
    lines.append(f"Exported {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}.")
    lines.append("")
    for feed_id in sorted(by_feed, key=lambda i: feeds[i].display_title.lower()):
        feed = feeds[feed_id]
        lines += [f"## {_md_escape(feed.display_title)}", ""]
        groups = by_feed[feed_id]
        names = sorted((n for n in groups if n is not None), key=str.lower)
        for name in [*names, None]:
            if name not in groups:
                continue
            lines += [f"### Series: {_md_escape(name)}" if name else "### Standalone", ""]
            for article in groups[name]:
                lines.append("#" + _article_heading(article))
                lines.append("")
                if article.note:
                    lines += [article.note.rstrip(), ""]
                for h in highlights.get(article.id, []):
                    lines += _highlight_lines(h)
    return "\n".join(lines).rstrip() + "\n"


#: Readwise's CSV import columns, in its order.
READWISE_COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def export_readwise(store: Store, *, series_id: int | None = None) -> str:
    """Every highlight as a row of Readwise's CSV import format: the quote, the article's
    title, author and link, the comment, the position in the text, and when it was made."""
    _articles, by_article = _annotated(store, series_id)
    highlights = [h for article in _articles for h in by_article.get(article.id, [])]
    articles = {a.id: a for a in _articles}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(READWISE_COLUMNS)
    for h in highlights:
        article = articles.get(h.article_id)
        writer.writerow(
            (
                " ".join(h.quote.split()),
                (article.title if article else "") or "",
                (article.author if article else "") or "",
                (article.link if article else "") or "",
                h.note or "",
                h.start + 1,  # a 1-based position in the article's text
                h.created.strftime("%Y-%m-%d %H:%M:%S"),
            )
        )
    return out.getvalue()


#: The JSON-LD context of the W3C Web Annotation Data Model.
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def web_annotation(h: Highlight, article: Article | None) -> dict[str, Any]:
    """A highlight as a W3C Web Annotation: its comment as the body, the article's link
    as the target's source, selected by quote-with-context and by position."""
    target: dict[str, Any] = {
        "source": (article.link if article else None) or f"urn:readinglist:article:{h.article_id}",
        "selector": [
            {"type": "TextQuoteSelector", "exact": h.quote, "prefix": h.prefix, "suffix": h.suffix},
            {"type": "TextPositionSelector", "start": h.start, "end": h.end},
        ],
    }
    annotation: dict[str, Any] = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:readinglist:highlight:{h.id}",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": h.created.isoformat(),
        "target": target,
    }
    if h.note:
        annotation["body"] = {"type": "TextualBody", "value": h.note, "purpose": "commenting"}
    if h.orphaned:
        annotation["readinglist:orphaned"] = True
    return annotation


def export_json(store: Store) -> str:
    """The whole library (``import`` restores it from the rows), with every highlight
    also as a Web Annotation for tools that read that model."""
    data: dict[str, Any] = store.dump()
    highlights = store.list_highlights()
    ids = tuple(dict.fromkeys(h.article_id for h in highlights))
    articles = {a.id: a for a in store.list_articles(ArticleQuery(ids=ids))} if ids else {}
    data["annotations"] = [web_annotation(h, articles.get(h.article_id)) for h in highlights]
    data["exported_at"] = datetime.now(UTC).isoformat()
    return json.dumps(data, ensure_ascii=False, indent=1)
