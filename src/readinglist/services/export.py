"""Exports a user can read and keep: OPML subscriptions, notes as Markdown, JSON backup."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from readinglist.feeds.opml import write_opml
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, Feed
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
        title = f"Part {article.part}: {title}"
    if article.link:
        title = f"[{title}](<{article.link}>)"
    return f"### {title}"


def export_markdown(store: Store) -> str:
    """Every note, grouped by feed then series (in part order), standalone posts last."""
    feeds: dict[int, Feed] = {f.id: f for f in store.list_feeds(include_unsubscribed=True)}
    noted = store.list_articles(ArticleQuery(with_notes=True, order="part"))
    by_feed: dict[int, dict[str | None, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for article in noted:
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
                lines.append((article.note or "").rstrip())
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_json(store: Store) -> str:
    data: dict[str, Any] = store.dump()
    data["exported_at"] = datetime.now(UTC).isoformat()
    return json.dumps(data, ensure_ascii=False, indent=1)
