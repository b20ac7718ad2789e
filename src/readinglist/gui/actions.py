"""Menus, toolbar and keyboard: one table binds every shortcut and documents it.

Each binding names its command by a key; the window hands ``Actions`` one callable per
key (``commands``), so nothing here knows the window's class and no method is looked up
by name. Keys with Ctrl or a function key become ``QAction`` shortcuts. Single keys (j, k, m, /
…) are handled by ``KeyDispatcher``, an application event filter that acts only for
the main window and never while the user types in a text field (the notes editor,
the filter box), so "jms" typed into a note stays in the note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QToolBar, QWidget

from readinglist.gui import theme

#: What runs a command by its key (the window's ``run_command``: nothing until attached).
Runner = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Binding:
    command: str  # the key of the window's callable for it (``MainWindow.commands``)
    label: str  # menu text
    keys: tuple[str, ...] = ()  # "j", "/", "Esc", "Ctrl+N", "F5"
    menu: str = ""  # one of MENUS; "" = keyboard only
    icon: str | None = None
    in_text: bool = False  # also acts while typing in a text field (Esc)

    @property
    def single_keys(self) -> tuple[str, ...]:
        return tuple(k for k in self.keys if len(k) == 1 or k == "Esc")

    @property
    def sequences(self) -> tuple[str, ...]:
        return tuple(k for k in self.keys if k not in self.single_keys)


BINDINGS: tuple[Binding, ...] = (
    Binding("add_feed", "Add feed…", ("Ctrl+N",), "File", icon="add"),
    Binding("import_opml", "Import OPML…", (), "File"),
    Binding("export_opml", "Export OPML…", (), "File"),
    Binding("export_notes", "Export notes (Markdown)…", (), "File"),
    Binding("show_preferences", "Preferences…", ("Ctrl+,",), "File"),
    Binding("quit", "Quit", ("Ctrl+Q",), "File"),
    Binding("undo", "Undo", ("Ctrl+Z",), "Edit"),
    Binding("next_article", "Next article", ("j",), "View"),
    Binding("previous_article", "Previous article", ("k",), "View"),
    Binding("next_unread", "Next unread article", ("n",), "View"),
    Binding("previous_unread", "Previous unread article", ("p",), "View"),
    Binding("focus_filter", "Filter…", ("/", "Ctrl+F"), "View"),
    Binding("toggle_unread_only", "Unread only", (), "View"),
    Binding("larger_text", "Larger article text", ("Ctrl+=", "Ctrl++"), "View"),
    Binding("smaller_text", "Smaller article text", ("Ctrl+-",), "View"),
    Binding("reset_text_size", "Default article text size", ("Ctrl+0",), "View"),
    Binding(
        "focus_tree", "Back to the tree (from the notes or filter box)", ("Esc",), in_text=True
    ),
    Binding("toggle_read", "Toggle read", ("m",), "Article"),
    Binding("toggle_star", "Toggle star", ("s",), "Article", icon="star"),
    Binding("open_in_browser", "Open in browser", ("o",), "Article"),
    Binding("edit_note", "Edit note", ("e",), "Article"),
    Binding("highlight_selection", "Highlight selection", ("h",), "Article"),
    Binding("toggle_follow", "Follow series", ("f",), "Series"),
    Binding("find_missing_parts", "Find missing parts", (), "Series"),
    Binding("cancel_find_missing", "Cancel finding missing parts", (), "Series"),
    Binding("export_series_epub", "Export series as e-book (EPUB)…", (), "Series"),
    Binding("confirm_series", "Confirm series (it is no guess)", (), "Series"),
    Binding("not_a_series", "Not a series", (), "Series"),
    Binding("sync_now", "Sync now", ("F5", "r"), "Feed", icon="sync"),
    Binding("cancel_sync", "Cancel sync", (), "Feed"),
    Binding("read_site_series", "Read series from the site", (), "Feed"),
    Binding("show_shortcuts", "Keyboard shortcuts", ("F1",), "Help"),
    Binding("show_about", "About readinglist", (), "Help"),
)

MENUS = ("File", "Edit", "View", "Article", "Series", "Feed", "Help")
TOOLBAR = ("add_feed", "sync_now", "toggle_star")


def key_label(key: str) -> str:
    return key.upper() if len(key) == 1 and key.isalpha() else key


def is_text_input(widget: QObject | None) -> bool:
    """True for widgets where a letter key types a letter."""
    # Imported on the first key, not at start-up (each class creates its enums then).
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QAbstractSpinBox)


class KeyDispatcher(QObject):
    """Application event filter for the single-key shortcuts of one window."""

    def __init__(self, window: QWidget, run: Runner) -> None:
        super().__init__(window)
        self._window = window
        self._run = run
        self.by_text: dict[str, Binding] = {}
        for binding in BINDINGS:
            for key in binding.single_keys:
                self.by_text["\x1b" if key == "Esc" else key] = binding

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if watched.window() is not self._window or QApplication.activePopupWidget() is not None:
            return False
        if QApplication.activeModalWidget() is not None:
            return False
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        text = "\x1b" if event.key() == Qt.Key.Key_Escape else event.text()
        binding = self.by_text.get(text)
        if binding is None:
            return False
        typing = is_text_input(watched) or is_text_input(QApplication.focusWidget())
        if typing and not binding.in_text:
            return False
        self._run(binding.command)
        return True


class Actions:
    """Builds the menu bar and toolbar of ``window`` from ``BINDINGS``; ``run`` runs a
    binding's command (the window checks every binding has one: ``missing_commands``)."""

    def __init__(self, window: QMainWindow, run: Runner) -> None:
        self.by_command: dict[str, QAction] = {}
        bar = window.menuBar()
        menus = {name: bar.addMenu(f"&{name}") for name in MENUS}
        for binding in BINDINGS:
            if not binding.menu:
                continue
            action = QAction(binding.label, window)
            action.setObjectName(f"action_{binding.command}")
            if binding.icon:
                action.setIcon(theme.icon(binding.icon))
            if binding.sequences:
                action.setShortcuts([QKeySequence(k) for k in binding.sequences])
            elif binding.single_keys:
                # Shown in the menu only; the dispatcher handles the key itself.
                action.setText(f"{binding.label}\t{key_label(binding.single_keys[0])}")
                action.setIconText(binding.label)
            action.triggered.connect(lambda _checked=False, c=binding.command: run(c))
            menus[binding.menu].addAction(action)
            self.by_command[binding.command] = action
            if binding.command in (
                "show_preferences",
                "cancel_sync",
                "toggle_unread_only",
                "highlight_selection",
                "toggle_follow",
            ):
                menus[binding.menu].addSeparator()
        unread = self.by_command["toggle_unread_only"]
        unread.setCheckable(True)
        self.toolbar = QToolBar("Main", window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for command in TOOLBAR:
            self.toolbar.addAction(self.by_command[command])
        window.addToolBar(self.toolbar)
        self.dispatcher = KeyDispatcher(window, run)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.dispatcher)

    def action(self, command: str) -> QAction:
        return self.by_command[command]

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.dispatcher)


def missing_commands(commands: Mapping[str, object]) -> list[str]:
    """The bindings ``commands`` has no callable for (empty when the table is covered)."""
    return [b.command for b in BINDINGS if b.command not in commands]


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for the Help → Keyboard shortcuts dialog."""
    return [
        (" or ".join(key_label(k) for k in b.keys), b.label.rstrip("…")) for b in BINDINGS if b.keys
    ]
