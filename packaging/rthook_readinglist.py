"""Runtime hook (runs before the app): the cheap part of PyInstaller's PySide6 hook.

PyInstaller's own ``pyi_rth_pyside6`` imports PySide6.QtCore at start-up to register a
qt.conf, which loads Qt, ICU and shiboken on *every* start -- about 0.1 s even for
``readinglist --version`` and the CLI, which never touch Qt. The spec drops that hook and
uses this one: PySide6's own ``__init__`` registers the same qt.conf (prefix
``_internal/PySide6/Qt``) when the window first imports it, so all that is left is to make
Qt look for plugins only inside the bundle.
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")  # type: ignore[attr-defined]
