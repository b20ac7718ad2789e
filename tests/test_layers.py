"""The layer rules, checked by importing each layer in a fresh interpreter."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "readinglist"


def _loaded_modules(module: str) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(out.stdout))


@pytest.mark.parametrize(
    "module",
    [
        "readinglist.feeds.fetch",
        "readinglist.feeds.parse",
        "readinglist.feeds.series.detect",
        "readinglist.storage",
        "readinglist.services.sync",
        "readinglist.services.library",
        "readinglist.cli.commands",
    ],
)
def test_no_qt_below_the_gui(module: str) -> None:
    loaded = _loaded_modules(module)
    assert not {m for m in loaded if m.startswith("PySide6")}, f"{module} pulls in Qt"


@pytest.mark.parametrize(
    "module",
    ["readinglist.feeds.fetch", "readinglist.feeds.parse", "readinglist.feeds.series.detect"],
)
def test_feeds_layer_is_pure(module: str) -> None:
    loaded = _loaded_modules(module)
    assert "peewee" not in loaded
    assert "readinglist.storage" not in loaded


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_storage_imports_peewee_and_only_gui_imports_qt() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        for name in _imports(path):
            top = name.split(".")[0]
            if top in ("peewee", "playhouse") and not rel.startswith("storage/"):
                offenders.append(f"{rel} imports {name}")
            if top == "PySide6" and not rel.startswith("gui/"):
                offenders.append(f"{rel} imports {name}")
            if rel.startswith("gui/") and top in ("peewee", "playhouse"):
                offenders.append(f"{rel} imports {name}")
            if rel.startswith(("feeds/", "storage/")) and name.startswith(
                (
                    "readinglist.gui",
                    "readinglist.services.sync",
                    "readinglist.services.library",
                    "readinglist.cli.commands",
                )
            ):
                offenders.append(f"{rel} reaches up to {name}")
            if rel.startswith("feeds/") and name.startswith("readinglist.storage"):
                offenders.append(f"{rel} imports {name}")
    assert offenders == []


def test_no_source_file_is_a_monolith() -> None:
    too_long = {
        path.relative_to(SRC).as_posix(): n
        for path in SRC.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 650
    }
    assert too_long == {}


def test_the_window_does_not_load_the_network_stack_to_open() -> None:
    """Start-up time: httpx, ssl and feedparser load on the first sync, not with the window."""
    loaded = _loaded_modules("readinglist.gui.main_window")
    assert not {m for m in loaded if m.split(".")[0] in ("httpx", "feedparser", "ssl")}


def test_the_first_paint_needs_neither_peewee_nor_the_library() -> None:
    """The window paints its feed rows from ``fast_start.peek_feeds`` before the library
    opens: everything that paint imports must stay clear of peewee, ``storage.store``,
    ``library`` and the bulk of ``model.records`` (they load right after, in ``attach``)."""
    loaded = _loaded_modules("readinglist.gui.main_window")
    loaded |= _loaded_modules("readinglist.services.fast_start")
    heavy = {
        "peewee",
        "readinglist.services.library",
        "readinglist.model.records",
        "readinglist.storage.store",
    }
    assert not loaded & heavy


def _offenders(folder: str, banned: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    """Imports in ``src/readinglist/<folder>/`` of a ``banned`` module (or a submodule),
    unless the name is also under an ``allowed`` prefix."""

    def under(name: str, prefixes: tuple[str, ...]) -> bool:
        return any(name == p or name.startswith(p + ".") for p in prefixes)

    return sorted(
        f"{path.relative_to(SRC).as_posix()} imports {name}"
        for path in (SRC / folder).rglob("*.py")
        for name in _imports(path)
        if under(name, banned) and not under(name, allowed)
    )


@pytest.mark.parametrize("face", ["cli", "gui"])
def test_the_faces_go_through_the_services_only(face: str) -> None:
    """One door: the window and the CLI ask ``Library`` (services), never ``storage/``."""
    assert _offenders(face, ("readinglist.storage",)) == []


@pytest.mark.parametrize("face", ["cli", "gui"])
def test_the_faces_never_reach_behind_the_library(face: str) -> None:
    """``Library.store`` is there for tests and benchmarks that set up a library; a face
    that read ``.store`` would open the second door again."""
    reaches = sorted(
        f"{path.relative_to(SRC).as_posix()}:{node.lineno}"
        for path in (SRC / face).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in ("store", "_store")
    )
    assert reaches == []


def test_the_shared_model_depends_on_nothing_else_of_ours() -> None:
    """``model/`` is what every layer shares, so it may import only itself."""
    assert _offenders("model", ("readinglist",), allowed=("readinglist.model",)) == []


def test_storage_reaches_neither_sideways_nor_up() -> None:
    """``storage/`` takes model values in and gives them back; parsing and detecting
    (``feeds/``) and everything above are the services' business."""
    banned = (
        "readinglist.feeds",
        "readinglist.services",
        "readinglist.cli",
        "readinglist.gui",
    )
    assert _offenders("storage", banned) == []


def test_feeds_know_no_library() -> None:
    """``feeds/`` is bytes in, model values out: no storage, no services above it."""
    banned = ("readinglist.storage", "readinglist.services", "readinglist.cli", "readinglist.gui")
    assert _offenders("feeds", banned) == []


def test_the_backfill_matcher_is_pure() -> None:
    """``services/backfill/match.py`` decides on values alone: model and feeds only."""
    path = SRC / "services" / "backfill" / "match.py"
    ours = {n for n in _imports(path) if n == "readinglist" or n.startswith("readinglist.")}
    assert {
        n for n in ours if not n.startswith(("readinglist.model", "readinglist.feeds"))
    } == set()
