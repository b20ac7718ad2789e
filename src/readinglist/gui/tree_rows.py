"""What one row of the library tree shows: its text, progress, font, icon and tooltip.

Plain functions of a ``Node`` (the model's ``data`` calls them once per visible cell
and role, so they stay cheap: no store reads, only the node's own dataclasses).
"""

from __future__ import annotations

from typing import Any

from readinglist.gui import theme
from readinglist.gui.series_text import (
    missing_run_row,
    missing_run_tooltip,
    missing_summary,
    series_progress,
)
from readinglist.gui.tree_nodes import Node, NodeType, SmartView
from readinglist.model.parts import part_words


def title(node: Node) -> str:
    t = node.type
    if t is NodeType.SMART and node.smart is not None:
        label = node.smart.label
        return f"{label} ({node.unread})" if node.smart is SmartView.UNREAD else label
    if t is NodeType.FEED and node.feed is not None:
        return node.feed.display_title
    if t is NodeType.SERIES and node.series is not None:
        return f"★ {node.series.name}" if node.series.followed else node.series.name
    if t is NodeType.STANDALONE:
        return "Standalone"
    if t is NodeType.PLACEHOLDER and node.part is not None:
        return missing_run_row(node.part, node.last if node.last is not None else node.part)
    if t is NodeType.ARTICLE and node.article is not None:
        a = node.article
        if node.series_id is not None and a.part is not None:
            return f"{part_words(a.part, a.part_last)} — {a.short_title or a.title}"
        return a.title or a.link or f"Article {a.id}"
    return ""


def progress(node: Node) -> str:
    t = node.type
    if t is NodeType.FEED and node.feed is not None:
        return str(node.feed.unread_count) if node.feed.unread_count else ""
    if t is NodeType.SERIES and node.series is not None:
        s = node.series
        return series_progress(s.read_count, s.article_count, len(s.missing))
    if t is NodeType.STANDALONE:
        return series_progress(node.total - node.unread, node.total)
    if t is NodeType.ARTICLE and node.article is not None:
        when = node.article.published or node.article.first_seen
        return when.strftime("%Y-%m-%d") if when else ""
    return ""


def unread(node: Node) -> bool:
    if node.type is NodeType.ARTICLE and node.article is not None:
        return not node.article.read
    if node.type is NodeType.FEED and node.feed is not None:
        return node.feed.unread_count > 0
    if node.type is NodeType.SERIES and node.series is not None:
        return node.series.read_count < node.series.article_count
    return node.type in (NodeType.STANDALONE, NodeType.SMART) and node.unread > 0


def font(node: Node) -> Any:
    if node.type is NodeType.PLACEHOLDER:
        return theme.italic_font()
    if node.type is NodeType.SERIES and node.series is not None and node.series.guess:
        return theme.italic_font()  # found on weak evidence: a guess until confirmed
    return theme.bold_font() if unread(node) else None


def icon(node: Node) -> Any:
    if node.type is NodeType.FEED and node.feed is not None and node.feed.last_error:
        return theme.icon("error")
    if node.type is NodeType.ARTICLE and node.article is not None and node.article.starred:
        return theme.icon("star")
    if node.type is NodeType.SMART and node.smart is SmartView.STARRED:
        return theme.icon("star")
    return None


def tooltip(node: Node) -> str | None:
    if node.type is NodeType.FEED and node.feed is not None:
        return node.feed.last_error or node.feed.url
    if node.type is NodeType.SERIES and node.series is not None:
        s = node.series
        lines = [s.name, progress(node), missing_summary(s.missing)]
        if s.kind == "recurring":
            lines.append("A recurring column: shown by date, no parts to miss")
        if s.guess:
            lines.append("A guess (Series ▸ Confirm series, or Not a series)")
        if s.why:
            lines.append(f"Why: {s.why}")
        return "\n".join(line for line in lines if line)
    if node.type is NodeType.ARTICLE and node.article is not None:
        a = node.article
        bits = [a.title]
        if a.series_name:
            bits.append(f"{a.series_name}, part {a.part}" if a.part else a.series_name)
        if a.reading_minutes:
            bits.append(f"{a.reading_minutes} min read")
        if a.published is None and a.first_seen is not None:
            bits.append("No date of its own: the date shown is the day it was added")
        return "\n".join(bits)
    if node.type is NodeType.PLACEHOLDER and node.part is not None:
        return missing_run_tooltip(node.part, node.last if node.last is not None else node.part)
    return None
