"""No import cycle inside ``readinglist.gui``.

The graph is built from the source with ``ast``: every ``import`` and ``from … import``
of a ``readinglist.gui`` module, wherever it sits — at module level, inside a function
(the lazy imports that keep the first paint light), and inside ``if TYPE_CHECKING:``
blocks too. Type-only imports are counted on purpose: they do not run, but a type-only
loop is a runtime loop waiting for the day someone moves one import out of its block,
and it is the same tangle for a reader. So the rule is simply: the parts of the window
form a directed acyclic graph, whatever kind of import draws an edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import readinglist.gui

GUI = Path(readinglist.gui.__file__).parent
PACKAGE = "readinglist.gui"


def module_name(path: Path) -> str:
    parts = path.relative_to(GUI).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The gui modules ``path`` imports (``from readinglist.gui import theme`` counts as
    ``readinglist.gui.theme`` when that is a module, else as the package)."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m in modules and m != here}


def gui_graph() -> dict[str, set[str]]:
    files = sorted(GUI.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return {module_name(f): imported_modules(f, modules) for f in files}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_sees_every_kind_of_import() -> None:
    graph = gui_graph()
    launch = graph[f"{PACKAGE}.launch"]
    assert f"{PACKAGE}.main_window" in launch  # inside a function
    assert f"{PACKAGE}.background" in launch  # inside a function (the head start)
    assert f"{PACKAGE}.theme" in launch  # ``from readinglist.gui import theme``
    assert f"{PACKAGE}.article_view" in graph[f"{PACKAGE}.pages"]  # under TYPE_CHECKING


def test_gui_has_no_import_cycle() -> None:
    cycle = find_cycle(gui_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
