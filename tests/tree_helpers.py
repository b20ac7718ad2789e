"""Shared by the library-tree tests: one small feed, and finding rows by their text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from helpers import entry, incoming
from readinglist.gui.tree_model import TreeModel
from readinglist.model.query import ArticleQuery

DISPLAY = Qt.ItemDataRole.DisplayRole
FEED_ROW = 6  # below the six smart views


def build(store):
    """One feed: 'Transfer Learning' parts 1, 2, 4 (3 missing) and two standalone posts."""
    feed = store.add_feed("https://blog.example/feed.xml", title="Example Blog")
    items = [
        incoming(entry("tl-4", "Transfer Learning (4): Domain Adaptation", day=4), "transfer", 4),
        incoming(entry("tl-1", "Transfer Learning (1): Pretraining", day=1), "transfer", 1),
        incoming(entry("tl-2", "Transfer Learning (2): Fine-Tuning", day=2), "transfer", 2),
        incoming(entry("solo-a", "Mixed Precision Checklist", day=5)),
        incoming(entry("solo-b", "Data Versioning", day=3)),
    ]
    store.upsert_entries(feed.id, items)
    ids = {a.guid: a.id for a in store.list_articles(ArticleQuery(feed_id=feed.id))}
    return feed, ids


def texts(model: TreeModel, parent: QModelIndex, column: int = 0) -> list[str]:
    return [model.index(r, column, parent).data(DISPLAY) for r in range(model.rowCount(parent))]


def child(model: TreeModel, parent: QModelIndex, text: str) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(DISPLAY) == text:
            return index
    raise AssertionError(f"{text!r} not under {parent.data(DISPLAY)!r}: {texts(model, parent)}")


def expand(model: TreeModel, index: QModelIndex) -> QModelIndex:
    if model.canFetchMore(index):
        model.fetchMore(index)
    return index
