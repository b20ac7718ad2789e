"""Remake the README's window screenshots from the current code, in one command:

    .venv/bin/python docs/make_screenshots.py

Why a script: screenshots taken by hand drift from the window as it changes (menus,
views, button labels) and nobody remakes them. This one builds everything it shows:

* a library in a temporary folder from the offline sample feeds (``resources/sample``:
  three blogs with series in part order, missing parts and standalone posts), given a
  reader's state through the same Library verbs the CLI uses: parts read, two stars,
  notes, two followed series;
* the real ``MainWindow`` on Qt's offscreen platform (no display, no window manager,
  nothing but the venv), at a fixed size, with a series part selected whose next part
  is missing;
* ``docs/screenshot-light.png``, then Preferences → Theme → Dark applied to the same
  window as a reader would, and ``docs/screenshot-dark.png``.

Nothing is fetched (the sample feeds are offline) and nothing is written outside the
temporary folder and the two PNGs. Fonts come from the machine's fontconfig, so the
pictures differ slightly between machines; the layout does not.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the script imports Qt only after choosing the platform
    from readinglist.gui.main_window import MainWindow
    from readinglist.services.library import Library

DOCS = Path(__file__).resolve().parent
SIZE = (1200, 750)

#: (title starts with, read, starred, note) for the sample library's articles.
STATE = (
    ("Transfer Learning (1)", True, False, ""),
    ("Transfer Learning (2)", True, True, "Discriminative learning rates: 1e-5 below, 1e-3 head."),
    (
        "Transfer Learning (4)",
        False,
        False,
        "Part 5 is not in the feed: find it on the site.\n"
        "Try the feature-alignment trick on the support tickets (labels only for 2023).",
    ),
    ("Building a Key-Value Store, Part 1", True, False, ""),
    ("Building a Key-Value Store, Part 2", True, False, "WAL: fsync the directory too."),
    ("Time Series Forecasting Part 2", True, False, ""),
    ("Time Series Forecasting Part 3", True, False, ""),
    ("Networking Basics Ep. 1", True, False, ""),
    ("Why fsync Is Harder Than It Looks", False, True, ""),
)
FOLLOWED = ("Transfer Learning (4)", "Building a Key-Value Store, Part 2")
SELECTED = "Transfer Learning (4)"


def _article_ids(library: Library) -> dict[str, int]:
    from readinglist.model.query import ArticleQuery

    articles = library.list_articles(ArticleQuery())
    ids: dict[str, int] = {}
    for prefix, *_ in STATE:
        matches = [a.id for a in articles if (a.title or "").startswith(prefix)]
        if len(matches) != 1:
            raise SystemExit(f"make_screenshots: the sample library has no one {prefix!r}")
        ids[prefix] = matches[0]
    return ids


def build_library(data_dir: Path) -> tuple[Library, int]:
    """The sample library with a reader's state; returns it and the article to show."""
    from readinglist.services.library import Library

    library = Library.open(data_dir)
    library.load_sample_library()
    ids = _article_ids(library)
    for prefix, read, starred, note in STATE:
        if read:
            library.mark_read([ids[prefix]], True)
        if starred:
            library.set_starred([ids[prefix]], True)
        if note:
            library.set_note(ids[prefix], note)
    for prefix in FOLLOWED:
        series_id = library.get_article(ids[prefix]).series_id
        if series_id is not None:
            library.set_followed(series_id, True)
    return library, ids[SELECTED]


def settle(ms: int = 400) -> None:
    """Let the window lay out, load its rows and paint."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def expand_smart_view(window: MainWindow, name: str) -> None:
    """Open one smart view of the tree (its rows load in the background)."""
    model, tree = window.model, window.tree
    for node in model.root.children:
        if node.smart is not None and node.smart.value == name:
            tree.expand(model.index_of(node))
            settle()
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNGs")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="window WxH")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("READINGLIST_THEME", None)  # the script picks each theme itself

    from PySide6.QtWidgets import QApplication

    from readinglist.gui import theme
    from readinglist.gui.main_window import MainWindow
    from readinglist.gui.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light")  # Fusion and a fixed palette: the same on every desktop
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="readinglist-shots-") as folder:
        library, article_id = build_library(Path(folder))
        settings = Settings(Path(folder) / "gui-settings.ini")
        settings.set_preferences(replace(settings.preferences(), theme="light"))
        window = MainWindow(library, settings=settings)
        try:
            window.resize(width, height)
            window.splitter.setSizes([width * 2 // 5, width - width * 2 // 5])
            window.show()
            settle()
            expand_smart_view(window, "continue")
            window.show_article_in_tree(article_id)
            window.tree.setFocus()
            settle()
            for name in ("light", "dark"):
                if name == "dark":
                    window.apply_preferences(replace(window.prefs, theme="dark"))
                    settle()
                path = args.out / f"screenshot-{name}.png"
                if not window.grab().save(str(path), "PNG"):
                    raise SystemExit(f"make_screenshots: could not write {path}")
                written.append(path)
        finally:
            window.close()
            library.close()
    for path in written:
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
