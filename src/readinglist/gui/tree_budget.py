"""``CollapsedBranches``: a ceiling on the rows the library tree keeps in memory.

Why: the tree reads a branch's rows when it is expanded and, left alone, keeps them
until the window closes. Someone who leaves readinglist open all day and walks through
hundreds of series would hold every article they ever opened (about 1 KB each). Above
a budget of rows, the branches the user collapsed longest ago forget their rows; they
are read again (off the GUI thread, in milliseconds) when next expanded.

Only collapsed branches are forgotten, never the one holding the current row, so the
selection, the scroll position and what the user sees never change. Below the budget
nothing is forgotten, so expanding and collapsing stay instant and a re-expanded feed
shows the series that were open inside it.

The view calls ``trim`` on the event-loop turn after an expand or collapse, never
inside one: code that expands a chain of rows and then selects a row it holds an index
to (``select_index``, ``j``) must not see that row's branch unloaded in between.
"""

from __future__ import annotations

from readinglist.gui.tree_model import TreeModel
from readinglist.gui.tree_nodes import Node

# About 20 MB of articles; the bench's whole-library floor holds 100k.
ROW_BUDGET = 20_000


def _holds(branch: Node, node: Node | None) -> bool:
    while node is not None:
        if node is branch:
            return True
        node = node.parent
    return False


class CollapsedBranches:
    """Remembers collapsed branches, oldest first, and unloads them over the budget."""

    def __init__(self, model: TreeModel, budget: int = ROW_BUDGET) -> None:
        self.model = model
        self.budget = budget
        self._order: dict[Node, None] = {}  # insertion order: least recently collapsed first

    def expanded(self, node: Node) -> None:
        self._order.pop(node, None)

    def collapsed(self, node: Node) -> None:
        self._order.pop(node, None)  # re-inserted last: the most recently collapsed
        if node.lazy and node.loaded:
            self._order[node] = None

    def trim(self, current: Node | None) -> None:
        """Unload the oldest collapsed branches until the model is within the budget."""
        # Branches gone with an unloaded parent or a rebuilt model are dropped first, so
        # the list never keeps their rows alive.
        self._order = {n: None for n in self._order if n.alive}
        for node in list(self._order):
            if self.model.row_count <= self.budget:
                return
            if _holds(node, current):
                continue  # keep the current row where it is; it may go on a later trim
            if self.model.unload(node):  # refused while its rows are being read: later
                del self._order[node]

    def __len__(self) -> int:
        return len(self._order)
