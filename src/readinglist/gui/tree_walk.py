"""The library tree in display order, for j/k/n/p: which row comes next.

Apart from ``SeriesTree`` because it is a walk over the model's plain nodes (loading
what it passes), not a view concern; the tree asks it and selects what it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from readinglist.gui.tree_nodes import Node, NodeType

if TYPE_CHECKING:
    from readinglist.gui.tree_model import TreeModel


def walk(
    model: TreeModel,
    start: Node | None,
    forward: bool,
    pruned: Callable[[Node], bool],
    load: Callable[[Node], None],
) -> Iterator[Node]:
    """The nodes after (or before) ``start`` in display order, loading branches with
    ``load`` as it goes and skipping those ``pruned`` says to. Within a smart view it
    stays inside the view (reading its next page when it runs past the last loaded
    row); elsewhere it walks the feeds. ``start`` None: from the first (or last) feed."""
    root = model.root

    def top(node: Node) -> Node:
        while node.parent is not None and node.parent is not root:
            node = node.parent
        return node

    def down(node: Node) -> Iterator[Node]:  # descendants in display order
        if pruned(node):
            return
        load(node)
        children = list(node.children) if forward else list(reversed(node.children))
        for child in children:
            if forward:
                yield child
                yield from down(child)
            else:
                yield from down(child)
                yield child

    if start is None or start.parent is None:
        tops = [n for n in root.children if n.type is NodeType.FEED]
        for node in tops if forward else reversed(tops):
            yield from ([node, *down(node)] if forward else [*down(node), node])
        return
    scope = top(start)
    in_smart = scope.type is NodeType.SMART
    if forward:
        yield from down(start)
    node = start
    while node.parent is not None:
        parent = node.parent
        if parent is root and in_smart:
            return
        siblings = parent.children
        if parent is root:
            siblings = [n for n in siblings if n.type is NodeType.FEED]
        i = siblings.index(node) if node in siblings else -1
        rest = siblings[i + 1 :] if forward else list(reversed(siblings[:i]))
        for sib in rest:
            if forward:
                yield sib
                yield from down(sib)
            else:
                yield from down(sib)
                yield sib
        # past the last loaded row of a smart view: its next page, then on from there
        if forward and parent.type is NodeType.SMART:
            last = rest[-1] if rest else node
            if model.load_more_now(parent):
                node = last
                continue
        if parent is root:
            return
        if not forward:
            yield parent
        node = parent
