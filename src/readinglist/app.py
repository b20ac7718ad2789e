"""Entry point: a subcommand runs the CLI; no subcommand opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from readinglist import __version__


def _wants_cli(argv: Sequence[str]) -> bool:
    """True when the first positional word is a command (``--data-dir DIR`` skipped)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif arg in ("-h", "--help"):
            return True
        elif not arg.startswith("-"):
            return True  # a command, or an unknown word the CLI will explain
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--version" in args:
        print(f"readinglist {__version__}")
        return 0
    if _wants_cli(args):
        from readinglist.cli.commands import run

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
