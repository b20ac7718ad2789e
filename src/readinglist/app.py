"""Entry point: a subcommand runs the CLI; no subcommand opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from readinglist import __version__

CLI_COMMANDS = {
    "add", "remove", "sync", "feeds", "list", "series", "read", "unread", "star", "unstar",
    "mark-read", "note", "move", "rename-series", "merge-series", "import", "export",
}  # fmt: skip


def _wants_cli(argv: Sequence[str]) -> bool:
    return any(arg in CLI_COMMANDS or arg in ("-h", "--help") for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--version" in args:
        print(f"readinglist {__version__}")
        return 0
    if _wants_cli(args):
        from readinglist.cli import run

        return run(args)
    return gui_main(args)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Open the window. Imported lazily so the CLI never loads Qt."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        from readinglist.gui.launch import launch
    except ImportError as exc:
        print(f"readinglist: the desktop window is not available ({exc})", file=sys.stderr)
        return 2
    return launch(args)
